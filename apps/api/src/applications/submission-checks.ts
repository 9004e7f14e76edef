import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  FieldErrorCode,
  pauseDecision,
  purchaseDateOf,
  type EligibilityResult,
  type ProgramDefinition,
} from '@huanxin/shared';
import type { EntityManager } from 'typeorm';
import { Clock, shanghaiDate } from '../common/clock';
import { DomainError } from '../common/errors/domain-error';
import { claimKeysOf, ServerEvaluator } from '../eligibility/server-evaluator';
import { ProgramsCache } from '../programs/programs.cache';
import { ProgramsRepository, type PauseRow } from '../programs/programs.repository';
import { publicPause } from '../programs/programs.service';
import type { ApplicationEntity } from './application.entity';
import { ApplicationsRepository } from './applications.repository';

export interface PassedSubmission {
  definition: ProgramDefinition;
  /** The server's evaluation at today's date with the person's history; eligible. */
  evaluation: EligibilityResult;
  /** The person the claim counts for: the blind index of the applicant's ID number. */
  idNumberBidx: string;
}

/**
 * What a submission must pass, in order, inside its transaction and after the claim row is locked:
 * the program window, a real-name profile (and the per-person lock), the required documents, the
 * claim keys across programs, then the rules at today's date with the person's history.
 */
@Injectable()
export class SubmissionChecks {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly programs: ProgramsRepository,
    private readonly evaluator: ServerEvaluator,
    private readonly clock: Clock,
    private readonly cache: ProgramsCache,
  ) {}

  /**
   * The programs' pause announcements, read BEFORE the submit's transaction: the cache may have to
   * refresh (a pool connection), and a transaction waiting for a connection while holding its own
   * would starve the pool under a burst of submits.
   */
  async pauses(): Promise<ReadonlyMap<string, PauseRow>> {
    return (await this.cache.snapshot()).pauses;
  }

  async verify(
    manager: EntityManager,
    application: ApplicationEntity,
    pauses: ReadonlyMap<string, PauseRow>,
  ): Promise<PassedSubmission> {
    const definition = await this.programs.definitionByVersionId(application.programVersionId, manager);
    const today = this.clock.today();
    if (today < definition.opensOn || today > definition.closesOn) {
      throw new DomainError(ErrorCode.PROGRAM_CLOSED, 'The program is not open for applications');
    }
    this.checkPause(application, definition, pauses);
    // From here on this person's other submissions wait for this one: the history read below is
    // then the one the reservation is decided on (issue 9: one subsidy per person and quota).
    const idNumberBidx = await this.applications.lockPerson(manager, application.applicantId);
    if (!idNumberBidx) {
      throw new DomainError(ErrorCode.PROFILE_REQUIRED, 'Give your real-name details before submitting');
    }
    await this.requireDocuments(manager, application.id, definition);
    await this.claimKeys(manager, application, definition);

    const evaluation = await this.evaluator.evaluate(definition, application.facts, {
      applicantId: application.applicantId,
      excludeId: application.id,
      manager,
      asOf: today,
    });
    if (!evaluation.eligible) {
      throw new DomainError(ErrorCode.NOT_ELIGIBLE, 'The application does not meet the program rules', {
        clauses: evaluation.clauses.filter(
          (clause) => clause.result === 'fail' || clause.result === 'unknown',
        ),
      });
    }
    return { definition, evaluation, idNumberBidx };
  }

  /**
   * A paused program takes no NEW claims (operations.md §8): from `pausesAt` a first submission is
   * refused unless its purchase was made before the pause and the grace days have not run out. A
   * claim in flight (returned for correction, submitted before) keeps going with its reservation.
   * The pause comes from the programs cache, read before the transaction (no round trip in it; an
   * announcement is ≥ 72 h ahead, and the instant itself is compared with the clock exactly).
   */
  private checkPause(
    application: ApplicationEntity,
    definition: ProgramDefinition,
    pauses: ReadonlyMap<string, PauseRow>,
  ): void {
    if (application.submittedAt !== null) return;
    const pause = pauses.get(application.programId);
    if (!pause) return;
    const decision = pauseDecision(
      { pausesAt: pause.pausesAt, graceDays: pause.graceDays, pauseDate: shanghaiDate(pause.pausesAt) },
      this.clock.now(),
      purchaseDateOf(definition, application.facts),
    );
    if (decision === 'paused') {
      throw new DomainError(ErrorCode.PROGRAM_PAUSED, 'The program is paused and takes no new claims', {
        extra: { pause: publicPause(pause) },
      });
    }
  }

  private async requireDocuments(
    manager: EntityManager,
    applicationId: string,
    definition: ProgramDefinition,
  ): Promise<void> {
    const have = new Set(await this.applications.documentKinds(manager, applicationId));
    const missing = definition.documents.filter((doc) => doc.required && !have.has(doc.kind));
    if (missing.length) {
      throw new DomainError(ErrorCode.MISSING_DOCUMENTS, 'Required documents are missing', {
        fields: Object.fromEntries(missing.map((doc) => [`documents.${doc.kind}`, FieldErrorCode.REQUIRED])),
      });
    }
  }

  /**
   * Claims the keys: one advisory lock per key (in a fixed order, so two transactions never wait
   * on each other crosswise), then another program's use is allowed only when either program's
   * stacking list names the other. The unique index (name, value, program) is the backstop. Two
   * round trips for all keys (ApplicationsRepository.claimKeys), where it was three per key.
   */
  private async claimKeys(
    manager: EntityManager,
    application: ApplicationEntity,
    definition: ProgramDefinition,
  ): Promise<void> {
    const claimed = claimKeysOf(definition, application.facts)
      .filter((key) => key.unique !== 'none')
      .sort((a, b) => `${a.name}:${a.value}`.localeCompare(`${b.name}:${b.value}`));
    const holders = await this.applications.claimKeys(manager, application, claimed);
    for (const key of claimed) {
      const conflict = holders.find((holder) => {
        if (holder.name !== key.name || holder.value !== key.value) return false;
        if (holder.program_id === application.programId) return true;
        if (key.unique !== 'global') return false;
        return (
          !definition.stacksWith.includes(holder.definition.code) &&
          !holder.definition.stacksWith.includes(definition.code)
        );
      });
      if (conflict) {
        const path = definition.claimKeys.find((k) => k.name === key.name)?.path ?? key.name;
        throw new DomainError(ErrorCode.DUPLICATE_CLAIM, 'This key already backs another claim', {
          fields: { [`facts.${path}`]: ErrorCode.DUPLICATE_CLAIM },
        });
      }
    }
  }
}
