import { ApiProperty } from '@nestjs/swagger';
import { RETURN_REASON_MAX } from '@huanxin/shared';
import { Allow } from 'class-validator';

/**
 * `POST /api/dealer/sales/:id/return`. The fields are checked by the shared `checkSaleReturn`
 * (the dealer's form runs the same rules), which needs the sale's date: so here they are only
 * allowed through (unknown fields are still refused by the global pipe).
 */
export class ReturnSaleDto {
  @ApiProperty({
    example: '2026-05-03',
    description: 'When the goods came back (not in the future, not before the sale)',
  })
  @Allow()
  returnedOn: unknown;

  @ApiProperty({ example: '七天无理由退货', maxLength: RETURN_REASON_MAX })
  @Allow()
  reason: unknown;
}
