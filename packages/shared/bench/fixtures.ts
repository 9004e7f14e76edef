/**
 * Realistic mixed fact sets for car-scrap-2026 and appliance-2026: eligible, ineligible (each clause failing)
 * and with missing facts, signed in (with history) and anonymous. Deterministic (seeded), shared by the bench
 * and the agreement test.
 */
import type { EligibilityContext, HistoryEntry } from '../src/eligibility/types';

export interface Case {
  label: string;
  facts: Record<string, Record<string, unknown>>;
  context: EligibilityContext;
}

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)] as T;
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function deletePath(facts: Record<string, Record<string, unknown>>, path: string): void {
  const [group, key] = path.split('.') as [string, string];
  const g = facts[group];
  if (g) delete g[key];
}

const CAR_HISTORY: HistoryEntry[] = [
  {
    programCode: 'appliance-2026',
    programKind: 'goods',
    status: 'paid',
    year: 2026,
    amountFen: 150_000,
    category: 'television',
    keys: { invoiceNo: '26370000000000000999', serialNo: 'TV-1' },
  },
  {
    programCode: 'car-scrap-2025',
    programKind: 'car_scrap',
    status: 'paid',
    year: 2025,
    amountFen: 2_000_000,
    keys: { newVin: 'LSVAA4182E2100001', certificateNo: 'BF2025-1' },
  },
];
const CAR_HISTORY_USED: HistoryEntry[] = [
  ...CAR_HISTORY,
  {
    programCode: 'car-replace-2026',
    programKind: 'car_replace',
    status: 'approved',
    year: 2026,
    amountFen: 1_000_000,
    keys: { newVin: 'LSVAA4182E2100002' },
  },
];
const CAR_HISTORY_STACKED: HistoryEntry[] = [
  ...CAR_HISTORY,
  {
    programCode: 'jinan-gasoline-scrap',
    programKind: 'car_local_scrap',
    status: 'submitted',
    year: 2026,
    amountFen: 300_000,
    keys: { oldVin: 'LSJA24U62JG269225', certificateNo: 'BF2026-0001' },
  },
  {
    programCode: 'car-scrap-2026',
    programKind: 'car_scrap',
    status: 'rejected',
    year: 2026,
    amountFen: 1_500_000,
    keys: { newVin: 'LDC613P23A1305189' },
  },
];

const carBase = {
  oldVehicle: {
    vin: 'LSJA24U62JG269225',
    plate: '鲁A12345',
    vehicleType: 'small_passenger',
    fuelType: 'gasoline',
    firstRegisteredOn: '2012-05-01',
    ownerRegisteredOn: '2019-04-01',
  },
  scrap: { certificateNo: 'BF2026-0001', scrappedOn: '2026-03-01', deregisteredOn: '2026-03-03' },
  newVehicle: {
    vin: 'LDC613P23A1305189',
    powertrain: 'nev',
    inNevCatalogue: true,
    priceFen: 15_980_000,
    invoiceNo: '26370000000000000001',
    invoiceDate: '2026-03-05',
    registeredOn: '2026-03-10',
    ownerIsApplicant: true,
  },
};

const CAR_FAILS: Array<[string, (f: typeof carBase) => void]> = [
  [
    'other vehicle type',
    (f) => {
      f.oldVehicle.vehicleType = 'other';
    },
  ],
  [
    'gasoline too new',
    (f) => {
      f.oldVehicle.firstRegisteredOn = '2013-07-01';
    },
  ],
  [
    'diesel too new',
    (f) => {
      f.oldVehicle.fuelType = 'diesel';
      f.oldVehicle.firstRegisteredOn = '2015-07-01';
    },
  ],
  [
    'owner too recent',
    (f) => {
      f.oldVehicle.ownerRegisteredOn = '2026-01-01';
    },
  ],
  [
    'scrapped 2025',
    (f) => {
      f.scrap.scrappedOn = '2025-12-31';
    },
  ],
  [
    'not in catalogue',
    (f) => {
      f.newVehicle.inNevCatalogue = false;
    },
  ],
  [
    'fuel 2.4 L',
    (f) => {
      Object.assign(f.newVehicle, { powertrain: 'fuel', displacementL: 2.4 });
    },
  ],
  [
    'nev to fuel',
    (f) => {
      f.oldVehicle.fuelType = 'nev';
      f.oldVehicle.firstRegisteredOn = '2019-01-01';
      Object.assign(f.newVehicle, { powertrain: 'fuel', displacementL: 1.5 });
    },
  ],
  [
    'invoice 2027',
    (f) => {
      f.newVehicle.invoiceDate = '2027-01-01';
    },
  ],
  [
    'registered to someone else',
    (f) => {
      f.newVehicle.ownerIsApplicant = false;
    },
  ],
];
const CAR_VARIANTS: Array<[string, (f: typeof carBase) => void]> = [
  [
    'nev cheap',
    (f) => {
      f.newVehicle.priceFen = 9_999_999;
    },
  ],
  [
    'nev expensive',
    (f) => {
      f.newVehicle.priceFen = 35_000_000;
    },
  ],
  [
    'fuel 1.5 L',
    (f) => {
      Object.assign(f.newVehicle, { powertrain: 'fuel', displacementL: 1.5, priceFen: 12_345_678 });
    },
  ],
  [
    'fuel 2.0 L expensive',
    (f) => {
      Object.assign(f.newVehicle, { powertrain: 'fuel', displacementL: 2.0, priceFen: 25_000_000 });
    },
  ],
  [
    'old nev',
    (f) => {
      f.oldVehicle.fuelType = 'nev';
      f.oldVehicle.firstRegisteredOn = '2019-12-31';
    },
  ],
  [
    'old diesel',
    (f) => {
      f.oldVehicle.fuelType = 'diesel';
      f.oldVehicle.firstRegisteredOn = '2015-06-30';
    },
  ],
];
const CAR_PATHS = [
  'oldVehicle.vehicleType',
  'oldVehicle.fuelType',
  'oldVehicle.firstRegisteredOn',
  'oldVehicle.ownerRegisteredOn',
  'scrap.scrappedOn',
  'scrap.certificateNo',
  'newVehicle.vin',
  'newVehicle.powertrain',
  'newVehicle.inNevCatalogue',
  'newVehicle.priceFen',
  'newVehicle.invoiceDate',
  'newVehicle.registeredOn',
  'newVehicle.ownerIsApplicant',
];

export function carScrapCases(n = 400, seed = 2026): Case[] {
  const r = rng(seed);
  const histories: Array<readonly HistoryEntry[] | undefined> = [
    CAR_HISTORY,
    CAR_HISTORY,
    CAR_HISTORY_STACKED,
    CAR_HISTORY_USED,
    undefined,
    [],
  ];
  const out: Case[] = [];
  for (let i = 0; i < n; i++) {
    const f = clone(carBase);
    const kind = i % 4;
    let label = 'eligible';
    const v = pick(r, CAR_VARIANTS);
    v[1](f);
    label += `/${v[0]}`;
    if (kind === 1) {
      const fl = pick(r, CAR_FAILS);
      fl[1](f);
      label = `ineligible/${fl[0]}`;
    } else if (kind === 2) {
      const count = 1 + Math.floor(r() * 3);
      const removed: string[] = [];
      for (let k = 0; k < count; k++) {
        const p = pick(r, CAR_PATHS);
        deletePath(f as unknown as Record<string, Record<string, unknown>>, p);
        removed.push(p);
      }
      label = `missing/${removed.join(',')}`;
    }
    const history = pick(r, histories);
    out.push({
      label: `${label}${history ? '' : '/anonymous'}`,
      facts: f as unknown as Case['facts'],
      context: { asOf: '2026-04-01', ...(history ? { history } : {}) },
    });
  }
  return out;
}

const APPLIANCE_HISTORY: HistoryEntry[] = [
  {
    programCode: 'appliance-2026',
    programKind: 'goods',
    status: 'paid',
    year: 2026,
    amountFen: 120_000,
    category: 'refrigerator',
    keys: { invoiceNo: '26370000000000000100', serialNo: 'FR-100' },
  },
  {
    programCode: 'appliance-2026',
    programKind: 'goods',
    status: 'voucher_redeemed',
    year: 2026,
    amountFen: 90_000,
    category: 'air_conditioner',
    keys: { invoiceNo: '26370000000000000101', serialNo: 'AC-101' },
  },
  {
    programCode: 'appliance-2026',
    programKind: 'goods',
    status: 'withdrawn',
    year: 2026,
    amountFen: 90_000,
    category: 'television',
    keys: { invoiceNo: '26370000000000000102', serialNo: 'TV-102' },
  },
  {
    programCode: 'digital-2026',
    programKind: 'digital',
    status: 'paid',
    year: 2026,
    amountFen: 50_000,
    category: 'phone',
    keys: { invoiceNo: '26370000000000000103', serialNo: 'PH-103' },
  },
];
const DEALERS = ['91370114MA3C5T8X1Q', '91110000600037341L'];
const applianceBase = {
  item: {
    category: 'television',
    efficiencyGrade: 1,
    priceFen: 459_900,
    invoiceNo: '26370000000000000200',
    invoiceDate: '2026-02-14',
    serialNo: 'TV-200',
    dealerUscc: '91370114MA3C5T8X1Q',
  },
};
const APPLIANCE_CATEGORIES = [
  'refrigerator',
  'washing_machine',
  'television',
  'air_conditioner',
  'computer',
  'water_heater',
];
const APPLIANCE_FAILS: Array<[string, (f: typeof applianceBase) => void]> = [
  [
    'dishwasher (2025 only)',
    (f) => {
      f.item.category = 'dishwasher';
    },
  ],
  [
    'grade 3',
    (f) => {
      f.item.efficiencyGrade = 3;
    },
  ],
  [
    'bought 2025',
    (f) => {
      f.item.invoiceDate = '2025-12-31';
    },
  ],
  [
    'other dealer',
    (f) => {
      f.item.dealerUscc = '91310115MA1K3BTP2B';
    },
  ],
  [
    'second refrigerator',
    (f) => {
      f.item.category = 'refrigerator';
    },
  ],
  [
    'invoice reused',
    (f) => {
      f.item.invoiceNo = '26370000000000000103';
    },
  ],
];
const APPLIANCE_PATHS = [
  'item.category',
  'item.efficiencyGrade',
  'item.priceFen',
  'item.invoiceNo',
  'item.invoiceDate',
  'item.serialNo',
  'item.dealerUscc',
];

export function applianceCases(n = 400, seed = 1500): Case[] {
  const r = rng(seed);
  const out: Case[] = [];
  for (let i = 0; i < n; i++) {
    const f = clone(applianceBase);
    f.item.category = pick(
      r,
      APPLIANCE_CATEGORIES.filter((c) => c !== 'refrigerator'),
    );
    f.item.efficiencyGrade = pick(r, [1, 2]);
    f.item.priceFen = 50_000 + Math.floor(r() * 2_000_000);
    const kind = i % 4;
    let label = 'eligible';
    if (kind === 1) {
      const fl = pick(r, APPLIANCE_FAILS);
      fl[1](f);
      label = `ineligible/${fl[0]}`;
    } else if (kind === 2) {
      const p = pick(r, APPLIANCE_PATHS);
      deletePath(f as unknown as Record<string, Record<string, unknown>>, p);
      label = `missing/${p}`;
    }
    const anonymous = i % 7 === 3;
    out.push({
      label: `${label}${anonymous ? '/anonymous' : ''}`,
      facts: f as unknown as Case['facts'],
      context: anonymous
        ? { asOf: '2026-03-01' }
        : { asOf: '2026-03-01', history: APPLIANCE_HISTORY, participatingDealers: DEALERS },
    });
  }
  return out;
}
