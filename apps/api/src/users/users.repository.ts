import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { STAFF_ROLES } from '@huanxin/shared';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { returning } from '../database/sql';
import { OrganizationEntity } from './organization.entity';
import { UserEntity } from './user.entity';

/** Named account queries. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ username });
  }

  findResidentByPhoneIndex(phoneBidx: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ phoneBidx, role: 'resident' });
  }

  /** Creates the resident for a verified phone, or returns the existing one (race-safe). */
  async findOrCreateResident(phoneBidx: string, phoneEnc: string, displayName: string): Promise<UserEntity> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values({ role: 'resident', phoneBidx, phoneEnc, displayName })
      .orIgnore()
      .execute();
    return (await this.findResidentByPhoneIndex(phoneBidx))!;
  }

  /**
   * A new staff or dealer account, or null when the username is taken (`ON CONFLICT DO NOTHING`:
   * two admins creating one name at once get one account and one refusal, never a 500).
   */
  async insertAccount(
    account: Pick<
      UserEntity,
      'role' | 'username' | 'displayName' | 'passwordHash' | 'organizationId' | 'pendingActivationBy'
    > &
      Partial<Pick<UserEntity, 'orgAdmin'>>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<UserEntity | null> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values(account)
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (inserted.raw as { id: string }[])[0]?.id;
    return id ? manager.getRepository(UserEntity).findOneByOrFail({ id }) : null;
  }

  /** An admin's change to an account (name, disabled, lock, credentials, pending activation). */
  async updateAccount(
    id: string,
    changes: Partial<UserEntity>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.getRepository(UserEntity).update({ id }, changes);
  }

  /** Staff and dealer accounts (admins never list residents: they hold personal data). */
  listAccounts(): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).find({
      where: { role: In(['dealer', ...STAFF_ROLES]) },
      order: { createdAt: 'ASC' },
    });
  }

  /**
   * Staff lock-out, decided before the password is compared: every attempt takes a numbered slot
   * (`failed_logins + 1`) in one UPDATE, so concurrent attempts are ordered by the row lock. Only
   * slots 1…lockAfter on an unlocked account are checked; a later slot locks the account (if the
   * 5th failure has not already) and is refused unchecked. An expired lock starts a new count at 1.
   * A success resets the count (`recordStaffLoginSuccess`); a correct password that stops short of
   * a session (second factor missing or to enrol) gives its slot back (`refundLoginAttempt`).
   */
  async reserveLoginAttempt(
    id: string,
    now: Date,
    lockAfter: number,
    lockUntil: Date,
  ): Promise<{ attempt: number; checked: boolean }> {
    const rows = await returning<{ attempt: number; locked: boolean }>(
      this.dataSource,
      `UPDATE user_account
          SET failed_logins = CASE WHEN locked_until <= $2 THEN 1 ELSE failed_logins + 1 END,
              locked_until = CASE
                WHEN locked_until <= $2 THEN NULL
                WHEN locked_until IS NULL AND failed_logins + 1 > $3 THEN $4::timestamptz
                ELSE locked_until END
        WHERE id = $1
        RETURNING failed_logins AS attempt, locked_until > $2 AS locked`,
      [id, now, lockAfter, lockUntil],
    );
    const row = rows[0];
    if (!row) return { attempt: 0, checked: false };
    // A slot that set the lock itself is refused too (`locked` is read after the update).
    return { attempt: row.attempt, checked: row.attempt <= lockAfter && row.locked !== true };
  }

  /** A checked attempt failed: lock once `lockAfter` attempts are counted. True when this locked it. */
  async confirmLoginFailure(id: string, lockAfter: number, lockUntil: Date): Promise<{ locked: boolean }> {
    const rows = await returning<{ id: string }>(
      this.dataSource,
      `UPDATE user_account SET locked_until = $3::timestamptz
        WHERE id = $1 AND locked_until IS NULL AND failed_logins >= $2
        RETURNING id`,
      [id, lockAfter, lockUntil],
    );
    return { locked: rows.length === 1 };
  }

  /** Gives back the slot of a correct password that did not finish signing in; false when locked meanwhile. */
  async refundLoginAttempt(id: string, now: Date): Promise<boolean> {
    const rows = await returning<{ id: string }>(
      this.dataSource,
      `UPDATE user_account SET failed_logins = GREATEST(failed_logins - 1, 0)
        WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $2)
        RETURNING id`,
      [id, now],
    );
    return rows.length === 1;
  }

  /**
   * A staff sign-in completes only if the account is not locked at this moment: a correct password
   * whose check raced the 5th failure of a burst is refused here, after the comparison.
   */
  async recordStaffLoginSuccess(id: string, at: Date, totpStep?: number): Promise<boolean> {
    const rows = await returning<{ id: string }>(
      this.dataSource,
      `UPDATE user_account
          SET failed_logins = 0, locked_until = NULL, last_login_at = $2,
              totp_last_step = COALESCE($3::bigint, totp_last_step), updated_at = now()
        WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $2)
        RETURNING id`,
      [id, at, totpStep ?? null],
    );
    return rows.length === 1;
  }

  async recordLoginSuccess(id: string, at: Date, totpStep?: number): Promise<void> {
    await this.dataSource.getRepository(UserEntity).update(
      { id },
      {
        failedLogins: 0,
        lockedUntil: null,
        lastLoginAt: at,
        ...(totpStep !== undefined && { totpLastStep: String(totpStep) }),
      },
    );
  }

  /** Accepts a TOTP step only once (compare-and-set), so a code cannot be replayed. */
  async claimTotpStep(id: string, step: number): Promise<boolean> {
    const rows = await returning<{ id: string }>(
      this.dataSource,
      `UPDATE user_account SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`,
      [id, step],
    );
    return rows.length === 1;
  }

  /**
   * Enrols a second factor only where none is enrolled, so a leftover enrolment token cannot replace
   * a working factor. False when the account already has one.
   */
  async enrolTotpSecret(id: string, secretEnc: string, step: number): Promise<boolean> {
    const rows = await returning<{ id: string }>(
      this.dataSource,
      `UPDATE user_account SET totp_secret_enc = $2, totp_last_step = $3, updated_at = now()
        WHERE id = $1 AND totp_secret_enc IS NULL
        RETURNING id`,
      [id, secretEnc, step],
    );
    return rows.length === 1;
  }

  /**
   * Clears a pending activation, only by an admin other than the one who made the change
   * (two-person rule). False when not pending or when `by` is that same admin.
   */
  async activate(id: string, by: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows = await returning<{ id: string }>(
      manager,
      `UPDATE user_account SET pending_activation_by = NULL, updated_at = now()
        WHERE id = $1 AND pending_activation_by IS NOT NULL AND pending_activation_by <> $2
        RETURNING id`,
      [id, by],
    );
    return rows.length === 1;
  }

  /** Staff accounts idle since `before` are disabled; returns their ids. */
  async disableStaffIdleSince(
    before: Date,
    at: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    const rows = await returning<{ id: string }>(
      manager,
      `UPDATE user_account SET disabled_at = $2
        WHERE role = ANY($3::text[]) AND disabled_at IS NULL AND coalesce(last_login_at, created_at) < $1
        RETURNING id`,
      [before, at, [...STAFF_ROLES]],
    );
    return rows.map((row) => row.id);
  }

  findOrganization(id: string): Promise<OrganizationEntity | null> {
    return this.dataSource.getRepository(OrganizationEntity).findOneBy({ id });
  }

  /**
   * Credit codes of the active dealer organisations (the `participatingDealers` of the rules): a
   * pending registration, a suspended or a disqualified organisation does not participate.
   */
  async participatingUsccs(manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await manager
      .getRepository(OrganizationEntity)
      .find({ select: { uscc: true }, where: { status: 'active' } });
    return rows.map((row) => row.uscc);
  }

  /** A new organisation, or null when one with this credit code exists (race-safe, like insertAccount). */
  async insertOrganization(
    organization: Pick<OrganizationEntity, 'name' | 'uscc' | 'kinds'> &
      Partial<Omit<OrganizationEntity, 'id' | 'createdAt' | 'updatedAt'>>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OrganizationEntity | null> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(OrganizationEntity)
      .values(organization)
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (inserted.raw as { id: string }[])[0]?.id;
    return id ? manager.getRepository(OrganizationEntity).findOneByOrFail({ id }) : null;
  }
}
