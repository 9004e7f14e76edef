import type { OrganizationDocumentKind } from '../dealer-records';

/** A dismantler's 《报废机动车回收证明》 as the dealer console lists it (owner masked). */
export interface CertificateView {
  id: string;
  certificateNo: string;
  /** The old car's VIN, normalised. */
  vin: string;
  /** The VIN's check digit failed: allowed for an old car, a warning for the reviewer. */
  vinWarning: boolean;
  plate: string;
  /** `张*` */
  ownerNameMasked: string;
  /** `3701**********1234` */
  ownerIdNumberMasked: string;
  handedOverOn: string;
  deregisteredOn: string | null;
  scan: { contentType: string; size: number; sha256: string };
  createdAt: string;
}

/** A recycler's receipt for an old appliance or e-bike (seller masked). */
export interface RecyclingReceiptView {
  id: string;
  receiptNo: string;
  category: string;
  sellerIdNumberMasked: string;
  recycledOn: string;
  createdAt: string;
}

export interface CreateRecyclingReceiptRequest {
  receiptNo: string;
  category: string;
  sellerIdNumber: string;
  recycledOn: string;
}

/** A document filed with an organisation's registration (the file itself at its own route). */
export interface OrganizationDocumentView {
  id: string;
  kind: OrganizationDocumentKind;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
}
