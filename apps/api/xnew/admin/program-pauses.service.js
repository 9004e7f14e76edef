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
exports.ProgramPausesService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@huanxin/shared");
const audit_service_1 = require("../audit/audit.service");
const clock_1 = require("../common/clock");
const domain_error_1 = require("../common/errors/domain-error");
const programs_cache_1 = require("../programs/programs.cache");
const programs_repository_1 = require("../programs/programs.repository");
const programs_service_1 = require("../programs/programs.service");
const HOUR_MS = 3_600_000;
/** How far back a pause "now" may be dated when the money is gone (the request's own travel time). */
const BACKDATE_SLACK_MS = 5 * 60_000;
/**
 * Program pauses (operations.md §8): announced with a bilingual notice at least 72 hours ahead
 * (at once when the money is gone), shown on the public pages from the moment of the announcement
 * (the programs cache's stamp includes the newest announcement, so every replica serves it within
 * a second), refusing new claims from `pausesAt` except purchases made before it within the grace
 * days (SubmissionChecks). Claims in flight keep their reservations: nothing is released here.
 */
let ProgramPausesService = class ProgramPausesService {
    constructor(dataSource, programs, audit, cache, clock) {
        this.dataSource = dataSource;
        this.programs = programs;
        this.audit = audit;
        this.cache = cache;
        this.clock = clock;
    }
    async announce(code, body, actor) {
        const program = await this.programs.findCurrentByCode(code);
        if (!program)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.PROGRAM_NOT_FOUND, `No program ${code}`);
        const now = this.clock.now();
        if (this.clock.today() > program.definition.closesOn)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.PROGRAM_CLOSED, 'The program has closed: there is nothing to pause');
        const requested = new Date(body.pausesAt);
        if (Number.isNaN(requested.getTime()))
            throw (0, domain_error_1.validationFailed)({ pausesAt: shared_1.FieldErrorCode.INVALID_DATE });
        const graceDays = body.graceDays ?? shared_1.DEFAULT_GRACE_DAYS;
        const pause = await this.dataSource.transaction(async (manager) => {
            // One announcement at a time per program: the budget row is the program's lock, and its
            // remaining money decides whether a short notice is allowed.
            const [budget] = (await manager.query(`SELECT remaining_fen FROM budget WHERE program_id = $1 FOR UPDATE`, [program.id]));
            const moneyGone = !budget || Number(budget.remaining_fen) <= 0;
            const current = (await this.programs.currentPauses(manager, program.id)).get(program.id);
            if (current && current.pausesAt.getTime() <= now.getTime()) {
                throw new domain_error_1.DomainError(shared_1.ErrorCode.PROGRAM_ALREADY_PAUSED, 'The program is already paused', {
                    extra: { pause: (0, programs_service_1.publicPause)(current) },
                });
            }
            let pausesAt = requested;
            if (!moneyGone && requested.getTime() < now.getTime() + shared_1.PAUSE_NOTICE_HOURS * HOUR_MS)
                throw (0, domain_error_1.validationFailed)({ pausesAt: shared_1.FieldErrorCode.NOTICE_TOO_SHORT }, `A pause needs ${shared_1.PAUSE_NOTICE_HOURS} hours' notice while the program has money`);
            if (moneyGone) {
                if (requested.getTime() < now.getTime() - BACKDATE_SLACK_MS)
                    throw (0, domain_error_1.validationFailed)({ pausesAt: shared_1.FieldErrorCode.OUT_OF_RANGE }, 'A pause cannot start in the past');
                if (requested.getTime() < now.getTime())
                    pausesAt = now;
            }
            const [row] = (await manager.query(`INSERT INTO program_pause (program_id, pauses_at, grace_days, notice_zh, notice_en, announced_at, announced_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, [program.id, pausesAt, graceDays, body.notice.zh, body.notice.en, now, actor.id]));
            const announced = {
                id: row.id,
                programId: program.id,
                pausesAt,
                graceDays,
                noticeZh: body.notice.zh,
                noticeEn: body.notice.en,
                announcedAt: now,
            };
            await this.audit.record({
                action: 'program.pause_announced',
                result: 'success',
                objectType: 'program',
                objectId: program.id,
                detail: {
                    code,
                    pauseId: announced.id,
                    pausesAt: pausesAt.toISOString(),
                    graceDays,
                    supersedes: current?.id ?? null,
                    moneyGone,
                },
            }, manager);
            return announced;
        });
        // This replica serves the notice at once; the others within a second (the stamp changed).
        this.cache.invalidate();
        return { programCode: code, ...(0, programs_service_1.publicPause)(pause) };
    }
};
exports.ProgramPausesService = ProgramPausesService;
exports.ProgramPausesService = ProgramPausesService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function, programs_repository_1.ProgramsRepository,
        audit_service_1.AuditService,
        programs_cache_1.ProgramsCache,
        clock_1.Clock])
], ProgramPausesService);
//# sourceMappingURL=program-pauses.service.js.map