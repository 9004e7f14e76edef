/**
 * Risk signals (operations.md §7): each an explainable rule with a weight and a reason. Their sum is
 * the claim's risk score, which routes a case (to the four-eyes path, into the sample) and never
 * rejects it on its own. The automated checks raise the flags; the weights live here so the queue,
 * the case screen and the console agree on them.
 */
export interface RiskSignal {
  weight: number;
  title: { zh: string; en: string };
}

export const RISK_SIGNALS = {
  DUPLICATE_DOCUMENT: {
    weight: 40,
    title: { zh: '与他人申请的材料重复', en: "Document identical to another applicant's" },
  },
  SHARED_BANK_ACCOUNT: {
    weight: 30,
    title: { zh: '银行账户与其他申请人相同', en: 'Bank account shared with another applicant' },
  },
  SAME_DEVICE_PATTERN: {
    weight: 20,
    title: { zh: '同一设备一天内多人提交', en: 'Several applicants submitted from one device within a day' },
  },
  IDENTIFIER_WARNING: {
    weight: 10,
    title: { zh: '证件或编号存在疑点', en: 'An identifier looks doubtful' },
  },
  RULES_RECHECK_FAILED: {
    weight: 50,
    title: { zh: '复核时不再符合条件', en: 'No longer eligible when the rules were re-run' },
  },
  // The audit-derived rules of operations.md §7 (apps/api/src/risk/): each raised with a `detail` naming why.
  VEHICLE_NOT_PASSENGER: {
    weight: 50,
    title: {
      zh: '旧车申报为非乘用车或营运车辆',
      en: 'The old vehicle is declared non-passenger or operating',
    },
  },
  INVOICE_BUYER_NOT_APPLICANT: {
    weight: 40,
    title: {
      zh: '发票购买人或登记车主不是申请人',
      en: 'The invoice buyer or registered owner is not the applicant',
    },
  },
  DUPLICATE_KEY: {
    weight: 40,
    title: {
      zh: '车架号、证明编号、发票号或序列号与他人申请重复',
      en: "A VIN, certificate, invoice or serial number is in another person's claim",
    },
  },
  LATE_UPLOAD: {
    weight: 10,
    title: { zh: '材料上传时间远晚于购买日期', en: 'Documents uploaded long after the sale' },
  },
  // The dealers' records (issue 13; apps/api/src/risk/dealer-records.rules.ts).
  PRICE_ABOVE_FILED_BASELINE: {
    weight: 30,
    title: {
      zh: '售价高于近90天备案价或备案价近期大幅上调',
      en: 'Price above the 90-day filed baseline, or a flagged filed-price raise',
    },
  },
  MANY_ITEMS_ONE_ADDRESS: {
    weight: 30,
    title: {
      zh: '多名购买人的商品配送至同一地址',
      en: 'Items of several buyers delivered to one address',
    },
  },
  CERTIFICATE_NOT_ON_FILE: {
    weight: 40,
    title: {
      zh: '报废机动车回收证明未经拆解企业登记',
      en: 'No dismantler recorded this scrap certificate',
    },
  },
  // Returns (issue 14, operations.md §6): the dealer reported the goods of the claim's sale returned.
  SALE_RETURNED: {
    weight: 50,
    title: {
      zh: '经销商已登记该商品退货',
      en: 'The dealer reported the goods returned',
    },
  },
} as const satisfies Record<string, RiskSignal>;
export type RiskSignalCode = keyof typeof RISK_SIGNALS;

/** A score at or above this sends an approval to the four-eyes path. */
export const HIGH_RISK_SCORE = 50;

export function isRiskSignalCode(code: string): code is RiskSignalCode {
  return Object.hasOwn(RISK_SIGNALS, code);
}

/** The weight of a raised flag; a code without a published weight counts 0 (shown, not scored). */
export function riskWeight(code: string): number {
  return isRiskSignalCode(code) ? RISK_SIGNALS[code].weight : 0;
}

/** The risk score of a claim: the sum of its flags' weights. */
export function riskScore(codes: readonly string[]): number {
  return codes.reduce((sum, code) => sum + riskWeight(code), 0);
}
