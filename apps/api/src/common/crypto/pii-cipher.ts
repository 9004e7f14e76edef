import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/config';
import { InjectConfig } from '../../config/config.module';

const ALGORITHM = 'aes-256-gcm';
const FORMAT = 'v1';

/**
 * Field-level encryption of personal data (PIPL Art. 51; GB/T 35273 §6.3): AES-256-GCM with a
 * random 96-bit IV per value, the key id stored with the ciphertext so keys can rotate, and the
 * column name bound as additional data so a value cannot be moved to another column unnoticed.
 * Stored form: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts).
 *
 * Lookups and uniqueness use a keyed HMAC blind index: a plain hash of an ID number could be
 * brute-forced (about 10^10–10^11 candidates), an HMAC without the key cannot.
 */
@Injectable()
export class PiiCipher {
  private readonly active: { id: string; key: Buffer };
  private readonly keys: Map<string, Buffer>;
  private readonly indexKey: Buffer;

  constructor(@InjectConfig() config: AppConfig) {
    const [active] = config.pii.keys;
    if (!active) throw new Error('no PII encryption key configured');
    for (const { id, key } of config.pii.keys)
      if (key.length !== 32) throw new Error(`PII key ${id} is not 32 bytes`);
    this.active = active;
    this.keys = new Map(config.pii.keys.map(({ id, key }) => [id, key]));
    this.indexKey = config.pii.indexKey;
  }

  encrypt(plaintext: string, field: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv(ALGORITHM, this.active.key, iv);
    cipher.setAAD(Buffer.from(field, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      FORMAT,
      this.active.id,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      ciphertext.toString('base64url'),
    ].join('.');
  }

  decrypt(stored: string, field: string): string {
    const [format, keyId, iv, tag, ciphertext] = stored.split('.');
    if (format !== FORMAT || !keyId || !iv || !tag || ciphertext === undefined)
      throw new Error('not an encrypted value');
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`unknown PII key id ${keyId}`);
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(field, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  /** Keyed blind index of a normalised value, scoped by kind so equal strings of different kinds differ. */
  blindIndex(
    normalised: string,
    kind: 'id_number' | 'phone' | 'bank_account' | 'device' | 'address',
  ): string {
    return createHmac('sha256', this.indexKey).update(`${kind}:${normalised}`).digest('base64url');
  }

  /** Which key encrypted a stored value (for re-encryption after rotation). */
  keyIdOf(stored: string): string | undefined {
    return stored.split('.')[1];
  }
}
