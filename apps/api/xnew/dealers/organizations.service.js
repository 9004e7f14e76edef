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
exports.OrganizationsService = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const audit_service_1 = require("../audit/audit.service");
const clock_1 = require("../common/clock");
const pii_cipher_1 = require("../common/crypto/pii-cipher");
const domain_error_1 = require("../common/errors/domain-error");
const organization_view_1 = require("./organization-view");
const organizations_repository_1 = require("./organizations.repository");
const notFound = () => new domain_error_1.DomainError(shared_1.ErrorCode.ORGANIZATION_NOT_FOUND, 'No such organisation');
/** The commerce office's side: registrations to review and each organisation's lifecycle. */
let OrganizationsService = class OrganizationsService {
    constructor(organizations, cipher, audit, clock) {
        this.organizations = organizations;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }
    async list(status) {
        return (await this.organizations.list(status)).map((o) => (0, organization_view_1.organizationView)(o, this.cipher));
    }
    async detail(id) {
        const organization = await this.organizations.findById(id);
        if (!organization)
            throw notFound();
        const history = await this.organizations.history(id);
        return {
            ...(0, organization_view_1.organizationView)(organization, this.cipher),
            history: history.map((event) => ({
                fromStatus: event.fromStatus,
                toStatus: event.toStatus,
                reason: event.reason,
                actorId: event.actorId,
                at: event.createdAt.toISOString(),
            })),
        };
    }
    /**
     * One lifecycle step under the row lock: concurrent changes are ordered, and the second sees the
     * first's status (two approvals of one registration: one 200, one 409). Audited in the same
     * transaction, with the reason.
     */
    async changeStatus(id, input, actor) {
        const now = this.clock.now();
        const reason = input.reason.trim();
        const changed = await this.organizations.transaction(async (manager) => {
            const organization = await this.organizations.lock(id, manager);
            if (!organization)
                throw notFound();
            const from = organization.status;
            if (!(0, shared_1.canChangeOrganizationStatus)(from, input.status))
                throw new domain_error_1.DomainError(shared_1.ErrorCode.ILLEGAL_STATUS_CHANGE, `An organisation cannot go from ${from} to ${input.status}`, {
                    extra: { from, to: input.status },
                });
            await this.organizations.setStatus(id, { status: input.status, reason, at: now }, manager);
            await this.organizations.insertStatusEvent({
                organizationId: id,
                fromStatus: from,
                toStatus: input.status,
                reason,
                actorId: actor.id,
                createdAt: now,
            }, manager);
            await this.audit.record({
                action: 'organization.status_changed',
                result: 'success',
                objectType: 'organization',
                objectId: id,
                detail: { from, to: input.status, reason },
            }, manager);
            return (await this.organizations.findById(id, manager));
        });
        return (0, organization_view_1.organizationView)(changed, this.cipher);
    }
};
exports.OrganizationsService = OrganizationsService;
exports.OrganizationsService = OrganizationsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [organizations_repository_1.OrganizationsRepository,
        pii_cipher_1.PiiCipher,
        audit_service_1.AuditService,
        clock_1.Clock])
], OrganizationsService);
//# sourceMappingURL=organizations.service.js.map