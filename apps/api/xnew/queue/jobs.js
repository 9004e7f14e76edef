"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_JOB_OPTIONS = exports.QUEUE_NAMES = void 0;
exports.defineJob = defineJob;
exports.defineScheduledJob = defineScheduledJob;
exports.declaredJobs = declaredJobs;
exports.assertJobId = assertJobId;
/** The queues; each is processed by one processor in the worker (see job-processor.ts). */
exports.QUEUE_NAMES = [
    'budget',
    'accounts',
    'applications',
    'notifications',
    'review-sla',
    'audit',
    'vouchers',
    'programs',
];
const declared = new Map();
function register(definition) {
    if (!definition.name.startsWith(`${definition.queue}.`))
        throw new Error(`job ${definition.name} must be named <queue>.<what> (queue ${definition.queue})`);
    if (declared.has(definition.name))
        throw new Error(`job ${definition.name} is declared twice`);
    declared.set(definition.name, definition);
    return definition;
}
/**
 * A job written by the outbox. The payload type is the `jobId` rule's parameter type:
 * `defineJob({ queue: 'budget', name: 'budget.snapshot', jobId: (p: { programId: string; … }) => … })`.
 */
function defineJob(spec) {
    const { queue, name, jobId } = spec;
    return register({
        queue,
        name,
        job: (payload) => ({ queue, name, jobId: assertJobId(jobId(payload)), payload }),
    });
}
/** A job BullMQ's scheduler starts on a cron pattern (the worker registers it); its payload is empty. */
function defineScheduledJob(spec) {
    return register({ queue: spec.queue, name: spec.name, schedule: spec.schedule });
}
/** Every job declared so far (the `*.jobs.ts` files imported); for the worker's checks and tests. */
function declaredJobs() {
    return [...declared.values()];
}
/** Retries with exponential backoff; completed jobs kept a day for inspection, failed ones kept. */
exports.DEFAULT_JOB_OPTIONS = {
    attempts: 8,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: false,
};
function assertJobId(jobId) {
    if (!/^[A-Za-z0-9_.-]{1,200}$/.test(jobId) || /^\d+$/.test(jobId)) {
        throw new Error(`invalid job id ${JSON.stringify(jobId)}: letters, digits, _ . - only, not a bare integer`);
    }
    return jobId;
}
//# sourceMappingURL=jobs.js.map