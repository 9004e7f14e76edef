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
var RedisModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisModule = exports.InjectRedis = exports.REDIS = void 0;
exports.createRedis = createRedis;
const node_events_1 = require("node:events");
const common_1 = require("@nestjs/common");
const ioredis_1 = require("ioredis");
const config_module_1 = require("../config/config.module");
exports.REDIS = Symbol('REDIS');
const InjectRedis = () => (0, common_1.Inject)(exports.REDIS);
exports.InjectRedis = InjectRedis;
/** A client for application keys (limits, sessions): every key is under `<REDIS_PREFIX>:`. */
function createRedis(config) {
    return new ioredis_1.Redis(config.redis.url, {
        keyPrefix: `${config.redis.prefix}:`,
        maxRetriesPerRequest: 1,
        // Fail fast instead of queueing commands while disconnected: limits must fail closed.
        enableOfflineQueue: false,
        connectTimeout: 5000,
    });
}
let RedisModule = RedisModule_1 = class RedisModule {
    constructor(redis) {
        this.redis = redis;
        this.logger = new common_1.Logger(RedisModule_1.name);
    }
    /**
     * The client refuses commands while disconnected (so limits fail closed); wait for the first
     * connection before serving, or the first requests after a start would fail. A Redis that is
     * down does not block the start for more than 5 s: health reports it.
     */
    async onModuleInit() {
        if (this.redis.status === 'ready')
            return;
        const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 5000).unref());
        const result = await Promise.race([
            (0, node_events_1.once)(this.redis, 'ready').then(() => 'ready'),
            timeout,
        ]).catch(() => 'error');
        if (result !== 'ready')
            this.logger.warn('Redis not ready at start; commands fail until it is');
    }
    async onApplicationShutdown() {
        await this.redis.quit().catch(() => this.redis.disconnect());
    }
};
exports.RedisModule = RedisModule;
exports.RedisModule = RedisModule = RedisModule_1 = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({
        providers: [{ provide: exports.REDIS, useFactory: createRedis, inject: [config_module_1.APP_CONFIG] }],
        exports: [exports.REDIS],
    }),
    __param(0, (0, common_1.Inject)(exports.REDIS)),
    __metadata("design:paramtypes", [ioredis_1.Redis])
], RedisModule);
//# sourceMappingURL=redis.module.js.map