import type { ApplicationStatus } from '@huanxin/shared';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { dataSourceOf } from './identity';
import type { TestApp } from './test-app';

/**
 * A claim of the signed-in resident in a given status, for suites that need one a reviewer is
 * working on (the reveal needs `in_review`). The draft is created through the API; the status is
 * then set directly (the checks that move a claim into review are proved in checks.int-spec).
 */
export async function claimWithStatus(
  t: TestApp,
  residentCookie: string,
  status: ApplicationStatus = 'in_review',
): Promise<string> {
  const res = await request(t.server)
    .post('/api/applications')
    .set('cookie', residentCookie)
    .send({ programCode: 'car-scrap-2026', facts: {} })
    .expect(201);
  const id = res.body.id as string;
  if (status !== 'draft') await setClaimStatus(dataSourceOf(t), id, status);
  return id;
}

/**
 * Moves a draft straight to `status` with the columns the pipeline sets on the way: submitted and,
 * past the checks, complete. The review queue orders by `complete_at`, and suites share one
 * database: a claim left in review without it sorts after every real one in another suite's queue.
 */
export async function setClaimStatus(db: Pick<DataSource, 'query'>, id: string, status: ApplicationStatus) {
  await db.query(
    `UPDATE application SET status = $1, submitted_at = now(),
            complete_at = CASE WHEN $1 IN ('submitted', 'checking') THEN NULL ELSE now() END
      WHERE id = $2`,
    [status, id],
  );
}
