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
exports.LotteryRepository = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const sql_1 = require("../database/sql");
/** Named lottery queries (rounds and entries). */
let LotteryRepository = class LotteryRepository {
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    transaction(work) {
        return this.dataSource.transaction(work);
    }
    /**
     * Opens a round (its committed seed hash with it) unless it exists: the unique (program, round)
     * index decides, so two openers at once leave one round and one seed. Answers the round.
     */
    async open(round) {
        await this.dataSource.query(`INSERT INTO lottery_round (program_id, round, opens_at, closes_at, draw_at, seed_hash, seed_enc, max_subsidy_fen)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (program_id, round) DO NOTHING`, [
            round.programId,
            round.round,
            round.opensAt,
            round.closesAt,
            round.drawAt,
            round.seedHash,
            round.seedEnc,
            round.maxSubsidyFen,
        ]);
        return (await this.find(round.programId, round.round));
    }
    async find(programId, round, manager) {
        const [row] = (await (manager ?? this.dataSource.manager).query(`SELECT * FROM lottery_round WHERE program_id = $1 AND round = $2`, [programId, round]));
        return row ? fromRaw(row) : null;
    }
    /** The round locked for the draw (a second drawer waits, then finds it drawn). */
    async lockById(manager, id) {
        const [row] = (await manager.query(`SELECT * FROM lottery_round WHERE id = $1 FOR UPDATE`, [
            id,
        ]));
        return row ? fromRaw(row) : null;
    }
    /** Rounds whose draw time has come and that are not drawn (the partial index). */
    async dueIds(now) {
        const rows = (await this.dataSource.query(`SELECT id, program_id FROM lottery_round WHERE drawn_at IS NULL AND draw_at <= $1 ORDER BY draw_at`, [now]));
        return rows.map((row) => ({ id: row.id, programId: row.program_id }));
    }
    /** An entry; null when the person already has one for the category in the round (unique index). */
    async insertEntry(manager, entry) {
        const rows = (await manager.query(`INSERT INTO lottery_entry (round_id, user_id, id_number_bidx, category, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (round_id, id_number_bidx, category) DO NOTHING RETURNING id`, [entry.roundId, entry.userId, entry.idNumberBidx, entry.category, entry.at]));
        return rows[0] ?? null;
    }
    /** The round's entries, sorted by id (the public list's order). */
    async entries(roundId, manager) {
        const rows = (await (manager ?? this.dataSource.manager).query(`SELECT id, user_id, id_number_bidx, category, status FROM lottery_entry WHERE round_id = $1 ORDER BY id`, [roundId]));
        return rows.map((row) => ({
            id: row.id,
            userId: row.user_id,
            idNumberBidx: row.id_number_bidx,
            category: row.category,
            status: row.status,
        }));
    }
    /** A person's own entries with their rounds, newest round first (the resident's page). */
    async entriesOf(userId) {
        const rows = (await this.dataSource.query(`SELECT e.id, e.category, e.status, e.voucher_id, p.code AS program_code, r.round, r.opens_at, r.closes_at,
              r.draw_at, r.seed_hash, r.drawn_at
         FROM lottery_entry e JOIN lottery_round r ON r.id = e.round_id JOIN program p ON p.id = r.program_id
        WHERE e.user_id = $1
        ORDER BY r.draw_at DESC, e.created_at DESC, e.id
        LIMIT 200`, [userId]));
        return rows.map((row) => ({
            id: row.id,
            programCode: row.program_code,
            category: row.category,
            status: row.status,
            voucherId: row.voucher_id,
            round: row.round,
            opensAt: row.opens_at,
            closesAt: row.closes_at,
            drawAt: row.draw_at,
            seedHash: row.seed_hash,
            drawnAt: row.drawn_at,
        }));
    }
    /** The winners of a drawn round in rank order (won or forfeited), as recorded. */
    async settle(manager, entryId, status, voucherId) {
        await manager.query(`UPDATE lottery_entry SET status = $2, voucher_id = $3 WHERE id = $1 AND status = 'entered'`, [entryId, status, voucherId]);
    }
    /** The round is drawn: the seed revealed, the budget left and the slots recorded. */
    async markDrawn(manager, id, draw) {
        const rows = await (0, sql_1.returning)(manager, `UPDATE lottery_round SET seed = $2, remaining_fen_at_draw = $3, slots = $4, drawn_at = $5
        WHERE id = $1 AND drawn_at IS NULL RETURNING id`, [id, draw.seed, draw.remainingFen, draw.slots, draw.at]);
        return rows.length > 0;
    }
};
exports.LotteryRepository = LotteryRepository;
exports.LotteryRepository = LotteryRepository = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function])
], LotteryRepository);
function fromRaw(row) {
    return {
        id: row.id,
        programId: row.program_id,
        round: row.round,
        opensAt: row.opens_at,
        closesAt: row.closes_at,
        drawAt: row.draw_at,
        seedHash: row.seed_hash,
        seedEnc: row.seed_enc,
        seed: row.seed,
        maxSubsidyFen: Number(row.max_subsidy_fen),
        remainingFenAtDraw: row.remaining_fen_at_draw === null ? null : Number(row.remaining_fen_at_draw),
        slots: row.slots,
        drawnAt: row.drawn_at,
    };
}
//# sourceMappingURL=lottery.repository.js.map