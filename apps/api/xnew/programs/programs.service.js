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
exports.ProgramsService = void 0;
exports.publicPause = publicPause;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const clock_1 = require("../common/clock");
const server_evaluator_1 = require("../eligibility/server-evaluator");
const domain_error_1 = require("../common/errors/domain-error");
const programs_cache_1 = require("./programs.cache");
const DAY_MS = 86_400_000;
/** Asia/Shanghai is UTC+8 all year (no daylight saving): its days start at 16:00 UTC. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const EMPTY_BUDGET = {
    totalFen: 0,
    reservedFen: 0,
    committedFen: 0,
    paidFen: 0,
    remainingFen: 0,
};
/**
 * The public program pages. Everything here is answered from `ProgramsCache` (definitions in
 * memory, budget figures at most ~1 s old); the writes that must see the exact figures (submit,
 * the admin budget change) read the database themselves.
 */
let ProgramsService = class ProgramsService {
    constructor(cache, clock, evaluator) {
        this.cache = cache;
        this.clock = clock;
        this.evaluator = evaluator;
        /** The Shanghai day `today` names, as [start, end) in epoch ms: the date is formatted once a day. */
        this.day = { start: 0, end: 0, today: '' };
    }
    async list() {
        return this.summaries(await this.cache.snapshot(), this.today());
    }
    /**
     * `GET /api/programs` as bytes: serialized once per cache snapshot (at most one a second) and
     * per day (the statuses follow the date), not once per request. The ETag is a hash of the bytes,
     * so every replica gives the same figures the same tag and a browser's `If-None-Match` gets a 304.
     */
    async listBody() {
        const snapshot = await this.cache.snapshot();
        const today = this.today();
        const built = this.built;
        if (built && built.snapshot === snapshot && built.today === today)
            return built.list;
        const body = Buffer.from(JSON.stringify(this.summaries(snapshot, today)));
        const etag = `"${(0, node_crypto_1.createHash)('sha256').update(body).digest('base64url').slice(0, 27)}"`;
        const list = built && built.list.etag === etag ? built.list : { body, etag };
        this.built = { snapshot, today, list };
        return list;
    }
    async detail(code) {
        const { byCode, budgets, pauses } = await this.cache.snapshot();
        const program = byCode.get(code);
        if (!program)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.PROGRAM_NOT_FOUND, `No program ${code}`);
        const { definition } = program;
        return {
            ...this.summary(program, budgets.get(program.id) ?? EMPTY_BUDGET, this.today(), pauses.get(program.id)),
            version: program.version,
            clauses: definition.clauses.map(({ id, title, citation, provenance }) => ({
                id,
                title,
                citation,
                provenance,
            })),
            documents: definition.documents,
            factFields: definition.factFields,
            definition,
        };
    }
    /**
     * Evaluates facts against the current rules. For an anonymous caller history-based clauses stay
     * `unknown`; for a signed-in resident the server adds their birth date (from the verified ID
     * number) and their claim history.
     */
    async checkEligibility(code, facts, asOf, caller) {
        const { definition } = await this.current(code);
        if (asOf !== undefined && !(0, shared_1.isIsoDate)(asOf))
            throw (0, domain_error_1.validationFailed)({ asOf: shared_1.FieldErrorCode.INVALID_DATE });
        const checked = (0, shared_1.validateFacts)(definition, facts);
        if (!checked.ok) {
            throw (0, domain_error_1.validationFailed)(Object.fromEntries(Object.entries(checked.fields).map(([path, fieldCode]) => [`facts.${path}`, fieldCode])));
        }
        return this.evaluator.evaluate(definition, checked.normalized, {
            ...(asOf !== undefined && { asOf }),
            ...(caller?.role === 'resident' && { applicantId: caller.id }),
        });
    }
    summaries({ programs, budgets, pauses }, today) {
        return programs.map((program) => this.summary(program, budgets.get(program.id) ?? EMPTY_BUDGET, today, pauses.get(program.id)));
    }
    /** `clock.today()` without formatting a date on every request (Intl is slow on a hot path). */
    today() {
        const now = this.clock.now().getTime();
        const day = this.day;
        if (now >= day.start && now < day.end)
            return day.today;
        const start = Math.floor((now + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
        this.day = { start, end: start + DAY_MS, today: (0, clock_1.shanghaiDate)(new Date(now)) };
        return this.day.today;
    }
    async current(code) {
        const program = (await this.cache.snapshot()).byCode.get(code);
        if (!program)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.PROGRAM_NOT_FOUND, `No program ${code}`);
        return program;
    }
    summary(program, budget, today, pause) {
        const { definition } = program;
        return {
            code: program.code,
            title: definition.title,
            kind: definition.kind,
            status: (0, shared_1.programStatus)(definition, budget, today),
            opensOn: definition.opensOn,
            closesOn: definition.closesOn,
            budget,
            // Static data only (no "in effect yet" flag): the pre-serialized list stays valid across
            // the pause's own instant; clients compare `pausesAt` with their clock.
            ...(pause && { pause: publicPause(pause) }),
        };
    }
};
exports.ProgramsService = ProgramsService;
exports.ProgramsService = ProgramsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [programs_cache_1.ProgramsCache,
        clock_1.Clock,
        server_evaluator_1.ServerEvaluator])
], ProgramsService);
/** A pause announcement as the public pages show it. */
function publicPause(pause) {
    return {
        pausesAt: pause.pausesAt.toISOString(),
        graceDays: pause.graceDays,
        graceUntil: (0, shared_1.graceUntil)(pause.pausesAt, pause.graceDays).toISOString(),
        notice: { zh: pause.noticeZh, en: pause.noticeEn },
        announcedAt: pause.announcedAt.toISOString(),
    };
}
//# sourceMappingURL=programs.service.js.map