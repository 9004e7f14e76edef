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
exports.ReviewSlaProcessor = void 0;
const common_1 = require("@nestjs/common");
const job_processor_1 = require("../../queue/job-processor");
const sla_digest_service_1 = require("./sla-digest.service");
const sla_jobs_1 = require("./sla.jobs");
/** Runs the daily SLA digest (idempotent per approver and day). */
let ReviewSlaProcessor = class ReviewSlaProcessor {
    constructor(digest) {
        this.digest = digest;
        this.jobs = (0, job_processor_1.handleJobs)([sla_jobs_1.REVIEW_SLA_DIGEST], {
            'review-sla.daily-digest': () => this.digest.notifyApprovers(),
        });
    }
};
exports.ReviewSlaProcessor = ReviewSlaProcessor;
exports.ReviewSlaProcessor = ReviewSlaProcessor = __decorate([
    (0, common_1.Injectable)(),
    (0, job_processor_1.JobProcessor)({ concurrency: 1 }),
    __metadata("design:paramtypes", [sla_digest_service_1.SlaDigestService])
], ReviewSlaProcessor);
//# sourceMappingURL=sla.processor.js.map