import { Injectable } from '@nestjs/common';
import { formatVoucherCode, VOUCHER_REMINDER_MS, type ProgramDefinition } from '@huanxin/shared';
import { Clock } from '../common/clock';
import { ProgramsRepository } from '../programs/programs.repository';
import { VouchersRepository, type VoucherRow } from './vouchers.repository';
import { VouchersService } from './vouchers.service';

/** Vouchers handled per sweep step: a backlog drains over a few runs, each run stays short. */
const SWEEP_LIMIT = 500;

const SHANGHAI_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/**
 * The voucher sweep (job `vouchers.sweep`): expiry, then the day-before reminders. Each expiry is
 * its own short transaction (the voucher row locked, re-checked, closed, its reservation released
 * — the budget row last); a voucher cancelled or redeemed meanwhile is skipped. Reminders are
 * marked and written in one transaction, keyed by voucher, so a re-run tells nobody twice.
 */
@Injectable()
export class VoucherExpiryService {
  constructor(
    private readonly vouchers: VouchersRepository,
    private readonly service: VouchersService,
    private readonly programs: ProgramsRepository,
    private readonly clock: Clock,
  ) {}

  async sweep(): Promise<{ expired: number; reminded: number }> {
    const expired = await this.expire();
    const reminded = await this.remind();
    return { expired, reminded };
  }

  /** Expires what is due; answers how many expired. */
  async expire(): Promise<number> {
    const now = this.clock.now();
    let expired = 0;
    for (const id of await this.vouchers.expiredIds(now, SWEEP_LIMIT)) {
      expired += await this.vouchers.transaction(async (manager) => {
        const voucher = await this.vouchers.lock(manager, id, null);
        if (!voucher || voucher.status !== 'issued' || voucher.expiresAt.getTime() > now.getTime()) return 0;
        await this.service.closeLocked(manager, voucher, 'expired', now);
        return 1;
      });
    }
    return expired;
  }

  /** Tells each holder whose voucher lapses within a day (in-app and SMS); answers how many. */
  async remind(): Promise<number> {
    const now = this.clock.now();
    return this.vouchers.transaction(async (manager) => {
      const due = await this.vouchers.markReminders(manager, now, VOUCHER_REMINDER_MS, SWEEP_LIMIT);
      for (const voucher of due) {
        const definition = await this.programs.definitionByVersionId(voucher.programVersionId, manager);
        await this.vouchers.queueNotice(manager, {
          userId: voucher.holderId,
          eventKey: `voucher-expiring-${voucher.id}`,
          kind: 'voucher_expiring',
          params: { voucherId: voucher.id, code: voucher.code, expiresAt: voucher.expiresAt.toISOString() },
          text: reminderText(voucher, definition),
        });
      }
      return due.length;
    });
  }
}

export function reminderText(voucher: VoucherRow, definition: ProgramDefinition): string {
  const path = definition.historyFields?.category;
  const label =
    definition.factFields
      .find((field) => field.path === path)
      ?.options?.find((option) => option.value === voucher.category)?.label.zh ?? voucher.category;
  return `【章丘换新】您的${definition.title.zh}（${label}）补贴资格券 ${formatVoucherCode(voucher.code)} 将于${SHANGHAI_TIME.format(voucher.expiresAt)}到期，请尽快到参与门店使用，逾期自动作废。`;
}
