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
exports.SubmissionChecks = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const clock_1 = require("../common/clock");
const domain_error_1 = require("../common/errors/domain-error");
const server_evaluator_1 = require("../eligibility/server-evaluator");
const programs_cache_1 = require("../programs/programs.cache");
const programs_repository_1 = require("../programs/programs.repository");
const programs_service_1 = require("../programs/programs.service");
const applications_repository_1 = require("./applications.repository");
/**
 * What a submission must pass, in order, inside its transaction and after the claim row is locked:
 * the program window, a real-name profile (and the per-person lock), the required documents, the
 * claim keys across programs, then the rules at today's date with the person's history.
 */
let SubmissionChecks = class SubmissionChecks {
    constructor(applications, programs, evaluator, clock, cache) {
        this.applications = applications;
        this.programs = programs;
        this.evaluator = evaluator;
        this.clock = clock;
        this.cache = cache;
    }
    /**
     * The programs' pause announcements, read BEFORE the submit's transaction: the cache may have to
     * refresh (a pool connection), and a transaction waiting for a connection while holding its own
     * would starve the pool under a burst of submits.
     */
    async pauses() {
        return (await this.cache.snapshot()).pauses;
    }
    async verify(manager, application, pauses) {
        const definition = await this.programs.definitionByVersionId(application.programVersionId, manager);
        const today = this.clock.today();
        if (today < definition.opensOn || today > definition.closesOn) {
            throw new domain_error_1.DomainError(shared_1.ErrorCode.PROGRAM_CLOSED, 'The program is not open for applications');
        }
        this.checkPause(application, definition, pauses);
        // From here on this person's other submissions wait for this one: the history read below is
        // then the one the reservation is decided on (issue 9: one subsidy per person and quota).
        const idNumberBidx = await this.applications.lockPerson(manager, application.applicantId);
        if (!idNumberBidx) {
            throw new domain_error_1.DomainError(shared_1.ErrorCode.PROFILE_REQUIRED, 'Give your real-name details before submitting');
        }
        await this.requireDocuments(manager, application.id, definition);
        await this.claimKeys(manager, application, definition);
        const evaluation = await this.evaluator.evaluate(definition, application.facts, {
            applicantId: application.applicantId,
            excludeId: application.id,
            manager,
            asOf: today,
        });
        if (!evaluation.eligible) {
            throw new domain_error_1.DomainError(shared_1.ErrorCode.NOT_ELIGIBLE, 'The application does not meet the program rules', {
                clauses: evaluation.clauses.filter((clause) => clause.result === 'fail' || clause.result === 'unknown'),
            });
        }
        return { definition, evaluation, idNumberBidx };
    }
    /**
     * A paused program takes no NEW claims (operations.md §8): from `pausesAt` a first submission is
     * refused unless its purchase was made before the pause and the grace days have not run out. A
     * claim in flight (returned for correction, submitted before) keeps going with its reservation.
     * The pause comes from the programs cache, read before the transaction (no round trip in it; an
     * announcement is ≥ 72 h ahead, and the instant itself is compared with the clock exactly).
     */
    checkPause(application, definition, pauses) {
        if (application.submittedAt !== null)
            return;
        const pause = pauses.get(application.programId);
        if (!pause)
            return;
        const decision = (0, shared_1.pauseDecision)({ pausesAt: pause.pausesAt, graceDays: pause.graceDays, pauseDate: (0, clock_1.shanghaiDate)(pause.pausesAt) }, this.clock.now(), (0, shared_1.purchaseDateOf)(definition, application.facts));
        if (decision === 'paused') {
            throw new domain_error_1.DomainError(shared_1.ErrorCode.PROGRAM_PAUSED, 'The program is paused and takes no new claims', {
                extra: { pause: (0, programs_service_1.publicPause)(pause) },
            });
        }
    }
    async requireDocuments(manager, applicationId, definition) {
        const have = new Set(await this.applications.documentKinds(manager, applicationId));
        const missing = definition.documents.filter((doc) => doc.required && !have.has(doc.kind));
        if (missing.length) {
            throw new domain_error_1.DomainError(shared_1.ErrorCode.MISSING_DOCUMENTS, 'Required documents are missing', {
                fields: Object.fromEntries(missing.map((doc) => [`documents.${doc.kind}`, shared_1.FieldErrorCode.REQUIRED])),
            });
        }
    }
    /**
     * Claims the keys: one advisory lock per key (in a fixed order, so two transactions never wait
     * on each other crosswise), then another program's use is allowed only when either program's
     * stacking list names the other. The unique index (name, value, program) is the backstop. Two
     * round trips for all keys (ApplicationsRepository.claimKeys), where it was three per key.
     */
    async claimKeys(manager, application, definition) {
        const claimed = (0, server_evaluator_1.claimKeysOf)(definition, application.facts)
            .filter((key) => key.unique !== 'none')
            .sort((a, b) => `${a.name}:${a.value}`.localeCompare(`${b.name}:${b.value}`));
        const holders = await this.applications.claimKeys(manager, application, claimed);
        for (const key of claimed) {
            const conflict = holders.find((holder) => {
                if (holder.name !== key.name || holder.value !== key.value)
                    return false;
                if (holder.program_id === application.programId)
                    return true;
                if (key.unique !== 'global')
                    return false;
                return (!definition.stacksWith.includes(holder.definition.code) &&
                    !holder.definition.stacksWith.includes(definition.code));
            });
            if (conflict) {
                const path = definition.claimKeys.find((k) => k.name === key.name)?.path ?? key.name;
                throw new domain_error_1.DomainError(shared_1.ErrorCode.DUPLICATE_CLAIM, 'This key already backs another claim', {
                    fields: { [`facts.${path}`]: shared_1.ErrorCode.DUPLICATE_CLAIM },
                });
            }
        }
    }
};
exports.SubmissionChecks = SubmissionChecks;
exports.SubmissionChecks = SubmissionChecks = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [applications_repository_1.ApplicationsRepository,
        programs_repository_1.ProgramsRepository,
        server_evaluator_1.ServerEvaluator,
        clock_1.Clock,
        programs_cache_1.ProgramsCache])
], SubmissionChecks);
//# sourceMappingURL=submission-checks.js.map