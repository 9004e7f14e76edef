"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.StuckClaimsRepository = void 0;
const common_1 = require("@nestjs/common");
/** Only stuck-claim sweeps take it (never a business transaction): two workers do not both sweep. */
const SWEEP_LOCK = 7406011006;
/** Named queries of the stuck-claim sweep (stuck-claims.sweep.ts). */
let StuckClaimsRepository = class StuckClaimsRepository {
    /** False when another worker's sweep holds the lock (this tick is skipped, not queued). */
    async tryLock(manager) {
        const [row] = (await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [SWEEP_LOCK]));
        return row.locked;
    }
    /**
     * Claims in `submitted`/`checking` not changed since `before`, oldest first, with the id of their
     * latest `submitted` event (the check job's key). Uses the (status, updated_at) index and the
     * event index (application_id, at).
     */
    stuckClaims(manager, before, limit) {
        // One index range per status (an IN list would not come out of the index in updated_at order).
        return manager.query(`SELECT a.id, e.id AS "eventId"
         FROM ((SELECT id, updated_at FROM application
                 WHERE status = 'submitted' AND updated_at < $1 ORDER BY updated_at LIMIT $2)
               UNION ALL
               (SELECT id, updated_at FROM application
                 WHERE status = 'checking' AND updated_at < $1 ORDER BY updated_at LIMIT $2)) a
         CROSS JOIN LATERAL (
           SELECT ev.id FROM application_event ev
            WHERE ev.application_id = a.id AND ev.to_status = 'submitted'
            ORDER BY ev.at DESC, ev.seq DESC LIMIT 1) e
        ORDER BY a.updated_at
        LIMIT $2`, [before, limit]);
    }
    /** Of these job ids, those still waiting in the outbox (the relay will send them; nothing to do). */
    async pendingInOutbox(manager, jobIds) {
        const rows = (await manager.query(`SELECT job_id FROM outbox WHERE dispatched_at IS NULL AND job_id = ANY($1::text[])`, [jobIds]));
        return new Set(rows.map((row) => row.job_id));
    }
};
exports.StuckClaimsRepository = StuckClaimsRepository;
exports.StuckClaimsRepository = StuckClaimsRepository = __decorate([
    (0, common_1.Injectable)()
], StuckClaimsRepository);
//# sourceMappingURL=stuck-claims.repository.js.map