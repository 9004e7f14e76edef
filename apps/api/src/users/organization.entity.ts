import {
  ORGANIZATION_KINDS,
  ORGANIZATION_STATUSES,
  type OrganizationKind,
  type OrganizationStatus,
} from '@huanxin/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export { ORGANIZATION_KINDS, type OrganizationKind };

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * A participating dealer, recycler or dismantler (operations.md §2); dealer accounts belong to one.
 * Organisations are never deleted (accounts and records refer to them with RESTRICT), so the unique
 * credit code is also what keeps a disqualified organisation's code from ever registering again: its
 * row stays, `disqualified`, holding the code.
 *
 * Registration data is nullable for the organisations an admin created before self-registration
 * (and the demo ones); a registration always fills it. The contact phone and the payout account
 * number are encrypted like a resident's bank card (PiiCipher, bound to the column name).
 */
@Entity({ name: 'organization' })
@Check(
  'organization_kinds_known',
  `cardinality("kinds") >= 1 AND "kinds" <@ ARRAY[${quoted(ORGANIZATION_KINDS)}]::text[]`,
)
@Check('organization_status_known', `"status" IN (${quoted(ORGANIZATION_STATUSES)})`)
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** Unified social credit code (统一社会信用代码), normalised. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  uscc: string;

  @Column({ type: 'text', array: true })
  kinds: OrganizationKind[];

  /** Codes of the programs it joins. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  programs: string[];

  @Index()
  @Column({ type: 'text', default: 'pending' })
  status: OrganizationStatus;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz', nullable: true })
  statusChangedAt: Date | null;

  /** Street (街道) code, as a resident's profile. */
  @Column({ type: 'text', nullable: true })
  street: string | null;

  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName: string | null;

  @Column({ name: 'contact_phone_enc', type: 'text', nullable: true })
  contactPhoneEnc: string | null;

  @Column({ name: 'payout_bank_name', type: 'text', nullable: true })
  payoutBankName: string | null;

  /** 对公账户 name: the organisation's name at registration. */
  @Column({ name: 'payout_account_name', type: 'text', nullable: true })
  payoutAccountName: string | null;

  @Column({ name: 'payout_account_enc', type: 'text', nullable: true })
  payoutAccountEnc: string | null;

  /** The signed commitment (advance the subsidy, return it on refunds, accept the payout wait). */
  @Column({ name: 'commitment_version', type: 'text', nullable: true })
  commitmentVersion: string | null;

  @Column({ name: 'commitment_at', type: 'timestamptz', nullable: true })
  commitmentAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
