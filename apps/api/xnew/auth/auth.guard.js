"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
var AuthGuard_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuthGuard = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const shared_1 = require("@huanxin/shared");
const audit_service_1 = require("../audit/audit.service");
const domain_error_1 = require("../common/errors/domain-error");
const rate_limit_1 = require("../common/http/rate-limit");
const request_context_1 = require("../common/http/request-context");
const config_module_1 = require("../config/config.module");
const auth_decorators_1 = require("./auth.decorators");
const session_cookie_1 = require("./session-cookie");
const session_service_1 = require("./session.service");
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * The global guard: denied by default. It resolves the session cookie, lets `@Public()` routes
 * through, refuses anonymous callers (401) and callers whose role lacks the route's permission
 * (403, audited), and limits writes per signed-in user (not per IP: many residents share one
 * carrier NAT address). A route that declares nothing is refused and logged as a defect.
 */
let AuthGuard = AuthGuard_1 = class AuthGuard {
    constructor(reflector, sessions, audit, limiter, config) {
        this.reflector = reflector;
        this.sessions = sessions;
        this.audit = audit;
        this.limiter = limiter;
        this.config = config;
        this.logger = new common_1.Logger(AuthGuard_1.name);
        this.routes = new WeakMap();
    }
    async canActivate(context) {
        await this.authorize(context.switchToHttp().getRequest(), this.declared(context));
        return true;
    }
    /**
     * Everything `canActivate` decides, for a request and what its route declares: the caller (null
     * on a public route without a session), or a DomainError (401, 403). Routes served by Fastify
     * directly (`common/http/lean-route.ts`) call this too, so there is one access decision.
     */
    async authorize(request, { isPublic, permission }) {
        const sessionId = (0, session_cookie_1.readSessionCookie)(this.config, request);
        const user = sessionId ? await this.sessions.resolve(sessionId) : null;
        if (user) {
            request.user = user;
            const store = request_context_1.requestContext.get();
            if (store)
                store.user = user;
        }
        if (isPublic)
            return user;
        if (!user)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.UNAUTHENTICATED, 'Please sign in');
        if (permission === undefined) {
            this.logger.error({ route: request.routeOptions?.url }, 'route declares no permission: refused');
            throw new domain_error_1.DomainError(shared_1.ErrorCode.FORBIDDEN, 'Not allowed');
        }
        if (permission !== auth_decorators_1.SIGNED_IN && !(0, shared_1.can)(user.role, permission)) {
            await this.audit.record({
                action: 'access.denied',
                result: 'denied',
                detail: { permission, method: request.method, route: request.routeOptions?.url ?? null },
            });
            throw new domain_error_1.DomainError(shared_1.ErrorCode.FORBIDDEN, 'Not allowed');
        }
        if (UNSAFE.has(request.method)) {
            await this.limiter.hit({
                name: 'writes',
                limit: this.config.auth.writeLimitPerMinute,
                windowSeconds: 60,
                onStoreDown: 'open',
            }, `user:${user.id}`);
        }
        return user;
    }
    /** What the route declares (fixed at start: read once per handler, not on every request). */
    declared(context) {
        const handler = context.getHandler();
        let access = this.routes.get(handler);
        if (!access) {
            const targets = [handler, context.getClass()];
            access = {
                isPublic: this.reflector.getAllAndOverride(auth_decorators_1.PUBLIC_ROUTE, targets) === true,
                permission: this.reflector.getAllAndOverride(auth_decorators_1.ROUTE_PERMISSION, targets),
            };
            this.routes.set(handler, access);
        }
        return access;
    }
};
exports.AuthGuard = AuthGuard;
exports.AuthGuard = AuthGuard = AuthGuard_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(4, (0, config_module_1.InjectConfig)()),
    __metadata("design:paramtypes", [core_1.Reflector,
        session_service_1.SessionService,
        audit_service_1.AuditService,
        rate_limit_1.RateLimiter, Object])
], AuthGuard);
//# sourceMappingURL=auth.guard.js.map