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
exports.ServerEvaluator = void 0;
exports.readPath = readPath;
exports.claimKeysOf = claimKeysOf;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@huanxin/shared");
const clock_1 = require("../common/clock");
const applicant_facts_service_1 = require("../profile/applicant-facts.service");
const users_repository_1 = require("../users/users.repository");
const history_repository_1 = require("./history.repository");
function readPath(facts, path) {
    return path
        .split('.')
        .reduce((node, part) => node && typeof node === 'object' ? node[part] : undefined, facts);
}
/** The claim keys of a claim's facts, as the definition names them. */
function claimKeysOf(definition, facts) {
    return definition.claimKeys.flatMap((key) => {
        const value = readPath(facts, key.path);
        return typeof value === 'string' && value.length > 0
            ? [{ name: key.name, value, unique: key.unique }]
            : [];
    });
}
function toHistoryEntry(row) {
    const { definition, facts } = row;
    const keys = {};
    for (const key of claimKeysOf(definition, facts))
        keys[key.name] = key.value;
    // A voucher's row has no facts: its category is the voucher's.
    const category = row.voucher_category ??
        (definition.historyFields?.category ? readPath(facts, definition.historyFields.category) : undefined);
    const type = definition.historyFields?.type ? readPath(facts, definition.historyFields.type) : undefined;
    return {
        claimId: row.id,
        programCode: definition.code,
        programKind: definition.kind,
        status: row.status,
        year: Number(definition.opensOn.slice(0, 4)),
        amountFen: Number(row.reserved_fen),
        ...(typeof category === 'string' && { category }),
        ...(typeof type === 'string' && { type }),
        keys,
        sameApplicant: row.same_applicant,
    };
}
/**
 * Evaluates claims on the server with everything the browser cannot know: today's date (Asia/
 * Shanghai) unless given, the applicant's claim history, their birth date from the verified ID
 * number, and the registered dealers. Used by the public eligibility route and by applications.
 */
let ServerEvaluator = class ServerEvaluator {
    constructor(dataSource, applicants, organizations, claimHistory, clock) {
        this.dataSource = dataSource;
        this.applicants = applicants;
        this.organizations = organizations;
        this.claimHistory = claimHistory;
        this.clock = clock;
    }
    /**
     * `applicantId` undefined = anonymous: history-based clauses stay `unknown`. Inside a transaction
     * pass its manager: every read then goes through that connection (taking a second one from the
     * pool while holding the first deadlocks the pool under load).
     */
    async evaluate(definition, facts, options = {}) {
        const manager = options.manager ?? this.dataSource.manager;
        const context = {
            asOf: options.asOf ?? this.clock.today(),
            participatingDealers: await this.organizations.participatingUsccs(manager),
        };
        if (options.applicantId) {
            const keys = claimKeysOf(definition, facts).map(({ name, value }) => ({ name, value }));
            context.history = await this.history(options.applicantId, options.excludeId ?? null, keys, manager);
            context.applicant = await this.applicants.applicantFacts(options.applicantId, manager);
        }
        return (0, shared_1.evaluateEligibility)(definition, facts, context);
    }
    /**
     * `evaluate` for several claims of known applicants at once (the check job's batch), in four
     * statements whatever their number: the registered dealers, every claim's history (one LATERAL
     * query), every applicant's facts. Answers the results in the same order. A claim's `asOf` (the
     * date it is judged at, e.g. its submission date when a what-if re-evaluates it) defaults to today.
     */
    async evaluateMany(claims, manager = this.dataSource.manager) {
        const asOf = this.clock.today();
        const participatingDealers = await this.organizations.participatingUsccs(manager);
        const histories = await this.claimHistory.countingClaimsMany(manager, claims.map(({ definition, facts, applicantId, excludeId }) => ({
            applicantId,
            excludeId,
            keys: claimKeysOf(definition, facts).map(({ name, value }) => ({ name, value })),
        })));
        const applicants = await this.applicants.applicantFactsMany([...new Set(claims.map((claim) => claim.applicantId))], manager);
        return claims.map(({ definition, facts, applicantId, asOf: claimAsOf }, i) => (0, shared_1.evaluateEligibility)(definition, facts, {
            asOf: claimAsOf ?? asOf,
            participatingDealers,
            history: histories[i].map(toHistoryEntry),
            applicant: applicants.get(applicantId),
        }));
    }
    /**
     * The applicant's other counting claims (as a person, across accounts), plus other people's
     * counting claims that share one of `keys`, for the eligibility engine.
     */
    async history(applicantId, excludeId, keys, manager) {
        const rows = await this.claimHistory.countingClaims(manager, { applicantId, excludeId, keys });
        return rows.map(toHistoryEntry);
    }
};
exports.ServerEvaluator = ServerEvaluator;
exports.ServerEvaluator = ServerEvaluator = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function, applicant_facts_service_1.ApplicantFactsService,
        users_repository_1.UsersRepository,
        history_repository_1.HistoryRepository,
        clock_1.Clock])
], ServerEvaluator);
//# sourceMappingURL=server-evaluator.js.map