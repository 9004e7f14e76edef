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
exports.ChecksProcessor = void 0;
const common_1 = require("@nestjs/common");
const job_batch_1 = require("../queue/job-batch");
const job_processor_1 = require("../queue/job-processor");
const applications_jobs_1 = require("./applications.jobs");
const checks_service_1 = require("./checks.service");
const expiry_service_1 = require("./expiry.service");
const idempotency_repository_1 = require("./idempotency.repository");
/** Claims per check batch, and batches at once (each one connection and a few statements). */
const CHECK_BATCH = { maxBatch: 64, parallel: 2 };
/**
 * The `applications` queue: the automated checks after submission, and two hourly jobs — expiry
 * of stale claims and pruning of idempotency keys older than a day. Each handler is idempotent.
 */
let ChecksProcessor = class ChecksProcessor {
    constructor(checks, expiry, idempotency) {
        this.checks = checks;
        this.expiry = expiry;
        this.idempotency = idempotency;
        this.jobs = (0, job_processor_1.handleJobs)([applications_jobs_1.CHECK_APPLICATION, applications_jobs_1.EXPIRE_APPLICATIONS, applications_jobs_1.PRUNE_IDEMPOTENCY_KEYS], {
            'applications.check': (payload) => this.batch.load(payload.applicationId),
            'applications.expire': async () => ({ expired: await this.expire() }),
            'applications.prune-idempotency-keys': async () => ({ pruned: await this.idempotency.pruneExpired() }),
        });
        /** The check jobs running at once, checked together (a failed batch is re-run claim by claim). */
        this.batch = new job_batch_1.JobBatch((ids) => this.checks.checkMany(ids), CHECK_BATCH);
    }
    /** submitted → checking → in_review, with any flags raised on the way. */
    check(applicationId) {
        return this.checks.check(applicationId);
    }
    expire() {
        return this.expiry.expire();
    }
};
exports.ChecksProcessor = ChecksProcessor;
exports.ChecksProcessor = ChecksProcessor = __decorate([
    (0, common_1.Injectable)()
    // CHECKS_CONCURRENCY: check jobs active at once; those that run together are checked as one batch
    // (issue 10: the worker must drain at least twice as fast as residents submit).
    ,
    (0, job_processor_1.JobProcessor)({ concurrency: (config) => config.worker.checksConcurrency }),
    __metadata("design:paramtypes", [checks_service_1.ChecksService,
        expiry_service_1.ExpiryService,
        idempotency_repository_1.IdempotencyRepository])
], ChecksProcessor);
//# sourceMappingURL=checks.processor.js.map