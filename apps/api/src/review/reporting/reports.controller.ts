import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Permission } from '@huanxin/shared';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '../../auth/auth.decorators';
import { ExportQueryDto } from './reports.dto';
import { ReportsService, XLSX_CONTENT_TYPE } from './reports.service';

@ApiTags('review')
@Controller('review')
@RequirePermission(Permission.ReviewRead)
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('stats')
  @ApiOperation({
    summary:
      'Per program: budget figures, claims by status and by review stage, SLA states of the claims in review',
  })
  stats() {
    return this.reports.stats();
  }

  @Get('export')
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: 'The claims as .xlsx (streamed; identifiers masked); audited' })
  async export(@Query() query: ExportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const { filename, stream } = await this.reports.export(query);
    await reply
      .header('content-type', XLSX_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(stream);
  }
}
