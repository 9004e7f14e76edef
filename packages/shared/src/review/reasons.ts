/**
 * The published reason codes of review decisions (operations.md §7, api-contract.md Review): every
 * reject and every return names one, shown to the resident in Chinese first. `GET /api/review/reasons`
 * serves this list; the API refuses a code that is not in it or of the other kind.
 */
export type ReviewReasonKind = 'reject' | 'return';

export interface ReviewReason {
  code: string;
  kind: ReviewReasonKind;
  title: { zh: string; en: string };
}

export const REVIEW_REASONS = [
  {
    code: 'DOCUMENT_ILLEGIBLE',
    kind: 'return',
    title: { zh: '材料不清晰，请重新上传', en: 'A document is illegible; upload it again' },
  },
  {
    code: 'DOCUMENT_MISSING_PAGE',
    kind: 'return',
    title: { zh: '材料缺页或不完整', en: 'A document is missing pages or incomplete' },
  },
  {
    code: 'FACT_MISMATCH',
    kind: 'return',
    title: { zh: '填写的信息与材料不一致', en: 'What was entered does not match the documents' },
  },
  {
    code: 'INVOICE_NOT_IN_NAME',
    kind: 'return',
    title: { zh: '发票抬头不是申请人本人', en: 'The invoice is not made out to the applicant' },
  },
  {
    code: 'BANK_DETAILS_INVALID',
    kind: 'return',
    title: { zh: '收款账户信息有误', en: 'The payout account details are wrong' },
  },
  {
    code: 'NOT_ELIGIBLE',
    kind: 'reject',
    title: { zh: '不符合本期补贴条件', en: 'Not eligible under this program' },
  },
  {
    code: 'DUPLICATE_CLAIM',
    kind: 'reject',
    title: { zh: '重复申领', en: 'Duplicate claim' },
  },
  {
    code: 'VEHICLE_NOT_PASSENGER',
    kind: 'reject',
    title: { zh: '车辆不属于乘用车', en: 'The vehicle is not a passenger car' },
  },
  {
    code: 'DOCUMENT_FORGED',
    kind: 'reject',
    title: { zh: '材料经核实不真实', en: 'A document was found not to be genuine' },
  },
  {
    code: 'PURCHASE_OUTSIDE_WINDOW',
    kind: 'reject',
    title: {
      zh: '购买或报废时间不在活动期内',
      en: 'The purchase or scrapping is outside the program window',
    },
  },
] as const satisfies readonly ReviewReason[];
export type ReviewReasonCode = (typeof REVIEW_REASONS)[number]['code'];

export function reviewReason(code: string): ReviewReason | undefined {
  return REVIEW_REASONS.find((reason) => reason.code === code);
}
