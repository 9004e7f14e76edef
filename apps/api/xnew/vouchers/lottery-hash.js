"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sha256Hex = exports.hmacSha256Hex = void 0;
const node_crypto_1 = require("node:crypto");
/** HMAC-SHA-256 (node:crypto) for the shared draw: key from hex, message UTF-8, answer hex. */
const hmacSha256Hex = (keyHex, message) => (0, node_crypto_1.createHmac)('sha256', Buffer.from(keyHex, 'hex')).update(message, 'utf8').digest('hex');
exports.hmacSha256Hex = hmacSha256Hex;
/** SHA-256 of bytes given as hex (the seed commitment), hex. */
const sha256Hex = (hex) => (0, node_crypto_1.createHash)('sha256').update(Buffer.from(hex, 'hex')).digest('hex');
exports.sha256Hex = sha256Hex;
//# sourceMappingURL=lottery-hash.js.map