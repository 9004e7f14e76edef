import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { SALES_IMPORT_MAX_BYTES, SALES_IMPORT_MAX_ROWS, type SalesImportResult } from '@huanxin/shared';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser } from '../../auth/auth.decorators';
import type { AuthUser } from '../../common/http/request-context';
import { DealerRoutes } from '../dealer-access.guard';
import { IMPORT_TEMPLATE_FORMATS, type ImportTemplateFormat } from './import-template';
import { readImportUpload } from './import-file';
import { SalesImportService } from './sales-import.service';

const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class ImportTemplateQueryDto {
  @ApiPropertyOptional({ enum: IMPORT_TEMPLATE_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(IMPORT_TEMPLATE_FORMATS)
  format?: ImportTemplateFormat;
}

/** Bulk import of goods sale records (issue 13): the template and the all-or-nothing import. */
@ApiTags('dealer')
@Controller('dealer/sales/import')
@DealerRoutes()
export class SalesImportController {
  constructor(private readonly imports: SalesImportService) {}

  @Get('template')
  @ApiProduces(CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE)
  @ApiOperation({
    summary:
      'The import template: headers 中文/path; XLSX with per-column notes, a 说明 sheet and the organisation’s products; CSV UTF-8 with BOM',
  })
  async template(
    @CurrentUser() user: AuthUser,
    @Query() query: ImportTemplateQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const format = query.format ?? 'xlsx';
    const body = await this.imports.template(user, format);
    await reply
      .header('content-type', format === 'csv' ? CSV_CONTENT_TYPE : XLSX_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="huanxin-sales-import.${format}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(body);
  }

  @Post()
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'CSV (UTF-8 or GB 18030) or .xlsx' },
      },
    },
  })
  @ApiOperation({
    summary: `Import goods sales, all rows or none: 200 { created, errors: [] }; 422 IMPORT_FAILED { rows: [{ line, field, code }] }, IMPORT_COLUMNS, TOO_MANY_ROWS (> ${SALES_IMPORT_MAX_ROWS}), IMPORT_ARCHIVE_REJECTED; 413 above ${SALES_IMPORT_MAX_BYTES / 1024 / 1024} MB; 415 not CSV/XLSX`,
  })
  async import(@CurrentUser() user: AuthUser, @Req() request: FastifyRequest): Promise<SalesImportResult> {
    return this.imports.import(user, () => readImportUpload(request));
  }
}
