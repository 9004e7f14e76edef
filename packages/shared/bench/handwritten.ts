/**
 * Hand-written TypeScript encoding the same rules as the `car-scrap-2026` and `appliance-2026` definitions —
 * the floor the engine is measured against. Same output shape, same missing-fact semantics (a clause is
 * unknown when a fact it needs on its evaluation path is missing). The agreement test and the bench check
 * that both give the same clause results, eligibility and amount for every input.
 */
import { percentOfFen } from '../src/money/money';
import {
  ClauseReason,
  COUNTED_HISTORY_STATUSES,
  type ClauseOutcome,
  type ClauseResult,
  type EligibilityContext,
  type EligibilityResult,
  type HistoryEntry,
} from '../src/eligibility/types';
import type { Provenance } from '../src/programs/types';
import { isIsoDate } from '../src/validators/dates';

type Facts = Record<string, Record<string, unknown> | undefined>;

// Local aliases, as in the engine: keeps module-interop getters (tsx, bundlers) off the hot path.
const isDate = isIsoDate;
const pct = percentOfFen;
const COUNTED = COUNTED_HISTORY_STATUSES;
const PASSED = ClauseReason.PASSED;
const NOT_APPLICABLE = ClauseReason.NOT_APPLICABLE;
const MISSING_FACTS = ClauseReason.MISSING_FACTS;
const HISTORY_UNAVAILABLE = ClauseReason.HISTORY_UNAVAILABLE;

const missing = (v: unknown): boolean => v === undefined || v === null || v === '';

class Collector {
  clauses: ClauseResult[] = [];
  failed = false;
  unknown = false;
  missingFacts: string[] = [];
  constructor(
    private readonly meta: ReadonlyArray<
      readonly [id: string, citation: string, provenance: Provenance, reason: string]
    >,
  ) {}
  add(i: number, result: ClauseOutcome, facts?: string[]): void {
    const [id, citation, provenance, failReason] = this.meta[i]!;
    let reason: string = PASSED;
    if (result === 'fail') {
      this.failed = true;
      reason = failReason;
    } else if (result === 'unknown') {
      this.unknown = true;
      if (facts && facts[0] === 'history') reason = HISTORY_UNAVAILABLE;
      else {
        reason = MISSING_FACTS;
        if (facts) this.missingFacts.push(...facts);
      }
    } else if (result === 'not_applicable') reason = NOT_APPLICABLE;
    this.clauses.push(
      facts
        ? { id, result, reason, citation, provenance, facts }
        : { id, result, reason, citation, provenance },
    );
  }
  finish(code: string, amount: number | undefined): EligibilityResult {
    const complete = this.failed || amount !== undefined;
    return {
      programCode: code,
      version: 1,
      eligible: !this.failed && !this.unknown,
      amountFen: this.failed || amount === undefined ? 0 : amount,
      amountComplete: complete,
      clauses: this.clauses,
      missingFacts: [...new Set(this.missingFacts)],
    };
  }
}

function between(d: unknown, from: string, to: string): boolean {
  return isDate(d) && from <= d && d <= to;
}

function counted(e: HistoryEntry): boolean {
  return COUNTED.has(e.status);
}

// ---------------------------------------------------------------------------------------------- car-scrap-2026
const C26 = '2026年国家以旧换新政策（新闻报道，待区商务服务中心确认）';
const CAR_META = [
  ['vehicle-type', C26, 'unverified', 'VEHICLE_TYPE_NOT_ELIGIBLE'],
  ['old-vehicle-age', C26, 'unverified', 'OLD_VEHICLE_TOO_NEW'],
  ['ownership', '样例：登记日期界限待区商务服务中心确定', 'sample', 'OWNERSHIP_TOO_RECENT'],
  ['scrapped-in-window', C26, 'unverified', 'SCRAPPED_OUTSIDE_WINDOW'],
  ['new-vehicle', C26, 'unverified', 'NEW_VEHICLE_NOT_ELIGIBLE'],
  ['nev-to-fuel', C26, 'unverified', 'NEV_TO_FUEL_NOT_ELIGIBLE'],
  ['purchase-in-window', C26, 'unverified', 'PURCHASE_OUTSIDE_WINDOW'],
  ['once-per-year', C26, 'unverified', 'ALREADY_SUBSIDISED'],
] as const;
const OPENS = '2026-01-01';
const CLOSES = '2026-12-31';

export function carScrap2026ByHand(facts: Facts, ctx: EligibilityContext): EligibilityResult {
  const ov = facts.oldVehicle ?? {};
  const sc = facts.scrap ?? {};
  const nv = facts.newVehicle ?? {};
  const c = new Collector(CAR_META);

  // vehicle-type
  if (missing(ov.vehicleType)) c.add(0, 'unknown', ['oldVehicle.vehicleType']);
  else
    c.add(0, ov.vehicleType === 'small_passenger' || ov.vehicleType === 'micro_passenger' ? 'pass' : 'fail');

  // old-vehicle-age
  if (missing(ov.fuelType))
    c.add(
      1,
      'unknown',
      missing(ov.firstRegisteredOn)
        ? ['oldVehicle.fuelType', 'oldVehicle.firstRegisteredOn']
        : ['oldVehicle.fuelType'],
    );
  else if (missing(ov.firstRegisteredOn)) c.add(1, 'unknown', ['oldVehicle.firstRegisteredOn']);
  else {
    const limit =
      ov.fuelType === 'gasoline' ? '2013-06-30' : ov.fuelType === 'nev' ? '2019-12-31' : '2015-06-30';
    c.add(1, isDate(ov.firstRegisteredOn) && ov.firstRegisteredOn <= limit ? 'pass' : 'fail');
  }

  // ownership
  if (missing(ov.ownerRegisteredOn)) c.add(2, 'unknown', ['oldVehicle.ownerRegisteredOn']);
  else c.add(2, isDate(ov.ownerRegisteredOn) && ov.ownerRegisteredOn < '2026-01-01' ? 'pass' : 'fail');

  // scrapped-in-window
  if (missing(sc.scrappedOn)) c.add(3, 'unknown', ['scrap.scrappedOn']);
  else c.add(3, between(sc.scrappedOn, OPENS, CLOSES) ? 'pass' : 'fail');

  // new-vehicle
  const pt = nv.powertrain;
  if (missing(pt)) c.add(4, 'unknown', ['newVehicle.powertrain']);
  else if (pt === 'nev') {
    if (missing(nv.inNevCatalogue)) c.add(4, 'unknown', ['newVehicle.inNevCatalogue']);
    else c.add(4, nv.inNevCatalogue === true ? 'pass' : 'fail');
  } else if (pt === 'fuel') {
    if (missing(nv.displacementL)) c.add(4, 'unknown', ['newVehicle.displacementL']);
    else c.add(4, typeof nv.displacementL === 'number' && nv.displacementL <= 2 ? 'pass' : 'fail');
  } else c.add(4, 'fail');

  // nev-to-fuel (applies when the old car is new-energy)
  if (missing(ov.fuelType)) c.add(5, 'unknown', ['oldVehicle.fuelType']);
  else if (ov.fuelType !== 'nev') c.add(5, 'not_applicable');
  else if (missing(pt)) c.add(5, 'unknown', ['newVehicle.powertrain']);
  else c.add(5, pt === 'nev' ? 'pass' : 'fail');

  // purchase-in-window
  if (missing(nv.invoiceDate)) c.add(6, 'unknown', ['newVehicle.invoiceDate']);
  else if (!between(nv.invoiceDate, OPENS, CLOSES)) c.add(6, 'fail');
  else if (missing(nv.registeredOn)) c.add(6, 'unknown', ['newVehicle.registeredOn']);
  else if (!between(nv.registeredOn, OPENS, CLOSES)) c.add(6, 'fail');
  else if (missing(nv.ownerIsApplicant)) c.add(6, 'unknown', ['newVehicle.ownerIsApplicant']);
  else c.add(6, nv.ownerIsApplicant === true ? 'pass' : 'fail');

  // once-per-year: no other car subsidy this year; new VIN and scrap certificate in no other claim
  const history = ctx.history;
  if (!history) c.add(7, 'unknown', ['history']);
  else {
    const stacked = (e: HistoryEntry): boolean => e.programCode === 'jinan-gasoline-scrap';
    let sameYear = 0;
    for (const e of history) {
      if (
        counted(e) &&
        e.sameApplicant !== false &&
        (e.programKind === 'car_scrap' || e.programKind === 'car_replace') &&
        !stacked(e) &&
        e.year === 2026
      )
        sameYear++;
    }
    if (sameYear > 0) c.add(7, 'fail');
    else if (missing(nv.vin)) c.add(7, 'unknown', ['newVehicle.vin']);
    else if (history.some((e) => counted(e) && !stacked(e) && e.keys.newVin === nv.vin)) c.add(7, 'fail');
    else if (missing(sc.certificateNo)) c.add(7, 'unknown', ['scrap.certificateNo']);
    else
      c.add(
        7,
        history.some((e) => counted(e) && !stacked(e) && e.keys.certificateNo === sc.certificateNo)
          ? 'fail'
          : 'pass',
      );
  }

  let amount: number | undefined;
  if (!c.failed) {
    const price = nv.priceFen;
    if (pt === 'nev' || pt === 'fuel') {
      if (typeof price === 'number' && Number.isSafeInteger(price)) {
        const [bp, cap] = pt === 'nev' ? [1200, 2_000_000] : [1000, 1_500_000];
        amount = Math.min(Math.max(0, pct(price, bp)), cap);
      } else if (missing(price)) c.missingFacts.push('newVehicle.priceFen');
    } else if (missing(pt)) c.missingFacts.push('newVehicle.powertrain');
    else amount = 0;
  }
  return c.finish('car-scrap-2026', amount);
}

// ---------------------------------------------------------------------------------------------- appliance-2026
const APPLIANCE_META = [
  ['category', C26, 'unverified', 'CATEGORY_NOT_ELIGIBLE'],
  ['efficiency-grade', C26, 'unverified', 'EFFICIENCY_GRADE_TOO_LOW'],
  ['purchase-in-window', C26, 'unverified', 'PURCHASE_OUTSIDE_WINDOW'],
  ['participating-dealer', C26, 'unverified', 'DEALER_NOT_PARTICIPATING'],
  ['old-item-handed-in', C26, 'unverified', 'OLD_ITEM_NOT_HANDED_IN'],
  ['quota', C26, 'unverified', 'QUOTA_EXCEEDED'],
  ['unique-claim', C26, 'unverified', 'ALREADY_CLAIMED'],
] as const;
const CATEGORIES_2026 = new Set([
  'refrigerator',
  'washing_machine',
  'television',
  'air_conditioner',
  'computer',
  'water_heater',
]);

export function appliance2026ByHand(facts: Facts, ctx: EligibilityContext): EligibilityResult {
  const item = facts.item ?? {};
  const c = new Collector(APPLIANCE_META);

  if (missing(item.category)) c.add(0, 'unknown', ['item.category']);
  else c.add(0, CATEGORIES_2026.has(item.category as string) ? 'pass' : 'fail');

  if (missing(item.efficiencyGrade)) c.add(1, 'unknown', ['item.efficiencyGrade']);
  else c.add(1, item.efficiencyGrade === 1 || item.efficiencyGrade === 2 ? 'pass' : 'fail');

  if (missing(item.invoiceDate)) c.add(2, 'unknown', ['item.invoiceDate']);
  else c.add(2, between(item.invoiceDate, OPENS, CLOSES) ? 'pass' : 'fail');

  const dealers = ctx.participatingDealers;
  if (missing(item.dealerUscc) || !dealers) {
    c.add(3, 'unknown', [
      ...(missing(item.dealerUscc) ? ['item.dealerUscc'] : []),
      ...(dealers ? [] : ['participatingDealers']),
    ]);
  } else c.add(3, dealers.includes(item.dealerUscc as string) ? 'pass' : 'fail');

  c.add(4, 'not_applicable'); // oldItemRequired is off in appliance-2026

  const history = ctx.history;
  if (!history) c.add(5, 'unknown', ['history']);
  else if (missing(item.category)) c.add(5, 'unknown', ['item.category']);
  else {
    let n = 0;
    for (const e of history)
      if (
        counted(e) &&
        e.sameApplicant !== false &&
        e.programCode === 'appliance-2026' &&
        e.category === item.category
      )
        n++;
    c.add(5, n < (item.category === 'air_conditioner' ? 3 : 1) ? 'pass' : 'fail');
  }

  if (!history) c.add(6, 'unknown', ['history']);
  else if (missing(item.invoiceNo)) c.add(6, 'unknown', ['item.invoiceNo']);
  else if (history.some((e) => counted(e) && e.keys.invoiceNo === item.invoiceNo)) c.add(6, 'fail');
  else if (missing(item.serialNo)) c.add(6, 'unknown', ['item.serialNo']);
  else c.add(6, history.some((e) => counted(e) && e.keys.serialNo === item.serialNo) ? 'fail' : 'pass');

  let amount: number | undefined;
  if (!c.failed) {
    const price = item.priceFen;
    if (typeof price === 'number' && Number.isSafeInteger(price))
      amount = Math.min(Math.max(0, pct(price, 1500)), 150_000);
    else if (missing(price)) c.missingFacts.push('item.priceFen');
  }
  return c.finish('appliance-2026', amount);
}
