import { Injectable, Logger } from '@nestjs/common';
import { reviewDueAt, type ReviewSlaDigestParams } from '@huanxin/shared';
import { Clock, shanghaiDate } from '../../common/clock';
import { ProgramsRepository } from '../../programs/programs.repository';
import { slaBoundaries, SlaRepository } from './sla.repository';
import { StaffNotificationsRepository } from './staff-notifications.repository';

/** How many cases a digest lists by code (the counts are always complete). */
const LISTED_CASES = 50;
const CODES_IN_TEXT = 10;

export const SLA_DIGEST_KIND = 'review_sla_digest';

/** The review time of a program's `serviceLevels` (the national car rules' 15 days when unset). */
export function reviewDaysOf(definition: { settings?: { serviceLevels?: { reviewDays?: number } } }): number {
  return definition.settings?.serviceLevels?.reviewDays ?? 15;
}

/**
 * The daily SLA digest (operations.md §7: approvers are notified of warnings and overdue cases
 * daily): one in-app notice per active approver with the counts and the cases' codes. Keyed by
 * approver and Shanghai date, so running it twice the same day (a retried job, a second worker, a
 * manual run) notifies once. No cases, no notice.
 */
@Injectable()
export class SlaDigestService {
  private readonly logger = new Logger(SlaDigestService.name);

  constructor(
    private readonly programs: ProgramsRepository,
    private readonly sla: SlaRepository,
    private readonly notifications: StaffNotificationsRepository,
    private readonly clock: Clock,
  ) {}

  async notifyApprovers(): Promise<{ date: string; warning: number; overdue: number; notified: number }> {
    const now = this.clock.now();
    const date = shanghaiDate(now);
    const programs = await this.programs.listCurrent();
    const reviewDays = new Map(programs.map((p) => [p.id, reviewDaysOf(p.definition)]));
    const codes = new Map(programs.map((p) => [p.id, p.code]));
    const cases = await this.sla.cases(programs.map((p) => slaBoundaries(p.id, reviewDays.get(p.id)!, now)));
    const overdue = cases.filter((c) => c.slaState === 'overdue').length;
    const warning = cases.length - overdue;
    if (!cases.length) return { date, warning, overdue, notified: 0 };

    const params: ReviewSlaDigestParams = {
      date,
      warning,
      overdue,
      cases: cases.slice(0, LISTED_CASES).map((c) => ({
        code: c.code,
        programCode: codes.get(c.programId)!,
        slaState: c.slaState,
        dueAt: reviewDueAt(c.completeAt, reviewDays.get(c.programId)!).toISOString(),
      })),
    };
    const listed = cases
      .slice(0, CODES_IN_TEXT)
      .map((c) => `${c.code}（${c.slaState === 'overdue' ? '已超期' : '即将到期'}）`)
      .join('、');
    const more = cases.length > CODES_IN_TEXT ? `等 ${cases.length} 件` : '';
    const textZh = `【章丘换新】审核时限提醒（${date}）：已超期 ${overdue} 件，即将到期 ${warning} 件：${listed}${more}。请登录审核台处理。`;

    let notified = 0;
    for (const userId of await this.notifications.activeApprovers()) {
      const written = await this.notifications.insertOnce({
        userId,
        eventKey: `review-sla:${date}:${userId}`,
        kind: SLA_DIGEST_KIND,
        params: params as unknown as Record<string, unknown>,
        textZh,
      });
      if (written) notified += 1;
    }
    if (notified) this.logger.log({ date, warning, overdue, notified }, 'review SLA digest sent');
    return { date, warning, overdue, notified };
  }
}
