"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProfileModule = void 0;
const common_1 = require("@nestjs/common");
const auth_module_1 = require("../auth/auth.module");
const applicant_facts_service_1 = require("./applicant-facts.service");
const payout_proof_service_1 = require("./payout-proof.service");
const profile_writer_service_1 = require("./profile-writer.service");
const profile_controller_1 = require("./profile.controller");
const profile_repository_1 = require("./profile.repository");
const profile_service_1 = require("./profile.service");
const reveal_limit_1 = require("./reveal-limit");
const reveal_controller_1 = require("./reveal.controller");
const reveal_repository_1 = require("./reveal.repository");
const reveal_service_1 = require("./reveal.service");
let ProfileModule = class ProfileModule {
};
exports.ProfileModule = ProfileModule;
exports.ProfileModule = ProfileModule = __decorate([
    (0, common_1.Module)({
        imports: [auth_module_1.AuthModule],
        controllers: [profile_controller_1.ProfileController, reveal_controller_1.RevealController],
        providers: [
            profile_service_1.ProfileService,
            profile_writer_service_1.ProfileWriter,
            profile_repository_1.ProfileRepository,
            payout_proof_service_1.PayoutProofService,
            applicant_facts_service_1.ApplicantFactsService,
            reveal_service_1.RevealService,
            reveal_repository_1.RevealRepository,
            reveal_limit_1.RevealLimiter,
        ],
        exports: [applicant_facts_service_1.ApplicantFactsService],
    })
], ProfileModule);
//# sourceMappingURL=profile.module.js.map