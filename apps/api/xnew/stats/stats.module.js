"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.StatsModule = void 0;
const common_1 = require("@nestjs/common");
const programs_module_1 = require("../programs/programs.module");
const stats_controller_1 = require("./stats.controller");
const stats_repository_1 = require("./stats.repository");
const stats_service_1 = require("./stats.service");
/** The one statistics query layer (StatsRepository, shared with review reporting) and `/api/stats`. */
let StatsModule = class StatsModule {
};
exports.StatsModule = StatsModule;
exports.StatsModule = StatsModule = __decorate([
    (0, common_1.Module)({
        imports: [programs_module_1.ProgramsModule],
        controllers: [stats_controller_1.StatsController],
        providers: [stats_repository_1.StatsRepository, stats_service_1.StatsService],
        exports: [stats_repository_1.StatsRepository],
    })
], StatsModule);
//# sourceMappingURL=stats.module.js.map