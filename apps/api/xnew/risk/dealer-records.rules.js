"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ONE_ADDRESS_WINDOW_DAYS = exports.ONE_ADDRESS_BUYERS_THRESHOLD = exports.PRICE_BASELINE_WINDOW_DAYS = void 0;
exports.certificateNotOnFile = certificateNotOnFile;
exports.priceAboveFiledBaseline = priceAboveFiledBaseline;
exports.manyItemsOneAddress = manyItemsOneAddress;
exports.dealerRecordRules = dealerRecordRules;
exports.saleReturned = saleReturned;
exports.saleReturnedDetail = saleReturnedDetail;
const shared_1 = require("@huanxin/shared");
const risk_rule_1 = require("./risk-rule");
/**
 * The risk rules of operations.md §7 that the dealers' records enable (issue 13): what the
 * resident declared, held against what a dismantler or a dealer recorded. Each is explainable (its
 * `detail` says what was found where) and reads once per check batch. (LATE_UPLOAD, in
 * risk.rules.ts, also dates the sale by the dealer's record when there is one.)
 */
/** The claim's fact naming the scrap certificate (car-scrap programs). */
const CERTIFICATE_FACT = 'scrap.certificateNo';
/**
 * CERTIFICATE_NOT_ON_FILE — audits found forged 《报废机动车回收证明》. The certificate is the
 * authority for the old car (operations.md §4): a car-scrap claim citing a number no dismantler
 * recorded (when the claim was checked) is shown to the reviewer, who sees in the matrix whether
 * one was recorded since.
 */
function certificateNotOnFile(repository) {
    return {
        code: 'CERTIFICATE_NOT_ON_FILE',
        async evaluate({ applications, manager }) {
            const cited = applications.map(({ facts }) => {
                const value = (0, risk_rule_1.factAt)(facts, CERTIFICATE_FACT);
                return typeof value === 'string' && value.trim() !== '' ? (0, shared_1.normalizeIdentifier)(value) : null;
            });
            const onFile = await repository.certificatesOnFile(manager, cited.filter((n) => n !== null));
            return cited.map((certificateNo) => certificateNo !== null && !onFile.has(certificateNo)
                ? { code: 'CERTIFICATE_NOT_ON_FILE', detail: { field: CERTIFICATE_FACT, certificateNo } }
                : null);
        },
    };
}
/** The window of the filed-price baseline (operations.md §7: "the 90-day filed baseline"). */
exports.PRICE_BASELINE_WINDOW_DAYS = 90;
/**
 * PRICE_ABOVE_FILED_BASELINE — audits found prices raised just before the discount. For a claim
 * backed by a dealer's goods sale of a registered product: the product's baseline is the lowest
 * filed price in force during the 90 days up to the sale's invoice day (as the register's raise
 * rule reads it; the invoice date, not the moment the dealer typed the sale in, so a sale recorded
 * after a raise is measured against the price of its day); the claim's or the sale's price above
 * it, or a raise the register flagged (more than 10 %) in those 90 days, raises the flag with the
 * prices, the baseline and the raises.
 */
function priceAboveFiledBaseline(repository) {
    return {
        code: 'PRICE_ABOVE_FILED_BASELINE',
        async evaluate({ applications, manager, dealerSales }) {
            const sales = await dealerSales();
            const priced = applications.map(({ id }) => {
                const sale = sales.get(id);
                return sale?.productId
                    ? { productId: sale.productId, at: endOfSaleDay(sale.invoiceDate), sale }
                    : null;
            });
            const baselines = await repository.filedBaselines(manager, priced.filter((p) => p !== null), exports.PRICE_BASELINE_WINDOW_DAYS);
            return applications.map(({ facts }, i) => {
                const found = priced[i];
                if (!found)
                    return null;
                const baseline = baselines.get(found.sale.id);
                if (!baseline || baseline.baselineFen === null)
                    return null;
                const claimed = (0, risk_rule_1.factAt)(facts, 'item.priceFen');
                const claimPriceFen = typeof claimed === 'number' ? claimed : null;
                const above = Math.max(found.sale.priceFen, claimPriceFen ?? 0) > baseline.baselineFen;
                if (!above && baseline.flaggedRaises.length === 0)
                    return null;
                return {
                    code: 'PRICE_ABOVE_FILED_BASELINE',
                    detail: {
                        productId: found.productId,
                        salePriceFen: found.sale.priceFen,
                        claimPriceFen,
                        baselineFen: baseline.baselineFen,
                        windowDays: exports.PRICE_BASELINE_WINDOW_DAYS,
                        flaggedRaises: baseline.flaggedRaises,
                    },
                };
            });
        },
    };
}
/** The end of a sale's invoice day in Asia/Shanghai (the zone the dates are written in). */
function endOfSaleDay(invoiceDate) {
    return new Date(new Date(`${invoiceDate}T00:00:00+08:00`).getTime() + 86_400_000);
}
/** Distinct buyers whose items went to one delivery address before MANY_ITEMS_ONE_ADDRESS fires. */
exports.ONE_ADDRESS_BUYERS_THRESHOLD = 3;
/** Sales count for one address when their invoice dates are within this many days of the claim's sale. */
exports.ONE_ADDRESS_WINDOW_DAYS = 90;
/**
 * MANY_ITEMS_ONE_ADDRESS — audits found one flat receiving the subsidised goods of many "buyers"
 * (ID numbers bought or borrowed). For a claim backed by a dealer's delivered sale: the dealers'
 * sales (any dealer's) delivered to the same address (its blind index, never the address itself)
 * within ONE_ADDRESS_WINDOW_DAYS, by ONE_ADDRESS_BUYERS_THRESHOLD or more different buyers.
 */
function manyItemsOneAddress(repository) {
    return {
        code: 'MANY_ITEMS_ONE_ADDRESS',
        async evaluate({ applications, manager, dealerSales }) {
            const sales = await dealerSales();
            const delivered = applications.map(({ id }) => {
                const sale = sales.get(id);
                return sale?.deliveryAddressBidx ? sale : null;
            });
            const counts = await repository.salesToAddresses(manager, delivered.filter((s) => s !== null), exports.ONE_ADDRESS_WINDOW_DAYS);
            return delivered.map((sale) => {
                const count = sale ? counts.get(sale.id) : undefined;
                if (!count || count.buyers < exports.ONE_ADDRESS_BUYERS_THRESHOLD)
                    return null;
                return {
                    code: 'MANY_ITEMS_ONE_ADDRESS',
                    detail: {
                        buyers: count.buyers,
                        sales: count.sales,
                        threshold: exports.ONE_ADDRESS_BUYERS_THRESHOLD,
                        windowDays: exports.ONE_ADDRESS_WINDOW_DAYS,
                    },
                };
            });
        },
    };
}
/** The dealer-record rules, in the order their flags are listed (after risk.rules.ts's). */
function dealerRecordRules(repository) {
    return [
        certificateNotOnFile(repository),
        priceAboveFiledBaseline(repository),
        manyItemsOneAddress(repository),
        saleReturned(),
    ];
}
/**
 * SALE_RETURNED — the dealer reported the goods of the sale behind the claim returned
 * (operations.md §6): a resident's claim after purchase on goods that went back to the shop is
 * shown to the reviewer (raised at the check, and on an open claim when the return is reported:
 * dealers/returns). A point-of-sale claim is cancelled by its return instead, so it never gets here.
 */
function saleReturned() {
    return {
        code: 'SALE_RETURNED',
        async evaluate({ applications, dealerSales }) {
            const sales = await dealerSales();
            return applications.map(({ id }) => {
                const sale = sales.get(id);
                return sale && sale.status === 'returned'
                    ? { code: 'SALE_RETURNED', detail: saleReturnedDetail(sale) }
                    : null;
            });
        },
    };
}
/** What the reviewer is told of a returned sale: its record and the reported date, no personal data. */
function saleReturnedDetail(sale) {
    return { saleId: sale.id, returnedOn: sale.returnedOn };
}
//# sourceMappingURL=dealer-records.rules.js.map