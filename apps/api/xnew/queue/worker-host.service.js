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
var WorkerHostService_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.WorkerHostService = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const bullmq_1 = require("bullmq");
const config_module_1 = require("../config/config.module");
const job_processor_1 = require("./job-processor");
const jobs_1 = require("./jobs");
const queue_factory_1 = require("./queue.factory");
const queues_service_1 = require("./queues.service");
/**
 * How often the worker checks that every schedule is still in Redis. A Redis that lost its data
 * (a restart without persistence, a failover to an empty replica) lost the schedules with it, and
 * they are otherwise registered only at start: without this, the hourly jobs would stop until the
 * next worker restart.
 */
const SCHEDULE_CHECK_MS = 30_000;
/**
 * Worker process only: finds every `@JobProcessor()` provider of the imported modules, starts one
 * BullMQ Worker per queue and registers the scheduled jobs' schedules.
 */
let WorkerHostService = WorkerHostService_1 = class WorkerHostService {
    constructor(config, discovery, queues) {
        this.config = config;
        this.discovery = discovery;
        this.queues = queues;
        this.logger = new common_1.Logger(WorkerHostService_1.name);
        this.workers = [];
        this.collected = [];
    }
    /**
     * The processors found, and what is wrong with them: a @JobProcessor() without `jobs`, a second
     * processor for a queue, a declared job no processor handles. The worker logs each problem and
     * runs what it can (a job without a processor waits in its queue; nothing is lost); a test
     * (test/worker-jobs.int-spec.ts) requires none.
     */
    inspect() {
        const processors = [];
        const problems = [];
        for (const wrapper of this.discovery.getProviders({ metadataKey: job_processor_1.JobProcessor.KEY })) {
            const name = String(wrapper.name);
            const jobs = wrapper.instance?.jobs;
            if (!(jobs instanceof job_processor_1.QueueJobs)) {
                problems.push(`${name} is a @JobProcessor() without \`readonly jobs = handleJobs(…)\``);
                continue;
            }
            const other = processors.find((processor) => processor.jobs.queue === jobs.queue);
            if (other) {
                problems.push(`queue ${jobs.queue} has two processors: ${other.name}, ${name} (${name} not started)`);
                continue;
            }
            const options = this.discovery.getMetadataByDecorator(job_processor_1.JobProcessor, wrapper) ?? {};
            processors.push({ name, instance: wrapper.instance, jobs, options });
        }
        const handled = new Set(processors.flatMap((processor) => processor.jobs.definitions));
        for (const definition of (0, jobs_1.declaredJobs)())
            if (!handled.has(definition))
                problems.push(`job ${definition.name} has no processor`);
        return { processors, problems };
    }
    onModuleInit() {
        const { processors, problems } = this.inspect();
        for (const problem of problems)
            this.logger.error(problem);
        this.collected = processors;
    }
    async onApplicationBootstrap() {
        const processors = this.collected;
        for (const { jobs, options } of processors) {
            const worker = new bullmq_1.Worker(jobs.queue, (job) => jobs.handle(job), {
                connection: (0, queue_factory_1.bullConnection)(this.config, true),
                prefix: (0, queue_factory_1.bullPrefix)(this.config),
                concurrency: typeof options.concurrency === 'function'
                    ? options.concurrency(this.config)
                    : (options.concurrency ?? 4),
            });
            worker.on('failed', (job, error) => this.logger.warn({ queue: jobs.queue, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err: error }, 'job failed'));
            worker.on('error', (error) => this.logger.error({ queue: jobs.queue, err: error }, 'worker error'));
            this.workers.push(worker);
        }
        // Upserted on every start: a changed pattern replaces the old one under the same key.
        await this.registerSchedules(processors, false);
        this.scheduleCheck = setInterval(() => {
            this.registerSchedules(this.collected, true).catch((error) => this.logger.warn({ err: error }, 'schedule check failed; will retry'));
        }, SCHEDULE_CHECK_MS);
        this.scheduleCheck.unref();
        this.logger.log(`processing queues: ${processors.map((p) => p.jobs.queue).join(', ')}`);
    }
    /**
     * Registers every schedule; with `onlyMissing`, only those Redis no longer has (after it lost
     * its data), so a running schedule is never touched. Answers the keys registered.
     */
    async registerSchedules(processors, onlyMissing) {
        const registered = [];
        for (const { jobs } of processors) {
            for (const { name, schedule } of jobs.definitions) {
                if (!schedule)
                    continue;
                const queue = this.queues.get(jobs.queue);
                if (onlyMissing && (await queue.getJobScheduler(schedule.key)))
                    continue;
                await queue.upsertJobScheduler(schedule.key, { pattern: schedule.pattern, tz: schedule.tz }, { name, data: {} });
                registered.push(schedule.key);
            }
        }
        if (onlyMissing && registered.length)
            this.logger.warn({ schedules: registered }, 'schedules missing from Redis registered again');
        return registered;
    }
    async onApplicationShutdown() {
        clearInterval(this.scheduleCheck);
        await Promise.all(this.workers.map((worker) => worker.close()));
    }
};
exports.WorkerHostService = WorkerHostService;
exports.WorkerHostService = WorkerHostService = WorkerHostService_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, config_module_1.InjectConfig)()),
    __metadata("design:paramtypes", [Object, core_1.DiscoveryService,
        queues_service_1.QueuesService])
], WorkerHostService);
//# sourceMappingURL=worker-host.service.js.map