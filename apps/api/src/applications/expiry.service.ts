import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { ApplicationStateService } from './application-state.service';
import { ApplicationsRepository } from './applications.repository';

const DAY_MS = 24 * 3600_000;

/** Drafts untouched and returned claims not resubmitted within the program's deadlines expire. */
@Injectable()
export class ExpiryService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly state: ApplicationStateService,
    private readonly clock: Clock,
  ) {}

  /** Expires what is due, one guarded transaction per claim; returns how many expired. */
  async expire(): Promise<number> {
    const now = this.clock.now().getTime();
    const candidates = await this.applications.expiryCandidates();
    const due = candidates.filter((row) => {
      const { draftExpiryDays = 30, returnedExpiryDays = 15 } = row.definition.settings;
      return row.status === 'draft'
        ? now - row.updated_at.getTime() > draftExpiryDays * DAY_MS
        : now - (row.returned_at ?? row.updated_at).getTime() > returnedExpiryDays * DAY_MS;
    });
    let expired = 0;
    for (const row of due) {
      expired += await this.applications.transaction(async (manager) => {
        const application = await this.applications.lockById(manager, row.id);
        if (!application || application.status !== row.status) return 0;
        await this.state.move(manager, application, {
          to: 'expired',
          actorId: null,
          note: `not completed in time (${row.status})`,
        });
        return 1;
      });
    }
    return expired;
  }
}
