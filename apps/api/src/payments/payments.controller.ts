import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@huanxin/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import type { AuthUser } from '../common/http/request-context';
import { multipartUpload } from '../documents/multipart-upload';
import { BankFileQueryDto, CollectReceivableDto, CreateBatchDto } from './payments.dto';
import { PaymentsService } from './payments.service';
import { ReconcileService } from './reconcile.service';
import { readUpload } from './upload';

const uuid = new ParseUUIDPipe({ version: '4' });

/** Payment batches, the bank file, reconciliation and receivables (api-contract.md, Payments). */
@ApiTags('payments')
@Controller('payments')
@RequirePermission(Permission.PaymentsManage)
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly reconciler: ReconcileService,
  ) {}

  @Post('batches')
  @ApiOperation({
    summary:
      "Build a draft batch of the program's approved, unpaid claims that may be paid now (goods after the return window): 201 { id, status, programCode, lines, totalFen, createdBy }; 409 NOTHING_TO_PAY",
  })
  build(@CurrentUser() user: AuthUser, @Body() body: CreateBatchDto) {
    return this.payments.build(user.id, body.programCode);
  }

  @Get('batches')
  @ApiOperation({ summary: 'Payment batches, newest first (the last 100), with line counts by status' })
  list() {
    return this.payments.list();
  }

  @Get('batches/:id')
  @ApiOperation({
    summary:
      'One batch with its lines { lineId, applicationCode, payee, payeeNameMasked, accountMasked, amountFen, status, reason? }',
  })
  detail(@Param('id', uuid) id: string) {
    return this.payments.detail(id);
  }

  @Post('batches/:id/release')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Release a draft batch (a finance user other than its builder: 403 SELF_RELEASE)',
  })
  release(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.payments.release(user.id, id);
  }

  @Get('batches/:id/file')
  @ApiOperation({
    summary:
      "The bank's batch-transfer file (CSV or XLSX; full account numbers) of a released batch's lines still to pay; 409 before release; every download audited",
  })
  async file(
    @Param('id', uuid) id: string,
    @Query() query: BankFileQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.payments.bankFile(id, query.format ?? 'csv');
    await reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(file.body);
  }

  @Post('batches/:id/reconcile')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'CSV lineId,result,reason,bankRef' },
      },
    },
  })
  @ApiOperation({
    summary:
      "Import the bank's result file: 200 { paid, failed, unchanged, unknownLines }; the same file again → all unchanged; 422 with per-line errors and nothing changed for a bad file",
  })
  async reconcile(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Req() request: FastifyRequest,
  ) {
    return this.reconciler.reconcile(user.id, id, await readUpload(multipartUpload(request)));
  }

  @Get('receivables')
  @ApiOperation({
    summary:
      'Receivables (clawbacks from review sampling, sales returned after payout), newest first, with what was netted against dealer batches and the due date',
  })
  receivables() {
    return this.payments.receivables();
  }

  @Post('receivables/:id/collect')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Record that the payee paid an open receivable back directly (bank reference): collected; an overdue dealer’s held payouts join the next batch. 404 RECEIVABLE_NOT_FOUND; 409 RECEIVABLE_NOT_OPEN (settled, or a pending line nets it)',
  })
  collect(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: CollectReceivableDto) {
    return this.payments.collectReceivable(user.id, id, {
      bankRef: body.bankRef.trim(),
      ...(body.note?.trim() ? { note: body.note.trim() } : {}),
    });
  }
}
