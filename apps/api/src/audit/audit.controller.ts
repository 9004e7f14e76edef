import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Permission, type AuditAnchorsResponse } from '@huanxin/shared';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '../auth/auth.decorators';
import { AuditConsoleService } from './audit-console.service';
import { AuditAnchorsQueryDto, AuditExportQueryDto, AuditQueryDto, assertWindow } from './audit.dto';
import { AUDIT_EXPORT_CONTENT_TYPES } from './audit.export';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller('audit')
@RequirePermission(Permission.AuditRead)
export class AuditController {
  constructor(
    private readonly rows: AuditRepository,
    private readonly audit: AuditService,
    private readonly console: AuditConsoleService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Audit rows, newest first, chained or not yet (reading is itself audited)' })
  async search(@Query() query: AuditQueryDto) {
    assertWindow(query);
    const rows = await this.rows.search(query);
    await this.audit.record({ action: 'audit.read', result: 'success', detail: { filters: { ...query } } });
    return rows;
  }

  @Get('verify')
  @ApiOperation({
    summary:
      'Recompute the hash chain: { ok, checked, firstBadSeq?, firstBadPosition?, unchained, staleUnchained, oldestUnchainedAt? }',
  })
  async verify() {
    const report = await this.rows.verify();
    await this.audit.record({
      action: 'audit.verify',
      result: report.ok ? 'success' : 'failure',
      detail: { ...report },
    });
    return report;
  }

  @Get('export')
  @ApiProduces(AUDIT_EXPORT_CONTENT_TYPES.csv, AUDIT_EXPORT_CONTENT_TYPES.xlsx)
  @ApiOperation({
    summary:
      'The filtered rows as CSV (UTF-8, BOM) or XLSX, newest first, streamed; over AUDIT_EXPORT_MAX_ROWS → 422 AUDIT_EXPORT_TOO_LARGE; audited (audit.exported)',
  })
  async export(@Query() query: AuditExportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    assertWindow(query);
    const { filename, format, stream } = await this.console.export(query, query.format ?? 'csv');
    await reply
      .header('content-type', AUDIT_EXPORT_CONTENT_TYPES[format])
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(stream);
  }

  @Get('anchors')
  @ApiOperation({
    summary:
      'The anchor file the API reads, its last anchors and the database checked against them; audited. Anchoring stays the worker’s job',
  })
  anchors(@Query() query: AuditAnchorsQueryDto): Promise<AuditAnchorsResponse> {
    return this.console.anchors(query.last ?? 30);
  }
}
