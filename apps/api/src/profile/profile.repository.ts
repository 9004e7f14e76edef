import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { NOTIFY_ACCOUNT } from '../notifications/notifications.jobs';
import { writeOutbox } from '../queue/outbox.service';
import { ConsentRecordEntity } from './consent-record.entity';
import { ResidentProfileEntity } from './resident-profile.entity';

/**
 * A claim in one of these states has been decided on, or is being, with the profile's ID number:
 * from then on the ID number of the account is fixed. Drafts, withdrawn and expired claims never
 * reached a reviewer (or left before a decision), so they do not fix it.
 */
export const ID_NUMBER_OPEN_STATUSES = ['draft', 'withdrawn', 'expired'] as const;

/** Claims still heading for a payout: a new bank account must be looked at before money moves. */
export const PAYOUT_PENDING_STATUSES = [
  'submitted',
  'checking',
  'in_review',
  'returned',
  'approved',
] as const;

export const BANK_ACCOUNT_CHANGED_FLAG = 'BANK_ACCOUNT_CHANGED';

/** Named queries of the profile side (what a profile change does to the resident's claims). */
@Injectable()
export class ProfileRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  find(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ResidentProfileEntity | null> {
    return manager.getRepository(ResidentProfileEntity).findOneBy({ userId });
  }

  /** The profile that was just written (inside the transaction that wrote it). */
  findOrFail(userId: string, manager: EntityManager): Promise<ResidentProfileEntity> {
    return manager.getRepository(ResidentProfileEntity).findOneByOrFail({ userId });
  }

  /** Only the encrypted ID number (the applicant facts need nothing else). */
  async findIdNumberEnc(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string | null> {
    const profile = await manager
      .getRepository(ResidentProfileEntity)
      .findOne({ where: { userId }, select: { idNumberEnc: true, userId: true } });
    return profile?.idNumberEnc ?? null;
  }

  /** `findIdNumberEnc` for several accounts in one statement (accounts without a profile are absent). */
  async findIdNumberEncs(
    userIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string>> {
    const rows = (await manager.query(
      `SELECT user_id, id_number_enc FROM resident_profile WHERE user_id = ANY($1::uuid[])`,
      [userIds],
    )) as { user_id: string; id_number_enc: string }[];
    return new Map(rows.map((row) => [row.user_id, row.id_number_enc]));
  }

  /** The account whose profile carries this ID number (by its blind index), if any. */
  async ownerOfIdNumber(idNumberBidx: string, manager: EntityManager): Promise<string | null> {
    const owner = await manager
      .getRepository(ResidentProfileEntity)
      .findOne({ where: { idNumberBidx }, select: { userId: true } });
    return owner?.userId ?? null;
  }

  /** The separate consent given with a save (kept per save: the consent history). */
  async insertConsent(
    consent: Pick<ConsentRecordEntity, 'userId' | 'purpose' | 'version' | 'grantedAt'>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.insert(ConsentRecordEntity, consent);
  }

  /** Creates or replaces the resident's profile (one per account). */
  async upsert(
    profile: Omit<ResidentProfileEntity, 'user' | 'updatedAt'>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.upsert(ResidentProfileEntity, profile, ['userId']);
  }

  /** The profile row, locked for the rest of the transaction (concurrent saves run one after the other). */
  async lock(userId: string, manager: EntityManager): Promise<ResidentProfileEntity | null> {
    return manager
      .getRepository(ResidentProfileEntity)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.userId = :userId', { userId })
      .getOne();
  }

  /** True when the resident has a claim past draft (see ID_NUMBER_OPEN_STATUSES). */
  async hasSubmittedClaim(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT 1 FROM application WHERE applicant_id = $1 AND NOT (status = ANY($2::text[])) LIMIT 1`,
      [userId, [...ID_NUMBER_OPEN_STATUSES]],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Flags the resident's claims still heading for a payout; returns how many were flagged. */
  async flagBankAccountChanged(userId: string, at: Date, manager: EntityManager): Promise<number> {
    const rows = (await manager.query(
      `INSERT INTO application_flag (application_id, code, detail)
       SELECT id, $3, jsonb_build_object('changedAt', $4::text) FROM application
        WHERE applicant_id = $1 AND status = ANY($2::text[])
       ON CONFLICT (application_id, code) DO NOTHING
       RETURNING id`,
      [userId, [...PAYOUT_PENDING_STATUSES], BANK_ACCOUNT_CHANGED_FLAG, at.toISOString()],
    )) as unknown[];
    return rows.length;
  }

  /**
   * An in-app notice plus its SMS, sent by the worker through the outbox (written in the caller's
   * transaction, so a rolled-back change sends nothing). `eventKey` makes a retried job send once.
   */
  async queueAccountNotice(
    userId: string,
    eventKey: string,
    kind: string,
    text: string,
    manager: EntityManager,
  ): Promise<void> {
    const [row] = (await manager.query(
      `INSERT INTO notification (user_id, event_key, kind, params, text_zh) VALUES ($1, $2, $3, '{}'::jsonb, $4) RETURNING id`,
      [userId, eventKey, kind, text],
    )) as { id: string }[];
    await writeOutbox(manager, NOTIFY_ACCOUNT.job({ notificationId: row!.id }));
  }
}
