import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CAR_POWERTRAINS,
  type CarPowertrain,
  type CarSaleRequest,
  DEALER_SALE_STATUSES,
  type DealerSaleListQuery,
  type DealerSaleStatus,
  DELIVERY_MODES,
  type DeliveryMode,
  type GoodsSaleRequest,
  MAX_SALE_AMOUNT_FEN,
  SALE_TEXT_LIMITS,
} from '@huanxin/shared';

/*
 * The shapes of the two sale bodies (api-contract.md `POST /api/dealer/sales`): types, options and
 * lengths, so a wrong type is a field error here. The sale rules themselves — identifiers with
 * their check digits, a person as buyer, amounts that add up, dates, delivery — are the shared
 * `checkGoodsSale` / `checkCarSale`, which the service runs on every sale (HTTP or import) and the
 * web runs as the dealer types.
 */

/**
 * Identifier-like strings: the shared validators decide; this only bounds the length. The type
 * decorator is written last so it is checked first: a wrong type answers INVALID_TYPE, not a range.
 */
const IDENTIFIER_MAX = 64;
const DATE_MAX = 10;

export class SaleBuyerDto {
  @ApiProperty({ example: '张三' })
  @IsString()
  @MaxLength(SALE_TEXT_LIMITS.buyerName)
  name: string;

  @ApiProperty({
    example: '370181196003010018',
    description:
      'Resident ID (check digit verified); a credit code is 422 BUYER_NOT_PERSON. Stored encrypted',
  })
  @IsString()
  @MaxLength(IDENTIFIER_MAX)
  idNumber: string;
}

export class SaleDeliveryDto {
  @ApiProperty({ enum: DELIVERY_MODES })
  @IsIn(DELIVERY_MODES)
  mode: DeliveryMode;

  @ApiPropertyOptional({ description: 'Required for `delivery`; stored encrypted' })
  @IsOptional()
  @IsString()
  @MaxLength(SALE_TEXT_LIMITS.address)
  address?: string;

  @ApiPropertyOptional({ example: 'SF1234567890' })
  @IsOptional()
  @IsString()
  @MaxLength(SALE_TEXT_LIMITS.trackingNo)
  trackingNo?: string;

  @ApiPropertyOptional({ example: '2026-11-20', description: 'YYYY-MM-DD, not before the invoice date' })
  @IsOptional()
  @IsString()
  @MaxLength(DATE_MAX)
  deliveredOn?: string;
}

export class SaleOldItemDto {
  @ApiProperty({ example: '91370181MA3C4D5E6F', description: 'The recycler’s credit code (USCC)' })
  @IsString()
  @MaxLength(IDENTIFIER_MAX)
  recyclerUscc: string;

  @ApiProperty({ example: 'HS20261120001' })
  @IsString()
  @MaxLength(SALE_TEXT_LIMITS.receiptNo)
  receiptNo: string;

  @ApiProperty({ example: '2026-11-20' })
  @IsString()
  @MaxLength(DATE_MAX)
  recycledOn: string;
}

class SaleCommonDto {
  @ApiProperty({ example: 'appliance-2026', description: 'A program the organisation joined' })
  @IsString()
  @MaxLength(SALE_TEXT_LIMITS.programCode)
  programCode: string;

  @ApiProperty({ example: 399900, description: 'Invoice total (价税合计), fen' })
  @Min(1)
  @Max(MAX_SALE_AMOUNT_FEN)
  @IsInt()
  priceFen: number;

  @ApiProperty({ example: '26370000000012345678', description: 'Digital (20 digits) or code + number' })
  @IsString()
  @MaxLength(IDENTIFIER_MAX)
  invoiceNo: string;

  @ApiProperty({ example: '2026-11-20', description: 'YYYY-MM-DD, not in the future' })
  @IsString()
  @MaxLength(DATE_MAX)
  invoiceDate: string;

  @ApiProperty({ type: SaleBuyerDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SaleBuyerDto)
  buyer: SaleBuyerDto;
}

export class GoodsSaleDto extends SaleCommonDto implements GoodsSaleRequest {
  @ApiPropertyOptional({
    description:
      'A resident’s voucher redeemed at the till. Until the vouchers issue lands every code is 409 VOUCHER_NOT_FOUND',
  })
  @IsOptional()
  @IsString()
  @MaxLength(SALE_TEXT_LIMITS.voucherCode)
  voucherCode?: string;

  @ApiProperty({ format: 'uuid', description: 'A product of the caller’s register, filed for the program' })
  @IsString()
  @MaxLength(IDENTIFIER_MAX)
  productId: string;

  @ApiProperty({ example: 'BCD470-2026-000123', description: 'Unique per category' })
  @IsString()
  @MaxLength(SALE_TEXT_LIMITS.serialNo)
  serialNo: string;

  @ApiPropertyOptional({
    example: '490154203237518',
    description: '15 digits, Luhn; required for phones and tablets',
  })
  @IsOptional()
  @IsString()
  @MaxLength(IDENTIFIER_MAX)
  imei?: string;

  @ApiProperty({ example: 399900, description: 'Paid by the buyer, fen' })
  @Min(0)
  @Max(MAX_SALE_AMOUNT_FEN)
  @IsInt()
  paidFen: number;

  @ApiProperty({ example: 0, description: 'Other discounts (the dealer’s own), fen' })
  @Min(0)
  @Max(MAX_SALE_AMOUNT_FEN)
  @IsInt()
  otherDiscountFen: number;

  @ApiProperty({ type: SaleDeliveryDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SaleDeliveryDto)
  delivery: SaleDeliveryDto;

  @ApiPropertyOptional({
    type: SaleOldItemDto,
    description: 'The old item handed in (when the program requires it)',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SaleOldItemDto)
  oldItem?: SaleOldItemDto;
}

export class SaleVehicleDto {
  @ApiProperty({ example: 'LSVAU2180N2183294', description: 'New car’s VIN (check digit verified)' })
  @IsString()
  @MaxLength(IDENTIFIER_MAX)
  vin: string;

  @ApiProperty({ enum: CAR_POWERTRAINS })
  @IsIn(CAR_POWERTRAINS)
  powertrain: CarPowertrain;

  @ApiProperty({ example: 1.5, minimum: 0, maximum: 10, description: 'Litres (0 for an electric car)' })
  @Min(0)
  @Max(10)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  displacementL: number;

  @ApiProperty({ description: 'Listed in the NEV purchase-tax exemption catalogue' })
  @IsBoolean()
  inNevCatalogue: boolean;
}

export class CarSaleDto extends SaleCommonDto implements CarSaleRequest {
  @ApiProperty({ type: SaleVehicleDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SaleVehicleDto)
  vehicle: SaleVehicleDto;
}

export const MAX_SALES_PAGE_SIZE = 200;

export class ListSalesQueryDto implements DealerSaleListQuery {
  @ApiPropertyOptional({ enum: DEALER_SALE_STATUSES })
  @IsOptional()
  @IsIn(DEALER_SALE_STATUSES)
  status?: DealerSaleStatus;

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 10000 })
  @IsOptional()
  @Type(() => Number)
  @Min(1)
  @Max(10_000)
  @IsInt()
  page?: number;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: MAX_SALES_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @Min(1)
  @Max(MAX_SALES_PAGE_SIZE)
  @IsInt()
  pageSize?: number;
}
