import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/** `:code/versions/:version` */
export class ProgramVersionParams {
  @Matches(/^[a-z0-9-]{2,64}$/, { message: 'INVALID_FORMAT' })
  code: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version: number;
}

export class CreateVersionDto {
  @ApiProperty({
    description:
      "The whole program definition (programs.md). Its `version` is assigned by the server; `code` and `kind` must be the program's.",
    type: 'object',
    additionalProperties: true,
  })
  @IsDefined()
  @IsObject()
  definition: Record<string, unknown>;

  @ApiProperty({ description: 'Asia/Shanghai date from which the version is current', example: '2026-08-01' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'INVALID_DATE' })
  effectiveOn: string;

  @ApiProperty({ description: 'The authorising document number (文号)', example: '济商务字〔2026〕15号' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  documentNo: string;

  @ApiPropertyOptional({ description: 'Why the version changes', example: '新能源车补贴上限调整' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class CreateProgramDto {
  @ApiProperty({
    description:
      "The new program's definition (typically a copy of another program with a new code); becomes its draft version 1",
    type: 'object',
    additionalProperties: true,
  })
  @IsDefined()
  @IsObject()
  definition: Record<string, unknown>;

  @ApiProperty({ description: 'The authorising document number (文号)', example: '济商务字〔2026〕16号' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  documentNo: string;

  @ApiPropertyOptional({ example: '新增项目' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({
    description: "Date from which version 1 is current (default: the definition's opensOn)",
    example: '2026-08-01',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'INVALID_DATE' })
  effectiveOn?: string;
}

export class PublishVersionDto {
  @ApiProperty({
    description: 'Re-price the claims not yet paid under this version (its date must have come)',
  })
  @IsDefined()
  @IsBoolean()
  retroactive: boolean;
}
