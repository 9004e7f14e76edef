import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';

export class VersionParams {
  @ApiProperty({ example: 'digital-2026' })
  @Matches(/^[a-z0-9-]{2,64}$/, { message: 'INVALID_FORMAT' })
  code: string;

  @ApiProperty({ example: 2 })
  @Type(() => Number)
  @IsInt({ message: 'INVALID_FORMAT' })
  @Min(1, { message: 'INVALID_FORMAT' })
  @Max(1_000_000, { message: 'INVALID_FORMAT' })
  version: number;
}

export class WhatIfJobParams extends VersionParams {
  @ApiProperty({ example: 'what-if-3f0c8f0e-6f7d-4d4e-9b1c-2a5e2f7f4b11' })
  @Matches(/^what-if-[0-9a-f-]{36}$/, { message: 'INVALID_FORMAT' })
  jobId: string;
}
