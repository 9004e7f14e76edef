import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TRANCHE_SOURCES, type TrancheSource } from '@huanxin/shared';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class AddTrancheDto {
  @ApiProperty({ description: 'The tranche in fen (> 0)', example: 500_000_000 })
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  @IsInt()
  amountFen: number;

  @ApiProperty({ enum: TRANCHE_SOURCES })
  @IsIn(TRANCHE_SOURCES)
  source: TrancheSource;

  @ApiProperty({ description: 'Asia/Shanghai date from which the money is in effect', example: '2026-07-01' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'INVALID_DATE' })
  effectiveOn: string;

  @ApiProperty({
    description: 'The authorising document number (文号), once per program',
    example: '济财预〔2026〕12号',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  documentNo: string;
}

export class PauseNoticeDto {
  @ApiProperty({ example: '本项目资金已使用完毕，自 2026年7月1日 起暂停受理新申请。' })
  @MaxLength(2000)
  @IsNotEmpty()
  @IsString()
  @IsDefined()
  zh: string;

  @ApiProperty({ example: 'The funds are used up: new claims are not accepted from 1 July 2026.' })
  @MaxLength(2000)
  @IsNotEmpty()
  @IsString()
  @IsDefined()
  en: string;
}

export class PauseProgramDto {
  @ApiProperty({
    description:
      'From this instant new claims are refused (ISO-8601 with offset); ≥ 72 h ahead unless the money is gone',
    example: '2026-07-01T00:00:00+08:00',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'INVALID_DATE',
  })
  @IsISO8601({ strict: true, strictSeparator: true })
  pausesAt: string;

  @ApiProperty({ type: PauseNoticeDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PauseNoticeDto)
  notice: PauseNoticeDto;

  @ApiPropertyOptional({
    description: 'Days after the pause in which purchases made before it may still be claimed',
    default: 30,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  graceDays?: number;
}
