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
exports.AdminUsersService = void 0;
exports.needsSecondAdmin = needsSecondAdmin;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const audit_service_1 = require("../audit/audit.service");
const password_policy_1 = require("../auth/password-policy");
const password_service_1 = require("../auth/password.service");
const session_service_1 = require("../auth/session.service");
const pii_cipher_1 = require("../common/crypto/pii-cipher");
const domain_error_1 = require("../common/errors/domain-error");
const organization_view_1 = require("../dealers/organization-view");
const users_repository_1 = require("../users/users.repository");
function view(user, now) {
    return {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        organizationId: user.organizationId,
        disabled: user.disabledAt !== null,
        locked: user.lockedUntil !== null && user.lockedUntil > now,
        mfaEnrolled: user.totpSecretEnc !== null,
        pendingActivation: user.pendingActivationBy !== null,
        lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
        createdAt: user.createdAt.toISOString(),
    };
}
/**
 * 三员 two-person rule: an account whose role may reveal resident personal data (`pii.reveal`:
 * reviewer and approver today) is never made usable by one administrator alone. Creating one, or
 * giving it credentials (new password, reset factor) or re-enabling it, leaves it pending with the
 * acting admin's id; it cannot sign in until a different admin sends `{ activate: true }`.
 * Otherwise an admin, who by design reads no personal data, could mint (or take over) a reviewer
 * and read it all.
 */
function needsSecondAdmin(role) {
    return (0, shared_1.can)(role, shared_1.Permission.PersonalDataReveal);
}
/**
 * 三员 on one route: which `PATCH /api/admin/users/:id` fields belong to which administrator. The
 * system administrator (`users.manage`) names, disables and re-enables accounts, sets passwords and
 * activates; the security administrator (`users.security`) changes roles, resets the second factor
 * and unlocks. A request mixing both is refused whole, so nothing changes.
 */
const SECURITY_FIELDS = ['role', 'resetMfa', 'unlock'];
const SYSTEM_FIELDS = ['displayName', 'disabled', 'password', 'activate'];
/** The fields a PATCH asks to change (`unlock`/`resetMfa`/`activate: false` ask for nothing). */
function requested(input) {
    const fields = [];
    if (input.role !== undefined)
        fields.push('role');
    if (input.resetMfa === true)
        fields.push('resetMfa');
    if (input.unlock === true)
        fields.push('unlock');
    if (input.displayName !== undefined)
        fields.push('displayName');
    if (input.disabled !== undefined)
        fields.push('disabled');
    if (input.password !== undefined)
        fields.push('password');
    if (input.activate === true)
        fields.push('activate');
    return fields;
}
/** Staff and dealer accounts, managed by `admin` (who sees no resident personal data). */
let AdminUsersService = class AdminUsersService {
    constructor(users, passwords, sessions, audit, cipher) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.audit = audit;
        this.cipher = cipher;
    }
    async list() {
        const now = new Date();
        return (await this.users.listAccounts()).map((user) => view(user, now));
    }
    async create(input, actorId) {
        // Minting a security administrator is a role grant, the security administrator's duty (the
        // first one comes from the CLI, `create-admin --role security_admin`).
        if (input.role === 'security_admin')
            throw new domain_error_1.DomainError(shared_1.ErrorCode.SECURITY_ADMIN_REQUIRED, 'A security administrator account is made by giving an existing account that role', { fields: { role: shared_1.ErrorCode.SECURITY_ADMIN_REQUIRED } });
        const weak = (0, password_policy_1.checkPassword)(input.password, { username: input.username, displayName: input.displayName });
        if (weak)
            throw (0, domain_error_1.validationFailed)({ password: weak });
        if (input.role === 'dealer') {
            if (!input.organizationId)
                throw (0, domain_error_1.validationFailed)({ organizationId: shared_1.FieldErrorCode.REQUIRED });
            if (!(await this.users.findOrganization(input.organizationId))) {
                throw new domain_error_1.DomainError(shared_1.ErrorCode.ORGANIZATION_NOT_FOUND, 'No such organisation');
            }
        }
        const passwordHash = await this.passwords.hash(input.password);
        const created = await this.users.transaction(async (manager) => {
            const account = await this.users.insertAccount({
                role: input.role,
                username: input.username,
                displayName: input.displayName,
                passwordHash,
                organizationId: input.role === 'dealer' ? (input.organizationId ?? null) : null,
                pendingActivationBy: needsSecondAdmin(input.role) ? actorId : null,
            }, manager);
            if (!account)
                throw new domain_error_1.DomainError(shared_1.ErrorCode.USERNAME_TAKEN, 'This username is taken', {
                    fields: { username: shared_1.ErrorCode.USERNAME_TAKEN },
                });
            await this.audit.record({
                action: 'user.created',
                result: 'success',
                objectType: 'user',
                objectId: account.id,
                detail: { role: input.role, pendingActivation: needsSecondAdmin(input.role) },
            }, manager);
            return account;
        });
        return view(created, new Date());
    }
    async update(id, input, actor) {
        const actorId = actor.id;
        const user = await this.users.findById(id);
        if (!user || user.role === 'resident')
            throw new domain_error_1.DomainError(shared_1.ErrorCode.USER_NOT_FOUND, 'No such account');
        await this.checkDuties(user, input, actor);
        const changes = {};
        const changed = [];
        if (input.role !== undefined && input.role !== user.role) {
            changes.role = input.role;
            changed.push(`role:${user.role}->${input.role}`);
        }
        if (input.displayName !== undefined) {
            changes.displayName = input.displayName;
            changed.push('displayName');
        }
        if (input.disabled !== undefined) {
            changes.disabledAt = input.disabled ? new Date() : null;
            changed.push(input.disabled ? 'disabled' : 'enabled');
        }
        if (input.unlock) {
            changes.lockedUntil = null;
            changes.failedLogins = 0;
            changed.push('unlocked');
        }
        if (input.password !== undefined) {
            const weak = (0, password_policy_1.checkPassword)(input.password, {
                username: user.username ?? undefined,
                displayName: user.displayName,
            });
            if (weak)
                throw (0, domain_error_1.validationFailed)({ password: weak });
            changes.passwordHash = await this.passwords.hash(input.password);
            changed.push('password');
        }
        if (input.resetMfa) {
            changes.totpSecretEnc = null;
            changes.totpLastStep = null;
            changed.push('mfaReset');
        }
        // Credentials or a re-enabled account of a personal-data role wait for a second admin; so does
        // an account given such a role (the security administrator grants, an administrator activates).
        if ((needsSecondAdmin(user.role) &&
            (input.password !== undefined || input.resetMfa || input.disabled === false)) ||
            (changes.role !== undefined && needsSecondAdmin(changes.role))) {
            changes.pendingActivationBy = actorId;
            changed.push('pendingActivation');
        }
        await this.users.transaction(async (manager) => {
            if (Object.keys(changes).length)
                await this.users.updateAccount(id, changes, manager);
            if (input.activate) {
                const pendingBy = changes.pendingActivationBy ?? user.pendingActivationBy;
                if (pendingBy === actorId)
                    throw new domain_error_1.DomainError(shared_1.ErrorCode.SECOND_ADMIN_REQUIRED, 'Another administrator must activate an account you created or re-credentialed');
                if (await this.users.activate(id, actorId, manager))
                    changed.push('activated');
            }
            await this.audit.record({ action: 'user.updated', result: 'success', objectType: 'user', objectId: id, detail: { changed } }, manager);
        });
        // Disabling, a new password, a reset factor or a new role (sessions carry the role) ends every
        // session of the account at once.
        if (input.disabled || input.password !== undefined || input.resetMfa || changes.role !== undefined)
            await this.sessions.destroyAllForUser(id);
        return view((await this.users.findById(id)), new Date());
    }
    /**
     * Refuses (403, nothing changed, the refusal audited) a PATCH outside the caller's duties: the
     * caller's own account beyond its display name (nobody grants themselves a role, resets their
     * own factor or re-credentials themselves past MFA), a security field without `users.security`,
     * a system field without `users.manage`. A role change on a dealer account is bad input.
     */
    async checkDuties(user, input, actor) {
        const fields = requested(input);
        const refuse = async (code, message, denied) => {
            await this.audit.record({
                action: 'user.update_denied',
                result: 'denied',
                objectType: 'user',
                objectId: user.id,
                detail: { code, fields: denied },
            });
            throw new domain_error_1.DomainError(code, message, {
                fields: Object.fromEntries(denied.map((field) => [field, code])),
            });
        };
        const own = fields.filter((field) => field !== 'displayName');
        if (user.id === actor.id && own.length > 0)
            await refuse(shared_1.ErrorCode.SELF_ACCOUNT_CHANGE, 'Another administrator must change your role, status, password or second factor', own);
        const security = fields.filter((field) => SECURITY_FIELDS.includes(field));
        if (security.length > 0 && !(0, shared_1.can)(actor.role, shared_1.Permission.UsersSecurity))
            await refuse(shared_1.ErrorCode.SECURITY_ADMIN_REQUIRED, 'Role changes, second-factor resets and unlocks are for the security administrator', security);
        const system = fields.filter((field) => SYSTEM_FIELDS.includes(field));
        if (system.length > 0 && !(0, shared_1.can)(actor.role, shared_1.Permission.UsersManage))
            await refuse(shared_1.ErrorCode.SYSTEM_ADMIN_REQUIRED, 'Names, status, passwords and activation are for the system administrator', system);
        if (input.role !== undefined && user.role === 'dealer')
            throw (0, domain_error_1.validationFailed)({ role: shared_1.FieldErrorCode.NOT_IN_OPTIONS }, 'A dealer account keeps its role');
    }
    async createOrganization(input) {
        const uscc = (0, shared_1.validateUscc)(input.uscc).value;
        return this.users.transaction(async (manager) => {
            const organization = await this.users.insertOrganization({
                name: input.name.trim(),
                uscc,
                kinds: input.kinds,
                status: 'active',
                statusReason: 'created by an administrator',
                statusChangedAt: new Date(),
            }, manager);
            if (!organization)
                throw new domain_error_1.DomainError(shared_1.ErrorCode.USCC_TAKEN, 'An organisation with this credit code exists', {
                    fields: { uscc: shared_1.ErrorCode.USCC_TAKEN },
                });
            await this.audit.record({
                action: 'organization.created',
                result: 'success',
                objectType: 'organization',
                objectId: organization.id,
            }, manager);
            return (0, organization_view_1.organizationView)(organization, this.cipher);
        });
    }
};
exports.AdminUsersService = AdminUsersService;
exports.AdminUsersService = AdminUsersService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [users_repository_1.UsersRepository,
        password_service_1.PasswordService,
        session_service_1.SessionService,
        audit_service_1.AuditService,
        pii_cipher_1.PiiCipher])
], AdminUsersService);
//# sourceMappingURL=admin-users.service.js.map