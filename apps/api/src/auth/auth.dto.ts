import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

export class SendOtpDto {
  @ApiProperty({ example: '13800138000' })
  @IsString()
  @MaxLength(32)
  phone: string;
}

export class VerifyOtpDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID(4)
  challengeId: string;

  @ApiProperty({ example: '123456' })
  @IsString()
  @MaxLength(16)
  code: string;
}

export class LoginDto {
  @ApiProperty({ example: 'reviewer1' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;

  @ApiPropertyOptional({ description: 'TOTP code when the account has a second factor', example: '123456' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'INVALID_FORMAT' })
  totp?: string;
}

export class TotpEnrolmentDto {
  @ApiProperty({ description: 'From the MFA_ENROLMENT_REQUIRED answer to /auth/login' })
  @IsString()
  @MaxLength(64)
  enrolmentToken: string;
}

export class TotpConfirmDto extends TotpEnrolmentDto {
  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/, { message: 'INVALID_FORMAT' })
  totp: string;
}
