"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RepricingModule = void 0;
const common_1 = require("@nestjs/common");
const budget_module_1 = require("../../../budget/budget.module");
const what_if_module_1 = require("../what-if/what-if.module");
const ledger_retroactive_repricer_1 = require("./ledger-retroactive-repricer");
const repricing_repository_1 = require("./repricing.repository");
const retroactive_repricer_1 = require("./retroactive-repricer");
/** Provides RetroactiveRepricer (the publish transaction's re-pricing) to the versions module. */
let RepricingModule = class RepricingModule {
};
exports.RepricingModule = RepricingModule;
exports.RepricingModule = RepricingModule = __decorate([
    (0, common_1.Module)({
        imports: [budget_module_1.BudgetModule, what_if_module_1.WhatIfModule],
        providers: [repricing_repository_1.RepricingRepository, { provide: retroactive_repricer_1.RetroactiveRepricer, useClass: ledger_retroactive_repricer_1.LedgerRetroactiveRepricer }],
        exports: [retroactive_repricer_1.RetroactiveRepricer],
    })
], RepricingModule);
//# sourceMappingURL=repricing.module.js.map