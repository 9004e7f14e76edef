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
exports.DealerAccountsService = void 0;
exports.dealerUserView = dealerUserView;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const audit_service_1 = require("../audit/audit.service");
const password_policy_1 = require("../auth/password-policy");
const password_service_1 = require("../auth/password.service");
const pii_cipher_1 = require("../common/crypto/pii-cipher");
const domain_error_1 = require("../common/errors/domain-error");
const users_repository_1 = require("../users/users.repository");
const organization_view_1 = require("./organization-view");
const organizations_repository_1 = require("./organizations.repository");
function dealerUserView(user) {
    return {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        orgAdmin: user.orgAdmin,
        disabled: user.disabledAt !== null,
        createdAt: user.createdAt.toISOString(),
    };
}
/** The dealer's own organisation and its accounts (an organisation admin adds staff). */
let DealerAccountsService = class DealerAccountsService {
    constructor(organizations, users, passwords, cipher, audit) {
        this.organizations = organizations;
        this.users = users;
        this.passwords = passwords;
        this.cipher = cipher;
        this.audit = audit;
    }
    async me(caller) {
        const user = await this.organizations.findUser(caller.id);
        const organization = caller.organizationId
            ? await this.organizations.findById(caller.organizationId)
            : null;
        if (!user || !organization)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.ORGANIZATION_NOT_FOUND, 'No organisation');
        return { organization: (0, organization_view_1.organizationView)(organization, this.cipher), user: dealerUserView(user) };
    }
    async listUsers(caller) {
        return (await this.organizations.listUsers(caller.organizationId)).map(dealerUserView);
    }
    async createUser(caller, input) {
        const weak = (0, password_policy_1.checkPassword)(input.password, { username: input.username, displayName: input.displayName });
        if (weak)
            throw (0, domain_error_1.validationFailed)({ password: weak });
        const passwordHash = await this.passwords.hash(input.password);
        const created = await this.users.transaction(async (manager) => {
            const account = await this.users.insertAccount({
                role: 'dealer',
                username: input.username,
                displayName: input.displayName.trim(),
                passwordHash,
                organizationId: caller.organizationId,
                pendingActivationBy: null,
                orgAdmin: input.orgAdmin === true,
            }, manager);
            if (!account)
                throw new domain_error_1.DomainError(shared_1.ErrorCode.USERNAME_IN_USE, 'This username is taken', {
                    fields: { username: shared_1.ErrorCode.USERNAME_IN_USE },
                });
            await this.audit.record({
                action: 'dealer.user_created',
                result: 'success',
                objectType: 'user',
                objectId: account.id,
                detail: { organizationId: caller.organizationId, orgAdmin: account.orgAdmin },
            }, manager);
            return account;
        });
        return dealerUserView(created);
    }
};
exports.DealerAccountsService = DealerAccountsService;
exports.DealerAccountsService = DealerAccountsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [organizations_repository_1.OrganizationsRepository,
        users_repository_1.UsersRepository,
        password_service_1.PasswordService,
        pii_cipher_1.PiiCipher,
        audit_service_1.AuditService])
], DealerAccountsService);
//# sourceMappingURL=dealer-accounts.service.js.map