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
exports.ProfileController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const auth_decorators_1 = require("../auth/auth.decorators");
const payout_proof_service_1 = require("./payout-proof.service");
const profile_dto_1 = require("./profile.dto");
const profile_service_1 = require("./profile.service");
let ProfileController = class ProfileController {
    constructor(profiles, payoutProof) {
        this.profiles = profiles;
        this.payoutProof = payoutProof;
    }
    get(user) {
        return this.profiles.get(user.id);
    }
    save(user, body, request) {
        return this.profiles.save(user.id, body, request.ip);
    }
    sendPayoutCode(user, request) {
        return this.payoutProof.send(user.id, request.ip);
    }
};
exports.ProfileController = ProfileController;
__decorate([
    (0, common_1.Get)('me/profile'),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.ProfileReadOwn),
    (0, swagger_1.ApiOperation)({ summary: "The resident's real-name details, masked" }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], ProfileController.prototype, "get", null);
__decorate([
    (0, common_1.Put)('me/profile'),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.ProfileWriteOwn),
    (0, swagger_1.ApiOperation)({
        summary: 'Save real-name details (with the separate consent); answers masked. Changing the bank account or ID number of an existing profile needs { otpChallengeId, otpCode }',
    }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, profile_dto_1.UpdateProfileDto, Object]),
    __metadata("design:returntype", void 0)
], ProfileController.prototype, "save", null);
__decorate([
    (0, common_1.Post)('me/profile/otp'),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.ProfileWriteOwn),
    (0, common_1.HttpCode)(202),
    (0, swagger_1.ApiOperation)({
        summary: "Send a code (purpose payout-change) to the resident's own phone, to change the bank account or ID number",
    }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", void 0)
], ProfileController.prototype, "sendPayoutCode", null);
exports.ProfileController = ProfileController = __decorate([
    (0, swagger_1.ApiTags)('profile'),
    (0, common_1.Controller)(),
    __metadata("design:paramtypes", [profile_service_1.ProfileService,
        payout_proof_service_1.PayoutProofService])
], ProfileController);
//# sourceMappingURL=profile.controller.js.map