import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  AUDIT_EXPORT_FORMATS,
  FieldErrorCode,
  type AuditExportFormat,
  type AuditFilter,
} from '@huanxin/shared';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { validationFailed } from '../common/errors/domain-error';

/** The filters the log, its export and (in the web) the console share. */
export class AuditFilterDto implements AuditFilter {
  @ApiPropertyOptional({ description: 'From (inclusive), ISO-8601 date or timestamp' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  from?: string;

  @ApiPropertyOptional({ description: 'To (exclusive), ISO-8601 date or timestamp; after `from`' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Actor user id' })
  @IsOptional()
  @IsUUID()
  actor?: string;

  @ApiPropertyOptional({ example: 'auth.login' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_.]{1,63}$/, { message: 'INVALID_FORMAT' })
  action?: string;

  @ApiPropertyOptional({
    example: 'user',
    description: 'Kind of record the row is about; needed with objectId',
  })
  // Checked when given, and required when objectId is: an id alone names no record (and the index
  // is on the pair).
  @ValidateIf((query: AuditFilterDto) => query.objectType !== undefined || query.objectId !== undefined)
  @IsDefined()
  @Matches(/^[a-z][a-z0-9_]{1,63}$/, { message: 'INVALID_FORMAT' })
  objectType?: string;

  @ApiPropertyOptional({ description: 'Id of that record (a uuid, a code or a number)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, { message: 'INVALID_FORMAT' })
  objectId?: string;
}

export class AuditQueryDto extends AuditFilterDto {
  @ApiPropertyOptional({ description: 'Rows before this sequence number (paging backwards)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  beforeSeq?: number;

  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class AuditExportQueryDto extends AuditFilterDto {
  @ApiPropertyOptional({ enum: AUDIT_EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(AUDIT_EXPORT_FORMATS)
  format?: AuditExportFormat;
}

export class AuditAnchorsQueryDto {
  @ApiPropertyOptional({ default: 30, maximum: 366, description: 'How many of the newest anchors to list' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(366)
  last?: number;
}

/** A window that ends before (or where) it starts matches nothing: refused on `to`, not answered empty. */
export function assertWindow(filter: AuditFilter): void {
  if (filter.from && filter.to && new Date(filter.to).getTime() <= new Date(filter.from).getTime())
    throw validationFailed({ to: FieldErrorCode.OUT_OF_RANGE });
}

/** Only the filters (no paging), as recorded in the audit row of a read or an export. */
export function filtersOf(filter: AuditFilter): AuditFilter {
  const { from, to, actor, action, objectType, objectId } = filter;
  return Object.fromEntries(
    Object.entries({ from, to, actor, action, objectType, objectId }).filter(([, v]) => v !== undefined),
  ) as AuditFilter;
}
