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
exports.HealthService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const redis_module_1 = require("../redis/redis.module");
const queues_service_1 = require("../queue/queues.service");
const CHECK_TIMEOUT_MS = 2000;
async function probe(check) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
    });
    try {
        await Promise.race([check(), timeout]);
        return 'ok';
    }
    catch {
        return 'down';
    }
    finally {
        clearTimeout(timer);
    }
}
let HealthService = class HealthService {
    constructor(dataSource, redis, queues) {
        this.dataSource = dataSource;
        this.redis = redis;
        this.queues = queues;
    }
    async check() {
        const [database, redis, queue] = await Promise.all([
            probe(() => this.dataSource.query('SELECT 1')),
            probe(() => this.redis.ping()),
            // The queue is usable when its own connection reaches Redis and answers for its keys.
            probe(() => this.queues.get('budget').getJobCounts('waiting')),
        ]);
        const checks = { database, redis, queue };
        return { status: Object.values(checks).every((state) => state === 'ok') ? 'ok' : 'degraded', checks };
    }
};
exports.HealthService = HealthService;
exports.HealthService = HealthService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __param(1, (0, redis_module_1.InjectRedis)()),
    __metadata("design:paramtypes", [Function, Function, queues_service_1.QueuesService])
], HealthService);
//# sourceMappingURL=health.service.js.map