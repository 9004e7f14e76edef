import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { SessionService } from '../auth/session.service';
import { Clock } from '../common/clock';
import { handleJobs, JobProcessor, type QueueProcessor } from '../queue/job-processor';
import { UsersRepository } from '../users/users.repository';
import { DISABLE_STALE_ACCOUNTS, STALE_ACCOUNT_DAYS } from './accounts.jobs';

/** Daily: disables staff accounts unused for 90 days and ends their sessions. Idempotent. */
@Injectable()
@JobProcessor({ concurrency: 1 })
export class AccountsProcessor implements QueueProcessor {
  readonly jobs = handleJobs([DISABLE_STALE_ACCOUNTS], {
    'accounts.disable-stale': async () => ({ disabled: await this.disableStale() }),
  });
  private readonly logger = new Logger(AccountsProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Public for tests (with a moved clock). */
  async disableStale(): Promise<number> {
    const now = this.clock.now();
    const before = new Date(now.getTime() - STALE_ACCOUNT_DAYS * 24 * 3600_000);
    const disabled = await this.dataSource.transaction(async (manager) => {
      const ids = await this.users.disableStaffIdleSince(before, now, manager);
      for (const id of ids) {
        await this.audit.record(
          {
            action: 'user.disabled',
            result: 'success',
            actor: null,
            objectType: 'user',
            objectId: id,
            detail: { reason: 'unused_90_days' },
          },
          manager,
        );
      }
      return ids;
    });
    for (const id of disabled) await this.sessions.destroyAllForUser(id);
    if (disabled.length) this.logger.log({ count: disabled.length }, 'disabled stale staff accounts');
    return disabled.length;
  }
}
