import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@huanxin/shared';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '../../../auth/auth.decorators';
import { VersionParams, WhatIfJobParams } from './what-if.dto';
import { WhatIfService } from './what-if.service';
import type { WhatIfJobView, WhatIfResult } from './what-if.types';

@ApiTags('admin')
@Controller('admin/programs/:code/versions/:version/what-if')
@RequirePermission(Permission.ProgramsManage)
export class WhatIfController {
  constructor(private readonly whatIf: WhatIfService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'What-if of a draft version on the real claims (every status but draft): 200 { evaluated, changed: [{ applicationCode, status, before, after }], deltaFen, byStatus, retroactive }; above WHAT_IF_SYNC_MAX_CLAIMS claims 202 { jobId } (poll GET …/what-if/:jobId); 409 VERSION_PUBLISHED',
  })
  async start(
    @Param() params: VersionParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WhatIfResult | { jobId: string }> {
    const started = await this.whatIf.start(params.code, params.version);
    if ('jobId' in started) {
      void reply.status(202);
      return { jobId: started.jobId };
    }
    return started.result;
  }

  @Get(':jobId')
  @ApiOperation({
    summary:
      'A what-if job of this version: { jobId, state: waiting|active|completed|failed, progress: { done, total }, result? } (result as the synchronous answer); 404 unknown job',
  })
  job(@Param() params: WhatIfJobParams): Promise<WhatIfJobView> {
    return this.whatIf.job(params.code, params.version, params.jobId);
  }
}
