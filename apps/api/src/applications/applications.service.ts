import { Injectable } from '@nestjs/common';
import {
  applicationCode,
  EDITABLE_STATUSES,
  ErrorCode,
  payClock,
  reviewReason,
  validateFacts,
  type ApplicationCorrection,
  type ApplicationDetail,
  type ApplicationView,
  type PayClock,
  type ProgramDefinition,
} from '@huanxin/shared';
import { Clock, shanghaiDate } from '../common/clock';
import { DomainError, validationFailed } from '../common/errors/domain-error';
import { ServerEvaluator } from '../eligibility/server-evaluator';
import { ProgramsRepository } from '../programs/programs.repository';
import { applicationNotFound } from './application-errors';
import { ApplicationStateService } from './application-state.service';
import type { ApplicationEventEntity } from './application-event.entity';
import type { ApplicationEntity } from './application.entity';
import { ApplicationsRepository } from './applications.repository';

/** Resident claims: drafts, list, detail, withdrawal (submission is SubmissionService). */
@Injectable()
export class ApplicationsService {
  private readonly programMembersByVersion = new Map<string, string>();

  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly programs: ProgramsRepository,
    private readonly state: ApplicationStateService,
    private readonly evaluator: ServerEvaluator,
    private readonly clock: Clock,
  ) {}

  async create(
    applicantId: string,
    programCode: string,
    facts: Record<string, unknown>,
  ): Promise<ApplicationView> {
    const program = await this.programs.findCurrentByCode(programCode);
    if (!program) throw new DomainError(ErrorCode.PROGRAM_NOT_FOUND, `No program ${programCode}`);
    const normalized = this.checkFacts(program.definition, facts);
    const evaluation = await this.evaluator.evaluate(program.definition, normalized, { applicantId });
    const saved = await this.applications.transaction(async (manager) =>
      this.state.open(manager, {
        code: applicationCode(
          Number(this.clock.today().slice(0, 4)),
          await this.applications.nextCode(manager),
        ),
        applicantId,
        programId: program.id,
        programVersionId: program.versionId,
        facts: normalized,
        evaluation,
      }),
    );
    return this.view(saved, program.definition);
  }

  /** Saves new facts on a draft or a returned claim (re-validated and re-evaluated). */
  async update(applicantId: string, id: string, facts: Record<string, unknown>): Promise<ApplicationView> {
    const application = await this.owned(applicantId, id);
    if (!EDITABLE_STATUSES.includes(application.status)) {
      throw new DomainError(
        ErrorCode.WRONG_STATE,
        `An application that is ${application.status} cannot be edited`,
      );
    }
    const definition = await this.definitionOf(application);
    const normalized = this.checkFacts(definition, facts);
    const evaluation = await this.evaluator.evaluate(definition, normalized, {
      applicantId,
      excludeId: application.id,
    });
    const now = this.clock.now();
    if (!(await this.applications.updateFacts(id, application.status, normalized, evaluation, now)))
      throw new DomainError(ErrorCode.WRONG_STATE, 'The application changed meanwhile; reload it');
    return this.view({ ...application, facts: normalized, evaluation, updatedAt: now }, definition);
  }

  /**
   * The caller's claims, newest first: the JSON text of `ApplicationView[]`, each member in the
   * order `view` gives it (test/resident-list.e2e-spec.ts holds each equal to the detail). The
   * members come as JSON text from the database and are joined, not parsed and re-serialized.
   */
  async list(applicantId: string): Promise<string> {
    const rows = await this.applications.listForApplicant(applicantId);
    const items: string[] = [];
    for (const row of rows) {
      const program =
        this.programMembersByVersion.get(row.programVersionId) ??
        (await this.programMembers(row.programVersionId));
      items.push(`${row.head},${program},${row.tail}`);
    }
    return `[${items.join(',')}]`;
  }

  /** `"programCode":…,"programVersion":…` of a version (immutable: kept once worked out). */
  private async programMembers(versionId: string): Promise<string> {
    const { code, version } = await this.programs.definitionByVersionId(versionId);
    const members = `"programCode":${JSON.stringify(code)},"programVersion":${JSON.stringify(version)}`;
    this.programMembersByVersion.set(versionId, members);
    return members;
  }

  async detail(applicantId: string, id: string): Promise<ApplicationDetail> {
    const application = await this.owned(applicantId, id);
    const [definition, timeline, correction, payment] = await Promise.all([
      this.definitionOf(application),
      this.applications.timeline(id),
      this.correction(application),
      this.applications.latestPayment(id),
    ]);
    return {
      ...this.view(application, definition),
      correction,
      // Paid on … (the bank's result date), or failed with the bank's reason: update the bank account.
      payment: payment && {
        status: payment.status,
        amountFen: payment.amountFen,
        paidOn: payment.status === 'paid' && payment.settledAt ? shanghaiDate(payment.settledAt) : null,
        reason: payment.status === 'failed' ? payment.reason : null,
      },
      payClock: this.payClockOf(application, definition, timeline),
      timeline: timeline.map((event) => ({
        at: event.at.toISOString(),
        status: event.toStatus,
        note: event.note,
      })),
    };
  }

  /** An approved, unpaid claim's pay clock: `serviceLevels.payDays` from its (last) approval. */
  private payClockOf(
    application: ApplicationEntity,
    definition: ProgramDefinition,
    timeline: readonly ApplicationEventEntity[],
  ): PayClock | null {
    if (application.status !== 'approved') return null;
    const approval = timeline.findLast((event) => event.toStatus === 'approved');
    if (!approval) return null;
    return payClock(approval.at, definition.settings.serviceLevels.payDays, this.clock.now());
  }

  async withdraw(applicantId: string, id: string): Promise<ApplicationView> {
    const withdrawn = await this.applications.transaction(async (manager) => {
      const application = await this.applications.lockOwned(manager, id, applicantId);
      if (!application) throw applicationNotFound();
      await this.state.move(manager, application, {
        to: 'withdrawn',
        actorId: applicantId,
        note: 'withdrawn by the applicant',
      });
      return application;
    });
    return this.view(withdrawn, await this.definitionOf(withdrawn));
  }

  /**
   * While returned: the reviewer's reason, the fields to fix and the deadline (`returnedExpiryDays`
   * from the return, after which the expiry job releases the money).
   */
  private async correction(application: ApplicationEntity): Promise<ApplicationCorrection | null> {
    if (application.status !== 'returned') return null;
    const [decision, definition] = await Promise.all([
      this.applications.latestReturn(application.id),
      this.definitionOf(application),
    ]);
    if (!decision) return null;
    const returnedAt = application.returnedAt ?? decision.decidedAt;
    const days = definition.settings.returnedExpiryDays ?? 15;
    return {
      reasonCode: decision.reasonCode,
      reasonTitle: reviewReason(decision.reasonCode)?.title ?? {
        zh: decision.reasonCode,
        en: decision.reasonCode,
      },
      fields: decision.fields,
      note: decision.note,
      returnedAt: returnedAt.toISOString(),
      expiresAt: new Date(returnedAt.getTime() + days * 24 * 3600_000).toISOString(),
    };
  }

  /** The claim's program version definition. */
  private async definitionOf(
    application: Pick<ApplicationEntity, 'programVersionId'>,
  ): Promise<ProgramDefinition> {
    return this.programs.definitionByVersionId(application.programVersionId);
  }

  private checkFacts(definition: ProgramDefinition, facts: Record<string, unknown>): Record<string, unknown> {
    const checked = validateFacts(definition, facts);
    if (!checked.ok) {
      throw validationFailed(
        Object.fromEntries(Object.entries(checked.fields).map(([path, code]) => [`facts.${path}`, code])),
      );
    }
    return checked.normalized;
  }

  private async owned(applicantId: string, id: string): Promise<ApplicationEntity> {
    const application = await this.applications.findOwned(id, applicantId);
    if (!application) throw applicationNotFound();
    return application;
  }

  /** The claim as every answer shows it (`list` writes the same members as JSON text). */
  private view(application: ApplicationEntity, definition: ProgramDefinition): ApplicationView {
    return {
      id: application.id,
      code: application.code,
      status: application.status,
      programCode: definition.code,
      programVersion: definition.version,
      facts: application.facts,
      evaluation: application.evaluation,
      reservedFen: application.reservedFen,
      submittedAt: application.submittedAt?.toISOString() ?? null,
      createdAt: application.createdAt.toISOString(),
      updatedAt: application.updatedAt.toISOString(),
    };
  }
}
