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
exports.ProgramTranchesService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@huanxin/shared");
const audit_service_1 = require("../audit/audit.service");
const budget_jobs_1 = require("../budget/budget.jobs");
const budget_repository_1 = require("../budget/budget.repository");
const clock_1 = require("../common/clock");
const domain_error_1 = require("../common/errors/domain-error");
const programs_cache_1 = require("../programs/programs.cache");
const programs_repository_1 = require("../programs/programs.repository");
const outbox_service_1 = require("../queue/outbox.service");
/**
 * Budget tranches (operations.md §8). A tranche is recorded with its date; it enters the total
 * only when that date has come (Asia/Shanghai, the app's Clock) — at once when it is today or
 * earlier, else by the scheduled `budget.apply-tranches` job, or by the first reservation that
 * needs it (BudgetRepository.reserve). So no submit, and therefore no approval (which only commits
 * what a submit reserved), ever uses money not yet in effect.
 */
let ProgramTranchesService = class ProgramTranchesService {
    constructor(dataSource, programs, budgets, audit, cache, clock) {
        this.dataSource = dataSource;
        this.programs = programs;
        this.budgets = budgets;
        this.audit = audit;
        this.cache = cache;
        this.clock = clock;
    }
    async add(code, body, actor) {
        const program = await this.programs.findCurrentByCode(code);
        if (!program)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.PROGRAM_NOT_FOUND, `No program ${code}`);
        if (!(0, shared_1.isIsoDate)(body.effectiveOn))
            throw (0, domain_error_1.validationFailed)({ effectiveOn: shared_1.FieldErrorCode.INVALID_DATE });
        // Money that arrives after the window closes can fund no new claim.
        if (body.effectiveOn > program.definition.closesOn)
            throw (0, domain_error_1.validationFailed)({ effectiveOn: shared_1.FieldErrorCode.OUT_OF_RANGE });
        const documentNo = body.documentNo.trim();
        if (!documentNo)
            throw (0, domain_error_1.validationFailed)({ documentNo: shared_1.FieldErrorCode.REQUIRED });
        const today = this.clock.today();
        const result = await this.dataSource.transaction(async (manager) => {
            const id = await this.budgets.addTranche(manager, {
                programId: program.id,
                amountFen: body.amountFen,
                source: body.source,
                effectiveOn: body.effectiveOn,
                documentNo,
                createdBy: actor.id,
            });
            if (!id) {
                throw new domain_error_1.DomainError(shared_1.ErrorCode.DUPLICATE_DOCUMENT_NO, 'This document number is already on the budget', {
                    fields: { documentNo: shared_1.ErrorCode.DUPLICATE_DOCUMENT_NO },
                });
            }
            const applied = await this.budgets.applyDueTranches(manager, today, program.id);
            for (const { ledgerId } of applied)
                await (0, outbox_service_1.writeOutbox)(manager, (0, budget_jobs_1.budgetSnapshotJob)(program.id, 'tranche applied', `${program.id}-${ledgerId}`));
            const inEffect = applied.some((row) => row.trancheId === id);
            await this.audit.record({
                action: 'budget.tranche_added',
                result: 'success',
                objectType: 'program',
                objectId: program.id,
                detail: {
                    code,
                    trancheId: id,
                    amountFen: body.amountFen,
                    source: body.source,
                    effectiveOn: body.effectiveOn,
                    documentNo,
                    inEffect,
                },
            }, manager);
            const [figures] = await this.budgets.figuresIn(manager, program.id);
            return { id, inEffect, budget: figures };
        });
        this.cache.invalidate();
        return {
            id: result.id,
            programCode: code,
            amountFen: body.amountFen,
            source: body.source,
            effectiveOn: body.effectiveOn,
            documentNo,
            inEffect: result.inEffect,
            budget: result.budget,
        };
    }
};
exports.ProgramTranchesService = ProgramTranchesService;
exports.ProgramTranchesService = ProgramTranchesService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function, programs_repository_1.ProgramsRepository,
        budget_repository_1.BudgetRepository,
        audit_service_1.AuditService,
        programs_cache_1.ProgramsCache,
        clock_1.Clock])
], ProgramTranchesService);
//# sourceMappingURL=program-tranches.service.js.map