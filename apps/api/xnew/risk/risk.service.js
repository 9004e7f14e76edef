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
exports.RiskService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const sales_repository_1 = require("../dealers/sales/sales.repository");
const server_evaluator_1 = require("../eligibility/server-evaluator");
const programs_repository_1 = require("../programs/programs.repository");
const dealer_records_repository_1 = require("./dealer-records.repository");
const risk_repository_1 = require("./risk.repository");
const risk_rules_1 = require("./risk.rules");
/**
 * The audit-derived risk signals (operations.md §7) of one claim: every rule of the registry,
 * evaluated in turn, each raising its flag with the reason or nothing. The check job adds these to
 * its own flags; the weights (shared `RISK_SIGNALS`) sum into the claim's risk score. Nothing here
 * changes a claim: a signal routes a case, it never rejects it.
 */
let RiskService = class RiskService {
    constructor(repository, dealerRecords, sales, programs, dataSource) {
        this.repository = repository;
        this.sales = sales;
        this.programs = programs;
        this.dataSource = dataSource;
        this.rules = (0, risk_rules_1.riskRules)(repository, dealerRecords);
    }
    /** The registry's rule codes, in order. */
    codes() {
        return this.rules.map((rule) => rule.code);
    }
    /** The flags of one claim (`signalsOf` for a batch of one). */
    async signals(application, manager) {
        return (await this.signalsOf([application], manager))[0];
    }
    /**
     * The flags of each claim of a batch (in check order: see RiskContext), in the batch's order:
     * the claims' keys recorded in one statement, then each rule once for the whole batch.
     */
    async signalsOf(applications, manager = this.dataSource.manager) {
        if (applications.length === 0)
            return [];
        // Every key of the claim, whatever its program's uniqueness rule, for the cross-claim rules.
        const claims = [];
        for (const application of applications) {
            const definition = await this.programs.definitionByVersionId(application.programVersionId, manager);
            const keys = (0, server_evaluator_1.claimKeysOf)(definition, application.facts).map(({ name, value }) => ({ name, value }));
            claims.push({ applicationId: application.id, keys });
        }
        await this.repository.recordKeys(manager, claims);
        const flags = applications.map(() => []);
        let sales;
        const dealerSales = () => (sales ??= this.sales.salesForApplications(manager, applications.map((a) => a.id)));
        for (const rule of this.rules) {
            const raised = await rule.evaluate({ applications, manager, dealerSales });
            raised.forEach((flag, i) => {
                if (flag)
                    flags[i].push(flag);
            });
        }
        return flags;
    }
};
exports.RiskService = RiskService;
exports.RiskService = RiskService = __decorate([
    (0, common_1.Injectable)(),
    __param(4, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [risk_repository_1.RiskRepository,
        dealer_records_repository_1.DealerRecordsRiskRepository,
        sales_repository_1.SalesRepository,
        programs_repository_1.ProgramsRepository, Function])
], RiskService);
//# sourceMappingURL=risk.service.js.map