"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EMPTY_PAYLOAD_HASH = void 0;
exports.amzDate = amzDate;
exports.signV4 = signV4;
const node_crypto_1 = require("node:crypto");
const sha256Hex = (data) => (0, node_crypto_1.createHash)('sha256').update(data, 'utf8').digest('hex');
const hmac = (key, data) => (0, node_crypto_1.createHmac)('sha256', key).update(data, 'utf8').digest();
/** RFC 3986 encoding as SigV4 wants it. */
function encode(value) {
    return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
exports.EMPTY_PAYLOAD_HASH = sha256Hex('');
function amzDate(at) {
    return at
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '');
}
/**
 * AWS Signature Version 4 for S3-compatible object storage (AWS S3, MinIO, Ceph, Alibaba OSS and
 * Tencent COS in S3 mode): returns the headers to send, including `authorization`. Checked against
 * AWS's published example in the unit test.
 */
function signV4(request, credentials) {
    const service = credentials.service ?? 's3';
    const date = request.amzDate.slice(0, 8);
    const headers = {
        ...Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v.trim()])),
        host: request.url.host,
        'x-amz-content-sha256': request.payloadHash,
        'x-amz-date': request.amzDate,
    };
    const signedHeaders = Object.keys(headers).sort();
    const canonicalQuery = [...request.url.searchParams.entries()]
        .map(([k, v]) => [encode(k), encode(v)])
        .sort(([a, x], [b, y]) => (a === b ? x.localeCompare(y) : a < b ? -1 : 1))
        .map(([k, v]) => `${k}=${v}`)
        .join('&');
    const canonicalPath = request.url.pathname
        .split('/')
        .map((segment) => encode(decodeURIComponent(segment)))
        .join('/');
    const canonicalRequest = [
        request.method.toUpperCase(),
        canonicalPath || '/',
        canonicalQuery,
        signedHeaders.map((name) => `${name}:${headers[name]}\n`).join(''),
        signedHeaders.join(';'),
        request.payloadHash,
    ].join('\n');
    const scope = `${date}/${credentials.region}/${service}/aws4_request`;
    const stringToSign = ['AWS4-HMAC-SHA256', request.amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
    const signingKey = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, date), credentials.region), service), 'aws4_request');
    const signature = (0, node_crypto_1.createHmac)('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
    return {
        ...headers,
        authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope},SignedHeaders=${signedHeaders.join(';')},Signature=${signature}`,
    };
}
//# sourceMappingURL=sigv4.js.map