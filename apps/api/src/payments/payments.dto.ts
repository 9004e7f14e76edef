import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

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

/** `POST /api/payments/receivables/:id/collect`: the payee's direct repayment, by its bank reference. */
export class CollectReceivableDto {
  @ApiProperty({ example: 'BK20261201-0042', description: "The repayment's bank reference" })
  @IsString({ message: 'INVALID_TYPE' })
  @Matches(/\S/, { message: 'REQUIRED' })
  @MaxLength(64, { message: 'TOO_LONG' })
  @IsDefined({ message: 'REQUIRED' })
  bankRef: string;

  @ApiPropertyOptional({ example: '经销商已对公转账退回' })
  @IsOptional()
  @IsString({ message: 'INVALID_TYPE' })
  @MaxLength(200, { message: 'TOO_LONG' })
  note?: string;
}
