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
exports.ReviewQueueService = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const clock_1 = require("../common/clock");
const pii_cipher_1 = require("../common/crypto/pii-cipher");
const queue_total_1 = require("./queue-total");
const review_repository_1 = require("./review.repository");
/** Program versions are immutable: their codes and review times are read again at most this often. */
const VERSIONS_TTL_MS = 60_000;
const DEFAULT_REVIEW_DAYS = 15;
/**
 * The review queue (operations.md §7): claims in review, oldest complete claim first unless sorted
 * otherwise, each with its SLA clock (the version's `serviceLevels.reviewDays` from `complete_at`),
 * flags, risk score, stage and who holds it now.
 */
let ReviewQueueService = class ReviewQueueService {
    constructor(reviews, cipher, clock) {
        this.reviews = reviews;
        this.cipher = cipher;
        this.clock = clock;
        this.versions = null;
        /** Totals per filter, exact while small, kept ~1 s when large (queue-total.ts says why). */
        this.totals = new queue_total_1.QueueTotals();
    }
    async page(query) {
        const now = this.clock.now();
        const pageSize = query.pageSize ?? 20;
        const versions = await this.programVersions(now);
        const filter = {
            status: query.status ?? 'in_review',
            programCode: query.program,
            stage: query.stage,
            flag: query.flag,
            sort: query.sort ?? 'age',
            reviewDaysByVersion: new Map([...versions].map(([id, v]) => [id, v.reviewDays])),
            limit: pageSize,
            offset: ((query.page ?? 1) - 1) * pageSize,
            now,
        };
        const [rows, total] = await Promise.all([
            this.reviews.queuePage(filter),
            this.totals.get(totalKey(filter), () => this.reviews.queueCount(filter)),
        ]);
        // A version published since they were read: read them again for this page.
        const known = rows.every((row) => versions.has(row.program_version_id))
            ? versions
            : await this.programVersions(now, true);
        return { items: rows.map((row) => this.item(row, known, now)), total };
    }
    /** The queue changed in this process (a decision): the next page counts its total anew. */
    forgetTotals() {
        this.totals.forget();
    }
    item(row, versions, now) {
        // complete_at is set on entering review; a claim without it (none today) counts from now.
        const completeAt = row.complete_at ?? now;
        const version = versions.get(row.program_version_id);
        const reviewDays = version?.reviewDays ?? DEFAULT_REVIEW_DAYS;
        return {
            id: row.id,
            code: row.code,
            programCode: version?.programCode ?? '',
            applicantNameMasked: row.name_enc ? (0, shared_1.maskName)(this.cipher.decrypt(row.name_enc, 'profile.name')) : '',
            amountFen: Number(row.reserved_fen),
            completeAt: completeAt.toISOString(),
            dueAt: (0, shared_1.reviewDueAt)(completeAt, reviewDays).toISOString(),
            slaState: (0, shared_1.slaState)(completeAt, reviewDays, now),
            flags: row.flags,
            riskScore: row.risk_score,
            // A returned claim comes back to the first review.
            stage: row.stage ?? 'review',
            assignee: row.holder_id ? { id: row.holder_id, displayName: row.holder_name ?? '' } : null,
            // Point-of-sale claims pay the dealer organisation (application.payee_organization_id).
            payee: row.payee_organization_id ? 'dealer' : 'resident',
        };
    }
    async programVersions(now, reload = false) {
        const age = this.versions ? now.getTime() - this.versions.at : Infinity;
        if (reload || !this.versions || age > VERSIONS_TTL_MS || age < 0)
            this.versions = { at: now.getTime(), byId: await this.reviews.programVersions() };
        return this.versions.byId;
    }
};
exports.ReviewQueueService = ReviewQueueService;
exports.ReviewQueueService = ReviewQueueService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [review_repository_1.ReviewRepository,
        pii_cipher_1.PiiCipher,
        clock_1.Clock])
], ReviewQueueService);
/** What the total depends on: the filter, not the sort or the page. */
function totalKey(filter) {
    return JSON.stringify([
        filter.status,
        filter.programCode ?? null,
        filter.stage ?? null,
        filter.flag ?? null,
    ]);
}
//# sourceMappingURL=review-queue.service.js.map