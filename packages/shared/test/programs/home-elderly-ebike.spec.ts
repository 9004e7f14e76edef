import { describeProgram, entry, type ProgramFixture } from './harness';

const DEALER = '91370114MA3C5T8X1Q';
const PROPERTY = '鲁(2019)章丘区不动产权第0001234号';

const home: ProgramFixture = {
  code: 'home-renovation-2026',
  facts: {
    item: {
      category: 'sanitary_ware',
      type: 'smart_toilet',
      priceFen: 600_000,
      labourFen: 100_000,
      invoiceNo: '26370000000000000300',
      invoiceDate: '2026-04-01',
      dealerUscc: DEALER,
    },
    home: { propertyCertificateNo: PROPERTY, ownedByApplicant: true },
  },
  context: { asOf: '2026-04-02', history: [], participatingDealers: [DEALER] },
};
const homeEntry = (amountFen: number, extra: Partial<Parameters<typeof entry>[0]> = {}) =>
  entry({
    programCode: 'home-renovation-2026',
    programKind: 'home_renovation',
    amountFen,
    type: 'sofa',
    keys: { propertyCertificateNo: PROPERTY },
    ...extra,
  });
const decoration = {
  'item.category': 'decoration_materials',
  'item.type': 'wood_flooring',
  'home.completedOn': '2020-01-26',
};

describeProgram(
  home,
  75_000,
  [
    { clause: 'category', expect: 'fail', note: 'not a home class', set: { 'item.category': 'appliances' } },
    { clause: 'category', expect: 'unknown', note: 'class missing', set: { 'item.category': undefined } },
    {
      clause: 'item-type',
      expect: 'pass',
      note: 'smart lock in smart home',
      set: { 'item.category': 'smart_home', 'item.type': 'smart_lock' },
    },
    {
      clause: 'item-type',
      expect: 'fail',
      note: 'a door is not sanitary ware',
      set: { 'item.type': 'door' },
    },
    { clause: 'item-type', expect: 'unknown', note: 'type missing', set: { 'item.type': undefined } },
    { clause: 'old-home', expect: 'not_applicable', note: 'sanitary ware needs no old home' },
    {
      clause: 'old-home',
      expect: 'pass',
      note: 'decoration, own home completed 2020-01-26',
      set: decoration,
    },
    {
      clause: 'old-home',
      expect: 'fail',
      note: 'decoration, home completed 2020-01-27',
      set: { ...decoration, 'home.completedOn': '2020-01-27' },
    },
    {
      clause: 'old-home',
      expect: 'fail',
      note: 'decoration, not the applicant’s own home',
      set: { ...decoration, 'home.ownedByApplicant': false },
    },
    {
      clause: 'old-home',
      expect: 'unknown',
      note: 'decoration, completion date missing',
      set: { ...decoration, 'home.completedOn': undefined },
    },
    {
      clause: 'purchase-in-window',
      expect: 'fail',
      note: 'bought 2025-12-31',
      set: { 'item.invoiceDate': '2025-12-31' },
    },
    {
      clause: 'purchase-in-window',
      expect: 'unknown',
      note: 'invoice date missing',
      set: { 'item.invoiceDate': undefined },
    },
    {
      clause: 'participating-dealer',
      expect: 'fail',
      note: 'another dealer',
      set: { 'item.dealerUscc': '91110000600037341L' },
    },
    {
      clause: 'participating-dealer',
      expect: 'unknown',
      note: 'dealer list not known',
      context: { participatingDealers: undefined },
    },
    {
      clause: 'type-quota',
      expect: 'fail',
      note: 'the household (another member) already claimed a smart toilet',
      history: [homeEntry(50_000, { type: 'smart_toilet', sameApplicant: false })],
    },
    {
      clause: 'type-quota',
      expect: 'pass',
      note: 'a smart toilet for another home',
      history: [homeEntry(50_000, { type: 'smart_toilet', keys: { propertyCertificateNo: 'OTHER' } })],
    },
    {
      clause: 'type-quota',
      expect: 'unknown',
      note: 'property certificate missing',
      set: { 'home.propertyCertificateNo': undefined },
    },
    {
      clause: 'household-cap',
      expect: 'fail',
      note: 'the household already received 40,000 yuan',
      history: [homeEntry(2_000_000), homeEntry(2_000_000, { type: 'bed_frame' })],
    },
    { clause: 'household-cap', expect: 'pass', note: '39,500 yuan so far', history: [homeEntry(3_950_000)] },
    { clause: 'household-cap', expect: 'unknown', note: 'anonymous caller', history: null },
    {
      clause: 'unique-claim',
      expect: 'fail',
      note: 'the invoice backs another claim',
      history: [
        entry({
          programCode: 'appliance-2026',
          programKind: 'goods',
          sameApplicant: false,
          keys: { invoiceNo: '26370000000000000300' },
        }),
      ],
    },
    {
      clause: 'unique-claim',
      expect: 'unknown',
      note: 'invoice number missing',
      set: { 'item.invoiceNo': undefined },
    },
  ],
  [
    { note: '15 % of (price − labour)', amountFen: 75_000 },
    { note: 'grade 1: 20 % of (price − labour)', set: { 'item.efficiencyGrade': 1 }, amountFen: 100_000 },
    { note: 'grade 2: 15 %', set: { 'item.efficiencyGrade': 2 }, amountFen: 75_000 },
    { note: 'no labour: 15 % of the price', set: { 'item.labourFen': undefined }, amountFen: 90_000 },
    { note: 'labour above the price: never negative', set: { 'item.labourFen': 700_000 }, amountFen: 0 },
    { note: 'capped at 2,000 yuan per item', set: { 'item.priceFen': 3_000_000 }, amountFen: 200_000 },
    { note: 'household cap: 500 yuan left of 40,000', history: [homeEntry(3_950_000)], amountFen: 50_000 },
    {
      note: 'household cap counts other members’ claims on the same property',
      history: [homeEntry(3_990_000, { sameApplicant: false })],
      amountFen: 10_000,
    },
    {
      note: 'household cap ignores withdrawn claims',
      history: [homeEntry(3_990_000, { status: 'withdrawn' })],
      amountFen: 75_000,
    },
    { note: 'anonymous: no history cap applied', history: null, amountFen: 75_000 },
  ],
);

const elderly: ProgramFixture = {
  code: 'elderly-retrofit-2026',
  facts: {
    item: {
      category: 'grab_bar',
      priceFen: 200_000,
      invoiceNo: '26370000000000000400',
      invoiceDate: '2026-03-01',
    },
  },
  context: { asOf: '2026-03-05', history: [], applicant: { birthDate: '1966-03-01' } },
};
const elderlyEntry = (amountFen: number) =>
  entry({ programCode: 'elderly-retrofit-2026', programKind: 'elderly_retrofit', amountFen });

describeProgram(
  elderly,
  60_000,
  [
    { clause: 'age-60', expect: 'pass', note: 'turns 60 on the invoice date' },
    {
      clause: 'age-60',
      expect: 'fail',
      note: 'turns 60 the day after the invoice date',
      context: { applicant: { birthDate: '1966-03-02' } },
    },
    {
      clause: 'age-60',
      expect: 'unknown',
      note: 'anonymous: no ID number yet',
      context: { applicant: undefined },
    },
    {
      clause: 'age-60',
      expect: 'unknown',
      note: 'invoice date missing',
      set: { 'item.invoiceDate': undefined },
    },
    {
      clause: 'retrofit-item',
      expect: 'pass',
      note: 'emergency alarm',
      set: { 'item.category': 'emergency_alarm' },
    },
    { clause: 'retrofit-item', expect: 'fail', note: 'a sofa', set: { 'item.category': 'sofa' } },
    { clause: 'retrofit-item', expect: 'unknown', note: 'item missing', set: { 'item.category': undefined } },
    {
      clause: 'purchase-in-window',
      expect: 'fail',
      note: 'bought 2027-01-01',
      set: { 'item.invoiceDate': '2027-01-01' },
    },
    {
      clause: 'purchase-in-window',
      expect: 'unknown',
      note: 'invoice date missing',
      set: { 'item.invoiceDate': undefined },
    },
    {
      clause: 'no-stacking',
      expect: 'fail',
      note: 'the invoice is in a home-renovation claim',
      history: [
        entry({
          programCode: 'home-renovation-2026',
          programKind: 'home_renovation',
          keys: { invoiceNo: '26370000000000000400' },
        }),
      ],
    },
    {
      clause: 'no-stacking',
      expect: 'unknown',
      note: 'invoice number missing',
      set: { 'item.invoiceNo': undefined },
    },
    {
      clause: 'person-cap',
      expect: 'fail',
      note: '15,000 yuan already received',
      history: [elderlyEntry(1_000_000), elderlyEntry(500_000)],
    },
    { clause: 'person-cap', expect: 'pass', note: '14,000 yuan so far', history: [elderlyEntry(1_400_000)] },
    { clause: 'person-cap', expect: 'unknown', note: 'anonymous caller', history: null },
  ],
  [
    { note: '30 %', amountFen: 60_000 },
    { note: 'capped at 3,000 yuan per item', set: { 'item.priceFen': 2_000_000 }, amountFen: 300_000 },
    { note: 'rounds down (333,333 × 30 % = 99,999.9)', set: { 'item.priceFen': 333_333 }, amountFen: 99_999 },
    {
      note: 'per-person cap: 1,000 yuan left',
      set: { 'item.priceFen': 2_000_000 },
      history: [elderlyEntry(1_400_000)],
      amountFen: 100_000,
    },
    {
      note: 'another person’s claims do not count toward the cap',
      history: [{ ...elderlyEntry(1_490_000), sameApplicant: false }],
      amountFen: 60_000,
    },
  ],
);

const needy: ProgramFixture = {
  code: 'elderly-household-retrofit',
  facts: {
    household: {
      assistanceType: 'minimum_living',
      elderAge: 82,
      elderCondition: 'none',
      assistanceCertificateNo: 'DB-2026-001',
      proofOnFile: true,
    },
    item: { priceFen: 450_000, invoiceNo: '26370000000000000500', invoiceDate: '2026-05-01' },
  },
  context: { asOf: '2026-05-03', history: [] },
};
const needyEntry = (amountFen: number) =>
  entry({ programCode: 'elderly-household-retrofit', programKind: 'elderly_household', amountFen });

describeProgram(
  needy,
  450_000,
  [
    {
      clause: 'assistance-status',
      expect: 'pass',
      note: 'extreme-poverty support',
      set: { 'household.assistanceType': 'extreme_poverty' },
    },
    {
      clause: 'assistance-status',
      expect: 'pass',
      note: 'registered poor',
      set: { 'household.assistanceType': 'registered_poor' },
    },
    {
      clause: 'assistance-status',
      expect: 'fail',
      note: 'no assistance',
      set: { 'household.assistanceType': 'none' },
    },
    {
      clause: 'assistance-status',
      expect: 'unknown',
      note: 'assistance type missing',
      set: { 'household.assistanceType': undefined },
    },
    { clause: 'elder-condition', expect: 'pass', note: 'aged exactly 80', set: { 'household.elderAge': 80 } },
    {
      clause: 'elder-condition',
      expect: 'fail',
      note: 'aged 79, neither disabled nor incapacitated',
      set: { 'household.elderAge': 79 },
    },
    {
      clause: 'elder-condition',
      expect: 'pass',
      note: 'aged 70, disabled',
      set: { 'household.elderAge': 70, 'household.elderCondition': 'disabled' },
    },
    {
      clause: 'elder-condition',
      expect: 'pass',
      note: 'incapacitated, age not given',
      set: { 'household.elderAge': undefined, 'household.elderCondition': 'incapacitated' },
    },
    {
      clause: 'elder-condition',
      expect: 'unknown',
      note: 'condition none, age not given',
      set: { 'household.elderAge': undefined },
    },
    {
      clause: 'proof-documents',
      expect: 'fail',
      note: 'proof not confirmed by civil affairs',
      set: { 'household.proofOnFile': false },
    },
    {
      clause: 'proof-documents',
      expect: 'unknown',
      note: 'proof status missing',
      set: { 'household.proofOnFile': undefined },
    },
    {
      clause: 'household-cap',
      expect: 'fail',
      note: '5,000 yuan already received',
      history: [needyEntry(500_000)],
    },
    { clause: 'household-cap', expect: 'unknown', note: 'anonymous caller', history: null },
    {
      clause: 'unique-claim',
      expect: 'fail',
      note: 'the invoice backs another claim',
      history: [
        entry({
          programCode: 'elderly-retrofit-2026',
          programKind: 'elderly_retrofit',
          keys: { invoiceNo: '26370000000000000500' },
        }),
      ],
    },
    {
      clause: 'unique-claim',
      expect: 'unknown',
      note: 'invoice number missing',
      set: { 'item.invoiceNo': undefined },
    },
  ],
  [
    { note: 'the actual cost', amountFen: 450_000 },
    { note: 'capped at 5,000 yuan per household', set: { 'item.priceFen': 600_000 }, amountFen: 500_000 },
    { note: 'household cap with 2,000 yuan received', history: [needyEntry(200_000)], amountFen: 300_000 },
  ],
);

const ebike: ProgramFixture = {
  code: 'ebike-2026',
  facts: {
    oldItem: { handedIn: true, recyclingReceiptNo: 'HS-2026-1', batteryType: 'lithium' },
    item: {
      meetsStandard: true,
      batteryType: 'lead_acid',
      priceFen: 200_000,
      invoiceNo: '26370000000000000600',
      invoiceDate: '2026-06-01',
      serialNo: 'EB-1',
      dealerUscc: DEALER,
    },
  },
  context: { asOf: '2026-06-02', history: [], participatingDealers: [DEALER] },
};

describeProgram(
  ebike,
  60_000,
  [
    {
      clause: 'old-bike-handed-in',
      expect: 'fail',
      note: 'old bike kept',
      set: { 'oldItem.handedIn': false },
    },
    {
      clause: 'old-bike-handed-in',
      expect: 'unknown',
      note: 'recycling receipt missing',
      set: { 'oldItem.recyclingReceiptNo': undefined },
    },
    {
      clause: 'new-bike-standard',
      expect: 'fail',
      note: 'does not meet GB 43854',
      set: { 'item.meetsStandard': false },
    },
    {
      clause: 'new-bike-standard',
      expect: 'unknown',
      note: 'standard not stated',
      set: { 'item.meetsStandard': undefined },
    },
    { clause: 'price-floor', expect: 'pass', note: 'exactly 1,500 yuan', set: { 'item.priceFen': 150_000 } },
    { clause: 'price-floor', expect: 'fail', note: '1,499.99 yuan', set: { 'item.priceFen': 149_999 } },
    { clause: 'price-floor', expect: 'unknown', note: 'price missing', set: { 'item.priceFen': undefined } },
    {
      clause: 'purchase-in-window',
      expect: 'fail',
      note: 'bought 2025-12-31',
      set: { 'item.invoiceDate': '2025-12-31' },
    },
    {
      clause: 'purchase-in-window',
      expect: 'unknown',
      note: 'invoice date missing',
      set: { 'item.invoiceDate': undefined },
    },
    {
      clause: 'participating-dealer',
      expect: 'fail',
      note: 'another dealer',
      set: { 'item.dealerUscc': '91110000600037341L' },
    },
    {
      clause: 'participating-dealer',
      expect: 'unknown',
      note: 'dealer missing',
      set: { 'item.dealerUscc': undefined },
    },
    {
      clause: 'unique-claim',
      expect: 'fail',
      note: 'the serial number backs another claim',
      history: [
        entry({
          programCode: 'ebike-2026',
          programKind: 'ebike',
          sameApplicant: false,
          keys: { serialNo: 'EB-1' },
        }),
      ],
    },
    { clause: 'unique-claim', expect: 'unknown', note: 'anonymous caller', history: null },
  ],
  [
    { note: 'lithium traded for lead-acid: 500 + 100 yuan', amountFen: 60_000 },
    { note: 'lithium for lithium: 500 yuan', set: { 'item.batteryType': 'lithium' }, amountFen: 50_000 },
    {
      note: 'lead-acid for lead-acid: 500 yuan',
      set: { 'oldItem.batteryType': 'lead_acid' },
      amountFen: 50_000,
    },
  ],
);
