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
Object.defineProperty(exports, "__esModule", { value: true });
exports.SessionIssuer = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const audit_service_1 = require("../audit/audit.service");
const pii_cipher_1 = require("../common/crypto/pii-cipher");
const users_repository_1 = require("../users/users.repository");
const session_service_1 = require("./session.service");
/** The end of every sign-in: a new session (no fixation), its audit row, and the public user. */
let SessionIssuer = class SessionIssuer {
    constructor(sessions, users, cipher, audit) {
        this.sessions = sessions;
        this.users = users;
        this.cipher = cipher;
        this.audit = audit;
    }
    /** A new session id at every sign-in; the previous session, if any, ends. */
    async issue(user, previousSessionId, method) {
        if (previousSessionId)
            await this.sessions.destroy(previousSessionId);
        const sessionUser = {
            id: user.id,
            role: user.role,
            displayName: user.displayName,
            organizationId: user.organizationId,
        };
        const sessionId = await this.sessions.create(sessionUser);
        await this.audit.record({
            action: 'auth.login',
            result: 'success',
            actor: { id: user.id, role: user.role },
            objectType: 'user',
            objectId: user.id,
            detail: { method },
        });
        return { user: await this.publicUser(sessionUser), sessionId };
    }
    /** A refused sign-in step (the caller throws its error). */
    recordFailure(entry) {
        return this.audit.record({ ...entry, result: 'failure' });
    }
    async signOut(user) {
        await this.sessions.destroy(user.sessionId);
        await this.audit.record({ action: 'auth.logout', result: 'success' });
    }
    async publicUser(user) {
        const base = { id: user.id, role: user.role, displayName: user.displayName };
        if (user.organizationId)
            base.organizationId = user.organizationId;
        if (user.role === 'resident') {
            const entity = await this.users.findById(user.id);
            if (entity?.phoneEnc)
                base.phoneMasked = (0, shared_1.maskPhone)(this.cipher.decrypt(entity.phoneEnc, 'user.phone'));
        }
        return base;
    }
};
exports.SessionIssuer = SessionIssuer;
exports.SessionIssuer = SessionIssuer = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [session_service_1.SessionService,
        users_repository_1.UsersRepository,
        pii_cipher_1.PiiCipher,
        audit_service_1.AuditService])
], SessionIssuer);
//# sourceMappingURL=session-issuer.service.js.map