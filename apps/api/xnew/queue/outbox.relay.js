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
var OutboxRelay_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.OutboxRelay = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const jobs_1 = require("./jobs");
const queues_service_1 = require("./queues.service");
/** Rows per relay transaction; a full batch is followed at once by the next. */
const BATCH = 500;
/** The pause when the outbox is empty: a job waits at most this long for its relay. */
const IDLE_DELAY_MS = 100;
/**
 * Moves committed outbox rows onto their queues. Rows are claimed with `FOR UPDATE SKIP LOCKED`,
 * so several workers can relay at once; a row is marked dispatched only after BullMQ accepted the
 * job, and a re-add after a crash is harmless because `jobId` is the business key.
 */
let OutboxRelay = OutboxRelay_1 = class OutboxRelay {
    constructor(dataSource, queues) {
        this.dataSource = dataSource;
        this.queues = queues;
        this.logger = new common_1.Logger(OutboxRelay_1.name);
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
    /**
     * Relays one batch; returns how many rows were dispatched. Public for tests. The batch's jobs go
     * to each queue in one `addBulk` (one Redis round trip per queue, not one per job: at a few
     * hundred submits a second the per-job adds were the relay's whole cost), in outbox order.
     */
    async relayOnce() {
        return this.dataSource.transaction(async (manager) => {
            const rows = await manager.query(`SELECT id, queue, job_name, job_id, payload FROM outbox
          WHERE dispatched_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`, [BATCH]);
            if (rows.length === 0)
                return 0;
            const dispatched = [];
            const byQueue = new Map();
            for (const row of rows) {
                if (!jobs_1.QUEUE_NAMES.includes(row.queue)) {
                    await manager.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [
                        row.id,
                        'unknown queue',
                    ]);
                    continue;
                }
                const queue = row.queue;
                byQueue.set(queue, [...(byQueue.get(queue) ?? []), row]);
            }
            for (const [queue, batch] of byQueue) {
                try {
                    await this.queues.get(queue).addBulk(batch.map((row) => ({
                        name: row.job_name,
                        data: row.payload,
                        opts: { ...jobs_1.DEFAULT_JOB_OPTIONS, jobId: row.job_id },
                    })));
                    dispatched.push(...batch.map((row) => row.id));
                }
                catch (error) {
                    this.logger.warn({ queue, rows: batch.length, err: error }, 'outbox dispatch failed; will retry');
                    await manager.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])`, [batch.map((row) => row.id), error instanceof Error ? error.message.slice(0, 500) : 'error']);
                    break; // Redis is likely down: keep order, retry the rest on the next tick.
                }
            }
            if (dispatched.length) {
                await manager.query(`UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::uuid[])`, [
                    dispatched,
                ]);
            }
            return dispatched.length;
        });
    }
    async run() {
        while (this.running) {
            let moved = 0;
            try {
                moved = await this.relayOnce();
            }
            catch (error) {
                this.logger.error({ err: error }, 'outbox relay tick failed');
            }
            if (moved < BATCH && this.running) {
                await new Promise((resolve) => {
                    const timer = setTimeout(resolve, IDLE_DELAY_MS);
                    this.wake = () => {
                        clearTimeout(timer);
                        resolve();
                    };
                });
            }
        }
    }
};
exports.OutboxRelay = OutboxRelay;
exports.OutboxRelay = OutboxRelay = OutboxRelay_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function, queues_service_1.QueuesService])
], OutboxRelay);
//# sourceMappingURL=outbox.relay.js.map