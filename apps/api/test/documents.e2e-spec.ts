import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAX_DOCUMENTS_PER_APPLICATION, type ApplicationStatus } from '@huanxin/shared';
import { getDataSourceToken } from '@nestjs/typeorm';
import { eligibleClaim } from '@huanxin/shared/testing';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { setClaimStatus } from './utils/claims';
import { useFakeClock, type FakeClock } from './utils/fake-clock';
import { multipart, rawRequest, sleep, type RawRequest } from './utils/raw-http';
import { createResident, PDF_BYTES, type Resident } from './utils/residents';
import { createTestApp, type TestApp } from './utils/test-app';

const APPLIANCE_DOCS = ['invoice', 'energy_label_photo', 'serial_number_photo'];
let counter = 0;
/** The shared eligible appliance-2026 purchase; invoice and serial numbers of this suite only. */
function fridge() {
  counter += 1;
  return eligibleClaim('appliance', {
    'item.invoiceNo': `2639${String(counter).padStart(16, '0')}`,
    'item.serialNo': `SN-DOCS-${counter}`,
    'oldItem.handedIn': true,
  }).facts;
}
const unique = (label: string) => Buffer.concat([PDF_BYTES, Buffer.from(`${label}-${randomUUID()}`)]);

/**
 * Documents of a claim (issue 9 items 6 and 12): they freeze when the claim is submitted, even for
 * an upload that began before; the per-claim limit holds under parallel uploads; uploads and
 * downloads are audited without the file's name or content.
 */
describe('documents (resident, through HTTP)', () => {
  let t: TestApp;
  let clock: FakeClock;
  let db: DataSource;
  let dataDir: string;
  let port: number;
  let alice: Resident;
  let bob: Resident;
  let nextResident = 8100;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'huanxin-docs-'));
    t = await createTestApp({ WRITE_LIMIT_PER_MINUTE: '100000', DATA_DIR: dataDir });
    await t.app.listen(0, '127.0.0.1');
    port = (t.server.address() as AddressInfo).port;
    clock = useFakeClock(t.app, new Date('2026-05-01T02:00:00Z'));
    db = t.app.get<DataSource>(getDataSourceToken());
    alice = await createResident(t, 8001);
    bob = await createResident(t, 8002);
  });
  afterAll(async () => {
    clock.restore();
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Files of uploads in progress (must be none once every request is answered). */
  const scratch = () => {
    const dir = path.join(dataDir, 'documents', 'tmp');
    return existsSync(dir) ? readdirSync(dir) : [];
  };
  /** Stored objects (local storage: DATA_DIR/documents/<2 hex>/<key>). */
  const stored = () => {
    const root = path.join(dataDir, 'documents');
    if (!existsSync(root)) return 0;
    return readdirSync(root)
      .filter((dir) => /^[0-9a-f]{2}$/.test(dir))
      .reduce((n, dir) => n + readdirSync(path.join(root, dir)).length, 0);
  };
  const rows = async (id: string) =>
    (
      (await db.query('SELECT count(*)::int AS n FROM application_document WHERE application_id = $1', [
        id,
      ])) as { n: number }[]
    )[0]!.n;
  const resident = () => createResident(t, (nextResident += 1));

  async function draft(owner: Resident): Promise<string> {
    const res = await request(t.server)
      .post('/api/applications')
      .set('Cookie', owner.cookie)
      .send({ programCode: 'appliance-2026', facts: fridge() })
      .expect(201);
    return res.body.id as string;
  }
  function upload(owner: Resident, id: string, kind: string, bytes = unique(kind), filename = 'doc.pdf') {
    return request(t.server)
      .post(`/api/applications/${id}/documents`)
      .set('Cookie', owner.cookie)
      .field('kind', kind)
      .attach('file', bytes, filename);
  }
  function submit(owner: Resident, id: string) {
    return request(t.server)
      .post(`/api/applications/${id}/submit`)
      .set('Cookie', owner.cookie)
      .set('Idempotency-Key', randomUUID());
  }
  async function ready(owner: Resident, kinds = APPLIANCE_DOCS): Promise<string> {
    const id = await draft(owner);
    for (const kind of kinds) await upload(owner, id, kind).expect(201);
    return id;
  }
  /** An upload whose body arrives in steps: the head and the first bytes now, the rest on `finish`. */
  function slowUpload(owner: Resident, id: string, kind: string): { finish(): void; raw: RawRequest } {
    const boundary = `----huanxin${randomUUID()}`;
    const parts = multipart(boundary, { kind });
    const bytes = unique(kind);
    const body = Buffer.concat([Buffer.from(parts.head), bytes, Buffer.from(parts.close)]);
    const raw = rawRequest(port, {
      method: 'POST',
      path: `/api/applications/${id}/documents`,
      headers: {
        cookie: owner.cookie,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(body.length),
      },
    });
    const cut = Buffer.byteLength(parts.head) + 32;
    raw.send(body.subarray(0, cut));
    return { raw, finish: () => raw.send(body.subarray(cut)) };
  }
  /** Waits until the server is streaming `n` uploads into its scratch directory. */
  async function streaming(n: number): Promise<void> {
    for (let i = 0; i < 200 && scratch().length < n; i += 1) await sleep(25);
    expect(scratch()).toHaveLength(n);
  }

  describe('they freeze when the claim is submitted (issue 9 item 6)', () => {
    it('an upload still arriving when the claim is submitted is refused at its end: 409 WRONG_STATE, no row, nothing kept (8 claims at once)', async () => {
      const owners = await Promise.all(Array.from({ length: 8 }, () => resident()));
      const ids = await Promise.all(owners.map((owner) => ready(owner)));
      const before = stored();
      const slow = ids.map((id, i) => slowUpload(owners[i]!, id, 'invoice'));
      await streaming(8);

      const submitted = await Promise.all(ids.map((id, i) => submit(owners[i]!, id)));
      expect(submitted.map((res) => res.status)).toEqual(ids.map(() => 200));
      for (const upload of slow) upload.finish();
      const answers = await Promise.all(slow.map((upload) => upload.raw.response));

      expect(answers.map((res) => res.status)).toEqual(ids.map(() => 409));
      expect(answers.map((res) => JSON.parse(res.body).error.code)).toEqual(ids.map(() => 'WRONG_STATE'));
      expect(await Promise.all(ids.map(rows))).toEqual(ids.map(() => APPLIANCE_DOCS.length));
      expect(scratch()).toEqual([]);
      expect(stored()).toBe(before);
    });

    it('the submit sees only the documents on file: one still arriving does not count, and counts once it lands', async () => {
      const owner = await resident();
      const id = await ready(owner, APPLIANCE_DOCS.slice(0, 2));
      const slow = slowUpload(owner, id, 'serial_number_photo');
      await streaming(1);

      const early = await submit(owner, id).expect(422);
      expect(early.body.error).toMatchObject({
        code: 'MISSING_DOCUMENTS',
        fields: { 'documents.serial_number_photo': 'REQUIRED' },
      });
      slow.finish();
      const landed = await slow.raw.response;
      expect(landed.status).toBe(201);
      expect(JSON.parse(landed.body)).toMatchObject({ kind: 'serial_number_photo' });
      await submit(owner, id).expect(200);
      expect(await rows(id)).toBe(3);
    });

    it('uploads racing submits either land before the submit or are refused, never after (10 claims at once)', async () => {
      const owners = await Promise.all(Array.from({ length: 10 }, () => resident()));
      const ids = await Promise.all(owners.map((owner) => ready(owner)));
      const results = await Promise.all(
        ids.map((id, i) => Promise.all([upload(owners[i]!, id, 'invoice'), submit(owners[i]!, id)] as const)),
      );
      for (const [index, [uploaded, submitted]] of results.entries()) {
        expect(submitted.status).toBe(200);
        expect([201, 409]).toContain(uploaded.status);
        if (uploaded.status === 409) expect(uploaded.body.error.code).toBe('WRONG_STATE');
        expect(await rows(ids[index]!)).toBe(APPLIANCE_DOCS.length + (uploaded.status === 201 ? 1 : 0));
      }
      expect(scratch()).toEqual([]);
    });

    it.each<[ApplicationStatus, number]>([
      ['submitted', 409],
      ['checking', 409],
      ['in_review', 409],
      ['withdrawn', 409],
      ['returned', 201],
    ])('a claim that is %s → %i', async (status, expected) => {
      const owner = await resident();
      const id = await draft(owner);
      await setClaimStatus(db, id, status);
      const before = stored();
      const res = await upload(owner, id, 'invoice').expect(expected);
      if (expected === 409) {
        expect(res.body.error.code).toBe('WRONG_STATE');
        expect(await rows(id)).toBe(0);
        expect(stored()).toBe(before);
      }
      expect(scratch()).toEqual([]);
    });
  });

  describe(`at most ${MAX_DOCUMENTS_PER_APPLICATION} per claim`, () => {
    it.each([1, 2, 3])(
      'round %i: 26 parallel uploads → exactly 20 stored, 6 × 409 TOO_MANY_DOCUMENTS',
      async () => {
        const owner = await resident();
        const id = await draft(owner);
        const before = stored();
        const answers = await Promise.all(
          Array.from({ length: 26 }, (_, i) => upload(owner, id, APPLIANCE_DOCS[i % 3]!)),
        );
        const statuses = answers.map((res) => res.status).sort();
        expect(statuses).toEqual([...Array(20).fill(201), ...Array(6).fill(409)]);
        for (const res of answers.filter((r) => r.status === 409))
          expect(res.body.error.code).toBe('TOO_MANY_DOCUMENTS');
        expect(await rows(id)).toBe(MAX_DOCUMENTS_PER_APPLICATION);
        expect(stored() - before).toBe(MAX_DOCUMENTS_PER_APPLICATION);
        expect(scratch()).toEqual([]);
      },
    );
  });

  describe('routes', () => {
    it('lists the claim’s documents for its owner only', async () => {
      const id = await ready(alice, ['invoice']);
      const res = await request(t.server)
        .get(`/api/applications/${id}/documents`)
        .set('Cookie', alice.cookie)
        .expect(200);
      expect(res.body).toEqual([
        {
          id: expect.any(String),
          kind: 'invoice',
          contentType: 'application/pdf',
          size: expect.any(Number),
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
      ]);
      await request(t.server).get(`/api/applications/${id}/documents`).set('Cookie', bob.cookie).expect(404);
    });
  });

  describe('audited without the file’s name or content (issue 9 item 12)', () => {
    interface AuditRow {
      actor_id: string | null;
      actor_role: string | null;
      action: string;
      object_type: string | null;
      object_id: string | null;
      result: string;
      detail: Record<string, unknown>;
    }
    const audits = async (action: string, applicationId: string) =>
      (await db.query(
        `SELECT actor_id, actor_role, action, object_type, object_id, result, detail FROM audit_log
          WHERE action = $1 AND detail->>'applicationId' = $2 ORDER BY seq`,
        [action, applicationId],
      )) as AuditRow[];

    it('an upload: who, which claim, which kind, the result; never the file name', async () => {
      const id = await draft(alice);
      const res = await upload(alice, id, 'invoice', unique('x'), '13905328001-张三发票.pdf').expect(201);
      await upload(alice, id, 'invoice', Buffer.from('<html>13905328001</html>'), '张三.pdf').expect(415);
      await upload(bob, id, 'invoice').expect(404);
      const rows = await audits('document.uploaded', id);
      expect(rows).toEqual([
        {
          actor_id: alice.id,
          actor_role: 'resident',
          action: 'document.uploaded',
          object_type: 'application_document',
          object_id: res.body.id,
          result: 'success',
          detail: { applicationId: id, kind: 'invoice' },
        },
        expect.objectContaining({
          actor_id: alice.id,
          result: 'failure',
          object_id: null,
          detail: { applicationId: id, kind: 'invoice', code: 'UNSUPPORTED_MEDIA_TYPE' },
        }),
        expect.objectContaining({
          actor_id: bob.id,
          result: 'failure',
          // Refused before its body was read: the kind is not known.
          detail: { applicationId: id, code: 'APPLICATION_NOT_FOUND' },
        }),
      ]);
      expect(JSON.stringify(rows)).not.toMatch(/13905328001|张三/);
    });

    it('a download: who, which claim and document, the result', async () => {
      const id = await draft(alice);
      const uploaded = await upload(alice, id, 'energy_label_photo').expect(201);
      await request(t.server)
        .get(`/api/applications/${id}/documents/${uploaded.body.id}`)
        .set('Cookie', alice.cookie)
        .buffer(true)
        .expect(200);
      await request(t.server)
        .get(`/api/applications/${id}/documents/${uploaded.body.id}`)
        .set('Cookie', bob.cookie)
        .expect(404);
      expect(await audits('document.downloaded', id)).toEqual([
        {
          actor_id: alice.id,
          actor_role: 'resident',
          action: 'document.downloaded',
          object_type: 'application_document',
          object_id: uploaded.body.id,
          result: 'success',
          detail: { applicationId: id, kind: 'energy_label_photo' },
        },
        expect.objectContaining({
          actor_id: bob.id,
          object_id: uploaded.body.id,
          result: 'failure',
          detail: { applicationId: id, code: 'DOCUMENT_NOT_FOUND' },
        }),
      ]);
    });
  });
});
