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
var LotteryService_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.LotteryService = void 0;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const applications_repository_1 = require("../applications/applications.repository");
const audit_service_1 = require("../audit/audit.service");
const budget_repository_1 = require("../budget/budget.repository");
const clock_1 = require("../common/clock");
const pii_cipher_1 = require("../common/crypto/pii-cipher");
const domain_error_1 = require("../common/errors/domain-error");
const programs_cache_1 = require("../programs/programs.cache");
const lottery_hash_1 = require("./lottery-hash");
const lottery_repository_1 = require("./lottery.repository");
const vouchers_repository_1 = require("./vouchers.repository");
const vouchers_service_1 = require("./vouchers.service");
const SEED_FIELD = 'lottery_round.seed';
/**
 * Voucher lotteries (operations.md §5; the algorithm is LOTTERY_ALGORITHM in @huanxin/shared).
 * A round is opened — its seed drawn from the CSPRNG, its SHA-256 committed — by the first look
 * at it (the public route, an entry) or by the scheduled job, whichever comes first, and always
 * before its first entry. At the draw time the job reveals the seed and draws in one transaction:
 * the budget row locked, the slots it pays for counted, each winner's voucher issued and reserved
 * (a winner whose quota meanwhile got used — a claim after purchase — forfeits the win, it is not
 * passed on, so the public draw stays the one anyone recomputes), every loser released and told.
 */
let LotteryService = LotteryService_1 = class LotteryService {
    constructor(rounds, vouchers, voucherRows, applications, budget, audit, cipher, cache, clock) {
        this.rounds = rounds;
        this.vouchers = vouchers;
        this.voucherRows = voucherRows;
        this.applications = applications;
        this.budget = budget;
        this.audit = audit;
        this.cipher = cipher;
        this.cache = cache;
        this.clock = clock;
        this.logger = new common_1.Logger(LotteryService_1.name);
    }
    /** `GET /api/programs/:code/lottery[?round=n]`: the latest opened round, or round n. */
    async publicRound(code, round) {
        const program = (await this.cache.snapshot()).byCode.get(code);
        const settings = program ? (0, shared_1.lotterySettingsOf)(program.definition) : null;
        if (!program || !settings)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.PROGRAM_NOT_FOUND, 'No lottery program with this code');
        const now = this.clock.now();
        const window = round === undefined
            ? (0, shared_1.latestLotteryRound)(program.definition, settings, now)
            : (0, shared_1.lotteryRound)(program.definition, settings, round);
        if (!window || window.opensAt.getTime() > now.getTime()) {
            throw new domain_error_1.DomainError(shared_1.ErrorCode.NOT_FOUND, 'This round has not opened');
        }
        const row = await this.ensureRound(program, window.round);
        const entries = await this.rounds.entries(row.id);
        const drawn = row.drawnAt !== null && row.seed !== null;
        const body = {
            programCode: program.code,
            algorithm: shared_1.LOTTERY_ALGORITHM,
            round: row.round,
            opensAt: row.opensAt.toISOString(),
            closesAt: row.closesAt.toISOString(),
            drawAt: row.drawAt.toISOString(),
            seedHash: row.seedHash,
            entries: entries.map((entry) => ({ id: entry.id, category: entry.category })),
            maxSubsidyFen: row.maxSubsidyFen,
        };
        if (drawn) {
            const won = entries.filter((e) => e.status === 'won' || e.status === 'forfeited').map((e) => e.id);
            body.seed = row.seed;
            body.remainingFenAtDraw = row.remainingFenAtDraw;
            body.slots = row.slots;
            body.winners = (0, shared_1.rankLotteryEntries)(won, row.seed, lottery_hash_1.hmacSha256Hex).map((e) => e.id);
            body.drawnAt = row.drawnAt.toISOString();
        }
        return body;
    }
    /** `POST /api/programs/:code/lottery/entries`: one entry per person, category and round. */
    async enter(userId, code, category) {
        const snapshot = await this.cache.snapshot();
        const terms = this.vouchers.terms(snapshot.byCode.get(code), category, 'lottery');
        const { program } = terms;
        this.vouchers.checkOpen(program, snapshot.pauses.get(program.id));
        const settings = (0, shared_1.lotterySettingsOf)(program.definition);
        const now = this.clock.now();
        const window = (0, shared_1.latestLotteryRound)(program.definition, settings, now);
        if (!window || !(0, shared_1.lotteryRoundTakesEntries)(window, now)) {
            throw new domain_error_1.DomainError(shared_1.ErrorCode.LOTTERY_CLOSED, 'No round of this lottery takes entries now');
        }
        const round = await this.ensureRound(program, window.round);
        return this.rounds.transaction(async (manager) => {
            const idNumberBidx = await this.applications.lockPerson(manager, userId);
            if (!idNumberBidx) {
                throw new domain_error_1.DomainError(shared_1.ErrorCode.PROFILE_REQUIRED, 'Give your real-name details before entering');
            }
            const quota = (0, shared_1.voucherQuota)(category);
            const used = await this.voucherRows.quotaUsed(manager, {
                idNumberBidx,
                programId: program.id,
                category,
                categoryPath: terms.categoryPath,
            });
            if (used >= quota) {
                throw new domain_error_1.DomainError(shared_1.ErrorCode.QUOTA_EXCEEDED, `The quota of ${quota} for ${category} is used`, {
                    extra: { quota, used },
                });
            }
            const entry = await this.rounds.insertEntry(manager, {
                roundId: round.id,
                userId,
                idNumberBidx,
                category,
                at: now,
            });
            if (!entry) {
                throw new domain_error_1.DomainError(shared_1.ErrorCode.LOTTERY_ALREADY_ENTERED, 'You have entered this category in this round');
            }
            await this.audit.record({
                action: 'lottery.entered',
                result: 'success',
                objectType: 'lottery_entry',
                objectId: entry.id,
                detail: { programCode: program.code, round: round.round, category },
            }, manager);
            return {
                id: entry.id,
                programCode: program.code,
                round: round.round,
                category,
                status: 'entered',
                drawAt: round.drawAt.toISOString(),
            };
        });
    }
    /** `GET /api/me/lottery-entries`: the caller's own entries and, once drawn, their results. */
    async mine(userId) {
        const rows = await this.rounds.entriesOf(userId);
        return rows.map((row) => ({
            id: row.id,
            programCode: row.programCode,
            round: row.round,
            category: row.category,
            status: row.status,
            opensAt: row.opensAt.toISOString(),
            closesAt: row.closesAt.toISOString(),
            drawAt: row.drawAt.toISOString(),
            seedHash: row.seedHash,
            ...(row.drawnAt ? { drawnAt: row.drawnAt.toISOString() } : {}),
            ...(row.voucherId ? { voucherId: row.voucherId } : {}),
        }));
    }
    /**
     * Development and browser tests only (the dev module, never mounted in production): what the
     * scheduled step does, for one program, now — its current round opened and its due rounds drawn.
     * It cannot steer a draw: it draws only rounds whose draw time has come, as the job would.
     */
    async runProgram(code) {
        const program = (await this.cache.snapshot()).byCode.get(code);
        if (!program || !(0, shared_1.lotterySettingsOf)(program.definition))
            throw new domain_error_1.DomainError(shared_1.ErrorCode.PROGRAM_NOT_FOUND, 'No lottery program with this code');
        let drawn = 0;
        for (const due of await this.rounds.dueIds(this.clock.now())) {
            if (due.programId === program.id && (await this.draw(program, due.id)))
                drawn += 1;
        }
        return { drawn };
    }
    /**
     * The scheduled step (job `vouchers.lottery`): opens each lottery program's current round, then
     * draws every round whose time has come. Answers what it did.
     */
    async run() {
        const snapshot = await this.cache.snapshot();
        const now = this.clock.now();
        let opened = 0;
        for (const program of snapshot.programs) {
            const settings = (0, shared_1.lotterySettingsOf)(program.definition);
            const window = settings ? (0, shared_1.latestLotteryRound)(program.definition, settings, now) : null;
            if (window && now.getTime() < window.closesAt.getTime()) {
                await this.ensureRound(program, window.round);
                opened += 1;
            }
        }
        let drawn = 0;
        for (const due of await this.rounds.dueIds(now)) {
            const program = snapshot.programs.find((p) => p.id === due.programId);
            if (program && (await this.draw(program, due.id)))
                drawn += 1;
        }
        return { opened, drawn };
    }
    /** Draws one round (idempotent: a drawn round is left as it is). True when this call drew it. */
    async draw(program, roundId) {
        const now = this.clock.now();
        const result = await this.rounds.transaction(async (manager) => {
            const round = await this.rounds.lockById(manager, roundId);
            if (!round || round.drawnAt !== null || round.drawAt.getTime() > now.getTime())
                return null;
            const seed = this.cipher.decrypt(round.seedEnc, SEED_FIELD);
            const entries = await this.rounds.entries(round.id, manager);
            const ids = entries.map((e) => e.id);
            // Lock order as a claim's submit and a voucher's issue take them — persons, then the budget
            // row — so the draw and a resident's request never wait on each other crosswise: first the
            // persons of every entry the budget can pay for now (by blind index), then the budget row.
            const estimate = (0, shared_1.lotterySlots)((await this.budget.figuresIn(manager, program.id))[0]?.remainingFen ?? 0, round.maxSubsidyFen, entries.length);
            const candidates = new Set((0, shared_1.drawLotteryWinners)(ids, seed, estimate, lottery_hash_1.hmacSha256Hex));
            const holders = entries
                .filter((e) => candidates.has(e.id))
                .sort((a, b) => (a.idNumberBidx < b.idNumberBidx ? -1 : a.idNumberBidx > b.idNumberBidx ? 1 : 0));
            for (const entry of holders)
                await this.applications.lockPerson(manager, entry.userId);
            const remaining = await this.budget.lockRemaining(manager, program.id);
            // What the budget pays for now, never more than the persons locked above.
            const slots = Math.min(estimate, (0, shared_1.lotterySlots)(remaining, round.maxSubsidyFen, entries.length));
            const winners = new Set((0, shared_1.drawLotteryWinners)(ids, seed, slots, lottery_hash_1.hmacSha256Hex));
            const categoryPath = (program.definition.historyFields?.category ?? '').split('.');
            const outcomes = [];
            for (const entry of entries) {
                if (!winners.has(entry.id)) {
                    await this.rounds.settle(manager, entry.id, 'lost', null);
                    outcomes.push({ entry, status: 'lost' });
                    continue;
                }
                const used = await this.voucherRows.quotaUsed(manager, {
                    idNumberBidx: entry.idNumberBidx,
                    programId: program.id,
                    category: entry.category,
                    categoryPath,
                });
                if (used >= (0, shared_1.voucherQuota)(entry.category)) {
                    await this.rounds.settle(manager, entry.id, 'forfeited', null);
                    outcomes.push({ entry, status: 'forfeited' });
                    continue;
                }
                const voucher = await this.vouchers.createIssued(manager, {
                    holderId: entry.userId,
                    idNumberBidx: entry.idNumberBidx,
                    program,
                    category: entry.category,
                    maxSubsidyFen: round.maxSubsidyFen,
                    bySystem: true,
                });
                // The budget row is locked by this transaction and counted: a refusal is a broken invariant.
                if (!voucher)
                    throw new Error(`lottery round ${round.id}: the counted budget did not cover a winner`);
                await this.rounds.settle(manager, entry.id, 'won', voucher.id);
                outcomes.push({ entry, status: 'won' });
            }
            if (!(await this.rounds.markDrawn(manager, round.id, { seed, remainingFen: remaining, slots, at: now }))) {
                throw new Error(`lottery round ${round.id} was drawn meanwhile`);
            }
            for (const { entry, status } of outcomes) {
                await this.voucherRows.queueNotice(manager, {
                    userId: entry.userId,
                    eventKey: `lottery-${status}-${entry.id}`,
                    kind: `lottery_${status}`,
                    params: {
                        entryId: entry.id,
                        programCode: program.code,
                        round: round.round,
                        category: entry.category,
                    },
                    text: resultText(program, round, status),
                });
            }
            await this.audit.record({
                action: 'lottery.drawn',
                result: 'success',
                objectType: 'lottery_round',
                objectId: round.id,
                detail: {
                    programCode: program.code,
                    round: round.round,
                    entries: entries.length,
                    slots,
                    remainingFen: remaining,
                },
                actor: null,
            }, manager);
            return { round: round.round, slots, entries: entries.length };
        });
        if (result)
            this.logger.log({ program: program.code, ...result }, 'lottery round drawn');
        return result !== null;
    }
    /** The round's row, opened now (seed drawn and committed) if it does not exist yet. */
    async ensureRound(program, round) {
        const existing = await this.rounds.find(program.id, round);
        if (existing)
            return existing;
        const settings = (0, shared_1.lotterySettingsOf)(program.definition);
        const window = (0, shared_1.lotteryRound)(program.definition, settings, round);
        const seed = (0, node_crypto_1.randomBytes)(32).toString('hex');
        return this.rounds.open({
            programId: program.id,
            round,
            opensAt: window.opensAt,
            closesAt: window.closesAt,
            drawAt: window.drawAt,
            seedHash: (0, lottery_hash_1.sha256Hex)(seed),
            seedEnc: this.cipher.encrypt(seed, SEED_FIELD),
            maxSubsidyFen: (0, shared_1.maxSubsidyFen)(program.definition.amount) ?? 0,
        });
    }
};
exports.LotteryService = LotteryService;
exports.LotteryService = LotteryService = LotteryService_1 = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [lottery_repository_1.LotteryRepository,
        vouchers_service_1.VouchersService,
        vouchers_repository_1.VouchersRepository,
        applications_repository_1.ApplicationsRepository,
        budget_repository_1.BudgetRepository,
        audit_service_1.AuditService,
        pii_cipher_1.PiiCipher,
        programs_cache_1.ProgramsCache,
        clock_1.Clock])
], LotteryService);
function resultText(program, round, status) {
    const title = program.definition.title.zh;
    if (status === 'won')
        return `【章丘换新】恭喜，您在${title}第${round.round}轮摇号中签，补贴资格券已发放，请登录平台查看并在有效期内使用。`;
    if (status === 'forfeited')
        return `【章丘换新】您在${title}第${round.round}轮摇号中签，但该品类补贴资格已用完，本次资格券未发放。`;
    return `【章丘换新】很遗憾，您在${title}第${round.round}轮摇号未中签，欢迎参加下一轮。摇号种子与结果可在平台公开核验。`;
}
//# sourceMappingURL=lottery.service.js.map