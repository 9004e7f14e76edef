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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.BudgetRepository = void 0;
exports.toFigures = toFigures;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const clock_1 = require("../common/clock");
const sql_1 = require("../database/sql");
const budget_entity_1 = require("./budget.entity");
/** What each movement does to the buckets (`$2` is the amount), and the bucket it draws from. */
const MOVEMENTS = {
    reserve: 'remaining_fen = remaining_fen - $2::bigint, reserved_fen = reserved_fen + $2::bigint',
    release: 'remaining_fen = remaining_fen + $2::bigint, reserved_fen = reserved_fen - $2::bigint',
    commit: 'reserved_fen = reserved_fen - $2::bigint, committed_fen = committed_fen + $2::bigint',
    decommit: 'remaining_fen = remaining_fen + $2::bigint, committed_fen = committed_fen - $2::bigint',
    pay: 'committed_fen = committed_fen - $2::bigint, paid_fen = paid_fen + $2::bigint',
};
const GUARDS = {
    reserve: 'remaining_fen',
    release: 'reserved_fen',
    commit: 'reserved_fen',
    decommit: 'committed_fen',
    pay: 'committed_fen',
};
/**
 * Named budget queries; query builders stay in here. Every movement is one guarded UPDATE plus
 * its ledger row — one statement — in the caller's transaction, so `total = remaining + reserved + committed + paid`
 * holds (the `budget_balances` CHECK is the backstop) and each bucket is what the ledger moved:
 * reserved = reserve − release − commit, committed = commit − decommit − pay, paid = pay.
 */
let BudgetRepository = class BudgetRepository {
    constructor(dataSource, clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }
    async figuresByProgram(programIds) {
        if (programIds.length === 0)
            return new Map();
        const rows = await this.dataSource
            .getRepository(budget_entity_1.BudgetEntity)
            .createQueryBuilder('b')
            .where('b.programId IN (:...programIds)', { programIds })
            .getMany();
        return new Map(rows.map((row) => [row.programId, toFigures(row)]));
    }
    /** One program's figures as this transaction sees them (after its own moves). */
    async figuresIn(manager, programId) {
        const rows = await manager.getRepository(budget_entity_1.BudgetEntity).findBy({ programId });
        return rows.map(toFigures);
    }
    /**
     * Every program's figures in one small query (no definitions): what the public program cache
     * re-reads at most once a second, so the live figures residents see are never more than ~1 s old.
     */
    async allFigures() {
        const rows = await this.dataSource.getRepository(budget_entity_1.BudgetEntity).createQueryBuilder('b').getMany();
        return new Map(rows.map((row) => [row.programId, toFigures(row)]));
    }
    /**
     * Reserves `amountFen` first come, first served: one guarded UPDATE (`remaining >= amount`) —
     * under READ COMMITTED a concurrent reservation waits for the row and re-checks the condition
     * against the committed value, so the budget can never be overspent (the CHECK is the backstop).
     * The UPDATE and its ledger row are ONE statement (one round trip): the budget row is the one
     * row every submit of a program locks, and it stays locked from here to COMMIT, so callers run
     * this last (ApplicationStateService.move). Returns false when the budget cannot cover the amount.
     *
     * Only money in effect is reserved: a tranche whose date has not come is not in `remaining`. When
     * the guard fails, tranches that came due today but that the scheduled job has not applied yet
     * (it runs at midnight and every few minutes) are applied in this transaction and the guard is
     * tried once more — so a tranche is usable from the first second of its date, and the fast path
     * (enough money) costs nothing extra.
     */
    async reserve(manager, programId, amountFen, subjectId, note) {
        if (await this.move(manager, 'reserve', programId, amountFen, subjectId, note))
            return true;
        const applied = await this.applyDueTranches(manager, this.clock.today(), programId);
        return applied.length > 0 && this.move(manager, 'reserve', programId, amountFen, subjectId, note);
    }
    /**
     * A point-of-sale voucher's reservation (operations.md §5): `reserve` — the same guarded UPDATE
     * and ledger row as a claim's, first come first served, tranches due today applied on a miss —
     * with the voucher as the ledger row's subject and `voucher <code>` as its note, so the ledger
     * tells a voucher's money from a claim's. Run it last in the transaction, like a claim's.
     */
    reserveForVoucher(manager, voucher, amountFen) {
        return this.reserve(manager, voucher.programId, amountFen, voucher.id, `voucher ${voucher.code}`);
    }
    /**
     * Locks the program's budget row and answers what remains: a lottery draw computes how many
     * vouchers the budget pays for and then reserves each with `reserveForVoucher` in the same
     * transaction, so nothing can take the money between the count and the reservations. The row
     * stays locked until COMMIT: only the draw (once per round) does this.
     */
    async lockRemaining(manager, programId) {
        const [row] = (await manager.query(`SELECT remaining_fen FROM budget WHERE program_id = $1 FOR UPDATE`, [
            programId,
        ]));
        if (!row)
            throw new Error(`program ${programId} has no budget`);
        return Number(row.remaining_fen);
    }
    /** Gives (part of) a voucher's reservation back: cancelled, expired, or shrunk at redemption. */
    releaseForVoucher(manager, voucher, amountFen, why) {
        return this.release(manager, voucher.programId, amountFen, voucher.id, `voucher ${voucher.code} ${why}`);
    }
    /**
     * Redemption at the till (operations.md §5): the voucher's whole reservation (`voucher.reservedFen`)
     * goes back and the point-of-sale claim reserves the engine's subsidy, as ONE statement — the
     * budget row moves by the difference only (`reserved` shrinks by `reserved − subsidy`, which
     * `remaining` gets back), and the two ledger rows (the voucher's release, the claim's reserve) are
     * written only if the guarded UPDATE matched. So the budget never holds the money twice nor
     * drops it between the two, and the row is locked for one round trip before COMMIT. Guards: the
     * budget holds the voucher's reservation, and — should a newer program version price the sale
     * above it — `remaining` covers the rest. Answers `exhausted` when only the latter failed,
     * `mismatch` when the budget does not hold the voucher's reservation (a broken invariant).
     */
    async redeemVoucher(manager, move) {
        const { voucher, claimId, subsidyFen } = move;
        const rows = await (0, sql_1.returning)(manager, `WITH moved AS (
         UPDATE budget SET remaining_fen = remaining_fen + $2::bigint - $3::bigint,
                reserved_fen = reserved_fen - $2::bigint + $3::bigint, updated_at = now()
          WHERE program_id = $1 AND reserved_fen >= $2::bigint AND remaining_fen + $2::bigint >= $3::bigint
          RETURNING program_id)
       INSERT INTO budget_ledger (program_id, subject_id, entry, amount_fen, note)
       SELECT m.program_id, x.subject_id, x.entry, x.amount_fen, x.note
         FROM moved m CROSS JOIN (VALUES ($4::uuid, 'release', $2::bigint, $6::text),
                                         ($5::uuid, 'reserve', $3::bigint, $7::text)) AS x(subject_id, entry, amount_fen, note)
        WHERE x.amount_fen > 0
       RETURNING id, entry`, [
            voucher.programId,
            voucher.reservedFen,
            subsidyFen,
            voucher.id,
            claimId,
            `voucher ${voucher.code} redeemed`,
            `voucher ${voucher.code}`,
        ]);
        if (rows.length > 0 || (voucher.reservedFen === 0 && subsidyFen === 0))
            return 'moved';
        const [budget] = (await manager.query(`SELECT reserved_fen >= $2::bigint AS holds FROM budget WHERE program_id = $1`, [voucher.programId, voucher.reservedFen]));
        return budget?.holds ? 'exhausted' : 'mismatch';
    }
    /**
     * Records a tranche (the caller checked the program and the input). Answers its id, or null when
     * the program already has a tranche with this document number (the unique index decides, so two
     * requests at once cannot both add it).
     */
    async addTranche(manager, tranche) {
        const rows = await (0, sql_1.returning)(manager, `INSERT INTO budget_tranche (program_id, amount_fen, source, effective_on, document_no, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (program_id, document_no) DO NOTHING RETURNING id`, [
            tranche.programId,
            tranche.amountFen,
            tranche.source,
            tranche.effectiveOn,
            tranche.documentNo,
            tranche.createdBy,
        ]);
        return rows[0]?.id ?? null;
    }
    /**
     * Puts every tranche due by `today` (its `effective_on` has come) and not yet applied into its
     * program's budget, in ONE statement: the tranches are marked applied (a concurrent run waits for
     * their rows and then finds them applied: each enters once), total and remaining rise together by
     * their sum (so `total = remaining + reserved + committed + paid` holds at every step), and each
     * gets its `adjust` ledger row with the tranche as subject. Answers the ledger rows written.
     */
    async applyDueTranches(manager, today, programId = null) {
        const rows = (await manager.query(`WITH due AS (
         UPDATE budget_tranche SET applied_at = now()
          WHERE applied_at IS NULL AND effective_on <= $1::date AND ($2::uuid IS NULL OR program_id = $2)
          RETURNING id, program_id, amount_fen, document_no),
       sums AS (SELECT program_id, sum(amount_fen) AS amount_fen FROM due GROUP BY program_id),
       raised AS (
         UPDATE budget b SET total_fen = b.total_fen + s.amount_fen, remaining_fen = b.remaining_fen + s.amount_fen,
                updated_at = now()
           FROM sums s WHERE b.program_id = s.program_id RETURNING b.program_id)
       INSERT INTO budget_ledger (program_id, subject_id, entry, amount_fen, note)
       SELECT d.program_id, d.id, 'adjust', d.amount_fen, 'tranche ' || d.document_no
         FROM due d JOIN raised r ON r.program_id = d.program_id
       RETURNING id, program_id, subject_id`, [today, programId]));
        return rows.map((row) => ({ ledgerId: row.id, programId: row.program_id, trancheId: row.subject_id }));
    }
    /**
     * Gives a reservation back to the budget (rejection, withdrawal, expiry, a lower re-evaluation).
     * Guarded (`reserved >= amount`): false when the budget does not hold that much in reservations,
     * which means the claim and the budget disagree; callers treat it as a broken invariant.
     */
    release(manager, programId, amountFen, subjectId, note) {
        return this.move(manager, 'release', programId, amountFen, subjectId, note);
    }
    /**
     * Approval: the claim's reservation becomes a commitment (reserved → committed; `remaining` does
     * not move). Guarded like `release`; false means the reservation is not there.
     */
    commit(manager, programId, amountFen, subjectId) {
        return this.move(manager, 'commit', programId, amountFen, subjectId);
    }
    /**
     * A cancelled approved claim (goods returned before payment, operations.md §6): its commitment
     * goes back to `remaining` (committed → remaining). Guarded like `pay`; false when not committed.
     */
    decommit(manager, programId, amountFen, subjectId, note) {
        return this.move(manager, 'decommit', programId, amountFen, subjectId, note);
    }
    /** Payment: a commitment is settled (committed → paid). Guarded; false when not committed. */
    pay(manager, programId, amountFen, subjectId) {
        return this.move(manager, 'pay', programId, amountFen, subjectId);
    }
    /**
     * One movement between buckets as ONE statement: the guarded UPDATE of the budget row and, only
     * if it matched, its ledger row (a data-modifying CTE: the INSERT reads the UPDATE's RETURNING,
     * so a guard that fails inserts nothing). False when the guard failed.
     */
    async move(manager, entry, programId, amountFen, subjectId, note) {
        if (amountFen === 0)
            return true;
        const rows = await (0, sql_1.returning)(manager, `WITH moved AS (
         UPDATE budget SET ${MOVEMENTS[entry]}, updated_at = now()
          WHERE program_id = $1 AND ${GUARDS[entry]} >= $2::bigint RETURNING program_id)
       INSERT INTO budget_ledger (program_id, subject_id, entry, amount_fen, note)
       SELECT program_id, $3::uuid, $4::text, $2::bigint, $5::text FROM moved RETURNING id`, [programId, amountFen, subjectId, entry, note ?? null]);
        return rows.length > 0;
    }
    /**
     * A retroactive version's top-ups (issue 15) in ONE statement, run last in the publish's
     * transaction: the budget row moves by their sums, guarded by `remaining >= Σ`, and each claim
     * gets its ledger rows — a `reserve` of its difference (remaining → reserved) and, for a claim
     * already approved, a `commit` of the same difference (reserved → committed), so every bucket
     * stays what the ledger moved. All or nothing: false when the remaining money cannot cover them
     * (nothing written). A claim's top-up is never negative (a retroactive version raises only).
     * Tranches that came due today and are not applied yet are applied and the guard tried once more,
     * as for a reservation.
     */
    async topUpMany(manager, programId, moves, note) {
        if (moves.some((move) => !Number.isSafeInteger(move.amountFen) || move.amountFen <= 0))
            throw new RangeError('a top-up is a positive whole number of fen');
        if (moves.length === 0)
            return true;
        const run = async () => (await (0, sql_1.returning)(manager, `WITH given AS (
             SELECT * FROM unnest($2::uuid[], $3::bigint[], $4::boolean[]) WITH ORDINALITY AS g(subject_id, amount_fen, committed, ord)),
           sums AS (SELECT sum(amount_fen) AS reserve_fen, coalesce(sum(amount_fen) FILTER (WHERE committed), 0) AS commit_fen FROM given),
           moved AS (
             UPDATE budget b SET remaining_fen = b.remaining_fen - s.reserve_fen,
                    reserved_fen = b.reserved_fen + s.reserve_fen - s.commit_fen,
                    committed_fen = b.committed_fen + s.commit_fen, updated_at = now()
               FROM sums s WHERE b.program_id = $1 AND b.remaining_fen >= s.reserve_fen RETURNING b.program_id),
           entries AS (
             SELECT subject_id, 'reserve' AS entry, amount_fen, ord, 1 AS step FROM given
             UNION ALL
             SELECT subject_id, 'commit', amount_fen, ord, 2 FROM given WHERE committed)
           INSERT INTO budget_ledger (program_id, subject_id, entry, amount_fen, note)
           SELECT m.program_id, e.subject_id, e.entry, e.amount_fen, $5::text
             FROM moved m CROSS JOIN entries e ORDER BY e.ord, e.step RETURNING id`, [
            programId,
            moves.map((move) => move.subjectId),
            moves.map((move) => move.amountFen),
            moves.map((move) => move.committed),
            note,
        ])).length > 0;
        if (await run())
            return true;
        const applied = await this.applyDueTranches(manager, this.clock.today(), programId);
        return applied.length > 0 && run();
    }
    /** What remains of the program's budget as this transaction sees it (0 without a budget). */
    async remainingIn(manager, programId) {
        const [row] = (await manager.query(`SELECT remaining_fen FROM budget WHERE program_id = $1`, [
            programId,
        ]));
        return row ? Number(row.remaining_fen) : 0;
    }
    /**
     * Sets a new total. Lowering it below what is already reserved, committed or paid is refused
     * (returns false); the difference moves `remaining`, and the change is in the ledger.
     */
    async setTotal(manager, programId, totalFen) {
        const [locked] = (await manager.query(`SELECT total_fen FROM budget WHERE program_id = $1 FOR UPDATE`, [
            programId,
        ]));
        if (!locked)
            return { ok: false };
        const previous = Number(locked.total_fen);
        const updated = await (0, sql_1.returning)(manager, `UPDATE budget SET total_fen = $2, remaining_fen = $2 - reserved_fen - committed_fen - paid_fen, updated_at = now()
        WHERE program_id = $1 AND $2 >= reserved_fen + committed_fen + paid_fen RETURNING program_id`, [programId, totalFen]);
        if (updated.length === 0)
            return { ok: false };
        const ledgerId = await this.ledger(manager, programId, 'adjust', totalFen - previous, null, `total ${previous} → ${totalFen}`);
        return { ok: true, previousTotalFen: previous, ledgerId };
    }
    /** Appends one ledger row; returns its id. */
    async ledger(manager, programId, entry, amountFen, subjectId, note) {
        const [row] = (await manager.query(`INSERT INTO budget_ledger (program_id, subject_id, entry, amount_fen, note) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [programId, subjectId, entry, amountFen, note ?? null]));
        return row.id;
    }
    /** Records the budget's current figures once per job key (a replay inserts nothing). */
    async recordSnapshot(programId, jobKey, reason) {
        const rows = await this.dataSource.query(`INSERT INTO budget_snapshot (program_id, job_key, reason, total_fen, reserved_fen, committed_fen, paid_fen, remaining_fen, taken_at)
       SELECT program_id, $2, $3, total_fen, reserved_fen, committed_fen, paid_fen, remaining_fen, now() FROM budget WHERE program_id = $1
       ON CONFLICT (job_key) DO NOTHING RETURNING id`, [programId, jobKey, reason]);
        return rows.length > 0;
    }
};
exports.BudgetRepository = BudgetRepository;
exports.BudgetRepository = BudgetRepository = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function, clock_1.Clock])
], BudgetRepository);
function toFigures(row) {
    return {
        totalFen: row.totalFen,
        reservedFen: row.reservedFen,
        committedFen: row.committedFen,
        paidFen: row.paidFen,
        remainingFen: row.remainingFen,
    };
}
//# sourceMappingURL=budget.repository.js.map