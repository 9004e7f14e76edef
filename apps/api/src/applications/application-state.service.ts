import { Injectable } from '@nestjs/common';
import { budgetEffect, canTransition, ErrorCode, type ApplicationStatus } from '@huanxin/shared';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BudgetRepository } from '../budget/budget.repository';
import { Clock } from '../common/clock';
import { DomainError } from '../common/errors/domain-error';
import { returning } from '../database/sql';
import { writeOutbox } from '../queue/outbox.service';
import { notifyJob } from './applications.jobs';
import type { ApplicationEntity } from './application.entity';

export interface Move {
  to: ApplicationStatus;
  note?: string;
  /** null for the system (jobs); defaults to nobody. */
  actorId?: string | null;
}

/**
 * The only way a claim changes status. Inside the caller's transaction it checks the transition
 * table, applies a state-guarded UPDATE (`WHERE status = <from>`: a concurrent change makes it
 * fail instead of overwriting), applies the budget effect, writes the timeline event and the audit
 * row, and queues the resident's notification through the outbox.
 */
@Injectable()
export class ApplicationStateService {
  constructor(
    private readonly budgets: BudgetRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async move(manager: EntityManager, application: ApplicationEntity, move: Move): Promise<string> {
    const from = application.status;
    const { to } = move;
    if (!canTransition(from, to)) {
      throw new DomainError(ErrorCode.WRONG_STATE, `An application that is ${from} cannot become ${to}`);
    }
    const now = this.clock.now();
    const effect = budgetEffect(from, to);
    let reservedFen = application.reservedFen;
    if (effect === 'release' && reservedFen > 0) {
      await this.budgets.release(manager, application.programId, reservedFen, application.id, to);
      reservedFen = 0;
    }
    const updated = await returning(
      manager,
      `UPDATE application SET status = $3, reserved_fen = $4, updated_at = $5,
              submitted_at = CASE WHEN $3 = 'submitted' THEN $5 ELSE submitted_at END,
              returned_at = CASE WHEN $3 = 'returned' THEN $5 ELSE returned_at END
        WHERE id = $1 AND status = $2 RETURNING id`,
      [application.id, from, to, reservedFen, now],
    );
    if (updated.length === 0)
      throw new DomainError(ErrorCode.WRONG_STATE, 'The application changed meanwhile; reload it');
    if (effect === 'release')
      await manager.query(`DELETE FROM claim_key WHERE application_id = $1`, [application.id]);

    const [event] = (await manager.query(
      `INSERT INTO application_event (application_id, at, from_status, to_status, note, actor_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [application.id, now, from, to, move.note ?? null, move.actorId ?? null],
    )) as { id: string }[];
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
    await writeOutbox(manager, notifyJob(application.id, event!.id));
    application.status = to;
    application.reservedFen = reservedFen;
    return event!.id;
  }
}
