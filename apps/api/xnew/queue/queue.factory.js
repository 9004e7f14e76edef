"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.bullPrefix = bullPrefix;
exports.bullConnection = bullConnection;
exports.createQueue = createQueue;
const bullmq_1 = require("bullmq");
const jobs_1 = require("./jobs");
/** BullMQ keys live under `<REDIS_PREFIX>:q:<queue>:…`, beside the app's own `<REDIS_PREFIX>:` keys. */
function bullPrefix(config) {
    return `${config.redis.prefix}:q`;
}
function bullConnection(config, forWorker) {
    const url = new URL(config.redis.url);
    return {
        host: url.hostname,
        port: Number(url.port || 6379),
        username: url.username || undefined,
        password: url.password ? decodeURIComponent(url.password) : undefined,
        db: Number(url.pathname.replace('/', '') || 0),
        tls: url.protocol === 'rediss:' ? {} : undefined,
        // Workers block on Redis; BullMQ requires unlimited retries for them.
        maxRetriesPerRequest: forWorker ? null : 1,
        enableOfflineQueue: forWorker,
    };
}
function createQueue(config, name) {
    return new bullmq_1.Queue(name, {
        connection: bullConnection(config, false),
        prefix: bullPrefix(config),
        defaultJobOptions: jobs_1.DEFAULT_JOB_OPTIONS,
    });
}
//# sourceMappingURL=queue.factory.js.map