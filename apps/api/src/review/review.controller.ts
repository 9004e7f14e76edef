import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, REVIEW_REASONS, type ReviewReason } from '@huanxin/shared';
import type { FastifyReply } from 'fastify';
import { requireIdempotencyKey } from '../applications/idempotency';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import type { AuthUser } from '../common/http/request-context';
import { ReviewDecisionDto, ReviewQueueQueryDto } from './review.dto';
import { ReviewCaseService } from './review-case.service';
import { ReviewDecisionService } from './review-decision.service';
import { ReviewLeaseService } from './review-lease.service';
import { ReviewQueueService } from './review-queue.service';

const uuid = new ParseUUIDPipe({ version: '4' });

/** Shown inline in the reviewer's viewer; anything else (OFD) is downloaded. */
const INLINE_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);
const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/ofd': 'ofd',
};

/** The review workbench (api-contract.md, Review): queue, leases, the case, decisions. */
@ApiTags('review')
@Controller('review')
@RequirePermission(Permission.ReviewRead)
export class ReviewController {
  constructor(
    private readonly queue: ReviewQueueService,
    private readonly leases: ReviewLeaseService,
    private readonly cases: ReviewCaseService,
    private readonly decisions: ReviewDecisionService,
  ) {}

  @Get('queue')
  @ApiOperation({
    summary:
      'The review queue: { items: [{ id, code, programCode, applicantNameMasked, amountFen, completeAt, dueAt, slaState, flags, riskScore, stage, assignee, payee }], total }; oldest complete claim first by default',
  })
  page(@Query() query: ReviewQueueQueryDto) {
    return this.queue.page(query);
  }

  @Get('reasons')
  @ApiOperation({ summary: 'The published reason codes of reject and return decisions (zh/en)' })
  reasons(): readonly ReviewReason[] {
    return REVIEW_REASONS;
  }

  @Post('applications/:id/claim')
  @HttpCode(200)
  @RequirePermission(Permission.ReviewDecide)
  @ApiOperation({
    summary:
      'Take (or renew) the case for 30 minutes: { leaseUntil }; 409 CASE_HELD when another user holds it',
  })
  take(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.leases.take(user.id, id);
  }

  @Delete('applications/:id/claim')
  @HttpCode(204)
  @RequirePermission(Permission.ReviewDecide)
  @ApiOperation({ summary: "Give up the caller's lease on the case" })
  async release(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<void> {
    await this.leases.release(user.id, id);
  }

  @Get('applications/:id')
  @ApiOperation({
    summary:
      'The case: masked facts, clause trace re-run now, documents, field matrix, flags, risk score, history, decisions',
  })
  case(@Param('id', uuid) id: string) {
    return this.cases.case(id);
  }

  @Get('applications/:id/documents/:docId')
  @ApiOperation({ summary: 'A document of the case (inline for PDF and images, nosniff)' })
  async document(
    @Param('id', uuid) id: string,
    @Param('docId', uuid) docId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const document = await this.cases.document(id, docId);
    const disposition = INLINE_TYPES.has(document.contentType) ? 'inline' : 'attachment';
    const extension = EXTENSIONS[document.contentType] ?? 'bin';
    await reply
      .header('content-type', document.contentType)
      .header(
        'content-disposition',
        `${disposition}; filename="${document.kind}-${document.id}.${extension}"`,
      )
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(document.stream);
  }

  @Post('applications/:id/decision')
  @HttpCode(200)
  @RequirePermission(Permission.ReviewDecide)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'One per decision, reused on retries' })
  @ApiOperation({
    summary:
      'Approve, reject or return: { status, stage }; 409 CASE_NOT_HELD / WRONG_STATE; 422 reason/fields/conflict; 403 SELF_APPROVAL / APPROVER_REQUIRED',
  })
  async decide(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body() body: ReviewDecisionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.decisions.decide(user, id, requireIdempotencyKey(key), body);
    void reply.status(result.status);
    return result.body;
  }
}
