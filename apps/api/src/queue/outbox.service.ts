import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { assertJobId, type JobName, type OutboxJob, type QueueName } from './jobs';

/** Writes a job into the outbox inside the caller's transaction (`manager` is that transaction's). */
export async function writeOutbox<Q extends QueueName, N extends JobName<Q>>(
  manager: EntityManager,
  job: OutboxJob<Q, N>,
): Promise<void> {
  await manager.query(
    'INSERT INTO outbox (queue, job_name, job_id, payload) VALUES ($1, $2, $3, $4::jsonb)',
    [job.queue, job.name, assertJobId(job.jobId), JSON.stringify(job.payload)],
  );
}

@Injectable()
export class OutboxService {
  enqueue<Q extends QueueName, N extends JobName<Q>>(
    manager: EntityManager,
    job: OutboxJob<Q, N>,
  ): Promise<void> {
    return writeOutbox(manager, job);
  }
}
