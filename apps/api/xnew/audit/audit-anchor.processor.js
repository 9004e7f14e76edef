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
var AuditAnchorProcessor_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuditAnchorProcessor = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const clock_1 = require("../common/clock");
const config_module_1 = require("../config/config.module");
const job_processor_1 = require("../queue/job-processor");
const audit_anchor_1 = require("./audit-anchor");
const audit_jobs_1 = require("./audit.jobs");
const audit_service_1 = require("./audit.service");
/**
 * Daily: writes the chain head to the anchor file (`AUDIT_ANCHOR_FILE`), to the application log and
 * to the audit log itself. Idempotent: a head already anchored is not written again, so a re-run
 * job (after a crash) adds nothing.
 */
let AuditAnchorProcessor = AuditAnchorProcessor_1 = class AuditAnchorProcessor {
    constructor(dataSource, config, audit, clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
        this.jobs = (0, job_processor_1.handleJobs)([audit_jobs_1.AUDIT_ANCHOR], {
            'audit.anchor': async () => ({ anchored: (await this.anchor())?.chainSeq ?? null }),
        });
        this.logger = new common_1.Logger(AuditAnchorProcessor_1.name);
    }
    /** Anchors the current head; null when the chain is empty or its head is anchored already. Public for tests. */
    async anchor() {
        const head = await (0, audit_anchor_1.chainHead)(this.dataSource);
        if (!head)
            return null;
        const file = this.config.audit.anchorFile;
        const { anchors } = await (0, audit_anchor_1.readAnchorFile)(file);
        const last = anchors[anchors.length - 1]?.anchor;
        if (last && last.chainSeq === head.chainSeq && last.hash === head.hash)
            return null;
        const anchor = await (0, audit_anchor_1.appendAnchor)(file, head, this.clock.now());
        // The application log is shipped off the host: a second copy in other hands.
        this.logger.log({ anchor }, 'audit chain anchored');
        await this.audit.record({
            action: 'audit.anchored',
            result: 'success',
            actor: null,
            objectType: 'audit_chain',
            objectId: String(anchor.chainSeq),
            detail: { chainSeq: anchor.chainSeq, hash: anchor.hash, anchoredAt: anchor.anchoredAt },
        });
        return anchor;
    }
};
exports.AuditAnchorProcessor = AuditAnchorProcessor;
exports.AuditAnchorProcessor = AuditAnchorProcessor = AuditAnchorProcessor_1 = __decorate([
    (0, common_1.Injectable)(),
    (0, job_processor_1.JobProcessor)({ concurrency: 1 }),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __param(1, (0, config_module_1.InjectConfig)()),
    __metadata("design:paramtypes", [Function, Object, audit_service_1.AuditService,
        clock_1.Clock])
], AuditAnchorProcessor);
//# sourceMappingURL=audit-anchor.processor.js.map