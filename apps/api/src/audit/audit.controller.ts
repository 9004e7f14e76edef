import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@huanxin/shared';
import { RequirePermission } from '../auth/auth.decorators';
import { AuditQueryDto } from './audit.dto';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller('audit')
@RequirePermission(Permission.AuditRead)
export class AuditController {
  constructor(
    private readonly rows: AuditRepository,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Audit rows, newest first, chained or not yet (reading is itself audited)' })
  async search(@Query() query: AuditQueryDto) {
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
}
