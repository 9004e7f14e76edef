import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@huanxin/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, RequirePermission } from '../../auth/auth.decorators';
import type { AuthUser } from '../../common/http/request-context';
import { multipartUpload } from '../../documents/multipart-upload';
import { DealerRoutes } from '../dealer-access.guard';
import { CreateRecyclingReceiptDto } from './dealer-records.dto';
import { DealerRecordsService } from './dealer-records.service';
import { OrganizationDocumentsService } from './organization-documents.service';

const uuid = new ParseUUIDPipe({ version: '4' });

const CERTIFICATE_FIELDS = [
  'certificateNo',
  'vin',
  'plate',
  'ownerName',
  'ownerIdNumber',
  'handedOverOn',
  'deregisteredOn',
];

/** Dismantlers' certificates and recyclers' receipts (own organisation only). */
@ApiTags('dealer')
@Controller('dealer')
@DealerRoutes()
export class DealerRecordsController {
  constructor(private readonly records: DealerRecordsService) {}

  @Post('certificates')
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [...CERTIFICATE_FIELDS.filter((f) => f !== 'deregisteredOn'), 'file'],
      properties: {
        ...Object.fromEntries(
          CERTIFICATE_FIELDS.map((f) => [f, { type: 'string', description: 'Send before the file part' }]),
        ),
        file: { type: 'string', format: 'binary', description: 'The scan: PDF/JPEG/PNG/OFD, ≤ 10 MB' },
      },
    },
  })
  @ApiOperation({
    summary:
      'Record a 《报废机动车回收证明》 with its scan (dismantlers: else 403 ORGANIZATION_KIND_NOT_ALLOWED); 409 DUPLICATE_CERTIFICATE',
  })
  createCertificate(@CurrentUser() user: AuthUser, @Req() request: FastifyRequest) {
    return this.records.createCertificate(user, multipartUpload(request));
  }

  @Get('certificates')
  @ApiOperation({ summary: 'The organisation’s certificates, newest first (owner masked)' })
  listCertificates(@CurrentUser() user: AuthUser) {
    return this.records.listCertificates(user);
  }

  @Get('certificates/:id')
  @ApiOperation({ summary: 'One of the organisation’s certificates; 404 CERTIFICATE_NOT_FOUND' })
  certificate(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.records.certificate(user, id);
  }

  @Post('recycling-receipts')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Record a recycling receipt (recyclers: else 403 ORGANIZATION_KIND_NOT_ALLOWED); 409 DUPLICATE_RECEIPT',
  })
  createReceipt(@CurrentUser() user: AuthUser, @Body() body: CreateRecyclingReceiptDto) {
    return this.records.createReceipt(user, body);
  }

  @Get('recycling-receipts')
  @ApiOperation({ summary: 'The organisation’s recycling receipts, newest first (seller masked)' })
  listReceipts(@CurrentUser() user: AuthUser) {
    return this.records.listReceipts(user);
  }

  @Get('recycling-receipts/:id')
  @ApiOperation({ summary: 'One of the organisation’s receipts; 404 RECEIPT_NOT_FOUND' })
  receipt(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.records.receipt(user, id);
  }
}

/**
 * The registration's documents, filed by the organisation's users. Not `@DealerRoutes()`: a
 * pending organisation files them (that is what the commerce office reviews); the service allows
 * pending and active organisations and answers the others 403 ORGANIZATION_NOT_ACTIVE.
 */
@ApiTags('dealer')
@Controller('dealer/documents')
@RequirePermission(Permission.DealerOwn)
export class DealerDocumentsController {
  constructor(private readonly documents: OrganizationDocumentsService) {}

  @Post()
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind', 'file'],
      properties: {
        kind: { type: 'string', enum: ['business_licence', 'commitment'], description: 'Before the file' },
        file: { type: 'string', format: 'binary', description: 'PDF/JPEG/PNG/OFD, ≤ 10 MB' },
      },
    },
  })
  @ApiOperation({ summary: 'File the business licence or the signed commitment (pending or active)' })
  upload(@CurrentUser() user: AuthUser, @Req() request: FastifyRequest) {
    return this.documents.upload(user, multipartUpload(request));
  }

  @Get()
  @ApiOperation({ summary: 'The organisation’s registration documents' })
  list(@CurrentUser() user: AuthUser) {
    return this.documents.listOwn(user);
  }
}

const INLINE_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);
const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/ofd': 'ofd',
};

/** The commerce office reads a registration's documents (approver, admin). */
@ApiTags('admin')
@Controller('admin/organizations')
@RequirePermission(Permission.OrganizationsReview)
export class AdminOrganizationDocumentsController {
  constructor(private readonly documents: OrganizationDocumentsService) {}

  @Get(':id/documents')
  @ApiOperation({ summary: 'The documents an organisation filed with its registration' })
  list(@Param('id', uuid) id: string) {
    return this.documents.list(id);
  }

  @Get(':id/documents/:docId')
  @ApiOperation({ summary: 'A registration document (inline for PDF and images, nosniff); audited' })
  async open(
    @Param('id', uuid) id: string,
    @Param('docId', uuid) docId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { document, stream } = await this.documents.open(id, docId);
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
      .send(stream);
  }
}
