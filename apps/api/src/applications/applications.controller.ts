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
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode, Permission } from '@huanxin/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { DomainError } from '../common/errors/domain-error';
import type { AuthUser } from '../common/http/request-context';
import { DocumentsService } from '../documents/documents.service';
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
    private readonly documents: DocumentsService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Start a draft application (facts validated against the program)' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateApplicationDto) {
    return this.applications.create(user.id, body.programCode, body.facts);
  }

  @Get()
  @ApiOperation({ summary: "The caller's applications" })
  list(@CurrentUser() user: AuthUser) {
    return this.applications.list(user.id);
  }

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

  @Post(':id/documents')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind', 'file'],
      properties: {
        kind: { type: 'string', description: 'Send before the file part' },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiOperation({ summary: 'Upload a document (PDF/JPEG/PNG/OFD by magic bytes, ≤ 10 MB)' })
  async upload(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Req() request: FastifyRequest) {
    if (!request.isMultipart())
      throw new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Send the file as multipart/form-data');
    const part = await request.file();
    if (!part)
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'No file', { fields: { file: 'REQUIRED' } });
    const kindField = part.fields.kind;
    const kind =
      kindField && !Array.isArray(kindField) && kindField.type === 'field'
        ? String(kindField.value)
        : undefined;
    return this.documents.upload(user.id, id, { stream: part.file, filename: part.filename, kind });
  }

  @Get(':id/documents')
  @ApiOperation({ summary: "The application's documents" })
  listDocuments(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.documents.list(user.id, id);
  }

  @Get(':id/documents/:docId')
  @ApiOperation({ summary: 'Download a document (attachment, nosniff)' })
  async download(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('docId', uuid) docId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { document, stream } = await this.documents.open(user.id, id, docId);
    const extension =
      { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png', 'application/ofd': 'ofd' }[
        document.contentType
      ] ?? 'bin';
    await reply
      .header('content-type', document.contentType)
      .header('content-disposition', `attachment; filename="${document.kind}-${document.id}.${extension}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(stream);
  }
}
