import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { InjectRedis } from '../redis/redis.module';
import { QueuesService } from '../queue/queues.service';

export type CheckState = 'ok' | 'down';
export interface HealthReport {
  status: 'ok' | 'degraded';
  checks: { database: CheckState; redis: CheckState; queue: CheckState };
}

const CHECK_TIMEOUT_MS = 2000;

async function probe(check: () => Promise<unknown>): Promise<CheckState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'ok';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRedis() private readonly redis: Redis,
    private readonly queues: QueuesService,
  ) {}

  async check(): Promise<HealthReport> {
    const [database, redis, queue] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.redis.ping()),
      // The queue is usable when its own connection reaches Redis and answers for its keys.
      probe(() => this.queues.get('budget').getJobCounts('waiting')),
    ]);
    const checks = { database, redis, queue };
    return { status: Object.values(checks).every((state) => state === 'ok') ? 'ok' : 'degraded', checks };
  }
}
