"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DealerRecordsRiskRepository = void 0;
const common_1 = require("@nestjs/common");
/**
 * Named queries of the risk rules that read the dealers' records (dealer-records.rules.ts), each
 * for a whole check batch in one statement (`unnest` / `= ANY`): the certificates through their
 * unique number, prices through `dealer_product_price (product_id, effective_at)`, deliveries
 * through `dealer_sale (delivery_address_bidx)`.
 */
let DealerRecordsRiskRepository = class DealerRecordsRiskRepository {
    /** Which of these (normalised) certificate numbers a dismantler has recorded. */
    async certificatesOnFile(manager, numbers) {
        if (numbers.length === 0)
            return new Set();
        const rows = (await manager.query(`SELECT certificate_no FROM dealer_certificate WHERE certificate_no = ANY($1::text[])`, [[...new Set(numbers)]]));
        return new Set(rows.map((row) => row.certificate_no));
    }
    /**
     * Per sale: its product's lowest filed price in force at any moment of the `windowDays` before
     * `at` (the prices filed in the window and the one in force when it opened, as
     * ProductsRepository.lowestPriceSince reads it), and the flagged raises in the window (as
     * ProductsRepository.flaggedRaisesBefore), keyed by the sale's id.
     */
    async filedBaselines(manager, sales, windowDays) {
        if (sales.length === 0)
            return new Map();
        const rows = (await manager.query(`WITH w AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS w(sale_id, product_id, at)),
       win AS (SELECT w.*, w.at - make_interval(days => $4::int) AS since FROM w)
       SELECT win.sale_id,
              (SELECT min(p.price_fen) FROM dealer_product_price p
                WHERE p.product_id = win.product_id
                  AND ((p.effective_at > win.since AND p.effective_at <= win.at)
                       OR p.id = (SELECT q.id FROM dealer_product_price q
                                   WHERE q.product_id = win.product_id AND q.effective_at <= win.since
                                   ORDER BY q.effective_at DESC LIMIT 1)))::text AS baseline,
              (SELECT coalesce(json_agg(json_build_object('priceFen', p.price_fen, 'baselineFen', p.baseline_fen,
                                                          'effectiveAt', p.effective_at) ORDER BY p.effective_at), '[]'::json)
                 FROM dealer_product_price p
                WHERE p.product_id = win.product_id AND p.flagged
                  AND p.effective_at > win.since AND p.effective_at <= win.at) AS flagged
         FROM win`, [sales.map((s) => s.sale.id), sales.map((s) => s.productId), sales.map((s) => s.at), windowDays]));
        return new Map(rows.map((row) => [
            row.sale_id,
            {
                baselineFen: row.baseline === null ? null : Number(row.baseline),
                flaggedRaises: row.flagged.map((raise) => ({
                    priceFen: Number(raise.priceFen),
                    baselineFen: raise.baselineFen === null ? null : Number(raise.baselineFen),
                    effectiveAt: new Date(raise.effectiveAt).toISOString(),
                })),
            },
        ]));
    }
    /**
     * Per sale: the dealers' sales (any dealer's, not returned; the sale itself always) delivered to
     * its address (blind index) with invoice dates within `windowDays` of its own, and how many
     * different buyers (ID blind indexes) they have, keyed by the sale's id.
     */
    async salesToAddresses(manager, sales, windowDays) {
        const delivered = sales.filter((s) => s.deliveryAddressBidx !== null);
        if (delivered.length === 0)
            return new Map();
        const rows = (await manager.query(`WITH w AS (SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[]) AS w(sale_id, bidx, on_date))
       SELECT w.sale_id, count(*)::int AS sales, count(DISTINCT s.buyer_id_number_bidx)::int AS buyers
         FROM w JOIN dealer_sale s ON s.delivery_address_bidx = w.bidx
          AND s.invoice_date BETWEEN w.on_date - $4::int AND w.on_date + $4::int
          AND (s.status <> 'returned' OR s.id = w.sale_id)
        GROUP BY w.sale_id`, [
            delivered.map((s) => s.id),
            delivered.map((s) => s.deliveryAddressBidx),
            delivered.map((s) => s.invoiceDate),
            windowDays,
        ]));
        return new Map(rows.map((row) => [row.sale_id, { sales: row.sales, buyers: row.buyers }]));
    }
};
exports.DealerRecordsRiskRepository = DealerRecordsRiskRepository;
exports.DealerRecordsRiskRepository = DealerRecordsRiskRepository = __decorate([
    (0, common_1.Injectable)()
], DealerRecordsRiskRepository);
//# sourceMappingURL=dealer-records.repository.js.map