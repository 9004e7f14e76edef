"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ApplicationsModule = void 0;
const common_1 = require("@nestjs/common");
const budget_module_1 = require("../budget/budget.module");
const eligibility_module_1 = require("../eligibility/eligibility.module");
const profile_module_1 = require("../profile/profile.module");
const programs_module_1 = require("../programs/programs.module");
const risk_module_1 = require("../risk/risk.module");
const application_state_service_1 = require("./application-state.service");
const applications_controller_1 = require("./applications.controller");
const applications_repository_1 = require("./applications.repository");
const applications_service_1 = require("./applications.service");
const checks_repository_1 = require("./checks.repository");
const checks_service_1 = require("./checks.service");
const checks_signals_1 = require("./checks.signals");
const expiry_service_1 = require("./expiry.service");
const idempotency_repository_1 = require("./idempotency.repository");
const submission_checks_1 = require("./submission-checks");
const submission_service_1 = require("./submission.service");
const checks_processor_1 = require("./checks.processor");
const admission_1 = require("../common/http/admission");
let ApplicationsModule = class ApplicationsModule {
};
exports.ApplicationsModule = ApplicationsModule;
exports.ApplicationsModule = ApplicationsModule = __decorate([
    (0, common_1.Module)({
        imports: [budget_module_1.BudgetModule, programs_module_1.ProgramsModule, profile_module_1.ProfileModule, eligibility_module_1.EligibilityModule, risk_module_1.RiskModule],
        controllers: [applications_controller_1.ApplicationsController],
        providers: [
            applications_repository_1.ApplicationsRepository,
            applications_service_1.ApplicationsService,
            application_state_service_1.ApplicationStateService,
            submission_service_1.SubmissionService,
            submission_checks_1.SubmissionChecks,
            idempotency_repository_1.IdempotencyRepository,
            checks_repository_1.ChecksRepository,
            checks_service_1.ChecksService,
            checks_signals_1.CheckSignals,
            expiry_service_1.ExpiryService,
            checks_processor_1.ChecksProcessor,
            admission_1.SubmitGate,
        ],
        exports: [
            applications_repository_1.ApplicationsRepository,
            applications_service_1.ApplicationsService,
            application_state_service_1.ApplicationStateService,
            checks_service_1.ChecksService,
            expiry_service_1.ExpiryService,
            idempotency_repository_1.IdempotencyRepository,
            eligibility_module_1.EligibilityModule,
            // The one submit gate, shared with the voucher issue route (POST /api/vouchers).
            admission_1.SubmitGate,
        ],
    })
], ApplicationsModule);
//# sourceMappingURL=applications.module.js.map