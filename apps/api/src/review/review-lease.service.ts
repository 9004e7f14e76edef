import { Injectable } from '@nestjs/common';
import { ErrorCode, type ReviewLease } from '@huanxin/shared';
import { applicationNotFound } from '../applications/application-errors';
import { Clock } from '../common/clock';
import { DomainError } from '../common/errors/domain-error';
import { ReviewRepository } from './review.repository';

/** How long a taken case stays the reviewer's (operations.md §7); the holder renews by taking it again. */
export const LEASE_MS = 30 * 60_000;

/** Taking, renewing and giving up a case (one holder at a time, decided by the database). */
@Injectable()
export class ReviewLeaseService {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly clock: Clock,
  ) {}

  async take(userId: string, applicationId: string): Promise<ReviewLease> {
    const now = this.clock.now();
    const until = await this.reviews.takeLease(
      applicationId,
      userId,
      now,
      new Date(now.getTime() + LEASE_MS),
    );
    if (until) return { leaseUntil: until.toISOString() };
    const status = await this.reviews.applicationStatus(applicationId);
    if (!status) throw applicationNotFound();
    if (status !== 'in_review')
      throw new DomainError(ErrorCode.WRONG_STATE, `A claim that is ${status} is not in review`);
    const holder = await this.reviews.currentLease(applicationId, now);
    throw new DomainError(ErrorCode.CASE_HELD, 'Another reviewer is working on this case', {
      extra: holder
        ? {
            holder: { id: holder.holderId, displayName: holder.displayName },
            leaseUntil: holder.leaseUntil.toISOString(),
          }
        : {},
    });
  }

  async release(userId: string, applicationId: string): Promise<void> {
    if (!(await this.reviews.applicationStatus(applicationId))) throw applicationNotFound();
    await this.reviews.releaseLease(applicationId, userId);
  }
}
