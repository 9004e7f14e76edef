import { randomBytes } from 'node:crypto';
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { readAnchorFile } from '../src/audit/audit-anchor';
import { AuditAnchorProcessor } from '../src/audit/audit-anchor.processor';
import { AuditRepository, type AuditRowInput } from '../src/audit/audit.repository';
import { AuditService } from '../src/audit/audit.service';
import { Clock, shanghaiDate } from '../src/common/clock';
import { chainAll } from './utils/audit';
import {
  clearRateLimits,
  createIdentityApp,
  dataSourceOf,
  DEMO_USERS,
  signInStaff,
  type SignedIn,
} from './utils/identity';
import type { TestApp } from './utils/test-app';

interface Entry {
  seq: number;
  action: string;
  objectType: string | null;
  objectId: string | null;
  chainSeq: number | null;
  hash: string | null;
}

/** Reads a binary answer (XLSX) whole. */
const binary = (res: NodeJS.ReadableStream, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/**
 * The auditor's console (issue 15): the log filtered by the record it is about, paged backwards,
 * exported as CSV/XLSX (formula-safe, capped, audited) and checked against the anchors outside
 * the database. Rows of this suite have object type `test_console` and ids of its own run, so
 * other suites' rows never match its filters. Nothing here changes a chained row.
 */
describe('audit console', () => {
  let t: TestApp;
  /** The same API with AUDIT_EXPORT_MAX_ROWS=3. Created first: the app created last logs for Nest's static Logger. */
  let capped: TestApp;
  let db: DataSource;
  let auditor: SignedIn;
  let rows: AuditRepository;
  let dir: string;
  const run = randomBytes(4).toString('hex');
  /** The record of the main fixture: 5 rows, 3 of them with hostile cells. */
  const objectId = `cons-${run}`;
  const otherId = `cons-${run}-other`;
  const threeId = `cons-${run}-three`;
  const HOSTILE = {
    requestId: '=HYPERLINK("http://evil.example","x")',
    ip: '+1-2',
    actorRole: '@SUM(A1)',
  };

  const row = (over: Partial<AuditRowInput>): AuditRowInput => ({
    actorId: null,
    actorRole: null,
    action: 'test.console',
    objectType: 'test_console',
    objectId,
    result: 'success',
    ip: null,
    requestId: null,
    detail: {},
    ...over,
  });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'huanxin-audit-console-'));
    capped = await createIdentityApp({ AUDIT_EXPORT_MAX_ROWS: '3' });
    t = await createIdentityApp({ AUDIT_ANCHOR_FILE: path.join(dir, 'anchors.jsonl') });
    db = dataSourceOf(t);
    rows = t.app.get(AuditRepository);
    await clearRateLimits(t.config);
    auditor = await signInStaff(t, DEMO_USERS.auditor);
    for (let i = 1; i <= 5; i++) await rows.insert(row({ detail: { i }, ...(i % 2 === 1 ? HOSTILE : {}) }));
    await rows.insert(row({ objectId: otherId, detail: { i: 0 } }));
    for (let i = 0; i < 3; i++) await rows.insert(row({ objectId: threeId, detail: { i } }));
    await chainAll(db, t.config);
  });
  afterAll(async () => {
    await t.close();
    await capped.close();
    await rm(dir, { recursive: true, force: true });
  });

  const get = (url: string, query: Record<string, string | number> = {}) =>
    request(t.server).get(url).query(query).set('cookie', auditor.cookie);
  const lastRow = async (action: string) =>
    (
      (await db.query('SELECT * FROM audit_log WHERE action = $1 ORDER BY seq DESC LIMIT 1', [action])) as {
        seq: string;
        actor_id: string;
        result: string;
        object_type: string | null;
        detail: Record<string, unknown>;
      }[]
    )[0];
  const countOf = async (action: string) =>
    (
      (await db.query('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action])) as {
        n: number;
      }[]
    )[0]!.n;
  const fixtureSeqs = async (): Promise<number[]> =>
    (
      (await db.query('SELECT seq FROM audit_log WHERE object_id = $1 ORDER BY seq DESC', [objectId])) as {
        seq: string;
      }[]
    ).map((r) => Number(r.seq));

  describe('GET /api/audit by the record a row is about', () => {
    it('objectType + objectId → that record’s rows only, newest first; the read is audited with the filters', async () => {
      const res = await get('/api/audit', { objectType: 'test_console', objectId }).expect(200);
      const body = res.body as Entry[];
      expect(body.map((e) => e.seq)).toEqual(await fixtureSeqs());
      expect(body).toHaveLength(5);
      for (const entry of body)
        expect(entry).toEqual(
          expect.objectContaining({ objectType: 'test_console', objectId, chainSeq: expect.any(Number) }),
        );
      expect((await lastRow('audit.read'))!.detail).toEqual({
        filters: { objectType: 'test_console', objectId },
      });
    });

    it('objectType alone → rows of that kind (both records), none of another kind', async () => {
      const res = await get('/api/audit', { objectType: 'test_console', limit: 500 }).expect(200);
      const ids = new Set((res.body as Entry[]).map((e) => e.objectId));
      expect(ids.has(objectId) && ids.has(otherId)).toBe(true);
      expect((res.body as Entry[]).every((e) => e.objectType === 'test_console')).toBe(true);
    });

    it('paging by beforeSeq, 2 at a time, walks the 5 rows back without a gap or a repeat', async () => {
      const seen: number[] = [];
      let beforeSeq: number | undefined;
      for (const size of [2, 2, 1, 0]) {
        const res = await get('/api/audit', {
          objectType: 'test_console',
          objectId,
          limit: 2,
          ...(beforeSeq ? { beforeSeq } : {}),
        }).expect(200);
        const page = (res.body as Entry[]).map((e) => e.seq);
        expect(page).toHaveLength(size);
        seen.push(...page);
        beforeSeq = page.at(-1);
        if (!size) break;
      }
      expect(seen).toEqual(await fixtureSeqs());
    });

    it.each([
      ['/api/audit', { objectId }, 'objectType', 'REQUIRED'],
      ['/api/audit', { objectType: 'User', objectId }, 'objectType', 'INVALID_FORMAT'],
      ['/api/audit', { objectType: 'user;drop', objectId }, 'objectType', 'INVALID_FORMAT'],
      ['/api/audit', { objectType: 'user', objectId: '=1+2' }, 'objectId', 'INVALID_FORMAT'],
      ['/api/audit', { objectType: 'user', objectId: 'x'.repeat(129) }, 'objectId', 'INVALID_FORMAT'],
      ['/api/audit', { from: '2026-07-02', to: '2026-07-01' }, 'to', 'OUT_OF_RANGE'],
      ['/api/audit', { from: '2026-07-01T00:00:00Z', to: '2026-07-01T00:00:00Z' }, 'to', 'OUT_OF_RANGE'],
      ['/api/audit/export', { objectId }, 'objectType', 'REQUIRED'],
      ['/api/audit/export', { format: 'pdf' }, 'format', 'NOT_IN_OPTIONS'],
      ['/api/audit/export', { from: '2026-07-02', to: '2026-07-01' }, 'to', 'OUT_OF_RANGE'],
      ['/api/audit/export', { beforeSeq: 10 }, 'beforeSeq', 'UNKNOWN_FIELD'],
      ['/api/audit/anchors', { last: 0 }, 'last', 'OUT_OF_RANGE'],
      ['/api/audit/anchors', { last: 367 }, 'last', 'OUT_OF_RANGE'],
    ])('GET %s %j → 422 on %s (%s), nothing recorded', async (url, query, field, code) => {
      const before = await Promise.all(['audit.exported', 'audit.anchors_checked'].map(countOf));
      const res = await get(url, query).expect(422);
      expect(res.body.error.fields).toEqual({ [field]: code });
      expect(await Promise.all(['audit.exported', 'audit.anchors_checked'].map(countOf))).toEqual(before);
    });
  });

  describe('GET /api/audit/export', () => {
    it('CSV: UTF-8 with BOM, the filtered rows newest first, formula cells escaped, audited with the filters', async () => {
      const res = await get('/api/audit/export', {
        format: 'csv',
        objectType: 'test_console',
        objectId,
      }).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="audit-log-${shanghaiDate(new Date())}.csv"`,
      );
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.text.startsWith('\uFEFF')).toBe(true);
      const [header, ...lines] = parse(res.text.slice(1)) as string[][];
      expect(header).toEqual([
        '序号/seq',
        '时间/at',
        '操作人/actor_id',
        '角色/actor_role',
        '操作/action',
        '对象类型/object_type',
        '对象/object_id',
        '结果/result',
        '地址/ip',
        '请求/request_id',
        '详情/detail',
        '链位置/chain_seq',
        '哈希/hash',
      ]);
      expect(lines.map((l) => Number(l[0]))).toEqual(await fixtureSeqs());
      // Rows 1, 3, 5 (the newest is 5): hostile cells with an apostrophe, a spreadsheet shows them as text.
      for (const line of [lines[0]!, lines[2]!, lines[4]!]) {
        expect(line[3]).toBe(`'${HOSTILE.actorRole}`);
        expect(line[8]).toBe(`'${HOSTILE.ip}`);
        expect(line[9]).toBe(`'${HOSTILE.requestId}`);
      }
      expect(lines[1]![9]).toBe('');
      expect(JSON.parse(lines[0]![10]!)).toEqual({ i: 5 });
      expect(lines[0]![12]).toMatch(/^[0-9a-f]{64}$/);
      const audited = await lastRow('audit.exported');
      expect(audited).toEqual(
        expect.objectContaining({
          actor_id: auditor.user.id,
          result: 'success',
          detail: {
            filters: { objectType: 'test_console', objectId },
            format: 'csv',
            rows: 5,
            upToSeq: expect.any(Number),
          },
        }),
      );
    });

    it('XLSX: one sheet, the same rows, numbers as numbers and formula cells as escaped text', async () => {
      const res = await get('/api/audit/export', { format: 'xlsx', objectType: 'test_console', objectId })
        .buffer(true)
        .parse(binary as never)
        .expect(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as never);
      const sheet = workbook.getWorksheet('audit_log')!;
      expect(sheet.getRow(1).getCell(1).value).toBe('序号/seq');
      const seqs: unknown[] = [];
      sheet.eachRow((r, n) => {
        if (n > 1) seqs.push(r.getCell(1).value);
      });
      expect(seqs).toEqual(await fixtureSeqs());
      const newest = sheet.getRow(2);
      expect(newest.getCell(4).value).toBe(`'${HOSTILE.actorRole}`);
      expect(newest.getCell(10).value).toBe(`'${HOSTILE.requestId}`);
      expect(typeof newest.getCell(12).value).toBe('number');
      expect((await lastRow('audit.exported'))!.detail).toEqual(
        expect.objectContaining({ format: 'xlsx', rows: 5 }),
      );
    });

    it('is pinned to the log as it started: an export of audit.exported rows does not hold its own row', async () => {
      const res = await get('/api/audit/export', { action: 'audit.exported' }).expect(200);
      const seqs = (parse(res.text.slice(1)) as string[][]).slice(1).map((l) => Number(l[0]));
      const own = Number((await lastRow('audit.exported'))!.seq);
      expect(seqs.length).toBeGreaterThan(0);
      expect(seqs).not.toContain(own);
      expect(Math.max(...seqs)).toBeLessThan(own);
    });

    it('2,500 rows (three pages of the writer) → every row once, newest first, in CSV and XLSX', async () => {
      const many = `cons-${run}-many`;
      await rows.insertMany(Array.from({ length: 2500 }, (_, i) => row({ objectId: many, detail: { i } })));
      const query = { objectType: 'test_console', objectId: many };
      const csv = await get('/api/audit/export', query).expect(200);
      const details = (parse(csv.text.slice(1)) as string[][]).slice(1).map((l) => JSON.parse(l[10]!).i);
      expect(details).toEqual(Array.from({ length: 2500 }, (_, i) => 2499 - i));
      const xlsx = await get('/api/audit/export', { ...query, format: 'xlsx' })
        .buffer(true)
        .parse(binary as never)
        .expect(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body as never);
      expect(workbook.getWorksheet('audit_log')!.actualRowCount).toBe(2501);
    });

    it('no matching row → the header alone (an empty answer is still a file)', async () => {
      const res = await get('/api/audit/export', {
        objectType: 'test_console',
        objectId: `none-${run}`,
      }).expect(200);
      expect(parse(res.text.slice(1))).toHaveLength(1);
    });

    describe('above AUDIT_EXPORT_MAX_ROWS (3 here)', () => {
      it('5 matching rows → 422 AUDIT_EXPORT_TOO_LARGE with the limit, recorded as a failed export, nothing sent', async () => {
        const res = await request(capped.server)
          .get('/api/audit/export')
          .query({ objectType: 'test_console', objectId })
          .set('cookie', auditor.cookie)
          .expect(422);
        expect(res.body.error).toEqual(expect.objectContaining({ code: 'AUDIT_EXPORT_TOO_LARGE', limit: 3 }));
        expect(res.headers['content-disposition']).toBeUndefined();
        expect(await lastRow('audit.exported')).toEqual(
          expect.objectContaining({
            result: 'failure',
            detail: {
              filters: { objectType: 'test_console', objectId },
              format: 'csv',
              reason: 'too_large',
              limit: 3,
            },
          }),
        );
      });

      it('exactly the limit (3 rows) → exported, all 3', async () => {
        const res = await request(capped.server)
          .get('/api/audit/export')
          .query({ objectType: 'test_console', objectId: threeId })
          .set('cookie', auditor.cookie)
          .expect(200);
        expect((parse(res.text.slice(1)) as string[][]).slice(1).map((l) => l[6])).toEqual([
          threeId,
          threeId,
          threeId,
        ]);
      });
    });
  });

  describe('GET /api/audit/anchors', () => {
    const file = () => path.join(dir, 'anchors.jsonl');
    const anchorNow = async () => {
      await chainAll(db, t.config);
      return new AuditAnchorProcessor(db, t.config, t.app.get(AuditService), new Clock()).anchor();
    };

    it('no file yet → fileFound false, no anchors, the chain check alone; audited', async () => {
      await chainAll(db, t.config);
      const res = await get('/api/audit/anchors').expect(200);
      expect(res.body).toEqual({
        file: file(),
        fileFound: false,
        anchors: [],
        report: expect.objectContaining({ anchors: 0, anchorsMatched: 0, brokenLines: [] }),
      });
      expect(res.body.report.ok).toBe(res.body.report.chain.ok);
      expect(await lastRow('audit.anchors_checked')).toEqual(
        expect.objectContaining({ actor_id: auditor.user.id, object_type: 'audit_chain' }),
      );
    });

    it('after the worker anchored the head → the anchor listed and matched, ok', async () => {
      const anchor = (await anchorNow())!;
      const res = await get('/api/audit/anchors').expect(200);
      expect(res.body.fileFound).toBe(true);
      expect(res.body.anchors).toEqual([
        { line: 1, chainSeq: anchor.chainSeq, hash: anchor.hash, anchoredAt: anchor.anchoredAt },
      ]);
      expect(res.body.report).toEqual(
        expect.objectContaining({ ok: true, anchors: 1, anchorsMatched: 1, brokenLines: [] }),
      );
      expect(res.body.report.firstMismatch).toBeUndefined();
      expect((await lastRow('audit.anchors_checked'))!.result).toBe('success');
    });

    it('an anchor the database disagrees with → ok false, the first mismatch with both hashes; audited as a failure', async () => {
      const [held] = (await db.query(`SELECT chain_seq, hash FROM audit_log WHERE chain_seq = 1`)) as {
        chain_seq: string;
        hash: Buffer;
      }[];
      const { lastLineHash } = await readAnchorFile(file());
      const forged = {
        v: 1,
        chainSeq: 1,
        hash: 'f'.repeat(64),
        rowAt: new Date().toISOString(),
        anchoredAt: new Date().toISOString(),
        prev: lastLineHash,
      };
      await appendFile(file(), `${JSON.stringify(forged)}\n`);
      const res = await get('/api/audit/anchors').expect(200);
      expect(res.body.report).toEqual(
        expect.objectContaining({
          ok: false,
          anchors: 2,
          anchorsMatched: 1,
          firstMismatch: {
            line: 2,
            chainSeq: 1,
            expectedHash: 'f'.repeat(64),
            foundHash: held!.hash.toString('hex'),
          },
          brokenLines: [],
        }),
      );
      expect(await lastRow('audit.anchors_checked')).toEqual(
        expect.objectContaining({
          result: 'failure',
          detail: expect.objectContaining({
            firstMismatch: expect.objectContaining({ line: 2, chainSeq: 1 }),
          }),
        }),
      );
    });

    it('a line that does not parse → its number in brokenLines; last=1 lists the newest readable anchor only', async () => {
      await appendFile(file(), 'not json\n');
      const res = await get('/api/audit/anchors', { last: 1 }).expect(200);
      expect(res.body.report.brokenLines).toEqual([3]);
      expect(res.body.anchors).toEqual([expect.objectContaining({ line: 2, chainSeq: 1 })]);
      expect((await readFile(file(), 'utf8')).split('\n')).toHaveLength(4);
    });
  });
});
