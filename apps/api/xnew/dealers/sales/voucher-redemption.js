"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.VoucherRedeemer = void 0;
/**
 * The seam for point-of-sale redemption (operations.md §5). SalesService calls `redeem` in the
 * sale's own transaction, after the sale's rules held and before the row is written, and then
 * checks `price = paid + subsidy + other discounts` with the subsidy it answers; a DomainError it
 * throws (VOUCHER_NOT_FOUND, VOUCHER_EXPIRED, VOUCHER_USED, BUYER_NOT_HOLDER, NOT_ELIGIBLE…)
 * refuses the sale and rolls everything back. After the sale row and its audit row, SalesService
 * calls the answer's `settle(saleId)`. The vouchers module provides the implementation
 * (TillRedemption, `{ provide: VoucherRedeemer, useExisting: TillRedemption }` in SalesModule).
 */
class VoucherRedeemer {
}
exports.VoucherRedeemer = VoucherRedeemer;
//# sourceMappingURL=voucher-redemption.js.map