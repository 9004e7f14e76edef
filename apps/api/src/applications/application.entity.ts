import type { ApplicationStatus, EligibilityResult, ReviewStage } from '@huanxin/shared';
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
import { ProgramVersionEntity } from '../programs/program-version.entity';
import { ProgramEntity } from '../programs/program.entity';
import { OrganizationEntity } from '../users/organization.entity';
import { UserEntity } from '../users/user.entity';

/**
 * A resident's claim. It keeps the program version it was evaluated under, its facts and the
 * stored evaluation; `reservedFen` is what it holds of the budget (0 until submitted).
 */
@Entity({ name: 'application' })
@Check(
  'application_status_known',
  `"status" IN ('draft', 'submitted', 'checking', 'in_review', 'returned', 'approved', 'paid', 'rejected', 'withdrawn', 'expired', 'cancelled')`,
)
@Check('application_stage_known', `"stage" IS NULL OR "stage" IN ('review', 'second_approval')`)
@Check('application_reserved_non_negative', '"reserved_fen" >= 0')
@Index(['applicantId', 'createdAt'])
@Index(['programId', 'status'])
@Index(['status', 'updatedAt'])
// The review queue (review.repository `queuePage`): claims in review, oldest complete first, per
// program, per stage, by amount and by risk. Partial, so they hold only the claims in review and
// the submit path's writes do not pay for them until a claim enters review.
@Index('application_review_age', ['completeAt', 'id'], { where: `"status" = 'in_review'` })
@Index('application_review_program', ['programId', 'completeAt', 'id'], { where: `"status" = 'in_review'` })
@Index('application_review_stage', ['stage', 'completeAt', 'id'], { where: `"status" = 'in_review'` })
@Index('application_review_amount', ['reservedFen', 'completeAt', 'id'], { where: `"status" = 'in_review'` })
@Index('application_review_risk', ['riskScore', 'completeAt', 'id'], { where: `"status" = 'in_review'` })
// The dealer's ledger (dealers/ledger): a payee organisation's claims, newest first. Partial: most
// claims pay the resident, and the foreign key's RESTRICT check finds its rows through it too.
@Index('application_dealer_payee', ['payeeOrganizationId', 'createdAt', 'id'], {
  where: `"payee_organization_id" IS NOT NULL`,
})
export class ApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'text' })
  code: string;

  @Column({ name: 'applicant_id', type: 'uuid' })
  applicantId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'applicant_id' })
  applicant?: UserEntity;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @ManyToOne(() => ProgramEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  /** Indexed: every foreign key is (the RESTRICT check on deleting a version). */
  @Index()
  @Column({ name: 'program_version_id', type: 'uuid' })
  programVersionId: string;

  @ManyToOne(() => ProgramVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_version_id' })
  programVersion?: ProgramVersionEntity;

  @Column({ type: 'text' })
  status: ApplicationStatus;

  /**
   * Who is paid: null for the resident (a resident claim, their own card), else the dealer
   * organisation of a point-of-sale claim (operations.md §1: it gave the discount at the till and
   * is reimbursed on its corporate account). Set when the claim is created, never changed.
   */
  @Column({ name: 'payee_organization_id', type: 'uuid', nullable: true })
  payeeOrganizationId: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'payee_organization_id' })
  payeeOrganization?: OrganizationEntity;

  @Column({ type: 'jsonb' })
  facts: Record<string, unknown>;

  @Column({ type: 'jsonb', nullable: true })
  evaluation: EligibilityResult | null;

  @Column({ name: 'reserved_fen', type: 'bigint', default: 0, transformer: bigintNumber })
  reservedFen: number;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /**
   * Where the last submission came from: a keyed hash of client address + User-Agent (no raw
   * address or agent is kept), for the "many applicants from one device" fraud signal.
   */
  @Index()
  @Column({ name: 'submit_device', type: 'text', nullable: true })
  submitDevice: string | null;

  /**
   * The blind index of the applicant's ID number, recorded at submission: the PERSON the claim
   * counts for in quota history and the key of the per-person submission lock, whichever account
   * holds that ID number later. Null until first submitted.
   */
  @Index()
  @Column({ name: 'id_number_bidx', type: 'text', nullable: true })
  idNumberBidx: string | null;

  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true })
  returnedAt: Date | null;

  /**
   * When the claim first became complete (documents in, automated checks done): the start of the
   * review SLA clock and the queue's "age". Kept when a returned claim comes back, so it returns to
   * the queue at its original age.
   */
  @Column({ name: 'complete_at', type: 'timestamptz', nullable: true })
  completeAt: Date | null;

  /** The review stage while `in_review`: first review or the four-eyes second approval; else null. */
  @Column({ type: 'text', nullable: true })
  stage: ReviewStage | null;

  /** The sum of the weights of the claim's risk flags (shared `RISK_SIGNALS`), for routing and sorting. */
  @Column({ name: 'risk_score', type: 'integer', default: 0 })
  riskScore: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
