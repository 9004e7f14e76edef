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
exports.SubmissionService = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const pii_cipher_1 = require("../common/crypto/pii-cipher");
const domain_error_1 = require("../common/errors/domain-error");
const request_context_1 = require("../common/http/request-context");
const outbox_service_1 = require("../queue/outbox.service");
const application_errors_1 = require("./application-errors");
const application_state_service_1 = require("./application-state.service");
const applications_jobs_1 = require("./applications.jobs");
const applications_repository_1 = require("./applications.repository");
const idempotency_1 = require("./idempotency");
const idempotency_repository_1 = require("./idempotency.repository");
const submission_checks_1 = require("./submission-checks");
/**
 * Submits (and resubmits) a resident's claim in one transaction: the idempotency record, the
 * claim row lock, the submission checks (window, profile and per-person lock, documents, claim
 * keys, rules with history), then the move to `submitted` — which reserves the amount through the
 * state service — and the outbox rows for the automated checks and the notification.
 *
 * Short transaction: the program's budget row is the one row every submit locks, so it is locked
 * LAST. Everything else is written first — the claim's submission record and status, its timeline
 * event, audit row, both outbox rows and the stored idempotency answer — and the reservation (the
 * guarded budget UPDATE and its ledger row, one statement) is the last statement before COMMIT.
 * Round trips inside the transaction (START TRANSACTION … COMMIT) for a claim with two claim keys,
 * counted by test/short-transactions.int-spec.ts: 25 before, with the budget row locked across 9
 * of them (its UPDATE, the ledger INSERT, status, event, audit, two outbox rows, the idempotency
 * answer, COMMIT); now 17, with it locked across 2 (the reservation statement and COMMIT). The
 * other 6 saved: the profile read and the person lock in one statement, all claim keys' locks in
 * one and their holders + rows in another (was 3 per key), status + event + notification in one.
 */
let SubmissionService = class SubmissionService {
    constructor(applications, idempotency, checks, state, devices) {
        this.applications = applications;
        this.idempotency = idempotency;
        this.checks = checks;
        this.state = state;
        this.devices = devices;
    }
    async submit(applicantId, id, idempotencyKey, body) {
        const owner = {
            userId: applicantId,
            scope: `submit:${id}`,
            key: idempotencyKey,
            requestHash: (0, idempotency_1.fingerprint)({ id, body }),
        };
        const pauses = await this.checks.pauses();
        return this.applications.transaction((manager) => (0, idempotency_1.once)(this.idempotency, manager, owner, async (store) => {
            const application = await this.applications.lockOwned(manager, id, applicantId);
            if (!application)
                throw (0, application_errors_1.applicationNotFound)();
            if (!shared_1.EDITABLE_STATUSES.includes(application.status)) {
                throw new domain_error_1.DomainError(shared_1.ErrorCode.WRONG_STATE, `An application that is ${application.status} cannot be submitted`);
            }
            const { evaluation, idNumberBidx } = await this.checks.verify(manager, application, pauses);
            await this.applications.recordSubmission(manager, application.id, {
                evaluation,
                submitDevice: this.device(),
                idNumberBidx,
            });
            const response = {
                status: 200,
                body: {
                    id: application.id,
                    status: 'submitted',
                    reservedFen: evaluation.amountFen,
                },
            };
            // The check job and the stored answer go in before the budget statement (see above).
            await this.state.move(manager, application, { to: 'submitted', amountFen: evaluation.amountFen, actorId: applicantId }, async (eventId) => {
                await (0, outbox_service_1.writeOutbox)(manager, (0, applications_jobs_1.checkJob)(application.id, eventId));
                await store(response);
            });
            return response;
        }));
    }
    /** A keyed hash of the client address + User-Agent (no raw address or agent is kept). */
    device() {
        const context = request_context_1.requestContext.get();
        return context ? this.devices.blindIndex(`${context.ip}|${context.userAgent ?? ''}`, 'device') : null;
    }
};
exports.SubmissionService = SubmissionService;
exports.SubmissionService = SubmissionService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [applications_repository_1.ApplicationsRepository,
        idempotency_repository_1.IdempotencyRepository,
        submission_checks_1.SubmissionChecks,
        application_state_service_1.ApplicationStateService,
        pii_cipher_1.PiiCipher])
], SubmissionService);
//# sourceMappingURL=submission.service.js.map