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
exports.UsersRepository = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@huanxin/shared");
const typeorm_2 = require("typeorm");
const sql_1 = require("../database/sql");
const organization_entity_1 = require("./organization.entity");
const user_entity_1 = require("./user.entity");
/** Named account queries. */
let UsersRepository = class UsersRepository {
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    transaction(work) {
        return this.dataSource.transaction(work);
    }
    findById(id) {
        return this.dataSource.getRepository(user_entity_1.UserEntity).findOneBy({ id });
    }
    findByUsername(username) {
        return this.dataSource.getRepository(user_entity_1.UserEntity).findOneBy({ username });
    }
    findResidentByPhoneIndex(phoneBidx) {
        return this.dataSource.getRepository(user_entity_1.UserEntity).findOneBy({ phoneBidx, role: 'resident' });
    }
    /** Creates the resident for a verified phone, or returns the existing one (race-safe). */
    async findOrCreateResident(phoneBidx, phoneEnc, displayName) {
        await this.dataSource
            .createQueryBuilder()
            .insert()
            .into(user_entity_1.UserEntity)
            .values({ role: 'resident', phoneBidx, phoneEnc, displayName })
            .orIgnore()
            .execute();
        return (await this.findResidentByPhoneIndex(phoneBidx));
    }
    /**
     * A new staff or dealer account, or null when the username is taken (`ON CONFLICT DO NOTHING`:
     * two admins creating one name at once get one account and one refusal, never a 500).
     */
    async insertAccount(account, manager = this.dataSource.manager) {
        const inserted = await manager
            .createQueryBuilder()
            .insert()
            .into(user_entity_1.UserEntity)
            .values(account)
            .orIgnore()
            .returning(['id'])
            .execute();
        const id = inserted.raw[0]?.id;
        return id ? manager.getRepository(user_entity_1.UserEntity).findOneByOrFail({ id }) : null;
    }
    /** An admin's change to an account (name, disabled, lock, credentials, pending activation). */
    async updateAccount(id, changes, manager = this.dataSource.manager) {
        await manager.getRepository(user_entity_1.UserEntity).update({ id }, changes);
    }
    /** Staff and dealer accounts (admins never list residents: they hold personal data). */
    listAccounts() {
        return this.dataSource.getRepository(user_entity_1.UserEntity).find({
            where: { role: (0, typeorm_2.In)(['dealer', ...shared_1.STAFF_ROLES]) },
            order: { createdAt: 'ASC' },
        });
    }
    /**
     * Staff lock-out, decided before the password is compared: every attempt takes a numbered slot
     * (`failed_logins + 1`) in one UPDATE, so concurrent attempts are ordered by the row lock. Only
     * slots 1…lockAfter on an unlocked account are checked; a later slot locks the account (if the
     * 5th failure has not already) and is refused unchecked. An expired lock starts a new count at 1.
     * A success resets the count (`recordStaffLoginSuccess`); a correct password that stops short of
     * a session (second factor missing or to enrol) gives its slot back (`refundLoginAttempt`).
     */
    async reserveLoginAttempt(id, now, lockAfter, lockUntil) {
        const rows = await (0, sql_1.returning)(this.dataSource, `UPDATE user_account
          SET failed_logins = CASE WHEN locked_until <= $2 THEN 1 ELSE failed_logins + 1 END,
              locked_until = CASE
                WHEN locked_until <= $2 THEN NULL
                WHEN locked_until IS NULL AND failed_logins + 1 > $3 THEN $4::timestamptz
                ELSE locked_until END
        WHERE id = $1
        RETURNING failed_logins AS attempt, locked_until > $2 AS locked`, [id, now, lockAfter, lockUntil]);
        const row = rows[0];
        if (!row)
            return { attempt: 0, checked: false };
        // A slot that set the lock itself is refused too (`locked` is read after the update).
        return { attempt: row.attempt, checked: row.attempt <= lockAfter && row.locked !== true };
    }
    /** A checked attempt failed: lock once `lockAfter` attempts are counted. True when this locked it. */
    async confirmLoginFailure(id, lockAfter, lockUntil) {
        const rows = await (0, sql_1.returning)(this.dataSource, `UPDATE user_account SET locked_until = $3::timestamptz
        WHERE id = $1 AND locked_until IS NULL AND failed_logins >= $2
        RETURNING id`, [id, lockAfter, lockUntil]);
        return { locked: rows.length === 1 };
    }
    /** Gives back the slot of a correct password that did not finish signing in; false when locked meanwhile. */
    async refundLoginAttempt(id, now) {
        const rows = await (0, sql_1.returning)(this.dataSource, `UPDATE user_account SET failed_logins = GREATEST(failed_logins - 1, 0)
        WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $2)
        RETURNING id`, [id, now]);
        return rows.length === 1;
    }
    /**
     * A staff sign-in completes only if the account is not locked at this moment: a correct password
     * whose check raced the 5th failure of a burst is refused here, after the comparison.
     */
    async recordStaffLoginSuccess(id, at, totpStep) {
        const rows = await (0, sql_1.returning)(this.dataSource, `UPDATE user_account
          SET failed_logins = 0, locked_until = NULL, last_login_at = $2,
              totp_last_step = COALESCE($3::bigint, totp_last_step), updated_at = now()
        WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $2)
        RETURNING id`, [id, at, totpStep ?? null]);
        return rows.length === 1;
    }
    async recordLoginSuccess(id, at, totpStep) {
        await this.dataSource.getRepository(user_entity_1.UserEntity).update({ id }, {
            failedLogins: 0,
            lockedUntil: null,
            lastLoginAt: at,
            ...(totpStep !== undefined && { totpLastStep: String(totpStep) }),
        });
    }
    /** Accepts a TOTP step only once (compare-and-set), so a code cannot be replayed. */
    async claimTotpStep(id, step) {
        const rows = await (0, sql_1.returning)(this.dataSource, `UPDATE user_account SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`, [id, step]);
        return rows.length === 1;
    }
    /**
     * Enrols a second factor only where none is enrolled, so a leftover enrolment token cannot replace
     * a working factor. False when the account already has one.
     */
    async enrolTotpSecret(id, secretEnc, step) {
        const rows = await (0, sql_1.returning)(this.dataSource, `UPDATE user_account SET totp_secret_enc = $2, totp_last_step = $3, updated_at = now()
        WHERE id = $1 AND totp_secret_enc IS NULL
        RETURNING id`, [id, secretEnc, step]);
        return rows.length === 1;
    }
    /**
     * Clears a pending activation, only by an admin other than the one who made the change
     * (two-person rule). False when not pending or when `by` is that same admin.
     */
    async activate(id, by, manager = this.dataSource.manager) {
        const rows = await (0, sql_1.returning)(manager, `UPDATE user_account SET pending_activation_by = NULL, updated_at = now()
        WHERE id = $1 AND pending_activation_by IS NOT NULL AND pending_activation_by <> $2
        RETURNING id`, [id, by]);
        return rows.length === 1;
    }
    /** Staff accounts idle since `before` are disabled; returns their ids. */
    async disableStaffIdleSince(before, at, manager = this.dataSource.manager) {
        const rows = await (0, sql_1.returning)(manager, `UPDATE user_account SET disabled_at = $2
        WHERE role = ANY($3::text[]) AND disabled_at IS NULL AND coalesce(last_login_at, created_at) < $1
        RETURNING id`, [before, at, [...shared_1.STAFF_ROLES]]);
        return rows.map((row) => row.id);
    }
    findOrganization(id) {
        return this.dataSource.getRepository(organization_entity_1.OrganizationEntity).findOneBy({ id });
    }
    /**
     * Credit codes of the active dealer organisations (the `participatingDealers` of the rules): a
     * pending registration, a suspended or a disqualified organisation does not participate.
     */
    async participatingUsccs(manager = this.dataSource.manager) {
        const rows = await manager
            .getRepository(organization_entity_1.OrganizationEntity)
            .find({ select: { uscc: true }, where: { status: 'active' } });
        return rows.map((row) => row.uscc);
    }
    /** A new organisation, or null when one with this credit code exists (race-safe, like insertAccount). */
    async insertOrganization(organization, manager = this.dataSource.manager) {
        const inserted = await manager
            .createQueryBuilder()
            .insert()
            .into(organization_entity_1.OrganizationEntity)
            .values(organization)
            .orIgnore()
            .returning(['id'])
            .execute();
        const id = inserted.raw[0]?.id;
        return id ? manager.getRepository(organization_entity_1.OrganizationEntity).findOneByOrFail({ id }) : null;
    }
};
exports.UsersRepository = UsersRepository;
exports.UsersRepository = UsersRepository = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function])
], UsersRepository);
//# sourceMappingURL=users.repository.js.map