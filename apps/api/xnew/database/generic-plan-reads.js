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
var GenericPlanReads_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.GenericPlanReadsModule = exports.GenericPlanReads = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const pg_1 = require("pg");
const config_module_1 = require("../config/config.module");
const sql_1 = require("./sql");
/**
 * Hot reads whose best plan does not depend on their parameters' values, sent as named prepared
 * statements on a small pool of their own whose sessions always use the statement's generic plan
 * (`plan_cache_mode = force_generic_plan`): planned once per connection, never again.
 *
 * On the main pool PostgreSQL decides per statement: five custom plans, then the generic plan only
 * if its estimate is no worse than theirs. For `applicant_id = ANY($1::uuid[])` it never is — the
 * generic plan assumes ten array elements, a batch of residents usually holds fewer — so every
 * execution of the resident's list was planned again, half of its database time (a planner pass over
 * the claim table's fourteen indexes for a one-row index scan). The setting cannot go on the main
 * pool: TypeORM's statements carry their values as parameters too, and there a generic plan would
 * lose what a value tells the planner (a partial index's predicate, a rare status).
 *
 * The pool has the main pool's bounded wait (DATABASE_POOL_TIMEOUT_MS; its timeout answers 503 like
 * the main pool's) and opens at its first read, so a process that sends none (the worker) holds no
 * connection of it. Statements sent here are listed in `test/hot-query-plans.int-spec.ts`, which
 * asserts their generic plans use indexes.
 */
let GenericPlanReads = GenericPlanReads_1 = class GenericPlanReads {
    constructor(dataSource, config) {
        this.dataSource = dataSource;
        this.config = config;
        this.logger = new common_1.Logger(GenericPlanReads_1.name);
    }
    read(statement, values) {
        return (0, sql_1.preparedRead)(this.dataSource, statement, values, (this.pool ??= this.open()));
    }
    async onApplicationShutdown() {
        const pool = this.pool;
        this.pool = undefined;
        await pool?.end();
    }
    open() {
        const pool = new pg_1.Pool({
            connectionString: this.config.database.url,
            max: this.config.database.genericPoolSize,
            connectionTimeoutMillis: this.config.database.poolTimeoutMs,
            application_name: 'huanxin',
            options: '-c plan_cache_mode=force_generic_plan',
        });
        // An idle connection the server ended (a restart, a failover): pg-pool drops it and opens
        // another on the next read; without a listener the error would end the process.
        pool.on('error', (error) => this.logger.warn(`generic-plan pool: ${error.message}`));
        return pool;
    }
};
exports.GenericPlanReads = GenericPlanReads;
exports.GenericPlanReads = GenericPlanReads = GenericPlanReads_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __param(1, (0, common_1.Inject)(config_module_1.APP_CONFIG)),
    __metadata("design:paramtypes", [Function, Object])
], GenericPlanReads);
let GenericPlanReadsModule = class GenericPlanReadsModule {
};
exports.GenericPlanReadsModule = GenericPlanReadsModule;
exports.GenericPlanReadsModule = GenericPlanReadsModule = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({ providers: [GenericPlanReads], exports: [GenericPlanReads] })
], GenericPlanReadsModule);
//# sourceMappingURL=generic-plan-reads.js.map