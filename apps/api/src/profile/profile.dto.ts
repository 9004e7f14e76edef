import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { type ProfileInput, ZHANGQIU_STREET_CODES } from '@huanxin/shared';
import { IsBankCard, IsResidentId } from '../common/validation/identifiers';

export class UpdateProfileDto implements ProfileInput {
  @ApiProperty({ example: '张三' })
  @IsString()
  @MinLength(2)
  @MaxLength(40)
  name: string;

  @ApiProperty({ example: '11010519491231002X' })
  @IsResidentId()
  idNumber: string;

  @ApiProperty({ enum: ZHANGQIU_STREET_CODES, example: 'mingshui' })
  @IsIn(ZHANGQIU_STREET_CODES)
  street: string;

  @ApiProperty({ example: '明水街道汇泉路 100 号' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  address: string;

  @ApiProperty({ example: '中国农业银行章丘支行' })
  @IsString()
  @MinLength(2)
  @MaxLength(60)
  bankName: string;

  @ApiProperty({ example: '6230514630000424473' })
  @IsBankCard()
  bankAccount: string;

  @ApiProperty({
    description: 'Separate consent to processing the ID number and bank account (PIPL Art. 29)',
    example: true,
  })
  @Equals(true, { message: 'CONSENT_REQUIRED' })
  consent: true;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'From POST /api/me/profile/otp: required with otpCode when an existing profile changes its bank account or ID number',
  })
  @IsOptional()
  @IsUUID(4)
  otpChallengeId?: string;

  @ApiPropertyOptional({ example: '123456' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'INVALID_FORMAT' })
  otpCode?: string;
}
