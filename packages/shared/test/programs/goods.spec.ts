import { describeProgram, entry, type ClauseCase, type ProgramFixture } from './harness';

const DEALER = '91370114MA3C5T8X1Q';
const OTHER_DEALER = '91310115MA1K3BTP2B';

function goodsFixture(code: string, year: 2025 | 2026, item: Record<string, unknown>): ProgramFixture {
  return {
    code,
    facts: {
      item: {
        invoiceNo: `${year - 2000}370000000000000200`,
        invoiceDate: `${year}-05-01`,
        serialNo: 'SN-0001',
        dealerUscc: DEALER,
        ...item,
      },
    },
    context: { asOf: `${year}-05-02`, history: [], participatingDealers: [DEALER, '91110000600037341L'] },
  };
}

function commonGoodsCases(
  code: string,
  kind: 'goods' | 'digital',
  y: 2025 | 2026,
  category: string,
): ClauseCase[] {
  return [
    { clause: 'category', expect: 'unknown', note: 'category missing', set: { 'item.category': undefined } },
    {
      clause: 'purchase-in-window',
      expect: 'pass',
      note: 'bought on the last day',
      set: { 'item.invoiceDate': `${y}-12-31` },
    },
    {
      clause: 'purchase-in-window',
      expect: 'fail',
      note: 'bought the day before the window',
      set: { 'item.invoiceDate': `${y - 1}-12-31` },
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
      note: 'a dealer outside the program',
      set: { 'item.dealerUscc': OTHER_DEALER },
    },
    {
      clause: 'participating-dealer',
      expect: 'unknown',
      note: 'dealer list not known (browser pre-check)',
      context: { participatingDealers: undefined },
    },
    {
      clause: 'participating-dealer',
      expect: 'unknown',
      note: 'dealer missing',
      set: { 'item.dealerUscc': undefined },
    },
    {
      clause: 'quota',
      expect: 'fail',
      note: `already one ${category} in this program`,
      history: [entry({ programCode: code, programKind: kind, year: y, category })],
    },
    {
      clause: 'quota',
      expect: 'pass',
      note: `a ${category} claim that was withdrawn`,
      history: [entry({ programCode: code, programKind: kind, year: y, category, status: 'withdrawn' })],
    },
    {
      clause: 'quota',
      expect: 'pass',
      note: `a ${category} in another program`,
      history: [entry({ programCode: 'other-program', programKind: kind, year: y, category })],
    },
    {
      clause: 'quota',
      expect: 'fail',
      note: 'a voucher returned after redemption still uses the quota',
      history: [
        entry({ programCode: code, programKind: kind, year: y, category, status: 'voucher_returned' }),
      ],
    },
    { clause: 'quota', expect: 'unknown', note: 'anonymous caller', history: null },
    {
      clause: 'unique-claim',
      expect: 'fail',
      note: 'the invoice backs another claim',
      history: [
        entry({
          programCode: 'home-renovation-2026',
          programKind: 'home_renovation',
          sameApplicant: false,
          keys: { invoiceNo: `${y - 2000}370000000000000200` },
        }),
      ],
    },
    {
      clause: 'unique-claim',
      expect: 'fail',
      note: 'the serial number backs another claim',
      history: [
        entry({ programCode: code, programKind: kind, category: 'other', keys: { serialNo: 'SN-0001' } }),
      ],
    },
    {
      clause: 'unique-claim',
      expect: 'unknown',
      note: 'serial number missing',
      set: { 'item.serialNo': undefined },
    },
    { clause: 'unique-claim', expect: 'unknown', note: 'anonymous caller', history: null },
  ];
}

function applianceOnlyCases(code: string, y: 2025 | 2026): ClauseCase[] {
  return [
    { clause: 'efficiency-grade', expect: 'pass', note: 'grade 2', set: { 'item.efficiencyGrade': 2 } },
    { clause: 'efficiency-grade', expect: 'fail', note: 'grade 3', set: { 'item.efficiencyGrade': 3 } },
    {
      clause: 'efficiency-grade',
      expect: 'unknown',
      note: 'grade missing',
      set: { 'item.efficiencyGrade': undefined },
    },
    {
      clause: 'quota',
      expect: 'pass',
      note: 'air conditioner: 2 earlier ones',
      set: { 'item.category': 'air_conditioner' },
      history: [1, 2].map(() =>
        entry({ programCode: code, programKind: 'goods', year: y, category: 'air_conditioner' }),
      ),
    },
    {
      clause: 'quota',
      expect: 'fail',
      note: 'air conditioner: 3 earlier ones',
      set: { 'item.category': 'air_conditioner' },
      history: [1, 2, 3].map(() =>
        entry({ programCode: code, programKind: 'goods', year: y, category: 'air_conditioner' }),
      ),
    },
    { clause: 'old-item-handed-in', expect: 'not_applicable', note: 'off by default (national rule)' },
    {
      clause: 'old-item-handed-in',
      expect: 'pass',
      note: 'switched on, old item handed in with a receipt',
      settings: { oldItemRequired: true },
      set: { 'oldItem.handedIn': true, 'oldItem.recyclingReceiptNo': 'HS-1' },
    },
    {
      clause: 'old-item-handed-in',
      expect: 'fail',
      note: 'switched on, old item kept',
      settings: { oldItemRequired: true },
      set: { 'oldItem.handedIn': false },
    },
    {
      clause: 'old-item-handed-in',
      expect: 'unknown',
      note: 'switched on, not said',
      settings: { oldItemRequired: true },
    },
  ];
}

describeProgram(
  goodsFixture('appliance-2025', 2025, { category: 'television', efficiencyGrade: 1, priceFen: 500_000 }),
  100_000,
  [
    ...commonGoodsCases('appliance-2025', 'goods', 2025, 'television'),
    ...applianceOnlyCases('appliance-2025', 2025),
    {
      clause: 'category',
      expect: 'pass',
      note: 'dishwasher (one of the 12)',
      set: { 'item.category': 'dishwasher' },
    },
    {
      clause: 'category',
      expect: 'pass',
      note: 'rice cooker (one of the 12)',
      set: { 'item.category': 'rice_cooker' },
    },
    {
      clause: 'category',
      expect: 'fail',
      note: 'not a subsidised category',
      set: { 'item.category': 'phone' },
    },
  ],
  [
    { note: 'grade 1: 20 %', amountFen: 100_000 },
    { note: 'grade 2: 15 %', set: { 'item.efficiencyGrade': 2 }, amountFen: 75_000 },
    {
      note: 'grade 2 rounds down (333,333 × 15 % = 49,999.95)',
      set: { 'item.efficiencyGrade': 2, 'item.priceFen': 333_333 },
      amountFen: 49_999,
    },
    { note: 'capped at 2,000 yuan per item', set: { 'item.priceFen': 1_500_000 }, amountFen: 200_000 },
    { note: 'exactly at the cap', set: { 'item.priceFen': 1_000_000 }, amountFen: 200_000 },
  ],
);

describeProgram(
  goodsFixture('appliance-2026', 2026, { category: 'refrigerator', efficiencyGrade: 1, priceFen: 500_000 }),
  75_000,
  [
    ...commonGoodsCases('appliance-2026', 'goods', 2026, 'refrigerator'),
    ...applianceOnlyCases('appliance-2026', 2026),
    {
      clause: 'category',
      expect: 'pass',
      note: 'water heater (one of the 6)',
      set: { 'item.category': 'water_heater' },
    },
    {
      clause: 'category',
      expect: 'fail',
      note: 'dishwasher (2025 only)',
      set: { 'item.category': 'dishwasher' },
    },
  ],
  [
    { note: '15 % whatever the grade (grade 1)', amountFen: 75_000 },
    { note: '15 % whatever the grade (grade 2)', set: { 'item.efficiencyGrade': 2 }, amountFen: 75_000 },
    { note: 'capped at 1,500 yuan', set: { 'item.priceFen': 1_200_000 }, amountFen: 150_000 },
    { note: 'rounds down (99,999 × 15 % = 14,999.85)', set: { 'item.priceFen': 99_999 }, amountFen: 14_999 },
  ],
);

describeProgram(
  goodsFixture('digital-2026', 2026, { category: 'phone', priceFen: 200_000 }),
  30_000,
  [
    ...commonGoodsCases('digital-2026', 'digital', 2026, 'phone'),
    {
      clause: 'category',
      expect: 'pass',
      note: 'smart glasses (2026)',
      set: { 'item.category': 'smart_glasses' },
    },
    { clause: 'category', expect: 'fail', note: 'a camera', set: { 'item.category': 'camera' } },
    { clause: 'price-limit', expect: 'pass', note: 'exactly 6,000 yuan', set: { 'item.priceFen': 600_000 } },
    { clause: 'price-limit', expect: 'fail', note: '6,000.01 yuan', set: { 'item.priceFen': 600_001 } },
    { clause: 'price-limit', expect: 'unknown', note: 'price missing', set: { 'item.priceFen': undefined } },
    {
      clause: 'quota',
      expect: 'pass',
      note: 'a tablet after a phone',
      set: { 'item.category': 'tablet' },
      history: [entry({ programCode: 'digital-2026', programKind: 'digital', category: 'phone' })],
    },
  ],
  [
    { note: '15 %', amountFen: 30_000 },
    {
      note: 'capped at 500 yuan at the 6,000-yuan limit',
      set: { 'item.priceFen': 600_000 },
      amountFen: 50_000,
    },
    {
      note: 'just below the cap rounds down (333,333 → 49,999)',
      set: { 'item.priceFen': 333_333 },
      amountFen: 49_999,
    },
    {
      note: 'just above reaches the cap (333,334 → 50,000)',
      set: { 'item.priceFen': 333_334 },
      amountFen: 50_000,
    },
  ],
);
