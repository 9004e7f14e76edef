"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var WorkerModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.WorkerModule = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const accounts_module_1 = require("./accounts/accounts.module");
const app_module_1 = require("./app.module");
const applications_module_1 = require("./applications/applications.module");
const stuck_claims_repository_1 = require("./applications/stuck-claims.repository");
const stuck_claims_sweep_1 = require("./applications/stuck-claims.sweep");
const audit_anchor_processor_1 = require("./audit/audit-anchor.processor");
const audit_sequencer_1 = require("./audit/audit.sequencer");
const budget_module_1 = require("./budget/budget.module");
const notifications_module_1 = require("./notifications/notifications.module");
const outbox_relay_1 = require("./queue/outbox.relay");
const worker_host_service_1 = require("./queue/worker-host.service");
const sla_module_1 = require("./review/sla/sla.module");
const vouchers_module_1 = require("./vouchers/vouchers.module");
const what_if_module_1 = require("./admin/versions/what-if/what-if.module");
/**
 * The queue worker: the outbox relay plus the domain modules whose `@JobProcessor()` providers
 * WorkerHostService finds and runs (a domain adds a processor in its own module), the audit
 * sequencer and the stuck-claim sweep (timers, not Redis schedules). No HTTP.
 */
let WorkerModule = WorkerModule_1 = class WorkerModule {
    static forRoot(config) {
        return {
            module: WorkerModule_1,
            imports: [
                ...(0, app_module_1.coreImports)(config),
                core_1.DiscoveryModule,
                budget_module_1.BudgetModule,
                accounts_module_1.AccountsModule,
                applications_module_1.ApplicationsModule,
                notifications_module_1.NotificationsModule,
                sla_module_1.ReviewSlaModule,
                vouchers_module_1.VouchersModule,
                what_if_module_1.WhatIfModule,
            ],
            providers: [
                outbox_relay_1.OutboxRelay,
                worker_host_service_1.WorkerHostService,
                audit_sequencer_1.AuditSequencer,
                audit_anchor_processor_1.AuditAnchorProcessor,
                stuck_claims_repository_1.StuckClaimsRepository,
                stuck_claims_sweep_1.StuckClaimSweep,
            ],
        };
    }
};
exports.WorkerModule = WorkerModule;
exports.WorkerModule = WorkerModule = WorkerModule_1 = __decorate([
    (0, common_1.Module)({})
], WorkerModule);
//# sourceMappingURL=worker.module.js.map