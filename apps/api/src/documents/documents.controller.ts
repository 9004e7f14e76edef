import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@huanxin/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import type { AuthUser } from '../common/http/request-context';
import { DocumentsService } from './documents.service';
import { multipartUpload } from './multipart-upload';

const uuid = new ParseUUIDPipe({ version: '4' });

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/ofd': 'ofd',
};

/** A resident's documents of their own claim (the routes of api-contract.md, unchanged). */
@ApiTags('applications')
@Controller('applications')
@RequirePermission(Permission.ApplicationsOwn)
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

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
  @ApiOperation({
    summary:
      'Upload a document (PDF/JPEG/PNG/OFD by magic bytes, ≤ 10 MB; 409 once the claim is submitted; 408 when the body is too slow)',
  })
  upload(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Req() request: FastifyRequest) {
    return this.documents.upload(user.id, id, multipartUpload(request));
  }

  @Get(':id/documents')
  @ApiOperation({ summary: "The application's documents" })
  list(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
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
    const extension = EXTENSIONS[document.contentType] ?? 'bin';
    await reply
      .header('content-type', document.contentType)
      .header('content-disposition', `attachment; filename="${document.kind}-${document.id}.${extension}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(stream);
  }
}
