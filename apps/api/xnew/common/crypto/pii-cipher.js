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
exports.PiiCipher = void 0;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const config_module_1 = require("../../config/config.module");
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
let PiiCipher = class PiiCipher {
    constructor(config) {
        const [active] = config.pii.keys;
        if (!active)
            throw new Error('no PII encryption key configured');
        for (const { id, key } of config.pii.keys)
            if (key.length !== 32)
                throw new Error(`PII key ${id} is not 32 bytes`);
        this.active = active;
        this.keys = new Map(config.pii.keys.map(({ id, key }) => [id, key]));
        this.indexKey = config.pii.indexKey;
    }
    encrypt(plaintext, field) {
        const iv = (0, node_crypto_1.randomBytes)(12);
        const cipher = (0, node_crypto_1.createCipheriv)(ALGORITHM, this.active.key, iv);
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
    decrypt(stored, field) {
        const [format, keyId, iv, tag, ciphertext] = stored.split('.');
        if (format !== FORMAT || !keyId || !iv || !tag || ciphertext === undefined)
            throw new Error('not an encrypted value');
        const key = this.keys.get(keyId);
        if (!key)
            throw new Error(`unknown PII key id ${keyId}`);
        const decipher = (0, node_crypto_1.createDecipheriv)(ALGORITHM, key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(field, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    }
    /** Keyed blind index of a normalised value, scoped by kind so equal strings of different kinds differ. */
    blindIndex(normalised, kind) {
        return (0, node_crypto_1.createHmac)('sha256', this.indexKey).update(`${kind}:${normalised}`).digest('base64url');
    }
    /** Which key encrypted a stored value (for re-encryption after rotation). */
    keyIdOf(stored) {
        return stored.split('.')[1];
    }
};
exports.PiiCipher = PiiCipher;
exports.PiiCipher = PiiCipher = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, config_module_1.InjectConfig)()),
    __metadata("design:paramtypes", [Object])
], PiiCipher);
//# sourceMappingURL=pii-cipher.js.map