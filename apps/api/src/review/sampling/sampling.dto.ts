import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

/** The largest sample one request draws. */
export const MAX_SAMPLE_SIZE = 500;

export class CreateSampleDto {
  @ApiProperty({ example: 'appliance-2026' })
  @Matches(/^[a-z0-9-]{2,64}$/, { message: 'INVALID_FORMAT' })
  programCode: string;

  @ApiProperty({ minimum: 1, maximum: MAX_SAMPLE_SIZE, example: 20 })
  @IsInt()
  @Min(1)
  @Max(MAX_SAMPLE_SIZE)
  size: number;

  @ApiProperty({ description: 'true: weighted by risk score (weight 1 + score); false: uniform' })
  @IsBoolean()
  riskWeighted: boolean;

  @ApiPropertyOptional({
    description: 'Reproduces an earlier sample (same seed + same claims → same sample); random when left out',
    example: '9f2c1e7a4b3d5f60',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'INVALID_FORMAT' })
  seed?: string;
}

export class SampleOutcomeDto {
  @ApiProperty({ enum: ['confirmed', 'clawback'] })
  @IsIn(['confirmed', 'clawback'])
  outcome: 'confirmed' | 'clawback';

  @ApiPropertyOptional({ description: 'Why; required for a clawback (it becomes the receivable’s reason)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  note?: string;
}

export class SampleListQueryDto {
  @ApiPropertyOptional({ example: 'appliance-2026' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,64}$/, { message: 'INVALID_FORMAT' })
  program?: string;
}
