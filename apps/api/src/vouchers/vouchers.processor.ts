import { Injectable } from '@nestjs/common';
import { handleJobs, JobProcessor, type QueueProcessor } from '../queue/job-processor';
import { VoucherExpiryService } from './voucher-expiry.service';
import { SWEEP_VOUCHERS } from './vouchers.jobs';

/** The `vouchers` queue: the scheduled sweep (expiry and reminders). Idempotent. */
@Injectable()
@JobProcessor({ concurrency: 1 })
export class VouchersProcessor implements QueueProcessor {
  readonly jobs = handleJobs([SWEEP_VOUCHERS], {
    'vouchers.sweep': () => this.expiry.sweep(),
  });

  constructor(private readonly expiry: VoucherExpiryService) {}
}
