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
exports.IdempotencyRepository = exports.IDEMPOTENCY_KEY_TTL_MS = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const clock_1 = require("../common/clock");
const sql_1 = require("../database/sql");
/** The answer kept for a key (`status` 0 while the first request is still running). */
/** How long a key's answer is kept: a retry later than this is a new request. */
exports.IDEMPOTENCY_KEY_TTL_MS = 24 * 3600_000;
/** Named queries of the `Idempotency-Key` records (see `once` in idempotency.ts). */
let IdempotencyRepository = class IdempotencyRepository {
    constructor(dataSource, clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }
    /**
     * Inserts the key's row, still without an answer (`response_status` 0). False when the key is
     * already taken; a concurrent insert of the same key waits on the unique index until the first
     * transaction ends. `created_at` comes from the Clock, like every deadline.
     */
    async claim(manager, owner) {
        const inserted = await manager.query(`INSERT INTO idempotency_key (user_id, scope, key, request_hash, response_status, response_body, created_at)
       VALUES ($1, $2, $3, $4, 0, '{}'::jsonb, $5) ON CONFLICT (user_id, scope, key) DO NOTHING RETURNING id`, [owner.userId, owner.scope, owner.key, owner.requestHash, this.clock.now()]);
        return inserted.length > 0;
    }
    async stored(manager, owner) {
        const [row] = (await manager.query(`SELECT request_hash, response_status, response_body FROM idempotency_key WHERE user_id = $1 AND scope = $2 AND key = $3`, [owner.userId, owner.scope, owner.key]));
        return row
            ? { requestHash: row.request_hash, response: { status: row.response_status, body: row.response_body } }
            : null;
    }
    async complete(manager, owner, response) {
        await manager.query(`UPDATE idempotency_key SET response_status = $4, response_body = $5::jsonb WHERE user_id = $1 AND scope = $2 AND key = $3`, [owner.userId, owner.scope, owner.key, response.status, JSON.stringify(response.body)]);
    }
    /**
     * Deletes the keys older than IDEMPOTENCY_KEY_TTL_MS (the hourly pruning job); returns how many.
     * A retry after that is a new request (a submitted claim then answers 409 WRONG_STATE).
     */
    async pruneExpired() {
        const deleted = await (0, sql_1.returning)(this.dataSource, `DELETE FROM idempotency_key WHERE created_at < $1 RETURNING id`, [new Date(this.clock.now().getTime() - exports.IDEMPOTENCY_KEY_TTL_MS)]);
        return deleted.length;
    }
};
exports.IdempotencyRepository = IdempotencyRepository;
exports.IdempotencyRepository = IdempotencyRepository = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function, clock_1.Clock])
], IdempotencyRepository);
//# sourceMappingURL=idempotency.repository.js.map