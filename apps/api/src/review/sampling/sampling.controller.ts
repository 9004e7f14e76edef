import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@huanxin/shared';
import { CurrentUser, RequirePermission } from '../../auth/auth.decorators';
import type { AuthUser } from '../../common/http/request-context';
import { CreateSampleDto, SampleListQueryDto, SampleOutcomeDto } from './sampling.dto';
import { SamplingService } from './sampling.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('review')
@Controller('review/samples')
@RequirePermission(Permission.ReviewSample)
export class SamplingController {
  constructor(private readonly sampling: SamplingService) {}

  @Post()
  @ApiOperation({
    summary:
      "Draw a post-approval audit sample of a program's approved and paid claims (uniform or risk-weighted); the seed is recorded: same seed + same claims → same sample",
  })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateSampleDto) {
    return this.sampling.create(user.id, body);
  }

  @Get()
  @ApiOperation({ summary: 'Samples drawn so far, newest first (the last 100), optionally of one program' })
  list(@Query() query: SampleListQueryDto) {
    return this.sampling.list(query.program);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One sample with its items, their claims and outcomes' })
  detail(@Param('id', uuid) id: string) {
    return this.sampling.detail(id);
  }

  @Post(':id/items/:applicationId')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Record a sampled case’s outcome once (confirmed, or clawback with its reason: opens a receivable from the payee); audited',
  })
  outcome(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('applicationId', uuid) applicationId: string,
    @Body() body: SampleOutcomeDto,
  ) {
    return this.sampling.recordOutcome(user.id, id, applicationId, body);
  }
}
