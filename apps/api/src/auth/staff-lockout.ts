import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 30;

/**
 * The staff lock-out, decided in PostgreSQL before any password is compared (see
 * UsersRepository.reserveLoginAttempt): under a burst of parallel attempts at most
 * LOCK_AFTER_FAILURES passwords are checked per lock window, every attempt is counted, and a
 * success is accepted only if the account is still unlocked when it is recorded.
 */
@Injectable()
export class StaffLockout {
  constructor(
    private readonly users: UsersRepository,
    private readonly clock: Clock,
  ) {}

  /** The password account of `username` (normalised), or null (residents never use a password). */
  async findAccount(username: string): Promise<UserEntity | null> {
    const user = await this.users.findByUsername(username);
    return user && user.role !== 'resident' ? user : null;
  }

  /** Takes an attempt slot; `checked: false` means locked: refuse without comparing. */
  reserve(user: UserEntity): Promise<{ attempt: number; checked: boolean }> {
    const now = this.clock.now();
    return this.users.reserveLoginAttempt(user.id, now, LOCK_AFTER_FAILURES, this.lockUntil(now));
  }

  /** The checked attempt failed; true when it locked the account. */
  async failed(user: UserEntity): Promise<boolean> {
    const { locked } = await this.users.confirmLoginFailure(
      user.id,
      LOCK_AFTER_FAILURES,
      this.lockUntil(this.clock.now()),
    );
    return locked;
  }

  /** A correct password that stops before a session; false if the account got locked meanwhile. */
  refund(user: UserEntity): Promise<boolean> {
    return this.users.refundLoginAttempt(user.id, this.clock.now());
  }

  /** Records the sign-in; false (refuse it) if the account got locked meanwhile. */
  succeeded(user: UserEntity, totpStep?: number): Promise<boolean> {
    return this.users.recordStaffLoginSuccess(user.id, this.clock.now(), totpStep);
  }

  private lockUntil(now: Date): Date {
    return new Date(now.getTime() + LOCK_MINUTES * 60_000);
  }
}
