"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.StatsController = exports.StatsExportQueryDto = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const auth_decorators_1 = require("../auth/auth.decorators");
const public_read_limit_guard_1 = require("../programs/public-read-limit.guard");
const stats_export_1 = require("./stats.export");
const stats_service_1 = require("./stats.service");
class StatsExportQueryDto {
}
exports.StatsExportQueryDto = StatsExportQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: stats_export_1.STATS_EXPORT_FORMATS, default: 'csv' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(stats_export_1.STATS_EXPORT_FORMATS),
    __metadata("design:type", String)
], StatsExportQueryDto.prototype, "format", void 0);
/**
 * The public statistics (no sign-in): aggregates only, small counts suppressed. `public,
 * max-age` = what is left of the server's own holding time, so a browser or CDN in front may
 * serve the same reading and no longer.
 */
let StatsController = class StatsController {
    constructor(stats) {
        this.stats = stats;
    }
    async current(reply) {
        const { stats, maxAgeSeconds } = await this.stats.current();
        void reply.header('cache-control', `public, max-age=${maxAgeSeconds}`);
        return stats;
    }
    async export(query, reply) {
        const { stats, maxAgeSeconds } = await this.stats.current();
        const format = query.format ?? 'csv';
        const date = stats.asOf.slice(0, 10);
        const body = format === 'csv' ? (0, stats_export_1.statsCsv)(stats) : await (0, stats_export_1.statsXlsx)(stats);
        await reply
            .header('content-type', format === 'csv' ? stats_export_1.CSV_CONTENT_TYPE : stats_export_1.XLSX_CONTENT_TYPE)
            .header('content-disposition', `attachment; filename="huanxin-stats-${date}.${format}"`)
            .header('x-content-type-options', 'nosniff')
            .header('cache-control', `public, max-age=${maxAgeSeconds}`)
            .send(body);
    }
};
exports.StatsController = StatsController;
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiOperation)({
        summary: 'Public statistics per program, per week and top return reasons (counts < 5 as "<5")',
    }),
    (0, swagger_1.ApiOkResponse)({ description: 'PublicStats' }),
    __param(0, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], StatsController.prototype, "current", null);
__decorate([
    (0, common_1.Get)('export'),
    (0, swagger_1.ApiProduces)(stats_export_1.CSV_CONTENT_TYPE, stats_export_1.XLSX_CONTENT_TYPE),
    (0, swagger_1.ApiOperation)({ summary: 'The public statistics as CSV (programs) or XLSX (every table)' }),
    __param(0, (0, common_1.Query)()),
    __param(1, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [StatsExportQueryDto, Object]),
    __metadata("design:returntype", Promise)
], StatsController.prototype, "export", null);
exports.StatsController = StatsController = __decorate([
    (0, swagger_1.ApiTags)('stats'),
    (0, auth_decorators_1.Public)(),
    (0, common_1.UseGuards)(public_read_limit_guard_1.PublicReadLimitGuard),
    (0, common_1.Controller)('stats'),
    __metadata("design:paramtypes", [stats_service_1.StatsService])
], StatsController);
//# sourceMappingURL=stats.controller.js.map