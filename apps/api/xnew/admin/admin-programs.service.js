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
exports.AdminProgramsService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@huanxin/shared");
const audit_service_1 = require("../audit/audit.service");
const budget_jobs_1 = require("../budget/budget.jobs");
const budget_repository_1 = require("../budget/budget.repository");
const domain_error_1 = require("../common/errors/domain-error");
const programs_cache_1 = require("../programs/programs.cache");
const programs_repository_1 = require("../programs/programs.repository");
const programs_service_1 = require("../programs/programs.service");
const outbox_service_1 = require("../queue/outbox.service");
let AdminProgramsService = class AdminProgramsService {
    constructor(dataSource, programs, programsService, budgets, audit, 
    // Six: the cache is told about the change it cannot see for up to a second otherwise.
    cache) {
        this.dataSource = dataSource;
        this.programs = programs;
        this.programsService = programsService;
        this.budgets = budgets;
        this.audit = audit;
        this.cache = cache;
    }
    async setBudget(code, totalFen) {
        const program = await this.programs.findCurrentByCode(code);
        if (!program)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.PROGRAM_NOT_FOUND, `No program ${code}`);
        await this.dataSource.transaction(async (manager) => {
            const result = await this.budgets.setTotal(manager, program.id, totalFen);
            if (!result.ok) {
                throw new domain_error_1.DomainError(shared_1.ErrorCode.BUDGET_BELOW_RESERVED, 'The new total is below what is already reserved, committed or paid', {
                    fields: { budgetTotalFen: shared_1.ErrorCode.BUDGET_BELOW_RESERVED },
                });
            }
            await this.audit.record({
                action: 'program.budget_changed',
                result: 'success',
                objectType: 'program',
                objectId: program.id,
                detail: { code, from: result.previousTotalFen, to: totalFen },
            }, manager);
            await (0, outbox_service_1.writeOutbox)(manager, (0, budget_jobs_1.budgetSnapshotJob)(program.id, 'total changed', `${program.id}-${result.ledgerId}`));
        });
        // This replica answers with the new figures at once; the others see them within ~1 s (the
        // cache re-reads the budget rows at most once a second).
        this.cache.invalidate();
        return this.programsService.detail(code);
    }
};
exports.AdminProgramsService = AdminProgramsService;
exports.AdminProgramsService = AdminProgramsService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function, programs_repository_1.ProgramsRepository,
        programs_service_1.ProgramsService,
        budget_repository_1.BudgetRepository,
        audit_service_1.AuditService,
        programs_cache_1.ProgramsCache])
], AdminProgramsService);
//# sourceMappingURL=admin-programs.service.js.map