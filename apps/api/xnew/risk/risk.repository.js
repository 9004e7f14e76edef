"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RiskRepository = void 0;
const common_1 = require("@nestjs/common");
const group_by_1 = require("../common/group-by");
/** Claims that still count: submitted or further, not released. */
const LIVE = `a.status NOT IN ('draft', 'rejected', 'withdrawn', 'expired', 'cancelled')`;
/**
 * A batch of claims in check order, and the condition that another claim's key counts for claim
 * `b`: the other claim is not in the batch, or comes before `b` in it (as if each claim of the
 * batch had been checked alone in turn: a later one had not recorded its keys yet).
 */
const BATCH = `batch AS (SELECT * FROM unnest($1::uuid[]) WITH ORDINALITY AS b(id, pos))`;
const NOT_LATER = `NOT EXISTS (SELECT 1 FROM batch later WHERE later.id = other.application_id AND later.pos > b.pos)`;
/**
 * Named queries of the risk rules, each for a batch of claims in one statement (`= ANY`). Each
 * reads through an index: `risk_key (application_id, name)` for the claims' keys, `risk_key
 * (name, value)` for the other claims holding one, `application_document (application_id)` for
 * their uploads.
 */
let RiskRepository = class RiskRepository {
    /**
     * Records each claim's keys (a resubmission's changed value replaces the old one; a name no
     * longer given is removed). One round trip for the batch: the DELETE touches only (claim, name)
     * pairs not in the list, the upsert only pairs in it, so the two never meet. A name given twice
     * for a claim keeps its last value, as a loop of upserts would.
     */
    async recordKeys(manager, claims) {
        const rows = claims.flatMap(({ applicationId, keys }) => [...new Map(keys.map((key) => [key.name, key.value]))].map(([name, value]) => ({
            applicationId,
            name,
            value,
        })));
        await manager.query(`WITH given AS (SELECT * FROM unnest($2::uuid[], $3::text[], $4::text[]) AS k(application_id, name, value)),
       gone AS (
         DELETE FROM risk_key r WHERE r.application_id = ANY($1::uuid[])
            AND NOT EXISTS (SELECT 1 FROM given g WHERE g.application_id = r.application_id AND g.name = r.name))
       INSERT INTO risk_key (application_id, name, value)
       SELECT application_id, name, value FROM given
       ON CONFLICT (application_id, name) DO UPDATE SET value = EXCLUDED.value`, [
            claims.map((c) => c.applicationId),
            rows.map((r) => r.applicationId),
            rows.map((r) => r.name),
            rows.map((r) => r.value),
        ]);
    }
    /**
     * For each claim (batch in check order): other live claims naming its old vehicle (key
     * `oldVin`), with their declarations, by code.
     */
    async otherDeclarationsOfOldVehicle(manager, applicationIds) {
        const rows = (await manager.query(`WITH ${BATCH}
       SELECT b.id AS mine, a.code, a.facts #>> '{oldVehicle,vehicleType}' AS vehicle_type, a.facts #>> '{oldVehicle,usage}' AS usage
         FROM batch b
         JOIN risk_key mine ON mine.application_id = b.id AND mine.name = 'oldVin'
         JOIN risk_key other ON other.name = mine.name AND other.value = mine.value AND other.application_id <> mine.application_id
         JOIN application a ON a.id = other.application_id
        WHERE ${LIVE} AND ${NOT_LATER}
        ORDER BY b.pos, a.code`, [applicationIds]));
        return (0, group_by_1.groupBy)(rows, (row) => row.mine, (row) => ({
            code: row.code,
            vehicleType: row.vehicle_type,
            usage: row.usage,
        }));
    }
    /**
     * For each claim (batch in check order): its keys (VIN, certificate, invoice, serial / IMEI,
     * property certificate) that a live claim of ANOTHER person also holds. Another person: a
     * different account and a different ID number (stacking programs legitimately share a key for
     * one person).
     */
    async keysSharedWithOtherPeople(manager, applicationIds) {
        const rows = (await manager.query(`WITH ${BATCH}
       SELECT b.id AS mine, mine.name AS key, a.code, p.code AS program_code
         FROM batch b
         JOIN risk_key mine ON mine.application_id = b.id
         JOIN application me ON me.id = mine.application_id
         JOIN risk_key other ON other.name = mine.name AND other.value = mine.value AND other.application_id <> mine.application_id
         JOIN application a ON a.id = other.application_id
         JOIN program p ON p.id = a.program_id
        WHERE ${LIVE} AND ${NOT_LATER}
          AND a.applicant_id <> me.applicant_id
          AND a.id_number_bidx IS DISTINCT FROM me.id_number_bidx
        ORDER BY b.pos, mine.name, a.code`, [applicationIds]));
        return (0, group_by_1.groupBy)(rows, (row) => row.mine, (row) => ({
            key: row.key,
            code: row.code,
            programCode: row.program_code,
        }));
    }
    /** For each claim: when its first document was uploaded (absent without documents). */
    async firstUploadAt(manager, applicationIds) {
        const rows = (await manager.query(`SELECT application_id AS id, min(created_at) AS first FROM application_document
        WHERE application_id = ANY($1::uuid[]) GROUP BY application_id`, [applicationIds]));
        return new Map(rows.map((row) => [row.id, row.first]));
    }
};
exports.RiskRepository = RiskRepository;
exports.RiskRepository = RiskRepository = __decorate([
    (0, common_1.Injectable)()
], RiskRepository);
//# sourceMappingURL=risk.repository.js.map