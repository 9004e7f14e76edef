import { Injectable, Logger } from '@nestjs/common';
import { riskWeight } from '@huanxin/shared';
import type { ApplicationEntity } from './application.entity';
import { ApplicationStateService } from './application-state.service';
import { ApplicationsRepository } from './applications.repository';
import type { RaisedFlag } from './checks.repository';
import { CheckSignals } from './checks.signals';

export type { RaisedFlag } from './checks.repository';

export interface CheckResult {
  moved: boolean;
  flags: string[];
}

/**
 * The automated checks after submission: the fraud signals and a re-run of the rules (CHECK_SIGNALS
 * and the risk rules) raised as flags for the reviewer, then submitted → checking → in_review.
 *
 * In batches (issue 10: the worker must drain at least twice as fast as residents submit): the
 * check jobs that run together are checked together (ChecksProcessor), and a batch costs about
 * what one claim did — each signal is one set-based query for the whole batch, and one short
 * transaction moves all of its claims.
 *
 * Short transaction: the signals are computed FIRST, from plain reads of the claims and plain
 * queries, with no transaction open and no row locked; only then a short transaction locks the
 * claims (in id order), re-checks that each is still the same submission (`submitted`, same
 * `submitted_at`: a claim that moved on meanwhile — withdrawn, or checked by a run of the same job
 * — is left alone) and moves the others with their flags in one go, whatever the batch's size:
 * BEGIN, the row locks, one statement for the statuses (submitted → checking → in_review, each
 * claim's row written once), timeline events, flags, risk scores and notification outbox rows, one
 * for the audit rows, COMMIT.
 * A submitted claim's facts cannot change (only drafts and returned claims are editable), so the
 * flags computed on the snapshot are the flags of the claim being moved. A check run twice (a job
 * retried after a crash) finds the claim no longer `submitted` and changes nothing.
 *
 * `checking` is only ever seen inside that transaction: the resident is notified of `in_review`,
 * not of `checking` (its timeline event and audit row stay).
 */
@Injectable()
export class ChecksService {
  private readonly logger = new Logger(ChecksService.name);

  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly state: ApplicationStateService,
    private readonly signals: CheckSignals,
  ) {}

  async check(applicationId: string): Promise<CheckResult> {
    return (await this.checkMany([applicationId]))[0]!;
  }

  /**
   * Checks a batch of claims, in this order (the queue's: a claim's cross-claim flags see the
   * claims before it, as if each were checked alone in turn); answers each id's result.
   */
  async checkMany(applicationIds: readonly string[]): Promise<CheckResult[]> {
    const ids = [...new Set(applicationIds)];
    const found = new Map((await this.applications.findByIds(ids)).map((a) => [a.id, a]));
    const snapshots = ids
      .map((id) => found.get(id))
      .filter((a): a is ApplicationEntity => a?.status === 'submitted');
    const moved = snapshots.length ? await this.move(snapshots, await this.signals.of(snapshots)) : new Map();
    return applicationIds.map((id) => moved.get(id) ?? { moved: false, flags: [] });
  }

  /** The short transaction: the claims still as snapshotted move, with their flags. */
  private move(
    snapshots: readonly ApplicationEntity[],
    raised: readonly RaisedFlag[][],
  ): Promise<Map<string, CheckResult>> {
    const flagsOf = new Map(snapshots.map((a, i) => [a.id, raised[i]!]));
    const byId = new Map(snapshots.map((a) => [a.id, a]));
    return this.applications.transaction(async (manager) => {
      const locked = await this.applications.lockByIds(manager, [...byId.keys()]);
      const same = locked
        .filter(
          (row) =>
            row.status === 'submitted' &&
            row.submittedAt?.getTime() === byId.get(row.id)!.submittedAt?.getTime(),
        )
        .map((row) => byId.get(row.id)!);
      const results = new Map<string, CheckResult>();
      if (same.length === 0) return results;
      await this.state.moveMany(
        manager,
        same.map((application) => {
          const flags = flagsOf.get(application.id)!;
          const codes = flags.map((f) => f.code);
          results.set(application.id, { moved: true, flags: codes });
          return {
            application,
            viaNote: 'automated checks',
            note: codes.length ? `flagged: ${codes.join(', ')}` : 'checks passed',
            flags: flags.map((f) => ({ ...f, weight: riskWeight(f.code) })),
          };
        }),
        { from: 'submitted', via: 'checking', to: 'in_review' },
      );
      this.logger.debug({ checked: same.length }, 'applications checked');
      return results;
    });
  }
}
