"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AdminOrganizationDocumentsController = exports.DealerDocumentsController = exports.DealerRecordsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const auth_decorators_1 = require("../../auth/auth.decorators");
const multipart_upload_1 = require("../../documents/multipart-upload");
const dealer_access_guard_1 = require("../dealer-access.guard");
const dealer_records_dto_1 = require("./dealer-records.dto");
const dealer_records_service_1 = require("./dealer-records.service");
const organization_documents_service_1 = require("./organization-documents.service");
const uuid = new common_1.ParseUUIDPipe({ version: '4' });
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
let DealerRecordsController = class DealerRecordsController {
    constructor(records) {
        this.records = records;
    }
    createCertificate(user, request) {
        return this.records.createCertificate(user, (0, multipart_upload_1.multipartUpload)(request));
    }
    listCertificates(user) {
        return this.records.listCertificates(user);
    }
    certificate(user, id) {
        return this.records.certificate(user, id);
    }
    createReceipt(user, body) {
        return this.records.createReceipt(user, body);
    }
    listReceipts(user) {
        return this.records.listReceipts(user);
    }
    receipt(user, id) {
        return this.records.receipt(user, id);
    }
};
exports.DealerRecordsController = DealerRecordsController;
__decorate([
    (0, common_1.Post)('certificates'),
    (0, common_1.HttpCode)(201),
    (0, swagger_1.ApiConsumes)('multipart/form-data'),
    (0, swagger_1.ApiBody)({
        schema: {
            type: 'object',
            required: [...CERTIFICATE_FIELDS.filter((f) => f !== 'deregisteredOn'), 'file'],
            properties: {
                ...Object.fromEntries(CERTIFICATE_FIELDS.map((f) => [f, { type: 'string', description: 'Send before the file part' }])),
                file: { type: 'string', format: 'binary', description: 'The scan: PDF/JPEG/PNG/OFD, ≤ 10 MB' },
            },
        },
    }),
    (0, swagger_1.ApiOperation)({
        summary: 'Record a 《报废机动车回收证明》 with its scan (dismantlers: else 403 ORGANIZATION_KIND_NOT_ALLOWED); 409 DUPLICATE_CERTIFICATE',
    }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", void 0)
], DealerRecordsController.prototype, "createCertificate", null);
__decorate([
    (0, common_1.Get)('certificates'),
    (0, swagger_1.ApiOperation)({ summary: 'The organisation’s certificates, newest first (owner masked)' }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], DealerRecordsController.prototype, "listCertificates", null);
__decorate([
    (0, common_1.Get)('certificates/:id'),
    (0, swagger_1.ApiOperation)({ summary: 'One of the organisation’s certificates; 404 CERTIFICATE_NOT_FOUND' }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', uuid)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], DealerRecordsController.prototype, "certificate", null);
__decorate([
    (0, common_1.Post)('recycling-receipts'),
    (0, common_1.HttpCode)(201),
    (0, swagger_1.ApiOperation)({
        summary: 'Record a recycling receipt (recyclers: else 403 ORGANIZATION_KIND_NOT_ALLOWED); 409 DUPLICATE_RECEIPT',
    }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, dealer_records_dto_1.CreateRecyclingReceiptDto]),
    __metadata("design:returntype", void 0)
], DealerRecordsController.prototype, "createReceipt", null);
__decorate([
    (0, common_1.Get)('recycling-receipts'),
    (0, swagger_1.ApiOperation)({ summary: 'The organisation’s recycling receipts, newest first (seller masked)' }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], DealerRecordsController.prototype, "listReceipts", null);
__decorate([
    (0, common_1.Get)('recycling-receipts/:id'),
    (0, swagger_1.ApiOperation)({ summary: 'One of the organisation’s receipts; 404 RECEIPT_NOT_FOUND' }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', uuid)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], DealerRecordsController.prototype, "receipt", null);
exports.DealerRecordsController = DealerRecordsController = __decorate([
    (0, swagger_1.ApiTags)('dealer'),
    (0, common_1.Controller)('dealer'),
    (0, dealer_access_guard_1.DealerRoutes)(),
    __metadata("design:paramtypes", [dealer_records_service_1.DealerRecordsService])
], DealerRecordsController);
/**
 * The registration's documents, filed by the organisation's users. Not `@DealerRoutes()`: a
 * pending organisation files them (that is what the commerce office reviews); the service allows
 * pending and active organisations and answers the others 403 ORGANIZATION_NOT_ACTIVE.
 */
let DealerDocumentsController = class DealerDocumentsController {
    constructor(documents) {
        this.documents = documents;
    }
    upload(user, request) {
        return this.documents.upload(user, (0, multipart_upload_1.multipartUpload)(request));
    }
    list(user) {
        return this.documents.listOwn(user);
    }
};
exports.DealerDocumentsController = DealerDocumentsController;
__decorate([
    (0, common_1.Post)(),
    (0, common_1.HttpCode)(201),
    (0, swagger_1.ApiConsumes)('multipart/form-data'),
    (0, swagger_1.ApiBody)({
        schema: {
            type: 'object',
            required: ['kind', 'file'],
            properties: {
                kind: { type: 'string', enum: ['business_licence', 'commitment'], description: 'Before the file' },
                file: { type: 'string', format: 'binary', description: 'PDF/JPEG/PNG/OFD, ≤ 10 MB' },
            },
        },
    }),
    (0, swagger_1.ApiOperation)({ summary: 'File the business licence or the signed commitment (pending or active)' }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", void 0)
], DealerDocumentsController.prototype, "upload", null);
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiOperation)({ summary: 'The organisation’s registration documents' }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], DealerDocumentsController.prototype, "list", null);
exports.DealerDocumentsController = DealerDocumentsController = __decorate([
    (0, swagger_1.ApiTags)('dealer'),
    (0, common_1.Controller)('dealer/documents'),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.DealerOwn),
    __metadata("design:paramtypes", [organization_documents_service_1.OrganizationDocumentsService])
], DealerDocumentsController);
const INLINE_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);
const EXTENSIONS = {
    'application/pdf': 'pdf',
    'image/jpeg': 'jpg',
    'image/png': 'png',
    'application/ofd': 'ofd',
};
/** The commerce office reads a registration's documents (approver, admin). */
let AdminOrganizationDocumentsController = class AdminOrganizationDocumentsController {
    constructor(documents) {
        this.documents = documents;
    }
    list(id) {
        return this.documents.list(id);
    }
    async open(id, docId, reply) {
        const { document, stream } = await this.documents.open(id, docId);
        const disposition = INLINE_TYPES.has(document.contentType) ? 'inline' : 'attachment';
        const extension = EXTENSIONS[document.contentType] ?? 'bin';
        await reply
            .header('content-type', document.contentType)
            .header('content-disposition', `${disposition}; filename="${document.kind}-${document.id}.${extension}"`)
            .header('x-content-type-options', 'nosniff')
            .header('cache-control', 'no-store')
            .send(stream);
    }
};
exports.AdminOrganizationDocumentsController = AdminOrganizationDocumentsController;
__decorate([
    (0, common_1.Get)(':id/documents'),
    (0, swagger_1.ApiOperation)({ summary: 'The documents an organisation filed with its registration' }),
    __param(0, (0, common_1.Param)('id', uuid)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", void 0)
], AdminOrganizationDocumentsController.prototype, "list", null);
__decorate([
    (0, common_1.Get)(':id/documents/:docId'),
    (0, swagger_1.ApiOperation)({ summary: 'A registration document (inline for PDF and images, nosniff); audited' }),
    __param(0, (0, common_1.Param)('id', uuid)),
    __param(1, (0, common_1.Param)('docId', uuid)),
    __param(2, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Object]),
    __metadata("design:returntype", Promise)
], AdminOrganizationDocumentsController.prototype, "open", null);
exports.AdminOrganizationDocumentsController = AdminOrganizationDocumentsController = __decorate([
    (0, swagger_1.ApiTags)('admin'),
    (0, common_1.Controller)('admin/organizations'),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.OrganizationsReview),
    __metadata("design:paramtypes", [organization_documents_service_1.OrganizationDocumentsService])
], AdminOrganizationDocumentsController);
//# sourceMappingURL=dealer-records.controller.js.map