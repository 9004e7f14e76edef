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

  /** Staff and dealer accounts (admins never list residents: they hold personal data). */
  listAccounts(): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).find({
      where: { role: In(['dealer', ...STAFF_ROLES]) },
      order: { createdAt: 'ASC' },
    });
  }

  async recordLoginFailure(id: string, lockAfter: number, lockUntil: Date): Promise<{ locked: boolean }> {
    const rows = await returning<{ locked: boolean }>(
      this.dataSource,
      `UPDATE user_account
          SET failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
              locked_until = CASE WHEN failed_logins + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
        WHERE id = $1
        RETURNING failed_logins = 0 AND locked_until = $3::timestamptz AS locked`,
      [id, lockAfter, lockUntil],
    );
    return { locked: rows[0]?.locked === true };
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

  async setTotpSecret(id: string, secretEnc: string, step: number): Promise<void> {
    await this.dataSource
      .getRepository(UserEntity)
      .update({ id }, { totpSecretEnc: secretEnc, totpLastStep: String(step) });
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

  /** Credit codes of the registered dealer organisations (the `participatingDealers` of the rules). */
  async participatingUsccs(manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await manager.getRepository(OrganizationEntity).find({ select: { uscc: true } });
    return rows.map((row) => row.uscc);
  }

  listOrganizations(): Promise<OrganizationEntity[]> {
    return this.dataSource.getRepository(OrganizationEntity).find({ order: { name: 'ASC' } });
  }
}
