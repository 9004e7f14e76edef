import type { LocalizedText, ProgramDefinition } from './types';

/** Where the money of a tranche comes from (operations.md §8). */
export const TRANCHE_SOURCES = ['central', 'province', 'city', 'district'] as const;
export type TrancheSource = (typeof TRANCHE_SOURCES)[number];

/** The least notice a pause needs while the program still has money (operations.md §8). */
export const PAUSE_NOTICE_HOURS = 72;
/** The grace period a pause gives purchases made before it, unless the notice says otherwise. */
export const DEFAULT_GRACE_DAYS = 30;

/** A program's announced pause as the public pages show it (`GET /api/programs`, `/stats`). */
export interface ProgramPause {
  /** From this instant new claims are refused (ISO-8601). */
  pausesAt: string;
  /** Purchases made before the pause may still be claimed for this many days after it. */
  graceDays: number;
  /** `pausesAt` + `graceDays`: after this instant nothing new is accepted (ISO-8601). */
  graceUntil: string;
  notice: LocalizedText;
  announcedAt: string;
}

const DAY_MS = 86_400_000;

export function graceUntil(pausesAt: Date, graceDays: number): Date {
  return new Date(pausesAt.getTime() + graceDays * DAY_MS);
}

/**
 * The fact that dates a claim's purchase, in order of preference: the invoice of the item or of the
 * new car; for a scrap-only program (no purchase) the scrapping itself. Only paths the program uses.
 */
const PURCHASE_DATE_PATHS = ['item.invoiceDate', 'newVehicle.invoiceDate', 'scrap.scrappedOn'] as const;

export function purchaseDateOf(
  definition: Pick<ProgramDefinition, 'factFields'>,
  facts: Record<string, unknown>,
): string | null {
  for (const path of PURCHASE_DATE_PATHS) {
    if (!definition.factFields.some((field) => field.path === path)) continue;
    const [group, name] = path.split('.') as [string, string];
    const value = (facts[group] as Record<string, unknown> | undefined)?.[name];
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  }
  return null;
}

export type PauseDecision = 'open' | 'grace' | 'paused';

/**
 * Whether a NEW claim may be submitted at `now` under an announced pause (operations.md §8):
 * before `pausesAt` the program is open; from then on only a purchase made before the pause
 * (its date before the pause's Shanghai calendar date) may be claimed, until `graceUntil`;
 * anything else is paused. Claims already in flight (returned for correction) are not new claims
 * and keep going whatever this says.
 */
export function pauseDecision(
  pause: { pausesAt: Date; graceDays: number; pauseDate: string },
  now: Date,
  purchaseDate: string | null,
): PauseDecision {
  if (now.getTime() < pause.pausesAt.getTime()) return 'open';
  if (
    purchaseDate !== null &&
    purchaseDate < pause.pauseDate &&
    now.getTime() < graceUntil(pause.pausesAt, pause.graceDays).getTime()
  )
    return 'grace';
  return 'paused';
}
