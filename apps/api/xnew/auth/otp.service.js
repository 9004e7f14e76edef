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
Object.defineProperty(exports, "__esModule", { value: true });
exports.OtpService = exports.OTP_SEND_LIMITS = exports.OTP_TTL_MS = exports.OTP_MAX_ATTEMPTS = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const security_audit_service_1 = require("../audit/security-audit.service");
const pii_cipher_1 = require("../common/crypto/pii-cipher");
const domain_error_1 = require("../common/errors/domain-error");
const request_context_1 = require("../common/http/request-context");
const sms_service_1 = require("../notifications/sms.service");
const auth_limits_1 = require("./auth-limits");
const otp_challenge_store_1 = require("./otp-challenge.store");
var otp_challenge_store_2 = require("./otp-challenge.store");
Object.defineProperty(exports, "OTP_MAX_ATTEMPTS", { enumerable: true, get: function () { return otp_challenge_store_2.OTP_MAX_ATTEMPTS; } });
Object.defineProperty(exports, "OTP_TTL_MS", { enumerable: true, get: function () { return otp_challenge_store_2.OTP_TTL_MS; } });
/**
 * Send limits (ASVS 6.6.3; the usual SMS gateway defaults): per phone 1 a minute, 5 an hour,
 * 10 a day, plus per client address. They fail closed: if Redis cannot count, no SMS is sent.
 * They count every purpose together (a phone's SMS budget is one). Names are listed in
 * docs/auth-defenses.md.
 */
exports.OTP_SEND_LIMITS = [
    { name: 'otp-send-phone-minute', limit: 1, windowSeconds: 60, onStoreDown: 'closed' },
    { name: 'otp-send-phone-hour', limit: 5, windowSeconds: 3600, onStoreDown: 'closed' },
    { name: 'otp-send-phone-day', limit: 10, windowSeconds: 86_400, onStoreDown: 'closed' },
];
/** Wrong codes are audited summed per phone (keyed hash) in this window. */
const FAILURE_AUDIT_WINDOW_SECONDS = 3600;
const TEXTS = {
    login: (code) => `【章丘换新】您的登录验证码为${code}，5分钟内有效，请勿告诉他人。`,
    'payout-change': (code) => `【章丘换新】您正在修改收款账户或身份信息，验证码为${code}，5分钟内有效。如非本人操作，请勿提供并联系区商务服务中心。`,
};
/**
 * SMS one-time codes: 6 digits from the CSPRNG, stored only as an HMAC bound to its challenge and
 * purpose, valid 5 minutes, single use, void after 5 wrong tries; 20 wrong codes an hour block a
 * phone (OtpChallengeStore decides all of it atomically). Sends are audited; failures are audited
 * with the phone's keyed hash (blind index), summed per phone and hour.
 */
let OtpService = class OtpService {
    constructor(store, cipher, sms, limits, securityAudit) {
        this.store = store;
        this.cipher = cipher;
        this.sms = sms;
        this.limits = limits;
        this.securityAudit = securityAudit;
    }
    async send(rawPhone, ip, purpose = 'login') {
        const checked = (0, shared_1.validateMobile)(rawPhone);
        if (!checked.ok)
            throw (0, domain_error_1.validationFailed)({ phone: checked.errors[0] ?? shared_1.FieldErrorCode.INVALID_FORMAT });
        const phone = checked.value;
        const phoneBidx = this.cipher.blindIndex(phone, 'phone');
        await this.limits.otpSend(ip);
        for (const rule of exports.OTP_SEND_LIMITS)
            await this.limits.hit(rule, `phone:${phoneBidx}`);
        const { challengeId, code, expiresAt } = await this.store.create(phoneBidx, this.cipher.encrypt(phone, 'otp.phone'), purpose);
        try {
            await this.sms.send({ phone, code, text: TEXTS[purpose](code) });
        }
        catch {
            await this.store.discard(challengeId);
            throw new domain_error_1.DomainError(shared_1.ErrorCode.SMS_UNAVAILABLE, 'The SMS service is unavailable, please retry shortly', { headers: { 'retry-after': '30' } });
        }
        await this.securityAudit.record({
            action: 'auth.otp.sent',
            result: 'success',
            detail: { purpose, phoneHash: phoneBidx },
        });
        return { challengeId, expiresAt: new Date(expiresAt).toISOString() };
    }
    /**
     * Checks a code for `purpose`; on success the challenge is consumed (a replay fails). Limited per
     * client address first (`otp-verify-ip-hour`), like the other sign-in routes.
     */
    async verify(challengeId, code, purpose, ip) {
        await this.limits.otpVerify(ip);
        const checked = await this.store.check(challengeId, code, purpose);
        if (checked.result === 'ok') {
            return { phone: this.cipher.decrypt(checked.phoneEnc, 'otp.phone'), phoneBidx: checked.phoneBidx };
        }
        const error = refusal(checked);
        await this.auditFailure(purpose, error.code, checked.phoneBidx);
        throw error;
    }
    /**
     * One row for the first failure of a phone (or, for an unknown challenge, of an address) in the
     * hour, then rows at the 10th, 100th…, each with the running count: a flood stays a few rows.
     */
    async auditFailure(purpose, reason, phoneBidx) {
        const subject = phoneBidx ? `phone:${phoneBidx}` : `ip:${request_context_1.requestContext.get()?.ip ?? 'unknown'}`;
        await this.securityAudit.recordRepeated({
            action: purpose === 'login' ? 'auth.login' : 'auth.otp.failed',
            result: 'failure',
            actor: purpose === 'login' ? null : undefined,
            detail: { method: 'otp', purpose, reason, ...(phoneBidx ? { phoneHash: phoneBidx } : {}) },
        }, `otp-verify:${purpose}:${subject}`, FAILURE_AUDIT_WINDOW_SECONDS);
    }
};
exports.OtpService = OtpService;
exports.OtpService = OtpService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [otp_challenge_store_1.OtpChallengeStore,
        pii_cipher_1.PiiCipher,
        sms_service_1.SmsService,
        auth_limits_1.AuthLimits,
        security_audit_service_1.SecurityAuditService])
], OtpService);
function refusal(checked) {
    switch (checked.result) {
        case 'dead':
            return new domain_error_1.DomainError(shared_1.ErrorCode.OTP_TOO_MANY_ATTEMPTS, 'Too many wrong codes: request a new one', {
                headers: { 'retry-after': '60' },
            });
        case 'phone-locked':
            return new domain_error_1.DomainError(shared_1.ErrorCode.OTP_TOO_MANY_ATTEMPTS, 'Too many wrong codes for this phone: try again later', { headers: { 'retry-after': String(checked.retryAfterSeconds) } });
        case 'expired':
            return new domain_error_1.DomainError(shared_1.ErrorCode.OTP_EXPIRED, 'The code has expired: request a new one');
        default:
            return new domain_error_1.DomainError(shared_1.ErrorCode.OTP_INVALID, 'The code is wrong or no longer valid');
    }
}
//# sourceMappingURL=otp.service.js.map