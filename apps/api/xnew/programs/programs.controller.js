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
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProgramsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../auth/auth.decorators");
const etag_1 = require("../common/http/etag");
const eligibility_limit_guard_1 = require("./eligibility-limit.guard");
const programs_dto_1 = require("./programs.dto");
const public_read_limit_guard_1 = require("./public-read-limit.guard");
const programs_service_1 = require("./programs.service");
/**
 * The public program pages. The two GETs are answered from memory (ProgramsCache) and limited per
 * address in memory too (PublicReadLimitGuard): a limiter's Redis round trip would cost more than
 * the answer, and the budget is sized for a whole carrier NAT address, not one person
 * (docs/auth-defenses.md).
 */
let ProgramsController = class ProgramsController {
    constructor(programs) {
        this.programs = programs;
    }
    /**
     * The list as pre-serialized bytes with a strong ETag: `If-None-Match` with the current tag gets
     * 304 and no body. `no-cache`: a browser may keep it but revalidates every time, so the figures it
     * shows are never older than the server's (≤ ~1 s).
     */
    async list(request, reply) {
        const { body, etag } = await this.programs.listBody();
        void reply.header('etag', etag).header('cache-control', 'no-cache');
        if ((0, etag_1.ifNoneMatch)(request.headers['if-none-match'], etag)) {
            void reply.status(304).send();
            return;
        }
        void reply.header('content-type', 'application/json; charset=utf-8').send(body);
    }
    detail(params) {
        return this.programs.detail(params.code);
    }
    eligibility(params, body, caller) {
        return this.programs.checkEligibility(params.code, body.facts, body.asOf, caller);
    }
};
exports.ProgramsController = ProgramsController;
__decorate([
    (0, common_1.Get)(),
    (0, common_1.UseGuards)(public_read_limit_guard_1.PublicReadLimitGuard),
    (0, swagger_1.ApiOperation)({ summary: 'Programs with status, window and live budget figures' }),
    (0, swagger_1.ApiHeader)({ name: 'If-None-Match', required: false, description: 'ETag of a list already held: 304' }),
    (0, swagger_1.ApiOkResponse)({ description: 'ProgramSummary[] (ETag, Cache-Control: no-cache)' }),
    __param(0, (0, common_1.Req)()),
    __param(1, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], ProgramsController.prototype, "list", null);
__decorate([
    (0, common_1.Get)(':code'),
    (0, common_1.UseGuards)(public_read_limit_guard_1.PublicReadLimitGuard),
    (0, swagger_1.ApiOperation)({
        summary: 'One program: clauses with citations, documents, fact fields and the full definition',
    }),
    __param(0, (0, common_1.Param)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [programs_dto_1.ProgramCodeParams]),
    __metadata("design:returntype", Promise)
], ProgramsController.prototype, "detail", null);
__decorate([
    (0, common_1.Post)(':code/eligibility'),
    (0, common_1.HttpCode)(200),
    (0, common_1.UseGuards)(eligibility_limit_guard_1.EligibilityLimitGuard),
    (0, swagger_1.ApiOperation)({
        summary: 'Evaluate facts against the current rules (history clauses unknown when anonymous)',
    }),
    __param(0, (0, common_1.Param)()),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, auth_decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [programs_dto_1.ProgramCodeParams,
        programs_dto_1.EligibilityRequestDto, Object]),
    __metadata("design:returntype", Promise)
], ProgramsController.prototype, "eligibility", null);
exports.ProgramsController = ProgramsController = __decorate([
    (0, swagger_1.ApiTags)('programs'),
    (0, auth_decorators_1.Public)(),
    (0, common_1.Controller)('programs'),
    __metadata("design:paramtypes", [programs_service_1.ProgramsService])
], ProgramsController);
//# sourceMappingURL=programs.controller.js.map