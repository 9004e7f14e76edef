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
exports.ProgramVersionsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const auth_decorators_1 = require("../../auth/auth.decorators");
const programs_dto_1 = require("../../programs/programs.dto");
const program_versions_dto_1 = require("./program-versions.dto");
const program_versions_service_1 = require("./program-versions.service");
let ProgramVersionsController = class ProgramVersionsController {
    constructor(versions) {
        this.versions = versions;
    }
    createProgram(body, actor) {
        return this.versions.createProgram(body, actor);
    }
    list(params) {
        return this.versions.list(params.code);
    }
    createDraft(params, body, actor) {
        return this.versions.createDraft(params.code, body, actor);
    }
    get(params) {
        return this.versions.get(params.code, params.version);
    }
    publish(params, body, actor) {
        return this.versions.publish(params.code, params.version, body, actor);
    }
};
exports.ProgramVersionsController = ProgramVersionsController;
__decorate([
    (0, common_1.Post)(),
    (0, swagger_1.ApiOperation)({
        summary: 'A new program from a definition (a copy under a new code): its draft version 1; 409 PROGRAM_CODE_TAKEN; audited',
    }),
    __param(0, (0, common_1.Body)()),
    __param(1, (0, auth_decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [program_versions_dto_1.CreateProgramDto, Object]),
    __metadata("design:returntype", void 0)
], ProgramVersionsController.prototype, "createProgram", null);
__decorate([
    (0, common_1.Get)(':code/versions'),
    (0, swagger_1.ApiOperation)({ summary: "A program's versions, drafts included, newest first" }),
    __param(0, (0, common_1.Param)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [programs_dto_1.ProgramCodeParams]),
    __metadata("design:returntype", void 0)
], ProgramVersionsController.prototype, "list", null);
__decorate([
    (0, common_1.Post)(':code/versions'),
    (0, swagger_1.ApiOperation)({
        summary: 'A draft version, validated (422 INVALID_PROGRAM_DEFINITION with the JSON pointer `path` of the bad node); audited',
    }),
    __param(0, (0, common_1.Param)()),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, auth_decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [programs_dto_1.ProgramCodeParams,
        program_versions_dto_1.CreateVersionDto, Object]),
    __metadata("design:returntype", void 0)
], ProgramVersionsController.prototype, "createDraft", null);
__decorate([
    (0, common_1.Get)(':code/versions/:version'),
    (0, swagger_1.ApiOperation)({ summary: "One version with its definition (the editor's diff)" }),
    __param(0, (0, common_1.Param)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [program_versions_dto_1.ProgramVersionParams]),
    __metadata("design:returntype", void 0)
], ProgramVersionsController.prototype, "get", null);
__decorate([
    (0, common_1.Post)(':code/versions/:version/publish'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({
        summary: 'Publish a draft (a second administrator): 403 SELF_PUBLISH, 409 ALREADY_PUBLISHED / STALE_DRAFT; retroactive re-prices unpaid claims; audited',
    }),
    __param(0, (0, common_1.Param)()),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, auth_decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [program_versions_dto_1.ProgramVersionParams,
        program_versions_dto_1.PublishVersionDto, Object]),
    __metadata("design:returntype", void 0)
], ProgramVersionsController.prototype, "publish", null);
exports.ProgramVersionsController = ProgramVersionsController = __decorate([
    (0, swagger_1.ApiTags)('admin'),
    (0, common_1.Controller)('admin/programs'),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.ProgramsManage),
    __metadata("design:paramtypes", [program_versions_service_1.ProgramVersionsService])
], ProgramVersionsController);
//# sourceMappingURL=program-versions.controller.js.map