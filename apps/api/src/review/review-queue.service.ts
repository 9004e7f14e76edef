import { Injectable } from '@nestjs/common';
import {
  maskName,
  reviewDueAt,
  slaState,
  type ReviewQueueItem,
  type ReviewQueuePage,
  type ReviewSort,
  type ReviewStage,
} from '@huanxin/shared';
import { Clock } from '../common/clock';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { ReviewRepository, type QueueRow } from './review.repository';

/** Program versions are immutable: their review times are read again at most this often. */
const REVIEW_DAYS_TTL_MS = 60_000;
const DEFAULT_REVIEW_DAYS = 15;

export interface QueueQuery {
  program?: string;
  status?: 'in_review' | 'returned';
  stage?: ReviewStage;
  flag?: string;
  sort?: ReviewSort;
  page?: number;
  pageSize?: number;
}

/**
 * The review queue (operations.md §7): claims in review, oldest complete claim first unless sorted
 * otherwise, each with its SLA clock (the version's `serviceLevels.reviewDays` from `complete_at`),
 * flags, risk score, stage and who holds it now.
 */
@Injectable()
export class ReviewQueueService {
  private reviewDays: { at: number; days: Map<string, number> } | null = null;

  constructor(
    private readonly reviews: ReviewRepository,
    private readonly cipher: PiiCipher,
    private readonly clock: Clock,
  ) {}

  async page(query: QueueQuery): Promise<ReviewQueuePage> {
    const now = this.clock.now();
    const pageSize = query.pageSize ?? 20;
    const sort = query.sort ?? 'age';
    const days = await this.reviewDaysByVersion(now);
    const filter = {
      status: query.status ?? 'in_review',
      programCode: query.program,
      stage: query.stage,
      flag: query.flag,
      sort,
      reviewDaysByVersion: days,
      limit: pageSize,
      offset: ((query.page ?? 1) - 1) * pageSize,
      now,
    } as const;
    const [rows, total] = await Promise.all([
      this.reviews.queuePage(filter),
      this.reviews.queueCount(filter),
    ]);
    return { items: rows.map((row) => this.item(row, days, now)), total };
  }

  private item(row: QueueRow, days: Map<string, number>, now: Date): ReviewQueueItem {
    // complete_at is set on entering review; a claim without it (none today) counts from now.
    const completeAt = row.complete_at ?? now;
    const reviewDays = days.get(row.program_version_id) ?? DEFAULT_REVIEW_DAYS;
    return {
      id: row.id,
      code: row.code,
      programCode: row.program_code,
      applicantNameMasked: row.name_enc ? maskName(this.cipher.decrypt(row.name_enc, 'profile.name')) : '',
      amountFen: Number(row.reserved_fen),
      completeAt: completeAt.toISOString(),
      dueAt: reviewDueAt(completeAt, reviewDays).toISOString(),
      slaState: slaState(completeAt, reviewDays, now),
      flags: row.flags,
      riskScore: row.risk_score,
      // A returned claim comes back to the first review.
      stage: row.stage ?? 'review',
      assignee: row.holder_id ? { id: row.holder_id, displayName: row.holder_name ?? '' } : null,
      // Point-of-sale claims (the dealers issue) will be paid to the dealer.
      payee: 'resident',
    };
  }

  private async reviewDaysByVersion(now: Date): Promise<Map<string, number>> {
    if (
      !this.reviewDays ||
      now.getTime() - this.reviewDays.at > REVIEW_DAYS_TTL_MS ||
      now.getTime() < this.reviewDays.at
    )
      this.reviewDays = { at: now.getTime(), days: await this.reviews.reviewDaysByVersion() };
    return this.reviewDays.days;
  }
}
