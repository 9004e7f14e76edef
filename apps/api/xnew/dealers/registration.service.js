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
exports.RegistrationService = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const audit_service_1 = require("../audit/audit.service");
const password_policy_1 = require("../auth/password-policy");
const password_service_1 = require("../auth/password.service");
const clock_1 = require("../common/clock");
const pii_cipher_1 = require("../common/crypto/pii-cipher");
const domain_error_1 = require("../common/errors/domain-error");
const rate_limit_1 = require("../common/http/rate-limit");
const config_module_1 = require("../config/config.module");
const programs_repository_1 = require("../programs/programs.repository");
const users_repository_1 = require("../users/users.repository");
const organization_view_1 = require("./organization-view");
const organizations_repository_1 = require("./organizations.repository");
/**
 * Public dealer registration (operations.md §2): the organisation, `pending`, with its first user
 * as organisation administrator, in one transaction. Duplicates are decided by the unique indexes
 * (`ON CONFLICT DO NOTHING`), never by a lookup first: of two concurrent registrations of one
 * credit code or one username exactly one commits, the other gets 409. A credit code whose
 * organisation was disqualified stays held by that row forever, so it is refused as
 * USCC_DISQUALIFIED.
 */
let RegistrationService = class RegistrationService {
    constructor(organizations, users, programs, passwords, cipher, audit, limiter, clock, config) {
        this.organizations = organizations;
        this.users = users;
        this.programs = programs;
        this.passwords = passwords;
        this.cipher = cipher;
        this.audit = audit;
        this.limiter = limiter;
        this.clock = clock;
        this.config = config;
    }
    async register(input, ip) {
        const org = input.organization;
        const weak = (0, password_policy_1.checkPassword)(input.password, { username: input.username, displayName: org.contactName });
        if (weak)
            throw (0, domain_error_1.validationFailed)({ password: weak });
        const known = new Set((await this.programs.listCurrent()).map((program) => program.code));
        if (!org.programs.every((code) => known.has(code)))
            throw (0, domain_error_1.validationFailed)({ 'organization.programs': shared_1.FieldErrorCode.NOT_IN_OPTIONS });
        // Hashing is the expensive step of a public route: the same per-address budget as sign-in.
        await this.limiter.hit({
            name: 'dealer-registration-ip-hour',
            limit: this.config.auth.authIpLimitPerHour,
            windowSeconds: 3600,
            onStoreDown: 'closed',
        }, `ip:${ip}`);
        const uscc = (0, shared_1.validateUscc)(org.uscc).value;
        const name = org.name.trim();
        const passwordHash = await this.passwords.hash(input.password);
        const now = this.clock.now();
        return this.organizations.transaction(async (manager) => {
            const created = await this.users.insertOrganization({
                name,
                uscc,
                kinds: [...org.kinds],
                programs: [...org.programs],
                status: 'pending',
                statusReason: null,
                statusChangedAt: now,
                street: org.street,
                contactName: org.contactName.trim(),
                contactPhoneEnc: this.cipher.encrypt((0, shared_1.validateMobile)(org.contactPhone).value, organization_view_1.ORGANIZATION_FIELDS.contactPhone),
                payoutBankName: org.payoutBankName.trim(),
                payoutAccountName: name,
                payoutAccountEnc: this.cipher.encrypt((0, shared_1.validateCorporateAccount)(org.payoutAccountNo).value, organization_view_1.ORGANIZATION_FIELDS.payoutAccount),
                commitmentVersion: shared_1.DEALER_COMMITMENT_VERSION,
                commitmentAt: now,
            }, manager);
            if (!created) {
                const holder = await this.organizations.findByUscc(uscc, manager);
                if (holder?.status === 'disqualified')
                    throw new domain_error_1.DomainError(shared_1.ErrorCode.USCC_DISQUALIFIED, 'This credit code was disqualified', {
                        fields: { 'organization.uscc': shared_1.ErrorCode.USCC_DISQUALIFIED },
                    });
                throw new domain_error_1.DomainError(shared_1.ErrorCode.USCC_IN_USE, 'An organisation with this credit code is registered', {
                    fields: { 'organization.uscc': shared_1.ErrorCode.USCC_IN_USE },
                });
            }
            const user = await this.users.insertAccount({
                role: 'dealer',
                username: input.username,
                displayName: org.contactName.trim(),
                passwordHash,
                organizationId: created.id,
                pendingActivationBy: null,
                orgAdmin: true,
            }, manager);
            if (!user)
                throw new domain_error_1.DomainError(shared_1.ErrorCode.USERNAME_IN_USE, 'This username is taken', {
                    fields: { username: shared_1.ErrorCode.USERNAME_IN_USE },
                });
            await this.organizations.insertStatusEvent({
                organizationId: created.id,
                fromStatus: null,
                toStatus: 'pending',
                reason: 'registered',
                actorId: user.id,
                createdAt: now,
            }, manager);
            await this.audit.record({
                action: 'organization.registered',
                result: 'success',
                actor: { id: user.id, role: 'dealer' },
                objectType: 'organization',
                objectId: created.id,
                detail: { kinds: org.kinds, programs: org.programs, commitmentVersion: shared_1.DEALER_COMMITMENT_VERSION },
            }, manager);
            return { organizationId: created.id, status: 'pending' };
        });
    }
};
exports.RegistrationService = RegistrationService;
exports.RegistrationService = RegistrationService = __decorate([
    (0, common_1.Injectable)(),
    __param(8, (0, config_module_1.InjectConfig)()),
    __metadata("design:paramtypes", [organizations_repository_1.OrganizationsRepository,
        users_repository_1.UsersRepository,
        programs_repository_1.ProgramsRepository,
        password_service_1.PasswordService,
        pii_cipher_1.PiiCipher,
        audit_service_1.AuditService,
        rate_limit_1.RateLimiter,
        clock_1.Clock, Object])
], RegistrationService);
//# sourceMappingURL=registration.service.js.map