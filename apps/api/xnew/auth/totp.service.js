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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.TotpService = void 0;
const common_1 = require("@nestjs/common");
const otplib_1 = require("otplib");
const qrcode_1 = __importDefault(require("qrcode"));
const clock_1 = require("../common/clock");
const pii_cipher_1 = require("../common/crypto/pii-cipher");
const PERIOD_SECONDS = 30;
/**
 * RFC 6238 TOTP (6 digits, 30 s) for the staff and dealer second factor; one step of clock drift
 * allowed. Secrets leave this class only encrypted (`secretEnc`), except once for the QR code.
 */
let TotpService = class TotpService {
    constructor(clock, cipher) {
        this.clock = clock;
        this.cipher = cipher;
    }
    /** A new secret, with its encrypted form for storage. */
    newSecret() {
        const secret = (0, otplib_1.generateSecret)();
        return { secret, secretEnc: this.cipher.encrypt(secret, 'user.totp') };
    }
    async enrolment(secret, accountName) {
        const otpauthUrl = (0, otplib_1.generateURI)({ issuer: '章丘换新 Huanxin', label: accountName, secret });
        const qrDataUrl = await qrcode_1.default.toDataURL(otpauthUrl, {
            errorCorrectionLevel: 'M',
            margin: 1,
            width: 240,
        });
        return { secret, otpauthUrl, qrDataUrl };
    }
    /** The matched time step for a stored (encrypted) secret, or null. */
    checkSealed(secretEnc, token) {
        return this.check(this.cipher.decrypt(secretEnc, 'user.totp'), token);
    }
    /** The matched time step, or null. The caller stores the step to refuse replays. */
    check(secret, token) {
        if (!/^\d{6}$/.test(token))
            return null;
        const epoch = Math.floor(this.clock.now().getTime() / 1000);
        const result = (0, otplib_1.verifySync)({
            secret,
            token,
            epoch,
            period: PERIOD_SECONDS,
            epochTolerance: PERIOD_SECONDS,
        });
        if (!result.valid)
            return null;
        return 'timeStep' in result && typeof result.timeStep === 'number'
            ? result.timeStep
            : Math.floor(epoch / PERIOD_SECONDS);
    }
};
exports.TotpService = TotpService;
exports.TotpService = TotpService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [clock_1.Clock,
        pii_cipher_1.PiiCipher])
], TotpService);
//# sourceMappingURL=totp.service.js.map