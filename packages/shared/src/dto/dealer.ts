import type { ApplicationStatus } from '../applications';
import type { CarPowertrain, DealerSaleStatus, DeliveryMode, ReturnOutcome, SaleKind } from '../dealer-sales';
import type { DealerSaleMoney } from '../dealer-ledger';
import type { OrganizationKind, OrganizationStatus } from '../dealers';

/**
 * An organisation as the dealer and admin routes return it (api-contract.md "Dealer organisations and
 * accounts"). The payout account number is never sent in full: only its masked form.
 */
export interface OrganizationView {
  id: string;
  name: string;
  /** Unified social credit code (统一社会信用代码), normalised. */
  uscc: string;
  kinds: OrganizationKind[];
  programs: string[];
  status: OrganizationStatus;
  street: string | null;
  /** The reason of the last status change (suspension, disqualification, approval note). */
  statusReason?: string;
  statusChangedAt: string | null;
  contactName: string | null;
  /** `138****8000`. */
  contactPhoneMasked: string | null;
  payoutBankName: string | null;
  /** Account name = organisation name (对公账户). */
  payoutAccountName: string | null;
  /** `**** **** **** 1234`. */
  payoutAccountMasked: string | null;
  createdAt: string;
}

/** One change of an organisation's status, kept for the commerce office's review page. */
export interface OrganizationStatusEventView {
  fromStatus: OrganizationStatus | null;
  toStatus: OrganizationStatus;
  reason: string;
  actorId: string | null;
  at: string;
}

export interface OrganizationDetailView extends OrganizationView {
  history: OrganizationStatusEventView[];
}

/** `POST /api/dealer/registrations` body. */
export interface DealerRegistrationRequest {
  organization: {
    name: string;
    uscc: string;
    kinds: OrganizationKind[];
    programs: string[];
    street: string;
    contactName: string;
    contactPhone: string;
    payoutBankName: string;
    payoutAccountNo: string;
  };
  username: string;
  password: string;
  consent: true;
}

export interface DealerRegistrationResult {
  organizationId: string;
  status: 'pending';
}

/** A dealer account of the caller's organisation. */
export interface DealerUserView {
  id: string;
  username: string | null;
  displayName: string;
  /** May add the organisation's staff accounts. */
  orgAdmin: boolean;
  disabled: boolean;
  createdAt: string;
}

/** `GET /api/dealer/me`. */
export interface DealerMeView {
  organization: OrganizationView;
  user: DealerUserView;
}

/** `POST /api/dealer/users` body (organisation admins only). */
export interface CreateDealerUserRequest {
  username: string;
  displayName: string;
  password: string;
  orgAdmin?: boolean;
}

/** One filed price of a product; the first is the price it was registered with. */
export interface ProductPriceView {
  priceFen: number;
  effectiveAt: string;
  /** The lowest price filed in the 90 days before this one (the rule's baseline); null for the first. */
  baselineFen: number | null;
  /** Above the baseline by more than 10 %: flagged for review. */
  flagged: boolean;
}

export interface ProductView {
  id: string;
  programCode: string;
  category: string;
  /** GTIN-13, normalised. */
  barcode: string;
  brand: string;
  model: string;
  efficiencyGrade: number | null;
  filedPriceFen: number;
  /** A flagged raise in the last 90 days: later claims on this product get a review signal. */
  priceRaiseFlagged: boolean;
  priceHistory: ProductPriceView[];
  createdAt: string;
  updatedAt: string;
}

export interface CreateProductRequest {
  programCode: string;
  category: string;
  barcode: string;
  brand: string;
  model: string;
  efficiencyGrade?: number | null;
  filedPriceFen: number;
}

/** `POST /api/dealer/sales`, goods body (api-contract.md "Dealer records"). Amounts in fen. */
export interface GoodsSaleRequest {
  programCode: string;
  /** A resident's voucher redeemed at the till (point of sale); without one the subsidy at the till is 0. */
  voucherCode?: string;
  /** A product of the caller's own register, filed for `programCode`. */
  productId: string;
  serialNo: string;
  /** 15 digits with the Luhn check digit; required for the categories of `IMEI_CATEGORIES`. */
  imei?: string;
  /** Invoice total (价税合计) = paidFen + subsidy + otherDiscountFen; at most the filed price. */
  priceFen: number;
  paidFen: number;
  otherDiscountFen: number;
  invoiceNo: string;
  /** `YYYY-MM-DD`, not in the future. */
  invoiceDate: string;
  /** A person: name and resident ID number (a company's credit code is BUYER_NOT_PERSON). */
  buyer: { name: string; idNumber: string };
  delivery: {
    mode: DeliveryMode;
    /** Required for `delivery`. */
    address?: string;
    trackingNo?: string;
    deliveredOn?: string;
  };
  oldItem?: { recyclerUscc: string; receiptNo: string; recycledOn: string };
}

/**
 * One goods sale as the bulk path takes it (`SalesService.recordGoodsMany`): the same fields as the
 * HTTP body — an imported row mapped to this shape. Rows are checked as untrusted values, so a
 * cell of the wrong type is that row's INVALID_TYPE, not a crash.
 */
export type GoodsSaleInput = GoodsSaleRequest;

/** `POST /api/dealer/sales`, car body (a new car's sale by a car dealer). */
export interface CarSaleRequest {
  programCode: string;
  vehicle: { vin: string; powertrain: CarPowertrain; displacementL: number; inNevCatalogue: boolean };
  priceFen: number;
  invoiceNo: string;
  invoiceDate: string;
  buyer: { name: string; idNumber: string };
}

export type DealerSaleRequest = GoodsSaleRequest | CarSaleRequest;

/** `POST /api/dealer/sales` → 201. With a voucher: the subsidy granted at the till and the claim it created. */
export interface DealerSaleResult {
  id: string;
  subsidyFen: number;
  applicationId?: string;
}

/** One refused row of a bulk recording (index into the submitted rows, 0-based). */
export interface SaleRowError {
  index: number;
  /** The field path, as in a single sale's `fields` (`buyer.idNumber`, `delivery.address`, …). */
  field: string;
  code: string;
}

/** The claim a sale backs: the point-of-sale claim it created, or the resident's claim matched to it. */
export interface DealerSaleClaimView {
  id: string;
  code: string;
  status: ApplicationStatus;
}

/** A sale as `GET /api/dealer/sales` lists it; the buyer's name and ID only masked. */
export interface DealerSaleView {
  id: string;
  kind: SaleKind;
  status: DealerSaleStatus;
  programCode: string;
  productId: string | null;
  category: string | null;
  serialNo: string | null;
  imei: string | null;
  vin: string | null;
  priceFen: number;
  paidFen: number;
  subsidyFen: number;
  otherDiscountFen: number;
  /** The product's filed price when the sale was recorded (goods). */
  filedPriceFen: number | null;
  invoiceNo: string;
  invoiceDate: string;
  /** `张*`. */
  buyerNameMasked: string;
  /** `3701**********1234`. */
  buyerIdNumberMasked: string;
  deliveryMode: DeliveryMode | null;
  deliveredOn: string | null;
  claim: DealerSaleClaimView | null;
  /**
   * Where the sale's subsidy money stands on the dealer's ledger (the claim pays the dealer: point
   * of sale); null when the dealer is not its payee (a resident's own claim, or none).
   */
  money: DealerSaleMoney | null;
  /** The reported return (`status: returned`): its date, reason and what it did; null otherwise. */
  return: { returnedOn: string; reason: string; outcome: ReturnOutcome } | null;
  createdAt: string;
}

export interface DealerSaleListQuery {
  status?: DealerSaleStatus;
  page?: number;
  pageSize?: number;
}

export interface DealerSaleList {
  items: DealerSaleView[];
  total: number;
}
