import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { riskWeight, type ReturnOutcome } from '@huanxin/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { returning } from '../../database/sql';
import { DealerSaleEntity } from '../sales/dealer-sale.entity';

/** Claims after purchase that a reviewer can still act on: flagged when their sale is returned. */
const OPEN_CLAIM_STATUSES = ['submitted', 'checking', 'in_review', 'returned'];

/**
 * Named queries of a sale's return (operations.md §6): the sale row locked for the return, the
 * return recorded on it, the receivable of a return after payout, the flag on a resident's open
 * claim matched to the sale, and the dealer accounts told about it. Claim status and money move
 * through ApplicationStateService; a claim's payment line through PaymentsRepository.
 */
@Injectable()
export class ReturnsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * The organisation's sale, locked until the transaction ends (two returns of one sale run one
   * after the other: the second finds it returned); another organisation's sale is null, as is an
   * unknown id.
   */
  lockOwnSale(
    manager: EntityManager,
    organizationId: string,
    saleId: string,
  ): Promise<DealerSaleEntity | null> {
    return manager
      .getRepository(DealerSaleEntity)
      .findOne({ where: { id: saleId, organizationId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Records the return on a sale still `recorded`; false when it was returned meanwhile. */
  async markReturned(
    manager: EntityManager,
    saleId: string,
    the: { returnedOn: string; reason: string; outcome: ReturnOutcome; at: Date },
  ): Promise<boolean> {
    const rows = await returning(
      manager,
      `UPDATE dealer_sale SET status = 'returned', returned_on = $2, return_reason = $3, return_outcome = $4, returned_at = $5
        WHERE id = $1 AND status = 'recorded' RETURNING id`,
      [saleId, the.returnedOn, the.reason, the.outcome, the.at],
    );
    return rows.length === 1;
  }

  /** Opens the receivable of a sale returned after payout, against the selling organisation. */
  async openReturnReceivable(
    manager: EntityManager,
    receivable: {
      applicationId: string;
      organizationId: string;
      saleId: string;
      amountFen: number;
      reason: string;
      dueOn: string;
      createdBy: string;
    },
  ): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO receivable (application_id, payee_kind, payee_organization_id, amount_fen, reason, sale_id, due_on, created_by)
       VALUES ($1, 'dealer', $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        receivable.applicationId,
        receivable.organizationId,
        receivable.amountFen,
        receivable.reason,
        receivable.saleId,
        receivable.dueOn,
        receivable.createdBy,
      ],
    )) as { id: string }[];
    return row!.id;
  }

  /**
   * Raises SALE_RETURNED on these claims while a reviewer can still act on them (once per claim;
   * the weight joins the risk score as the checks' flags do). Answers the claims flagged now.
   */
  async flagReturnedSale(
    manager: EntityManager,
    applicationIds: readonly string[],
    detail: Record<string, unknown>,
  ): Promise<string[]> {
    if (applicationIds.length === 0) return [];
    const rows = await returning<{ id: string }>(
      manager,
      `WITH raised AS (
         INSERT INTO application_flag (application_id, code, detail, weight)
         SELECT a.id, 'SALE_RETURNED', $3::jsonb, $4 FROM application a
          WHERE a.id = ANY($1::uuid[]) AND a.status = ANY($2::text[])
         ON CONFLICT (application_id, code) DO NOTHING RETURNING application_id, weight)
       UPDATE application a SET risk_score = a.risk_score + r.weight
         FROM raised r WHERE a.id = r.application_id RETURNING a.id`,
      [[...applicationIds], OPEN_CLAIM_STATUSES, JSON.stringify(detail), riskWeight('SALE_RETURNED')],
    );
    return rows.map((row) => row.id);
  }

  /** The organisation's dealer accounts that can sign in (not disabled), for the return's notice. */
  async dealerAccounts(manager: EntityManager, organizationId: string): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT id FROM user_account WHERE organization_id = $1 AND role = 'dealer' AND disabled_at IS NULL ORDER BY id`,
      [organizationId],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }
}
