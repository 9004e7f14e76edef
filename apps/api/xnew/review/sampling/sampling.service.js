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
exports.SamplingService = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const audit_service_1 = require("../../audit/audit.service");
const clock_1 = require("../../common/clock");
const domain_error_1 = require("../../common/errors/domain-error");
const programs_repository_1 = require("../../programs/programs.repository");
const draw_1 = require("./draw");
const sampling_repository_1 = require("./sampling.repository");
/**
 * Post-approval audit samples (operations.md §7): a sample of a program's approved and paid claims,
 * uniform or weighted by risk, drawn from a recorded seed (same seed + same claims → same sample);
 * each sampled case gets one outcome, and a clawback opens a receivable against the payee.
 */
let SamplingService = class SamplingService {
    constructor(samples, programs, audit, clock) {
        this.samples = samples;
        this.programs = programs;
        this.audit = audit;
        this.clock = clock;
    }
    async create(userId, body) {
        const program = await this.programs.findCurrentByCode(body.programCode);
        if (!program)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.PROGRAM_NOT_FOUND, `No program ${body.programCode}`);
        const seed = body.seed ?? (0, draw_1.newSeed)();
        return this.samples.transaction(async (manager) => {
            const population = await this.samples.population(manager, program.id);
            if (!population.length)
                throw new domain_error_1.DomainError(shared_1.ErrorCode.NOTHING_TO_SAMPLE, 'The program has no approved or paid claim yet');
            const drawn = (0, draw_1.drawSample)(seed, population, body.size, body.riskWeighted);
            const id = await this.samples.insertSample(manager, {
                programId: program.id,
                seed,
                size: body.size,
                riskWeighted: body.riskWeighted,
                population: population.length,
                createdBy: userId,
            }, drawn);
            await this.audit.record({
                action: 'review.sample.created',
                result: 'success',
                objectType: 'review_sample',
                objectId: id,
                detail: {
                    programCode: program.code,
                    seed,
                    size: body.size,
                    riskWeighted: body.riskWeighted,
                    population: population.length,
                    drawn: drawn.length,
                },
            }, manager);
            return { id, seed, items: drawn.map((applicationId) => ({ applicationId })) };
        });
    }
    async list(programCode) {
        let programId = null;
        if (programCode) {
            const program = await this.programs.findCurrentByCode(programCode);
            if (!program)
                throw new domain_error_1.DomainError(shared_1.ErrorCode.PROGRAM_NOT_FOUND, `No program ${programCode}`);
            programId = program.id;
        }
        const rows = await this.samples.listSamples(programId, 100);
        return rows.map((row) => ({
            id: row.id,
            programCode: row.programCode,
            seed: row.seed,
            size: row.size,
            riskWeighted: row.riskWeighted,
            population: row.population,
            createdAt: row.createdAt.toISOString(),
            decided: row.decided,
            clawbacks: row.clawbacks,
        }));
    }
    async detail(id) {
        const sample = await this.samples.findSample(id);
        if (!sample)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.SAMPLE_NOT_FOUND, 'No such sample');
        const items = await this.samples.items(id);
        return {
            id: sample.id,
            programCode: sample.programCode,
            seed: sample.seed,
            size: sample.size,
            riskWeighted: sample.riskWeighted,
            population: sample.population,
            createdAt: sample.createdAt.toISOString(),
            createdBy: sample.createdBy,
            items: items.map((item) => ({
                applicationId: item.applicationId,
                code: item.code,
                status: item.status,
                amountFen: item.amountFen,
                riskScore: item.riskScore,
                outcome: item.outcome,
                note: item.note,
                decidedAt: item.decidedAt?.toISOString() ?? null,
                receivableId: item.receivableId,
            })),
        };
    }
    /**
     * Records a sampled case's outcome, once: the item is locked, so of two concurrent outcomes the
     * second finds it decided (409). A clawback opens the receivable for what the claim holds
     * (committed or paid) against its payee, in the same transaction, audited.
     */
    async recordOutcome(userId, sampleId, applicationId, body) {
        const note = body.note?.trim() ? body.note.trim() : null;
        if (body.outcome === 'clawback' && !note)
            throw (0, domain_error_1.validationFailed)({ note: shared_1.FieldErrorCode.REQUIRED }, 'A clawback needs its reason');
        return this.samples.transaction(async (manager) => {
            const item = await this.samples.lockItem(manager, sampleId, applicationId);
            if (!item) {
                const sample = await this.samples.findSample(sampleId);
                throw sample
                    ? new domain_error_1.DomainError(shared_1.ErrorCode.SAMPLE_ITEM_NOT_FOUND, 'The application is not in this sample')
                    : new domain_error_1.DomainError(shared_1.ErrorCode.SAMPLE_NOT_FOUND, 'No such sample');
            }
            if (item.outcome !== null)
                throw new domain_error_1.DomainError(shared_1.ErrorCode.SAMPLE_OUTCOME_RECORDED, `This case is already ${item.outcome}`);
            const recorded = await this.samples.recordOutcome(manager, item.id, {
                outcome: body.outcome,
                note,
                by: userId,
                at: this.clock.now(),
            });
            if (!recorded)
                throw new domain_error_1.DomainError(shared_1.ErrorCode.SAMPLE_OUTCOME_RECORDED, 'This case was decided meanwhile');
            let receivableId = null;
            if (body.outcome === 'clawback') {
                if (item.amountFen <= 0)
                    throw new domain_error_1.DomainError(shared_1.ErrorCode.WRONG_STATE, 'The claim holds no committed or paid money to claw back');
                // Against whoever was paid: the resident's own card, or the dealer organisation of a
                // point-of-sale claim (netted against its next batch, shown on its ledger).
                receivableId = await this.samples.openReceivable(manager, {
                    applicationId: item.applicationId,
                    payee: item.payeeOrganizationId
                        ? { kind: 'dealer', organizationId: item.payeeOrganizationId }
                        : { kind: 'resident', userId: item.applicantId },
                    amountFen: item.amountFen,
                    reason: note,
                    sampleItemId: item.id,
                    createdBy: userId,
                });
            }
            await this.audit.record({
                action: 'review.sample.outcome',
                result: 'success',
                objectType: 'application',
                objectId: item.applicationId,
                detail: {
                    sampleId,
                    code: item.code,
                    outcome: body.outcome,
                    ...(receivableId
                        ? {
                            receivableId,
                            amountFen: item.amountFen,
                            payee: item.payeeOrganizationId ? 'dealer' : 'resident',
                        }
                        : {}),
                },
            }, manager);
            return { applicationId: item.applicationId, outcome: body.outcome, receivableId };
        });
    }
};
exports.SamplingService = SamplingService;
exports.SamplingService = SamplingService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [sampling_repository_1.SamplingRepository,
        programs_repository_1.ProgramsRepository,
        audit_service_1.AuditService,
        clock_1.Clock])
], SamplingService);
//# sourceMappingURL=sampling.service.js.map