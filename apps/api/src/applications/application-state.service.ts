import { Injectable } from '@nestjs/common';
import {
  budgetEffect,
  canTransition,
  ErrorCode,
  type ApplicationStatus,
  type BudgetEffect,
  type EligibilityResult,
} from '@huanxin/shared';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BudgetRepository } from '../budget/budget.repository';
import { Clock } from '../common/clock';
import { DomainError } from '../common/errors/domain-error';
import { writeOutbox } from '../queue/outbox.service';
import type { ApplicationEntity } from './application.entity';
import { notifyJob } from './applications.jobs';
import { ApplicationsRepository } from './applications.repository';

interface MoveCommon {
  note?: string;
  /** null for the system (jobs); defaults to nobody. */
  actorId?: string | null;
}

/**
 * A status change. A move to `submitted` carries the amount the claim must hold from then on (its
 * evaluation's amount): the first submission reserves it, a resubmission re-prices the reservation
 * to it (reserving the difference, or releasing it).
 */
export type Move =
  | (MoveCommon & { to: 'submitted'; amountFen: number })
  | (MoveCommon & { to: Exclude<ApplicationStatus, 'submitted'> });

/**
 * The one writer of a claim's status and money. Inside the caller's transaction `move` checks the
 * transition table, applies the transition's budget effect (shared `budgetEffect`) through the
 * guarded budget queries and their ledger rows, applies a state-guarded UPDATE (a concurrent change
 * makes it fail instead of overwriting), writes the timeline event and the audit row, and queues
 * the resident's notification through the outbox.
 *
 * `application.reservedFen` is the amount the claim holds of the budget: reserved while it waits,
 * committed once approved, paid once paid (the budget's buckets say which); 0 once released.
 */
@Injectable()
export class ApplicationStateService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly budgets: BudgetRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Creates a claim in `draft` (holding nothing) with its first timeline event. */
  async open(
    manager: EntityManager,
    draft: {
      code: string;
      applicantId: string;
      programId: string;
      programVersionId: string;
      facts: Record<string, unknown>;
      evaluation: EligibilityResult;
    },
  ): Promise<ApplicationEntity> {
    // Times come from the Clock (not the database's now()), so deadlines follow one time source.
    const at = this.clock.now();
    const application = await this.applications.insertDraft(manager, { ...draft, at });
    await this.applications.insertEvent(manager, {
      applicationId: application.id,
      at,
      from: null,
      to: 'draft',
      note: null,
      actorId: draft.applicantId,
    });
    return application;
  }

  /** Moves the (locked) claim; returns the timeline event's id. Updates `application` in place. */
  async move(manager: EntityManager, application: ApplicationEntity, move: Move): Promise<string> {
    const from = application.status;
    const { to } = move;
    if (!canTransition(from, to)) {
      throw new DomainError(ErrorCode.WRONG_STATE, `An application that is ${from} cannot become ${to}`);
    }
    const at = this.clock.now();
    const effect = budgetEffect(from, to);
    const heldFen = await this.applyBudgetEffect(manager, application, effect, move);
    const moved = await this.applications.setStatus(manager, {
      id: application.id,
      from,
      to,
      reservedFen: heldFen,
      at,
    });
    if (!moved) throw new DomainError(ErrorCode.WRONG_STATE, 'The application changed meanwhile; reload it');
    if (effect === 'release') await this.applications.deleteClaimKeys(manager, application.id);

    const eventId = await this.applications.insertEvent(manager, {
      applicationId: application.id,
      at,
      from,
      to,
      note: move.note ?? null,
      actorId: move.actorId ?? null,
    });
    await this.audit.record(
      {
        action: 'application.status_changed',
        result: 'success',
        objectType: 'application',
        objectId: application.id,
        detail: { from, to, code: application.code },
        ...(move.actorId === null ? { actor: null } : {}),
      },
      manager,
    );
    await writeOutbox(manager, notifyJob(application.id, eventId));
    application.status = to;
    application.reservedFen = heldFen;
    return eventId;
  }

  /**
   * A timeline entry without a status change (e.g. a first approval that sends the claim to the
   * four-eyes second approval: still `in_review`), with its audit row and the resident's
   * notification, like a move. Returns the event's id.
   */
  async note(
    manager: EntityManager,
    application: ApplicationEntity,
    entry: { note: string; actorId: string | null },
  ): Promise<string> {
    const at = this.clock.now();
    const eventId = await this.applications.insertEvent(manager, {
      applicationId: application.id,
      at,
      from: application.status,
      to: application.status,
      note: entry.note,
      actorId: entry.actorId,
    });
    await writeOutbox(manager, notifyJob(application.id, eventId));
    return eventId;
  }

  /**
   * Every budget effect of the shared table, in one exhaustive switch: a new effect does not
   * compile until it is handled here. Returns what the claim holds of the budget afterwards.
   */
  private async applyBudgetEffect(
    manager: EntityManager,
    application: ApplicationEntity,
    effect: BudgetEffect,
    move: Move,
  ): Promise<number> {
    const { programId, id, reservedFen } = application;
    switch (effect) {
      case 'none':
        return reservedFen;
      case 'reserve':
      case 'keep':
        // `keep` holds the money as it is, except that a resubmission (returned → submitted)
        // re-prices it to the new evaluation, like a first submission's `reserve`.
        if (move.to === 'submitted') return this.holdExactly(manager, application, move.amountFen);
        if (effect === 'reserve') throw new Error(`a move to ${move.to} cannot reserve`);
        return reservedFen;
      case 'release':
        books(await this.budgets.release(manager, programId, reservedFen, id, move.to), 'release', id);
        return 0;
      case 'commit':
        books(await this.budgets.commit(manager, programId, reservedFen, id), 'commit', id);
        return reservedFen;
      case 'pay':
        books(await this.budgets.pay(manager, programId, reservedFen, id), 'pay', id);
        return reservedFen;
      default: {
        const unhandled: never = effect;
        throw new Error(`unhandled budget effect ${String(unhandled)}`);
      }
    }
  }

  /**
   * Makes the claim hold exactly `amountFen` in reservations: reserves the difference first come,
   * first served (refused with BUDGET_EXHAUSTED when the budget cannot cover it), or releases it.
   */
  private async holdExactly(
    manager: EntityManager,
    application: ApplicationEntity,
    amountFen: number,
  ): Promise<number> {
    const delta = amountFen - application.reservedFen;
    if (delta > 0 && !(await this.budgets.reserve(manager, application.programId, delta, application.id))) {
      throw new DomainError(ErrorCode.BUDGET_EXHAUSTED, 'The program budget is used up (先到先得，额满即止)');
    }
    if (delta < 0) {
      books(
        await this.budgets.release(
          manager,
          application.programId,
          -delta,
          application.id,
          'lower on resubmission',
        ),
        'release',
        application.id,
      );
    }
    return amountFen;
  }
}

/** A guarded budget query that matched nothing means the claim and the budget disagree: stop. */
function books(ok: boolean, what: string, applicationId: string): void {
  if (!ok) throw new Error(`budget ${what} for application ${applicationId} does not match the budget`);
}
