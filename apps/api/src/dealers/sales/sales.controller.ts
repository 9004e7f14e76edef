import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { DealerSaleList, DealerSaleResult } from '@huanxin/shared';
import { CurrentUser } from '../../auth/auth.decorators';
import type { AuthUser } from '../../common/http/request-context';
import { DealerRoutes } from '../dealer-access.guard';
import { SaleBodyPipe } from './sale-body.pipe';
import { CarSaleDto, GoodsSaleDto, ListSalesQueryDto } from './sales.dto';
import { SalesService } from './sales.service';

/** The dealer's sale records (operations.md §3, §4): writes only for an active organisation. */
@ApiTags('dealer')
@Controller('dealer/sales')
@DealerRoutes()
@ApiExtraModels(GoodsSaleDto, CarSaleDto)
export class DealerSalesController {
  constructor(private readonly sales: SalesService) {}

  @Post()
  @HttpCode(201)
  @ApiBody({
    schema: { oneOf: [{ $ref: getSchemaPath(GoodsSaleDto) }, { $ref: getSchemaPath(CarSaleDto) }] },
  })
  @ApiOperation({
    summary:
      'Record a goods sale (retailer) or a new car sale (car dealer, body with `vehicle`): 422 AMOUNTS_DO_NOT_ADD_UP, ABOVE_FILED_PRICE, BUYER_NOT_PERSON; 409 DUPLICATE_SERIAL, DUPLICATE_IMEI, DUPLICATE_INVOICE, DUPLICATE_VIN, VOUCHER_NOT_FOUND, VOUCHER_USED, VOUCHER_EXPIRED, VOUCHER_PROGRAM_MISMATCH, VOUCHER_CATEGORY_MISMATCH; 422 BUYER_NOT_HOLDER, NOT_ELIGIBLE (a voucher sale); 404 another organisation’s product; 403 ORGANIZATION_KIND_NOT_ALLOWED',
  })
  record(
    @CurrentUser() user: AuthUser,
    @Body(SaleBodyPipe) body: GoodsSaleDto | CarSaleDto,
  ): Promise<DealerSaleResult> {
    return body instanceof CarSaleDto ? this.sales.recordCar(user, body) : this.sales.recordGoods(user, body);
  }

  @Get()
  @ApiOperation({ summary: 'The organisation’s own sales, newest first, with the claim each backs' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListSalesQueryDto): Promise<DealerSaleList> {
    return this.sales.list(user, query);
  }
}
