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
var ChecksService_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.ChecksService = void 0;
const common_1 = require("@nestjs/common");
const application_state_service_1 = require("./application-state.service");
const applications_repository_1 = require("./applications.repository");
const checks_repository_1 = require("./checks.repository");
const checks_signals_1 = require("./checks.signals");
/**
 * The automated checks after submission: the fraud signals and a re-run of the rules (CHECK_SIGNALS
 * and the risk rules) raised as flags for the reviewer, then submitted → checking → in_review.
 *
 * In batches (issue 10: the worker must drain at least twice as fast as residents submit): the
 * check jobs that run together are checked together (ChecksProcessor), and a batch costs about
 * what one claim did — each signal is one set-based query for the whole batch, and one short
 * transaction moves all of its claims.
 *
 * Short transaction: the signals are computed FIRST, from plain reads of the claims and plain
 * queries, with no transaction open and no row locked; only then a short transaction locks the
 * claims (in id order), re-checks that each is still the same submission (`submitted`, same
 * `submitted_at`: a claim that moved on meanwhile — withdrawn, or checked by a run of the same job
 * — is left alone) and applies both moves and the flags of the others in one go, whatever the
 * batch's size: BEGIN, the row locks, 2 per move (status + event + outbox; audit), one for all
 * flags if any, COMMIT.
 * A submitted claim's facts cannot change (only drafts and returned claims are editable), so the
 * flags computed on the snapshot are the flags of the claim being moved. A check run twice (a job
 * retried after a crash) finds the claim no longer `submitted` and changes nothing.
 *
 * `checking` is only ever seen inside that transaction: the resident is notified of `in_review`,
 * not of `checking` (its timeline event and audit row stay).
 */
let ChecksService = ChecksService_1 = class ChecksService {
    constructor(applications, checks, state, signals) {
        this.applications = applications;
        this.checks = checks;
        this.state = state;
        this.signals = signals;
        this.logger = new common_1.Logger(ChecksService_1.name);
    }
    async check(applicationId) {
        return (await this.checkMany([applicationId]))[0];
    }
    /**
     * Checks a batch of claims, in this order (the queue's: a claim's cross-claim flags see the
     * claims before it, as if each were checked alone in turn); answers each id's result.
     */
    async checkMany(applicationIds) {
        const ids = [...new Set(applicationIds)];
        const found = new Map((await this.applications.findByIds(ids)).map((a) => [a.id, a]));
        const snapshots = ids
            .map((id) => found.get(id))
            .filter((a) => a?.status === 'submitted');
        const moved = snapshots.length ? await this.move(snapshots, await this.signals.of(snapshots)) : new Map();
        return applicationIds.map((id) => moved.get(id) ?? { moved: false, flags: [] });
    }
    /** The short transaction: the claims still as snapshotted move, with their flags. */
    move(snapshots, raised) {
        const flagsOf = new Map(snapshots.map((a, i) => [a.id, raised[i]]));
        const submittedAt = new Map(snapshots.map((a) => [a.id, a.submittedAt?.getTime()]));
        return this.applications.transaction(async (manager) => {
            const locked = await this.applications.lockByIds(manager, snapshots.map((a) => a.id));
            const same = locked.filter((a) => a.status === 'submitted' && a.submittedAt?.getTime() === submittedAt.get(a.id));
            const results = new Map();
            if (same.length === 0)
                return results;
            await this.state.moveMany(manager, same.map((application) => ({ application, note: 'automated checks' })), { from: 'submitted', to: 'checking', notify: false });
            await this.checks.insertFlags(manager, same.map((a) => ({ applicationId: a.id, flags: flagsOf.get(a.id) })));
            await this.state.moveMany(manager, same.map((application) => {
                const codes = flagsOf.get(application.id).map((f) => f.code);
                results.set(application.id, { moved: true, flags: codes });
                return { application, note: codes.length ? `flagged: ${codes.join(', ')}` : 'checks passed' };
            }), { from: 'checking', to: 'in_review', notify: true });
            this.logger.debug({ checked: same.length }, 'applications checked');
            return results;
        });
    }
};
exports.ChecksService = ChecksService;
exports.ChecksService = ChecksService = ChecksService_1 = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [applications_repository_1.ApplicationsRepository,
        checks_repository_1.ChecksRepository,
        application_state_service_1.ApplicationStateService,
        checks_signals_1.CheckSignals])
], ChecksService);
//# sourceMappingURL=checks.service.js.map