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
var StuckClaimSweep_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.StuckClaimSweep = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const clock_1 = require("../common/clock");
const config_module_1 = require("../config/config.module");
const outbox_service_1 = require("../queue/outbox.service");
const queues_service_1 = require("../queue/queues.service");
const applications_jobs_1 = require("./applications.jobs");
const stuck_claims_repository_1 = require("./stuck-claims.repository");
const BATCH = 100;
/**
 * Worker only. A claim waits in `submitted` (or `checking`) for its check job; the job is in the
 * outbox until the relay hands it to BullMQ, and from then on only in Redis. When Redis loses its
 * data (a restart without persistence, a failover to an empty replica) the outbox says "sent" and
 * the queue has nothing: the claim would wait forever. Every STUCK_CLAIM_SWEEP_INTERVAL_MS this
 * finds claims unchanged for STUCK_CLAIM_AGE_SECONDS whose check job is neither in the outbox nor
 * in the queue, and writes the job to the outbox again.
 *
 * - A timer in the worker, not a BullMQ repeatable job: the schedule of a repeatable job lives in
 *   Redis and is lost with the very data this sweep exists to recover.
 * - Idempotent: the job id is the same business key (`check-<submission event>`), so BullMQ drops
 *   a re-add while the job exists, and the check job changes nothing on a claim no longer waiting.
 * - A job that failed for good (attempts used up) is reported, not retried forever: it failed for
 *   a reason an operator must see.
 * - One sweep at a time across workers (a transaction-scoped advisory lock only sweeps take).
 */
let StuckClaimSweep = StuckClaimSweep_1 = class StuckClaimSweep {
    constructor(dataSource, config, repository, queues, clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.repository = repository;
        this.queues = queues;
        this.clock = clock;
        this.logger = new common_1.Logger(StuckClaimSweep_1.name);
        this.running = false;
    }
    onApplicationBootstrap() {
        this.running = true;
        this.loop = this.run();
    }
    async onApplicationShutdown() {
        this.running = false;
        this.wake?.();
        await this.loop;
    }
    /** One sweep of up to BATCH claims. Public for tests. */
    async sweepOnce() {
        const result = { requeued: [], failed: [] };
        const before = new Date(this.clock.now().getTime() - this.config.stuckClaims.ageSeconds * 1000);
        await this.dataSource.transaction(async (manager) => {
            if (!(await this.repository.tryLock(manager)))
                return;
            const claims = await this.repository.stuckClaims(manager, before, BATCH);
            if (claims.length === 0)
                return;
            const jobs = claims.map((claim) => ({ claim, job: (0, applications_jobs_1.checkJob)(claim.id, claim.eventId) }));
            const pending = await this.repository.pendingInOutbox(manager, jobs.map(({ job }) => job.jobId));
            const queue = this.queues.get('applications');
            for (const { claim, job } of jobs) {
                if (pending.has(job.jobId))
                    continue;
                const state = await queue.getJobState(job.jobId);
                if (state === 'failed')
                    result.failed.push(claim.id);
                // 'unknown': not in Redis at all. (A completed job's claim is no longer waiting, unless the
                // check found nothing to do: re-adding under the same id would be dropped anyway.)
                if (state !== 'unknown')
                    continue;
                await (0, outbox_service_1.writeOutbox)(manager, job);
                result.requeued.push(claim.id);
            }
        });
        if (result.requeued.length)
            this.logger.warn({ claims: result.requeued }, 'claims stuck without a check job: check job queued again');
        if (result.failed.length)
            this.logger.error({ claims: result.failed }, 'claims stuck behind a failed check job');
        return result;
    }
    async run() {
        while (this.running) {
            try {
                await this.sweepOnce();
            }
            catch (error) {
                // Redis or PostgreSQL down: the next tick tries again.
                this.logger.warn({ err: error }, 'stuck-claim sweep failed; will retry');
            }
            if (!this.running)
                break;
            await new Promise((resolve) => {
                const timer = setTimeout(resolve, this.config.stuckClaims.sweepIntervalMs);
                this.wake = () => {
                    clearTimeout(timer);
                    resolve();
                };
            });
        }
    }
};
exports.StuckClaimSweep = StuckClaimSweep;
exports.StuckClaimSweep = StuckClaimSweep = StuckClaimSweep_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __param(1, (0, config_module_1.InjectConfig)()),
    __metadata("design:paramtypes", [Function, Object, stuck_claims_repository_1.StuckClaimsRepository,
        queues_service_1.QueuesService,
        clock_1.Clock])
], StuckClaimSweep);
//# sourceMappingURL=stuck-claims.sweep.js.map