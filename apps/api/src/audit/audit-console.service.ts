import { access } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  type AuditAnchorsResponse,
  type AuditExportFormat,
  type AuditFilter,
  type AuditLogEntry,
} from '@huanxin/shared';
import type { DataSource } from 'typeorm';
import { Clock, shanghaiDate } from '../common/clock';
import { DomainError } from '../common/errors/domain-error';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { readAnchorFile, verifyAgainstAnchors } from './audit-anchor';
import { filtersOf } from './audit.dto';
import { writeAuditExport } from './audit.export';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/** Rows read per statement while exporting: one page in memory at a time. */
const EXPORT_PAGE = 1000;

/**
 * What the auditor's console does besides listing and verifying: the export of the filtered log
 * and the check of the database against the anchors the worker wrote outside it. Both are
 * audited. Anchoring itself stays the worker's daily job: the role that checks the anchors does
 * not also write them (separation of duties), and no HTTP route can add one.
 */
@Injectable()
export class AuditConsoleService {
  private readonly logger = new Logger(AuditConsoleService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly rows: AuditRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * The rows matching the filters, newest first, as CSV or XLSX, pinned to the newest row when the
   * export starts (rows written while it streams — its own audit row among them — are not in it).
   * More than `AUDIT_EXPORT_MAX_ROWS` (100k) matching rows is refused before anything is sent (422
   * AUDIT_EXPORT_TOO_LARGE) rather than cut silently: an auditor must not take a partial log for
   * the whole. Counting stops at the limit, so the refusal costs at most that many index entries.
   */
  async export(
    filter: AuditFilter,
    format: AuditExportFormat,
  ): Promise<{ filename: string; format: AuditExportFormat; stream: Readable }> {
    const filters = filtersOf(filter);
    const upToSeq = await this.rows.lastSeq();
    const limit = this.config.audit.exportMaxRows;
    const matched = await this.rows.countUpTo(filters, upToSeq, limit + 1);
    if (matched > limit) {
      await this.audit.record({
        action: 'audit.exported',
        result: 'failure',
        detail: { filters, format, reason: 'too_large', limit },
      });
      throw new DomainError(
        ErrorCode.AUDIT_EXPORT_TOO_LARGE,
        `More than ${limit} rows match: narrow the filters`,
        { extra: { limit } },
      );
    }
    await this.audit.record({
      action: 'audit.exported',
      result: 'success',
      detail: { filters, format, rows: matched, upToSeq },
    });
    const stream = new PassThrough();
    void writeAuditExport(format, this.pages(filters, upToSeq), stream).catch((error: Error) => {
      this.logger.error({ err: error }, 'audit export failed while streaming');
      stream.destroy(error);
    });
    return { filename: `audit-log-${shanghaiDate(this.clock.now())}.${format}`, format, stream };
  }

  private async *pages(filter: AuditFilter, upToSeq: number): AsyncGenerator<AuditLogEntry[]> {
    let beforeSeq: number | null = null;
    for (;;) {
      const page = await this.rows.exportPage(filter, { upToSeq, beforeSeq }, EXPORT_PAGE);
      if (page.length) yield page;
      if (page.length < EXPORT_PAGE) return;
      beforeSeq = page[page.length - 1]!.seq;
    }
  }

  /**
   * The anchor file this process reads (`AUDIT_ANCHOR_FILE`; the API and the worker share
   * DATA_DIR under `npm start` and in docker-compose), its `last` newest anchors, and the check
   * of the database against all of them: the chain must verify, every anchored position must
   * still hold its hash, the file's lines must link. Audited like `audit.verify`.
   */
  async anchors(last: number): Promise<AuditAnchorsResponse> {
    const path = this.config.audit.anchorFile;
    const fileFound = await access(path).then(
      () => true,
      () => false,
    );
    const file = await readAnchorFile(path);
    const report = await verifyAgainstAnchors(this.dataSource, file, await this.rows.verify());
    await this.audit.record({
      action: 'audit.anchors_checked',
      result: report.ok ? 'success' : 'failure',
      objectType: 'audit_chain',
      detail: {
        anchors: report.anchors,
        anchorsMatched: report.anchorsMatched,
        chainOk: report.chain.ok,
        ...(report.firstMismatch ? { firstMismatch: { ...report.firstMismatch } } : {}),
        brokenLines: report.brokenLines,
      },
    });
    return {
      file: path,
      fileFound,
      anchors: file.anchors.slice(-last).map(({ line, anchor }) => ({
        line,
        chainSeq: anchor.chainSeq,
        hash: anchor.hash,
        anchoredAt: anchor.anchoredAt,
      })),
      report,
    };
  }
}
