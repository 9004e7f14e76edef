import { maxAmountFen } from './eligibility/engine';
import type { AmountFormula, ProgramDefinition } from './programs/types';

/**
 * Point-of-sale vouchers (operations.md §5): a resident takes one per program and category; it
 * reserves the category's maximum subsidy until a dealer redeems it at the till, the resident
 * cancels it or it expires.
 */
export const VOUCHER_STATUSES = ['issued', 'redeemed', 'expired', 'cancelled'] as const;
export type VoucherStatus = (typeof VOUCHER_STATUSES)[number];

/**
 * The statuses that use up quota: a live voucher, and a redeemed one — even when the goods were
 * later returned (the voucher stays `redeemed`). Cancelled and expired vouchers give it back.
 */
export const VOUCHER_COUNTING_STATUSES: readonly VoucherStatus[] = ['issued', 'redeemed'];

/** How long a voucher is valid when the program sets no `voucherValidityDays` (§5: Jinan's 泉城购, 2 days). */
export const DEFAULT_VOUCHER_VALIDITY_DAYS = 2;

/** Vouchers per person, program and category (§5): one, air conditioners three. */
export const VOUCHER_QUOTA: Readonly<Record<string, number>> = { air_conditioner: 3 };
export const DEFAULT_VOUCHER_QUOTA = 1;

export function voucherQuota(category: string): number {
  return VOUCHER_QUOTA[category] ?? DEFAULT_VOUCHER_QUOTA;
}

/** How long before its expiry the holder is told (once) that a voucher is about to lapse. */
export const VOUCHER_REMINDER_MS = 24 * 3600_000;

export function voucherValidityDays(definition: Pick<ProgramDefinition, 'settings'>): number {
  return definition.settings.voucherValidityDays ?? DEFAULT_VOUCHER_VALIDITY_DAYS;
}

/** A program issues vouchers when residents may claim at the point of sale. */
export function issuesVouchers(definition: Pick<ProgramDefinition, 'settings'>): boolean {
  return definition.settings.claimModes.includes('point_of_sale');
}

/**
 * The categories a voucher may be taken for: the options of the fact the program's history counts
 * as the category (`historyFields.category`, e.g. `item.category`). Empty when it has none.
 */
export function voucherCategories(
  definition: Pick<ProgramDefinition, 'historyFields' | 'factFields'>,
): string[] {
  const path = definition.historyFields?.category;
  if (!path) return [];
  const field = definition.factFields.find((candidate) => candidate.path === path);
  return field?.options?.map((option) => option.value) ?? [];
}

/**
 * What a voucher reserves: the most the program's amount formula can ever give (the engine's
 * `maxAmountFen`); redemption shrinks the reservation to the engine's answer for the sale. `null`
 * for a formula without an upper bound (a valid definition has none: `loadProgramDefinition`
 * refuses it), so nothing unbounded is ever reserved.
 */
export function maxSubsidyFen(formula: AmountFormula): number | null {
  const max = maxAmountFen(formula);
  return Number.isFinite(max) ? max : null;
}

/**
 * Voucher codes: 10 characters read aloud at the till, from an alphabet without look-alikes
 * (no 0/O, 1/I/L): 9 random characters and a check character (weighted sum mod 31), so a typo
 * of one character or a swap of two neighbours is caught before any lookup. Shown in groups
 * of four, three, three (`HX7K-3MQ-PD9`) and accepted with or without the dashes.
 */
export const VOUCHER_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const VOUCHER_CODE_PATTERN = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/;

export function voucherCheckCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    const value = VOUCHER_CODE_ALPHABET.indexOf(body[i]!);
    if (value < 0) throw new Error(`not a voucher code character: ${body[i]}`);
    sum += value * (i + 1);
  }
  return VOUCHER_CODE_ALPHABET[sum % VOUCHER_CODE_ALPHABET.length]!;
}

/** A code from 9 random values in [0, 31) (the caller draws them from a CSPRNG). */
export function voucherCodeFrom(randomValues: readonly number[]): string {
  if (randomValues.length !== 9) throw new Error('a voucher code needs 9 random values');
  const body = randomValues.map((value) => VOUCHER_CODE_ALPHABET[value % 31]!).join('');
  return body + voucherCheckCharacter(body);
}

/** The canonical code of what was typed (upper case, no spaces or dashes), or null when it is not one. */
export function normalizeVoucherCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (!VOUCHER_CODE_PATTERN.test(code)) return null;
  return voucherCheckCharacter(code.slice(0, 9)) === code[9] ? code : null;
}

/** `HX7K3MQPD9` → `HX7K-3MQ-PD9` (groups of 4, 3, 3) for reading aloud. */
export function formatVoucherCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 7)}-${code.slice(7)}`;
}

/** One voucher as its holder sees it (`POST /api/vouchers`, `GET /api/vouchers`). */
export interface VoucherView {
  id: string;
  /** The code the dealer types (10 characters, see `formatVoucherCode`). */
  code: string;
  programCode: string;
  category: string;
  /** What the voucher reserves: the most the program can give for the category. */
  maxSubsidyFen: number;
  expiresAt: string;
  status: VoucherStatus;
  /** An SVG data URL of the code's QR code while the voucher can be redeemed; null otherwise. */
  qr: string | null;
  createdAt: string;
  /** A redeemed voucher: the subsidy granted at the till (the engine's answer for the sale). */
  redeemedFen?: number;
  /** A redeemed voucher: when the dealer redeemed it. */
  redeemedAt?: string;
}

/** `GET /api/vouchers/offers`: a program that issues vouchers now, and what for. */
export interface VoucherOffer {
  programCode: string;
  title: { zh: string; en: string };
  /** `fcfs`: take one now; `lottery`: register for the round instead. */
  allocationMode: 'fcfs' | 'lottery';
  /** What a voucher reserves (the most the program gives per item). */
  maxSubsidyFen: number;
  validityDays: number;
  categories: { value: string; label: { zh: string; en: string }; quota: number }[];
}

export interface CreateVoucherRequest {
  programCode: string;
  category: string;
}
