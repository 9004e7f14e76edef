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
exports.SecurityAuditService = exports.BURST_WINDOW_SECONDS = void 0;
exports.isRecordedCount = isRecordedCount;
const common_1 = require("@nestjs/common");
const counters_1 = require("../redis/counters");
const redis_module_1 = require("../redis/redis.module");
const audit_service_1 = require("./audit.service");
/** Default window in which repeated refusals of one kind and subject are summed into few rows. */
exports.BURST_WINDOW_SECONDS = 10 * 60;
/**
 * Audit rows for events an attacker can repeat at will (wrong SMS codes, rate-limit and CSRF
 * refusals). One row per hit would let a flood grow the append-only log without bound, so hits
 * are counted per `bucket` (kind + subject, e.g. limiter + key) in a Redis window, and a row is
 * written only for the 1st, 10th, 100th, 1000th… hit of the window, carrying the running count:
 * at most ⌈log10 n⌉ + 1 rows per subject per window, and the first attempt is always recorded.
 * If Redis cannot count, the row is written (the audit trail is worth more than its size).
 */
let SecurityAuditService = class SecurityAuditService {
    constructor(audit, redis) {
        this.audit = audit;
        this.redis = redis;
    }
    /** A plain row (for services that write both kinds and should not need two writers). */
    record(entry) {
        return this.audit.record(entry);
    }
    async recordRepeated(entry, bucket, windowSeconds = exports.BURST_WINDOW_SECONDS) {
        let count = 1;
        try {
            count = (await (0, counters_1.incrWindow)(this.redis, `audit-burst:${bucket}`, windowSeconds)).count;
        }
        catch {
            // fall through: write the row
        }
        if (!isRecordedCount(count))
            return;
        await this.audit.record({
            ...entry,
            detail: { ...entry.detail, count, windowSeconds },
        });
    }
};
exports.SecurityAuditService = SecurityAuditService;
exports.SecurityAuditService = SecurityAuditService = __decorate([
    (0, common_1.Injectable)(),
    __param(1, (0, redis_module_1.InjectRedis)()),
    __metadata("design:paramtypes", [audit_service_1.AuditService, Function])
], SecurityAuditService);
/** 1, 10, 100, 1000, …: the hits of a window that write a row. */
function isRecordedCount(count) {
    if (count < 1)
        return false;
    let n = count;
    while (n % 10 === 0)
        n /= 10;
    return n === 1;
}
//# sourceMappingURL=security-audit.service.js.map