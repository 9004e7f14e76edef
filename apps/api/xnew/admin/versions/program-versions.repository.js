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
exports.ProgramVersionsRepository = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const sql_1 = require("../../database/sql");
const SUMMARY_COLUMNS = `v.id, v.program_id, v.version, v.status, to_char(v.effective_on, 'YYYY-MM-DD') AS effective_on,
  v.document_no, v.note, v.created_by, v.published_by, v.based_on_version, v.created_at, v.published_at,
  (SELECT coalesce(u.username, u.display_name) FROM user_account u WHERE u.id = v.created_by) AS created_by_name,
  (SELECT coalesce(u.username, u.display_name) FROM user_account u WHERE u.id = v.published_by) AS published_by_name`;
/**
 * Named queries on program versions, drafts included (the admin side; ProgramsRepository serves
 * only the current published versions). A published row is never updated: the only UPDATE here
 * turns a draft into a published version, once (the table's trigger refuses anything else).
 */
let ProgramVersionsRepository = class ProgramVersionsRepository {
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    /** The program's id by code, or null. */
    async programIdByCode(code, manager = this.dataSource.manager) {
        const [row] = (await manager.query(`SELECT id FROM program WHERE code = $1`, [code]));
        return row?.id ?? null;
    }
    /** Every version of a program, drafts included, newest number first. */
    async list(programId, manager = this.dataSource.manager) {
        const rows = (await manager.query(`SELECT ${SUMMARY_COLUMNS} FROM program_version v WHERE v.program_id = $1 ORDER BY v.version DESC`, [programId]));
        return rows.map(fromRaw);
    }
    /** One version with its definition (draft or published), by program and number. */
    async find(programId, version, manager = this.dataSource.manager) {
        const [row] = (await manager.query(`SELECT ${SUMMARY_COLUMNS}, v.definition FROM program_version v WHERE v.program_id = $1 AND v.version = $2`, [programId, version]));
        return row ? fromRaw(row) : null;
    }
    /** One version with its definition by id. */
    async findById(id, manager = this.dataSource.manager) {
        const [row] = (await manager.query(`SELECT ${SUMMARY_COLUMNS}, v.definition FROM program_version v WHERE v.id = $1`, [id]));
        return row ? fromRaw(row) : null;
    }
    /**
     * Locks the program row for the rest of the transaction: drafts get their numbers and publishes
     * their stale check one at a time per program (two admins publishing at once: one waits, then
     * finds the other's version and is refused STALE_DRAFT).
     */
    async lockProgram(manager, programId) {
        const [row] = (await manager.query(`SELECT id, code, kind, current_version_id FROM program WHERE id = $1 FOR UPDATE`, [programId]));
        if (!row)
            throw new Error(`program ${programId} not found`);
        return { id: row.id, code: row.code, kind: row.kind, currentVersionId: row.current_version_id };
    }
    /** A new program row (no version yet), or null when the code is taken. */
    async insertProgram(manager, program) {
        const rows = (await manager.query(`INSERT INTO program (code, kind, title_zh, title_en) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO NOTHING RETURNING id`, [program.code, program.kind, program.titleZh, program.titleEn]));
        return rows[0]?.id ?? null;
    }
    /** Inserts a draft with the program's next number (call under `lockProgram`). */
    async insertDraft(manager, draft) {
        const [next] = (await manager.query(`SELECT coalesce(max(version), 0) + 1 AS version FROM program_version WHERE program_id = $1`, [draft.programId]));
        const version = next.version;
        const definition = { ...draft.definition, version };
        const [row] = (await manager.query(`INSERT INTO program_version (program_id, version, definition, opens_on, closes_on, status, effective_on,
         document_no, note, created_by, based_on_version)
       VALUES ($1, $2, $3::jsonb, $4, $5, 'draft', $6, $7, $8, $9, $10) RETURNING id`, [
            draft.programId,
            version,
            JSON.stringify(definition),
            definition.opensOn,
            definition.closesOn,
            draft.effectiveOn,
            draft.documentNo,
            draft.note,
            draft.createdBy,
            draft.basedOnVersion,
        ]));
        return { id: row.id, version };
    }
    /** Turns a draft into a published version (once: false when it is not a draft any more). */
    async markPublished(manager, versionId, publishedBy) {
        // `returning`: for an UPDATE … RETURNING the pg driver answers [rows, count], not the rows.
        const rows = await (0, sql_1.returning)(manager, `UPDATE program_version SET status = 'published', published_by = $2, published_at = now()
        WHERE id = $1 AND status = 'draft' RETURNING id`, [versionId, publishedBy]);
        return rows.length === 1;
    }
    /**
     * Points the program at a version in effect now (ProgramsRepository searches from the pointer),
     * with the version's titles.
     */
    async pointAt(manager, programId, versionId) {
        await manager.query(`UPDATE program p SET current_version_id = v.id, title_zh = v.definition->'title'->>'zh',
              title_en = v.definition->'title'->>'en', updated_at = now()
         FROM program_version v WHERE p.id = $1 AND v.id = $2 AND v.program_id = p.id AND v.status = 'published'`, [programId, versionId]);
    }
    /** The codes among `codes` that name no program. */
    async unknownCodes(codes, manager = this.dataSource.manager) {
        if (codes.length === 0)
            return [];
        const rows = (await manager.query(`SELECT code FROM program WHERE code = ANY($1)`, [codes]));
        const known = new Set(rows.map((row) => row.code));
        return codes.filter((code) => !known.has(code));
    }
    /** The highest published version number of a program (whatever its date), or null. */
    async latestPublishedNumber(programId, manager = this.dataSource.manager) {
        const [row] = (await manager.query(`SELECT max(version) AS version FROM program_version WHERE program_id = $1 AND status = 'published'`, [programId]));
        return row?.version ?? null;
    }
};
exports.ProgramVersionsRepository = ProgramVersionsRepository;
exports.ProgramVersionsRepository = ProgramVersionsRepository = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function])
], ProgramVersionsRepository);
function fromRaw(row) {
    const summary = {
        id: row.id,
        programId: row.program_id,
        version: row.version,
        status: row.status,
        effectiveOn: row.effective_on,
        documentNo: row.document_no,
        note: row.note,
        createdBy: row.created_by,
        publishedBy: row.published_by,
        createdByName: row.created_by_name,
        publishedByName: row.published_by_name,
        basedOnVersion: row.based_on_version,
        createdAt: row.created_at,
        publishedAt: row.published_at,
    };
    return row.definition === undefined ? summary : { ...summary, definition: row.definition };
}
//# sourceMappingURL=program-versions.repository.js.map