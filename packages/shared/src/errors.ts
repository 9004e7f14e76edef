/**
 * Error codes of the HTTP contract (`{ error: { code, message, fields } }`) and the one table that
 * gives each its HTTP status. The API builds a domain error from its code alone (the status follows
 * from here), the global filter answers with it, and the web reads the same table and translates
 * the codes (`errors.<CODE>`). Adding a code without a status does not compile.
 */
export const ERROR_STATUS = {
  // Generic: the codes of requests the framework refuses before any domain code runs.
  BAD_REQUEST: 400,
  MALFORMED_JSON: 400,
  VALIDATION_FAILED: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
  // Programs and eligibility
  PROGRAM_NOT_FOUND: 404,
  INVALID_PROGRAM_DEFINITION: 422,
  NOT_ELIGIBLE: 422,
  PROGRAM_CLOSED: 409,
  BUDGET_EXHAUSTED: 409,
  BUDGET_BELOW_RESERVED: 409,
  // Identity and access
  CSRF_ORIGIN_MISMATCH: 403,
  OTP_INVALID: 401,
  OTP_EXPIRED: 401,
  OTP_TOO_MANY_ATTEMPTS: 429,
  SMS_UNAVAILABLE: 503,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 401,
  MFA_REQUIRED: 401,
  MFA_INVALID: 401,
  MFA_ENROLMENT_REQUIRED: 403,
  /** The enrolment token is unknown, used or timed out, or step 1 was skipped: sign in again. */
  MFA_ENROLMENT_EXPIRED: 401,
  PROFILE_NOT_FOUND: 404,
  ID_NUMBER_IN_USE: 409,
  USERNAME_TAKEN: 409,
  USCC_TAKEN: 409,
  USER_NOT_FOUND: 404,
  ORGANIZATION_NOT_FOUND: 404,
  // Applications
  APPLICATION_NOT_FOUND: 404,
  WRONG_STATE: 409,
  MISSING_DOCUMENTS: 422,
  DUPLICATE_CLAIM: 409,
  IDEMPOTENCY_KEY_MISSING: 400,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_KEY_IN_FLIGHT: 409,
  DOCUMENT_NOT_FOUND: 404,
  TOO_MANY_DOCUMENTS: 409,
  /** No real-name profile yet (api-contract: 422 on `POST /api/vouchers`; the submit route answers the same). */
  PROFILE_REQUIRED: 422,
  // Documents and request bodies: a body that did not arrive in time (UPLOAD_TIMEOUT_MS / REQUEST_TIMEOUT_MS).
  REQUEST_TIMEOUT: 408,
  // HTTP hardening and the scoped reveal (issue 9: items 8, 9, 13)
  /** A JSON body nested deeper than the parser accepts (MAX_JSON_DEPTH). */
  JSON_TOO_DEEP: 400,
  /** The reviewer's personal-data reveals for today are used up (REVEAL_LIMIT_PER_DAY); the auditor is alerted. */
  REVEAL_LIMIT_EXCEEDED: 429,
  // Auth and profile security (issue 9)
  /** The ID number cannot change once the account has a submitted claim. */
  ID_NUMBER_LOCKED: 409,
  /** A reviewer/approver account made usable by one admin needs a different admin to activate it. */
  SECOND_ADMIN_REQUIRED: 403,
  // Review sampling (issue 11)
  SAMPLE_NOT_FOUND: 404,
  /** The application is not an item of that sample. */
  SAMPLE_ITEM_NOT_FOUND: 404,
  /** The sampled case already has its outcome (an outcome is recorded once). */
  SAMPLE_OUTCOME_RECORDED: 409,
  /** The program has no approved or paid claim to sample yet. */
  NOTHING_TO_SAMPLE: 409,
  // Review workbench (issue 11)
  /** Another reviewer holds an unexpired lease on the case. */
  CASE_HELD: 409,
  /** A decision needs the caller's own unexpired lease on the case (take it first). */
  CASE_NOT_HELD: 409,
  /** The four-eyes second approval by the user who made the first one. */
  SELF_APPROVAL: 403,
  /** The four-eyes second approval needs the role `approver`. */
  APPROVER_REQUIRED: 403,
  // Payments (issue 12)
  BATCH_NOT_FOUND: 404,
  /** The program has no approved, unpaid claim that may be paid now (return window, open batch, failed account). */
  NOTHING_TO_PAY: 409,
  /** A batch is released by a different finance user than the one who built it. */
  SELF_RELEASE: 403,
  /** Only a draft batch can be released. */
  BATCH_NOT_DRAFT: 409,
  /** The bank file and the reconciliation need a released batch. */
  BATCH_NOT_RELEASED: 409,
  /** The released batch has no line left to pay (every line is paid or failed). */
  BATCH_SETTLED: 409,
  /** The result file's header is not `lineId,result,reason,bankRef` (`amount` optional): `fields` names the columns. */
  RECONCILE_COLUMNS_INVALID: 422,
  /** Rows of the result file are wrong: `rows: [{ line, lineId, field, code }]`; nothing was changed. */
  RECONCILE_FILE_INVALID: 422,
  // Dealer organisations and products (issue 13)
  /** An organisation with this credit code is registered (pending, active or suspended). */
  USCC_IN_USE: 409,
  /** This credit code belongs to a disqualified organisation: it can never register again. */
  USCC_DISQUALIFIED: 409,
  USERNAME_IN_USE: 409,
  /** The caller's organisation is pending, suspended or disqualified: reads only. */
  ORGANIZATION_NOT_ACTIVE: 403,
  /** The organisation's lifecycle does not allow this change (operations.md §2). */
  ILLEGAL_STATUS_CHANGE: 409,
  /** The route is for the organisation's administrators (`orgAdmin`). */
  ORG_ADMIN_REQUIRED: 403,
  PRODUCT_NOT_FOUND: 404,
  /** The organisation has filed this barcode for this program already. */
  DUPLICATE_PRODUCT: 409,
  // Dealer sale records (issue 13)
  /** The invoice total is not paid + subsidy + other discounts (`priceFen ≠ paidFen + subsidyFen + otherDiscountFen`). */
  AMOUNTS_DO_NOT_ADD_UP: 422,
  /** The sale's price is above the product's current filed price (备案价). */
  ABOVE_FILED_PRICE: 422,
  /** The buyer's ID is not a resident ID (a company's credit code, or no ID at all): sales are to persons. */
  BUYER_NOT_PERSON: 422,
  /** The organisation's kinds do not include the one this record needs (goods sale: retailer; car sale:
   * car_dealer; certificate: dismantler; recycling receipt: recycler). */
  ORGANIZATION_KIND_NOT_ALLOWED: 403,
  /** No voucher with this code can be redeemed here (no such code, or a program the dealer does not join). */
  VOUCHER_NOT_FOUND: 409,
  /** This serial number is recorded for another sale of the category. */
  DUPLICATE_SERIAL: 409,
  /** This invoice number backs another sale. */
  DUPLICATE_INVOICE: 409,
  DUPLICATE_IMEI: 409,
  /** This new car's VIN is recorded for another sale. */
  DUPLICATE_VIN: 409,
  SALE_NOT_FOUND: 404,
  /** A certificate with this number is on file already (one certificate backs one claim). */
  DUPLICATE_CERTIFICATE: 409,
  CERTIFICATE_NOT_FOUND: 404,
  /** A recycling receipt with this number is on file already. */
  DUPLICATE_RECEIPT: 409,
  RECEIPT_NOT_FOUND: 404,
  /** Registration documents: at most MAX_ORGANIZATION_DOCUMENTS per organisation. */
  TOO_MANY_ORGANIZATION_DOCUMENTS: 409,
  // Budgets and pauses (issue 12)
  /** A tranche with this document number (文号) is already on the program's budget. */
  DUPLICATE_DOCUMENT_NO: 409,
  /** The program is paused: new claims are refused (except purchases before the pause, within the grace days). */
  PROGRAM_PAUSED: 409,
  /** The program's pause is already in effect (a pause can be amended only before it starts). */
  PROGRAM_ALREADY_PAUSED: 409,
  // Bulk import of sale records (issue 13)
  /** Rows of the import are wrong: `rows: [{ line, field, code }]` (header = line 1); nothing was written. */
  IMPORT_FAILED: 422,
  /** The header's columns are wrong: `fields` names each missing, unknown or repeated column. */
  IMPORT_COLUMNS: 422,
  /** More data rows than one import may hold (SALES_IMPORT_MAX_ROWS). */
  TOO_MANY_ROWS: 422,
  /** The XLSX archive is refused before it is read: too large inflated, too many entries, nested, encrypted or corrupt. */
  IMPORT_ARCHIVE_REJECTED: 422,
  // Audit console (issue 15)
  /** The export's filters match more rows than AUDIT_EXPORT_MAX_ROWS (`limit`, `matched`): narrow them. */
  AUDIT_EXPORT_TOO_LARGE: 422,
  // Vouchers (issue 14)
  /** The person has used this program's category quota (§5): live or redeemed vouchers and claims after purchase. */
  QUOTA_EXCEEDED: 409,
  /** The program allocates by lottery: register for the round instead of taking a voucher. */
  LOTTERY_PROGRAM: 409,
  /** The program does not issue point-of-sale vouchers, or not for this category. */
  VOUCHERS_NOT_OFFERED: 422,
  /** Lottery entries: the program allocates first come, first served (take a voucher instead). */
  NOT_A_LOTTERY: 409,
  /** No round of the program's lottery takes entries now (before, between or after the rounds). */
  LOTTERY_CLOSED: 409,
  /** The person has an entry for this category in this round already. */
  LOTTERY_ALREADY_ENTERED: 409,
  // Redemption at the till (issue 14)
  /** The voucher is past its `expiresAt`, or was cancelled or expired: it cannot be redeemed. */
  VOUCHER_EXPIRED: 409,
  /** The voucher was redeemed already (at this till or another). */
  VOUCHER_USED: 409,
  /** The voucher is for another program than the sale's (field `programCode`). */
  VOUCHER_PROGRAM_MISMATCH: 409,
  /** The product's category is not the voucher's (field `productId`). */
  VOUCHER_CATEGORY_MISMATCH: 409,
  /** The buyer's ID number is not the voucher holder's (field `buyer.idNumber`). */
  BUYER_NOT_HOLDER: 422,
  // Program versions (issue 15, operations.md §10)
  /** No version with this number for the program. */
  VERSION_NOT_FOUND: 404,
  /** Four eyes: the draft's author cannot publish it; a second administrator must. */
  SELF_PUBLISH: 403,
  /** The version is published already (publishing is once). */
  ALREADY_PUBLISHED: 409,
  /** Another version was published after the one this draft was edited from: make a new draft. */
  STALE_DRAFT: 409,
  /** A what-if is for drafts: this version is published already. */
  VERSION_PUBLISHED: 409,
  /** A program with this code exists already. */
  PROGRAM_CODE_TAKEN: 409,
  /** A retroactive version costs more than the budget has left (`shortfallFen`); nothing changed. */
  BUDGET_SHORTFALL: 409,
} as const satisfies Record<
  string,
  400 | 401 | 403 | 404 | 405 | 408 | 409 | 413 | 415 | 422 | 429 | 500 | 503
>;

/** Every code the API may answer with: a typed union, not a string. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** `ErrorCode.WRONG_STATE === 'WRONG_STATE'`: the codes as values, for code that names one. */
export const ErrorCode = Object.freeze(
  Object.fromEntries(Object.keys(ERROR_STATUS).map((code) => [code, code])) as {
    readonly [C in ErrorCode]: C;
  },
);

export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];

/** The HTTP status a code is answered with. */
export function statusOf(code: ErrorCode): ErrorStatus {
  return ERROR_STATUS[code];
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_STATUS, value);
}

/**
 * The generic code for a bare status: what the API answers when the framework (not a domain
 * error) refused a request, and what the web shows when an answer had no error body (a proxy's
 * HTML 502). `undefined` for a status no generic code stands for.
 */
export function genericCodeForStatus(status: number): ErrorCode | undefined {
  switch (status) {
    case 400:
      return ErrorCode.BAD_REQUEST;
    case 401:
      return ErrorCode.UNAUTHENTICATED;
    case 403:
      return ErrorCode.FORBIDDEN;
    case 404:
      return ErrorCode.NOT_FOUND;
    case 405:
      return ErrorCode.METHOD_NOT_ALLOWED;
    case 408:
      return ErrorCode.REQUEST_TIMEOUT;
    case 409:
      return ErrorCode.CONFLICT;
    case 413:
      return ErrorCode.PAYLOAD_TOO_LARGE;
    case 415:
      return ErrorCode.UNSUPPORTED_MEDIA_TYPE;
    case 422:
      return ErrorCode.VALIDATION_FAILED;
    case 429:
      return ErrorCode.RATE_LIMITED;
    case 503:
      return ErrorCode.SERVICE_UNAVAILABLE;
    default:
      return undefined;
  }
}

/** Per-field validation codes carried in `error.fields`. */
export const FieldErrorCode = {
  REQUIRED: 'REQUIRED',
  UNKNOWN_FIELD: 'UNKNOWN_FIELD',
  INVALID_TYPE: 'INVALID_TYPE',
  INVALID_FORMAT: 'INVALID_FORMAT',
  INVALID_CHECKSUM: 'INVALID_CHECKSUM',
  INVALID_DATE: 'INVALID_DATE',
  OUT_OF_RANGE: 'OUT_OF_RANGE',
  TOO_LONG: 'TOO_LONG',
  NOT_IN_OPTIONS: 'NOT_IN_OPTIONS',
  CONSENT_REQUIRED: 'CONSENT_REQUIRED',
  PASSWORD_TOO_SHORT: 'PASSWORD_TOO_SHORT',
  PASSWORD_TOO_LONG: 'PASSWORD_TOO_LONG',
  PASSWORD_TOO_COMMON: 'PASSWORD_TOO_COMMON',
  PASSWORD_CONTAINS_USERNAME: 'PASSWORD_CONTAINS_USERNAME',
  /** Text holding a NUL character or a lone UTF-16 surrogate (PostgreSQL cannot store either). */
  INVALID_CHARACTERS: 'INVALID_CHARACTERS',
  /** A program the organisation has not joined (or not a goods program, for products). */
  PROGRAM_NOT_JOINED: 'PROGRAM_NOT_JOINED',
  /** A pause announced less than 72 hours ahead while the program still has money (operations.md §8). */
  NOTICE_TOO_SHORT: 'NOTICE_TOO_SHORT',
  /** An imported spreadsheet cell holding a formula: paste the values instead. */
  FORMULA_NOT_ALLOWED: 'FORMULA_NOT_ALLOWED',
  /** An imported cell stored as a number where the field is text (an ID or invoice number loses digits). */
  TEXT_CELL_REQUIRED: 'TEXT_CELL_REQUIRED',
  /** The same serial, IMEI or invoice number on an earlier line of the same import. */
  DUPLICATE_IN_FILE: 'DUPLICATE_IN_FILE',
  /** A sale's product filed for another program than the sale's. */
  PRODUCT_NOT_IN_PROGRAM: 'PRODUCT_NOT_IN_PROGRAM',
  /** A sale's delivery date before its invoice date. */
  BEFORE_INVOICE_DATE: 'BEFORE_INVOICE_DATE',
} as const;

export type FieldErrorCode = (typeof FieldErrorCode)[keyof typeof FieldErrorCode];

/** The error body every non-2xx JSON response carries. */
export interface ApiErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** Field path → code (a FieldErrorCode, a fact's validation code, or an ErrorCode such as DUPLICATE_CLAIM). */
    fields?: Record<string, string>;
    /** NOT_ELIGIBLE: the clauses that failed or could not be decided. */
    clauses?: unknown[];
    /** Code-specific members (e.g. an MFA enrolment token). */
    [extra: string]: unknown;
  };
}
