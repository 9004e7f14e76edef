import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LotteryEntryStatus } from '@huanxin/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { returning } from '../database/sql';

export interface RoundRow {
  id: string;
  programId: string;
  round: number;
  opensAt: Date;
  closesAt: Date;
  drawAt: Date;
  seedHash: string;
  seedEnc: string;
  seed: string | null;
  maxSubsidyFen: number;
  remainingFenAtDraw: number | null;
  slots: number | null;
  drawnAt: Date | null;
}

interface RawRound {
  id: string;
  program_id: string;
  round: number;
  opens_at: Date;
  closes_at: Date;
  draw_at: Date;
  seed_hash: string;
  seed_enc: string;
  seed: string | null;
  max_subsidy_fen: string;
  remaining_fen_at_draw: string | null;
  slots: number | null;
  drawn_at: Date | null;
}

export interface EntryRow {
  id: string;
  userId: string;
  idNumberBidx: string;
  category: string;
  status: LotteryEntryStatus;
}

/** Named lottery queries (rounds and entries). */
@Injectable()
export class LotteryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Opens a round (its committed seed hash with it) unless it exists: the unique (program, round)
   * index decides, so two openers at once leave one round and one seed. Answers the round.
   */
  async open(
    round: Omit<RoundRow, 'id' | 'seed' | 'remainingFenAtDraw' | 'slots' | 'drawnAt'>,
  ): Promise<RoundRow> {
    await this.dataSource.query(
      `INSERT INTO lottery_round (program_id, round, opens_at, closes_at, draw_at, seed_hash, seed_enc, max_subsidy_fen)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (program_id, round) DO NOTHING`,
      [
        round.programId,
        round.round,
        round.opensAt,
        round.closesAt,
        round.drawAt,
        round.seedHash,
        round.seedEnc,
        round.maxSubsidyFen,
      ],
    );
    return (await this.find(round.programId, round.round))!;
  }

  async find(programId: string, round: number, manager?: EntityManager): Promise<RoundRow | null> {
    const [row] = (await (manager ?? this.dataSource.manager).query(
      `SELECT * FROM lottery_round WHERE program_id = $1 AND round = $2`,
      [programId, round],
    )) as RawRound[];
    return row ? fromRaw(row) : null;
  }

  /** The round locked for the draw (a second drawer waits, then finds it drawn). */
  async lockById(manager: EntityManager, id: string): Promise<RoundRow | null> {
    const [row] = (await manager.query(`SELECT * FROM lottery_round WHERE id = $1 FOR UPDATE`, [
      id,
    ])) as RawRound[];
    return row ? fromRaw(row) : null;
  }

  /** Rounds whose draw time has come and that are not drawn (the partial index). */
  async dueIds(now: Date): Promise<{ id: string; programId: string }[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, program_id FROM lottery_round WHERE drawn_at IS NULL AND draw_at <= $1 ORDER BY draw_at`,
      [now],
    )) as { id: string; program_id: string }[];
    return rows.map((row) => ({ id: row.id, programId: row.program_id }));
  }

  /** An entry; null when the person already has one for the category in the round (unique index). */
  async insertEntry(
    manager: EntityManager,
    entry: { roundId: string; userId: string; idNumberBidx: string; category: string; at: Date },
  ): Promise<{ id: string } | null> {
    const rows = (await manager.query(
      `INSERT INTO lottery_entry (round_id, user_id, id_number_bidx, category, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (round_id, id_number_bidx, category) DO NOTHING RETURNING id`,
      [entry.roundId, entry.userId, entry.idNumberBidx, entry.category, entry.at],
    )) as { id: string }[];
    return rows[0] ?? null;
  }

  /** The round's entries, sorted by id (the public list's order). */
  async entries(roundId: string, manager?: EntityManager): Promise<EntryRow[]> {
    const rows = (await (manager ?? this.dataSource.manager).query(
      `SELECT id, user_id, id_number_bidx, category, status FROM lottery_entry WHERE round_id = $1 ORDER BY id`,
      [roundId],
    )) as {
      id: string;
      user_id: string;
      id_number_bidx: string;
      category: string;
      status: LotteryEntryStatus;
    }[];
    return rows.map((row) => ({
      id: row.id,
      userId: row.user_id,
      idNumberBidx: row.id_number_bidx,
      category: row.category,
      status: row.status,
    }));
  }

  /** A person's own entries with their rounds, newest round first (the resident's page). */
  async entriesOf(userId: string): Promise<
    (Pick<RoundRow, 'round' | 'opensAt' | 'closesAt' | 'drawAt' | 'seedHash' | 'drawnAt'> & {
      id: string;
      programCode: string;
      category: string;
      status: LotteryEntryStatus;
      voucherId: string | null;
    })[]
  > {
    const rows = (await this.dataSource.query(
      `SELECT e.id, e.category, e.status, e.voucher_id, p.code AS program_code, r.round, r.opens_at, r.closes_at,
              r.draw_at, r.seed_hash, r.drawn_at
         FROM lottery_entry e JOIN lottery_round r ON r.id = e.round_id JOIN program p ON p.id = r.program_id
        WHERE e.user_id = $1
        ORDER BY r.draw_at DESC, e.created_at DESC, e.id
        LIMIT 200`,
      [userId],
    )) as {
      id: string;
      category: string;
      status: LotteryEntryStatus;
      voucher_id: string | null;
      program_code: string;
      round: number;
      opens_at: Date;
      closes_at: Date;
      draw_at: Date;
      seed_hash: string;
      drawn_at: Date | null;
    }[];
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
  async settle(
    manager: EntityManager,
    entryId: string,
    status: Exclude<LotteryEntryStatus, 'entered'>,
    voucherId: string | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE lottery_entry SET status = $2, voucher_id = $3 WHERE id = $1 AND status = 'entered'`,
      [entryId, status, voucherId],
    );
  }

  /** The round is drawn: the seed revealed, the budget left and the slots recorded. */
  async markDrawn(
    manager: EntityManager,
    id: string,
    draw: { seed: string; remainingFen: number; slots: number; at: Date },
  ): Promise<boolean> {
    const rows = await returning(
      manager,
      `UPDATE lottery_round SET seed = $2, remaining_fen_at_draw = $3, slots = $4, drawn_at = $5
        WHERE id = $1 AND drawn_at IS NULL RETURNING id`,
      [id, draw.seed, draw.remainingFen, draw.slots, draw.at],
    );
    return rows.length > 0;
  }
}

function fromRaw(row: RawRound): RoundRow {
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
