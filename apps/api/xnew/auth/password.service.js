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
exports.PasswordService = void 0;
exports.hashPassword = hashPassword;
const common_1 = require("@nestjs/common");
const argon2_1 = require("@node-rs/argon2");
const config_module_1 = require("../config/config.module");
const password_policy_1 = require("./password-policy");
/**
 * argon2id with the OWASP-recommended parameters (19 MiB, 2 iterations, 1 lane). The package's
 * `Algorithm` is an ambient const enum (unusable with isolatedModules): 2 is Argon2id.
 */
const ARGON2_ID = 2;
const ARGON2 = { algorithm: ARGON2_ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
function hashPassword(password) {
    return (0, argon2_1.hash)(password, ARGON2);
}
let PasswordService = class PasswordService {
    constructor(config) {
        this.config = config;
    }
    onModuleInit() {
        (0, password_policy_1.loadPasswordBlocklist)(this.config.auth.passwordBlocklistFile);
    }
    hash(password) {
        return hashPassword(password);
    }
    async verify(storedHash, password) {
        if (!storedHash) {
            this.dummyHash ??= (0, argon2_1.hash)('not-a-real-password-for-timing', ARGON2);
            await (0, argon2_1.verify)(await this.dummyHash, password).catch(() => false);
            return false;
        }
        return (0, argon2_1.verify)(storedHash, password).catch(() => false);
    }
};
exports.PasswordService = PasswordService;
exports.PasswordService = PasswordService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, config_module_1.InjectConfig)()),
    __metadata("design:paramtypes", [Object])
], PasswordService);
//# sourceMappingURL=password.service.js.map