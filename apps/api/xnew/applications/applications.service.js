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
exports.ApplicationsService = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const clock_1 = require("../common/clock");
const domain_error_1 = require("../common/errors/domain-error");
const server_evaluator_1 = require("../eligibility/server-evaluator");
const programs_repository_1 = require("../programs/programs.repository");
const application_errors_1 = require("./application-errors");
const application_state_service_1 = require("./application-state.service");
const applications_repository_1 = require("./applications.repository");
/** Resident claims: drafts, list, detail, withdrawal (submission is SubmissionService). */
let ApplicationsService = class ApplicationsService {
    constructor(applications, programs, state, evaluator, clock) {
        this.applications = applications;
        this.programs = programs;
        this.state = state;
        this.evaluator = evaluator;
        this.clock = clock;
        this.programMembersByVersion = new Map();
    }
    async create(applicantId, programCode, facts) {
        const program = await this.programs.findCurrentByCode(programCode);
        if (!program)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.PROGRAM_NOT_FOUND, `No program ${programCode}`);
        const normalized = this.checkFacts(program.definition, facts);
        const evaluation = await this.evaluator.evaluate(program.definition, normalized, { applicantId });
        const saved = await this.applications.transaction(async (manager) => this.state.open(manager, {
            code: (0, shared_1.applicationCode)(Number(this.clock.today().slice(0, 4)), await this.applications.nextCode(manager)),
            applicantId,
            programId: program.id,
            programVersionId: program.versionId,
            facts: normalized,
            evaluation,
        }));
        return this.view(saved, program.definition);
    }
    /** Saves new facts on a draft or a returned claim (re-validated and re-evaluated). */
    async update(applicantId, id, facts) {
        const application = await this.owned(applicantId, id);
        if (!shared_1.EDITABLE_STATUSES.includes(application.status)) {
            throw new domain_error_1.DomainError(shared_1.ErrorCode.WRONG_STATE, `An application that is ${application.status} cannot be edited`);
        }
        const definition = await this.definitionOf(application);
        const normalized = this.checkFacts(definition, facts);
        const evaluation = await this.evaluator.evaluate(definition, normalized, {
            applicantId,
            excludeId: application.id,
        });
        const now = this.clock.now();
        if (!(await this.applications.updateFacts(id, application.status, normalized, evaluation, now)))
            throw new domain_error_1.DomainError(shared_1.ErrorCode.WRONG_STATE, 'The application changed meanwhile; reload it');
        return this.view({ ...application, facts: normalized, evaluation, updatedAt: now }, definition);
    }
    /**
     * The caller's claims, newest first: the JSON text of `ApplicationView[]`, each member in the
     * order `view` gives it (test/resident-list.e2e-spec.ts holds each equal to the detail). The
     * fields come as JSON text from the database and are joined, not parsed and re-serialized.
     */
    async list(applicantId) {
        const rows = await this.applications.listForApplicant(applicantId);
        const items = [];
        for (const row of rows) {
            const program = this.programMembersByVersion.get(row.programVersionId) ??
                (await this.programMembers(row.programVersionId));
            items.push(`{"id":${row.id},"code":${row.code},"status":${row.status},${program},"facts":${row.facts},` +
                `"evaluation":${row.evaluation},"reservedFen":${row.reservedFen},"submittedAt":${row.submittedAt},` +
                `"createdAt":${row.createdAt},"updatedAt":${row.updatedAt}}`);
        }
        return `[${items.join(',')}]`;
    }
    /** `"programCode":…,"programVersion":…` of a version (immutable: kept once worked out). */
    async programMembers(versionId) {
        const { code, version } = await this.programs.definitionByVersionId(versionId);
        const members = `"programCode":${JSON.stringify(code)},"programVersion":${JSON.stringify(version)}`;
        this.programMembersByVersion.set(versionId, members);
        return members;
    }
    async detail(applicantId, id) {
        const application = await this.owned(applicantId, id);
        const [definition, timeline, correction, payment] = await Promise.all([
            this.definitionOf(application),
            this.applications.timeline(id),
            this.correction(application),
            this.applications.latestPayment(id),
        ]);
        return {
            ...this.view(application, definition),
            correction,
            // Paid on … (the bank's result date), or failed with the bank's reason: update the bank account.
            payment: payment && {
                status: payment.status,
                amountFen: payment.amountFen,
                paidOn: payment.status === 'paid' && payment.settledAt ? (0, clock_1.shanghaiDate)(payment.settledAt) : null,
                reason: payment.status === 'failed' ? payment.reason : null,
            },
            payClock: this.payClockOf(application, definition, timeline),
            timeline: timeline.map((event) => ({
                at: event.at.toISOString(),
                status: event.toStatus,
                note: event.note,
            })),
        };
    }
    /** An approved, unpaid claim's pay clock: `serviceLevels.payDays` from its (last) approval. */
    payClockOf(application, definition, timeline) {
        if (application.status !== 'approved')
            return null;
        const approval = timeline.findLast((event) => event.toStatus === 'approved');
        if (!approval)
            return null;
        return (0, shared_1.payClock)(approval.at, definition.settings.serviceLevels.payDays, this.clock.now());
    }
    async withdraw(applicantId, id) {
        const withdrawn = await this.applications.transaction(async (manager) => {
            const application = await this.applications.lockOwned(manager, id, applicantId);
            if (!application)
                throw (0, application_errors_1.applicationNotFound)();
            await this.state.move(manager, application, {
                to: 'withdrawn',
                actorId: applicantId,
                note: 'withdrawn by the applicant',
            });
            return application;
        });
        return this.view(withdrawn, await this.definitionOf(withdrawn));
    }
    /**
     * While returned: the reviewer's reason, the fields to fix and the deadline (`returnedExpiryDays`
     * from the return, after which the expiry job releases the money).
     */
    async correction(application) {
        if (application.status !== 'returned')
            return null;
        const [decision, definition] = await Promise.all([
            this.applications.latestReturn(application.id),
            this.definitionOf(application),
        ]);
        if (!decision)
            return null;
        const returnedAt = application.returnedAt ?? decision.decidedAt;
        const days = definition.settings.returnedExpiryDays ?? 15;
        return {
            reasonCode: decision.reasonCode,
            reasonTitle: (0, shared_1.reviewReason)(decision.reasonCode)?.title ?? {
                zh: decision.reasonCode,
                en: decision.reasonCode,
            },
            fields: decision.fields,
            note: decision.note,
            returnedAt: returnedAt.toISOString(),
            expiresAt: new Date(returnedAt.getTime() + days * 24 * 3600_000).toISOString(),
        };
    }
    /** The claim's program version definition. */
    async definitionOf(application) {
        return this.programs.definitionByVersionId(application.programVersionId);
    }
    checkFacts(definition, facts) {
        const checked = (0, shared_1.validateFacts)(definition, facts);
        if (!checked.ok) {
            throw (0, domain_error_1.validationFailed)(Object.fromEntries(Object.entries(checked.fields).map(([path, code]) => [`facts.${path}`, code])));
        }
        return checked.normalized;
    }
    async owned(applicantId, id) {
        const application = await this.applications.findOwned(id, applicantId);
        if (!application)
            throw (0, application_errors_1.applicationNotFound)();
        return application;
    }
    /** The claim as every answer shows it (`list` writes the same members as JSON text). */
    view(application, definition) {
        return {
            id: application.id,
            code: application.code,
            status: application.status,
            programCode: definition.code,
            programVersion: definition.version,
            facts: application.facts,
            evaluation: application.evaluation,
            reservedFen: application.reservedFen,
            submittedAt: application.submittedAt?.toISOString() ?? null,
            createdAt: application.createdAt.toISOString(),
            updatedAt: application.updatedAt.toISOString(),
        };
    }
};
exports.ApplicationsService = ApplicationsService;
exports.ApplicationsService = ApplicationsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [applications_repository_1.ApplicationsRepository,
        programs_repository_1.ProgramsRepository,
        application_state_service_1.ApplicationStateService,
        server_evaluator_1.ServerEvaluator,
        clock_1.Clock])
], ApplicationsService);
//# sourceMappingURL=applications.service.js.map