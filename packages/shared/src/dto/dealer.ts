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
