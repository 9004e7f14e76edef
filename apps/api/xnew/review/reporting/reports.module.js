"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReviewReportsModule = void 0;
const common_1 = require("@nestjs/common");
const programs_module_1 = require("../../programs/programs.module");
const stats_module_1 = require("../../stats/stats.module");
const sla_module_1 = require("../sla/sla.module");
const reports_controller_1 = require("./reports.controller");
const reports_repository_1 = require("./reports.repository");
const reports_service_1 = require("./reports.service");
/** Review stats and the `.xlsx` export (routes /api/review/stats and /api/review/export). */
let ReviewReportsModule = class ReviewReportsModule {
};
exports.ReviewReportsModule = ReviewReportsModule;
exports.ReviewReportsModule = ReviewReportsModule = __decorate([
    (0, common_1.Module)({
        imports: [programs_module_1.ProgramsModule, sla_module_1.ReviewSlaModule, stats_module_1.StatsModule],
        controllers: [reports_controller_1.ReportsController],
        providers: [reports_repository_1.ReportsRepository, reports_service_1.ReportsService],
    })
], ReviewReportsModule);
//# sourceMappingURL=reports.module.js.map