import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OrganizationEntity } from '../../users/organization.entity';
import { UserEntity } from '../../users/user.entity';

/**
 * A recycler's receipt for an old appliance or e-bike (operations.md §3, "old item"). A claim cites
 * it by number alone (`oldItem.recyclingReceiptNo`), so the number is unique across recyclers, by
 * the index. The seller's ID number is encrypted, with the profile's blind index beside it.
 */
@Entity({ name: 'dealer_recycling_receipt' })
@Index(['organizationId', 'createdAt'])
export class RecyclingReceiptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  /** Normalised (identifiers.md). */
  @Index({ unique: true })
  @Column({ name: 'receipt_no', type: 'text' })
  receiptNo: string;

  @Column({ type: 'text' })
  category: string;

  @Column({ name: 'seller_id_number_enc', type: 'text' })
  sellerIdNumberEnc: string;

  @Index()
  @Column({ name: 'seller_id_number_bidx', type: 'text' })
  sellerIdNumberBidx: string;

  @Column({ name: 'recycled_on', type: 'date' })
  recycledOn: string;

  @Index()
  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
