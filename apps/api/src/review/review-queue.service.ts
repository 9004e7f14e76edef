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
import { QueueTotals } from './queue-total';
import { ReviewRepository, type QueueFilter, type QueueRow } from './review.repository';

/** Program versions are immutable: their codes and review times are read again at most this often. */
const VERSIONS_TTL_MS = 60_000;
const DEFAULT_REVIEW_DAYS = 15;

interface VersionInfo {
  programCode: string;
  reviewDays: number;
}

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
  private versions: { at: number; byId: Map<string, VersionInfo> } | null = null;
  /** Totals per filter, exact while small, kept ~1 s when large (queue-total.ts says why). */
  private readonly totals = new QueueTotals();

  constructor(
    private readonly reviews: ReviewRepository,
    private readonly cipher: PiiCipher,
    private readonly clock: Clock,
  ) {}

  async page(query: QueueQuery): Promise<ReviewQueuePage> {
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
    } as const;
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
  forgetTotals(): void {
    this.totals.forget();
  }

  private item(row: QueueRow, versions: Map<string, VersionInfo>, now: Date): ReviewQueueItem {
    // complete_at is set on entering review; a claim without it (none today) counts from now.
    const completeAt = row.complete_at ?? now;
    const version = versions.get(row.program_version_id);
    const reviewDays = version?.reviewDays ?? DEFAULT_REVIEW_DAYS;
    return {
      id: row.id,
      code: row.code,
      programCode: version?.programCode ?? '',
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
      // Point-of-sale claims pay the dealer organisation (application.payee_organization_id).
      payee: row.payee_organization_id ? 'dealer' : 'resident',
    };
  }

  private async programVersions(now: Date, reload = false): Promise<Map<string, VersionInfo>> {
    const age = this.versions ? now.getTime() - this.versions.at : Infinity;
    if (reload || !this.versions || age > VERSIONS_TTL_MS || age < 0)
      this.versions = { at: now.getTime(), byId: await this.reviews.programVersions() };
    return this.versions.byId;
  }
}

/** What the total depends on: the filter, not the sort or the page. */
function totalKey(filter: QueueFilter): string {
  return JSON.stringify([
    filter.status,
    filter.programCode ?? null,
    filter.stage ?? null,
    filter.flag ?? null,
  ]);
}
