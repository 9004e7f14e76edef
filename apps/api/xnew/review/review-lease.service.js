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
exports.ReviewLeaseService = exports.LEASE_MS = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const application_errors_1 = require("../applications/application-errors");
const clock_1 = require("../common/clock");
const domain_error_1 = require("../common/errors/domain-error");
const review_repository_1 = require("./review.repository");
/** How long a taken case stays the reviewer's (operations.md §7); the holder renews by taking it again. */
exports.LEASE_MS = 30 * 60_000;
/** Taking, renewing and giving up a case (one holder at a time, decided by the database). */
let ReviewLeaseService = class ReviewLeaseService {
    constructor(reviews, clock) {
        this.reviews = reviews;
        this.clock = clock;
    }
    async take(userId, applicationId) {
        const now = this.clock.now();
        const until = await this.reviews.takeLease(applicationId, userId, now, new Date(now.getTime() + exports.LEASE_MS));
        if (until)
            return { leaseUntil: until.toISOString() };
        const status = await this.reviews.applicationStatus(applicationId);
        if (!status)
            throw (0, application_errors_1.applicationNotFound)();
        if (status !== 'in_review')
            throw new domain_error_1.DomainError(shared_1.ErrorCode.WRONG_STATE, `A claim that is ${status} is not in review`);
        const holder = await this.reviews.currentLease(applicationId, now);
        throw new domain_error_1.DomainError(shared_1.ErrorCode.CASE_HELD, 'Another reviewer is working on this case', {
            extra: holder
                ? {
                    holder: { id: holder.holderId, displayName: holder.displayName },
                    leaseUntil: holder.leaseUntil.toISOString(),
                }
                : {},
        });
    }
    async release(userId, applicationId) {
        if (!(await this.reviews.applicationStatus(applicationId)))
            throw (0, application_errors_1.applicationNotFound)();
        await this.reviews.releaseLease(applicationId, userId);
    }
};
exports.ReviewLeaseService = ReviewLeaseService;
exports.ReviewLeaseService = ReviewLeaseService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [review_repository_1.ReviewRepository,
        clock_1.Clock])
], ReviewLeaseService);
//# sourceMappingURL=review-lease.service.js.map