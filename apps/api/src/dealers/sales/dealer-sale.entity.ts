import {
  DEALER_SALE_STATUSES,
  DELIVERY_MODES,
  type DealerSaleStatus,
  type DeliveryMode,
  RETURN_OUTCOMES,
  type ReturnOutcome,
  SALE_KINDS,
  type SaleKind,
} from '@huanxin/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ApplicationEntity } from '../../applications/application.entity';
import { bigintNumber } from '../../database/transformers';
import { OrganizationEntity } from '../../users/organization.entity';
import { UserEntity } from '../../users/user.entity';
import { ProductEntity } from '../product.entity';

const quoted = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/**
 * The unique indexes of `dealer_sale`, by name: a violation of one is answered with its code
 * (409) on its field. Uniqueness is the database's, so two dealers racing with one serial number
 * cannot both win (operations.md §3: serials and IMEIs unique per category, an invoice backs one
 * sale; §4: one new VIN, one sale). The serial index leads with the serial so a claim's serial is
 * found without its category.
 */
export const DEALER_SALE_UNIQUE = {
  dealer_sale_serial_unique: { code: 'DUPLICATE_SERIAL', field: 'serialNo' },
  dealer_sale_imei_unique: { code: 'DUPLICATE_IMEI', field: 'imei' },
  dealer_sale_invoice_unique: { code: 'DUPLICATE_INVOICE', field: 'invoiceNo' },
  dealer_sale_vin_unique: { code: 'DUPLICATE_VIN', field: 'vehicle.vin' },
} as const;
export type DealerSaleUniqueIndex = keyof typeof DEALER_SALE_UNIQUE;

/**
 * A sale recorded by a dealer (operations.md §3 goods, §4 cars): the source the review matrix and
 * the risk rules compare a resident's claim against, and the dealer's ledger is built on.
 *
 * Identifiers are stored normalised (`normalizeIdentifier`: half-width, upper-case, no spaces or
 * dashes) — the form claims' keys hold — so a claim is matched by plain equality. The buyer's name
 * and ID number and the delivery address are personal data: encrypted (PiiCipher), with keyed
 * blind indexes of the ID (same kind as the profiles', so a sale matches its buyer's profile) and
 * of the normalised address (many items to one address). Amounts in fen, with the sale's invariant
 * `price = paid + subsidy + other discounts` as a CHECK.
 */
@Entity({ name: 'dealer_sale' })
@Index(['organizationId', 'createdAt'])
@Index('dealer_sale_serial_unique', ['serialNo', 'category'], {
  unique: true,
  where: '"serial_no" IS NOT NULL',
})
@Index('dealer_sale_imei_unique', ['imei'], { unique: true, where: '"imei" IS NOT NULL' })
@Index('dealer_sale_invoice_unique', ['invoiceNo'], { unique: true })
@Index('dealer_sale_vin_unique', ['vin'], { unique: true, where: '"vin" IS NOT NULL' })
@Check('dealer_sale_kind_known', `"kind" IN (${quoted(SALE_KINDS)})`)
@Check('dealer_sale_status_known', `"status" IN (${quoted(DEALER_SALE_STATUSES)})`)
@Check(
  'dealer_sale_delivery_known',
  `"delivery_mode" IS NULL OR "delivery_mode" IN (${quoted(DELIVERY_MODES)})`,
)
@Check(
  'dealer_sale_amounts_add_up',
  '"price_fen" = "paid_fen" + "subsidy_fen" + "other_discount_fen" AND "price_fen" > 0 AND "paid_fen" >= 0 AND "subsidy_fen" >= 0 AND "other_discount_fen" >= 0',
)
@Check(
  'dealer_sale_kind_fields',
  `("kind" = 'goods' AND "product_id" IS NOT NULL AND "serial_no" IS NOT NULL AND "delivery_mode" IS NOT NULL AND "vin" IS NULL)
   OR ("kind" = 'car' AND "vin" IS NOT NULL AND "product_id" IS NULL AND "serial_no" IS NULL)`,
)
@Check(
  'dealer_sale_return_outcome_known',
  `"return_outcome" IS NULL OR "return_outcome" IN (${quoted(RETURN_OUTCOMES)})`,
)
@Check(
  'dealer_sale_returned_consistent',
  `("status" = 'returned') = ("returned_on" IS NOT NULL AND "return_reason" IS NOT NULL AND "return_outcome" IS NOT NULL AND "returned_at" IS NOT NULL)`,
)
@Check(
  'dealer_sale_delivery_address',
  `"delivery_mode" IS DISTINCT FROM 'delivery' OR "delivery_address_enc" IS NOT NULL`,
)
export class DealerSaleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Index()
  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by' })
  recorder?: UserEntity;

  @Column({ type: 'text' })
  kind: SaleKind;

  @Column({ type: 'text', default: 'recorded' })
  status: DealerSaleStatus;

  @Column({ name: 'program_code', type: 'text' })
  programCode: string;

  @Index()
  @Column({ name: 'product_id', type: 'uuid', nullable: true })
  productId: string | null;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  /** The product's category at the time of the sale (serials are unique per category). */
  @Column({ type: 'text', nullable: true })
  category: string | null;

  @Column({ name: 'serial_no', type: 'text', nullable: true })
  serialNo: string | null;

  @Column({ type: 'text', nullable: true })
  imei: string | null;

  /** The new car's VIN (check digit verified). */
  @Column({ type: 'text', nullable: true })
  vin: string | null;

  @Column({ type: 'text', nullable: true })
  powertrain: string | null;

  /** Whole millilitres (1.5 L = 1500). */
  @Column({ name: 'displacement_ml', type: 'integer', nullable: true })
  displacementMl: number | null;

  @Column({ name: 'in_nev_catalogue', type: 'boolean', nullable: true })
  inNevCatalogue: boolean | null;

  @Column({ name: 'price_fen', type: 'bigint', transformer: bigintNumber })
  priceFen: number;

  @Column({ name: 'paid_fen', type: 'bigint', transformer: bigintNumber })
  paidFen: number;

  /** The subsidy given at the till (0 without a voucher: the resident claims afterwards). */
  @Column({ name: 'subsidy_fen', type: 'bigint', default: 0, transformer: bigintNumber })
  subsidyFen: number;

  @Column({ name: 'other_discount_fen', type: 'bigint', default: 0, transformer: bigintNumber })
  otherDiscountFen: number;

  /** The product's filed price when the sale was recorded (the baseline the risk rules compare). */
  @Column({ name: 'filed_price_fen', type: 'bigint', nullable: true, transformer: bigintNumber })
  filedPriceFen: number | null;

  /** Normalised digits (code + number of a legacy invoice). */
  @Column({ name: 'invoice_no', type: 'text' })
  invoiceNo: string;

  @Column({ name: 'invoice_date', type: 'date' })
  invoiceDate: string;

  @Column({ name: 'buyer_name_enc', type: 'text' })
  buyerNameEnc: string;

  @Column({ name: 'buyer_id_number_enc', type: 'text' })
  buyerIdNumberEnc: string;

  /** Blind index of the buyer's ID (kind `id_number`, as the profiles'). */
  @Index()
  @Column({ name: 'buyer_id_number_bidx', type: 'text' })
  buyerIdNumberBidx: string;

  @Column({ name: 'delivery_mode', type: 'text', nullable: true })
  deliveryMode: DeliveryMode | null;

  @Column({ name: 'delivery_address_enc', type: 'text', nullable: true })
  deliveryAddressEnc: string | null;

  /** Blind index of `normalizeDeliveryAddress(address)` (kind `address`). */
  @Index()
  @Column({ name: 'delivery_address_bidx', type: 'text', nullable: true })
  deliveryAddressBidx: string | null;

  @Column({ name: 'tracking_no', type: 'text', nullable: true })
  trackingNo: string | null;

  @Column({ name: 'delivered_on', type: 'date', nullable: true })
  deliveredOn: string | null;

  @Column({ name: 'old_item_recycler_uscc', type: 'text', nullable: true })
  oldItemRecyclerUscc: string | null;

  @Column({ name: 'old_item_receipt_no', type: 'text', nullable: true })
  oldItemReceiptNo: string | null;

  @Column({ name: 'old_item_recycled_on', type: 'date', nullable: true })
  oldItemRecycledOn: string | null;

  /** The point-of-sale claim the sale's voucher created (one sale, one claim). */
  @Index({ unique: true, where: '"application_id" IS NOT NULL' })
  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId: string | null;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id' })
  application?: ApplicationEntity;

  /** The reported return (operations.md §6): all four set together with `status = returned`. */
  @Column({ name: 'returned_on', type: 'date', nullable: true })
  returnedOn: string | null;

  @Column({ name: 'return_reason', type: 'text', nullable: true })
  returnReason: string | null;

  @Column({ name: 'return_outcome', type: 'text', nullable: true })
  returnOutcome: ReturnOutcome | null;

  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true })
  returnedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
