import { Injectable, Logger } from '@nestjs/common';
import { validateFacts } from '@huanxin/shared';
import type { EntityManager } from 'typeorm';
import { ServerEvaluator } from '../eligibility/server-evaluator';
import { ProgramsRepository } from '../programs/programs.repository';
import { RiskService } from '../risk/risk.service';
import { ApplicationStateService } from './application-state.service';
import type { ApplicationEntity } from './application.entity';
import { ApplicationsRepository } from './applications.repository';
import { ChecksRepository, type RaisedFlag } from './checks.repository';

export type { RaisedFlag } from './checks.repository';

/**
 * The automated checks after submission: submitted → checking → in_review in one guarded
 * transaction, with the fraud signals and a re-run of the rules raised as flags for the reviewer.
 * A check run twice (a job retried after a crash) finds the claim no longer `submitted` and changes
 * nothing.
 */
@Injectable()
export class ChecksService {
  private readonly logger = new Logger(ChecksService.name);

  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly checks: ChecksRepository,
    private readonly programs: ProgramsRepository,
    private readonly state: ApplicationStateService,
    private readonly evaluator: ServerEvaluator,
    private readonly risk: RiskService,
  ) {}

  async check(applicationId: string): Promise<{ moved: boolean; flags: string[] }> {
    return this.applications.transaction(async (manager) => {
      const application = await this.applications.lockById(manager, applicationId);
      if (!application || application.status !== 'submitted') return { moved: false, flags: [] };
      await this.state.move(manager, application, {
        to: 'checking',
        actorId: null,
        note: 'automated checks',
      });
      const flags = await this.signals(manager, application);
      for (const flag of flags) await this.checks.insertFlag(manager, application.id, flag);
      if (flags.length) await this.checks.refreshRiskScore(manager, application.id);
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
    const sharedDocuments = await this.checks.applicationsSharingDocuments(manager, application);
    if (sharedDocuments.length)
      flags.push({ code: 'DUPLICATE_DOCUMENT', detail: { otherApplications: sharedDocuments } });

    const sharedAccount = await this.checks.applicantsSharingBankAccount(manager, application.applicantId);
    if (sharedAccount > 0)
      flags.push({ code: 'SHARED_BANK_ACCOUNT', detail: { otherApplicants: sharedAccount } });

    // The third or later applicant submitting from one device (address + browser) within a day.
    const sameDevice = await this.checks.earlierApplicantsOnDevice(manager, application.id);
    if (sameDevice >= 2) flags.push({ code: 'SAME_DEVICE_PATTERN', detail: { otherApplicants: sameDevice } });

    const definition = await this.programs.definitionByVersionId(application.programVersionId, manager);
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
    flags.push(...(await this.risk.signals(application, manager)));
    return flags;
  }
}
