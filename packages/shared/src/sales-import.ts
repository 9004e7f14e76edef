/**
 * Bulk import of goods sale records (`POST /api/dealer/sales/import`, issue 13): the columns, their
 * two header spellings and the limits, shared so the web's template help, its client-side checks
 * and its per-row error report name exactly what the API reads.
 *
 * Each column is one field of the goods sale body (`POST /api/dealer/sales`), flattened with dots
 * (`buyer.name`). A header cell may be the Chinese name, the English path, or the template's
 * `中文名/path`; a column whose field is optional may be left out of the file.
 */

/** How a cell is read: text, integer fen (no decimals, no separators), or a calendar date. */
export type SalesImportCellType = 'text' | 'fen' | 'date';

export interface SalesImportColumn {
  /** The field's path in the goods sale body. */
  readonly path: string;
  /** The Chinese header. */
  readonly zh: string;
  readonly type: SalesImportCellType;
  /** The column must be in the header (its field is required in every row). */
  readonly required: boolean;
  /** What the cell holds, for the template's notes (Chinese, then English). */
  readonly note: { readonly zh: string; readonly en: string };
  /** A value the notes show as an example. */
  readonly example: string;
}

export const SALES_IMPORT_COLUMNS: readonly SalesImportColumn[] = [
  {
    path: 'programCode',
    zh: '补贴项目代码',
    type: 'text',
    required: true,
    note: { zh: '本单位已加入的商品类项目代码', en: 'A goods program the organisation has joined' },
    example: 'appliance-2026',
  },
  {
    path: 'voucherCode',
    zh: '补贴券码',
    type: 'text',
    required: false,
    note: { zh: '收银时核销的补贴券（可空）', en: 'The voucher redeemed at the till (optional)' },
    example: '',
  },
  {
    path: 'productId',
    zh: '商品编号',
    type: 'text',
    required: true,
    note: {
      zh: '商品备案中的编号（见“商品”工作表）',
      en: 'The product register id (see the products sheet)',
    },
    example: '0b9e1c2a-7d3f-4e8a-9c61-2f5d8a4b6e10',
  },
  {
    path: 'serialNo',
    zh: '产品序列号',
    type: 'text',
    required: true,
    note: { zh: '机身序列号（SN），不可重复', en: 'The serial number (SN), unique' },
    example: 'SN20260301A001',
  },
  {
    path: 'imei',
    zh: 'IMEI',
    type: 'text',
    required: false,
    note: { zh: '手机等设备的 IMEI（15 位，可空）', en: 'IMEI of a phone (15 digits, optional)' },
    example: '',
  },
  {
    path: 'priceFen',
    zh: '成交价（分）',
    type: 'fen',
    required: true,
    note: { zh: '发票金额，单位：分（整数）', en: 'Invoice total in fen (integer)' },
    example: '399900',
  },
  {
    path: 'paidFen',
    zh: '实付金额（分）',
    type: 'fen',
    required: true,
    note: { zh: '购买人实付，单位：分', en: 'Paid by the buyer, in fen' },
    example: '339915',
  },
  {
    path: 'otherDiscountFen',
    zh: '其他优惠（分）',
    type: 'fen',
    required: true,
    note: { zh: '补贴以外的优惠，单位：分（无则填 0）', en: 'Other discounts in fen (0 if none)' },
    example: '0',
  },
  {
    path: 'invoiceNo',
    zh: '发票号码',
    type: 'text',
    required: true,
    note: { zh: '请将单元格设为文本，防止前导 0 丢失', en: 'Format the cell as text (keeps leading zeros)' },
    example: '26372000000012345678',
  },
  {
    path: 'invoiceDate',
    zh: '开票日期',
    type: 'date',
    required: true,
    note: { zh: '日期，如 2026-03-01', en: 'A date, e.g. 2026-03-01' },
    example: '2026-03-01',
  },
  {
    path: 'buyer.name',
    zh: '购买人姓名',
    type: 'text',
    required: true,
    note: { zh: '发票上的个人姓名', en: 'The person named on the invoice' },
    example: '张三',
  },
  {
    path: 'buyer.idNumber',
    zh: '购买人身份证号',
    type: 'text',
    required: true,
    note: { zh: '18 位身份证号，单元格设为文本', en: '18-character ID number, as a text cell' },
    example: '370181196003010015',
  },
  {
    path: 'delivery.mode',
    zh: '交付方式',
    type: 'text',
    required: true,
    note: { zh: '自提 或 配送（pickup / delivery）', en: 'pickup or delivery (自提 / 配送)' },
    example: '自提',
  },
  {
    path: 'delivery.address',
    zh: '配送地址',
    type: 'text',
    required: false,
    note: { zh: '配送时必填', en: 'Required for delivery' },
    example: '',
  },
  {
    path: 'delivery.trackingNo',
    zh: '物流单号',
    type: 'text',
    required: false,
    note: { zh: '可空', en: 'Optional' },
    example: '',
  },
  {
    path: 'delivery.deliveredOn',
    zh: '送达日期',
    type: 'date',
    required: false,
    note: { zh: '可空', en: 'Optional' },
    example: '',
  },
  {
    path: 'oldItem.recyclerUscc',
    zh: '旧机回收企业信用代码',
    type: 'text',
    required: false,
    note: { zh: '交旧时三项同填，否则三项同空', en: 'With a trade-in fill all three old-item columns' },
    example: '',
  },
  {
    path: 'oldItem.receiptNo',
    zh: '旧机回收凭证号',
    type: 'text',
    required: false,
    note: { zh: '回收企业出具的凭证号', en: 'The recycler’s receipt number' },
    example: '',
  },
  {
    path: 'oldItem.recycledOn',
    zh: '旧机回收日期',
    type: 'date',
    required: false,
    note: { zh: '日期，如 2026-02-28', en: 'A date, e.g. 2026-02-28' },
    example: '',
  },
];

/** The template's header cell of a column: Chinese name, a slash, the English path. */
export function salesImportHeader(column: SalesImportColumn): string {
  return `${column.zh}/${column.path}`;
}

/** `delivery.mode` may be written in Chinese; these are the words the importer reads as each mode. */
export const DELIVERY_MODE_WORDS: Readonly<Record<string, 'pickup' | 'delivery'>> = {
  pickup: 'pickup',
  delivery: 'delivery',
  自提: 'pickup',
  到店自提: 'pickup',
  配送: 'delivery',
  送货上门: 'delivery',
};

/** The largest import file accepted (413 above). */
export const SALES_IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** The most data rows one import may hold (422 TOO_MANY_ROWS above; the header is not a data row). */
export const SALES_IMPORT_MAX_ROWS = 5_000;

/** One problem of an import: the file's line as a spreadsheet shows it (header = 1), the column's path. */
export interface SalesImportRowError {
  line: number;
  field: string;
  code: string;
}

export interface SalesImportResult {
  created: number;
  errors: [];
}
