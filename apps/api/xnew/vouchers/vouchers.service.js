"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.VouchersService = void 0;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const qrcode_1 = __importDefault(require("qrcode"));
const applications_repository_1 = require("../applications/applications.repository");
const idempotency_1 = require("../applications/idempotency");
const idempotency_repository_1 = require("../applications/idempotency.repository");
const audit_service_1 = require("../audit/audit.service");
const budget_repository_1 = require("../budget/budget.repository");
const clock_1 = require("../common/clock");
const domain_error_1 = require("../common/errors/domain-error");
const programs_cache_1 = require("../programs/programs.cache");
const programs_service_1 = require("../programs/programs.service");
const vouchers_repository_1 = require("./vouchers.repository");
const DAY_MS = 24 * 3600_000;
/** Draws of a fresh code when one is taken (31⁹ ≈ 2.6 × 10¹³ codes: a second draw is already rare). */
const CODE_ATTEMPTS = 3;
/**
 * Issues, lists and cancels a resident's point-of-sale vouchers (operations.md §5). Issuing is one
 * short transaction shaped like a claim's submit: the optional `Idempotency-Key` record, the
 * person's lock (the same one a claim's submit takes, so a voucher and a claim of one person never
 * pass the quota together), the quota count, the voucher row, its audit row, and — last, so the
 * hot budget row is locked only across that statement and COMMIT — the guarded reservation.
 *
 * Redemption at the till is TillRedemption (the dealer sale's VoucherRedeemer): in the sale's
 * transaction it locks the voucher by code, creates the point-of-sale claim and moves the
 * voucher's reservation to it, shrunk to the engine's subsidy (BudgetRepository.redeemVoucher).
 */
let VouchersService = class VouchersService {
    constructor(vouchers, applications, budget, idempotency, audit, cache, clock) {
        this.vouchers = vouchers;
        this.applications = applications;
        this.budget = budget;
        this.idempotency = idempotency;
        this.audit = audit;
        this.cache = cache;
        this.clock = clock;
    }
    async issue(holderId, body, idempotencyKey) {
        // Read before the transaction (a refresh may need a pool connection; see SubmissionChecks.pauses).
        const snapshot = await this.cache.snapshot();
        const terms = this.terms(snapshot.byCode.get(body.programCode), body.category);
        this.checkOpen(terms.program, snapshot.pauses.get(terms.program.id));
        const work = async (manager, store) => this.issueIn(manager, holderId, terms, store);
        if (idempotencyKey === null) {
            return this.vouchers.transaction((manager) => work(manager, async () => undefined));
        }
        const owner = {
            userId: holderId,
            // One scope for every voucher request of the user: a key reused with another body is refused.
            scope: 'voucher:issue',
            key: idempotencyKey,
            requestHash: (0, idempotency_1.fingerprint)(body),
        };
        return this.vouchers.transaction((manager) => (0, idempotency_1.once)(this.idempotency, manager, owner, (store) => work(manager, store)));
    }
    async issueIn(manager, holderId, terms, store) {
        const { program, category } = terms;
        const idNumberBidx = await this.applications.lockPerson(manager, holderId);
        if (!idNumberBidx) {
            throw new domain_error_1.DomainError(shared_1.ErrorCode.PROFILE_REQUIRED, 'Give your real-name details before taking a voucher');
        }
        const used = await this.vouchers.quotaUsed(manager, {
            idNumberBidx,
            programId: program.id,
            category,
            categoryPath: terms.categoryPath,
        });
        const quota = (0, shared_1.voucherQuota)(category);
        if (used >= quota) {
            throw new domain_error_1.DomainError(shared_1.ErrorCode.QUOTA_EXCEEDED, `The quota of ${quota} for ${category} in this program is used`, { extra: { quota, used } });
        }
        let response;
        const issued = await this.createIssued(manager, { holderId, idNumberBidx, program, category, maxSubsidyFen: terms.maxSubsidyFen }, async (view) => {
            response = { status: 201, body: { ...view } };
            await store(response);
        });
        if (!issued || !response) {
            throw new domain_error_1.DomainError(shared_1.ErrorCode.BUDGET_EXHAUSTED, 'The program budget is used up');
        }
        this.cache.invalidate();
        return response;
    }
    /**
     * A new issued voucher in the caller's transaction: its row (a fresh code), its audit row, then
     * `beforeBudget` (e.g. storing the idempotent answer) and — last — the guarded reservation of its
     * maximum. Null when the budget cannot cover it (the caller rolls back). Used by `issue` and by
     * the lottery draw (actor null: the system).
     */
    async createIssued(manager, spec, beforeBudget = async () => undefined) {
        const { program, category } = spec;
        const now = this.clock.now();
        const expiresAt = this.expiryOf(program.definition, now);
        let inserted = null;
        for (let attempt = 0; attempt < CODE_ATTEMPTS && !inserted; attempt += 1) {
            const code = newVoucherCode();
            const row = await this.vouchers.insertIssued(manager, {
                code,
                holderId: spec.holderId,
                idNumberBidx: spec.idNumberBidx,
                programId: program.id,
                programVersionId: program.versionId,
                category,
                maxSubsidyFen: spec.maxSubsidyFen,
                expiresAt,
                createdAt: now,
            });
            if (row)
                inserted = { id: row.id, code };
        }
        if (!inserted)
            throw new Error('no free voucher code after several draws');
        const view = await this.view({
            id: inserted.id,
            code: inserted.code,
            programCode: program.code,
            category,
            maxSubsidyFen: spec.maxSubsidyFen,
            status: 'issued',
            expiresAt,
            createdAt: now,
        });
        await this.audit.record({
            action: 'voucher.issued',
            result: 'success',
            objectType: 'voucher',
            objectId: inserted.id,
            detail: { code: inserted.code, programCode: program.code, category, reservedFen: spec.maxSubsidyFen },
            ...(spec.bySystem ? { actor: null } : {}),
        }, manager);
        await beforeBudget(view);
        // Last: the budget row stays locked only across this statement and COMMIT.
        const reserved = await this.budget.reserveForVoucher(manager, { id: inserted.id, code: inserted.code, programId: program.id }, spec.maxSubsidyFen);
        this.cache.invalidate();
        return reserved ? view : null;
    }
    /** The person's used quota for a program's category (the caller holds the person's lock). */
    quotaUsed(manager, person) {
        return this.vouchers.quotaUsed(manager, person);
    }
    /**
     * The programs that issue vouchers today (open window, no pause in effect, point of sale, a
     * bounded maximum, categories), with their terms: what the resident's page offers.
     */
    async offers() {
        const snapshot = await this.cache.snapshot();
        const offers = [];
        for (const program of snapshot.programs) {
            const { definition } = program;
            const categories = (0, shared_1.voucherCategories)(definition);
            const first = categories[0];
            if (first === undefined)
                continue;
            try {
                // LOTTERY_PROGRAM is an offer too (of registration); every other refusal is no offer.
                this.checkOpen(program, snapshot.pauses.get(program.id));
                this.terms(program, first, definition.settings.allocationMode ?? 'fcfs');
            }
            catch (error) {
                if (error instanceof domain_error_1.DomainError)
                    continue;
                throw error;
            }
            const max = (0, shared_1.maxSubsidyFen)(definition.amount);
            if (max === null || !(0, shared_1.issuesVouchers)(definition))
                continue;
            const field = definition.factFields.find((f) => f.path === definition.historyFields?.category);
            offers.push({
                programCode: program.code,
                title: definition.title,
                allocationMode: definition.settings.allocationMode ?? 'fcfs',
                maxSubsidyFen: max,
                validityDays: (0, shared_1.voucherValidityDays)(definition),
                categories: categories.map((value) => ({
                    value,
                    label: field?.options?.find((option) => option.value === value)?.label ?? { zh: value, en: value },
                    quota: (0, shared_1.voucherQuota)(value),
                })),
            });
        }
        return offers;
    }
    async list(holderId) {
        const rows = await this.vouchers.listOwned(holderId);
        return Promise.all(rows.map((row) => this.view(row)));
    }
    /** Cancels the caller's issued voucher and gives its whole reservation back (quota given back too). */
    async cancel(holderId, id) {
        const now = this.clock.now();
        const row = await this.vouchers.transaction(async (manager) => {
            const voucher = await this.vouchers.lock(manager, id, holderId);
            if (!voucher)
                throw new domain_error_1.DomainError(shared_1.ErrorCode.NOT_FOUND, 'No such voucher');
            if (voucher.status !== 'issued') {
                throw new domain_error_1.DomainError(shared_1.ErrorCode.WRONG_STATE, `A voucher that is ${voucher.status} cannot be cancelled`);
            }
            await this.closeLocked(manager, voucher, 'cancelled', now);
            return voucher;
        });
        this.cache.invalidate();
        return this.view({ ...row, status: 'cancelled' });
    }
    /**
     * The voucher (locked, `issued`) leaves for `cancelled` or `expired`: its row, its audit row, then
     * the release of everything it held (budget last). A release the budget cannot cover means the
     * voucher and the budget disagree: the transaction fails rather than hide it.
     */
    async closeLocked(manager, voucher, to, at) {
        if (!(await this.vouchers.close(manager, voucher.id, to, at))) {
            throw new domain_error_1.DomainError(shared_1.ErrorCode.WRONG_STATE, 'The voucher changed meanwhile; reload it');
        }
        await this.audit.record({
            action: `voucher.${to}`,
            result: 'success',
            objectType: 'voucher',
            objectId: voucher.id,
            detail: { code: voucher.code, programCode: voucher.programCode, releasedFen: voucher.reservedFen },
            ...(to === 'expired' ? { actor: null } : {}),
        }, manager);
        const released = await this.budget.releaseForVoucher(manager, voucher, voucher.reservedFen, to);
        if (!released)
            throw new Error(`voucher ${voucher.id}: the budget does not hold its reservation`);
    }
    /**
     * The voucher terms of a program and category, or the 4xx that says why there are none: unknown
     * program (404), no point of sale, a category the program does not subsidise, an amount without
     * an upper bound (422), lottery allocation (409, register instead).
     */
    terms(program, category, allocation = 'fcfs') {
        if (!program)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.PROGRAM_NOT_FOUND, 'No such program');
        const { definition } = program;
        const max = (0, shared_1.maxSubsidyFen)(definition.amount);
        const path = definition.historyFields?.category;
        if (!(0, shared_1.issuesVouchers)(definition) || max === null || max <= 0 || !path) {
            throw new domain_error_1.DomainError(shared_1.ErrorCode.VOUCHERS_NOT_OFFERED, 'This program issues no point-of-sale vouchers');
        }
        const lottery = definition.settings.allocationMode === 'lottery';
        if (allocation === 'lottery' && !lottery) {
            throw new domain_error_1.DomainError(shared_1.ErrorCode.NOT_A_LOTTERY, 'This program is first come, first served: take a voucher');
        }
        if (allocation === 'fcfs' && lottery) {
            throw new domain_error_1.DomainError(shared_1.ErrorCode.LOTTERY_PROGRAM, 'This program allocates vouchers by lottery: register for the round');
        }
        if (!(0, shared_1.voucherCategories)(definition).includes(category)) {
            throw new domain_error_1.DomainError(shared_1.ErrorCode.VALIDATION_FAILED, 'The program does not subsidise this category', {
                fields: { category: shared_1.FieldErrorCode.NOT_IN_OPTIONS },
            });
        }
        return { program, category, maxSubsidyFen: max, categoryPath: path.split('.') };
    }
    /**
     * Open for vouchers: today inside the window, and no pause in effect. A voucher is for a
     * purchase still to come, so a pause's grace (for purchases made before it) never applies.
     */
    checkOpen(program, pause) {
        const today = this.clock.today();
        if (today < program.definition.opensOn || today > program.definition.closesOn) {
            throw new domain_error_1.DomainError(shared_1.ErrorCode.PROGRAM_CLOSED, 'The program is not open');
        }
        if (!pause)
            return;
        const now = this.clock.now();
        const decision = (0, shared_1.pauseDecision)({ pausesAt: pause.pausesAt, graceDays: pause.graceDays, pauseDate: (0, clock_1.shanghaiDate)(pause.pausesAt) }, now, null);
        if (decision === 'paused') {
            throw new domain_error_1.DomainError(shared_1.ErrorCode.PROGRAM_PAUSED, 'The program is paused and issues no new vouchers', {
                extra: { pause: (0, programs_service_1.publicPause)(pause) },
            });
        }
    }
    /**
     * `voucherValidityDays` from now, but never past the end of the program's last day (Shanghai
     * time): a voucher cannot be redeemed in a program that has closed.
     */
    expiryOf(definition, now) {
        const validUntil = now.getTime() + (0, shared_1.voucherValidityDays)(definition) * DAY_MS;
        const programEnd = Date.parse(`${definition.closesOn}T23:59:59.999+08:00`);
        return new Date(Math.min(validUntil, programEnd));
    }
    async view(row) {
        return {
            id: row.id,
            code: row.code,
            programCode: row.programCode,
            category: row.category,
            maxSubsidyFen: row.maxSubsidyFen,
            expiresAt: row.expiresAt.toISOString(),
            status: row.status,
            qr: row.status === 'issued' ? await qrOf(row.code) : null,
            createdAt: row.createdAt.toISOString(),
            ...(row.status === 'redeemed' &&
                row.redeemedFen != null &&
                row.closedAt && { redeemedFen: row.redeemedFen, redeemedAt: row.closedAt.toISOString() }),
        };
    }
};
exports.VouchersService = VouchersService;
exports.VouchersService = VouchersService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [vouchers_repository_1.VouchersRepository,
        applications_repository_1.ApplicationsRepository,
        budget_repository_1.BudgetRepository,
        idempotency_repository_1.IdempotencyRepository,
        audit_service_1.AuditService,
        programs_cache_1.ProgramsCache,
        clock_1.Clock])
], VouchersService);
/** A code from the CSPRNG (node:crypto's randomInt draws without modulo bias). */
function newVoucherCode() {
    return (0, shared_1.voucherCodeFrom)(Array.from({ length: 9 }, () => (0, node_crypto_1.randomInt)(31)));
}
/** The code's QR code as an SVG data URL (the till's camera reads the plain code). */
async function qrOf(code) {
    const svg = await qrcode_1.default.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
//# sourceMappingURL=vouchers.service.js.map