import { Body, Controller, Get, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EligibilityResult, ProgramDetail } from '@huanxin/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Public } from '../auth/auth.decorators';
import { ifNoneMatch } from '../common/http/etag';
import type { AuthUser } from '../common/http/request-context';
import { EligibilityLimitGuard } from './eligibility-limit.guard';
import { EligibilityRequestDto, ProgramCodeParams } from './programs.dto';
import { PublicReadLimitGuard } from './public-read-limit.guard';
import { ProgramsService } from './programs.service';

/**
 * The public program pages. The two GETs are answered from memory (ProgramsCache) and limited per
 * address in memory too (PublicReadLimitGuard): a limiter's Redis round trip would cost more than
 * the answer, and the budget is sized for a whole carrier NAT address, not one person
 * (docs/auth-defenses.md).
 */
@ApiTags('programs')
@Public()
@Controller('programs')
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  /**
   * The list as pre-serialized bytes with a strong ETag: `If-None-Match` with the current tag gets
   * 304 and no body. `no-cache`: a browser may keep it but revalidates every time, so the figures it
   * shows are never older than the server's (≤ ~1 s).
   */
  @Get()
  @UseGuards(PublicReadLimitGuard)
  @ApiOperation({ summary: 'Programs with status, window and live budget figures' })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'ETag of a list already held: 304' })
  @ApiOkResponse({ description: 'ProgramSummary[] (ETag, Cache-Control: no-cache)' })
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { body, etag } = await this.programs.listBody();
    void reply.header('etag', etag).header('cache-control', 'no-cache');
    if (ifNoneMatch(request.headers['if-none-match'], etag)) {
      void reply.status(304).send();
      return;
    }
    void reply.header('content-type', 'application/json; charset=utf-8').send(body);
  }

  @Get(':code')
  @UseGuards(PublicReadLimitGuard)
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
