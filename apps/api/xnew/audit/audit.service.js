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
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuditService = void 0;
const common_1 = require("@nestjs/common");
const request_context_1 = require("../common/http/request-context");
const audit_repository_1 = require("./audit.repository");
/**
 * Writes audit rows. Who, from where and which request come from the request context unless
 * given. Pass the transaction's manager to make the row part of the change it records.
 */
let AuditService = class AuditService {
    constructor(rows) {
        this.rows = rows;
    }
    async record(entry, manager) {
        await this.rows.insert(rowOf(entry), manager);
    }
    /** `record` for several entries, in one statement (e.g. a batch of claims moved together). */
    async recordMany(entries, manager) {
        if (entries.length)
            await this.rows.insertMany(entries.map(rowOf), manager);
    }
};
exports.AuditService = AuditService;
exports.AuditService = AuditService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [audit_repository_1.AuditRepository])
], AuditService);
/** The row of an entry; who, from where and which request from the request context unless given. */
function rowOf(entry) {
    const context = request_context_1.requestContext.get();
    const actor = entry.actor === undefined ? context?.user : entry.actor;
    return {
        actorId: actor?.id ?? null,
        actorRole: actor?.role ?? null,
        action: entry.action,
        objectType: entry.objectType ?? null,
        objectId: entry.objectId ?? null,
        result: entry.result,
        ip: context?.ip ?? null,
        requestId: context?.requestId ?? null,
        detail: entry.detail ?? {},
    };
}
//# sourceMappingURL=audit.service.js.map