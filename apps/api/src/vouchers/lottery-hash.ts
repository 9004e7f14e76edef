import { createHash, createHmac } from 'node:crypto';
import type { HmacSha256Hex } from '@huanxin/shared';

/** HMAC-SHA-256 (node:crypto) for the shared draw: key from hex, message UTF-8, answer hex. */
export const hmacSha256Hex: HmacSha256Hex = (keyHex, message) =>
  createHmac('sha256', Buffer.from(keyHex, 'hex')).update(message, 'utf8').digest('hex');

/** SHA-256 of bytes given as hex (the seed commitment), hex. */
export const sha256Hex = (hex: string): string =>
  createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex');
