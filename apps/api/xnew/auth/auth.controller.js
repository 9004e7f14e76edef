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
exports.AuthController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const domain_error_1 = require("../common/errors/domain-error");
const config_module_1 = require("../config/config.module");
const auth_decorators_1 = require("./auth.decorators");
const auth_dto_1 = require("./auth.dto");
const otp_sign_in_service_1 = require("./otp-sign-in.service");
const otp_service_1 = require("./otp.service");
const password_sign_in_service_1 = require("./password-sign-in.service");
const session_issuer_service_1 = require("./session-issuer.service");
const totp_enrolment_service_1 = require("./totp-enrolment.service");
const session_cookie_1 = require("./session-cookie");
let AuthController = class AuthController {
    constructor(otp, otpSignIn, passwordSignIn, enrolment, issuer, config) {
        this.otp = otp;
        this.otpSignIn = otpSignIn;
        this.passwordSignIn = passwordSignIn;
        this.enrolment = enrolment;
        this.issuer = issuer;
        this.config = config;
    }
    sendOtp(body, request) {
        return this.otp.send(body.phone, request.ip);
    }
    async verifyOtp(body, request, reply) {
        const signedIn = await this.otpSignIn.signIn(body.challengeId, body.code, request.ip, (0, session_cookie_1.readSessionCookie)(this.config, request));
        (0, session_cookie_1.setSessionCookie)(this.config, reply, signedIn.sessionId);
        return { user: signedIn.user };
    }
    async login(body, request, reply) {
        const result = await this.passwordSignIn.signIn(body, request.ip, (0, session_cookie_1.readSessionCookie)(this.config, request));
        if ('enrolmentToken' in result) {
            throw new domain_error_1.DomainError(shared_1.ErrorCode.MFA_ENROLMENT_REQUIRED, 'Set up your authenticator app to finish signing in', {
                extra: { enrolmentToken: result.enrolmentToken },
            });
        }
        (0, session_cookie_1.setSessionCookie)(this.config, reply, result.sessionId);
        return { user: result.user };
    }
    totpSetup(body) {
        return this.enrolment.begin(body.enrolmentToken);
    }
    async totpConfirm(body, request, reply) {
        const signedIn = await this.enrolment.confirm(body.enrolmentToken, body.totp, (0, session_cookie_1.readSessionCookie)(this.config, request));
        (0, session_cookie_1.setSessionCookie)(this.config, reply, signedIn.sessionId);
        return { user: signedIn.user };
    }
    async logout(user, reply) {
        await this.issuer.signOut(user);
        (0, session_cookie_1.clearSessionCookie)(this.config, reply);
    }
    async me(user) {
        return { user: await this.issuer.publicUser(user) };
    }
};
exports.AuthController = AuthController;
__decorate([
    (0, common_1.Post)('otp'),
    (0, auth_decorators_1.Public)(),
    (0, common_1.HttpCode)(202),
    (0, swagger_1.ApiOperation)({
        summary: 'Send a 6-digit sign-in code by SMS (limits: 1/min, 5/h, 10/day per phone, and per IP)',
    }),
    __param(0, (0, common_1.Body)()),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [auth_dto_1.SendOtpDto, Object]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "sendOtp", null);
__decorate([
    (0, common_1.Post)('otp/verify'),
    (0, auth_decorators_1.Public)(),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({
        summary: 'Sign a resident in with the SMS code; sets the session cookie (limited per IP and per phone)',
    }),
    __param(0, (0, common_1.Body)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [auth_dto_1.VerifyOtpDto, Object, Object]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "verifyOtp", null);
__decorate([
    (0, common_1.Post)('login'),
    (0, auth_decorators_1.Public)(),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({
        summary: 'Staff and dealer sign-in (password, then TOTP where required); locks for 30 min after 5 failures',
    }),
    __param(0, (0, common_1.Body)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [auth_dto_1.LoginDto, Object, Object]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "login", null);
__decorate([
    (0, common_1.Post)('mfa/totp/setup'),
    (0, auth_decorators_1.Public)(),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({ summary: 'TOTP enrolment step 1: a new secret with its QR code' }),
    __param(0, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [auth_dto_1.TotpEnrolmentDto]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "totpSetup", null);
__decorate([
    (0, common_1.Post)('mfa/totp/confirm'),
    (0, auth_decorators_1.Public)(),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({ summary: 'TOTP enrolment step 2: confirm with a code; signs in' }),
    __param(0, (0, common_1.Body)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [auth_dto_1.TotpConfirmDto, Object, Object]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "totpConfirm", null);
__decorate([
    (0, common_1.Post)('logout'),
    (0, auth_decorators_1.SignedIn)(),
    (0, common_1.HttpCode)(204),
    (0, swagger_1.ApiOperation)({ summary: 'End the session on the server' }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "logout", null);
__decorate([
    (0, common_1.Get)('me'),
    (0, auth_decorators_1.SignedIn)(),
    (0, swagger_1.ApiOperation)({ summary: 'The signed-in user' }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "me", null);
exports.AuthController = AuthController = __decorate([
    (0, swagger_1.ApiTags)('auth'),
    (0, common_1.Controller)('auth'),
    __param(5, (0, config_module_1.InjectConfig)()),
    __metadata("design:paramtypes", [otp_service_1.OtpService,
        otp_sign_in_service_1.OtpSignInService,
        password_sign_in_service_1.PasswordSignInService,
        totp_enrolment_service_1.TotpEnrolmentService,
        session_issuer_service_1.SessionIssuer, Object])
], AuthController);
//# sourceMappingURL=auth.controller.js.map