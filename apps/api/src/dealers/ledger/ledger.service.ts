import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  ledgerExpectedOn,
  ledgerState,
  ledgerTotals,
  type DealerLedger,
  type DealerLedgerItem,
  type DealerSaleMoney,
} from '@huanxin/shared';
import { DomainError } from '../../common/errors/domain-error';
import type { AuthUser } from '../../common/http/request-context';
import { LedgerRepository, type LedgerRow } from './ledger.repository';

/**
 * The dealer's ledger (`GET /api/dealer/ledger`): each claim the organisation is paid for, in its
 * one money state (shared `ledgerState`), with the amount in that state and when the next move is
 * due by the SLA clocks (`ledgerExpectedOn`); the totals are the items summed by state
 * (`ledgerTotals`), released claims in none.
 */
@Injectable()
export class LedgerService {
  constructor(private readonly ledger: LedgerRepository) {}

  async ledgerOf(caller: AuthUser): Promise<DealerLedger> {
    if (!caller.organizationId) throw new DomainError(ErrorCode.FORBIDDEN, 'Not allowed');
    const items = (await this.ledger.rows(caller.organizationId)).flatMap((row) => {
      const item = toItem(row);
      return item ? [item] : [];
    });
    return { totals: ledgerTotals(items), items };
  }

  /**
   * The money state of these claims for the organisation, for its sales list: present for a claim
   * it is paid for (point of sale) or owes on; absent for a resident's own claim matched to a sale
   * (the dealer advanced nothing on it).
   */
  async moneyOfClaims(
    organizationId: string,
    applicationIds: readonly string[],
  ): Promise<Map<string, DealerSaleMoney>> {
    const money = new Map<string, DealerSaleMoney>();
    for (const row of await this.ledger.rowsOfClaims(organizationId, applicationIds)) {
      const item = toItem(row);
      if (item)
        money.set(row.applicationId, {
          state: item.state,
          amountFen: item.amountFen,
          ...(item.expectedOn ? { expectedOn: item.expectedOn } : {}),
        });
    }
    return money;
  }
}

function toItem(row: LedgerRow): DealerLedgerItem | null {
  const state = ledgerState({
    status: row.status,
    liveLine: row.liveLine,
    lastLineFailed: row.lastLineFailed && row.liveLine === null,
    openReceivableFen: row.owedFen,
  });
  if (state === null) return null;
  // A cancelled claim shows what the return gave back: the released reservation or commitment,
  // or — returned after payment, its receivable settled — the subsidy that was paid.
  const amountFen =
    state === 'receivable'
      ? row.owedFen
      : state === 'released'
        ? row.releasedFen
        : state === 'cancelled'
          ? row.releasedFen || row.heldFen
          : row.heldFen;
  const expectedOn = ledgerExpectedOn(state, {
    submittedAt: row.submittedAt,
    completeAt: row.completeAt,
    approvedAt: row.approvedAt,
    receivableOpenedAt: row.receivableOpenedAt,
    receivableDueOn: row.receivableDueOn,
    reviewDays: row.reviewDays,
    payDays: row.payDays,
  });
  return {
    saleId: row.saleId,
    applicationCode: row.applicationCode,
    state,
    amountFen,
    ...(expectedOn ? { expectedOn } : {}),
  };
}
