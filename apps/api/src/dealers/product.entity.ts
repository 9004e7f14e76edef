import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { bigintNumber } from '../database/transformers';
import { OrganizationEntity } from '../users/organization.entity';
import { UserEntity } from '../users/user.entity';

/**
 * A SKU in an organisation's product register (operations.md §2): per program, one row per GTIN-13
 * barcode, with its current filed price (备案价). Every filed price, the first one included, is a
 * row of `dealer_product_price`.
 */
@Entity({ name: 'dealer_product' })
@Index(['organizationId', 'programCode', 'barcode'], { unique: true })
@Check('dealer_product_price_positive', '"filed_price_fen" > 0')
@Check('dealer_product_grade_range', '"efficiency_grade" IS NULL OR "efficiency_grade" BETWEEN 1 AND 5')
export class ProductEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Column({ name: 'program_code', type: 'text' })
  programCode: string;

  @Column({ type: 'text' })
  category: string;

  /** GTIN-13, normalised. */
  @Index()
  @Column({ type: 'text' })
  barcode: string;

  @Column({ type: 'text' })
  brand: string;

  @Column({ type: 'text' })
  model: string;

  @Column({ name: 'efficiency_grade', type: 'smallint', nullable: true })
  efficiencyGrade: number | null;

  @Column({ name: 'filed_price_fen', type: 'bigint', transformer: bigintNumber })
  filedPriceFen: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * One filed price of a product. A raise more than 10 % above `baseline_fen` (the lowest price filed
 * in the 90 days before it) is `flagged`: a later claim for this product sold within 90 days of
 * `effective_at` carries a review signal ("raise before the discount"). What the review needs is
 * here: the price, the baseline, the raise in basis points, when and by whom.
 */
@Entity({ name: 'dealer_product_price' })
@Index(['productId', 'effectiveAt'])
@Index('dealer_product_price_flagged', ['productId', 'effectiveAt'], { where: '"flagged"' })
@Check('dealer_product_price_fen_positive', '"price_fen" > 0')
export class ProductPriceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  @Column({ name: 'price_fen', type: 'bigint', transformer: bigintNumber })
  priceFen: number;

  @Column({ name: 'baseline_fen', type: 'bigint', nullable: true, transformer: bigintNumber })
  baselineFen: number | null;

  @Column({ name: 'raise_basis_points', type: 'integer', default: 0 })
  raiseBasisPoints: number;

  @Column({ type: 'boolean', default: false })
  flagged: boolean;

  @Index()
  @Column({ name: 'changed_by', type: 'uuid' })
  changedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'changed_by' })
  changer?: UserEntity;

  @Column({ name: 'effective_at', type: 'timestamptz', default: () => 'now()' })
  effectiveAt: Date;
}
