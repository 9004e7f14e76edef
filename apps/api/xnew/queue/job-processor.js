"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.JobProcessor = exports.QueueJobs = void 0;
exports.handleJobs = handleJobs;
const core_1 = require("@nestjs/core");
/**
 * A queue's jobs and their handlers, made by `handleJobs`. Handlers must be idempotent (a job may
 * run twice after a crash): guard state changes and use unique keys.
 */
class QueueJobs {
    constructor(queue, definitions, handlers) {
        this.queue = queue;
        this.definitions = definitions;
        this.handlers = handlers;
    }
    static of(definitions, handlers) {
        const queues = [...new Set(definitions.map((definition) => definition.queue))];
        if (queues.length !== 1)
            throw new Error(`one processor handles one queue, not [${queues.join(', ')}]`);
        const byName = new Map();
        for (const definition of definitions) {
            // The one unchecked step: BullMQ hands back `job.data` untyped; the job's name picked the
            // definition, and only the outbox (from that definition) or its schedule wrote the job.
            const handler = handlers[definition.name];
            if (typeof handler !== 'function')
                throw new Error(`job ${definition.name} has no handler`);
            byName.set(definition.name, handler);
        }
        return new QueueJobs(queues[0], definitions, byName);
    }
    handle(job) {
        const handler = this.handlers.get(job.name);
        if (!handler)
            throw new Error(`unknown job ${job.name} on queue ${this.queue}`);
        return handler(job.data, job);
    }
}
exports.QueueJobs = QueueJobs;
/**
 * A processor's jobs, all of one queue, each with its handler:
 * `readonly jobs = handleJobs([BUDGET_SNAPSHOT], { 'budget.snapshot': (payload, job) => … })`.
 */
function handleJobs(definitions, handlers) {
    return QueueJobs.of(definitions, handlers);
}
/**
 * Marks a provider as its queue's processor. A domain module lists the processor among its
 * providers; the worker finds every marked provider of the modules it imports (no second list).
 * The API process instantiates processors too but never runs them.
 */
exports.JobProcessor = core_1.DiscoveryService.createDecorator();
//# sourceMappingURL=job-processor.js.map