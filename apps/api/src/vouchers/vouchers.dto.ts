import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class CreateVoucherDto {
  @ApiProperty({ example: 'appliance-2026' })
  @Matches(/^[a-z0-9-]{2,64}$/, { message: 'INVALID_FORMAT' })
  programCode: string;

  @ApiProperty({ example: 'air_conditioner', description: "One of the program's categories" })
  @Matches(/^[a-z0-9_]{1,64}$/, { message: 'INVALID_FORMAT' })
  category: string;
}

export class LotteryEntryDto {
  @ApiProperty({ example: 'refrigerator', description: "One of the program's categories" })
  @Matches(/^[a-z0-9_]{1,64}$/, { message: 'INVALID_FORMAT' })
  category: string;
}
