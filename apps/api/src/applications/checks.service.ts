import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ServerEvaluator } from '../eligibility/server-evaluator';
import { ProgramsRepository } from '../programs/programs.repository';
import { RiskService } from '../risk/risk.service';
import { ApplicationStateService } from './application-state.service';
import type { ApplicationEntity } from './application.entity';
import { ApplicationsRepository } from './applications.repository';
import { ChecksRepository, type RaisedFlag } from './checks.repository';
import { CHECK_SIGNALS, type SignalReader } from './checks.signals';

export type { RaisedFlag } from './checks.repository';

/**
 * The automated checks after submission: the fraud signals and a re-run of the rules (CHECK_SIGNALS)
 * raised as flags for the reviewer, then submitted → checking → in_review.
 *
 * Short transaction: the signals are computed FIRST, from a plain read of the claim and plain
 * queries, with no transaction open and no row locked; only then a short transaction locks the
 * claim, re-checks that it is still the same submission (`submitted`, same `submitted_at`: a claim
 * that moved on meanwhile — withdrawn, or checked by a run of the same job — is left alone) and
 * applies both moves and the flags in one go (its round trips: BEGIN, the row lock, 2 per move,
 * one for all flags if any, COMMIT — 6 or 7; it was 16 + one per flag, the signals' queries and
 * 4 statements per move inside it).
 * A submitted claim's facts cannot change (only drafts and returned claims are editable), so the
 * flags computed on the snapshot are the flags of the claim being moved. A check run twice (a job
 * retried after a crash) finds the claim no longer `submitted` and changes nothing.
 */
@Injectable()
export class ChecksService {
  private readonly logger = new Logger(ChecksService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly checks: ChecksRepository,
    private readonly programs: ProgramsRepository,
    private readonly state: ApplicationStateService,
    private readonly evaluator: ServerEvaluator,
    private readonly risk: RiskService,
  ) {}

  async check(applicationId: string): Promise<{ moved: boolean; flags: string[] }> {
    const snapshot = await this.applications.findById(applicationId);
    if (!snapshot || snapshot.status !== 'submitted') return { moved: false, flags: [] };
    const flags = await this.signals(snapshot);

    return this.applications.transaction(async (manager) => {
      const application = await this.applications.lockById(manager, applicationId);
      if (
        !application ||
        application.status !== 'submitted' ||
        application.submittedAt?.getTime() !== snapshot.submittedAt?.getTime()
      )
        return { moved: false, flags: [] };
      await this.state.move(manager, application, {
        to: 'checking',
        actorId: null,
        note: 'automated checks',
      });
      await this.checks.insertFlags(manager, application.id, flags);
      await this.state.move(manager, application, {
        to: 'in_review',
        actorId: null,
        note: flags.length ? `flagged: ${flags.map((f) => f.code).join(', ')}` : 'checks passed',
      });
      this.logger.debug({ applicationId, flags: flags.map((f) => f.code) }, 'application checked');
      return { moved: true, flags: flags.map((f) => f.code) };
    });
  }

  /** Runs every signal on the (unlocked) snapshot, outside any transaction. */
  private async signals(application: ApplicationEntity): Promise<RaisedFlag[]> {
    const reader: SignalReader = {
      manager: this.dataSource.manager,
      checks: this.checks,
      definition: await this.programs.definitionByVersionId(application.programVersionId),
      evaluator: this.evaluator,
    };
    const flags: RaisedFlag[] = [];
    for (const signal of CHECK_SIGNALS) flags.push(...(await signal(application, reader)));
    flags.push(...(await this.risk.signals(application, this.dataSource.manager)));
    return flags;
  }
}
