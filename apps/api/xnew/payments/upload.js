"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readUpload = readUpload;
const shared_1 = require("@huanxin/shared");
const domain_error_1 = require("../common/errors/domain-error");
const multipart_upload_1 = require("../documents/multipart-upload");
/** The uploaded file's bytes (the multipart limits bound its size: 413 beyond them). */
async function readUpload(body) {
    const file = await body.file();
    if (!file)
        throw new domain_error_1.DomainError(shared_1.ErrorCode.VALIDATION_FAILED, 'Send the result file as `file`', {
            fields: { file: 'REQUIRED' },
        });
    const chunks = [];
    try {
        for await (const chunk of file.stream)
            chunks.push(chunk);
    }
    catch (error) {
        throw (0, multipart_upload_1.bodyError)(error);
    }
    if (file.stream.truncated)
        throw new domain_error_1.DomainError(shared_1.ErrorCode.PAYLOAD_TOO_LARGE, 'The file is too large');
    await body.end();
    return Buffer.concat(chunks);
}
//# sourceMappingURL=upload.js.map