import type { Role } from '@huanxin/shared';
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
import { OrganizationEntity } from './organization.entity';

/**
 * Every account. Residents are found by the blind index of their phone (no plaintext phone is
 * stored); staff and dealers by username, with an argon2id hash and an optional TOTP secret
 * (encrypted). Accounts are disabled, never deleted (the audit log refers to them).
 */
@Entity({ name: 'user_account' })
@Check(
  'user_role_known',
  `"role" IN ('resident', 'dealer', 'reviewer', 'approver', 'finance', 'admin', 'security_admin', 'auditor')`,
)
@Check('user_resident_has_phone', `"role" <> 'resident' OR "phone_bidx" IS NOT NULL`)
@Check(
  'user_staff_has_username',
  `"role" = 'resident' OR ("username" IS NOT NULL AND "password_hash" IS NOT NULL)`,
)
@Check('user_dealer_has_organization', `"role" <> 'dealer' OR "organization_id" IS NOT NULL`)
@Check('user_org_admin_is_dealer', `NOT "org_admin" OR "role" = 'dealer'`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  role: Role;

  @Index({ unique: true, where: '"username" IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  username: string | null;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  @Column({ name: 'totp_secret_enc', type: 'text', nullable: true })
  totpSecretEnc: string | null;

  /** Last accepted TOTP time step, so a code cannot be replayed within its window. */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true })
  totpLastStep: string | null;

  @Index({ unique: true, where: '"phone_bidx" IS NOT NULL' })
  @Column({ name: 'phone_bidx', type: 'text', nullable: true })
  phoneBidx: string | null;

  @Column({ name: 'phone_enc', type: 'text', nullable: true })
  phoneEnc: string | null;

  /** Indexed: every foreign key is (staff by organization; the RESTRICT check on deleting one). */
  @Index()
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  /** A dealer account that may add its organisation's staff accounts (the registration's first user). */
  @Column({ name: 'org_admin', type: 'boolean', default: false })
  orgAdmin: boolean;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  /**
   * Set when an admin created or re-credentialed an account that may reveal personal data: the
   * admin's id. The account cannot sign in until a different admin activates it (三员 two-person rule).
   */
  @Column({ name: 'pending_activation_by', type: 'uuid', nullable: true })
  pendingActivationBy: string | null;

  /** Sign-in attempts since the last success, counted before the password is checked. */
  @Column({ name: 'failed_logins', type: 'integer', default: 0 })
  failedLogins: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
