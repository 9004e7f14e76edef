"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SALE_DATE_FIELDS = exports.LATE_UPLOAD_DAYS = exports.PASSENGER_VEHICLE_TYPES = void 0;
exports.vehicleNotPassenger = vehicleNotPassenger;
exports.invoiceBuyerNotApplicant = invoiceBuyerNotApplicant;
exports.duplicateKey = duplicateKey;
exports.lateUpload = lateUpload;
exports.riskRules = riskRules;
const clock_1 = require("../common/clock");
const dealer_records_rules_1 = require("./dealer-records.rules");
const risk_rule_1 = require("./risk-rule");
/**
 * The audit-derived risk rules of operations.md §7 that the claims themselves support, each an
 * explainable rule: its flag's `detail` says what was found where, so a reviewer can check it.
 *
 * The rules that read the dealers' records (certificate not on file, price above the filed
 * baseline, many items to one delivery address) are in dealer-records.rules.ts, listed after
 * these. Not here yet:
 * - the invoice's buyer name / ID against the profile as a flag (the dealer's sale record shows
 *   the buyer in the review matrix; INVOICE_BUYER_NOT_APPLICANT reads what the resident declared);
 * - one address across applicants (the profile address is encrypted without a blind index).
 * One phone across applicants cannot happen (the phone is the account's unique key); one bank card
 * and one device across applicants are the checks' SHARED_BANK_ACCOUNT and SAME_DEVICE_PATTERN.
 */
/** The vehicle types the car programs subsidise (`oldVehicle.vehicleType`). */
exports.PASSENGER_VEHICLE_TYPES = ['small_passenger', 'micro_passenger'];
/** A claim first filed more than this many days after its sale raises LATE_UPLOAD. */
exports.LATE_UPLOAD_DAYS = 90;
/** The fact that dates the sale (or the hand-over of the scrapped car), first found wins. */
exports.SALE_DATE_FIELDS = ['item.invoiceDate', 'newVehicle.invoiceDate', 'scrap.scrappedOn'];
const DAY_MS = 24 * 3600_000;
function nonPassengerDeclarations(code, vehicleType, usage) {
    const found = [];
    if (typeof vehicleType === 'string' && !exports.PASSENGER_VEHICLE_TYPES.includes(vehicleType))
        found.push({ application: code, field: 'oldVehicle.vehicleType', value: vehicleType });
    if (usage === 'operating')
        found.push({ application: code, field: 'oldVehicle.usage', value: usage });
    return found;
}
/**
 * VEHICLE_NOT_PASSENGER — audits found subsidies paid for trucks. Fires when this claim, or another
 * live claim for the same old vehicle (VIN), declares it a non-passenger type or in operating use:
 * a program without a vehicle-type clause (the Jinan one asks none) still shows the other claim's
 * declaration, and a version published without the clause cannot let a truck through unseen.
 */
function vehicleNotPassenger(repository) {
    return {
        code: 'VEHICLE_NOT_PASSENGER',
        async evaluate({ applications, manager }) {
            const withVin = applications.filter((a) => typeof (0, risk_rule_1.factAt)(a.facts, 'oldVehicle.vin') === 'string');
            const others = withVin.length
                ? await repository.otherDeclarationsOfOldVehicle(manager, applications.map((a) => a.id))
                : new Map();
            return applications.map(({ id, facts, code }) => {
                const declarations = nonPassengerDeclarations(code, (0, risk_rule_1.factAt)(facts, 'oldVehicle.vehicleType'), (0, risk_rule_1.factAt)(facts, 'oldVehicle.usage'));
                if (typeof (0, risk_rule_1.factAt)(facts, 'oldVehicle.vin') === 'string') {
                    for (const other of others.get(id) ?? [])
                        declarations.push(...nonPassengerDeclarations(other.code, other.vehicleType, other.usage));
                }
                return declarations.length ? { code: 'VEHICLE_NOT_PASSENGER', detail: { declarations } } : null;
            });
        },
    };
}
/** The declarations that the buyer / owner is someone other than the applicant. */
const OWNERSHIP_FIELDS = ['newVehicle.ownerIsApplicant', 'home.ownedByApplicant'];
/**
 * INVOICE_BUYER_NOT_APPLICANT — audits found invoices made out to companies and relatives. Today
 * from what the resident declared (the new car's invoice and registration, the home, in someone
 * else's name); the dealer's record of the buyer's name and ID plugs in with the dealers issue.
 */
function invoiceBuyerNotApplicant() {
    return {
        code: 'INVOICE_BUYER_NOT_APPLICANT',
        async evaluate({ applications }) {
            return applications.map(({ facts }) => {
                const fields = OWNERSHIP_FIELDS.filter((field) => (0, risk_rule_1.factAt)(facts, field) === false);
                return fields.length
                    ? {
                        code: 'INVOICE_BUYER_NOT_APPLICANT',
                        detail: { fields: fields.map((field) => ({ field, value: false })) },
                    }
                    : null;
            });
        },
    };
}
/**
 * DUPLICATE_KEY — the same VIN, scrap certificate, invoice, serial number / IMEI or property
 * certificate in a live claim of another person (keys whose programs allow sharing — `unique:
 * none`, stacking programs — pass the submit check, so only the reviewer can catch it).
 */
function duplicateKey(repository) {
    return {
        code: 'DUPLICATE_KEY',
        async evaluate({ applications, manager }) {
            const shared = await repository.keysSharedWithOtherPeople(manager, applications.map((a) => a.id));
            return applications.map(({ id }) => {
                const found = shared.get(id);
                return found?.length
                    ? {
                        code: 'DUPLICATE_KEY',
                        detail: {
                            keys: found.map((s) => ({ key: s.key, application: s.code, programCode: s.programCode })),
                        },
                    }
                    : null;
            });
        },
    };
}
/** Midnight of a YYYY-MM-DD date in Asia/Shanghai (the zone the programs' dates are written in). */
function shanghaiMidnight(date) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
        return null;
    const at = new Date(`${date}T00:00:00+08:00`);
    return Number.isNaN(at.getTime()) ? null : at;
}
/**
 * LATE_UPLOAD — invoices produced after the fact show up as claims filed long after the sale. The
 * sale is dated by the dealer's record when there is one (its invoice date: the dealer recorded it,
 * the resident cannot move it), else by the claim's own facts. The claim's documents first came in
 * at its first upload; that is never later than its submission (the database stamps uploads, the
 * app clock stamps submissions: the earlier of the two counts).
 */
function lateUpload(repository) {
    return {
        code: 'LATE_UPLOAD',
        async evaluate({ applications, manager, dealerSales }) {
            const recorded = await dealerSales();
            const sales = applications.map((application) => dealerSaleOf(recorded.get(application.id)) ?? saleOf(application.facts));
            const dated = applications.filter((_, i) => sales[i] !== null).map((a) => a.id);
            const uploads = dated.length ? await repository.firstUploadAt(manager, dated) : new Map();
            return applications.map((application, i) => {
                const sale = sales[i];
                if (!sale)
                    return null;
                const times = [uploads.get(application.id) ?? null, application.submittedAt].filter((t) => t !== null);
                if (!times.length)
                    return null;
                const filedAt = new Date(Math.min(...times.map((t) => t.getTime())));
                const days = Math.floor((filedAt.getTime() - sale.at.getTime()) / DAY_MS);
                if (days <= exports.LATE_UPLOAD_DAYS)
                    return null;
                return {
                    code: 'LATE_UPLOAD',
                    detail: {
                        dateField: sale.dateField,
                        saleDate: sale.date,
                        filedOn: (0, clock_1.shanghaiDate)(filedAt),
                        days,
                        limitDays: exports.LATE_UPLOAD_DAYS,
                    },
                };
            });
        },
    };
}
/** The dealer's record of the sale: its invoice date and midnight (null without a record). */
function dealerSaleOf(sale) {
    const at = sale ? shanghaiMidnight(sale.invoiceDate) : null;
    return sale && at ? { dateField: 'dealer_sale.invoiceDate', date: sale.invoiceDate, at } : null;
}
/** The claim's sale date (the first of SALE_DATE_FIELDS given) and its midnight; null without one. */
function saleOf(facts) {
    const dateField = exports.SALE_DATE_FIELDS.find((field) => typeof (0, risk_rule_1.factAt)(facts, field) === 'string');
    if (!dateField)
        return null;
    const date = (0, risk_rule_1.factAt)(facts, dateField);
    const at = shanghaiMidnight(date);
    return at ? { dateField, date, at } : null;
}
/** Every rule, in the order their flags are listed: the claims' own, then the dealers' records'. */
function riskRules(repository, dealerRecords) {
    return [
        vehicleNotPassenger(repository),
        invoiceBuyerNotApplicant(),
        duplicateKey(repository),
        lateUpload(repository),
        ...(0, dealer_records_rules_1.dealerRecordRules)(dealerRecords),
    ];
}
//# sourceMappingURL=risk.rules.js.map