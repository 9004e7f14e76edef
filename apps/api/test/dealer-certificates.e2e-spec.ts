import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { computeVinCheckDigit, type CertificateView, type RecyclingReceiptView } from '@huanxin/shared';
import request from 'supertest';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { PiiCipher } from '../src/common/crypto/pii-cipher';
import { dataSourceOptions } from '../src/database/data-source';
import { DealerRecordsRepository } from '../src/dealers/certificates/dealer-records.repository';
import { DealerRecordsRiskRepository } from '../src/risk/dealer-records.repository';
import { registerDealer, type DealerOrganization } from './utils/dealers';
import { dataSourceOf, DEMO_USERS, signInStaff } from './utils/identity';
import { PDF_BYTES, residentIdentity } from './utils/residents';
import { vinFor } from './utils/review-claims';
import { createTestApp, type TestApp } from './utils/test-app';

jest.setTimeout(120_000);

/** A PNG's signature (the upload check reads magic bytes). */
const PNG_BYTES = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);

let serial = 0;
/** Fields of a valid certificate with numbers of its own; the owner is resident `owner` (700–999). */
function certificateFields(owner = 700, changes: Record<string, string | undefined> = {}) {
  serial += 1;
  const fields: Record<string, string | undefined> = {
    certificateNo: `BF2026-MC${String(serial).padStart(5, '0')}`,
    vin: vinFor('LSJMCCE1', serial),
    plate: '鲁A12345',
    ownerName: '张三',
    ownerIdNumber: residentIdentity(owner).idNumber,
    handedOverOn: '2026-03-02',
    deregisteredOn: '2026-03-05',
    ...changes,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
}

function receiptBody(seller = 800, changes: Record<string, unknown> = {}) {
  serial += 1;
  return {
    receiptNo: `HS2026-MC${String(serial).padStart(5, '0')}`,
    category: 'refrigerator',
    sellerIdNumber: residentIdentity(seller).idNumber,
    recycledOn: '2026-04-18',
    ...changes,
  };
}

/**
 * Dismantlers' certificates, recyclers' receipts and registration documents through HTTP against
 * the real database (api-contract.md, Dealer records; operations.md §2–§4): each route's rules,
 * its bad inputs (each a 4xx with a code and nothing written), the organisation's kind and status,
 * other organisations' ids, duplicates decided by the unique index (also under a race), personal
 * data encrypted and masked, and the audit rows. Credit codes MC…, residents 700–999.
 */
describe('dealer records: certificates, receipts, registration documents', () => {
  let t: TestApp;
  let db: DataSource;
  let cipher: PiiCipher;
  let dismantler: DealerOrganization;
  let dismantler2: DealerOrganization;
  let recycler: DealerOrganization;
  let retailer: DealerOrganization;
  let pending: DealerOrganization;
  let suspended: DealerOrganization;
  let approver: string;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp({ WRITE_LIMIT_PER_MINUTE: '100000' });
    db = dataSourceOf(t);
    cipher = t.app.get(PiiCipher);
    const car = { kinds: ['car_dealer', 'dismantler'] as const, programs: ['car-scrap-2026'] };
    dismantler = await registerDealer(t, {
      series: 'MC',
      serial: 1,
      ...car,
      kinds: [...car.kinds],
      contactIndex: 990,
    });
    dismantler2 = await registerDealer(t, {
      series: 'MC',
      serial: 2,
      kinds: ['dismantler'],
      programs: car.programs,
      contactIndex: 991,
    });
    recycler = await registerDealer(t, {
      series: 'MC',
      serial: 3,
      kinds: ['retailer', 'recycler'],
      contactIndex: 992,
    });
    retailer = await registerDealer(t, { series: 'MC', serial: 4, kinds: ['retailer'], contactIndex: 993 });
    pending = await registerDealer(t, {
      series: 'MC',
      serial: 5,
      kinds: ['dismantler', 'recycler'],
      programs: car.programs,
      active: false,
      contactIndex: 994,
    });
    suspended = await registerDealer(t, {
      series: 'MC',
      serial: 6,
      kinds: ['dismantler', 'recycler'],
      programs: car.programs,
      contactIndex: 995,
    });
    approver = (await signInStaff(t, DEMO_USERS.approver)).cookie;
    admin = (await signInStaff(t, DEMO_USERS.admin)).cookie;
    await request(t.server)
      .post(`/api/admin/organizations/${suspended.organizationId}/status`)
      .set('cookie', approver)
      .send({ status: 'suspended', reason: '抽查发现异常，暂停' })
      .expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A multipart certificate upload: the fields first, then the scan (unless `file` is null). */
  function postCertificate(
    who: DealerOrganization,
    fields: Record<string, string>,
    file: Buffer | null = PDF_BYTES,
  ) {
    const call = request(t.server).post('/api/dealer/certificates').set('cookie', who.cookie);
    for (const [name, value] of Object.entries(fields)) void call.field(name, value);
    if (file) void call.attach('file', file, 'scan.pdf');
    return call;
  }
  const postReceipt = (who: DealerOrganization, body: object) =>
    request(t.server).post('/api/dealer/recycling-receipts').set('cookie', who.cookie).send(body);

  /** Files in local document storage (the scans; not the scratch space). */
  async function storedFiles(): Promise<number> {
    const root = path.join(t.config.storage.dataDir, 'documents');
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile() && !e.parentPath.includes(`${path.sep}tmp`)).length;
  }

  const count = async (table: string) =>
    Number(((await db.query(`SELECT count(*) AS n FROM ${table}`)) as { n: string }[])[0]!.n);

  describe('POST /api/dealer/certificates', () => {
    it('201: the certificate with its scan, the owner encrypted and masked, audited', async () => {
      const fields = certificateFields(701, { certificateNo: ' bf2026-mc 0a1 ', plate: '鲁a12345' });
      const res = await postCertificate(dismantler, fields).expect(201);
      const body = res.body as CertificateView;
      expect(body).toEqual({
        id: expect.any(String),
        certificateNo: 'BF2026MC0A1',
        vin: fields.vin,
        vinWarning: false,
        plate: '鲁A12345',
        ownerNameMasked: '张*',
        ownerIdNumberMasked: expect.stringMatching(/^\d{4}\*{10}[\dX]{4}$/),
        handedOverOn: '2026-03-02',
        deregisteredOn: '2026-03-05',
        scan: {
          contentType: 'application/pdf',
          size: PDF_BYTES.length,
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
        createdAt: expect.any(String),
      });
      expect(JSON.stringify(body)).not.toContain(residentIdentity(701).idNumber);
      const [row] = (await db.query(
        `SELECT organization_id, owner_name_enc, owner_id_number_enc, owner_id_number_bidx, created_by FROM dealer_certificate WHERE id = $1`,
        [body.id],
      )) as Record<string, string>[];
      expect(row!.organization_id).toBe(dismantler.organizationId);
      expect(row!.created_by).toBe(dismantler.userId);
      expect(row!.owner_id_number_enc).not.toContain(residentIdentity(701).idNumber);
      expect(row!.owner_name_enc).not.toContain('张三');
      // The profile's blind index: the review matrix compares the owner with the applicant by it.
      expect(row!.owner_id_number_bidx).toBe(cipher.blindIndex(residentIdentity(701).idNumber, 'id_number'));
      const audit = (await db.query(
        `SELECT actor_id, result, detail FROM audit_log WHERE action = 'certificate.recorded' AND object_id = $1`,
        [body.id],
      )) as { actor_id: string; result: string; detail: Record<string, unknown> }[];
      expect(audit).toEqual([
        {
          actor_id: dismantler.userId,
          result: 'success',
          detail: { organizationId: dismantler.organizationId, vinWarning: false },
        },
      ]);
    });

    it('an old VIN whose check digit fails is recorded with a warning (identifiers.md: old cars)', async () => {
      const good = vinFor('LSJMCWRN', 1);
      const wrong = good.charAt(8) === '1' ? '2' : '1';
      const vin = `${good.slice(0, 8)}${wrong}${good.slice(9)}`;
      expect(computeVinCheckDigit(vin)).not.toBe(wrong);
      const res = await postCertificate(dismantler, certificateFields(702, { vin })).expect(201);
      expect(res.body).toMatchObject({ vin, vinWarning: true });
    });

    it('without a deregistration date (optional until known)', async () => {
      const res = await postCertificate(
        dismantler,
        certificateFields(703, { deregisteredOn: undefined }),
      ).expect(201);
      expect(res.body.deregisteredOn).toBeNull();
    });

    it.each<[string, Record<string, string | undefined>, string, string]>([
      [
        'a certificate number of the wrong shape',
        { certificateNo: 'BF/2026' },
        'certificateNo',
        'INVALID_FORMAT',
      ],
      ['a VIN with I, O or Q', { vin: 'LSJA24U62JG26922O' }, 'vin', 'INVALID_FORMAT'],
      ['a VIN of 16 characters', { vin: 'LSJA24U62JG26922' }, 'vin', 'INVALID_FORMAT'],
      ['a plate with I', { plate: '鲁AI2345' }, 'plate', 'INVALID_FORMAT'],
      ['a plate too short', { plate: '鲁A1234' }, 'plate', 'INVALID_FORMAT'],
      [
        'an owner ID with a wrong check digit',
        { ownerIdNumber: '36042619910102009X' },
        'ownerIdNumber',
        'INVALID_CHECKSUM',
      ],
      ['an owner ID of 15 digits', { ownerIdNumber: '360426910101007' }, 'ownerIdNumber', 'LEGACY_ID_NUMBER'],
      ['no owner name', { ownerName: undefined }, 'ownerName', 'REQUIRED'],
      ['an owner name of spaces only', { ownerName: '   ' }, 'ownerName', 'REQUIRED'],
      ['no hand-over date', { handedOverOn: undefined }, 'handedOverOn', 'REQUIRED'],
      [
        'a hand-over date that does not exist',
        { handedOverOn: '2026-02-30' },
        'handedOverOn',
        'INVALID_DATE',
      ],
      [
        'a hand-over date in the future',
        { handedOverOn: '2099-01-01', deregisteredOn: undefined },
        'handedOverOn',
        'OUT_OF_RANGE',
      ],
      [
        'deregistered before the hand-over',
        { deregisteredOn: '2026-03-01' },
        'deregisteredOn',
        'OUT_OF_RANGE',
      ],
      ['a field the contract does not have', { status: 'verified' }, 'status', 'UNKNOWN_FIELD'],
    ])('422 for %s (nothing written)', async (_name, changes, field, code) => {
      const before = await count('dealer_certificate');
      const res = await postCertificate(dismantler, certificateFields(704, changes)).expect(422);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.fields[field]).toBe(code);
      expect(await count('dealer_certificate')).toBe(before);
    });

    it.each<[string, Buffer | null, number, string]>([
      ['no scan', null, 422, 'VALIDATION_FAILED'],
      [
        'an HTML page named .pdf',
        Buffer.from('<html><script>alert(1)</script></html>'),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      [
        'a scan over 10 MB',
        Buffer.concat([PDF_BYTES, Buffer.alloc(10 * 1024 * 1024 + 1)]),
        413,
        'PAYLOAD_TOO_LARGE',
      ],
    ])('%s: refused with its code, nothing written', async (_name, file, status, code) => {
      const before = await count('dealer_certificate');
      const res = await postCertificate(dismantler, certificateFields(705), file).expect(status);
      expect(res.body.error.code).toBe(code);
      expect(await count('dealer_certificate')).toBe(before);
    });

    it('a JPEG/PNG scan is accepted as what its bytes say', async () => {
      const res = await postCertificate(dismantler, certificateFields(706), PNG_BYTES).expect(201);
      expect(res.body.scan.contentType).toBe('image/png');
    });

    it('a JSON body (not multipart) → 415', async () => {
      const res = await request(t.server)
        .post('/api/dealer/certificates')
        .set('cookie', dismantler.cookie)
        .send(certificateFields(707))
        .expect(415);
      expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('409 DUPLICATE_CERTIFICATE for a number on file, however it is written, from any dismantler', async () => {
      const first = certificateFields(708);
      await postCertificate(dismantler, first).expect(201);
      const before = await count('dealer_certificate');
      const scansBefore = await storedFiles();
      for (const [who, written] of [
        [dismantler, first.certificateNo!],
        [dismantler2, ` ${first.certificateNo!.toLowerCase()} `],
      ] as const) {
        const res = await postCertificate(who, certificateFields(709, { certificateNo: written })).expect(
          409,
        );
        expect(res.body.error).toMatchObject({
          code: 'DUPLICATE_CERTIFICATE',
          fields: { certificateNo: 'DUPLICATE_CERTIFICATE' },
        });
      }
      expect(await count('dealer_certificate')).toBe(before);
      // The refused scans were received whole, then removed: nothing is left in storage.
      expect(await storedFiles()).toBe(scansBefore);
      // The refusal is audited with its code, not the data it carried.
      const refused = (await db.query(
        `SELECT detail FROM audit_log WHERE action = 'certificate.recorded' AND result = 'failure' AND actor_id = $1`,
        [dismantler2.userId],
      )) as { detail: Record<string, unknown> }[];
      expect(refused.map((r) => r.detail)).toContainEqual({
        organizationId: dismantler2.organizationId,
        code: 'DUPLICATE_CERTIFICATE',
      });
    });

    it('two dismantlers recording one number at once: exactly one 201, the other 409', async () => {
      const fields = certificateFields(710);
      const answers = await Promise.all([
        postCertificate(dismantler, fields),
        postCertificate(dismantler2, { ...fields, vin: vinFor('LSJMCRCE', 1) }),
      ]);
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
      const rows = (await db.query(
        `SELECT count(*)::int AS n FROM dealer_certificate WHERE certificate_no = $1`,
        [fields.certificateNo!.replace('-', '')],
      )) as { n: number }[];
      expect(rows[0]!.n).toBe(1);
    });

    it.each<[string, () => DealerOrganization, string]>([
      ['a retailer', () => retailer, 'ORGANIZATION_KIND_NOT_ALLOWED'],
      ['a recycler', () => recycler, 'ORGANIZATION_KIND_NOT_ALLOWED'],
      ['a pending dismantler', () => pending, 'ORGANIZATION_NOT_ACTIVE'],
      ['a suspended dismantler', () => suspended, 'ORGANIZATION_NOT_ACTIVE'],
    ])('403 for %s, nothing written', async (_name, who, code) => {
      const before = await count('dealer_certificate');
      const res = await postCertificate(who(), certificateFields(711)).expect(403);
      expect(res.body.error.code).toBe(code);
      expect(await count('dealer_certificate')).toBe(before);
    });
  });

  describe('GET /api/dealer/certificates', () => {
    it('lists the organisation’s own certificates only, newest first; another’s id is 404', async () => {
      const mine = (await postCertificate(dismantler2, certificateFields(712)).expect(201))
        .body as CertificateView;
      const list = (
        await request(t.server).get('/api/dealer/certificates').set('cookie', dismantler2.cookie).expect(200)
      ).body as CertificateView[];
      expect(list[0]).toEqual(mine);
      const own = (await db.query(`SELECT id FROM dealer_certificate WHERE organization_id = $1`, [
        dismantler2.organizationId,
      ])) as { id: string }[];
      expect(list.map((c) => c.id).sort()).toEqual(own.map((r) => r.id).sort());
      await request(t.server)
        .get(`/api/dealer/certificates/${mine.id}`)
        .set('cookie', dismantler2.cookie)
        .expect(200);
      const other = await request(t.server)
        .get(`/api/dealer/certificates/${mine.id}`)
        .set('cookie', dismantler.cookie)
        .expect(404);
      expect(other.body.error.code).toBe('CERTIFICATE_NOT_FOUND');
      // Reads stay open to a suspended organisation (its own, here none).
      await request(t.server).get('/api/dealer/certificates').set('cookie', suspended.cookie).expect(200, []);
    });
  });

  describe('POST /api/dealer/recycling-receipts', () => {
    it('201: the receipt, the seller encrypted and masked, audited', async () => {
      const body = receiptBody(801, { receiptNo: 'hs2026-mc a1' });
      const res = await postReceipt(recycler, body).expect(201);
      const view = res.body as RecyclingReceiptView;
      expect(view).toEqual({
        id: expect.any(String),
        receiptNo: 'HS2026MCA1',
        category: 'refrigerator',
        sellerIdNumberMasked: expect.stringMatching(/^\d{4}\*{10}[\dX]{4}$/),
        recycledOn: '2026-04-18',
        createdAt: expect.any(String),
      });
      const [row] = (await db.query(
        `SELECT seller_id_number_enc, seller_id_number_bidx FROM dealer_recycling_receipt WHERE id = $1`,
        [view.id],
      )) as { seller_id_number_enc: string; seller_id_number_bidx: string }[];
      expect(row!.seller_id_number_enc).not.toContain(body.sellerIdNumber);
      expect(row!.seller_id_number_bidx).toBe(cipher.blindIndex(body.sellerIdNumber, 'id_number'));
      const audit = (await db.query(
        `SELECT actor_id, detail FROM audit_log WHERE action = 'recycling_receipt.recorded' AND object_id = $1`,
        [view.id],
      )) as { actor_id: string; detail: Record<string, unknown> }[];
      expect(audit).toEqual([
        {
          actor_id: recycler.userId,
          detail: { organizationId: recycler.organizationId, category: 'refrigerator' },
        },
      ]);
    });

    it('an e-bike (a program with old items and no categories) is a category of its own', async () => {
      await postReceipt(recycler, receiptBody(802, { category: 'ebike' })).expect(201);
    });

    it.each<[string, Record<string, unknown>, string, string]>([
      ['a category no program has', { category: 'spaceship' }, 'category', 'NOT_IN_OPTIONS'],
      [
        'a seller ID with a wrong check digit',
        { sellerIdNumber: '340524198001010013' },
        'sellerIdNumber',
        'INVALID_CHECKSUM',
      ],
      ['a receipt number of the wrong shape', { receiptNo: '#1' }, 'receiptNo', 'INVALID_FORMAT'],
      ['a date that does not exist', { recycledOn: '2026-13-01' }, 'recycledOn', 'INVALID_DATE'],
      ['a date in the future', { recycledOn: '2099-01-01' }, 'recycledOn', 'OUT_OF_RANGE'],
      ['no seller', { sellerIdNumber: undefined }, 'sellerIdNumber', 'REQUIRED'],
      [
        'a field the contract does not have',
        { organizationId: '00000000-0000-4000-8000-000000000000' },
        'organizationId',
        'UNKNOWN_FIELD',
      ],
    ])('422 for %s (nothing written)', async (_name, changes, field, code) => {
      const before = await count('dealer_recycling_receipt');
      const res = await postReceipt(recycler, receiptBody(803, changes)).expect(422);
      expect(res.body.error.fields[field]).toBe(code);
      expect(await count('dealer_recycling_receipt')).toBe(before);
    });

    it('409 DUPLICATE_RECEIPT for a number on file; two recyclers at once: one wins', async () => {
      const body = receiptBody(804);
      await postReceipt(recycler, body).expect(201);
      const again = await postReceipt(recycler, { ...body, receiptNo: body.receiptNo.toLowerCase() }).expect(
        409,
      );
      expect(again.body.error).toMatchObject({
        code: 'DUPLICATE_RECEIPT',
        fields: { receiptNo: 'DUPLICATE_RECEIPT' },
      });
      const raced = receiptBody(805);
      const other = await registerDealer(t, {
        series: 'MC',
        serial: 7,
        kinds: ['recycler'],
        contactIndex: 996,
      });
      const answers = await Promise.all([postReceipt(recycler, raced), postReceipt(other, raced)]);
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    });

    it.each<[string, () => DealerOrganization, string]>([
      ['a dismantler that is no recycler', () => dismantler, 'ORGANIZATION_KIND_NOT_ALLOWED'],
      ['a pending recycler', () => pending, 'ORGANIZATION_NOT_ACTIVE'],
      ['a suspended recycler', () => suspended, 'ORGANIZATION_NOT_ACTIVE'],
    ])('403 for %s, nothing written', async (_name, who, code) => {
      const before = await count('dealer_recycling_receipt');
      const res = await postReceipt(who(), receiptBody(806)).expect(403);
      expect(res.body.error.code).toBe(code);
      expect(await count('dealer_recycling_receipt')).toBe(before);
    });

    it('lists own receipts only; another organisation’s id is 404', async () => {
      const mine = (await postReceipt(recycler, receiptBody(807)).expect(201)).body as RecyclingReceiptView;
      const list = (
        await request(t.server)
          .get('/api/dealer/recycling-receipts')
          .set('cookie', recycler.cookie)
          .expect(200)
      ).body as RecyclingReceiptView[];
      expect(list[0]).toEqual(mine);
      const own = (await db.query(`SELECT id FROM dealer_recycling_receipt WHERE organization_id = $1`, [
        recycler.organizationId,
      ])) as { id: string }[];
      expect(list.map((r) => r.id).sort()).toEqual(own.map((r) => r.id).sort());
      await request(t.server)
        .get(`/api/dealer/recycling-receipts/${mine.id}`)
        .set('cookie', recycler.cookie)
        .expect(200, mine);
      const res = await request(t.server)
        .get(`/api/dealer/recycling-receipts/${mine.id}`)
        .set('cookie', retailer.cookie)
        .expect(404);
      expect(res.body.error.code).toBe('RECEIPT_NOT_FOUND');
    });
  });

  describe('registration documents', () => {
    const upload = (who: DealerOrganization, kind: string | null, file: Buffer | null = PDF_BYTES) => {
      const call = request(t.server).post('/api/dealer/documents').set('cookie', who.cookie);
      if (kind !== null) void call.field('kind', kind);
      if (file) void call.attach('file', file, '营业执照.pdf');
      return call;
    };

    it('a pending organisation files its licence and commitment; the commerce office reads them inline, nosniff, audited', async () => {
      const licence = (await upload(pending, 'business_licence').expect(201)).body as { id: string };
      const commitment = (await upload(pending, 'commitment', PNG_BYTES).expect(201)).body as { id: string };
      expect(licence).toEqual({
        id: expect.any(String),
        kind: 'business_licence',
        contentType: 'application/pdf',
        size: PDF_BYTES.length,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        createdAt: expect.any(String),
      });
      const own = await request(t.server)
        .get('/api/dealer/documents')
        .set('cookie', pending.cookie)
        .expect(200);
      expect(own.body.map((d: { id: string }) => d.id)).toEqual([licence.id, commitment.id]);
      for (const cookie of [approver, admin]) {
        const list = await request(t.server)
          .get(`/api/admin/organizations/${pending.organizationId}/documents`)
          .set('cookie', cookie)
          .expect(200);
        expect(list.body.map((d: { kind: string }) => d.kind)).toEqual(['business_licence', 'commitment']);
      }
      const file = await request(t.server)
        .get(`/api/admin/organizations/${pending.organizationId}/documents/${licence.id}`)
        .set('cookie', approver)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toBe(
        `inline; filename="business_licence-${licence.id}.pdf"`,
      );
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(file.body as Buffer, PDF_BYTES)).toBe(0);
      const audit = (await db.query(`SELECT action FROM audit_log WHERE object_id = $1 ORDER BY seq`, [
        licence.id,
      ])) as { action: string }[];
      expect(audit.map((a) => a.action)).toEqual([
        'organization.document_uploaded',
        'organization.document_viewed',
      ]);
    });

    it('another organisation’s document, or an unknown organisation, is 404', async () => {
      const doc = (await upload(dismantler, 'business_licence').expect(201)).body as { id: string };
      const wrongOrg = await request(t.server)
        .get(`/api/admin/organizations/${recycler.organizationId}/documents/${doc.id}`)
        .set('cookie', approver)
        .expect(404);
      expect(wrongOrg.body.error.code).toBe('DOCUMENT_NOT_FOUND');
      const unknown = await request(t.server)
        .get('/api/admin/organizations/00000000-0000-4000-8000-000000000000/documents')
        .set('cookie', approver)
        .expect(404);
      expect(unknown.body.error.code).toBe('ORGANIZATION_NOT_FOUND');
    });

    it.each<[string, () => DealerOrganization, string | null, Buffer | null, number, string]>([
      ['a kind the contract does not have', () => dismantler, 'id_card', PDF_BYTES, 422, 'VALIDATION_FAILED'],
      ['no kind', () => dismantler, null, PDF_BYTES, 422, 'VALIDATION_FAILED'],
      ['no file', () => dismantler, 'commitment', null, 422, 'VALIDATION_FAILED'],
      [
        'an HTML file',
        () => dismantler,
        'commitment',
        Buffer.from('<html></html>'),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      ['a suspended organisation', () => suspended, 'commitment', PDF_BYTES, 403, 'ORGANIZATION_NOT_ACTIVE'],
    ])('%s: refused with its code, nothing written', async (_name, who, kind, file, status, code) => {
      const before = await count('organization_document');
      const res = await upload(who(), kind, file).expect(status);
      expect(res.body.error.code).toBe(code);
      expect(await count('organization_document')).toBe(before);
    });
  });

  describe('the records’ look-ups use their indexes', () => {
    /** Records the SQL a repository sends, so the very text is EXPLAINed. */
    class Capture implements TypeOrmLogger {
      captured: { sql: string; parameters: unknown[] }[] = [];
      logQuery(sql: string, parameters?: unknown[]): void {
        this.captured.push({ sql, parameters: parameters ?? [] });
      }
      logQueryError(): void {}
      logQuerySlow(): void {}
      logSchemaBuild(): void {}
      logMigration(): void {}
      log(): void {}
    }
    const TABLES = [
      'dealer_certificate',
      'dealer_recycling_receipt',
      'organization_document',
      'dealer_sale',
      'dealer_product_price',
    ];
    type PlanNode = { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] };
    const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];
    let capture: Capture;
    let source: DataSource;
    beforeAll(async () => {
      capture = new Capture();
      source = new DataSource({ ...dataSourceOptions(t.config), logging: ['query'], logger: capture });
      await source.initialize();
    });
    afterAll(async () => {
      await source.destroy();
    });

    const records = () => new DealerRecordsRepository(source);
    const risk = () => new DealerRecordsRiskRepository();
    const someone = '00000000-0000-4000-8000-000000000001';
    it.each<[string, () => Promise<unknown>]>([
      ['certificates by number (review matrix)', () => records().certificatesByNumber(['BF2026MC00001'])],
      ['receipts by number (review matrix)', () => records().receiptsByNumber(['HS2026MC00001'])],
      ['an organisation’s certificates', () => records().listOwnCertificates(someone)],
      ['an organisation’s receipts', () => records().listOwnReceipts(someone)],
      ['an organisation’s documents', () => records().listOrganizationDocuments(someone)],
      [
        'certificates on file (CERTIFICATE_NOT_ON_FILE)',
        () => risk().certificatesOnFile(source.manager, ['BF2026MC00001']),
      ],
      [
        'filed-price baselines (PRICE_ABOVE_FILED_BASELINE)',
        () =>
          risk().filedBaselines(
            source.manager,
            [{ productId: someone, at: new Date(), sale: { id: someone } }],
            90,
          ),
      ],
      [
        'sales to one address (MANY_ITEMS_ONE_ADDRESS)',
        () =>
          risk().salesToAddresses(
            source.manager,
            [{ id: someone, deliveryAddressBidx: 'x', invoiceDate: '2026-05-01' }],
            90,
          ),
      ],
    ])('%s: no sequential scan of a dealer table when an index can serve it', async (_name, call) => {
      capture.captured = [];
      await call();
      const statements = capture.captured.filter((c) => /dealer_|organization_document/.test(c.sql));
      expect(statements.length).toBeGreaterThan(0);
      for (const { sql, parameters } of statements) {
        // Small test tables: with sequential scans priced out, only a missing index leaves one.
        const plan = await source.transaction(async (manager) => {
          await manager.query('SET LOCAL enable_seqscan = off');
          const [row] = (await manager.query(`EXPLAIN (FORMAT JSON) ${sql}`, parameters)) as {
            'QUERY PLAN': { Plan: PlanNode }[];
          }[];
          return row!['QUERY PLAN'][0]!.Plan;
        });
        const scans = nodes(plan).filter(
          (n) => n['Node Type'] === 'Seq Scan' && TABLES.includes(n['Relation Name'] ?? ''),
        );
        expect(scans.map((n) => n['Relation Name'])).toEqual([]);
      }
    });
  });
});
