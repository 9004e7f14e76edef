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
var SmsService_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.SmsService = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const clock_1 = require("../common/clock");
const config_module_1 = require("../config/config.module");
const redis_module_1 = require("../redis/redis.module");
const DEV_OUTBOX_TTL_SECONDS = 24 * 3600;
const DEV_OUTBOX_MAX = 50;
/**
 * Sends SMS through the transport chosen by SMS_TRANSPORT:
 * - `dev-outbox` (never in production): stored in Redis, readable at GET /api/dev/sms-outbox;
 * - `console`: written to the terminal (not the log) for local use;
 * - `http`: POSTed as JSON to the gateway webhook SMS_HTTP_URL with a bearer token.
 */
let SmsService = SmsService_1 = class SmsService {
    constructor(config, redis, clock) {
        this.config = config;
        this.redis = redis;
        this.clock = clock;
        this.logger = new common_1.Logger(SmsService_1.name);
    }
    async send(message) {
        switch (this.config.sms.transport) {
            case 'dev-outbox': {
                const entry = {
                    phone: message.phone,
                    text: message.text,
                    code: message.code ?? null,
                    sentAt: this.clock.now().toISOString(),
                };
                const key = devOutboxKey(message.phone);
                await this.redis
                    .multi()
                    .lpush(key, JSON.stringify(entry))
                    .ltrim(key, 0, DEV_OUTBOX_MAX - 1)
                    .expire(key, DEV_OUTBOX_TTL_SECONDS)
                    .exec();
                return;
            }
            case 'console':
                process.stdout.write(`[sms → ${message.phone}] ${message.text}\n`);
                return;
            case 'http': {
                const response = await fetch(this.config.sms.httpUrl, {
                    method: 'POST',
                    headers: {
                        'content-type': 'application/json',
                        ...(this.config.sms.httpToken ? { authorization: `Bearer ${this.config.sms.httpToken}` } : {}),
                    },
                    body: JSON.stringify({ phone: message.phone, text: message.text }),
                    signal: AbortSignal.timeout(5000),
                });
                if (!response.ok) {
                    this.logger.warn({ status: response.status, to: (0, shared_1.maskPhone)(message.phone) }, 'SMS gateway refused the message');
                    throw new Error(`SMS gateway answered ${response.status}`);
                }
                return;
            }
        }
    }
    /** Development only: the messages sent to a phone, newest first. */
    async devOutbox(phone) {
        if (this.config.sms.transport !== 'dev-outbox')
            return [];
        const items = await this.redis.lrange(devOutboxKey(phone), 0, -1);
        return items.map((item) => JSON.parse(item));
    }
};
exports.SmsService = SmsService;
exports.SmsService = SmsService = SmsService_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, config_module_1.InjectConfig)()),
    __param(1, (0, redis_module_1.InjectRedis)()),
    __metadata("design:paramtypes", [Object, Function, clock_1.Clock])
], SmsService);
function devOutboxKey(phone) {
    return `sms:dev-outbox:${phone}`;
}
//# sourceMappingURL=sms.service.js.map