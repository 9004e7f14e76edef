"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.receiveToScratch = receiveToScratch;
exports.storeUpload = storeUpload;
const node_crypto_1 = require("node:crypto");
const promises_1 = require("node:fs/promises");
const node_stream_1 = require("node:stream");
const shared_1 = require("@huanxin/shared");
const domain_error_1 = require("../common/errors/domain-error");
const multipart_upload_1 = require("./multipart-upload");
const storage_1 = require("./storage");
const SNIFF_BYTES = 64;
/**
 * Streams an incoming file into scratch space, measuring, hashing and sniffing it on the way:
 * 413 past MAX_DOCUMENT_BYTES, 415 unless it is a PDF, JPEG, PNG or OFD by its content.
 */
async function receiveToScratch(stream, temp) {
    const hash = (0, node_crypto_1.createHash)('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    const meter = new node_stream_1.Transform({
        transform(chunk, _encoding, done) {
            size += chunk.length;
            if (head.length < SNIFF_BYTES)
                head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
            hash.update(chunk);
            done(null, chunk);
        },
    });
    try {
        await (0, storage_1.streamToFile)([stream, meter], temp);
    }
    catch (error) {
        // The incoming body failed (timeout, malformed, cut short): the client's fault, not ours.
        if (stream.errored)
            throw (0, multipart_upload_1.bodyError)(stream.errored);
        throw error;
    }
    if (stream.truncated || size > shared_1.MAX_DOCUMENT_BYTES) {
        throw new domain_error_1.DomainError(shared_1.ErrorCode.PAYLOAD_TOO_LARGE, `A document may be at most ${shared_1.MAX_DOCUMENT_BYTES / 1024 / 1024} MB`);
    }
    const contentType = (0, shared_1.sniffDocumentType)(head);
    if (!contentType) {
        throw new domain_error_1.DomainError(shared_1.ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Only PDF, JPEG, PNG and OFD files are accepted (checked by content, not by name)');
    }
    return { contentType, size, sha256: hash.digest('hex') };
}
/**
 * Receives the upload's file into scratch space, reads the body to its closing boundary, then moves
 * the file into storage: nothing is kept from a body that did not arrive whole. The caller records
 * it and calls `discard()` when the record is refused.
 */
async function storeUpload(storage, file, body) {
    const storageKey = (0, node_crypto_1.randomUUID)();
    const temp = await storage.tempPath(storageKey);
    try {
        const received = await receiveToScratch(file.stream, temp);
        await body.end();
        await storage.put(storageKey, temp);
        return { ...received, storageKey, discard: () => storage.remove(storageKey) };
    }
    catch (error) {
        await (0, promises_1.rm)(temp, { force: true });
        throw error;
    }
}
//# sourceMappingURL=stored-upload.js.map