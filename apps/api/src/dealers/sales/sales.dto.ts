import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
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
 * Identifier-like strings: the shared validators decide; this only bounds the length. Decorators
 * are checked bottom-up and each field answers its first failure, so `@IsDefined()` (REQUIRED) is
 * written last and the type before the range: a missing field is REQUIRED, text for an amount
 * INVALID_TYPE, as the shared rules say.
 */
const IDENTIFIER_MAX = 64;
const DATE_MAX = 10;

export class SaleBuyerDto {
  @ApiProperty({ example: '张三' })
  @MaxLength(SALE_TEXT_LIMITS.buyerName)
  @IsString()
  @IsDefined()
  name: string;

  @ApiProperty({
    example: '370181196003010018',
    description:
      'Resident ID (check digit verified); a credit code is 422 BUYER_NOT_PERSON. Stored encrypted',
  })
  @MaxLength(IDENTIFIER_MAX)
  @IsString()
  @IsDefined()
  idNumber: string;
}

export class SaleDeliveryDto {
  @ApiProperty({ enum: DELIVERY_MODES })
  @IsIn(DELIVERY_MODES)
  @IsDefined()
  mode: DeliveryMode;

  @ApiPropertyOptional({ description: 'Required for `delivery`; stored encrypted' })
  @IsOptional()
  @MaxLength(SALE_TEXT_LIMITS.address)
  @IsString()
  address?: string;

  @ApiPropertyOptional({ example: 'SF1234567890' })
  @IsOptional()
  @MaxLength(SALE_TEXT_LIMITS.trackingNo)
  @IsString()
  trackingNo?: string;

  @ApiPropertyOptional({ example: '2026-11-20', description: 'YYYY-MM-DD, not before the invoice date' })
  @IsOptional()
  @MaxLength(DATE_MAX)
  @IsString()
  deliveredOn?: string;
}

export class SaleOldItemDto {
  @ApiProperty({ example: '91370181MA3C4D5E6F', description: 'The recycler’s credit code (USCC)' })
  @MaxLength(IDENTIFIER_MAX)
  @IsString()
  @IsDefined()
  recyclerUscc: string;

  @ApiProperty({ example: 'HS20261120001' })
  @MaxLength(SALE_TEXT_LIMITS.receiptNo)
  @IsString()
  @IsDefined()
  receiptNo: string;

  @ApiProperty({ example: '2026-11-20' })
  @MaxLength(DATE_MAX)
  @IsString()
  @IsDefined()
  recycledOn: string;
}

class SaleCommonDto {
  @ApiProperty({ example: 'appliance-2026', description: 'A program the organisation joined' })
  @MaxLength(SALE_TEXT_LIMITS.programCode)
  @IsString()
  @IsDefined()
  programCode: string;

  @ApiProperty({ example: 399900, description: 'Invoice total (价税合计), fen' })
  @Min(1)
  @Max(MAX_SALE_AMOUNT_FEN)
  @IsInt()
  @IsDefined()
  priceFen: number;

  @ApiProperty({ example: '26370000000012345678', description: 'Digital (20 digits) or code + number' })
  @MaxLength(IDENTIFIER_MAX)
  @IsString()
  @IsDefined()
  invoiceNo: string;

  @ApiProperty({ example: '2026-11-20', description: 'YYYY-MM-DD, not in the future' })
  @MaxLength(DATE_MAX)
  @IsString()
  @IsDefined()
  invoiceDate: string;

  @ApiProperty({ type: SaleBuyerDto })
  @ValidateNested()
  @Type(() => SaleBuyerDto)
  @IsObject()
  @IsDefined()
  buyer: SaleBuyerDto;
}

export class GoodsSaleDto extends SaleCommonDto implements GoodsSaleRequest {
  @ApiPropertyOptional({
    description:
      'A resident’s voucher redeemed at the till: the engine’s subsidy and a point-of-sale claim paying the dealer. 409 VOUCHER_NOT_FOUND, VOUCHER_USED, VOUCHER_EXPIRED, VOUCHER_PROGRAM_MISMATCH, VOUCHER_CATEGORY_MISMATCH; 422 BUYER_NOT_HOLDER, NOT_ELIGIBLE',
  })
  @IsOptional()
  @MaxLength(SALE_TEXT_LIMITS.voucherCode)
  @IsString()
  voucherCode?: string;

  @ApiProperty({ format: 'uuid', description: 'A product of the caller’s register, filed for the program' })
  @MaxLength(IDENTIFIER_MAX)
  @IsString()
  @IsDefined()
  productId: string;

  @ApiProperty({ example: 'BCD470-2026-000123', description: 'Unique per category' })
  @MaxLength(SALE_TEXT_LIMITS.serialNo)
  @IsString()
  @IsDefined()
  serialNo: string;

  @ApiPropertyOptional({
    example: '490154203237518',
    description: '15 digits, Luhn; required for phones and tablets',
  })
  @IsOptional()
  @MaxLength(IDENTIFIER_MAX)
  @IsString()
  imei?: string;

  @ApiProperty({ example: 399900, description: 'Paid by the buyer, fen' })
  @Min(0)
  @Max(MAX_SALE_AMOUNT_FEN)
  @IsInt()
  @IsDefined()
  paidFen: number;

  @ApiProperty({ example: 0, description: 'Other discounts (the dealer’s own), fen' })
  @Min(0)
  @Max(MAX_SALE_AMOUNT_FEN)
  @IsInt()
  @IsDefined()
  otherDiscountFen: number;

  @ApiProperty({ type: SaleDeliveryDto })
  @ValidateNested()
  @Type(() => SaleDeliveryDto)
  @IsObject()
  @IsDefined()
  delivery: SaleDeliveryDto;

  @ApiPropertyOptional({
    type: SaleOldItemDto,
    description: 'The old item handed in (when the program requires it)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SaleOldItemDto)
  @IsObject()
  oldItem?: SaleOldItemDto;
}

export class SaleVehicleDto {
  @ApiProperty({ example: 'LSVAU2180N2183294', description: 'New car’s VIN (check digit verified)' })
  @MaxLength(IDENTIFIER_MAX)
  @IsString()
  @IsDefined()
  vin: string;

  @ApiProperty({ enum: CAR_POWERTRAINS })
  @IsIn(CAR_POWERTRAINS)
  @IsDefined()
  powertrain: CarPowertrain;

  @ApiProperty({ example: 1.5, minimum: 0, maximum: 10, description: 'Litres (0 for an electric car)' })
  @Min(0)
  @Max(10)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsDefined()
  displacementL: number;

  @ApiProperty({ description: 'Listed in the NEV purchase-tax exemption catalogue' })
  @IsBoolean()
  @IsDefined()
  inNevCatalogue: boolean;
}

export class CarSaleDto extends SaleCommonDto implements CarSaleRequest {
  @ApiProperty({ type: SaleVehicleDto })
  @ValidateNested()
  @Type(() => SaleVehicleDto)
  @IsObject()
  @IsDefined()
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
