import { ApiProperty } from '@nestjs/swagger';
import { IsObject, Matches } from 'class-validator';

export class CreateApplicationDto {
  @ApiProperty({ example: 'car-scrap-2026' })
  @Matches(/^[a-z0-9-]{2,64}$/, { message: 'INVALID_FORMAT' })
  programCode: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "Facts keyed by the program's fact groups",
  })
  @IsObject()
  facts: Record<string, unknown>;
}

export class UpdateApplicationDto {
  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject()
  facts: Record<string, unknown>;
}
