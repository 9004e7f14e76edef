"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readImportUpload = readImportUpload;
exports.readImportFile = readImportFile;
const shared_1 = require("@huanxin/shared");
const domain_error_1 = require("../../common/errors/domain-error");
const multipart_upload_1 = require("../../documents/multipart-upload");
const csv_reader_1 = require("./csv-reader");
const file_kind_1 = require("./file-kind");
const xlsx_reader_1 = require("./xlsx-reader");
const tooLarge = () => new domain_error_1.DomainError(shared_1.ErrorCode.PAYLOAD_TOO_LARGE, `The import file is too large (at most ${shared_1.SALES_IMPORT_MAX_BYTES / 1024 / 1024} MB)`, { extra: { maxBytes: shared_1.SALES_IMPORT_MAX_BYTES } });
/**
 * The uploaded import file's bytes, from the multipart field `file`. The parser stops reading at
 * SALES_IMPORT_MAX_BYTES (413), so a larger body is never held in memory.
 */
async function readImportUpload(request) {
    const body = (0, multipart_upload_1.multipartUpload)(request, { fileSize: shared_1.SALES_IMPORT_MAX_BYTES });
    const file = await body.file();
    if (!file)
        throw new domain_error_1.DomainError(shared_1.ErrorCode.VALIDATION_FAILED, 'Send the CSV or XLSX file as `file`', {
            fields: { file: 'REQUIRED' },
        });
    const chunks = [];
    try {
        for await (const chunk of file.stream)
            chunks.push(chunk);
    }
    catch (error) {
        const refused = (0, multipart_upload_1.bodyError)(error);
        throw refused.code === shared_1.ErrorCode.PAYLOAD_TOO_LARGE ? tooLarge() : refused;
    }
    if (file.stream.truncated)
        throw tooLarge();
    await body.end();
    return Buffer.concat(chunks);
}
/** The file as a sheet: its kind by magic bytes (415 otherwise), then the CSV or XLSX reader. */
async function readImportFile(content) {
    const kind = (0, file_kind_1.sniffImportFile)(content);
    return { kind, sheet: kind === 'csv' ? (0, csv_reader_1.readCsv)(content) : await (0, xlsx_reader_1.readXlsx)(content) };
}
//# sourceMappingURL=import-file.js.map