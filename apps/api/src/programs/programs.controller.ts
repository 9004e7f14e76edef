import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EligibilityResult, ProgramDetail, ProgramSummary } from '@huanxin/shared';
import { CurrentUser, Public } from '../auth/auth.decorators';
import type { AuthUser } from '../common/http/request-context';
import { EligibilityLimitGuard } from './eligibility-limit.guard';
import { EligibilityRequestDto, ProgramCodeParams } from './programs.dto';
import { ProgramsService } from './programs.service';

/**
 * The public program pages. The two GETs are answered from memory (ProgramsCache) and carry no
 * per-address limit: a limiter's Redis round trip would cost more than the answer, and a per-address
 * budget would lock out every resident behind one carrier NAT address (docs/auth-defenses.md).
 */
@ApiTags('programs')
@Public()
@Controller('programs')
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  @Get()
  @ApiOperation({ summary: 'Programs with status, window and live budget figures' })
  list(): Promise<ProgramSummary[]> {
    return this.programs.list();
  }

  @Get(':code')
  @ApiOperation({
    summary: 'One program: clauses with citations, documents, fact fields and the full definition',
  })
  detail(@Param() params: ProgramCodeParams): Promise<ProgramDetail> {
    return this.programs.detail(params.code);
  }

  @Post(':code/eligibility')
  @HttpCode(200)
  @UseGuards(EligibilityLimitGuard)
  @ApiOperation({
    summary: 'Evaluate facts against the current rules (history clauses unknown when anonymous)',
  })
  eligibility(
    @Param() params: ProgramCodeParams,
    @Body() body: EligibilityRequestDto,
    @CurrentUser() caller: AuthUser | undefined,
  ): Promise<EligibilityResult> {
    return this.programs.checkEligibility(params.code, body.facts, body.asOf, caller);
  }
}
