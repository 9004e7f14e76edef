import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { REVEAL_FIELDS, REVEAL_REASON_CODES, type RevealField, type RevealReasonCode } from '@huanxin/shared';

/** A reveal names the claim it is for and a published reason (`REVEAL_REASONS` in @huanxin/shared). */
export class RevealDto {
  @ApiProperty({ format: 'uuid', description: "The resident's claim the value is needed for (in review)" })
  @IsUUID(4)
  applicationId: string;

  @ApiProperty({ enum: REVEAL_FIELDS })
  @IsIn(REVEAL_FIELDS)
  field: RevealField;

  @ApiProperty({
    enum: REVEAL_REASON_CODES,
    description: 'Why the full value is needed; each reason allows only some fields',
  })
  @IsIn(REVEAL_REASON_CODES)
  reason: RevealReasonCode;

  @ApiPropertyOptional({
    description: 'Optional note for the audit log (identifiers in it are masked before it is stored)',
    example: 'ID card photo unreadable',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}
