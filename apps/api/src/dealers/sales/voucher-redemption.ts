import type { NormalizedGoodsSale } from '@huanxin/shared';
import type { EntityManager } from 'typeorm';
import type { ProductEntity } from '../product.entity';

/** What a goods sale with a `voucherCode` asks the vouchers side for, inside the sale's transaction. */
export interface VoucherRedemptionRequest {
  organizationId: string;
  /** The selling organisation: the claim's payee, its credit code the claim's `item.dealerUscc`. */
  organization: { id: string; uscc: string; programs: readonly string[] };
  userId: string;
  voucherCode: string;
  sale: NormalizedGoodsSale;
  product: ProductEntity;
}

/** The subsidy granted at the till (the engine's answer) and the point-of-sale claim it created. */
export interface VoucherRedemption {
  subsidyFen: number;
  applicationId: string;
  /**
   * Called by the sale once its row is written, as the transaction's last work: links the voucher
   * to the sale and moves the money (the voucher's reservation to the claim, shrunk to the
   * subsidy) — so the hot budget row is locked only from that statement to COMMIT.
   */
  settle(saleId: string): Promise<void>;
}

/**
 * The seam for point-of-sale redemption (operations.md §5). SalesService calls `redeem` in the
 * sale's own transaction, after the sale's rules held and before the row is written, and then
 * checks `price = paid + subsidy + other discounts` with the subsidy it answers; a DomainError it
 * throws (VOUCHER_NOT_FOUND, VOUCHER_EXPIRED, VOUCHER_USED, BUYER_NOT_HOLDER, NOT_ELIGIBLE…)
 * refuses the sale and rolls everything back. After the sale row and its audit row, SalesService
 * calls the answer's `settle(saleId)`. The vouchers module provides the implementation
 * (TillRedemption, `{ provide: VoucherRedeemer, useExisting: TillRedemption }` in SalesModule).
 */
export abstract class VoucherRedeemer {
  abstract redeem(manager: EntityManager, request: VoucherRedemptionRequest): Promise<VoucherRedemption>;
}
