import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { useFakeClock, type FakeClock } from './utils/fake-clock';
import { createResident, PDF_BYTES } from './utils/residents';
import { createTestApp, type TestApp } from './utils/test-app';

// s3rver ships no types: an S3-compatible server in Node, run on loopback for this suite.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
};

/** Documents stored in S3-compatible object storage (STORAGE_DRIVER=s3) instead of DATA_DIR. */
describe('documents in S3-compatible object storage', () => {
  let server: InstanceType<typeof S3rver>;
  let directory: string;
  let t: TestApp;
  let clock: FakeClock;

  beforeAll(async () => {
    directory = mkdtempSync(path.join(tmpdir(), 'huanxin-s3-'));
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory,
      configureBuckets: [{ name: 'huanxin-docs' }],
    });
    const { port } = await server.run();
    t = await createTestApp({
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: 'huanxin-docs',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    });
    clock = useFakeClock(t.app, new Date('2026-05-05T02:00:00Z'));
  });
  afterAll(async () => {
    clock.restore();
    await t.close();
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('uploads to the bucket under a server key and serves the same bytes back to the owner only', async () => {
    const owner = await createResident(t, 5001);
    const other = await createResident(t, 5002);
    const draft = await request(t.server)
      .post('/api/applications')
      .set('Cookie', owner.cookie)
      .send({ programCode: 'ebike-2026', facts: {} })
      .expect(201);
    const bytes = Buffer.concat([PDF_BYTES, Buffer.from('stored in object storage')]);
    const uploaded = await request(t.server)
      .post(`/api/applications/${draft.body.id}/documents`)
      .set('Cookie', owner.cookie)
      .field('kind', 'invoice')
      .attach('file', bytes, 'invoice.pdf')
      .expect(201);
    const file = await request(t.server)
      .get(`/api/applications/${draft.body.id}/documents/${uploaded.body.id}`)
      .set('Cookie', owner.cookie)
      .buffer(true)
      .expect(200);
    expect(Buffer.compare(file.body as Buffer, bytes)).toBe(0);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    await request(t.server)
      .get(`/api/applications/${draft.body.id}/documents/${uploaded.body.id}`)
      .set('Cookie', other.cookie)
      .expect(404);
    // The object is in the bucket (under its server-generated key), not on the local disk.
    const db = t.app.get<DataSource>(getDataSourceToken());
    const [row] = (await db.query('SELECT storage_key FROM application_document WHERE id = $1', [
      uploaded.body.id,
    ])) as { storage_key: string }[];
    const stored = readdirSync(directory, { recursive: true }).map(String);
    expect(stored.some((name) => name.includes(row!.storage_key))).toBe(true);
    expect(
      existsSync(
        path.join(t.config.storage.dataDir, 'documents', row!.storage_key.slice(0, 2), row!.storage_key),
      ),
    ).toBe(false);
  });

  it('refuses to start with s3 chosen but not configured', async () => {
    await expect(createTestApp({ STORAGE_DRIVER: 's3' })).rejects.toThrow(
      /S3_ENDPOINT: required when STORAGE_DRIVER=s3/,
    );
  });
});
