import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { Permission } from '@huanxin/shared';
import { RequirePermission } from '../auth/auth.decorators';
import { ProgramCodeParams } from '../programs/programs.dto';
import { AdminProgramsService } from './admin-programs.service';

export class UpdateProgramBudgetDto {
  @ApiProperty({ description: 'New budget total in fen', example: 5_000_000_000 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  budgetTotalFen: number;
}

@ApiTags('admin')
@Controller('admin/programs')
@RequirePermission(Permission.ProgramsManage)
export class AdminProgramsController {
  constructor(private readonly programs: AdminProgramsService) {}

  @Patch(':code')
  @ApiOperation({
    summary: "Raise or lower a program's budget (409 below what is reserved, committed and paid); audited",
  })
  update(@Param() params: ProgramCodeParams, @Body() body: UpdateProgramBudgetDto) {
    return this.programs.setBudget(params.code, body.budgetTotalFen);
  }
}
