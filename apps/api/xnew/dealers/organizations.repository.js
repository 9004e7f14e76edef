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
exports.OrganizationsRepository = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const organization_entity_1 = require("../users/organization.entity");
const user_entity_1 = require("../users/user.entity");
const organization_status_event_entity_1 = require("./organization-status-event.entity");
/** Named organisation queries for registration, the commerce office's review and the dealer guard. */
let OrganizationsRepository = class OrganizationsRepository {
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    transaction(work) {
        return this.dataSource.transaction(work);
    }
    findById(id, manager = this.dataSource.manager) {
        return manager.getRepository(organization_entity_1.OrganizationEntity).findOneBy({ id });
    }
    findByUscc(uscc, manager = this.dataSource.manager) {
        return manager.getRepository(organization_entity_1.OrganizationEntity).findOneBy({ uscc });
    }
    /** Locks the row for a status change (concurrent changes are ordered by the lock). */
    lock(id, manager) {
        return manager
            .getRepository(organization_entity_1.OrganizationEntity)
            .createQueryBuilder('o')
            .setLock('pessimistic_write')
            .where('o.id = :id', { id })
            .getOne();
    }
    list(status) {
        return this.dataSource.getRepository(organization_entity_1.OrganizationEntity).find({
            where: status ? { status } : {},
            order: { createdAt: 'ASC' },
        });
    }
    async setStatus(id, change, manager) {
        await manager
            .getRepository(organization_entity_1.OrganizationEntity)
            .update({ id }, { status: change.status, statusReason: change.reason, statusChangedAt: change.at });
    }
    async insertStatusEvent(event, manager) {
        await manager.getRepository(organization_status_event_entity_1.OrganizationStatusEventEntity).insert(event);
    }
    history(organizationId) {
        return this.dataSource.getRepository(organization_status_event_entity_1.OrganizationStatusEventEntity).find({
            where: { organizationId },
            order: { createdAt: 'ASC' },
        });
    }
    /** The caller's organisation status and flag (null: not an enabled dealer account of an organisation). */
    async dealerAccess(userId) {
        const [row] = (await this.dataSource.query(`SELECT o.id AS organization_id, o.status, u.org_admin
         FROM user_account u JOIN organization o ON o.id = u.organization_id
        WHERE u.id = $1 AND u.role = 'dealer' AND u.disabled_at IS NULL`, [userId]));
        return row ? { organizationId: row.organization_id, status: row.status, orgAdmin: row.org_admin } : null;
    }
    findUser(id) {
        return this.dataSource.getRepository(user_entity_1.UserEntity).findOneBy({ id });
    }
    listUsers(organizationId) {
        return this.dataSource.getRepository(user_entity_1.UserEntity).find({
            where: { organizationId, role: 'dealer' },
            order: { createdAt: 'ASC' },
        });
    }
};
exports.OrganizationsRepository = OrganizationsRepository;
exports.OrganizationsRepository = OrganizationsRepository = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function])
], OrganizationsRepository);
//# sourceMappingURL=organizations.repository.js.map