import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { saleKindOf } from '@huanxin/shared';
import { createValidationPipe } from '../../common/validation/validation.pipe';
import { CarSaleDto, GoodsSaleDto } from './sales.dto';

/**
 * `POST /api/dealer/sales` takes two bodies (api-contract.md): a car sale is the one with a
 * `vehicle`. This pipe picks the DTO and runs the app's own validation on it, so either body is
 * refused exactly as any other route's (unknown fields, types, field paths in `fields`).
 */
@Injectable()
export class SaleBodyPipe implements PipeTransform {
  private readonly validation = createValidationPipe();

  transform(value: unknown, metadata: ArgumentMetadata): Promise<GoodsSaleDto | CarSaleDto> {
    const metatype = saleKindOf(value) === 'car' ? CarSaleDto : GoodsSaleDto;
    return this.validation.transform(value, { ...metadata, metatype }) as Promise<GoodsSaleDto | CarSaleDto>;
  }
}
