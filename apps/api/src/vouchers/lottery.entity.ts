import type { LotteryEntryStatus } from '@huanxin/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { bigintNumber } from '../database/transformers';
import { ProgramEntity } from '../programs/program.entity';
import { UserEntity } from '../users/user.entity';
import { VoucherEntity } from './voucher.entity';

/**
 * One round of a program's voucher lottery (operations.md §5). Opened with a secret seed whose
 * SHA-256 is public from then on (`seed_hash`); the seed itself is kept encrypted (`seed_enc`,
 * the PII cipher) and written in clear to `seed` only at the draw, with the budget left then and
 * the number of vouchers it paid for.
 */
@Entity({ name: 'lottery_round' })
@Index(['programId', 'round'], { unique: true })
// The draw job: rounds whose time has come and that are not drawn yet.
@Index('lottery_round_undrawn_by_draw_at', ['drawAt'], { where: '"drawn_at" IS NULL' })
@Check(
  'lottery_round_drawn_consistent',
  '("drawn_at" IS NULL) = ("seed" IS NULL) AND ("drawn_at" IS NULL) = ("slots" IS NULL)',
)
export class LotteryRoundEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @ManyToOne(() => ProgramEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  @Column({ type: 'integer' })
  round: number;

  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt: Date;

  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt: Date;

  @Column({ name: 'draw_at', type: 'timestamptz' })
  drawAt: Date;

  /** SHA-256 of the seed, hex: published from the moment the round exists. */
  @Column({ name: 'seed_hash', type: 'text' })
  seedHash: string;

  /** The seed (hex), encrypted until the draw. */
  @Column({ name: 'seed_enc', type: 'text' })
  seedEnc: string;

  /** The seed (hex) revealed at the draw; null before. */
  @Column({ type: 'text', nullable: true })
  seed: string | null;

  /** What each voucher reserves (the program's maximum when the round opened). */
  @Column({ name: 'max_subsidy_fen', type: 'bigint', transformer: bigintNumber })
  maxSubsidyFen: number;

  @Column({ name: 'remaining_fen_at_draw', type: 'bigint', nullable: true, transformer: bigintNumber })
  remainingFenAtDraw: number | null;

  @Column({ type: 'integer', nullable: true })
  slots: number | null;

  @Column({ name: 'drawn_at', type: 'timestamptz', nullable: true })
  drawnAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * One resident's entry for a category in a round: one per person (ID number's blind index),
 * category and round (the unique index decides). Its random id is its public, pseudonymous name.
 */
@Entity({ name: 'lottery_entry' })
@Index(['roundId', 'idNumberBidx', 'category'], { unique: true })
@Index(['roundId', 'id'])
@Check('lottery_entry_status_known', `"status" IN ('entered', 'won', 'lost', 'forfeited')`)
@Check('lottery_entry_voucher_when_won', `("status" = 'won') = ("voucher_id" IS NOT NULL)`)
export class LotteryEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'round_id', type: 'uuid' })
  roundId: string;

  @ManyToOne(() => LotteryRoundEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'round_id' })
  lotteryRound?: LotteryRoundEntity;

  @Index()
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ name: 'id_number_bidx', type: 'text' })
  idNumberBidx: string;

  @Column({ type: 'text' })
  category: string;

  @Column({ type: 'text', default: 'entered' })
  status: LotteryEntryStatus;

  @Index()
  @Column({ name: 'voucher_id', type: 'uuid', nullable: true })
  voucherId: string | null;

  @ManyToOne(() => VoucherEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'voucher_id' })
  voucher?: VoucherEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
