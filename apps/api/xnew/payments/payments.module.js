"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.PaymentsModule = void 0;
const common_1 = require("@nestjs/common");
const applications_module_1 = require("../applications/applications.module");
const programs_module_1 = require("../programs/programs.module");
const dealer_payee_resolver_1 = require("./dealer-payee.resolver");
const payee_1 = require("./payee");
const payment_views_1 = require("./payment-views");
const payments_controller_1 = require("./payments.controller");
const payments_repository_1 = require("./payments.repository");
const payments_service_1 = require("./payments.service");
const reconcile_service_1 = require("./reconcile.service");
/**
 * The payee resolvers, asked in this order: the dealer organisation of point-of-sale claims, then
 * the resident's own card.
 */
const RESOLVERS = [dealer_payee_resolver_1.DealerPayeeResolver, payee_1.ResidentPayeeResolver];
/** Payment batches, bank files, reconciliation, receivables (issue 12). */
let PaymentsModule = class PaymentsModule {
};
exports.PaymentsModule = PaymentsModule;
exports.PaymentsModule = PaymentsModule = __decorate([
    (0, common_1.Module)({
        imports: [applications_module_1.ApplicationsModule, programs_module_1.ProgramsModule],
        controllers: [payments_controller_1.PaymentsController],
        providers: [
            payments_repository_1.PaymentsRepository,
            payment_views_1.PaymentViews,
            payments_service_1.PaymentsService,
            reconcile_service_1.ReconcileService,
            ...RESOLVERS,
            {
                provide: payee_1.PAYEE_RESOLVERS,
                useFactory: (...resolvers) => resolvers,
                inject: RESOLVERS,
            },
            payee_1.PayeeRegistry,
        ],
        // The returns of dealer sales take a claim's line out of a draft batch (dealers/returns).
        exports: [payments_repository_1.PaymentsRepository],
    })
], PaymentsModule);
//# sourceMappingURL=payments.module.js.map