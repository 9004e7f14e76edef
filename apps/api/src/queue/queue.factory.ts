import { Queue, type ConnectionOptions } from 'bullmq';
import type { AppConfig } from '../config/config';
import { DEFAULT_JOB_OPTIONS, type QueueName } from './jobs';

/** BullMQ keys live under `<REDIS_PREFIX>:q:<queue>:…`, beside the app's own `<REDIS_PREFIX>:` keys. */
export function bullPrefix(config: AppConfig): string {
  return `${config.redis.prefix}:q`;
}

export function bullConnection(config: AppConfig, forWorker: boolean): ConnectionOptions {
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

export function createQueue(config: AppConfig, name: QueueName): Queue {
  return new Queue(name, {
    connection: bullConnection(config, false),
    prefix: bullPrefix(config),
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  });
}
