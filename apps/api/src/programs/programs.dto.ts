import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, Matches } from 'class-validator';

export class EligibilityRequestDto {
  @ApiProperty({
    description: 'Program facts, keyed by group (oldVehicle, newVehicle, item, …)',
    type: 'object',
    additionalProperties: true,
  })
  @IsObject()
  facts: Record<string, unknown>;

  @ApiPropertyOptional({
    description: 'Evaluate as of this date (YYYY-MM-DD, Asia/Shanghai); default today',
    example: '2026-05-01',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'INVALID_DATE' })
  asOf?: string;
}

export class ProgramCodeParams {
  @Matches(/^[a-z0-9-]{2,64}$/, { message: 'INVALID_FORMAT' })
  code: string;
}
