import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { handleJobs, JobProcessor, type QueueProcessor } from '../queue/job-processor';
import { appendAnchor, chainHead, readAnchorFile, type AuditAnchor } from './audit-anchor';
import { AUDIT_ANCHOR } from './audit.jobs';
import { AuditService } from './audit.service';

/**
 * Daily: writes the chain head to the anchor file (`AUDIT_ANCHOR_FILE`), to the application log and
 * to the audit log itself. Idempotent: a head already anchored is not written again, so a re-run
 * job (after a crash) adds nothing.
 */
@Injectable()
@JobProcessor({ concurrency: 1 })
export class AuditAnchorProcessor implements QueueProcessor {
  readonly jobs = handleJobs([AUDIT_ANCHOR], {
    'audit.anchor': async () => ({ anchored: (await this.anchor())?.chainSeq ?? null }),
  });
  private readonly logger = new Logger(AuditAnchorProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Anchors the current head; null when the chain is empty or its head is anchored already. Public for tests. */
  async anchor(): Promise<AuditAnchor | null> {
    const head = await chainHead(this.dataSource);
    if (!head) return null;
    const file = this.config.audit.anchorFile;
    const { anchors } = await readAnchorFile(file);
    const last = anchors[anchors.length - 1]?.anchor;
    if (last && last.chainSeq === head.chainSeq && last.hash === head.hash) return null;
    const anchor = await appendAnchor(file, head, this.clock.now());
    // The application log is shipped off the host: a second copy in other hands.
    this.logger.log({ anchor }, 'audit chain anchored');
    await this.audit.record({
      action: 'audit.anchored',
      result: 'success',
      actor: null,
      objectType: 'audit_chain',
      objectId: String(anchor.chainSeq),
      detail: { chainSeq: anchor.chainSeq, hash: anchor.hash, anchoredAt: anchor.anchoredAt },
    });
    return anchor;
  }
}
