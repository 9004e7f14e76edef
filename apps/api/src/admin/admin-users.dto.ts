import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PASSWORD_ROLES, STAFF_ROLES } from '@huanxin/shared';
import { IsUscc } from '../common/validation/identifiers';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../users/organization.entity';

export class CreateUserDto {
  @ApiProperty({ example: 'reviewer2' })
  @Matches(/^[a-z][a-z0-9._-]{2,31}$/, { message: 'INVALID_FORMAT' })
  username: string;

  @ApiProperty({ example: '王审核' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  displayName: string;

  @ApiProperty({ enum: PASSWORD_ROLES })
  @IsIn(PASSWORD_ROLES)
  role: (typeof PASSWORD_ROLES)[number];

  @ApiProperty({ description: '12–128 characters; common and breached passwords are refused' })
  @IsString()
  @MaxLength(256)
  password: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for dealer accounts' })
  @IsOptional()
  @IsUUID(4)
  organizationId?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  displayName?: string;

  @ApiPropertyOptional({
    description: 'true disables the account and ends its sessions; false re-enables it',
  })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ description: 'Clears a lock-out after failed sign-ins (security administrator)' })
  @IsOptional()
  @IsBoolean()
  unlock?: boolean;

  @ApiPropertyOptional({ description: 'Sets a new password (ends the sessions)' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  password?: string;

  @ApiPropertyOptional({
    description: 'Removes the TOTP second factor so the user enrols again (security administrator)',
  })
  @IsOptional()
  @IsBoolean()
  resetMfa?: boolean;

  @ApiPropertyOptional({
    enum: STAFF_ROLES,
    description:
      "Changes a staff account's role (security administrator only, never one's own; ends the sessions; a reviewer/approver role waits for an administrator to activate it)",
  })
  @IsOptional()
  @IsIn(STAFF_ROLES)
  role?: (typeof STAFF_ROLES)[number];

  @ApiPropertyOptional({
    description:
      'Activates a reviewer/approver account left pending by another administrator (two-person rule); 403 SECOND_ADMIN_REQUIRED for the same administrator',
  })
  @IsOptional()
  @IsBoolean()
  activate?: boolean;
}

export class CreateOrganizationDto {
  @ApiProperty({ example: '章丘示例家电商城' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: '91370114MA3C5T8X1Q' })
  @IsUscc()
  uscc: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ORGANIZATION_KINDS, { each: true })
  kinds: OrganizationKind[];
}
