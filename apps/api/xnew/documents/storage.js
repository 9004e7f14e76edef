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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.S3DocumentStorage = exports.LocalDocumentStorage = exports.DocumentStorage = void 0;
exports.createDocumentStorage = createDocumentStorage;
exports.streamToFile = streamToFile;
const node_events_1 = require("node:events");
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const promises_1 = require("node:fs/promises");
const node_path_1 = __importDefault(require("node:path"));
const node_stream_1 = require("node:stream");
const promises_2 = require("node:stream/promises");
const common_1 = require("@nestjs/common");
const config_module_1 = require("../config/config.module");
const sigv4_1 = require("./sigv4");
/**
 * Where uploaded files live. Keys are server-generated UUIDs (never a client's file name), stored
 * outside any web root. The local adapter writes under DATA_DIR/documents; an S3-compatible
 * adapter can implement the same three methods.
 */
class DocumentStorage {
}
exports.DocumentStorage = DocumentStorage;
let LocalDocumentStorage = class LocalDocumentStorage extends DocumentStorage {
    constructor(config) {
        super();
        this.root = node_path_1.default.join(config.storage.dataDir, 'documents');
    }
    pathOf(key) {
        if (!/^[0-9a-f-]{36}$/.test(key))
            throw new Error('invalid storage key');
        return node_path_1.default.join(this.root, key.slice(0, 2), key);
    }
    async put(key, tempFile) {
        const target = this.pathOf(key);
        await (0, promises_1.mkdir)(node_path_1.default.dirname(target), { recursive: true, mode: 0o700 });
        await (0, promises_1.rename)(tempFile, target);
    }
    async read(key) {
        return (0, node_fs_1.createReadStream)(this.pathOf(key));
    }
    async remove(key) {
        await (0, promises_1.rm)(this.pathOf(key), { force: true });
    }
    async tempPath(name) {
        const dir = node_path_1.default.join(this.root, 'tmp');
        await (0, promises_1.mkdir)(dir, { recursive: true, mode: 0o700 });
        return node_path_1.default.join(dir, name);
    }
};
exports.LocalDocumentStorage = LocalDocumentStorage;
exports.LocalDocumentStorage = LocalDocumentStorage = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, config_module_1.InjectConfig)()),
    __metadata("design:paramtypes", [Object])
], LocalDocumentStorage);
/**
 * S3-compatible object storage (AWS S3, MinIO, Ceph, OSS/COS in S3 mode), path-style, signed with
 * SigV4. Uploads arrive as a finished temporary file (≤ 10 MB), sent with its SHA-256 as the signed
 * payload hash; the temporary file is removed afterwards.
 */
let S3DocumentStorage = class S3DocumentStorage extends DocumentStorage {
    constructor(config) {
        super();
        if (!config.storage.s3)
            throw new Error('S3 storage is not configured');
        this.s3 = config.storage.s3;
        this.local = new LocalDocumentStorage(config);
    }
    async send(method, key, body) {
        const url = new URL(`${this.s3.endpoint}/${this.s3.bucket}/documents/${key}`);
        const payloadHash = (0, node_crypto_1.createHash)('sha256')
            .update(body ?? Buffer.alloc(0))
            .digest('hex');
        const headers = (0, sigv4_1.signV4)({
            method,
            url,
            headers: body ? { 'content-type': 'application/octet-stream' } : {},
            payloadHash,
            amzDate: (0, sigv4_1.amzDate)(new Date()),
        }, { accessKeyId: this.s3.accessKeyId, secretAccessKey: this.s3.secretAccessKey, region: this.s3.region });
        delete headers.host;
        return fetch(url, { method, headers, ...(body && { body }), signal: AbortSignal.timeout(30_000) });
    }
    async put(key, tempFile) {
        try {
            const response = await this.send('PUT', key, await (0, promises_1.readFile)(tempFile));
            if (!response.ok)
                throw new Error(`object storage refused the upload (${response.status})`);
        }
        finally {
            await (0, promises_1.rm)(tempFile, { force: true });
        }
    }
    async read(key) {
        const response = await this.send('GET', key);
        if (!response.ok || !response.body)
            throw new Error(`object storage could not return the document (${response.status})`);
        return node_stream_1.Readable.fromWeb(response.body);
    }
    async remove(key) {
        const response = await this.send('DELETE', key);
        if (!response.ok && response.status !== 404)
            throw new Error(`object storage could not delete the document (${response.status})`);
    }
    tempPath(name) {
        return this.local.tempPath(name);
    }
};
exports.S3DocumentStorage = S3DocumentStorage;
exports.S3DocumentStorage = S3DocumentStorage = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, config_module_1.InjectConfig)()),
    __metadata("design:paramtypes", [Object])
], S3DocumentStorage);
function createDocumentStorage(config) {
    return config.storage.driver === 's3' ? new S3DocumentStorage(config) : new LocalDocumentStorage(config);
}
/**
 * Streams `source` (through the given transforms) into `file`; used by the upload path so a large
 * file never sits in memory. One pipeline, so an error of the source (a body cut short or timed
 * out) fails the write and closes the file handle instead of leaving the copy waiting forever.
 */
async function streamToFile(streams, file) {
    const out = (0, node_fs_1.createWriteStream)(file, { mode: 0o600 });
    try {
        await (0, promises_2.pipeline)([...streams, out]);
    }
    catch (error) {
        // A failed pipeline destroys the file stream, but its open() may still be in flight and create
        // the file after the caller's rm(): wait until it has closed, so the clean-up finds the file.
        if (!out.closed)
            await (0, node_events_1.once)(out, 'close');
        throw error;
    }
}
//# sourceMappingURL=storage.js.map