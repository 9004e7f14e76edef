import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { PublicStats } from '@huanxin/shared';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { PublicReadLimitGuard } from '../programs/public-read-limit.guard';
import {
  CSV_CONTENT_TYPE,
  STATS_EXPORT_FORMATS,
  statsCsv,
  statsXlsx,
  XLSX_CONTENT_TYPE,
  type StatsExportFormat,
} from './stats.export';
import { StatsService } from './stats.service';

export class StatsExportQueryDto {
  @ApiPropertyOptional({ enum: STATS_EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(STATS_EXPORT_FORMATS)
  format?: StatsExportFormat;
}

/**
 * The public statistics (no sign-in): aggregates only, small counts suppressed. `public,
 * max-age` = what is left of the server's own holding time, so a browser or CDN in front may
 * serve the same reading and no longer.
 */
@ApiTags('stats')
@Public()
@UseGuards(PublicReadLimitGuard)
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get()
  @ApiOperation({
    summary: 'Public statistics per program, per week and top return reasons (counts < 5 as "<5")',
  })
  @ApiOkResponse({ description: 'PublicStats' })
  async current(@Res({ passthrough: true }) reply: FastifyReply): Promise<PublicStats> {
    const { stats, maxAgeSeconds } = await this.stats.current();
    void reply.header('cache-control', `public, max-age=${maxAgeSeconds}`);
    return stats;
  }

  @Get('export')
  @ApiProduces(CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: 'The public statistics as CSV (programs) or XLSX (every table)' })
  async export(@Query() query: StatsExportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const { stats, maxAgeSeconds } = await this.stats.current();
    const format = query.format ?? 'csv';
    const date = stats.asOf.slice(0, 10);
    const body = format === 'csv' ? statsCsv(stats) : await statsXlsx(stats);
    await reply
      .header('content-type', format === 'csv' ? CSV_CONTENT_TYPE : XLSX_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="huanxin-stats-${date}.${format}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', `public, max-age=${maxAgeSeconds}`)
      .send(body);
  }
}
