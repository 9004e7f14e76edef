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
exports.TotpEnrolmentService = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const security_audit_service_1 = require("../audit/security-audit.service");
const clock_1 = require("../common/clock");
const domain_error_1 = require("../common/errors/domain-error");
const users_repository_1 = require("../users/users.repository");
const enrolment_tokens_1 = require("./enrolment-tokens");
const session_issuer_service_1 = require("./session-issuer.service");
const totp_service_1 = require("./totp.service");
const expired = () => new domain_error_1.DomainError(shared_1.ErrorCode.MFA_ENROLMENT_EXPIRED, 'The enrolment has expired: sign in again');
/**
 * TOTP enrolment in two steps after a correct password. A token works only while the account has
 * no factor: a leftover token cannot replace a working one (both steps refuse, and the final write
 * is conditional), and confirming one token kills the user's other pending tokens.
 *
 * Six dependencies: tokens, accounts, TOTP, the session issuer and the audit are the enrolment;
 * the clock stamps the first sign-in.
 */
let TotpEnrolmentService = class TotpEnrolmentService {
    constructor(tokens, users, totp, issuer, securityAudit, clock) {
        this.tokens = tokens;
        this.users = users;
        this.totp = totp;
        this.issuer = issuer;
        this.securityAudit = securityAudit;
        this.clock = clock;
    }
    /** Step 1: a new secret and its QR code. */
    async begin(enrolmentToken) {
        const { user } = await this.pending(enrolmentToken);
        const { secret, secretEnc } = this.totp.newSecret();
        if (!(await this.tokens.attachSecret(enrolmentToken, { userId: user.id, secretEnc })))
            throw expired();
        await this.securityAudit.record({
            action: 'auth.mfa.enrolment_started',
            result: 'success',
            actor: { id: user.id, role: user.role },
            objectType: 'user',
            objectId: user.id,
        });
        return this.totp.enrolment(secret, user.username ?? user.id);
    }
    /** Step 2: the first code proves the app holds the secret; the account is enrolled and signed in. */
    async confirm(enrolmentToken, token, previousSessionId) {
        const { user, secretEnc } = await this.pending(enrolmentToken);
        if (!secretEnc)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.MFA_ENROLMENT_EXPIRED, 'Start the enrolment again');
        const step = this.totp.checkSealed(secretEnc, token);
        if (step === null) {
            // Summed per account: the token holder may retry (the code is on their phone), not flood the log.
            await this.securityAudit.recordRepeated({
                action: 'auth.mfa.enrolment_failed',
                result: 'failure',
                actor: { id: user.id, role: user.role },
                objectType: 'user',
                objectId: user.id,
                detail: { reason: 'mfa_invalid' },
            }, `mfa-enrol-fail:${user.id}`);
            throw new domain_error_1.DomainError(shared_1.ErrorCode.MFA_INVALID, 'The authenticator code is wrong');
        }
        const enrolled = await this.users.enrolTotpSecret(user.id, secretEnc, step);
        await this.tokens.revokeAll(user.id);
        if (!enrolled)
            throw expired();
        // Enrolled, but a lock that fell meanwhile still refuses the sign-in itself.
        if (!(await this.users.recordStaffLoginSuccess(user.id, this.clock.now(), step)))
            throw new domain_error_1.DomainError(shared_1.ErrorCode.INVALID_CREDENTIALS, 'Wrong username or password');
        await this.securityAudit.record({
            action: 'auth.mfa.enrolled',
            result: 'success',
            actor: { id: user.id, role: user.role },
            objectType: 'user',
            objectId: user.id,
        });
        return this.issuer.issue(user, previousSessionId, 'password+totp');
    }
    async pending(enrolmentToken) {
        const pending = await this.tokens.get(enrolmentToken);
        if (!pending)
            throw expired();
        const user = await this.users.findById(pending.userId);
        // Already enrolled (a leftover token), disabled or awaiting activation: the token is worthless.
        if (!user || user.disabledAt || user.pendingActivationBy || user.totpSecretEnc)
            throw expired();
        return { user, secretEnc: pending.secretEnc };
    }
};
exports.TotpEnrolmentService = TotpEnrolmentService;
exports.TotpEnrolmentService = TotpEnrolmentService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [enrolment_tokens_1.EnrolmentTokens,
        users_repository_1.UsersRepository,
        totp_service_1.TotpService,
        session_issuer_service_1.SessionIssuer,
        security_audit_service_1.SecurityAuditService,
        clock_1.Clock])
], TotpEnrolmentService);
//# sourceMappingURL=totp-enrolment.service.js.map