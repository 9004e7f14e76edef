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
exports.ProgramsCache = exports.PROGRAMS_REFRESH_MS = void 0;
const node_perf_hooks_1 = require("node:perf_hooks");
const common_1 = require("@nestjs/common");
const budget_repository_1 = require("../budget/budget.repository");
const programs_repository_1 = require("./programs.repository");
/** How old the budget figures (and the version stamp) served from memory may be. */
exports.PROGRAMS_REFRESH_MS = 1000;
/**
 * The public program pages, from memory. Definitions (≈80 KB of jsonb for 12 programs) are read
 * only when the version stamp changes — a program added (the seed) or a new version published —
 * and the budget rows are re-read at most once a second, in one query for all programs. Pause
 * announcements are part of the stamp: a new one reloads the list with the pauses, so its notice is
 * served (and the list's ETag changes) on every replica within a second of it. The stamp
 * and the figures come from the database itself, so every API replica sees another replica's
 * change (a budget PATCH, a claim's reservation, a new version) within PROGRAMS_REFRESH_MS without
 * any message between them; the replica that made a change calls `invalidate()` to see it at once.
 *
 * Single flight: concurrent requests that find the snapshot old wait for the same refresh (two
 * small queries), so a burst of readers costs the database one read a second, not one per request.
 * `invalidate()` bumps a sequence: a refresh that started before it cannot satisfy a reader after it.
 */
let ProgramsCache = class ProgramsCache {
    constructor(programs, budgets) {
        this.programs = programs;
        this.budgets = budgets;
        this.nextSeq = 1;
        /** Refreshes started before this sequence number are too old for new readers. */
        this.validFrom = 0;
    }
    async snapshot() {
        const held = this.held;
        if (held && held.seq >= this.validFrom && node_perf_hooks_1.performance.now() - held.readAt < exports.PROGRAMS_REFRESH_MS)
            return held;
        if (this.inflight && this.inflight.seq >= this.validFrom)
            return this.inflight.promise;
        const seq = this.nextSeq++;
        const promise = this.refresh(seq).finally(() => {
            if (this.inflight?.seq === seq)
                this.inflight = undefined;
        });
        this.inflight = { seq, promise };
        return promise;
    }
    /** After a write in this process: the next reader gets figures read after it. */
    invalidate() {
        this.validFrom = this.nextSeq;
    }
    async refresh(seq) {
        const readAt = node_perf_hooks_1.performance.now();
        // One after the other: two connections at once would cost a loaded pool more than 1 ms.
        const stamp = await this.programs.currentVersionStamp();
        const budgets = await this.budgets.allFigures();
        let { programs, byCode, pauses } = this.held ?? {
            programs: [],
            byCode: new Map(),
            pauses: new Map(),
        };
        let heldStamp = this.held?.stamp;
        if (stamp !== heldStamp) {
            programs = await this.programs.listCurrent();
            byCode = new Map(programs.map((program) => [program.code, program]));
            pauses = await this.programs.currentPauses();
            // The stamp of what was loaded (a version published between the two reads is in the list).
            heldStamp = (0, programs_repository_1.versionStamp)(programs, pauses);
        }
        const next = { programs, byCode, budgets, pauses, stamp: heldStamp, readAt, seq };
        // A slower, older refresh never replaces a newer snapshot.
        if (!this.held || this.held.seq < seq)
            this.held = next;
        return next;
    }
};
exports.ProgramsCache = ProgramsCache;
exports.ProgramsCache = ProgramsCache = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [programs_repository_1.ProgramsRepository,
        budget_repository_1.BudgetRepository])
], ProgramsCache);
//# sourceMappingURL=programs.cache.js.map