import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

/**
 * A resident's real-name details. Name, ID number, address and bank account are encrypted field by
 * field; the ID number and bank account also have blind indexes (one person, one profile; the same
 * account across applicants is a fraud signal). `street` is a code from ZHANGQIU_STREETS.
 */
@Entity({ name: 'resident_profile' })
export class ResidentProfileEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @OneToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ name: 'name_enc', type: 'text' })
  nameEnc: string;

  @Column({ name: 'id_number_enc', type: 'text' })
  idNumberEnc: string;

  @Index({ unique: true })
  @Column({ name: 'id_number_bidx', type: 'text' })
  idNumberBidx: string;

  @Column({ type: 'text' })
  street: string;

  @Column({ name: 'address_enc', type: 'text' })
  addressEnc: string;

  @Column({ name: 'bank_name', type: 'text' })
  bankName: string;

  @Column({ name: 'bank_account_enc', type: 'text' })
  bankAccountEnc: string;

  @Index()
  @Column({ name: 'bank_account_bidx', type: 'text' })
  bankAccountBidx: string;

  @Column({ name: 'consent_version', type: 'text' })
  consentVersion: string;

  @Column({ name: 'consent_at', type: 'timestamptz' })
  consentAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
