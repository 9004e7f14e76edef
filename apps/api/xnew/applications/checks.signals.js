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
exports.CheckSignals = exports.CHECK_SIGNALS = exports.rulesRecheck = exports.identifierWarning = exports.sameDevicePattern = exports.sharedBankAccount = exports.duplicateDocument = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@huanxin/shared");
const server_evaluator_1 = require("../eligibility/server-evaluator");
const programs_repository_1 = require("../programs/programs.repository");
const risk_service_1 = require("../risk/risk.service");
const checks_repository_1 = require("./checks.repository");
/** One flag per claim for which `raise` answers a detail, none for the others. */
function flagEach(applications, code, raise) {
    return applications.map((application) => {
        const detail = raise(application);
        return detail ? [{ code, detail }] : [];
    });
}
/** Another applicant's claim carries a document with the same content as one of this claim's. */
const duplicateDocument = async (applications, { manager, checks }) => {
    const others = await checks.applicationsSharingDocuments(manager, applications.map((a) => a.id));
    return flagEach(applications, 'DUPLICATE_DOCUMENT', (a) => {
        const found = others.get(a.id);
        return found?.length ? { otherApplications: found } : null;
    });
};
exports.duplicateDocument = duplicateDocument;
/** Other residents gave the same bank account. */
const sharedBankAccount = async (applications, { manager, checks }) => {
    const others = await checks.applicantsSharingBankAccount(manager, [
        ...new Set(applications.map((a) => a.applicantId)),
    ]);
    return flagEach(applications, 'SHARED_BANK_ACCOUNT', (a) => {
        const count = others.get(a.applicantId) ?? 0;
        return count > 0 ? { otherApplicants: count } : null;
    });
};
exports.sharedBankAccount = sharedBankAccount;
/** The third or later applicant submitting from one device (address + browser) within a day. */
const sameDevicePattern = async (applications, { manager, checks }) => {
    const others = await checks.earlierApplicantsOnDevice(manager, applications.map((a) => a.id));
    return flagEach(applications, 'SAME_DEVICE_PATTERN', (a) => {
        const count = others.get(a.id) ?? 0;
        return count >= 2 ? { otherApplicants: count } : null;
    });
};
exports.sameDevicePattern = sameDevicePattern;
/** Identifier formats the validator accepts with a warning (e.g. an unusual serial number). */
const identifierWarning = async (applications, { definitionOf }) => flagEach(applications, 'IDENTIFIER_WARNING', (a) => {
    const warnings = Object.keys((0, shared_1.validateFacts)(definitionOf(a), a.facts).warnings);
    return warnings.length ? { facts: warnings } : null;
});
exports.identifierWarning = identifierWarning;
/** The rules again, with the history as it stands now (another claim may have landed meanwhile). */
const rulesRecheck = async (applications, { manager, definitionOf, evaluator }) => {
    const rechecks = await evaluator.evaluateMany(applications.map((application) => ({
        definition: definitionOf(application),
        facts: application.facts,
        applicantId: application.applicantId,
        excludeId: application.id,
    })), manager);
    return rechecks.map((recheck) => recheck.eligible
        ? []
        : [
            {
                code: 'RULES_RECHECK_FAILED',
                detail: {
                    clauses: recheck.clauses
                        .filter((c) => c.result !== 'pass' && c.result !== 'not_applicable')
                        .map((c) => c.id),
                },
            },
        ]);
};
exports.rulesRecheck = rulesRecheck;
/** Every signal, in the order their flags are listed. A new signal is one more entry here. */
exports.CHECK_SIGNALS = [
    exports.duplicateDocument,
    exports.sharedBankAccount,
    exports.sameDevicePattern,
    exports.identifierWarning,
    exports.rulesRecheck,
];
/**
 * Runs every signal — CHECK_SIGNALS, then the risk rules (RiskService) — once for a batch of
 * (unlocked) snapshots, outside any transaction; answers each claim's flags in the batch's order.
 */
let CheckSignals = class CheckSignals {
    constructor(dataSource, checks, programs, evaluator, risk) {
        this.dataSource = dataSource;
        this.checks = checks;
        this.programs = programs;
        this.evaluator = evaluator;
        this.risk = risk;
    }
    async of(applications) {
        const { manager } = this.dataSource;
        const definitions = new Map();
        for (const { programVersionId } of applications)
            if (!definitions.has(programVersionId))
                definitions.set(programVersionId, await this.programs.definitionByVersionId(programVersionId));
        const reader = {
            manager,
            checks: this.checks,
            definitionOf: (application) => definitions.get(application.programVersionId),
            evaluator: this.evaluator,
        };
        const flags = applications.map(() => []);
        const add = (raised) => raised.forEach((list, i) => flags[i].push(...list));
        for (const signal of exports.CHECK_SIGNALS)
            add(await signal(applications, reader));
        add(await this.risk.signalsOf(applications, manager));
        return flags;
    }
};
exports.CheckSignals = CheckSignals;
exports.CheckSignals = CheckSignals = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function, checks_repository_1.ChecksRepository,
        programs_repository_1.ProgramsRepository,
        server_evaluator_1.ServerEvaluator,
        risk_service_1.RiskService])
], CheckSignals);
//# sourceMappingURL=checks.signals.js.map