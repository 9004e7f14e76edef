"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.bodyError = bodyError;
exports.multipartUpload = multipartUpload;
const shared_1 = require("@huanxin/shared");
const body_deadline_1 = require("../common/http/body-deadline");
const domain_error_1 = require("../common/errors/domain-error");
const TOO_LARGE = new Set([
    'FST_REQ_FILE_TOO_LARGE',
    'FST_FILES_LIMIT',
    'FST_PARTS_LIMIT',
    'FST_FIELDS_LIMIT',
]);
/**
 * What went wrong with the body, as a contract error: a timeout stays 408, limits are 413, and
 * anything else the multipart parser or the incoming stream raised (no boundary, garbage, a part
 * terminated early, a premature close) is the client's malformed body: 400, never a 500.
 */
function bodyError(error) {
    if (error instanceof domain_error_1.DomainError)
        return error;
    const code = error?.code;
    if (typeof code === 'string' && TOO_LARGE.has(code))
        return new domain_error_1.DomainError(shared_1.ErrorCode.PAYLOAD_TOO_LARGE, 'The upload is too large (one file, ≤ 10 MB)');
    return new domain_error_1.DomainError(shared_1.ErrorCode.BAD_REQUEST, 'The multipart body is malformed or incomplete');
}
/**
 * The upload body of a request (415 when it is not multipart/form-data). `fileSize` replaces the
 * app-wide 10 MB file limit for a route that takes larger files (the sales import).
 */
function multipartUpload(request, options = {}) {
    let parts;
    const next = async () => {
        try {
            return await parts.next();
        }
        catch (error) {
            throw bodyError(error);
        }
    };
    return {
        async file() {
            if (!request.isMultipart())
                throw new domain_error_1.DomainError(shared_1.ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Send the file as multipart/form-data');
            // The body's deadline may have passed before anyone read it (parts() listens from now on).
            if ((0, body_deadline_1.bodyTimedOut)(request))
                throw (0, body_deadline_1.requestTimeoutError)();
            const limits = options.fileSize === undefined ? undefined : { limits: { fileSize: options.fileSize } };
            parts = request.parts(limits)[Symbol.asyncIterator]();
            // No prototype: a field named `__proto__` is a field like any other.
            const fields = Object.create(null);
            for (let step = await next(); !step.done; step = await next()) {
                const part = step.value;
                if (part.type === 'file')
                    return { stream: part.file, filename: part.filename, kind: fields.kind, fields };
                const field = part;
                if (!Object.hasOwn(fields, field.fieldname))
                    fields[field.fieldname] = String(field.value);
            }
            return null;
        },
        async end() {
            for (let step = await next(); !step.done; step = await next()) {
                // Only one file per upload (the parser's `files: 1` limit raises 413 for a second one).
                if (step.value.type === 'file')
                    step.value.file.resume();
            }
        },
    };
}
//# sourceMappingURL=multipart-upload.js.map