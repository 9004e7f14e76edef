import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OutboxJob } from './jobs';

/**
 * Writes a job into the outbox inside the caller's transaction (`manager` is that transaction's).
 * The job comes from its definition (`DEFINITION.job(payload)`), which made and checked its id.
 */
export async function writeOutbox(manager: EntityManager, job: OutboxJob): Promise<void> {
  await manager.query(
    'INSERT INTO outbox (queue, job_name, job_id, payload) VALUES ($1, $2, $3, $4::jsonb)',
    [job.queue, job.name, job.jobId, JSON.stringify(job.payload)],
  );
}

@Injectable()
export class OutboxService {
  enqueue(manager: EntityManager, job: OutboxJob): Promise<void> {
    return writeOutbox(manager, job);
  }
}
