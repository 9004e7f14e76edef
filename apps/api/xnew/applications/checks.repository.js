"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ChecksRepository = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const group_by_1 = require("../common/group-by");
/** Named queries of the automated checks: the fraud signals they read and the flags they raise. */
let ChecksRepository = class ChecksRepository {
    /**
     * For each claim: other applicants' claims carrying a document with the same content hash as one
     * of its own (claims without such a document are absent). One statement for the batch.
     */
    async applicationsSharingDocuments(manager, applicationIds) {
        const rows = await manager.query(`SELECT DISTINCT mine.application_id AS mine, other.application_id AS other
         FROM application_document mine
         JOIN application me ON me.id = mine.application_id
         JOIN application_document other ON other.sha256 = mine.sha256 AND other.application_id <> mine.application_id
         JOIN application a ON a.id = other.application_id
        WHERE mine.application_id = ANY($1::uuid[]) AND a.applicant_id <> me.applicant_id
        ORDER BY 1, 2`, [applicationIds]);
        return (0, group_by_1.groupBy)(rows, (row) => row.mine, (row) => row.other);
    }
    /** For each applicant: how many other residents gave the same bank account (absent: none). */
    async applicantsSharingBankAccount(manager, applicantIds) {
        const rows = (await manager.query(`SELECT mine.user_id AS applicant, count(*)::int AS count FROM resident_profile mine JOIN resident_profile other
          ON other.bank_account_bidx = mine.bank_account_bidx AND other.user_id <> mine.user_id
        WHERE mine.user_id = ANY($1::uuid[])
        GROUP BY mine.user_id`, [applicantIds]));
        return new Map(rows.map((row) => [row.applicant, row.count]));
    }
    /**
     * For each claim: other applicants who submitted from its device (address + browser) in the 24
     * hours before it (absent: none). Only earlier submissions count (same instant: the older claim
     * first), so the answer does not depend on when the job runs or which claims share its batch.
     */
    async earlierApplicantsOnDevice(manager, applicationIds) {
        const rows = (await manager.query(`SELECT mine.id, count(DISTINCT other.applicant_id)::int AS others FROM application mine JOIN application other
          ON other.submit_device = mine.submit_device AND other.applicant_id <> mine.applicant_id
         AND other.submitted_at >= mine.submitted_at - interval '24 hours'
         AND (other.submitted_at < mine.submitted_at OR (other.submitted_at = mine.submitted_at AND other.code < mine.code))
        WHERE mine.id = ANY($1::uuid[]) AND mine.submit_device IS NOT NULL
        GROUP BY mine.id`, [applicationIds]));
        return new Map(rows.map((row) => [row.id, row.others]));
    }
    /**
     * Raises the flags of a batch of claims in one statement, once per claim and code (a replayed
     * check adds nothing), and adds the weights of the newly raised ones to each claim's risk score
     * (shared `RISK_SIGNALS`).
     */
    async insertFlags(manager, raised) {
        const rows = raised.flatMap(({ applicationId, flags }) => flags.map((flag) => ({ applicationId, flag })));
        if (rows.length === 0)
            return;
        await manager.query(`WITH raised AS (
         INSERT INTO application_flag (application_id, code, detail, weight)
         SELECT application_id, code, detail::jsonb, weight
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[]) AS f(application_id, code, detail, weight)
         ON CONFLICT (application_id, code) DO NOTHING RETURNING application_id, weight)
       UPDATE application a SET risk_score = a.risk_score + r.weight
         FROM (SELECT application_id, sum(weight)::int AS weight FROM raised GROUP BY application_id) r
        WHERE a.id = r.application_id`, [
            rows.map((r) => r.applicationId),
            rows.map((r) => r.flag.code),
            rows.map((r) => JSON.stringify(r.flag.detail)),
            rows.map((r) => (0, shared_1.riskWeight)(r.flag.code)),
        ]);
    }
};
exports.ChecksRepository = ChecksRepository;
exports.ChecksRepository = ChecksRepository = __decorate([
    (0, common_1.Injectable)()
], ChecksRepository);
//# sourceMappingURL=checks.repository.js.map