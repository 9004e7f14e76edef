import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  drawLotteryWinners,
  ErrorCode,
  latestLotteryRound,
  LOTTERY_ALGORITHM,
  lotteryRound,
  lotteryRoundTakesEntries,
  lotterySettingsOf,
  lotterySlots,
  maxSubsidyFen,
  rankLotteryEntries,
  voucherQuota,
  type LotteryEntryView,
  type MyLotteryEntry,
  type PublicLotteryRound,
} from '@huanxin/shared';
import { ApplicationsRepository } from '../applications/applications.repository';
import { AuditService } from '../audit/audit.service';
import { BudgetRepository } from '../budget/budget.repository';
import { Clock } from '../common/clock';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { DomainError } from '../common/errors/domain-error';
import { ProgramsCache } from '../programs/programs.cache';
import type { CurrentProgram } from '../programs/programs.repository';
import { hmacSha256Hex, sha256Hex } from './lottery-hash';
import { LotteryRepository, type RoundRow } from './lottery.repository';
import { VouchersRepository } from './vouchers.repository';
import { VouchersService } from './vouchers.service';

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
@Injectable()
export class LotteryService {
  private readonly logger = new Logger(LotteryService.name);

  constructor(
    private readonly rounds: LotteryRepository,
    private readonly vouchers: VouchersService,
    private readonly voucherRows: VouchersRepository,
    private readonly applications: ApplicationsRepository,
    private readonly budget: BudgetRepository,
    private readonly audit: AuditService,
    private readonly cipher: PiiCipher,
    private readonly cache: ProgramsCache,
    private readonly clock: Clock,
  ) {}

  /** `GET /api/programs/:code/lottery[?round=n]`: the latest opened round, or round n. */
  async publicRound(code: string, round?: number): Promise<PublicLotteryRound> {
    const program = (await this.cache.snapshot()).byCode.get(code);
    const settings = program ? lotterySettingsOf(program.definition) : null;
    if (!program || !settings)
      throw new DomainError(ErrorCode.PROGRAM_NOT_FOUND, 'No lottery program with this code');
    const now = this.clock.now();
    const window =
      round === undefined
        ? latestLotteryRound(program.definition, settings, now)
        : lotteryRound(program.definition, settings, round);
    if (!window || window.opensAt.getTime() > now.getTime()) {
      throw new DomainError(ErrorCode.NOT_FOUND, 'This round has not opened');
    }
    const row = await this.ensureRound(program, window.round);
    const entries = await this.rounds.entries(row.id);
    const drawn = row.drawnAt !== null && row.seed !== null;
    const body: PublicLotteryRound = {
      programCode: program.code,
      algorithm: LOTTERY_ALGORITHM,
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
      body.seed = row.seed!;
      body.remainingFenAtDraw = row.remainingFenAtDraw!;
      body.slots = row.slots!;
      body.winners = rankLotteryEntries(won, row.seed!, hmacSha256Hex).map((e) => e.id);
      body.drawnAt = row.drawnAt!.toISOString();
    }
    return body;
  }

  /** `POST /api/programs/:code/lottery/entries`: one entry per person, category and round. */
  async enter(userId: string, code: string, category: string): Promise<LotteryEntryView> {
    const snapshot = await this.cache.snapshot();
    const terms = this.vouchers.terms(snapshot.byCode.get(code), category, 'lottery');
    const { program } = terms;
    this.vouchers.checkOpen(program, snapshot.pauses.get(program.id));
    const settings = lotterySettingsOf(program.definition)!;
    const now = this.clock.now();
    const window = latestLotteryRound(program.definition, settings, now);
    if (!window || !lotteryRoundTakesEntries(window, now)) {
      throw new DomainError(ErrorCode.LOTTERY_CLOSED, 'No round of this lottery takes entries now');
    }
    const round = await this.ensureRound(program, window.round);
    return this.rounds.transaction(async (manager) => {
      const idNumberBidx = await this.applications.lockPerson(manager, userId);
      if (!idNumberBidx) {
        throw new DomainError(ErrorCode.PROFILE_REQUIRED, 'Give your real-name details before entering');
      }
      const quota = voucherQuota(category);
      const used = await this.voucherRows.quotaUsed(manager, {
        idNumberBidx,
        programId: program.id,
        category,
        categoryPath: terms.categoryPath,
      });
      if (used >= quota) {
        throw new DomainError(ErrorCode.QUOTA_EXCEEDED, `The quota of ${quota} for ${category} is used`, {
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
        throw new DomainError(
          ErrorCode.LOTTERY_ALREADY_ENTERED,
          'You have entered this category in this round',
        );
      }
      await this.audit.record(
        {
          action: 'lottery.entered',
          result: 'success',
          objectType: 'lottery_entry',
          objectId: entry.id,
          detail: { programCode: program.code, round: round.round, category },
        },
        manager,
      );
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
  async mine(userId: string): Promise<MyLotteryEntry[]> {
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
  async runProgram(code: string): Promise<{ drawn: number }> {
    const program = (await this.cache.snapshot()).byCode.get(code);
    if (!program || !lotterySettingsOf(program.definition))
      throw new DomainError(ErrorCode.PROGRAM_NOT_FOUND, 'No lottery program with this code');
    let drawn = 0;
    for (const due of await this.rounds.dueIds(this.clock.now())) {
      if (due.programId === program.id && (await this.draw(program, due.id))) drawn += 1;
    }
    return { drawn };
  }

  /**
   * The scheduled step (job `vouchers.lottery`): opens each lottery program's current round, then
   * draws every round whose time has come. Answers what it did.
   */
  async run(): Promise<{ opened: number; drawn: number }> {
    const snapshot = await this.cache.snapshot();
    const now = this.clock.now();
    let opened = 0;
    for (const program of snapshot.programs) {
      const settings = lotterySettingsOf(program.definition);
      const window = settings ? latestLotteryRound(program.definition, settings, now) : null;
      if (window && now.getTime() < window.closesAt.getTime()) {
        await this.ensureRound(program, window.round);
        opened += 1;
      }
    }
    let drawn = 0;
    for (const due of await this.rounds.dueIds(now)) {
      const program = snapshot.programs.find((p) => p.id === due.programId);
      if (program && (await this.draw(program, due.id))) drawn += 1;
    }
    return { opened, drawn };
  }

  /** Draws one round (idempotent: a drawn round is left as it is). True when this call drew it. */
  async draw(program: CurrentProgram, roundId: string): Promise<boolean> {
    const now = this.clock.now();
    const result = await this.rounds.transaction(async (manager) => {
      const round = await this.rounds.lockById(manager, roundId);
      if (!round || round.drawnAt !== null || round.drawAt.getTime() > now.getTime()) return null;
      const seed = this.cipher.decrypt(round.seedEnc, SEED_FIELD);
      const entries = await this.rounds.entries(round.id, manager);
      const ids = entries.map((e) => e.id);
      // Lock order as a claim's submit and a voucher's issue take them — persons, then the budget
      // row — so the draw and a resident's request never wait on each other crosswise: first the
      // persons of every entry the budget can pay for now (by blind index), then the budget row.
      const estimate = lotterySlots(
        (await this.budget.figuresIn(manager, program.id))[0]?.remainingFen ?? 0,
        round.maxSubsidyFen,
        entries.length,
      );
      const candidates = new Set(drawLotteryWinners(ids, seed, estimate, hmacSha256Hex));
      const holders = entries
        .filter((e) => candidates.has(e.id))
        .sort((a, b) => (a.idNumberBidx < b.idNumberBidx ? -1 : a.idNumberBidx > b.idNumberBidx ? 1 : 0));
      for (const entry of holders) await this.applications.lockPerson(manager, entry.userId);
      const remaining = await this.budget.lockRemaining(manager, program.id);
      // What the budget pays for now, never more than the persons locked above.
      const slots = Math.min(estimate, lotterySlots(remaining, round.maxSubsidyFen, entries.length));
      const winners = new Set(drawLotteryWinners(ids, seed, slots, hmacSha256Hex));
      const categoryPath = (program.definition.historyFields?.category ?? '').split('.');
      const outcomes: { entry: (typeof entries)[number]; status: 'won' | 'lost' | 'forfeited' }[] = [];
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
        if (used >= voucherQuota(entry.category)) {
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
        if (!voucher) throw new Error(`lottery round ${round.id}: the counted budget did not cover a winner`);
        await this.rounds.settle(manager, entry.id, 'won', voucher.id);
        outcomes.push({ entry, status: 'won' });
      }
      if (
        !(await this.rounds.markDrawn(manager, round.id, { seed, remainingFen: remaining, slots, at: now }))
      ) {
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
      await this.audit.record(
        {
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
        },
        manager,
      );
      return { round: round.round, slots, entries: entries.length };
    });
    if (result) this.logger.log({ program: program.code, ...result }, 'lottery round drawn');
    return result !== null;
  }

  /** The round's row, opened now (seed drawn and committed) if it does not exist yet. */
  private async ensureRound(program: CurrentProgram, round: number): Promise<RoundRow> {
    const existing = await this.rounds.find(program.id, round);
    if (existing) return existing;
    const settings = lotterySettingsOf(program.definition)!;
    const window = lotteryRound(program.definition, settings, round)!;
    const seed = randomBytes(32).toString('hex');
    return this.rounds.open({
      programId: program.id,
      round,
      opensAt: window.opensAt,
      closesAt: window.closesAt,
      drawAt: window.drawAt,
      seedHash: sha256Hex(seed),
      seedEnc: this.cipher.encrypt(seed, SEED_FIELD),
      maxSubsidyFen: maxSubsidyFen(program.definition.amount) ?? 0,
    });
  }
}

function resultText(program: CurrentProgram, round: RoundRow, status: 'won' | 'lost' | 'forfeited'): string {
  const title = program.definition.title.zh;
  if (status === 'won')
    return `【章丘换新】恭喜，您在${title}第${round.round}轮摇号中签，补贴资格券已发放，请登录平台查看并在有效期内使用。`;
  if (status === 'forfeited')
    return `【章丘换新】您在${title}第${round.round}轮摇号中签，但该品类补贴资格已用完，本次资格券未发放。`;
  return `【章丘换新】很遗憾，您在${title}第${round.round}轮摇号未中签，欢迎参加下一轮。摇号种子与结果可在平台公开核验。`;
}
