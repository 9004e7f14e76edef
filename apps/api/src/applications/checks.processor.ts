import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { validateFacts } from '@huanxin/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { ServerEvaluator } from '../eligibility/server-evaluator';
import { handleJobs, JobProcessor, type QueueProcessor } from '../queue/job-processor';
import { ApplicationStateService } from './application-state.service';
import type { ApplicationEntity } from './application.entity';
import { CHECK_APPLICATION, EXPIRE_APPLICATIONS } from './applications.jobs';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';

export interface RaisedFlag {
  code: string;
  detail: Record<string, unknown>;
}

/**
 * Automated checks after submission, then expiry. Each job is one guarded transaction: a job run
 * twice (a retry after a crash) finds the claim no longer `submitted` and changes nothing.
 */
@Injectable()
@JobProcessor({ concurrency: 4 })
export class ChecksProcessor implements QueueProcessor {
  readonly jobs = handleJobs([CHECK_APPLICATION, EXPIRE_APPLICATIONS], {
    'applications.check': (payload) => this.check(payload.applicationId),
    'applications.expire': async () => ({ expired: await this.expire() }),
  });
  private readonly logger = new Logger(ChecksProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly applicationsService: ApplicationsService,
    private readonly state: ApplicationStateService,
    private readonly evaluator: ServerEvaluator,
    private readonly clock: Clock,
  ) {}

  /** submitted → checking → in_review, with any flags raised on the way. */
  async check(applicationId: string): Promise<{ moved: boolean; flags: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.applications.lockById(manager, applicationId);
      if (!application || application.status !== 'submitted') return { moved: false, flags: [] };
      await this.state.move(manager, application, {
        to: 'checking',
        actorId: null,
        note: 'automated checks',
      });
      const flags = await this.signals(manager, application);
      for (const flag of flags) {
        await manager.query(
          `INSERT INTO application_flag (application_id, code, detail) VALUES ($1, $2, $3::jsonb) ON CONFLICT (application_id, code) DO NOTHING`,
          [application.id, flag.code, JSON.stringify(flag.detail)],
        );
      }
      await this.state.move(manager, application, {
        to: 'in_review',
        actorId: null,
        note: flags.length ? `flagged: ${flags.map((f) => f.code).join(', ')}` : 'checks passed',
      });
      this.logger.debug({ applicationId, flags: flags.map((f) => f.code) }, 'application checked');
      return { moved: true, flags: flags.map((f) => f.code) };
    });
  }

  private async signals(manager: EntityManager, application: ApplicationEntity): Promise<RaisedFlag[]> {
    const flags: RaisedFlag[] = [];
    const sharedDocuments: { sha256: string; other: string }[] = await manager.query(
      `SELECT DISTINCT mine.sha256, other.application_id AS other
         FROM application_document mine
         JOIN application_document other ON other.sha256 = mine.sha256 AND other.application_id <> mine.application_id
         JOIN application a ON a.id = other.application_id
        WHERE mine.application_id = $1 AND a.applicant_id <> $2`,
      [application.id, application.applicantId],
    );
    if (sharedDocuments.length)
      flags.push({
        code: 'DUPLICATE_DOCUMENT',
        detail: { otherApplications: [...new Set(sharedDocuments.map((d) => d.other))] },
      });

    const sharedAccount: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM resident_profile mine JOIN resident_profile other
          ON other.bank_account_bidx = mine.bank_account_bidx AND other.user_id <> mine.user_id
        WHERE mine.user_id = $1`,
      [application.applicantId],
    );
    if ((sharedAccount[0]?.count ?? 0) > 0)
      flags.push({ code: 'SHARED_BANK_ACCOUNT', detail: { otherApplicants: sharedAccount[0]!.count } });

    // The third or later applicant submitting from one device (address + browser) within a day.
    // Only earlier submissions count (same instant: the older claim first), so the answer does not
    // depend on when the job runs.
    const sameDevice: { others: number }[] = await manager.query(
      `SELECT count(DISTINCT other.applicant_id)::int AS others FROM application mine JOIN application other
          ON other.submit_device = mine.submit_device AND other.applicant_id <> mine.applicant_id
         AND other.submitted_at >= mine.submitted_at - interval '24 hours'
         AND (other.submitted_at < mine.submitted_at OR (other.submitted_at = mine.submitted_at AND other.code < mine.code))
        WHERE mine.id = $1 AND mine.submit_device IS NOT NULL`,
      [application.id],
    );
    if ((sameDevice[0]?.others ?? 0) >= 2)
      flags.push({ code: 'SAME_DEVICE_PATTERN', detail: { otherApplicants: sameDevice[0]!.others } });

    const definition = await this.applicationsService.definitionOf(application, manager);
    const warnings = Object.keys(validateFacts(definition, application.facts).warnings);
    if (warnings.length) flags.push({ code: 'IDENTIFIER_WARNING', detail: { facts: warnings } });

    // Rules again, with the history as it stands now (another claim may have landed meanwhile).
    const recheck = await this.evaluator.evaluate(definition, application.facts, {
      applicantId: application.applicantId,
      excludeId: application.id,
      manager,
    });
    if (!recheck.eligible) {
      flags.push({
        code: 'RULES_RECHECK_FAILED',
        detail: {
          clauses: recheck.clauses
            .filter((c) => c.result !== 'pass' && c.result !== 'not_applicable')
            .map((c) => c.id),
        },
      });
    }
    return flags;
  }

  /** Drafts untouched and returned claims not resubmitted within the program's deadlines expire. */
  async expire(): Promise<number> {
    const now = this.clock.now();
    const candidates: {
      id: string;
      status: string;
      updated_at: Date;
      returned_at: Date | null;
      definition: { settings: { draftExpiryDays?: number; returnedExpiryDays?: number } };
    }[] = await this.dataSource.query(
      `SELECT a.id, a.status, a.updated_at, a.returned_at, v.definition FROM application a
           JOIN program_version v ON v.id = a.program_version_id WHERE a.status IN ('draft', 'returned')`,
    );
    const day = 24 * 3600_000;
    const due = candidates.filter((row) => {
      const { draftExpiryDays = 30, returnedExpiryDays = 15 } = row.definition.settings;
      return row.status === 'draft'
        ? now.getTime() - row.updated_at.getTime() > draftExpiryDays * day
        : now.getTime() - (row.returned_at ?? row.updated_at).getTime() > returnedExpiryDays * day;
    });
    let expired = 0;
    for (const row of due) {
      expired += await this.dataSource.transaction(async (manager) => {
        const application = await this.applications.lockById(manager, row.id);
        if (!application || application.status !== row.status) return 0;
        await this.state.move(manager, application, {
          to: 'expired',
          actorId: null,
          note: `not completed in time (${row.status})`,
        });
        return 1;
      });
    }
    return expired;
  }
}
