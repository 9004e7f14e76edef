"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.EligibilityModule = void 0;
const common_1 = require("@nestjs/common");
const profile_module_1 = require("../profile/profile.module");
const history_repository_1 = require("./history.repository");
const server_evaluator_1 = require("./server-evaluator");
let EligibilityModule = class EligibilityModule {
};
exports.EligibilityModule = EligibilityModule;
exports.EligibilityModule = EligibilityModule = __decorate([
    (0, common_1.Module)({
        imports: [profile_module_1.ProfileModule],
        providers: [server_evaluator_1.ServerEvaluator, history_repository_1.HistoryRepository],
        exports: [server_evaluator_1.ServerEvaluator],
    })
], EligibilityModule);
//# sourceMappingURL=eligibility.module.js.map