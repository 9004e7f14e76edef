import { describeProgram, entry, type ClauseCase, type ProgramFixture } from './harness';

const OLD_VIN = 'LSJA24U62JG269225';
const NEW_VIN = 'LDC613P23A1305189';
const CERT = 'BF370100-2026-0001';

function scrapFixture(code: string, year: 2025 | 2026): ProgramFixture {
  return {
    code,
    facts: {
      oldVehicle: {
        vin: OLD_VIN,
        plate: '鲁A12345',
        vehicleType: 'small_passenger',
        fuelType: 'gasoline',
        firstRegisteredOn: `${year - 13}-06-30`,
        ownerRegisteredOn: '2019-04-01',
      },
      scrap: { certificateNo: CERT, scrappedOn: `${year}-03-01`, deregisteredOn: `${year}-03-02` },
      newVehicle: {
        vin: NEW_VIN,
        powertrain: 'nev',
        inNevCatalogue: true,
        priceFen: 15_000_000,
        invoiceNo: `${year - 2000}370000000000000001`,
        invoiceDate: `${year}-03-05`,
        registeredOn: `${year}-03-10`,
        ownerIsApplicant: true,
      },
    },
    context: { asOf: `${year}-04-01`, history: [] },
  };
}

/** Clauses the scrap programs share; `y` = program year. */
function scrapCommonCases(y: 2025 | 2026, kind: 'car_scrap'): ClauseCase[] {
  const other = y === 2025 ? 'car-replace-2025' : 'car-replace-2026';
  return [
    {
      clause: 'vehicle-type',
      expect: 'pass',
      note: 'micro passenger car',
      set: { 'oldVehicle.vehicleType': 'micro_passenger' },
    },
    {
      clause: 'vehicle-type',
      expect: 'fail',
      note: 'other vehicle type',
      set: { 'oldVehicle.vehicleType': 'other' },
    },
    {
      clause: 'vehicle-type',
      expect: 'unknown',
      note: 'vehicle type missing',
      set: { 'oldVehicle.vehicleType': undefined },
    },
    {
      clause: 'old-vehicle-age',
      expect: 'unknown',
      note: 'first registration missing',
      set: { 'oldVehicle.firstRegisteredOn': undefined },
    },
    {
      clause: 'old-vehicle-age',
      expect: 'unknown',
      note: 'fuel type missing',
      set: { 'oldVehicle.fuelType': undefined },
    },
    {
      clause: 'scrapped-in-window',
      expect: 'pass',
      note: 'scrapped on the first day',
      set: { 'scrap.scrappedOn': `${y}-01-01` },
    },
    {
      clause: 'scrapped-in-window',
      expect: 'pass',
      note: 'scrapped on the last day (inclusive)',
      set: { 'scrap.scrappedOn': `${y}-12-31` },
    },
    {
      clause: 'scrapped-in-window',
      expect: 'fail',
      note: 'scrapped the day before the window',
      set: { 'scrap.scrappedOn': `${y - 1}-12-31` },
    },
    {
      clause: 'scrapped-in-window',
      expect: 'fail',
      note: 'scrapped the day after the window',
      set: { 'scrap.scrappedOn': `${y + 1}-01-01` },
    },
    {
      clause: 'scrapped-in-window',
      expect: 'unknown',
      note: 'scrap date missing',
      set: { 'scrap.scrappedOn': undefined },
    },
    {
      clause: 'new-vehicle',
      expect: 'pass',
      note: 'fuel car of exactly 2.0 L',
      set: { 'newVehicle.powertrain': 'fuel', 'newVehicle.displacementL': 2.0 },
    },
    {
      clause: 'new-vehicle',
      expect: 'fail',
      note: 'fuel car of 2.01 L',
      set: { 'newVehicle.powertrain': 'fuel', 'newVehicle.displacementL': 2.01 },
    },
    {
      clause: 'new-vehicle',
      expect: 'fail',
      note: 'nev not in the MIIT catalogue',
      set: { 'newVehicle.inNevCatalogue': false },
    },
    {
      clause: 'new-vehicle',
      expect: 'unknown',
      note: 'nev, catalogue listing missing',
      set: { 'newVehicle.inNevCatalogue': undefined },
    },
    {
      clause: 'new-vehicle',
      expect: 'unknown',
      note: 'fuel car, displacement missing',
      set: { 'newVehicle.powertrain': 'fuel' },
    },
    {
      clause: 'new-vehicle',
      expect: 'pass',
      note: 'nev needs no displacement',
      set: { 'newVehicle.displacementL': undefined },
    },
    {
      clause: 'purchase-in-window',
      expect: 'fail',
      note: 'invoiced after the window',
      set: { 'newVehicle.invoiceDate': `${y + 1}-01-01` },
    },
    {
      clause: 'purchase-in-window',
      expect: 'fail',
      note: 'registered before the window',
      set: { 'newVehicle.registeredOn': `${y - 1}-12-31` },
    },
    {
      clause: 'purchase-in-window',
      expect: 'fail',
      note: 'new car registered to someone else',
      set: { 'newVehicle.ownerIsApplicant': false },
    },
    {
      clause: 'purchase-in-window',
      expect: 'unknown',
      note: 'invoice date missing',
      set: { 'newVehicle.invoiceDate': undefined },
    },
    {
      clause: 'once-per-year',
      expect: 'fail',
      note: `a ${other} claim the same year`,
      history: [entry({ programCode: other, programKind: 'car_replace', year: y })],
    },
    {
      clause: 'once-per-year',
      expect: 'pass',
      note: 'a car claim the year before',
      history: [entry({ programCode: other, programKind: 'car_replace', year: y - 1 })],
    },
    {
      clause: 'once-per-year',
      expect: 'pass',
      note: 'a rejected car claim the same year',
      history: [entry({ programCode: other, programKind: 'car_replace', year: y, status: 'rejected' })],
    },
    {
      clause: 'once-per-year',
      expect: 'pass',
      note: 'a withdrawn claim and a draft',
      history: [
        entry({ programCode: other, programKind: 'car_replace', year: y, status: 'withdrawn' }),
        entry({ programCode: other, programKind: 'car_replace', year: y, status: 'draft' }),
      ],
    },
    {
      clause: 'once-per-year',
      expect: 'pass',
      note: 'an appliance claim the same year',
      history: [entry({ programCode: 'appliance-2026', programKind: 'goods', year: y })],
    },
    {
      clause: 'once-per-year',
      expect: 'fail',
      note: 'the new VIN backs someone else’s claim',
      history: [
        entry({
          programCode: other,
          programKind: 'car_replace',
          year: y - 1,
          sameApplicant: false,
          keys: { newVin: NEW_VIN },
        }),
      ],
    },
    {
      clause: 'once-per-year',
      expect: 'fail',
      note: 'the scrap certificate backs another claim',
      history: [
        entry({
          programCode: 'car-scrap-2025',
          programKind: kind,
          year: y - 1,
          keys: { certificateNo: CERT },
        }),
      ],
    },
    {
      clause: 'once-per-year',
      expect: 'pass',
      note: 'another person’s claim with other keys',
      history: [entry({ programCode: other, programKind: 'car_replace', year: y, sameApplicant: false })],
    },
    { clause: 'once-per-year', expect: 'unknown', note: 'anonymous caller (no history)', history: null },
    {
      clause: 'once-per-year',
      expect: 'unknown',
      note: 'new VIN missing',
      set: { 'newVehicle.vin': undefined },
    },
  ];
}

describeProgram(
  scrapFixture('car-scrap-2025', 2025),
  2_000_000,
  [
    ...scrapCommonCases(2025, 'car_scrap'),
    {
      clause: 'old-vehicle-age',
      expect: 'pass',
      note: 'gasoline registered 2012-06-30',
      set: { 'oldVehicle.firstRegisteredOn': '2012-06-30' },
    },
    {
      clause: 'old-vehicle-age',
      expect: 'fail',
      note: 'gasoline registered 2012-07-01',
      set: { 'oldVehicle.firstRegisteredOn': '2012-07-01' },
    },
    {
      clause: 'old-vehicle-age',
      expect: 'pass',
      note: 'diesel registered 2014-06-30',
      set: { 'oldVehicle.fuelType': 'diesel', 'oldVehicle.firstRegisteredOn': '2014-06-30' },
    },
    {
      clause: 'old-vehicle-age',
      expect: 'fail',
      note: 'diesel registered 2014-07-01',
      set: { 'oldVehicle.fuelType': 'diesel', 'oldVehicle.firstRegisteredOn': '2014-07-01' },
    },
    {
      clause: 'old-vehicle-age',
      expect: 'pass',
      note: 'other fuel registered 2014-06-30',
      set: { 'oldVehicle.fuelType': 'other', 'oldVehicle.firstRegisteredOn': '2014-06-30' },
    },
    {
      clause: 'old-vehicle-age',
      expect: 'pass',
      note: 'nev registered 2018-12-31',
      set: { 'oldVehicle.fuelType': 'nev', 'oldVehicle.firstRegisteredOn': '2018-12-31' },
    },
    {
      clause: 'old-vehicle-age',
      expect: 'fail',
      note: 'nev registered 2019-01-01',
      set: { 'oldVehicle.fuelType': 'nev', 'oldVehicle.firstRegisteredOn': '2019-01-01' },
    },
    {
      clause: 'ownership',
      expect: 'pass',
      note: 'registered to the applicant 2025-01-07',
      set: { 'oldVehicle.ownerRegisteredOn': '2025-01-07' },
    },
    {
      clause: 'ownership',
      expect: 'fail',
      note: 'registered to the applicant 2025-01-08',
      set: { 'oldVehicle.ownerRegisteredOn': '2025-01-08' },
    },
    {
      clause: 'ownership',
      expect: 'unknown',
      note: 'ownership date missing',
      set: { 'oldVehicle.ownerRegisteredOn': undefined },
    },
    {
      clause: 'once-per-year',
      expect: 'pass',
      note: 'a stacked jinan-gasoline-scrap claim with the same certificate',
      history: [
        entry({
          programCode: 'jinan-gasoline-scrap',
          programKind: 'car_local_scrap',
          year: 2025,
          keys: { certificateNo: CERT },
        }),
      ],
    },
  ],
  [
    { note: 'nev: 20,000 yuan', amountFen: 2_000_000 },
    {
      note: 'fuel ≤ 2.0 L: 15,000 yuan',
      set: { 'newVehicle.powertrain': 'fuel', 'newVehicle.displacementL': 1.5 },
      amountFen: 1_500_000,
    },
    { note: 'fixed, whatever the price', set: { 'newVehicle.priceFen': 5_000_000 }, amountFen: 2_000_000 },
  ],
);

describeProgram(
  scrapFixture('car-scrap-2026', 2026),
  1_800_000,
  [
    ...scrapCommonCases(2026, 'car_scrap'),
    {
      clause: 'old-vehicle-age',
      expect: 'pass',
      note: 'gasoline registered 2013-06-30',
      set: { 'oldVehicle.firstRegisteredOn': '2013-06-30' },
    },
    {
      clause: 'old-vehicle-age',
      expect: 'fail',
      note: 'gasoline registered 2013-07-01',
      set: { 'oldVehicle.firstRegisteredOn': '2013-07-01' },
    },
    {
      clause: 'old-vehicle-age',
      expect: 'pass',
      note: 'diesel registered 2015-06-30',
      set: { 'oldVehicle.fuelType': 'diesel', 'oldVehicle.firstRegisteredOn': '2015-06-30' },
    },
    {
      clause: 'old-vehicle-age',
      expect: 'fail',
      note: 'diesel registered 2015-07-01',
      set: { 'oldVehicle.fuelType': 'diesel', 'oldVehicle.firstRegisteredOn': '2015-07-01' },
    },
    {
      clause: 'old-vehicle-age',
      expect: 'pass',
      note: 'nev registered 2019-12-31',
      set: { 'oldVehicle.fuelType': 'nev', 'oldVehicle.firstRegisteredOn': '2019-12-31' },
    },
    {
      clause: 'old-vehicle-age',
      expect: 'fail',
      note: 'nev registered 2020-01-01',
      set: { 'oldVehicle.fuelType': 'nev', 'oldVehicle.firstRegisteredOn': '2020-01-01' },
    },
    {
      clause: 'ownership',
      expect: 'pass',
      note: 'registered to the applicant 2025-12-31',
      set: { 'oldVehicle.ownerRegisteredOn': '2025-12-31' },
    },
    {
      clause: 'ownership',
      expect: 'fail',
      note: 'registered to the applicant 2026-01-01',
      set: { 'oldVehicle.ownerRegisteredOn': '2026-01-01' },
    },
    {
      clause: 'ownership',
      expect: 'unknown',
      note: 'ownership date missing',
      set: { 'oldVehicle.ownerRegisteredOn': undefined },
    },
    {
      clause: 'nev-to-fuel',
      expect: 'fail',
      note: 'scrap an nev, buy a fuel car',
      set: {
        'oldVehicle.fuelType': 'nev',
        'oldVehicle.firstRegisteredOn': '2019-01-01',
        'newVehicle.powertrain': 'fuel',
        'newVehicle.displacementL': 1.5,
      },
    },
    {
      clause: 'nev-to-fuel',
      expect: 'pass',
      note: 'scrap an nev, buy an nev',
      set: { 'oldVehicle.fuelType': 'nev', 'oldVehicle.firstRegisteredOn': '2019-01-01' },
    },
    {
      clause: 'nev-to-fuel',
      expect: 'not_applicable',
      note: 'scrap a gasoline car, buy a fuel car',
      set: { 'newVehicle.powertrain': 'fuel', 'newVehicle.displacementL': 1.5 },
    },
    {
      clause: 'nev-to-fuel',
      expect: 'unknown',
      note: 'scrap an nev, new powertrain missing',
      set: { 'oldVehicle.fuelType': 'nev', 'newVehicle.powertrain': undefined },
    },
    {
      clause: 'nev-to-fuel',
      expect: 'unknown',
      note: 'old fuel type missing',
      set: { 'oldVehicle.fuelType': undefined },
    },
    {
      clause: 'once-per-year',
      expect: 'pass',
      note: 'a stacked jinan-gasoline-scrap claim with the same certificate',
      history: [
        entry({
          programCode: 'jinan-gasoline-scrap',
          programKind: 'car_local_scrap',
          keys: { certificateNo: CERT, oldVin: OLD_VIN },
        }),
      ],
    },
  ],
  [
    { note: 'nev 12 % of 150,000 yuan', amountFen: 1_800_000 },
    {
      note: 'nev 12 % rounds down (16,666,659 × 12 % = 1,999,999.08)',
      set: { 'newVehicle.priceFen': 16_666_659 },
      amountFen: 1_999_999,
    },
    { note: 'nev capped at 20,000 yuan', set: { 'newVehicle.priceFen': 20_000_000 }, amountFen: 2_000_000 },
    {
      note: 'fuel 10 % rounds down (12,345,678 → 1,234,567)',
      set: {
        'newVehicle.powertrain': 'fuel',
        'newVehicle.displacementL': 1.5,
        'newVehicle.priceFen': 12_345_678,
      },
      amountFen: 1_234_567,
    },
    {
      note: 'fuel capped at 15,000 yuan',
      set: {
        'newVehicle.powertrain': 'fuel',
        'newVehicle.displacementL': 2.0,
        'newVehicle.priceFen': 25_000_000,
      },
      amountFen: 1_500_000,
    },
    { note: 'zero price earns nothing', set: { 'newVehicle.priceFen': 0 }, amountFen: 0 },
  ],
);

function replaceFixture(code: string, year: 2025 | 2026): ProgramFixture {
  const s = scrapFixture(code, year);
  return {
    code,
    facts: {
      oldVehicle: { ...s.facts.oldVehicle },
      transfer: { transferredOn: `${year}-02-20` },
      newVehicle: { ...s.facts.newVehicle },
    },
    context: s.context,
  };
}

function replaceCommonCases(y: 2025 | 2026): ClauseCase[] {
  const other = y === 2025 ? 'car-scrap-2025' : 'car-scrap-2026';
  return scrapCommonCases(y, 'car_scrap')
    .filter(
      (c) =>
        !['old-vehicle-age', 'scrapped-in-window', 'new-vehicle'].includes(c.clause) &&
        !c.note.includes('scrap certificate'),
    )
    .map((c) =>
      c.clause === 'once-per-year' && c.history
        ? {
            ...c,
            history: c.history.map((h) =>
              h.programKind === 'car_replace'
                ? { ...h, programCode: other, programKind: 'car_scrap' as const }
                : h,
            ),
          }
        : c,
    )
    .concat([
      {
        clause: 'transferred-in-window',
        expect: 'pass',
        note: 'transferred on the last day',
        set: { 'transfer.transferredOn': `${y}-12-31` },
      },
      {
        clause: 'transferred-in-window',
        expect: 'fail',
        note: 'transferred the year before',
        set: { 'transfer.transferredOn': `${y - 1}-12-31` },
      },
      {
        clause: 'transferred-in-window',
        expect: 'unknown',
        note: 'transfer date missing',
        set: { 'transfer.transferredOn': undefined },
      },
      {
        clause: 'new-vehicle',
        expect: 'pass',
        note: 'any fuel car (no displacement limit)',
        set: { 'newVehicle.powertrain': 'fuel' },
      },
      {
        clause: 'new-vehicle',
        expect: 'fail',
        note: 'nev not in the catalogue',
        set: { 'newVehicle.inNevCatalogue': false },
      },
      {
        clause: 'new-vehicle',
        expect: 'unknown',
        note: 'powertrain missing',
        set: { 'newVehicle.powertrain': undefined },
      },
      {
        clause: 'once-per-year',
        expect: 'fail',
        note: 'a car scrap claim the same year',
        history: [entry({ programCode: other, programKind: 'car_scrap', year: y })],
      },
    ]);
}

describeProgram(
  replaceFixture('car-replace-2025', 2025),
  1_000_000,
  [
    ...replaceCommonCases(2025),
    {
      clause: 'ownership',
      expect: 'fail',
      note: 'registered to the applicant 2025-01-08',
      set: { 'oldVehicle.ownerRegisteredOn': '2025-01-08' },
    },
    {
      clause: 'ownership',
      expect: 'unknown',
      note: 'ownership date missing',
      set: { 'oldVehicle.ownerRegisteredOn': undefined },
    },
  ],
  [
    { note: 'nev band < 100,000 yuan', set: { 'newVehicle.priceFen': 9_999_999 }, amountFen: 600_000 },
    { note: 'nev band from 100,000 yuan', set: { 'newVehicle.priceFen': 10_000_000 }, amountFen: 1_000_000 },
    {
      note: 'nev band up to 199,999.99 yuan',
      set: { 'newVehicle.priceFen': 19_999_999 },
      amountFen: 1_000_000,
    },
    {
      note: 'nev band from 200,000 yuan (national cap 15,000)',
      set: { 'newVehicle.priceFen': 20_000_000 },
      amountFen: 1_500_000,
    },
    {
      note: 'fuel band < 100,000 yuan',
      set: { 'newVehicle.powertrain': 'fuel', 'newVehicle.priceFen': 0 },
      amountFen: 500_000,
    },
    {
      note: 'fuel band from 100,000 yuan',
      set: { 'newVehicle.powertrain': 'fuel', 'newVehicle.priceFen': 10_000_000 },
      amountFen: 800_000,
    },
    {
      note: 'fuel band from 200,000 yuan (national cap 13,000)',
      set: { 'newVehicle.powertrain': 'fuel', 'newVehicle.priceFen': 35_000_000 },
      amountFen: 1_300_000,
    },
  ],
);

describeProgram(
  replaceFixture('car-replace-2026', 2026),
  1_200_000,
  [
    ...replaceCommonCases(2026),
    {
      clause: 'ownership',
      expect: 'pass',
      note: 'registered to the applicant 2025-12-31',
      set: { 'oldVehicle.ownerRegisteredOn': '2025-12-31' },
    },
    {
      clause: 'ownership',
      expect: 'fail',
      note: 'registered to the applicant 2026-01-01',
      set: { 'oldVehicle.ownerRegisteredOn': '2026-01-01' },
    },
    {
      clause: 'ownership',
      expect: 'unknown',
      note: 'ownership date missing',
      set: { 'oldVehicle.ownerRegisteredOn': undefined },
    },
  ],
  [
    { note: 'nev 8 % of 150,000 yuan', amountFen: 1_200_000 },
    { note: 'nev capped at 15,000 yuan', set: { 'newVehicle.priceFen': 30_000_000 }, amountFen: 1_500_000 },
    {
      note: 'fuel 6 % rounds down (9,999,999 → 599,999)',
      set: { 'newVehicle.powertrain': 'fuel', 'newVehicle.priceFen': 9_999_999 },
      amountFen: 599_999,
    },
    {
      note: 'fuel capped at 13,000 yuan',
      set: { 'newVehicle.powertrain': 'fuel', 'newVehicle.priceFen': 25_000_000 },
      amountFen: 1_300_000,
    },
  ],
);

const jinan: ProgramFixture = {
  code: 'jinan-gasoline-scrap',
  facts: {
    oldVehicle: {
      vin: OLD_VIN,
      plate: '鲁A12345',
      fuelType: 'gasoline',
      emissionStandard: 2,
      ownerRegisteredOn: '2020-01-01',
      usage: 'non_operating',
    },
    scrap: { certificateNo: CERT, scrappedOn: '2026-06-30', deregisteredOn: '2026-07-02' },
  },
  context: { asOf: '2026-07-10', history: [] },
};

describeProgram(
  jinan,
  300_000,
  [
    {
      clause: 'gasoline-china-1-2',
      expect: 'pass',
      note: 'China 1 gasoline',
      set: { 'oldVehicle.emissionStandard': 1 },
    },
    {
      clause: 'gasoline-china-1-2',
      expect: 'fail',
      note: 'China 3 gasoline',
      set: { 'oldVehicle.emissionStandard': 3 },
    },
    {
      clause: 'gasoline-china-1-2',
      expect: 'fail',
      note: 'diesel',
      set: { 'oldVehicle.fuelType': 'diesel' },
    },
    {
      clause: 'gasoline-china-1-2',
      expect: 'fail',
      note: 'an nev has no emission standard: fails, not unknown',
      set: { 'oldVehicle.fuelType': 'nev', 'oldVehicle.emissionStandard': undefined },
    },
    {
      clause: 'gasoline-china-1-2',
      expect: 'unknown',
      note: 'gasoline, emission standard missing',
      set: { 'oldVehicle.emissionStandard': undefined },
    },
    {
      clause: 'registered-in-jinan',
      expect: 'fail',
      note: 'a 鲁B (Qingdao) plate',
      set: { 'oldVehicle.plate': '鲁B12345' },
    },
    {
      clause: 'registered-in-jinan',
      expect: 'unknown',
      note: 'plate missing',
      set: { 'oldVehicle.plate': undefined },
    },
    {
      clause: 'non-operating',
      expect: 'fail',
      note: 'an operating vehicle',
      set: { 'oldVehicle.usage': 'operating' },
    },
    {
      clause: 'non-operating',
      expect: 'unknown',
      note: 'usage missing',
      set: { 'oldVehicle.usage': undefined },
    },
    {
      clause: 'scrapped-in-window',
      expect: 'fail',
      note: 'scrapped 2025-12-31',
      set: { 'scrap.scrappedOn': '2025-12-31' },
    },
    {
      clause: 'scrapped-in-window',
      expect: 'unknown',
      note: 'scrap date missing',
      set: { 'scrap.scrappedOn': undefined },
    },
    {
      clause: 'ownership',
      expect: 'pass',
      note: 'owned exactly one year before scrapping',
      set: { 'oldVehicle.ownerRegisteredOn': '2025-06-30' },
    },
    {
      clause: 'ownership',
      expect: 'fail',
      note: 'owned one day short of a year',
      set: { 'oldVehicle.ownerRegisteredOn': '2025-07-01' },
    },
    {
      clause: 'ownership',
      expect: 'unknown',
      note: 'ownership date missing',
      set: { 'oldVehicle.ownerRegisteredOn': undefined },
    },
    {
      clause: 'once-per-vehicle',
      expect: 'fail',
      note: 'the old VIN already claimed in this program (by anyone)',
      history: [
        entry({
          programCode: 'jinan-gasoline-scrap',
          programKind: 'car_local_scrap',
          sameApplicant: false,
          keys: { oldVin: OLD_VIN },
        }),
      ],
    },
    {
      clause: 'once-per-vehicle',
      expect: 'pass',
      note: 'the old VIN in a stacked car-scrap-2026 claim',
      history: [
        entry({
          programCode: 'car-scrap-2026',
          programKind: 'car_scrap',
          keys: { oldVin: OLD_VIN, certificateNo: CERT },
        }),
      ],
    },
    {
      clause: 'once-per-vehicle',
      expect: 'fail',
      note: 'the certificate in a non-stacking program',
      history: [
        entry({
          programCode: 'car-scrap-2025',
          programKind: 'car_scrap',
          year: 2025,
          keys: { certificateNo: CERT },
        }),
      ],
    },
    { clause: 'once-per-vehicle', expect: 'unknown', note: 'anonymous caller', history: null },
  ],
  [
    { note: 'stage 1: scrapped 2026-06-30', amountFen: 300_000 },
    { note: 'stage 2: scrapped 2026-07-01', set: { 'scrap.scrappedOn': '2026-07-01' }, amountFen: 200_000 },
    {
      note: 'stage 1 from the first day',
      set: { 'scrap.scrappedOn': '2026-01-01', 'oldVehicle.ownerRegisteredOn': '2024-01-01' },
      amountFen: 300_000,
    },
  ],
);
