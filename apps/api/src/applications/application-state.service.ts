import { randomUUID } from 'node:crypto';
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
import { AuditService, type AuditEntry } from '../audit/audit.service';
import { BudgetRepository } from '../budget/budget.repository';
import { Clock } from '../common/clock';
import { DomainError } from '../common/errors/domain-error';
import type { ApplicationEntity } from './application.entity';
import { writeOutbox } from '../queue/outbox.service';
import { checkJob, notifyAllJob, notifyJob } from './applications.jobs';
import { ApplicationsRepository, type RaisedFlagRow } from './applications.repository';

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

  /**
   * A point-of-sale claim (operations.md §1), created by a dealer's redemption at the till and
   * already `submitted`: the claim row with the dealer organisation as payee and the person it
   * counts for, its timeline (created → submitted, the dealer account as actor), the outbox rows
   * of its automated checks (the same job a resident's submit queues) and of the resident's
   * notification — one statement (the caller writes its audit row with the voucher's). What it holds (`amountFen`, the engine's
   * subsidy for the sale) is the draft → submitted transition's `reserve` effect; it is not
   * reserved here but handed over from the voucher by the caller
   * (BudgetRepository.redeemVoucher), as the last statement of the transaction, so the budget
   * never holds the money twice. Answers the claim's id and its submission event's id.
   */
  async openAtTill(
    manager: EntityManager,
    claim: {
      code: string;
      applicantId: string;
      programId: string;
      programVersionId: string;
      facts: Record<string, unknown>;
      evaluation: EligibilityResult;
      amountFen: number;
      idNumberBidx: string;
      payeeOrganizationId: string;
      actor: { id: string; role: string };
      note: string;
    },
  ): Promise<{ id: string; eventId: string }> {
    if (!canTransition('draft', 'submitted') || budgetEffect('draft', 'submitted') !== 'reserve')
      throw new Error('a claim at the till is a submission that reserves');
    const id = randomUUID();
    const eventId = randomUUID();
    await this.applications.insertAtTill(manager, {
      id,
      code: claim.code,
      applicantId: claim.applicantId,
      programId: claim.programId,
      programVersionId: claim.programVersionId,
      facts: claim.facts,
      evaluation: claim.evaluation,
      reservedFen: claim.amountFen,
      idNumberBidx: claim.idNumberBidx,
      payeeOrganizationId: claim.payeeOrganizationId,
      at: this.clock.now(),
      note: claim.note,
      actorId: claim.actor.id,
      submittedEventId: eventId,
      jobs: [checkJob(id, eventId)],
    });
    return { id, eventId };
  }

  /**
   * Moves the (locked) claim; returns the timeline event's id. Updates `application` in place.
   *
   * The budget effect is the LAST statement: the claim's own rows (status, timeline, audit,
   * notification) go first, then `beforeBudget` (the caller's remaining writes that do not need
   * the budget, e.g. the submit's idempotency answer), then the one guarded budget
   * statement (UPDATE + ledger row in one round trip), after which the caller only COMMITs. The
   * budget row — the one row every submit of a program locks — is then held for that statement
   * and the COMMIT, not for the whole move. A failed guard (BUDGET_EXHAUSTED, or a broken
   * invariant) throws and rolls all of it back, so writing the rest first changes no outcome.
   */
  async move(
    manager: EntityManager,
    application: ApplicationEntity,
    move: Move,
    beforeBudget?: (eventId: string) => Promise<void>,
  ): Promise<string> {
    const from = application.status;
    const { to } = move;
    if (!canTransition(from, to)) {
      throw new DomainError(ErrorCode.WRONG_STATE, `An application that is ${from} cannot become ${to}`);
    }
    const at = this.clock.now();
    const effect = budgetEffect(from, to);
    const heldFen = heldAfter(application, effect, move);
    const eventId = randomUUID();
    // The status, its timeline event and the notification's outbox row: one statement.
    const moved = await this.applications.moveStatus(manager, {
      id: application.id,
      from,
      to,
      reservedFen: heldFen,
      at,
      event: { id: eventId, note: move.note ?? null, actorId: move.actorId ?? null },
      // A submission's job is its check, which also sends the resident its notice (CHECK_APPLICATION).
      job: to === 'submitted' ? checkJob(application.id, eventId) : notifyJob(application.id, eventId),
    });
    if (!moved) throw new DomainError(ErrorCode.WRONG_STATE, 'The application changed meanwhile; reload it');
    if (effect === 'release' || to === 'cancelled')
      await this.applications.deleteClaimKeys(manager, application.id);

    await this.audit.record(statusAudit(application, from, to, move.actorId), manager);
    await beforeBudget?.(eventId);
    await this.applyBudgetEffect(manager, application, effect, heldFen, to);
    application.status = to;
    application.reservedFen = heldFen;
    return eventId;
  }

  /**
   * The same move for several (locked) claims in two statements whatever their number: their
   * statuses, timeline events (each with its own note), flags and one notice job for them all in one,
   * their audit rows in one. Only moves that change no money (budget effect `none` or `keep`, e.g.
   * the checks' submitted → checking → in_review). With `via` each claim passes through that
   * status in the same statement (a timeline event and an audit row for each hop, the row written
   * once; the resident is notified of the last status only, not of one they never see). Updates
   * the claims in place; a claim that changed meanwhile fails the whole move (the caller locked
   * them, so it cannot).
   */
  async moveMany(
    manager: EntityManager,
    moves: readonly {
      application: ApplicationEntity;
      note: string;
      /** The note of the `from → via` event. */
      viaNote?: string;
      flags?: readonly RaisedFlagRow[];
    }[],
    move: { to: Exclude<ApplicationStatus, 'submitted'>; from: ApplicationStatus; via?: ApplicationStatus },
  ): Promise<void> {
    if (moves.length === 0) return;
    const { from, to, via } = move;
    const hops: [ApplicationStatus, ApplicationStatus][] =
      via === undefined
        ? [[from, to]]
        : [
            [from, via],
            [via, to],
          ];
    // `keep` to a status other than `submitted` moves no money (heldAfter keeps what the claim holds).
    for (const [a, b] of hops)
      if (!canTransition(a, b) || !['none', 'keep'].includes(budgetEffect(a, b)))
        throw new Error(`moveMany cannot move ${a} → ${b}`);
    if (moves.some(({ application }) => application.status !== from))
      throw new DomainError(ErrorCode.WRONG_STATE, `every application must be ${from}`);
    const claims = moves.map(({ application, note, viaNote, flags }) => ({
      id: application.id,
      eventId: randomUUID(),
      note,
      ...(via === undefined ? {} : { viaEvent: { id: randomUUID(), note: viaNote ?? null } }),
      ...(flags ? { flags } : {}),
    }));
    const moved = await this.applications.moveStatusMany(manager, {
      from,
      to,
      ...(via === undefined ? {} : { via }),
      at: this.clock.now(),
      actorId: null,
      job: notifyAllJob(claims.map((c) => ({ applicationId: c.id, eventId: c.eventId }))),
      claims,
    });
    if (moved.length !== claims.length)
      throw new DomainError(ErrorCode.WRONG_STATE, 'An application changed meanwhile; reload it');
    await this.audit.recordMany(
      moves.flatMap(({ application }) => hops.map(([a, b]) => statusAudit(application, a, b, null))),
      manager,
    );
    for (const { application } of moves) application.status = to;
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
   * compile until it is handled here. `heldFen` is what the claim holds afterwards (`heldAfter`).
   * At most one budget statement runs.
   */
  private async applyBudgetEffect(
    manager: EntityManager,
    application: ApplicationEntity,
    effect: BudgetEffect,
    heldFen: number,
    to: ApplicationStatus,
  ): Promise<void> {
    const { programId, id, reservedFen } = application;
    switch (effect) {
      case 'none':
        return;
      case 'reserve':
      case 'keep': {
        // Submitting reserves; a resubmission (returned → submitted, `keep`) re-prices the
        // reservation to the new evaluation: the difference is reserved first come, first served
        // (BUDGET_EXHAUSTED when the budget cannot cover it) or released. Otherwise nothing moves.
        const delta = heldFen - reservedFen;
        if (delta > 0 && !(await this.budgets.reserve(manager, programId, delta, id))) {
          throw new DomainError(
            ErrorCode.BUDGET_EXHAUSTED,
            'The program budget is used up (先到先得，额满即止)',
          );
        }
        if (delta < 0)
          books(
            await this.budgets.release(manager, programId, -delta, id, 'lower on resubmission'),
            'release',
            id,
          );
        return;
      }
      case 'release':
        books(await this.budgets.release(manager, programId, reservedFen, id, to), 'release', id);
        return;
      case 'commit':
        books(await this.budgets.commit(manager, programId, reservedFen, id), 'commit', id);
        return;
      case 'decommit':
        books(await this.budgets.decommit(manager, programId, reservedFen, id, to), 'decommit', id);
        return;
      case 'pay':
        books(await this.budgets.pay(manager, programId, reservedFen, id), 'pay', id);
        return;
      default: {
        const unhandled: never = effect;
        throw new Error(`unhandled budget effect ${String(unhandled)}`);
      }
    }
  }
}

/** The audit row of a status change; `actorId` null for the system, undefined for the caller. */
function statusAudit(
  application: ApplicationEntity,
  from: ApplicationStatus,
  to: ApplicationStatus,
  actorId: string | null | undefined,
): AuditEntry {
  return {
    action: 'application.status_changed',
    result: 'success',
    objectType: 'application',
    objectId: application.id,
    detail: { from, to, code: application.code },
    ...(actorId === null ? { actor: null } : {}),
  };
}

/**
 * What the claim holds of the budget after a move with `effect` (decided before any write, so the
 * claim's row can be written before the budget statement): a move to `submitted` holds exactly its
 * evaluation's amount; a release holds nothing; every other effect keeps what it holds.
 */
function heldAfter(application: ApplicationEntity, effect: BudgetEffect, move: Move): number {
  if (effect === 'reserve' && move.to !== 'submitted') throw new Error(`a move to ${move.to} cannot reserve`);
  if (move.to === 'submitted') return move.amountFen;
  return effect === 'release' || effect === 'decommit' ? 0 : application.reservedFen;
}

/** A guarded budget query that matched nothing means the claim and the budget disagree: stop. */
function books(ok: boolean, what: string, applicationId: string): void {
  if (!ok) throw new Error(`budget ${what} for application ${applicationId} does not match the budget`);
}
