import { ApiPropertyOptional } from '@nestjs/swagger';
import { APPLICATION_STATUSES } from '@huanxin/shared';
import { IsIn, IsOptional, Matches } from 'class-validator';

/** The statuses an export may filter on (drafts are the residents' own, never exported). */
export const EXPORT_STATUSES = APPLICATION_STATUSES.filter((status) => status !== 'draft');

export class ExportQueryDto {
  @ApiPropertyOptional({ example: 'appliance-2026', description: 'One program; all when left out' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,64}$/, { message: 'INVALID_FORMAT' })
  program?: string;

  @ApiPropertyOptional({ enum: EXPORT_STATUSES, description: 'One status; all but drafts when left out' })
  @IsOptional()
  @IsIn(EXPORT_STATUSES)
  status?: string;
}
