import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  DEALER_USERNAME_PATTERN,
  MAX_FILED_PRICE_FEN,
  ORGANIZATION_KINDS,
  ORGANIZATION_STATUSES,
  type OrganizationKind,
  type OrganizationStatus,
  ZHANGQIU_STREET_CODES,
} from '@huanxin/shared';
import { IsCorporateAccount, IsGtin13, IsMobile, IsUscc } from '../common/validation/identifiers';

export class RegistrationOrganizationDto {
  @ApiProperty({ example: '章丘明水家电城有限公司' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: '91310115MA1K3BTP2B', description: 'GB 32100-2015 check character verified' })
  @IsUscc()
  uscc: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ORGANIZATION_KINDS, { each: true })
  kinds: OrganizationKind[];

  @ApiProperty({ example: ['appliance-2026'], description: 'Codes of published programs' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  programs: string[];

  @ApiProperty({ enum: ZHANGQIU_STREET_CODES, example: 'mingshui' })
  @IsIn(ZHANGQIU_STREET_CODES)
  street: string;

  @ApiProperty({ example: '李经理' })
  @IsString()
  @MinLength(2)
  @MaxLength(40)
  contactName: string;

  @ApiProperty({ example: '13800138000' })
  @IsMobile()
  contactPhone: string;

  @ApiProperty({ example: '中国工商银行章丘支行' })
  @IsString()
  @MinLength(2)
  @MaxLength(60)
  payoutBankName: string;

  @ApiProperty({
    example: '1602023809200123456',
    description: 'Corporate account (对公账户), 9–32 digits; stored encrypted',
  })
  @IsCorporateAccount()
  payoutAccountNo: string;
}

export class RegistrationDto {
  @ApiProperty({ type: RegistrationOrganizationDto })
  @IsObject()
  @ValidateNested()
  @Type(() => RegistrationOrganizationDto)
  organization: RegistrationOrganizationDto;

  @ApiProperty({ example: 'mingshui-shop', description: 'The first user, the organisation administrator' })
  @Matches(DEALER_USERNAME_PATTERN, { message: 'INVALID_FORMAT' })
  username: string;

  @ApiProperty({ description: '12–128 characters; common and breached passwords are refused' })
  @IsString()
  @MaxLength(256)
  password: string;

  @ApiProperty({
    description:
      'The signed commitment: advance the subsidy at the till, return it on refunds, accept the payout wait',
    example: true,
  })
  @Equals(true, { message: 'CONSENT_REQUIRED' })
  consent: true;
}

export class ListOrganizationsQuery {
  @ApiPropertyOptional({ enum: ORGANIZATION_STATUSES })
  @IsOptional()
  @IsIn(ORGANIZATION_STATUSES)
  status?: OrganizationStatus;
}

export class ChangeOrganizationStatusDto {
  @ApiProperty({ enum: ['active', 'suspended', 'disqualified'] })
  @IsIn(['active', 'suspended', 'disqualified'])
  status: 'active' | 'suspended' | 'disqualified';

  @ApiProperty({ example: '材料齐全，准予参与' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;
}

export class CreateDealerUserDto {
  @ApiProperty({ example: 'mingshui-clerk1' })
  @Matches(DEALER_USERNAME_PATTERN, { message: 'INVALID_FORMAT' })
  username: string;

  @ApiProperty({ example: '收银员一' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  displayName: string;

  @ApiProperty({ description: '12–128 characters; common and breached passwords are refused' })
  @IsString()
  @MaxLength(256)
  password: string;

  @ApiPropertyOptional({ description: 'May add staff accounts too', default: false })
  @IsOptional()
  @IsBoolean()
  orgAdmin?: boolean;
}

export class CreateProductDto {
  @ApiProperty({ example: 'appliance-2026' })
  @IsString()
  @MaxLength(64)
  programCode: string;

  @ApiProperty({ example: 'refrigerator', description: "One of the program's item categories" })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  category: string;

  @ApiProperty({ example: '6901234567892', description: 'GTIN-13, check digit verified' })
  @IsGtin13()
  barcode: string;

  @ApiProperty({ example: '海尔' })
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  brand: string;

  @ApiProperty({ example: 'BCD-470WGHTD' })
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  model: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 5,
    nullable: true,
    description: 'Energy (water) grade; required where the program has one',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  efficiencyGrade?: number | null;

  @ApiProperty({ example: 399900, description: 'Filed price (备案价), fen' })
  @IsInt()
  @Min(1)
  @Max(MAX_FILED_PRICE_FEN)
  filedPriceFen: number;
}

export class UpdateProductPriceDto {
  @ApiProperty({ example: 419900, description: 'New filed price, fen; the old one stays in the history' })
  @IsInt()
  @Min(1)
  @Max(MAX_FILED_PRICE_FEN)
  filedPriceFen: number;
}
