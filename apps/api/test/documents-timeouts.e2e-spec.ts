import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { multipart, rawRequest, sleep, type RawResponse } from './utils/raw-http';
import { createResident, PDF_BYTES, type Resident } from './utils/residents';
import { createTestApp, type TestApp } from './utils/test-app';

const UPLOAD_TIMEOUT_MS = 1500;
const REQUEST_TIMEOUT_MS = 1000;
/** How late an answer may come after its deadline (timer, event loop and a loaded CI machine). */
const SLACK_MS = 1500;

/**
 * No request hangs (issue 9 item 7): a body that stalls, trickles, never ends or lacks its closing
 * boundary is answered within UPLOAD_TIMEOUT_MS (multipart) or REQUEST_TIMEOUT_MS (anything else),
 * the connection is closed, and the upload's scratch file and stored object are gone. Malformed
 * multipart answers 400, never 500.
 */
describe('documents: bodies that stall, trickle or break', () => {
  let t: TestApp;
  let db: DataSource;
  let dataDir: string;
  let port: number;
  let owner: Resident;
  let id: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'huanxin-docs-timeouts-'));
    t = await createTestApp({
      WRITE_LIMIT_PER_MINUTE: '100000',
      DATA_DIR: dataDir,
      UPLOAD_TIMEOUT_MS: String(UPLOAD_TIMEOUT_MS),
      REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    });
    await t.app.listen(0, '127.0.0.1');
    port = (t.server.address() as AddressInfo).port;
    db = t.app.get<DataSource>(getDataSourceToken());
    owner = await createResident(t, 8201);
    const res = await request(t.server)
      .post('/api/applications')
      .set('Cookie', owner.cookie)
      .send({ programCode: 'ebike-2026', facts: {} })
      .expect(201);
    id = res.body.id as string;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const scratch = () => {
    const dir = path.join(dataDir, 'documents', 'tmp');
    return existsSync(dir) ? readdirSync(dir) : [];
  };
  const stored = () => {
    const root = path.join(dataDir, 'documents');
    if (!existsSync(root)) return 0;
    return readdirSync(root)
      .filter((dir) => /^[0-9a-f]{2}$/.test(dir))
      .reduce((n, dir) => n + readdirSync(path.join(root, dir)).length, 0);
  };
  const rows = async () =>
    (
      (await db.query('SELECT count(*)::int AS n FROM application_document WHERE application_id = $1', [
        id,
      ])) as { n: number }[]
    )[0]!.n;
  const code = (res: RawResponse) => (JSON.parse(res.body) as { error: { code: string } }).error.code;
  /** Scratch files are removed right after the answer; give the unlink a moment. */
  const scratchEmpty = async () => {
    for (let i = 0; i < 40 && scratch().length > 0; i += 1) await sleep(25);
    expect(scratch()).toEqual([]);
  };

  function uploadHead(extra: Record<string, string> = {}, boundary = `----huanxin${randomUUID()}`) {
    return rawRequest(
      port,
      {
        method: 'POST',
        path: `/api/applications/${id}/documents`,
        headers: {
          cookie: owner.cookie,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          ...extra,
        },
      },
      { giveUpMs: UPLOAD_TIMEOUT_MS + SLACK_MS + 3000 },
    );
  }

  describe('answered within UPLOAD_TIMEOUT_MS, connection closed, nothing kept', () => {
    it.each([
      ['stalls before any part', (_boundary: string) => [Buffer.alloc(0)]],
      [
        'stalls inside the file',
        (boundary: string) => [Buffer.from(multipart(boundary, { kind: 'invoice' }).head), PDF_BYTES],
      ],
      [
        'ends the file but never sends the closing boundary',
        (boundary: string) => [
          Buffer.from(multipart(boundary, { kind: 'invoice' }).head),
          PDF_BYTES,
          Buffer.from(`\r\n--${boundary}`),
        ],
      ],
    ])('a multipart body that %s → 408 REQUEST_TIMEOUT', async (_name, pieces) => {
      const boundary = `----huanxin${randomUUID()}`;
      const before = { stored: stored(), rows: await rows() };
      const raw = uploadHead({ 'content-length': '200000' }, boundary);
      for (const piece of pieces(boundary)) raw.send(piece);
      const res = await raw.response;
      expect(res.status).toBe(408);
      expect(code(res)).toBe('REQUEST_TIMEOUT');
      expect(res.elapsedMs).toBeGreaterThanOrEqual(UPLOAD_TIMEOUT_MS - 50);
      expect(res.elapsedMs).toBeLessThan(UPLOAD_TIMEOUT_MS + SLACK_MS);
      expect(res.headers.connection).toBe('close');
      await scratchEmpty();
      expect(stored()).toBe(before.stored);
      expect(await rows()).toBe(before.rows);
    });

    it('a file that trickles in (chunked, a few bytes at a time, never finishing in time) → 408', async () => {
      const boundary = `----huanxin${randomUUID()}`;
      const raw = uploadHead({ 'transfer-encoding': 'chunked' }, boundary);
      const chunk = (bytes: Buffer | string) => {
        const data = Buffer.from(bytes);
        raw.send(Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')]));
      };
      chunk(multipart(boundary, { kind: 'invoice' }).head);
      chunk(PDF_BYTES);
      const drip = setInterval(() => chunk(Buffer.alloc(16, 0x20)), 100);
      const res = await raw.response;
      clearInterval(drip);
      expect(res.status).toBe(408);
      expect(code(res)).toBe('REQUEST_TIMEOUT');
      expect(res.elapsedMs).toBeLessThan(UPLOAD_TIMEOUT_MS + SLACK_MS);
      await scratchEmpty();
    });

    it('five stalled uploads at once are each answered, and leave nothing behind', async () => {
      const before = stored();
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => {
          const boundary = `----huanxin${randomUUID()}`;
          const raw = uploadHead({ 'content-length': '500000' }, boundary);
          raw.send(multipart(boundary, { kind: 'invoice' }).head);
          raw.send(PDF_BYTES);
          return raw.response;
        }),
      );
      expect(answers.map((res) => res.status)).toEqual([408, 408, 408, 408, 408]);
      await scratchEmpty();
      expect(stored()).toBe(before);
    });
  });

  describe('other requests: answered within REQUEST_TIMEOUT_MS', () => {
    it('a JSON body that never ends → 408 REQUEST_TIMEOUT, connection closed', async () => {
      const raw = rawRequest(
        port,
        {
          method: 'PATCH',
          path: `/api/applications/${id}`,
          headers: { cookie: owner.cookie, 'content-type': 'application/json', 'content-length': '5000' },
        },
        { giveUpMs: REQUEST_TIMEOUT_MS + SLACK_MS + 3000 },
      );
      raw.send('{"facts":{');
      const res = await raw.response;
      expect(res.status).toBe(408);
      expect(code(res)).toBe('REQUEST_TIMEOUT');
      expect(res.elapsedMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
      expect(res.elapsedMs).toBeLessThan(REQUEST_TIMEOUT_MS + SLACK_MS);
      expect(res.headers.connection).toBe('close');
    });

    it('a request that arrives in time is unaffected', async () => {
      const raw = rawRequest(port, {
        method: 'GET',
        path: '/api/health',
        headers: {},
      });
      const res = await raw.response;
      expect(res.status).toBe(200);
      raw.destroy();
    });
  });

  describe('malformed multipart answers 400 at once, never 500', () => {
    const send = (contentType: string, body: Buffer | string) =>
      request(t.server)
        .post(`/api/applications/${id}/documents`)
        .set('Cookie', owner.cookie)
        .set('Content-Type', contentType)
        .send(Buffer.from(body));

    it.each([
      [
        'no boundary',
        'multipart/form-data',
        '--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\ninvoice\r\n--x--\r\n',
      ],
      ['an empty boundary', 'multipart/form-data; boundary=', 'garbage'],
      ['garbage instead of parts', 'multipart/form-data; boundary=abc', 'this is not multipart at all'],
      [
        'a body that ends inside the file (no closing boundary)',
        'multipart/form-data; boundary=abc',
        Buffer.concat([Buffer.from(multipart('abc', { kind: 'invoice' }).head), PDF_BYTES]),
      ],
    ])('%s → 400', async (_name, contentType, body) => {
      const before = stored();
      const res = await send(contentType, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BAD_REQUEST');
      await scratchEmpty();
      expect(stored()).toBe(before);
    });

    it('a body cut short with the connection closed leaves nothing behind', async () => {
      const boundary = `----huanxin${randomUUID()}`;
      const raw = uploadHead({ 'content-length': '100000' }, boundary);
      raw.send(multipart(boundary, { kind: 'invoice' }).head);
      raw.send(PDF_BYTES);
      await sleep(200);
      raw.destroy();
      await raw.response;
      await scratchEmpty();
    });
  });
});
