"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DealerLedgerModule = void 0;
const common_1 = require("@nestjs/common");
const dealers_module_1 = require("../dealers.module");
const ledger_controller_1 = require("./ledger.controller");
const ledger_repository_1 = require("./ledger.repository");
const ledger_service_1 = require("./ledger.service");
/** The dealer's money ledger (issue 13): `GET /api/dealer/ledger`. */
let DealerLedgerModule = class DealerLedgerModule {
};
exports.DealerLedgerModule = DealerLedgerModule;
exports.DealerLedgerModule = DealerLedgerModule = __decorate([
    (0, common_1.Module)({
        imports: [dealers_module_1.DealersModule],
        controllers: [ledger_controller_1.LedgerController],
        providers: [ledger_repository_1.LedgerRepository, ledger_service_1.LedgerService],
        // The money state beside each of the dealer's sales (GET /api/dealer/sales).
        exports: [ledger_service_1.LedgerService],
    })
], DealerLedgerModule);
//# sourceMappingURL=ledger.module.js.map