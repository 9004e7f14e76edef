import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@huanxin/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { SubmitAdmission } from '../common/http/admission';
import type { AuthUser } from '../common/http/request-context';
import { CreateApplicationDto, UpdateApplicationDto } from './applications.dto';
import { ApplicationsService } from './applications.service';
import { requireIdempotencyKey } from './idempotency';
import { SubmissionService } from './submission.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('applications')
@Controller('applications')
@RequirePermission(Permission.ApplicationsOwn)
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly submissions: SubmissionService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Start a draft application (facts validated against the program)' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateApplicationDto) {
    return this.applications.create(user.id, body.programCode, body.facts);
  }

  // GET /api/applications (the caller's list) is a lean route: resident-list.route.ts.

  @Get(':id')
  @ApiOperation({ summary: 'One application with its timeline' })
  detail(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.applications.detail(user.id, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Save facts of a draft or returned application (409 otherwise)' })
  update(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: UpdateApplicationDto) {
    return this.applications.update(user.id, id, body.facts);
  }

  @Post(':id/submit')
  @HttpCode(200)
  // Admission control: SUBMIT_MAX_IN_FLIGHT at once, a bounded queue, beyond it 503 + Retry-After.
  @UseInterceptors(SubmitAdmission)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: 'A UUID per submission attempt, reused on retries (≤ 255 chars)',
  })
  @ApiOperation({
    summary: 'Submit: re-evaluates, checks documents and keys, reserves the budget (one transaction)',
  })
  async submit(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.submissions.submit(
      user.id,
      id,
      requireIdempotencyKey(key),
      request.body ?? null,
    );
    void reply.status(result.status);
    return result.body;
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw; releases the reservation' })
  withdraw(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.applications.withdraw(user.id, id);
  }
}
