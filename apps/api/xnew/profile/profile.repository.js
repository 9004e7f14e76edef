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
exports.ProfileRepository = exports.BANK_ACCOUNT_CHANGED_FLAG = exports.PAYOUT_PENDING_STATUSES = exports.ID_NUMBER_OPEN_STATUSES = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const notifications_jobs_1 = require("../notifications/notifications.jobs");
const outbox_service_1 = require("../queue/outbox.service");
const consent_record_entity_1 = require("./consent-record.entity");
const resident_profile_entity_1 = require("./resident-profile.entity");
/**
 * A claim in one of these states has been decided on, or is being, with the profile's ID number:
 * from then on the ID number of the account is fixed. Drafts, withdrawn and expired claims never
 * reached a reviewer (or left before a decision), so they do not fix it.
 */
exports.ID_NUMBER_OPEN_STATUSES = ['draft', 'withdrawn', 'expired'];
/** Claims still heading for a payout: a new bank account must be looked at before money moves. */
exports.PAYOUT_PENDING_STATUSES = [
    'submitted',
    'checking',
    'in_review',
    'returned',
    'approved',
];
exports.BANK_ACCOUNT_CHANGED_FLAG = 'BANK_ACCOUNT_CHANGED';
/** Named queries of the profile side (what a profile change does to the resident's claims). */
let ProfileRepository = class ProfileRepository {
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    transaction(work) {
        return this.dataSource.transaction(work);
    }
    find(userId, manager = this.dataSource.manager) {
        return manager.getRepository(resident_profile_entity_1.ResidentProfileEntity).findOneBy({ userId });
    }
    /** The profile that was just written (inside the transaction that wrote it). */
    findOrFail(userId, manager) {
        return manager.getRepository(resident_profile_entity_1.ResidentProfileEntity).findOneByOrFail({ userId });
    }
    /** Only the encrypted ID number (the applicant facts need nothing else). */
    async findIdNumberEnc(userId, manager = this.dataSource.manager) {
        const profile = await manager
            .getRepository(resident_profile_entity_1.ResidentProfileEntity)
            .findOne({ where: { userId }, select: { idNumberEnc: true, userId: true } });
        return profile?.idNumberEnc ?? null;
    }
    /** `findIdNumberEnc` for several accounts in one statement (accounts without a profile are absent). */
    async findIdNumberEncs(userIds, manager = this.dataSource.manager) {
        const rows = (await manager.query(`SELECT user_id, id_number_enc FROM resident_profile WHERE user_id = ANY($1::uuid[])`, [userIds]));
        return new Map(rows.map((row) => [row.user_id, row.id_number_enc]));
    }
    /** The account whose profile carries this ID number (by its blind index), if any. */
    async ownerOfIdNumber(idNumberBidx, manager) {
        const owner = await manager
            .getRepository(resident_profile_entity_1.ResidentProfileEntity)
            .findOne({ where: { idNumberBidx }, select: { userId: true } });
        return owner?.userId ?? null;
    }
    /** The separate consent given with a save (kept per save: the consent history). */
    async insertConsent(consent, manager) {
        await manager.insert(consent_record_entity_1.ConsentRecordEntity, consent);
    }
    /** Creates or replaces the resident's profile (one per account). */
    async upsert(profile, manager) {
        await manager.upsert(resident_profile_entity_1.ResidentProfileEntity, profile, ['userId']);
    }
    /** The profile row, locked for the rest of the transaction (concurrent saves run one after the other). */
    async lock(userId, manager) {
        return manager
            .getRepository(resident_profile_entity_1.ResidentProfileEntity)
            .createQueryBuilder('p')
            .setLock('pessimistic_write')
            .where('p.userId = :userId', { userId })
            .getOne();
    }
    /** True when the resident has a claim past draft (see ID_NUMBER_OPEN_STATUSES). */
    async hasSubmittedClaim(userId, manager = this.dataSource.manager) {
        const rows = (await manager.query(`SELECT 1 FROM application WHERE applicant_id = $1 AND NOT (status = ANY($2::text[])) LIMIT 1`, [userId, [...exports.ID_NUMBER_OPEN_STATUSES]]));
        return rows.length > 0;
    }
    /** Flags the resident's claims still heading for a payout; returns how many were flagged. */
    async flagBankAccountChanged(userId, at, manager) {
        const rows = (await manager.query(`INSERT INTO application_flag (application_id, code, detail)
       SELECT id, $3, jsonb_build_object('changedAt', $4::text) FROM application
        WHERE applicant_id = $1 AND status = ANY($2::text[])
       ON CONFLICT (application_id, code) DO NOTHING
       RETURNING id`, [userId, [...exports.PAYOUT_PENDING_STATUSES], exports.BANK_ACCOUNT_CHANGED_FLAG, at.toISOString()]));
        return rows.length;
    }
    /**
     * An in-app notice plus its SMS, sent by the worker through the outbox (written in the caller's
     * transaction, so a rolled-back change sends nothing). `eventKey` makes a retried job send once.
     */
    async queueAccountNotice(userId, eventKey, kind, text, manager) {
        const [row] = (await manager.query(`INSERT INTO notification (user_id, event_key, kind, params, text_zh) VALUES ($1, $2, $3, '{}'::jsonb, $4) RETURNING id`, [userId, eventKey, kind, text]));
        await (0, outbox_service_1.writeOutbox)(manager, notifications_jobs_1.NOTIFY_ACCOUNT.job({ notificationId: row.id }));
    }
};
exports.ProfileRepository = ProfileRepository;
exports.ProfileRepository = ProfileRepository = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function])
], ProfileRepository);
//# sourceMappingURL=profile.repository.js.map