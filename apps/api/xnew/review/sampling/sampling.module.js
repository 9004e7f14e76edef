"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReviewSamplingModule = void 0;
const common_1 = require("@nestjs/common");
const programs_module_1 = require("../../programs/programs.module");
const sampling_controller_1 = require("./sampling.controller");
const sampling_repository_1 = require("./sampling.repository");
const sampling_service_1 = require("./sampling.service");
/** Post-approval audit samples and their outcomes (routes under /api/review/samples). */
let ReviewSamplingModule = class ReviewSamplingModule {
};
exports.ReviewSamplingModule = ReviewSamplingModule;
exports.ReviewSamplingModule = ReviewSamplingModule = __decorate([
    (0, common_1.Module)({
        imports: [programs_module_1.ProgramsModule],
        controllers: [sampling_controller_1.SamplingController],
        providers: [sampling_repository_1.SamplingRepository, sampling_service_1.SamplingService],
    })
], ReviewSamplingModule);
//# sourceMappingURL=sampling.module.js.map