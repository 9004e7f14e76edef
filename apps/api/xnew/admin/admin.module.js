"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AdminModule = void 0;
const common_1 = require("@nestjs/common");
const budget_module_1 = require("../budget/budget.module");
const programs_module_1 = require("../programs/programs.module");
const admin_programs_controller_1 = require("./admin-programs.controller");
const admin_programs_service_1 = require("./admin-programs.service");
const admin_users_controller_1 = require("./admin-users.controller");
const admin_users_service_1 = require("./admin-users.service");
const program_pauses_service_1 = require("./program-pauses.service");
const program_tranches_service_1 = require("./program-tranches.service");
const program_versions_controller_1 = require("./versions/program-versions.controller");
const program_versions_repository_1 = require("./versions/program-versions.repository");
const program_versions_service_1 = require("./versions/program-versions.service");
const repricing_module_1 = require("./versions/repricing/repricing.module");
const what_if_module_1 = require("./versions/what-if/what-if.module");
let AdminModule = class AdminModule {
};
exports.AdminModule = AdminModule;
exports.AdminModule = AdminModule = __decorate([
    (0, common_1.Module)({
        // RepricingModule provides RetroactiveRepricer to the publish (ProgramVersionsService).
        imports: [budget_module_1.BudgetModule, programs_module_1.ProgramsModule, what_if_module_1.WhatIfModule, repricing_module_1.RepricingModule],
        controllers: [admin_users_controller_1.AdminUsersController, admin_programs_controller_1.AdminProgramsController, program_versions_controller_1.ProgramVersionsController],
        providers: [
            admin_users_service_1.AdminUsersService,
            admin_programs_service_1.AdminProgramsService,
            program_tranches_service_1.ProgramTranchesService,
            program_pauses_service_1.ProgramPausesService,
            program_versions_repository_1.ProgramVersionsRepository,
            program_versions_service_1.ProgramVersionsService,
        ],
        exports: [program_versions_repository_1.ProgramVersionsRepository],
    })
], AdminModule);
//# sourceMappingURL=admin.module.js.map