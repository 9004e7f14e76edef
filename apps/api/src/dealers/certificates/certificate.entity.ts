import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { bigintNumber } from '../../database/transformers';
import { OrganizationEntity } from '../../users/organization.entity';
import { UserEntity } from '../../users/user.entity';

/**
 * A dismantler's 《报废机动车回收证明》 (operations.md §4): the authority for the old car a resident's
 * car-scrap claim names. The number is unique across all dismantlers (a claim cites it alone), so a
 * second recording is refused by the index, not by a look-up first. The owner's name and ID number
 * are encrypted (PiiCipher, bound to the column); the ID's blind index is the one the profile and the
 * claim use (`id_number`), so the review matrix compares them without decrypting. The scan is a
 * stored document (server key, sniffed type, SHA-256).
 */
@Entity({ name: 'dealer_certificate' })
@Index(['organizationId', 'createdAt'])
export class CertificateEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  /** Normalised (identifiers.md): upper-case, no spaces. */
  @Index({ unique: true })
  @Column({ name: 'certificate_no', type: 'text' })
  certificateNo: string;

  /** The old car's VIN, normalised; indexed for the look-up by vehicle. */
  @Index()
  @Column({ type: 'text' })
  vin: string;

  /** The VIN's check digit failed (allowed for an old car: a warning for the reviewer). */
  @Column({ name: 'vin_warning', type: 'boolean', default: false })
  vinWarning: boolean;

  @Column({ type: 'text' })
  plate: string;

  @Column({ name: 'owner_name_enc', type: 'text' })
  ownerNameEnc: string;

  @Column({ name: 'owner_id_number_enc', type: 'text' })
  ownerIdNumberEnc: string;

  @Index()
  @Column({ name: 'owner_id_number_bidx', type: 'text' })
  ownerIdNumberBidx: string;

  /** The day the car was handed over to the dismantler (the claim's `scrap.scrappedOn`). */
  @Column({ name: 'handed_over_on', type: 'date' })
  handedOverOn: string;

  @Column({ name: 'deregistered_on', type: 'date', nullable: true })
  deregisteredOn: string | null;

  @Column({ name: 'scan_storage_key', type: 'text' })
  scanStorageKey: string;

  @Column({ name: 'scan_content_type', type: 'text' })
  scanContentType: string;

  @Column({ name: 'scan_size', type: 'bigint', transformer: bigintNumber })
  scanSize: number;

  @Column({ name: 'scan_sha256', type: 'text' })
  scanSha256: string;

  @Index()
  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
