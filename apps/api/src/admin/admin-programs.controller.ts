import { Body, Controller, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { Permission } from '@huanxin/shared';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import type { AuthUser } from '../common/http/request-context';
import { ProgramCodeParams } from '../programs/programs.dto';
import { AdminProgramsService } from './admin-programs.service';
import { AddTrancheDto, PauseProgramDto } from './program-funding.dto';
import { ProgramPausesService } from './program-pauses.service';
import { ProgramTranchesService } from './program-tranches.service';

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
  constructor(
    private readonly programs: AdminProgramsService,
    private readonly tranches: ProgramTranchesService,
    private readonly pauses: ProgramPausesService,
  ) {}

  @Patch(':code')
  @ApiOperation({
    summary: "Raise or lower a program's budget (409 below what is reserved, committed and paid); audited",
  })
  update(@Param() params: ProgramCodeParams, @Body() body: UpdateProgramBudgetDto) {
    return this.programs.setBudget(params.code, body.budgetTotalFen);
  }

  @Post(':code/tranches')
  @RequirePermission(Permission.BudgetTranches)
  @ApiOperation({
    summary:
      'Add a tranche (finance or admin): raises the budget total from effectiveOn; 409 DUPLICATE_DOCUMENT_NO; audited',
  })
  addTranche(
    @Param() params: ProgramCodeParams,
    @Body() body: AddTrancheDto,
    @CurrentUser() actor: AuthUser,
  ) {
    return this.tranches.add(params.code, body, actor);
  }

  @Post(':code/pause')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Announce a pause (admin): new claims refused from pausesAt (grace for earlier purchases); the notice shows at once; audited',
  })
  pause(@Param() params: ProgramCodeParams, @Body() body: PauseProgramDto, @CurrentUser() actor: AuthUser) {
    return this.pauses.announce(params.code, body, actor);
  }
}
