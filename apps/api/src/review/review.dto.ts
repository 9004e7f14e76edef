import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  REVIEW_STAGES,
  type ReviewDecisionKind,
  type ReviewDecisionRequest,
  type ReviewSort,
  type ReviewStage,
} from '@huanxin/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export const REVIEW_SORTS = ['age', 'due', 'amount', 'risk'] as const satisfies readonly ReviewSort[];
export const QUEUE_STATUSES = ['in_review', 'returned'] as const;
export const REVIEW_DECISIONS = [
  'approve',
  'reject',
  'return',
] as const satisfies readonly ReviewDecisionKind[];
/** The largest page of the queue. */
export const MAX_PAGE_SIZE = 100;

export class ReviewQueueQueryDto {
  @ApiPropertyOptional({ example: 'digital-2026', description: 'Program code' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,64}$/, { message: 'INVALID_FORMAT' })
  program?: string;

  @ApiPropertyOptional({ enum: QUEUE_STATUSES, default: 'in_review' })
  @IsOptional()
  @IsIn(QUEUE_STATUSES)
  status?: (typeof QUEUE_STATUSES)[number];

  @ApiPropertyOptional({ enum: REVIEW_STAGES })
  @IsOptional()
  @IsIn(REVIEW_STAGES)
  stage?: ReviewStage;

  @ApiPropertyOptional({ example: 'DUPLICATE_DOCUMENT', description: 'Only claims with this flag' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'INVALID_FORMAT' })
  flag?: string;

  @ApiPropertyOptional({
    enum: REVIEW_SORTS,
    default: 'age',
    description: 'age = oldest complete claim first',
  })
  @IsOptional()
  @IsIn(REVIEW_SORTS)
  sort?: ReviewSort;

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 10000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}

export class ReviewDecisionDto implements ReviewDecisionRequest {
  @ApiProperty({ enum: REVIEW_DECISIONS })
  @IsIn(REVIEW_DECISIONS)
  decision: ReviewDecisionKind;

  @ApiPropertyOptional({
    example: 'DOCUMENT_ILLEGIBLE',
    description: 'Required for reject and return: a code of GET /api/review/reasons of that kind',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  reasonCode?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['item.invoiceNo', 'document:invoice'],
    description: 'Return only: fact paths of the program or document:<kind> to fix',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(128, { each: true })
  fields?: string[];

  @ApiPropertyOptional({ description: 'Shown to the resident for reject/return (identifiers masked)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;

  @ApiPropertyOptional({
    description: 'Approve over a matrix conflict (needs a note; goes to second approval)',
  })
  @IsOptional()
  @IsBoolean()
  override?: boolean;
}
