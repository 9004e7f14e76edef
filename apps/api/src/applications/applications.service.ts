import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  applicationCode,
  EDITABLE_STATUSES,
  ErrorCode,
  FieldErrorCode,
  validateFacts,
  type EligibilityResult,
  type ProgramDefinition,
} from '@huanxin/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { BudgetRepository } from '../budget/budget.repository';
import { returning } from '../database/sql';
import { Clock } from '../common/clock';
import { DomainError, validationFailed } from '../common/errors/domain-error';
import { ApplicantFactsService } from '../profile/applicant-facts.service';
import { claimKeysOf, ServerEvaluator } from '../eligibility/server-evaluator';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { requestContext } from '../common/http/request-context';
import { ProgramsRepository } from '../programs/programs.repository';
import { writeOutbox } from '../queue/outbox.service';
import { ApplicationStateService } from './application-state.service';
import { ApplicationEntity } from './application.entity';
import { checkJob } from './applications.jobs';
import { ApplicationsRepository } from './applications.repository';
import { fingerprint, once, type StoredResponse } from './idempotency';

export interface ApplicationView {
  id: string;
  code: string;
  status: ApplicationEntity['status'];
  programCode: string;
  programVersion: number;
  facts: Record<string, unknown>;
  evaluation: EligibilityResult | null;
  reservedFen: number;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Resident claims: drafts, submission (budget reservation), withdrawal. */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly programs: ProgramsRepository,
    private readonly budgets: BudgetRepository,
    private readonly state: ApplicationStateService,
    private readonly evaluator: ServerEvaluator,
    private readonly applicants: ApplicantFactsService,
    private readonly devices: PiiCipher,
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
    const saved = await this.dataSource.transaction(async (manager) => {
      const code = applicationCode(
        Number(this.clock.today().slice(0, 4)),
        await this.applications.nextCode(manager),
      );
      // Times come from the Clock (not the database's now()), so deadlines follow one time source.
      const now = this.clock.now();
      const [row] = (await manager.query(
        `INSERT INTO application (code, applicant_id, program_id, program_version_id, status, facts, evaluation, reserved_fen, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'draft', $5::jsonb, $6::jsonb, 0, $7, $7) RETURNING id`,
        [
          code,
          applicantId,
          program.id,
          program.versionId,
          JSON.stringify(normalized),
          JSON.stringify(evaluation),
          now,
        ],
      )) as { id: string }[];
      await manager.query(
        `INSERT INTO application_event (application_id, at, from_status, to_status, actor_id) VALUES ($1, $2, NULL, 'draft', $3)`,
        [row!.id, now, applicantId],
      );
      const inserted = await manager.getRepository(ApplicationEntity).findOneByOrFail({ id: row!.id });
      return inserted;
    });
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
    const updated = await returning(
      this.dataSource,
      `UPDATE application SET facts = $3::jsonb, evaluation = $4::jsonb, updated_at = $5 WHERE id = $1 AND status = $2 RETURNING id`,
      [id, application.status, JSON.stringify(normalized), JSON.stringify(evaluation), this.clock.now()],
    );
    if (updated.length === 0)
      throw new DomainError(ErrorCode.WRONG_STATE, 'The application changed meanwhile; reload it');
    return this.view(
      { ...application, facts: normalized, evaluation, updatedAt: this.clock.now() },
      definition,
    );
  }

  async list(applicantId: string): Promise<ApplicationView[]> {
    const rows = await this.applications.listForApplicant(applicantId);
    return Promise.all(rows.map(async (row) => this.view(row, await this.definitionOf(row))));
  }

  async detail(applicantId: string, id: string) {
    const application = await this.owned(applicantId, id);
    const [definition, timeline] = await Promise.all([
      this.definitionOf(application),
      this.applications.timeline(id),
    ]);
    return {
      ...this.view(application, definition),
      timeline: timeline.map((event) => ({
        at: event.at.toISOString(),
        status: event.toStatus,
        note: event.note,
      })),
    };
  }

  async withdraw(applicantId: string, id: string): Promise<ApplicationView> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.applications.lockOwned(manager, id, applicantId);
      if (!application) throw notFound();
      await this.state.move(manager, application, {
        to: 'withdrawn',
        actorId: applicantId,
        note: 'withdrawn by the applicant',
      });
      return this.view(application, await this.definitionOf(application));
    });
  }

  /**
   * Submits in one transaction: the idempotency record, the claim row lock, the window, the
   * server-side re-evaluation at today's date with history, the required documents, the claim
   * keys across programs, the guarded budget reservation with its ledger row, the status change
   * and the outbox rows for the checks and the notification.
   */
  async submit(
    applicantId: string,
    id: string,
    idempotencyKey: string,
    body: unknown,
  ): Promise<StoredResponse> {
    const owner = {
      userId: applicantId,
      scope: `submit:${id}`,
      key: idempotencyKey,
      requestHash: fingerprint({ id, body }),
    };
    return this.dataSource.transaction((manager) =>
      once(manager, owner, async () => {
        const application = await this.applications.lockOwned(manager, id, applicantId);
        if (!application) throw notFound();
        if (!EDITABLE_STATUSES.includes(application.status)) {
          throw new DomainError(
            ErrorCode.WRONG_STATE,
            `An application that is ${application.status} cannot be submitted`,
          );
        }
        const definition = await this.definitionOf(application, manager);
        const today = this.clock.today();
        if (today < definition.opensOn || today > definition.closesOn) {
          throw new DomainError(ErrorCode.PROGRAM_CLOSED, 'The program is not open for applications');
        }
        if (!(await this.applicants.hasProfile(applicantId, manager))) {
          throw new DomainError(ErrorCode.PROFILE_REQUIRED, 'Give your real-name details before submitting');
        }
        await this.requireDocuments(manager, application.id, definition);
        const keys = claimKeysOf(definition, application.facts);
        await this.claimKeys(manager, application, definition, keys);

        const evaluation = await this.evaluator.evaluate(definition, application.facts, {
          applicantId,
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
        const amountFen = evaluation.amountFen;
        const delta = amountFen - application.reservedFen;
        if (
          delta > 0 &&
          !(await this.budgets.reserve(manager, application.programId, delta, application.id))
        ) {
          throw new DomainError(
            ErrorCode.BUDGET_EXHAUSTED,
            'The program budget is used up (先到先得，额满即止)',
          );
        }
        if (delta < 0)
          await this.budgets.release(
            manager,
            application.programId,
            -delta,
            application.id,
            'lower on resubmission',
          );
        const context = requestContext.get();
        const device = context
          ? this.devices.blindIndex(`${context.ip}|${context.userAgent ?? ''}`, 'device')
          : null;
        await manager.query(
          `UPDATE application SET evaluation = $2::jsonb, reserved_fen = $3, submit_device = $4 WHERE id = $1`,
          [application.id, JSON.stringify(evaluation), amountFen, device],
        );
        application.reservedFen = amountFen;
        const eventId = await this.state.move(manager, application, {
          to: 'submitted',
          actorId: applicantId,
        });
        await writeOutbox(manager, checkJob(application.id, eventId));
        return { status: 200, body: { id: application.id, status: 'submitted', reservedFen: amountFen } };
      }),
    );
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
   * stacking list names the other. The unique index (name, value, program) is the backstop.
   */
  private async claimKeys(
    manager: EntityManager,
    application: ApplicationEntity,
    definition: ProgramDefinition,
    keys: { name: string; value: string; unique: string }[],
  ): Promise<void> {
    const claimed = keys
      .filter((key) => key.unique !== 'none')
      .sort((a, b) => `${a.name}:${a.value}`.localeCompare(`${b.name}:${b.value}`));
    for (const key of claimed) {
      const holders = await this.applications.lockClaimKeyHolders(manager, key, application.id);
      const conflict = holders.find((holder) => {
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
      await this.applications.insertClaimKey(manager, application, key);
    }
  }

  private async owned(applicantId: string, id: string): Promise<ApplicationEntity> {
    const application = await this.applications.findOwned(id, applicantId);
    if (!application) throw notFound();
    return application;
  }

  async definitionOf(application: ApplicationEntity, manager?: EntityManager): Promise<ProgramDefinition> {
    return this.programs.definitionByVersionId(application.programVersionId, manager);
  }

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

function notFound(): DomainError {
  return new DomainError(ErrorCode.APPLICATION_NOT_FOUND, 'Application not found');
}
