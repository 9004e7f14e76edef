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
var BudgetProcessor_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.BudgetProcessor = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const clock_1 = require("../common/clock");
const job_processor_1 = require("../queue/job-processor");
const outbox_service_1 = require("../queue/outbox.service");
const budget_repository_1 = require("./budget.repository");
const budget_jobs_1 = require("./budget.jobs");
let BudgetProcessor = BudgetProcessor_1 = class BudgetProcessor {
    constructor(dataSource, budgets, clock) {
        this.dataSource = dataSource;
        this.budgets = budgets;
        this.clock = clock;
        this.logger = new common_1.Logger(BudgetProcessor_1.name);
        this.jobs = (0, job_processor_1.handleJobs)([budget_jobs_1.BUDGET_SNAPSHOT, budget_jobs_1.BUDGET_APPLY_TRANCHES], {
            'budget.snapshot': async (payload, job) => {
                const recorded = await this.budgets.recordSnapshot(payload.programId, String(job.id), payload.reason);
                this.logger.debug({ jobId: job.id, programId: payload.programId, recorded }, 'budget snapshot');
                return { recorded };
            },
            'budget.apply-tranches': async () => {
                const applied = await this.applyDue();
                if (applied.length)
                    this.logger.log({ tranches: applied.map((a) => a.trancheId) }, 'tranches applied');
                return { applied: applied.length };
            },
        });
    }
    /** Applies the tranches due today, each with its budget snapshot. Public for tests. */
    applyDue() {
        return this.dataSource.transaction(async (manager) => {
            const applied = await this.budgets.applyDueTranches(manager, this.clock.today());
            for (const { programId, ledgerId } of applied)
                await (0, outbox_service_1.writeOutbox)(manager, (0, budget_jobs_1.budgetSnapshotJob)(programId, 'tranche applied', `${programId}-${ledgerId}`));
            return applied;
        });
    }
};
exports.BudgetProcessor = BudgetProcessor;
exports.BudgetProcessor = BudgetProcessor = BudgetProcessor_1 = __decorate([
    (0, common_1.Injectable)(),
    (0, job_processor_1.JobProcessor)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function, budget_repository_1.BudgetRepository,
        clock_1.Clock])
], BudgetProcessor);
//# sourceMappingURL=budget.processor.js.map