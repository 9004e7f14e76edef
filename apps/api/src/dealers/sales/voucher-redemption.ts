import { Injectable } from '@nestjs/common';
import { ErrorCode, type NormalizedGoodsSale } from '@huanxin/shared';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import type { ProductEntity } from '../product.entity';

/** What a goods sale with a `voucherCode` asks the vouchers side for, inside the sale's transaction. */
export interface VoucherRedemptionRequest {
  organizationId: string;
  userId: string;
  voucherCode: string;
  sale: NormalizedGoodsSale;
  product: ProductEntity;
}

/** The subsidy granted at the till (the engine's answer) and the point-of-sale claim it created. */
export interface VoucherRedemption {
  subsidyFen: number;
  applicationId: string;
}

/**
 * The seam for point-of-sale redemption (operations.md §5). SalesService calls `redeem` in the
 * sale's own transaction, after the sale's rules held and before the row is written, and then
 * checks `price = paid + subsidy + other discounts` with the subsidy it answers; a DomainError it
 * throws (VOUCHER_EXPIRED, VOUCHER_USED, BUYER_NOT_HOLDER, NOT_ELIGIBLE…) refuses the sale and
 * rolls everything back. The vouchers issue provides the real implementation in place of
 * NoVoucherRedemption (`{ provide: VoucherRedeemer, useClass: … }` in DealersModule).
 */
export abstract class VoucherRedeemer {
  abstract redeem(manager: EntityManager, request: VoucherRedemptionRequest): Promise<VoucherRedemption>;
}

/**
 * Until vouchers exist no code can be redeemed: every `voucherCode` is 409 VOUCHER_NOT_FOUND on
 * its field, and nothing is written.
 */
@Injectable()
export class NoVoucherRedemption extends VoucherRedeemer {
  redeem(): Promise<VoucherRedemption> {
    return Promise.reject(
      new DomainError(ErrorCode.VOUCHER_NOT_FOUND, 'No voucher with this code can be redeemed', {
        fields: { voucherCode: ErrorCode.VOUCHER_NOT_FOUND },
      }),
    );
  }
}
