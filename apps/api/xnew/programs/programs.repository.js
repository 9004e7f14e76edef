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
exports.ProgramsRepository = void 0;
exports.versionStamp = versionStamp;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const clock_1 = require("../common/clock");
/**
 * The current version of each program, as a SQL fragment over `program p` with today's date as
 * `$1`: the newest published version whose `effective_on` has come (operations.md §10). The
 * pointer `program.current_version_id` is where that search starts — the publish transaction
 * moves it to a version in effect at once, and a version published with a later date takes over
 * from it on its date without any write (so every replica and the engine switch at the same
 * moment, by the Clock). A program with no version in effect yet (a new program whose first
 * version is a draft or dated later) has no current version and is not listed. Drafts are never
 * current.
 */
const CURRENT_VERSION_ID = `coalesce(
  (SELECT due.id FROM program_version due
    WHERE due.program_id = p.id AND due.status = 'published' AND due.effective_on <= $1::date
      AND due.version > coalesce((SELECT pv.version FROM program_version pv WHERE pv.id = p.current_version_id), 0)
    ORDER BY due.version DESC LIMIT 1),
  p.current_version_id)`;
/** Named program queries; query builders stay in here. */
let ProgramsRepository = class ProgramsRepository {
    constructor(dataSource, clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        /**
         * Versions are immutable, so one definition object per version id is kept: the eligibility
         * engine compiles a definition once per object, and this keeps that cache warm across requests.
         */
        this.definitions = new Map();
    }
    /** Every program with its current version, ordered by window then code. */
    async listCurrent() {
        const rows = (await this.dataSource.query(`${CURRENT_SELECT} ORDER BY v.opens_on DESC, p.code ASC`, [
            this.clock.today(),
        ]));
        return rows.map((row) => this.fromRaw(row));
    }
    async findCurrentByCode(code, manager = this.dataSource.manager) {
        const [row] = (await manager.query(`${CURRENT_SELECT} WHERE p.code = $2`, [
            this.clock.today(),
            code,
        ]));
        return row ? this.fromRaw(row) : null;
    }
    /**
     * Which version each program publishes and its newest pause announcement, as one string
     * (`id:versionId:pauseId,…`, by program id): a cheap stamp (no definitions read) that changes when
     * a program is added, a new version published or comes into effect, or a pause announced — so every replica, polling
     * it, sees another replica's announcement within a second (ProgramsCache).
     */
    async currentVersionStamp() {
        const rows = (await this.dataSource.query(`SELECT * FROM (SELECT p.id, ${CURRENT_VERSION_ID} AS version_id,
              (SELECT pp.id FROM program_pause pp WHERE pp.program_id = p.id
                ORDER BY pp.announced_at DESC, pp.id DESC LIMIT 1) AS pause_id
         FROM program p) current WHERE version_id IS NOT NULL`, [this.clock.today()]));
        return versionStamp(rows.map((row) => ({ id: row.id, versionId: row.version_id })), new Map(rows.filter((row) => row.pause_id).map((row) => [row.id, { id: row.pause_id }])));
    }
    /** Each program's newest pause announcement (the one in force), by program id. */
    async currentPauses(manager = this.dataSource.manager, programId = null) {
        const rows = (await manager.query(`SELECT DISTINCT ON (program_id) id, program_id, pauses_at, grace_days, notice_zh, notice_en, announced_at
         FROM program_pause WHERE ($1::uuid IS NULL OR program_id = $1)
        ORDER BY program_id, announced_at DESC, id DESC`, [programId]));
        return new Map(rows.map((row) => [
            row.program_id,
            {
                id: row.id,
                programId: row.program_id,
                pausesAt: row.pauses_at,
                graceDays: row.grace_days,
                noticeZh: row.notice_zh,
                noticeEn: row.notice_en,
                announcedAt: row.announced_at,
            },
        ]));
    }
    /** A version's definition (immutable, so cached per process). */
    async definitionByVersionId(versionId, manager = this.dataSource.manager) {
        const cached = this.definitions.get(versionId);
        if (cached)
            return cached;
        const [row] = (await manager.query(`SELECT definition FROM program_version WHERE id = $1`, [
            versionId,
        ]));
        if (!row)
            throw new Error(`program version ${versionId} not found`);
        this.definitions.set(versionId, row.definition);
        return row.definition;
    }
    fromRaw(row) {
        let definition = this.definitions.get(row.version_id);
        if (!definition) {
            definition = row.definition;
            this.definitions.set(row.version_id, definition);
        }
        return { id: row.id, code: row.code, versionId: row.version_id, version: row.version, definition };
    }
};
exports.ProgramsRepository = ProgramsRepository;
exports.ProgramsRepository = ProgramsRepository = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function, clock_1.Clock])
], ProgramsRepository);
/** The stamp of a set of programs and their pauses (see `currentVersionStamp`). */
function versionStamp(programs, pauses = new Map()) {
    return programs
        .map((program) => `${program.id}:${program.versionId}:${pauses.get(program.id)?.id ?? ''}`)
        .sort()
        .join(',');
}
const CURRENT_SELECT = `SELECT p.id, p.code, v.id AS version_id, v.version, v.definition
  FROM program p JOIN program_version v ON v.id = ${CURRENT_VERSION_ID}`;
//# sourceMappingURL=programs.repository.js.map