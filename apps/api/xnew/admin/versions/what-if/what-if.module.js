"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.WhatIfModule = void 0;
const common_1 = require("@nestjs/common");
const eligibility_module_1 = require("../../../eligibility/eligibility.module");
const claim_reevaluation_1 = require("./claim-reevaluation");
const what_if_controller_1 = require("./what-if.controller");
const what_if_processor_1 = require("./what-if.processor");
const what_if_service_1 = require("./what-if.service");
/**
 * The what-if of a draft version (issue 15): the route, its job's processor (the worker imports
 * this module too) and the re-evaluation the retroactive re-pricing shares.
 */
let WhatIfModule = class WhatIfModule {
};
exports.WhatIfModule = WhatIfModule;
exports.WhatIfModule = WhatIfModule = __decorate([
    (0, common_1.Module)({
        imports: [eligibility_module_1.EligibilityModule],
        controllers: [what_if_controller_1.WhatIfController],
        providers: [claim_reevaluation_1.ClaimReevaluation, what_if_service_1.WhatIfService, what_if_processor_1.WhatIfProcessor],
        exports: [claim_reevaluation_1.ClaimReevaluation],
    })
], WhatIfModule);
//# sourceMappingURL=what-if.module.js.map