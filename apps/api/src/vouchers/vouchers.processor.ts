import { Injectable } from '@nestjs/common';
import { handleJobs, JobProcessor, type QueueProcessor } from '../queue/job-processor';
import { VoucherExpiryService } from './voucher-expiry.service';
import { LotteryService } from './lottery.service';
import { RUN_LOTTERIES, SWEEP_VOUCHERS } from './vouchers.jobs';

/** The `vouchers` queue: the sweep (expiry and reminders) and the lottery rounds. Both idempotent. */
@Injectable()
@JobProcessor({ concurrency: 1 })
export class VouchersProcessor implements QueueProcessor {
  readonly jobs = handleJobs([SWEEP_VOUCHERS, RUN_LOTTERIES], {
    'vouchers.sweep': () => this.expiry.sweep(),
    'vouchers.lottery': () => this.lottery.run(),
  });

  constructor(
    private readonly expiry: VoucherExpiryService,
    private readonly lottery: LotteryService,
  ) {}
}
