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
exports.DocumentsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const auth_decorators_1 = require("../auth/auth.decorators");
const documents_service_1 = require("./documents.service");
const multipart_upload_1 = require("./multipart-upload");
const uuid = new common_1.ParseUUIDPipe({ version: '4' });
const EXTENSIONS = {
    'application/pdf': 'pdf',
    'image/jpeg': 'jpg',
    'image/png': 'png',
    'application/ofd': 'ofd',
};
/** A resident's documents of their own claim (the routes of api-contract.md, unchanged). */
let DocumentsController = class DocumentsController {
    constructor(documents) {
        this.documents = documents;
    }
    upload(user, id, request) {
        return this.documents.upload(user.id, id, (0, multipart_upload_1.multipartUpload)(request));
    }
    list(user, id) {
        return this.documents.list(user.id, id);
    }
    async download(user, id, docId, reply) {
        const { document, stream } = await this.documents.open(user.id, id, docId);
        const extension = EXTENSIONS[document.contentType] ?? 'bin';
        await reply
            .header('content-type', document.contentType)
            .header('content-disposition', `attachment; filename="${document.kind}-${document.id}.${extension}"`)
            .header('x-content-type-options', 'nosniff')
            .header('cache-control', 'no-store')
            .send(stream);
    }
};
exports.DocumentsController = DocumentsController;
__decorate([
    (0, common_1.Post)(':id/documents'),
    (0, swagger_1.ApiConsumes)('multipart/form-data'),
    (0, swagger_1.ApiBody)({
        schema: {
            type: 'object',
            required: ['kind', 'file'],
            properties: {
                kind: { type: 'string', description: 'Send before the file part' },
                file: { type: 'string', format: 'binary' },
            },
        },
    }),
    (0, swagger_1.ApiOperation)({
        summary: 'Upload a document (PDF/JPEG/PNG/OFD by magic bytes, ≤ 10 MB; 409 once the claim is submitted; 408 when the body is too slow)',
    }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', uuid)),
    __param(2, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, Object]),
    __metadata("design:returntype", void 0)
], DocumentsController.prototype, "upload", null);
__decorate([
    (0, common_1.Get)(':id/documents'),
    (0, swagger_1.ApiOperation)({ summary: "The application's documents" }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', uuid)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], DocumentsController.prototype, "list", null);
__decorate([
    (0, common_1.Get)(':id/documents/:docId'),
    (0, swagger_1.ApiOperation)({ summary: 'Download a document (attachment, nosniff)' }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', uuid)),
    __param(2, (0, common_1.Param)('docId', uuid)),
    __param(3, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, String, Object]),
    __metadata("design:returntype", Promise)
], DocumentsController.prototype, "download", null);
exports.DocumentsController = DocumentsController = __decorate([
    (0, swagger_1.ApiTags)('applications'),
    (0, common_1.Controller)('applications'),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.ApplicationsOwn),
    __metadata("design:paramtypes", [documents_service_1.DocumentsService])
], DocumentsController);
//# sourceMappingURL=documents.controller.js.map