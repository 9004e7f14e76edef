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
exports.AdminProgramsController = exports.UpdateProgramBudgetDto = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const swagger_2 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const auth_decorators_1 = require("../auth/auth.decorators");
const programs_dto_1 = require("../programs/programs.dto");
const admin_programs_service_1 = require("./admin-programs.service");
const program_funding_dto_1 = require("./program-funding.dto");
const program_pauses_service_1 = require("./program-pauses.service");
const program_tranches_service_1 = require("./program-tranches.service");
class UpdateProgramBudgetDto {
}
exports.UpdateProgramBudgetDto = UpdateProgramBudgetDto;
__decorate([
    (0, swagger_2.ApiProperty)({ description: 'New budget total in fen', example: 5_000_000_000 }),
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(Number.MAX_SAFE_INTEGER),
    __metadata("design:type", Number)
], UpdateProgramBudgetDto.prototype, "budgetTotalFen", void 0);
let AdminProgramsController = class AdminProgramsController {
    constructor(programs, tranches, pauses) {
        this.programs = programs;
        this.tranches = tranches;
        this.pauses = pauses;
    }
    update(params, body) {
        return this.programs.setBudget(params.code, body.budgetTotalFen);
    }
    addTranche(params, body, actor) {
        return this.tranches.add(params.code, body, actor);
    }
    pause(params, body, actor) {
        return this.pauses.announce(params.code, body, actor);
    }
};
exports.AdminProgramsController = AdminProgramsController;
__decorate([
    (0, common_1.Patch)(':code'),
    (0, swagger_1.ApiOperation)({
        summary: "Raise or lower a program's budget (409 below what is reserved, committed and paid); audited",
    }),
    __param(0, (0, common_1.Param)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [programs_dto_1.ProgramCodeParams, UpdateProgramBudgetDto]),
    __metadata("design:returntype", void 0)
], AdminProgramsController.prototype, "update", null);
__decorate([
    (0, common_1.Post)(':code/tranches'),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.BudgetTranches),
    (0, swagger_1.ApiOperation)({
        summary: 'Add a tranche (finance or admin): raises the budget total from effectiveOn; 409 DUPLICATE_DOCUMENT_NO; audited',
    }),
    __param(0, (0, common_1.Param)()),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, auth_decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [programs_dto_1.ProgramCodeParams,
        program_funding_dto_1.AddTrancheDto, Object]),
    __metadata("design:returntype", void 0)
], AdminProgramsController.prototype, "addTranche", null);
__decorate([
    (0, common_1.Post)(':code/pause'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({
        summary: 'Announce a pause (admin): new claims refused from pausesAt (grace for earlier purchases); the notice shows at once; audited',
    }),
    __param(0, (0, common_1.Param)()),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, auth_decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [programs_dto_1.ProgramCodeParams, program_funding_dto_1.PauseProgramDto, Object]),
    __metadata("design:returntype", void 0)
], AdminProgramsController.prototype, "pause", null);
exports.AdminProgramsController = AdminProgramsController = __decorate([
    (0, swagger_1.ApiTags)('admin'),
    (0, common_1.Controller)('admin/programs'),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.ProgramsManage),
    __metadata("design:paramtypes", [admin_programs_service_1.AdminProgramsService,
        program_tranches_service_1.ProgramTranchesService,
        program_pauses_service_1.ProgramPausesService])
], AdminProgramsController);
//# sourceMappingURL=admin-programs.controller.js.map