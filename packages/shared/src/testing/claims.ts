/**
 * One eligible claim per 2026 program kind: facts a resident could submit, the context in which the shared
 * engine finds every clause passing (a signed-in resident with no other claims, the participating dealer),
 * and the amount it earns. `test/testing.spec.ts` evaluates each one with `evaluateEligibility`, so a rule
 * change that breaks a fixture fails there first, not in every suite that uses it.
 *
 * Use `eligibleClaim(name)`: it returns a fresh copy, optionally with some facts changed.
 */
import type { EligibilityContext } from '../eligibility/types';
import type { CatalogueProgramCode } from '../programs/catalogue';
import type { ProgramKind } from '../programs/types';

/** The seeded participating appliance retailer 章丘示例家电商城 (api-contract.md, demo accounts). */
export const DEMO_DEALER_USCC = '91370114MA3C5T8X1Q';

/** VINs with correct check digits (ISO 3779, `computeVinCheckDigit`). */
export const OLD_VEHICLE_VIN = 'LSJA24U62JG269225';
export const NEW_VEHICLE_VIN = 'LDC613P23A1305189';

export interface EligibleClaim<F extends ClaimFacts = ClaimFacts> {
  programCode: CatalogueProgramCode;
  kind: ProgramKind;
  facts: F;
  /** Every clause passes or does not apply in this context. */
  context: EligibilityContext;
  /** What the engine pays for these facts. */
  amountFen: number;
}

export type ClaimFacts = Record<string, Record<string, unknown>>;

const oldVehicle = {
  vin: OLD_VEHICLE_VIN,
  plate: '鲁A12345',
  vehicleType: 'small_passenger',
  fuelType: 'gasoline',
  ownerRegisteredOn: '2015-06-01',
};

/** A 2026 new-energy car: 150,000 yuan, in the NEV catalogue, registered to the applicant. */
const newNev = {
  vin: NEW_VEHICLE_VIN,
  powertrain: 'nev',
  inNevCatalogue: true,
  priceFen: 15_000_000,
  invoiceNo: '26370000000012345678',
  invoiceDate: '2026-03-10',
  registeredOn: '2026-03-12',
  ownerIsApplicant: true,
};

const signedIn = (asOf: string, extra: Partial<EligibilityContext> = {}): EligibilityContext => ({
  asOf,
  history: [],
  ...extra,
});

const CLAIMS = {
  /** car-scrap-2026: a 2012 gasoline car scrapped, a new-energy car bought → 12 % of the price. */
  carScrap: {
    programCode: 'car-scrap-2026',
    kind: 'car_scrap',
    facts: {
      oldVehicle: { ...oldVehicle, firstRegisteredOn: '2012-03-15' },
      scrap: { certificateNo: 'BF2026-0001234', scrappedOn: '2026-03-02', deregisteredOn: '2026-03-05' },
      newVehicle: newNev,
    },
    context: signedIn('2026-05-01'),
    amountFen: 1_800_000,
  },
  /** car-scrap-2026 again, with a 1.5 L fuel car bought instead → 10 % of 120,000 yuan. */
  carScrapFuel: {
    programCode: 'car-scrap-2026',
    kind: 'car_scrap',
    facts: {
      oldVehicle: { ...oldVehicle, firstRegisteredOn: '2012-03-15' },
      scrap: { certificateNo: 'BF2026-0001234', scrappedOn: '2026-03-02', deregisteredOn: '2026-03-05' },
      newVehicle: {
        vin: NEW_VEHICLE_VIN,
        powertrain: 'fuel',
        displacementL: 1.5,
        priceFen: 12_000_000,
        invoiceNo: '26370000000012345678',
        invoiceDate: '2026-03-10',
        registeredOn: '2026-03-12',
        ownerIsApplicant: true,
      },
    },
    context: signedIn('2026-05-01'),
    amountFen: 1_200_000,
  },
  /** car-replace-2026: the old car transferred (sold) away, a new-energy car bought. */
  carReplace: {
    programCode: 'car-replace-2026',
    kind: 'car_replace',
    facts: {
      oldVehicle: { ...oldVehicle },
      transfer: { transferredOn: '2026-02-20' },
      newVehicle: newNev,
    },
    context: signedIn('2026-05-01'),
    amountFen: 1_200_000,
  },
  /** appliance-2026: a grade-1 refrigerator at 5,000 yuan from the demo dealer → 15 %. */
  appliance: {
    programCode: 'appliance-2026',
    kind: 'goods',
    facts: {
      item: {
        category: 'refrigerator',
        efficiencyGrade: 1,
        priceFen: 500_000,
        invoiceNo: '26370000000000000200',
        invoiceDate: '2026-04-20',
        serialNo: 'SN-0001',
        dealerUscc: DEMO_DEALER_USCC,
      },
    },
    context: signedIn('2026-05-01', { participatingDealers: [DEMO_DEALER_USCC] }),
    amountFen: 75_000,
  },
  /** digital-2026: a 2,000 yuan phone → 15 %. */
  digital: {
    programCode: 'digital-2026',
    kind: 'digital',
    facts: {
      item: {
        category: 'phone',
        priceFen: 200_000,
        invoiceNo: '26370000000000000250',
        invoiceDate: '2026-04-20',
        serialNo: 'IMEI-0001',
        dealerUscc: DEMO_DEALER_USCC,
      },
    },
    context: signedIn('2026-05-01', { participatingDealers: [DEMO_DEALER_USCC] }),
    amountFen: 30_000,
  },
  /** home-renovation-2026: a smart toilet, 6,000 yuan plus 1,000 yuan labour, in the resident's own home. */
  homeRenovation: {
    programCode: 'home-renovation-2026',
    kind: 'home_renovation',
    facts: {
      item: {
        category: 'sanitary_ware',
        type: 'smart_toilet',
        priceFen: 600_000,
        labourFen: 100_000,
        invoiceNo: '26370000000000000300',
        invoiceDate: '2026-04-01',
        dealerUscc: DEMO_DEALER_USCC,
      },
      home: { propertyCertificateNo: '鲁(2019)章丘区不动产权第0001234号', ownedByApplicant: true },
    },
    context: signedIn('2026-04-02', { participatingDealers: [DEMO_DEALER_USCC] }),
    amountFen: 75_000,
  },
  /** elderly-retrofit-2026: grab bars for a resident who turned 60 on 2026-03-01. */
  elderlyRetrofit: {
    programCode: 'elderly-retrofit-2026',
    kind: 'elderly_retrofit',
    facts: {
      item: {
        category: 'grab_bar',
        priceFen: 200_000,
        invoiceNo: '26370000000000000400',
        invoiceDate: '2026-03-01',
      },
    },
    context: signedIn('2026-03-05', { applicant: { birthDate: '1966-03-01' } }),
    amountFen: 60_000,
  },
  /** ebike-2026: a lithium e-bike handed in for recycling, a standard lead-acid one bought. */
  ebike: {
    programCode: 'ebike-2026',
    kind: 'ebike',
    facts: {
      oldItem: { handedIn: true, recyclingReceiptNo: 'HS-2026-1', batteryType: 'lithium' },
      item: {
        meetsStandard: true,
        batteryType: 'lead_acid',
        priceFen: 200_000,
        invoiceNo: '26370000000000000600',
        invoiceDate: '2026-06-01',
        serialNo: 'EB-1',
        dealerUscc: DEMO_DEALER_USCC,
      },
    },
    context: signedIn('2026-06-02', { participatingDealers: [DEMO_DEALER_USCC] }),
    amountFen: 60_000,
  },
} satisfies Record<string, EligibleClaim>;

type Claims = typeof CLAIMS;
export type EligibleClaimName = keyof Claims;
export const ELIGIBLE_CLAIM_NAMES = Object.keys(CLAIMS) as EligibleClaimName[];

/** `"group.key"` → value; `undefined` removes the fact. */
export type FactChanges = Record<string, unknown>;

/** Fixtures are plain JSON: a JSON round trip is a deep copy (this package has no DOM or Node types). */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A deep copy of `facts` with `changes` applied. */
export function withFactChanges<F extends ClaimFacts>(facts: F, changes: FactChanges = {}): F {
  const out = copy(facts);
  for (const [path, value] of Object.entries(changes)) {
    const [group, key, ...rest] = path.split('.');
    if (!group || !key || rest.length > 0) throw new RangeError(`a fact path is "group.key": ${path}`);
    const target = ((out as ClaimFacts)[group] ??= {});
    if (value === undefined) delete target[key];
    else target[key] = value;
  }
  return out;
}

/** A fresh copy of the named eligible claim; `changes` alter its facts (the amount is then yours to check). */
export function eligibleClaim<N extends EligibleClaimName>(name: N, changes?: FactChanges): Claims[N] {
  const claim = copy(CLAIMS[name]);
  return changes ? { ...claim, facts: withFactChanges(claim.facts, changes) } : claim;
}
