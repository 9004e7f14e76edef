import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  FieldErrorCode,
  issuesVouchers,
  maxSubsidyFen,
  pauseDecision,
  voucherCategories,
  voucherCodeFrom,
  voucherQuota,
  voucherValidityDays,
  type ProgramDefinition,
  type VoucherOffer,
  type VoucherView,
} from '@huanxin/shared';
import QRCode from 'qrcode';
import type { EntityManager } from 'typeorm';
import { ApplicationsRepository } from '../applications/applications.repository';
import { fingerprint, once, type StoredResponse } from '../applications/idempotency';
import { IdempotencyRepository } from '../applications/idempotency.repository';
import { AuditService } from '../audit/audit.service';
import { BudgetRepository } from '../budget/budget.repository';
import { Clock, shanghaiDate } from '../common/clock';
import { DomainError } from '../common/errors/domain-error';
import { ProgramsCache } from '../programs/programs.cache';
import type { CurrentProgram, PauseRow } from '../programs/programs.repository';
import { publicPause } from '../programs/programs.service';
import { VouchersRepository, type VoucherRow } from './vouchers.repository';

const DAY_MS = 24 * 3600_000;
/** Draws of a fresh code when one is taken (31⁹ ≈ 2.6 × 10¹³ codes: a second draw is already rare). */
const CODE_ATTEMPTS = 3;

/** A program's voucher terms, or why it has none (checked before the transaction). */
export interface VoucherTerms {
  program: CurrentProgram;
  category: string;
  maxSubsidyFen: number;
  /** The history's category fact path, e.g. `['item', 'category']`. */
  categoryPath: string[];
}

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
@Injectable()
export class VouchersService {
  constructor(
    private readonly vouchers: VouchersRepository,
    private readonly applications: ApplicationsRepository,
    private readonly budget: BudgetRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly audit: AuditService,
    private readonly cache: ProgramsCache,
    private readonly clock: Clock,
  ) {}

  async issue(
    holderId: string,
    body: { programCode: string; category: string },
    idempotencyKey: string | null,
  ): Promise<StoredResponse> {
    // Read before the transaction (a refresh may need a pool connection; see SubmissionChecks.pauses).
    const snapshot = await this.cache.snapshot();
    const terms = this.terms(snapshot.byCode.get(body.programCode), body.category);
    this.checkOpen(terms.program, snapshot.pauses.get(terms.program.id));
    const work = async (manager: EntityManager, store: (response: StoredResponse) => Promise<void>) =>
      this.issueIn(manager, holderId, terms, store);
    if (idempotencyKey === null) {
      return this.vouchers.transaction((manager) => work(manager, async () => undefined));
    }
    const owner = {
      userId: holderId,
      // One scope for every voucher request of the user: a key reused with another body is refused.
      scope: 'voucher:issue',
      key: idempotencyKey,
      requestHash: fingerprint(body),
    };
    return this.vouchers.transaction((manager) =>
      once(this.idempotency, manager, owner, (store) => work(manager, store)),
    );
  }

  private async issueIn(
    manager: EntityManager,
    holderId: string,
    terms: VoucherTerms,
    store: (response: StoredResponse) => Promise<void>,
  ): Promise<StoredResponse> {
    const { program, category } = terms;
    const idNumberBidx = await this.applications.lockPerson(manager, holderId);
    if (!idNumberBidx) {
      throw new DomainError(
        ErrorCode.PROFILE_REQUIRED,
        'Give your real-name details before taking a voucher',
      );
    }
    const used = await this.vouchers.quotaUsed(manager, {
      idNumberBidx,
      programId: program.id,
      category,
      categoryPath: terms.categoryPath,
    });
    const quota = voucherQuota(category);
    if (used >= quota) {
      throw new DomainError(
        ErrorCode.QUOTA_EXCEEDED,
        `The quota of ${quota} for ${category} in this program is used`,
        { extra: { quota, used } },
      );
    }
    let response: StoredResponse | undefined;
    const issued = await this.createIssued(
      manager,
      { holderId, idNumberBidx, program, category, maxSubsidyFen: terms.maxSubsidyFen },
      async (view) => {
        response = { status: 201, body: { ...view } };
        await store(response);
      },
    );
    if (!issued || !response) {
      throw new DomainError(ErrorCode.BUDGET_EXHAUSTED, 'The program budget is used up');
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
  async createIssued(
    manager: EntityManager,
    spec: {
      holderId: string;
      idNumberBidx: string;
      program: Pick<CurrentProgram, 'id' | 'versionId' | 'code' | 'definition'>;
      category: string;
      maxSubsidyFen: number;
      bySystem?: boolean;
    },
    beforeBudget: (view: VoucherView) => Promise<void> = async () => undefined,
  ): Promise<VoucherView | null> {
    const { program, category } = spec;
    const now = this.clock.now();
    const expiresAt = this.expiryOf(program.definition, now);
    let inserted: { id: string; code: string } | null = null;
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
      if (row) inserted = { id: row.id, code };
    }
    if (!inserted) throw new Error('no free voucher code after several draws');
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
    await this.audit.record(
      {
        action: 'voucher.issued',
        result: 'success',
        objectType: 'voucher',
        objectId: inserted.id,
        detail: { code: inserted.code, programCode: program.code, category, reservedFen: spec.maxSubsidyFen },
        ...(spec.bySystem ? { actor: null } : {}),
      },
      manager,
    );
    await beforeBudget(view);
    // Last: the budget row stays locked only across this statement and COMMIT.
    const reserved = await this.budget.reserveForVoucher(
      manager,
      { id: inserted.id, code: inserted.code, programId: program.id },
      spec.maxSubsidyFen,
    );
    this.cache.invalidate();
    return reserved ? view : null;
  }

  /** The person's used quota for a program's category (the caller holds the person's lock). */
  quotaUsed(
    manager: EntityManager,
    person: { idNumberBidx: string; programId: string; category: string; categoryPath: string[] },
  ): Promise<number> {
    return this.vouchers.quotaUsed(manager, person);
  }

  /**
   * The programs that issue vouchers today (open window, no pause in effect, point of sale, a
   * bounded maximum, categories), with their terms: what the resident's page offers.
   */
  async offers(): Promise<VoucherOffer[]> {
    const snapshot = await this.cache.snapshot();
    const offers: VoucherOffer[] = [];
    for (const program of snapshot.programs) {
      const { definition } = program;
      const categories = voucherCategories(definition);
      const first = categories[0];
      if (first === undefined) continue;
      try {
        // LOTTERY_PROGRAM is an offer too (of registration); every other refusal is no offer.
        this.checkOpen(program, snapshot.pauses.get(program.id));
        this.terms(program, first, definition.settings.allocationMode ?? 'fcfs');
      } catch (error) {
        if (error instanceof DomainError) continue;
        throw error;
      }
      const max = maxSubsidyFen(definition.amount);
      if (max === null || !issuesVouchers(definition)) continue;
      const field = definition.factFields.find((f) => f.path === definition.historyFields?.category);
      offers.push({
        programCode: program.code,
        title: definition.title,
        allocationMode: definition.settings.allocationMode ?? 'fcfs',
        maxSubsidyFen: max,
        validityDays: voucherValidityDays(definition),
        categories: categories.map((value) => ({
          value,
          label: field?.options?.find((option) => option.value === value)?.label ?? { zh: value, en: value },
          quota: voucherQuota(value),
        })),
      });
    }
    return offers;
  }

  async list(holderId: string): Promise<VoucherView[]> {
    const rows = await this.vouchers.listOwned(holderId);
    return Promise.all(rows.map((row) => this.view(row)));
  }

  /** Cancels the caller's issued voucher and gives its whole reservation back (quota given back too). */
  async cancel(holderId: string, id: string): Promise<VoucherView> {
    const now = this.clock.now();
    const row = await this.vouchers.transaction(async (manager) => {
      const voucher = await this.vouchers.lock(manager, id, holderId);
      if (!voucher) throw new DomainError(ErrorCode.NOT_FOUND, 'No such voucher');
      if (voucher.status !== 'issued') {
        throw new DomainError(
          ErrorCode.WRONG_STATE,
          `A voucher that is ${voucher.status} cannot be cancelled`,
        );
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
  async closeLocked(
    manager: EntityManager,
    voucher: VoucherRow,
    to: 'cancelled' | 'expired',
    at: Date,
  ): Promise<void> {
    if (!(await this.vouchers.close(manager, voucher.id, to, at))) {
      throw new DomainError(ErrorCode.WRONG_STATE, 'The voucher changed meanwhile; reload it');
    }
    await this.audit.record(
      {
        action: `voucher.${to}`,
        result: 'success',
        objectType: 'voucher',
        objectId: voucher.id,
        detail: { code: voucher.code, programCode: voucher.programCode, releasedFen: voucher.reservedFen },
        ...(to === 'expired' ? { actor: null } : {}),
      },
      manager,
    );
    const released = await this.budget.releaseForVoucher(manager, voucher, voucher.reservedFen, to);
    if (!released) throw new Error(`voucher ${voucher.id}: the budget does not hold its reservation`);
  }

  /**
   * The voucher terms of a program and category, or the 4xx that says why there are none: unknown
   * program (404), no point of sale, a category the program does not subsidise, an amount without
   * an upper bound (422), lottery allocation (409, register instead).
   */
  terms(
    program: CurrentProgram | undefined,
    category: string,
    allocation: 'fcfs' | 'lottery' = 'fcfs',
  ): VoucherTerms {
    if (!program) throw new DomainError(ErrorCode.PROGRAM_NOT_FOUND, 'No such program');
    const { definition } = program;
    const max = maxSubsidyFen(definition.amount);
    const path = definition.historyFields?.category;
    if (!issuesVouchers(definition) || max === null || max <= 0 || !path) {
      throw new DomainError(ErrorCode.VOUCHERS_NOT_OFFERED, 'This program issues no point-of-sale vouchers');
    }
    const lottery = definition.settings.allocationMode === 'lottery';
    if (allocation === 'lottery' && !lottery) {
      throw new DomainError(
        ErrorCode.NOT_A_LOTTERY,
        'This program is first come, first served: take a voucher',
      );
    }
    if (allocation === 'fcfs' && lottery) {
      throw new DomainError(
        ErrorCode.LOTTERY_PROGRAM,
        'This program allocates vouchers by lottery: register for the round',
      );
    }
    if (!voucherCategories(definition).includes(category)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'The program does not subsidise this category', {
        fields: { category: FieldErrorCode.NOT_IN_OPTIONS },
      });
    }
    return { program, category, maxSubsidyFen: max, categoryPath: path.split('.') };
  }

  /**
   * Open for vouchers: today inside the window, and no pause in effect. A voucher is for a
   * purchase still to come, so a pause's grace (for purchases made before it) never applies.
   */
  checkOpen(program: CurrentProgram, pause: PauseRow | undefined): void {
    const today = this.clock.today();
    if (today < program.definition.opensOn || today > program.definition.closesOn) {
      throw new DomainError(ErrorCode.PROGRAM_CLOSED, 'The program is not open');
    }
    if (!pause) return;
    const now = this.clock.now();
    const decision = pauseDecision(
      { pausesAt: pause.pausesAt, graceDays: pause.graceDays, pauseDate: shanghaiDate(pause.pausesAt) },
      now,
      null,
    );
    if (decision === 'paused') {
      throw new DomainError(ErrorCode.PROGRAM_PAUSED, 'The program is paused and issues no new vouchers', {
        extra: { pause: publicPause(pause) },
      });
    }
  }

  /**
   * `voucherValidityDays` from now, but never past the end of the program's last day (Shanghai
   * time): a voucher cannot be redeemed in a program that has closed.
   */
  private expiryOf(definition: ProgramDefinition, now: Date): Date {
    const validUntil = now.getTime() + voucherValidityDays(definition) * DAY_MS;
    const programEnd = Date.parse(`${definition.closesOn}T23:59:59.999+08:00`);
    return new Date(Math.min(validUntil, programEnd));
  }

  private async view(
    row: Pick<
      VoucherRow,
      'id' | 'code' | 'programCode' | 'category' | 'maxSubsidyFen' | 'status' | 'expiresAt' | 'createdAt'
    > &
      Partial<Pick<VoucherRow, 'redeemedFen' | 'closedAt'>>,
  ): Promise<VoucherView> {
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
}

/** A code from the CSPRNG (node:crypto's randomInt draws without modulo bias). */
function newVoucherCode(): string {
  return voucherCodeFrom(Array.from({ length: 9 }, () => randomInt(31)));
}

/** The code's QR code as an SVG data URL (the till's camera reads the plain code). */
async function qrOf(code: string): Promise<string> {
  const svg = await QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
