import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EligibilityResult, ProgramDetail, ProgramSummary } from '@huanxin/shared';
import { CurrentUser, Public } from '../auth/auth.decorators';
import type { AuthUser } from '../common/http/request-context';
import { RateLimit, RateLimitGuard } from '../common/http/rate-limit';
import { EligibilityRequestDto, ProgramCodeParams } from './programs.dto';
import { ProgramsService } from './programs.service';

@ApiTags('programs')
@Public()
@Controller('programs')
@UseGuards(RateLimitGuard)
@RateLimit({ name: 'programs-public', limit: 120, windowSeconds: 60, onStoreDown: 'open' })
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
  @RateLimit({ name: 'eligibility', limit: 60, windowSeconds: 60, onStoreDown: 'open' })
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
