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
var AuditSequencer_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuditSequencer = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const config_module_1 = require("../config/config.module");
const GENESIS = Buffer.alloc(32);
const BATCH = 500;
/** Only sequencers take it (never a business transaction): two worker instances do not both chain. */
const SEQUENCER_LOCK = 7406011005;
/**
 * Chains committed audit rows (migration AuditSequencer1795910000008). Inserting an audit row
 * takes no lock and reads no chain head; this one writer gives rows their chain positions a
 * moment later, in batches, the way Certificate Transparency logs and Trillian accept entries at
 * once and let a single sequencer integrate them into the log.
 *
 * - Which rows: those with `chain_seq IS NULL` this transaction can see, i.e. committed ones, in
 *   `seq` order. A row whose transaction is still open is simply not seen yet and is chained on a
 *   later tick, after rows that committed before it: the chain order is commit-then-sequencer
 *   order, not `seq` order, and it never changes once written.
 * - One transaction per batch, under a transaction-scoped advisory lock that only sequencers
 *   take (`pg_try_advisory_xact_lock`: a second worker skips the tick instead of waiting). The
 *   unique index on `chain_seq` and the database's fill guard (previous position exists and its
 *   hash is this row's prev_hash; the hash recomputes) make a second writer fail rather than
 *   fork the chain even without it.
 * - A crash (process, connection, database) mid-batch rolls the whole batch back: the chain ends
 *   at the last committed batch and the rows are chained again on the next tick.
 * - The hash is computed by the database with the same `audit_log_canonical` the guard and
 *   verify() use, so there is one definition of a row's bytes.
 */
let AuditSequencer = AuditSequencer_1 = class AuditSequencer {
    constructor(dataSource, config) {
        this.dataSource = dataSource;
        this.config = config;
        this.logger = new common_1.Logger(AuditSequencer_1.name);
        this.running = false;
    }
    onApplicationBootstrap() {
        this.running = true;
        this.loop = this.run();
    }
    async onApplicationShutdown() {
        this.running = false;
        this.wake?.();
        await this.loop;
    }
    /**
     * Chains up to `limit` committed rows in one transaction; returns how many (0 also when another
     * sequencer holds the lock). Public for tests.
     */
    async sequenceOnce(limit = BATCH) {
        return this.dataSource.transaction(async (manager) => {
            const [{ locked }] = (await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [
                SEQUENCER_LOCK,
            ]));
            if (!locked)
                return 0;
            const rows = (await manager.query('SELECT seq FROM audit_log WHERE chain_seq IS NULL ORDER BY seq LIMIT $1', [limit]));
            if (rows.length === 0)
                return 0;
            const head = (await manager.query('SELECT chain_seq, hash FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1'));
            const first = (head.length ? Number(head[0].chain_seq) : 0) + 1;
            const genesis = `'\\x${GENESIS.toString('hex')}'::bytea`;
            // One statement per row, in order: the guard trigger checks each fill against the row
            // before it, which must already be written (a single multi-row UPDATE has no row order).
            // They go in ONE round trip (a simple-protocol multi-statement query, run in order in this
            // transaction, each seeing the one before): a round trip per row was the sequencer's whole
            // cost, ~3 per claim, on the worker's one event loop during a drain (issue 10). Each
            // statement reads its prev_hash from the row chained just before it; `seq` and positions
            // are integers from the database, checked before they are written into the text.
            const statements = rows.map((row, i) => {
                if (!/^\d+$/.test(row.seq))
                    throw new Error(`audit row seq ${row.seq} is not an integer`);
                const position = first + i;
                const previous = position === 1 ? genesis : `(SELECT p.hash FROM audit_log p WHERE p.chain_seq = ${position - 1})`;
                return `UPDATE audit_log a
              SET chain_seq = ${position}, prev_hash = ${previous},
                  hash = sha256(${previous} || convert_to(audit_log_canonical(a), 'UTF8'))
            WHERE seq = ${row.seq} AND chain_seq IS NULL;`;
            });
            await manager.query(statements.join('\n'));
            // A row chained by someone else meanwhile left its statement (and every later one, whose
            // previous position is then missing) without a row: count the positions written.
            const [{ written }] = (await manager.query('SELECT count(*)::int AS written FROM audit_log WHERE chain_seq >= $1 AND chain_seq < $2', [first, first + rows.length]));
            if (written !== rows.length)
                throw new Error(`audit rows were chained by someone else (${written} of ${rows.length} written)`);
            return rows.length;
        });
    }
    async run() {
        while (this.running) {
            let chained = 0;
            try {
                chained = await this.sequenceOnce();
            }
            catch (error) {
                this.logger.error({ err: error }, 'audit sequencer tick failed');
            }
            // A full batch means more are waiting: go on at once; otherwise wait for the next tick.
            if (chained < BATCH && this.running) {
                await new Promise((resolve) => {
                    const timer = setTimeout(resolve, this.config.audit.sequencerIntervalMs);
                    this.wake = () => {
                        clearTimeout(timer);
                        resolve();
                    };
                });
            }
        }
    }
};
exports.AuditSequencer = AuditSequencer;
exports.AuditSequencer = AuditSequencer = AuditSequencer_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __param(1, (0, config_module_1.InjectConfig)()),
    __metadata("design:paramtypes", [Function, Object])
], AuditSequencer);
//# sourceMappingURL=audit.sequencer.js.map