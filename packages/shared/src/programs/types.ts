/**
 * Program definitions: data, not code (programs.md). A definition is validated by
 * `program-definition.schema.json` plus semantic checks in `loadProgramDefinition`, and evaluated by
 * `evaluateEligibility`. Rules are JsonLogic with the domain operators documented in `eligibility/RULES.md`.
 */

export interface LocalizedText {
  zh: string;
  en: string;
}

export type Provenance = 'sourced' | 'unverified' | 'sample';

export const PROGRAM_KINDS = [
  'car_scrap',
  'car_replace',
  'car_local_scrap',
  'goods',
  'digital',
  'home_renovation',
  'elderly_retrofit',
  'elderly_household',
  'ebike',
] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];

export const FACT_TYPES = ['string', 'date', 'integer', 'money', 'boolean', 'enum', 'number'] as const;
export type FactType = (typeof FACT_TYPES)[number];

/** Identifier validators a fact field can name (see validators/). */
export const FACT_VALIDATORS = [
  'residentId',
  'uscc',
  'vin-old',
  'vin-new',
  'plate',
  'invoiceNo',
  'bankCard',
  'mobile',
] as const;
export type FactValidatorName = (typeof FACT_VALIDATORS)[number];

/** A JsonLogic rule (plain JSON). */
export type Rule = null | boolean | number | string | Rule[] | { [operator: string]: Rule };

export interface FactOption {
  value: string;
  label: LocalizedText;
}

export interface FactField {
  /** Dotted path into the facts object, e.g. `oldVehicle.vin`. The first segment is the group. */
  path: string;
  /** Form section, e.g. `oldVehicle`, `scrap`, `newVehicle`, `item`. */
  group: string;
  type: FactType;
  label: LocalizedText;
  help?: LocalizedText;
  /** For `enum`: the allowed values with labels. */
  options?: FactOption[];
  validator?: FactValidatorName;
  /** Needed to submit a claim (the form marks it). Missing facts are still allowed in a pre-check. */
  required?: boolean;
  /** For integer / money / number. */
  min?: number;
  max?: number;
}

export const DOCUMENT_KINDS = [
  'id_card',
  'old_vehicle_registration',
  'scrap_certificate',
  'deregistration_certificate',
  'transfer_record',
  'new_vehicle_invoice',
  'new_vehicle_registration',
  'bank_card',
  'invoice',
  'energy_label_photo',
  'serial_number_photo',
  'recycling_receipt',
  'property_certificate',
  'assistance_certificate',
  'elder_condition_proof',
  'product_certificate',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentRequirement {
  kind: DocumentKind;
  title: LocalizedText;
  required: boolean;
}

/**
 * Keys the server indexes for cross-claim lookups. `unique: 'global'` = can back one claim only across all
 * programs (unless the other program is in `stacksWith`); `'program'` = once within this program; `'none'` =
 * recorded for history queries only (e.g. the household's property certificate).
 */
export const CLAIM_KEY_NAMES = [
  'newVin',
  'oldVin',
  'certificateNo',
  'invoiceNo',
  'serialNo',
  'propertyCertificateNo',
] as const;
export type ClaimKeyName = (typeof CLAIM_KEY_NAMES)[number];

export interface ClaimKey {
  name: ClaimKeyName;
  /** The fact path holding the key, e.g. `newVehicle.vin`. */
  path: string;
  unique: 'global' | 'program' | 'none';
}

export interface ClauseDefinition {
  /** kebab-case, unique in the program, e.g. `old-vehicle-age`. */
  id: string;
  title: LocalizedText;
  /** The policy document, e.g. `商办消费函〔2025〕8号`. */
  citation: string;
  provenance: Provenance;
  /** When given and false, the clause is `not_applicable`. */
  applicability?: Rule;
  /** Truthy = pass. */
  test: Rule;
  /** The code reported when the test fails, e.g. `OLD_VEHICLE_TOO_NEW`. */
  reason: string;
  /** The clause reads `history` (historyCount / historySum); it is `unknown` for an anonymous caller. */
  usesHistory?: boolean;
}

/** Which history entries a history query counts. See RULES.md. */
export interface HistoryFilter {
  /** `same` = this program's code, `other` = any other program, `any` (default). */
  program?: 'same' | 'other' | 'any';
  /** Restrict to these program kinds. */
  kinds?: ProgramKind[];
  /** `applicant` (default) = the caller's own claims; `all` = also other people's claims that share a key. */
  scope?: 'applicant' | 'all';
  /** Ignore claims of the programs listed in this program's `stacksWith`. */
  excludeStacking?: boolean;
  /** Entry field → rule giving the value it must equal: `year`, `category`, `type` or a claim key name. */
  where?: { [field: string]: Rule };
}

export interface HistoryCap {
  id: string;
  limitFen: number;
  filter: HistoryFilter;
}

/** The amount formula: data, evaluated by the engine. Every result is clamped to ≥ 0. */
export type AmountFormula =
  | { type: 'fixed'; fen: number }
  | { type: 'percent'; of: Rule; basisPoints: number; capFen?: number }
  | { type: 'actual'; of: Rule; capFen?: number }
  | { type: 'bands'; by: Rule; bands: Array<{ minFen: number; formula: AmountFormula }> }
  | { type: 'stages'; by: Rule; stages: Array<{ through?: string; formula: AmountFormula }> }
  | { type: 'choose'; cases: Array<{ when: Rule; formula: AmountFormula }>; otherwise?: AmountFormula }
  | { type: 'sum'; parts: AmountFormula[] }
  | { type: 'capped'; formula: AmountFormula; capFen?: number; historyCaps?: HistoryCap[] };

export interface ServiceLevels {
  acceptDays: number;
  reviewDays: number;
  payDays: number;
}

export interface ProgramSettings {
  /** Claims at or above this amount need a second approver (four eyes). */
  twoPersonThresholdFen: number;
  draftExpiryDays: number;
  returnedExpiryDays: number;
  /** Goods programs: how long a reserved voucher stays valid. */
  voucherValidityDays?: number;
  serviceLevels: ServiceLevels;
  claimModes: Array<'point_of_sale' | 'after_purchase'>;
  /** Goods: switches the `old-item-handed-in` clause on. */
  oldItemRequired?: boolean;
  /** Goods: days after delivery during which the item may be returned; paid only after (default 7). */
  returnWindowDays?: number;
  /**
   * Point of sale: how vouchers are allocated (operations.md §5). `fcfs` (the default): first come,
   * first served; `lottery`: residents register during a round and winners are drawn.
   */
  allocationMode?: 'fcfs' | 'lottery';
  /** Lottery allocation: rounds of `roundDays` from `opensOn`, drawn at `drawTime` (HH:MM Shanghai) on the closing day. */
  lottery?: { roundDays: number; drawTime: string };
}

export interface ProgramDefinition {
  code: string;
  version: number;
  title: LocalizedText;
  summary?: LocalizedText;
  kind: ProgramKind;
  /** Inclusive window, `YYYY-MM-DD` (Asia/Shanghai calendar dates). */
  opensOn: string;
  closesOn: string;
  budget: { totalFen: number };
  /** Program codes whose claims may share this program's keys (and the once-per-year count). */
  stacksWith: string[];
  claimKeys: ClaimKey[];
  /** Which fact paths give a claim's `category` and `type` in the history (goods, home). */
  historyFields?: { category?: string; type?: string };
  documents: DocumentRequirement[];
  factFields: FactField[];
  clauses: ClauseDefinition[];
  amount: AmountFormula;
  /** Where the amount figures come from. */
  amountSource: { citation: string; provenance: Provenance };
  settings: ProgramSettings;
}
