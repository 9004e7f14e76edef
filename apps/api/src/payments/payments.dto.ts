import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

export class CreateBatchDto {
  @ApiProperty({ example: 'car-scrap-2026' })
  @Matches(/^[a-z0-9-]{2,64}$/, { message: 'INVALID_FORMAT' })
  programCode: string;
}

export const BANK_FILE_FORMATS = ['csv', 'xlsx'] as const;

export class BankFileQueryDto {
  @ApiPropertyOptional({ enum: BANK_FILE_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(BANK_FILE_FORMATS, { message: 'NOT_IN_OPTIONS' })
  format?: (typeof BANK_FILE_FORMATS)[number];
}
