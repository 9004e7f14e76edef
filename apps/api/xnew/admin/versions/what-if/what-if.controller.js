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
exports.WhatIfController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const auth_decorators_1 = require("../../../auth/auth.decorators");
const what_if_dto_1 = require("./what-if.dto");
const what_if_service_1 = require("./what-if.service");
let WhatIfController = class WhatIfController {
    constructor(whatIf) {
        this.whatIf = whatIf;
    }
    async start(params, reply) {
        const started = await this.whatIf.start(params.code, params.version);
        if ('jobId' in started) {
            void reply.status(202);
            return { jobId: started.jobId };
        }
        return started.result;
    }
    job(params) {
        return this.whatIf.job(params.code, params.version, params.jobId);
    }
};
exports.WhatIfController = WhatIfController;
__decorate([
    (0, common_1.Post)(),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({
        summary: 'What-if of a draft version on the real claims (every status but draft): 200 { evaluated, changed: [{ applicationCode, status, before, after }], deltaFen, byStatus, retroactive }; above WHAT_IF_SYNC_MAX_CLAIMS claims 202 { jobId } (poll GET …/what-if/:jobId); 409 VERSION_PUBLISHED',
    }),
    __param(0, (0, common_1.Param)()),
    __param(1, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [what_if_dto_1.VersionParams, Object]),
    __metadata("design:returntype", Promise)
], WhatIfController.prototype, "start", null);
__decorate([
    (0, common_1.Get)(':jobId'),
    (0, swagger_1.ApiOperation)({
        summary: 'A what-if job of this version: { jobId, state: waiting|active|completed|failed, progress: { done, total }, result? } (result as the synchronous answer); 404 unknown job',
    }),
    __param(0, (0, common_1.Param)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [what_if_dto_1.WhatIfJobParams]),
    __metadata("design:returntype", Promise)
], WhatIfController.prototype, "job", null);
exports.WhatIfController = WhatIfController = __decorate([
    (0, swagger_1.ApiTags)('admin'),
    (0, common_1.Controller)('admin/programs/:code/versions/:version/what-if'),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.ProgramsManage),
    __metadata("design:paramtypes", [what_if_service_1.WhatIfService])
], WhatIfController);
//# sourceMappingURL=what-if.controller.js.map