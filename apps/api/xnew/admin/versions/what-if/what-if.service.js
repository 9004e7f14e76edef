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
exports.WhatIfService = void 0;
exports.retroactiveOutcome = retroactiveOutcome;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@huanxin/shared");
const domain_error_1 = require("../../../common/errors/domain-error");
const config_module_1 = require("../../../config/config.module");
const queues_service_1 = require("../../../queue/queues.service");
const claim_reevaluation_1 = require("./claim-reevaluation");
const what_if_jobs_1 = require("./what-if.jobs");
/** The job's options: one retry (a what-if is a read; a second failure is worth a look), kept a day. */
const WHAT_IF_JOB_OPTIONS = {
    attempts: 2,
    removeOnComplete: { age: 24 * 3600, count: 1000 },
    removeOnFail: { age: 7 * 24 * 3600 },
};
/**
 * What a retroactive publish would do with one movable claim, decided in ONE place for the what-if
 * and the re-pricing (RetroactiveRepricer): `raised` when the new version is eligible and pays
 * more than the claim holds (it gets the new amount and version); `kept` when the new version pays
 * less or the claim is not eligible under it (programs.md "Rules across programs": re-pricing is a
 * top-up; a retroactive raise must not take money away from a filed claim — the claim keeps its
 * amount and version, and its timeline says so); null when the amount is the same.
 */
function retroactiveOutcome(heldFen, after) {
    if (after.eligible && after.amountFen > heldFen)
        return { outcome: 'raised', toFen: after.amountFen };
    if (!after.eligible)
        return { outcome: 'kept', offeredFen: null };
    if (after.amountFen < heldFen)
        return { outcome: 'kept', offeredFen: after.amountFen };
    return null;
}
/**
 * The what-if of a draft version (operations.md §10): every claim of the program but drafts,
 * re-evaluated under the draft through the claims' own evaluator (ClaimReevaluation), page by
 * page. A program with at most WHAT_IF_SYNC_MAX_CLAIMS claims is answered at once; a larger one
 * runs as a job on queue `programs` that reports `{ done, total }` after every page.
 */
let WhatIfService = class WhatIfService {
    constructor(dataSource, config, reevaluation, queues) {
        this.dataSource = dataSource;
        this.config = config;
        this.reevaluation = reevaluation;
        this.queues = queues;
    }
    /** The draft `version` of program `code`: 404 when either is unknown, 409 when it is published. */
    async draft(code, version) {
        const row = await this.version(this.dataSource.manager, code, version);
        if (row.status !== 'draft')
            throw new domain_error_1.DomainError(shared_1.ErrorCode.VERSION_PUBLISHED, `Version ${version} of ${code} is published`);
        return row;
    }
    /** Answers the result, or `{ jobId }` when the program has more claims than a request evaluates. */
    async start(code, version) {
        const draft = await this.draft(code, version);
        const total = await this.reevaluation.count(this.dataSource.manager, draft.programId);
        if (total <= this.config.whatIf.syncMaxClaims)
            return { result: await this.compute(draft.programId, draft.definition) };
        const job = what_if_jobs_1.WHAT_IF.job({
            runId: (0, node_crypto_1.randomUUID)(),
            programId: draft.programId,
            programCode: code,
            versionId: draft.id,
            version,
            total,
        });
        await this.queues.get(job.queue).add(job.name, job.payload, { ...WHAT_IF_JOB_OPTIONS, jobId: job.jobId });
        return { jobId: job.jobId };
    }
    /** The job's state and progress, and its result once done; 404 unless it is this version's. */
    async job(code, version, jobId) {
        const queue = this.queues.get(what_if_jobs_1.WHAT_IF.queue);
        let job = (await queue.getJob(jobId));
        if (!job || job.name !== what_if_jobs_1.WHAT_IF.name || job.data.programCode !== code || job.data.version !== version)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.NOT_FOUND, 'No such what-if job for this version');
        const state = await job.getState();
        // The job may have finished between the read above and the state: `completed` is final, so
        // read it again for its result and last progress (else a completed job could answer no result).
        if (state === 'completed')
            job = (await queue.getJob(jobId)) ?? job;
        const progress = isProgress(job.progress) ? job.progress : { done: 0, total: job.data.total };
        return {
            jobId,
            state: state === 'completed'
                ? 'completed'
                : state === 'failed'
                    ? 'failed'
                    : state === 'active'
                        ? 'active'
                        : 'waiting',
            progress,
            ...(state === 'completed' && { result: job.returnvalue }),
        };
    }
    /** The job's work (WhatIfProcessor): the same computation, its progress after every page. */
    async runJob(payload, job) {
        const version = await this.versionById(payload.versionId);
        return this.compute(payload.programId, version.definition, async (done, total) => {
            await job.updateProgress({ done, total });
        });
    }
    /**
     * The what-if itself: pages of claims by id, each re-evaluated under its own version and under
     * `definition`; only the figures and the changed claims' codes and amounts are kept, so memory
     * is one page plus the report. `total` is counted first (for the progress); claims added while
     * it runs are evaluated too, and `done` then passes the first count (the total follows it).
     */
    async compute(programId, definition, onProgress) {
        const manager = this.dataSource.manager;
        const result = {
            evaluated: 0,
            changed: [],
            deltaFen: 0,
            byStatus: {},
            retroactive: { raised: 0, kept: 0, deltaFen: 0 },
        };
        let total = await this.reevaluation.count(manager, programId);
        await onProgress?.(0, total);
        const definitions = new Map();
        let after = null;
        for (;;) {
            const page = await this.reevaluation.page(manager, programId, after);
            if (page.length === 0)
                break;
            for (const outcome of await this.reevaluation.reevaluate(manager, page, definition, definitions))
                tally(result, outcome);
            after = page[page.length - 1].id;
            total = Math.max(total, result.evaluated);
            await onProgress?.(result.evaluated, total);
        }
        return result;
    }
    async version(manager, code, version) {
        const [row] = (await manager.query(`SELECT p.id AS program_id, v.id, v.version, v.status, v.definition
         FROM program p LEFT JOIN program_version v ON v.program_id = p.id AND v.version = $2
        WHERE p.code = $1`, [code, version]));
        if (!row)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.PROGRAM_NOT_FOUND, `No program ${code}`);
        if (!row.id)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.VERSION_NOT_FOUND, `Program ${code} has no version ${version}`);
        return toVersion({ ...row, id: row.id });
    }
    async versionById(id) {
        const [row] = (await this.dataSource.query(`SELECT id, program_id, version, status, definition FROM program_version WHERE id = $1`, [id]));
        if (!row)
            throw new Error(`program version ${id} is gone`);
        return toVersion(row);
    }
};
exports.WhatIfService = WhatIfService;
exports.WhatIfService = WhatIfService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __param(1, (0, config_module_1.InjectConfig)()),
    __metadata("design:paramtypes", [Function, Object, claim_reevaluation_1.ClaimReevaluation,
        queues_service_1.QueuesService])
], WhatIfService);
function toVersion(row) {
    return {
        id: row.id,
        programId: row.program_id,
        version: row.version,
        status: row.status,
        definition: row.definition,
    };
}
function isProgress(value) {
    return (typeof value === 'object' &&
        value !== null &&
        typeof value.done === 'number' &&
        typeof value.total === 'number');
}
/** Adds one re-evaluated claim to the report. */
function tally(result, { claim, before, after }) {
    result.evaluated += 1;
    const figures = (result.byStatus[claim.status] ??= { evaluated: 0, changed: 0, deltaFen: 0 });
    figures.evaluated += 1;
    const movable = claim_reevaluation_1.MOVABLE_STATUSES.includes(claim.status) && !claim.frozen;
    if (movable) {
        const retro = retroactiveOutcome(claim.reservedFen, after);
        if (retro?.outcome === 'raised') {
            result.retroactive.raised += 1;
            result.retroactive.deltaFen += retro.toFen - claim.reservedFen;
        }
        else if (retro?.outcome === 'kept')
            result.retroactive.kept += 1;
    }
    if (before.eligible === after.eligible && before.amountFen === after.amountFen)
        return;
    figures.changed += 1;
    result.changed.push({ applicationCode: claim.code, status: claim.status, before, after });
    if (movable) {
        const delta = (0, claim_reevaluation_1.payable)(after) - (0, claim_reevaluation_1.payable)(before);
        figures.deltaFen += delta;
        result.deltaFen += delta;
    }
}
//# sourceMappingURL=what-if.service.js.map