"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var AppModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.AppModule = void 0;
exports.coreImports = coreImports;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const typeorm_1 = require("@nestjs/typeorm");
const admin_module_1 = require("./admin/admin.module");
const applications_module_1 = require("./applications/applications.module");
const audit_module_1 = require("./audit/audit.module");
const auth_module_1 = require("./auth/auth.module");
const auth_guard_1 = require("./auth/auth.guard");
const budget_module_1 = require("./budget/budget.module");
const common_module_1 = require("./common/common.module");
const config_module_1 = require("./config/config.module");
const data_source_1 = require("./database/data-source");
const ledger_module_1 = require("./dealers/ledger/ledger.module");
const returns_module_1 = require("./dealers/returns/returns.module");
const dealer_records_module_1 = require("./dealers/certificates/dealer-records.module");
const dealers_module_1 = require("./dealers/dealers.module");
const sales_import_module_1 = require("./dealers/import/sales-import.module");
const sales_module_1 = require("./dealers/sales/sales.module");
const dev_module_1 = require("./dev/dev.module");
const documents_module_1 = require("./documents/documents.module");
const health_module_1 = require("./health/health.module");
const payments_module_1 = require("./payments/payments.module");
const profile_module_1 = require("./profile/profile.module");
const programs_module_1 = require("./programs/programs.module");
const queue_module_1 = require("./queue/queue.module");
const generic_plan_reads_1 = require("./database/generic-plan-reads");
const redis_module_1 = require("./redis/redis.module");
const reports_module_1 = require("./review/reporting/reports.module");
const sampling_module_1 = require("./review/sampling/sampling.module");
const sla_module_1 = require("./review/sla/sla.module");
const review_module_1 = require("./review/review.module");
const stats_module_1 = require("./stats/stats.module");
const users_module_1 = require("./users/users.module");
const vouchers_module_1 = require("./vouchers/vouchers.module");
/** Infrastructure both processes share: config, database, Redis, queues, audit, accounts. */
function coreImports(config) {
    return [
        config_module_1.ConfigModule.forRoot(config),
        typeorm_1.TypeOrmModule.forRoot((0, data_source_1.dataSourceOptions)(config)),
        generic_plan_reads_1.GenericPlanReadsModule,
        redis_module_1.RedisModule,
        queue_module_1.QueueModule,
        common_module_1.CommonModule,
        audit_module_1.AuditCoreModule,
        users_module_1.UsersModule,
        auth_module_1.AuthCoreModule,
    ];
}
/** The HTTP API. Every route passes the global AuthGuard (denied by default). */
let AppModule = AppModule_1 = class AppModule {
    static forRoot(config) {
        return {
            module: AppModule_1,
            imports: [
                ...coreImports(config),
                auth_module_1.AuthModule,
                health_module_1.HealthModule,
                budget_module_1.BudgetModule,
                programs_module_1.ProgramsModule,
                profile_module_1.ProfileModule,
                applications_module_1.ApplicationsModule,
                documents_module_1.DocumentsModule,
                admin_module_1.AdminModule,
                dealers_module_1.DealersModule,
                sales_module_1.SalesModule,
                sales_import_module_1.SalesImportModule,
                ledger_module_1.DealerLedgerModule,
                returns_module_1.DealerReturnsModule,
                dealer_records_module_1.DealerRecordsModule,
                audit_module_1.AuditModule,
                sampling_module_1.ReviewSamplingModule,
                reports_module_1.ReviewReportsModule,
                sla_module_1.ReviewSlaModule,
                review_module_1.ReviewModule,
                payments_module_1.PaymentsModule,
                stats_module_1.StatsModule,
                vouchers_module_1.VouchersModule,
                // The SMS outbox route does not exist in production.
                ...(config.isProduction ? [] : [dev_module_1.DevModule]),
            ],
            providers: [{ provide: core_1.APP_GUARD, useExisting: auth_guard_1.AuthGuard }],
        };
    }
};
exports.AppModule = AppModule;
exports.AppModule = AppModule = AppModule_1 = __decorate([
    (0, common_1.Module)({})
], AppModule);
//# sourceMappingURL=app.module.js.map