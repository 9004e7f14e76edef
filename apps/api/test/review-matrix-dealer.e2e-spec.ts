import { randomUUID } from 'node:crypto';
import {
  CERTIFICATE_SCAN_KIND,
  normalizeIdentifier,
  RISK_SIGNALS,
  type MatrixRow,
  type ReviewCase,
} from '@huanxin/shared';
import { eligibleClaim } from '@huanxin/shared/testing';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { raiseBudget } from './utils/budget';
import { registerDealer, type DealerOrganization } from './utils/dealers';
import { useFakeClock, type FakeClock } from './utils/fake-clock';
import { dataSourceOf, DEMO_USERS, signInStaff } from './utils/identity';
import { checkMoneyInvariants } from './utils/money-invariants';
import { createResident, PDF_BYTES, residentIdentity, type Resident } from './utils/residents';
import { runChecks, submitClaim, vinFor } from './utils/review-claims';
import { createTestApp, type TestApp } from './utils/test-app';

jest.setTimeout(180_000);

/**
 * The dealers' records as sources of the review case's field matrix (operations.md §7; api-contract
 * `GET /api/review/applications/:id`): goods and car claims against the dealer's sale, a car-scrap
 * claim against the dismantler's certificate and an appliance claim against the recycler's receipt,
 * each `match`, `conflict` and `insufficient`; the new risk flags (CERTIFICATE_NOT_ON_FILE,
 * PRICE_ABOVE_FILED_BASELINE, MANY_ITEMS_ONE_ADDRESS, LATE_UPLOAD from the dealer's sale date)
 * raised and not raised; one certificate backing one claim. Claims, records and sales go through
 * the real routes and the check job. Residents 900–999, credit codes MC0000020…
 */
describe('review matrix: dealer sale, certificate and recycling-receipt sources', () => {
  let t: TestApp;
  let db: DataSource;
  let clock: FakeClock;
  let dismantler: DealerOrganization;
  let recycler: DealerOrganization;
  let retailer: DealerOrganization;
  let carDealer: DealerOrganization;
  let reviewer: string;
  let nextResident = 900;
  let serial = 0;
  const claimed: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ WRITE_LIMIT_PER_MINUTE: '100000' });
    db = dataSourceOf(t);
    clock = useFakeClock(t.app, new Date('2026-05-03T02:00:00Z'));
    await raiseBudget(t, 'car-scrap-2026', 100_000_000);
    await raiseBudget(t, 'appliance-2026', 10_000_000);
    dismantler = await registerDealer(t, {
      series: 'MC',
      serial: 20,
      kinds: ['dismantler'],
      programs: ['car-scrap-2026'],
      contactIndex: 998,
    });
    recycler = await registerDealer(t, { series: 'MC', serial: 21, kinds: ['recycler'], contactIndex: 999 });
    retailer = await registerDealer(t, {
      series: 'MC',
      serial: 22,
      kinds: ['retailer'],
      programs: ['appliance-2026'],
      contactIndex: 997,
    });
    carDealer = await registerDealer(t, {
      series: 'MC',
      serial: 23,
      kinds: ['car_dealer'],
      programs: ['car-scrap-2026'],
      contactIndex: 997,
    });
    reviewer = (await signInStaff(t, DEMO_USERS.reviewer)).cookie;
  });
  afterAll(async () => {
    // Every claim this suite made still balances the ledger (budget invariant).
    const problems = await checkMoneyInvariants((sql, params) => db.query(sql, params), { ids: claimed });
    clock.restore();
    await t.close();
    expect(problems.filter((p) => p.problems.length > 0)).toEqual([]);
  });

  const resident = () => createResident(t, (nextResident += 1));

  /** A car-scrap-2026 claim's facts with numbers of its own. */
  function carFacts(changes: Record<string, unknown> = {}) {
    serial += 1;
    return {
      'oldVehicle.vin': vinFor('LSJMCMX1', serial),
      'scrap.certificateNo': `BF2026-MCX${String(serial).padStart(4, '0')}`,
      'newVehicle.vin': vinFor('LDCMCMN1', serial),
      'newVehicle.invoiceNo': `2636${String(770_000 + serial).padStart(16, '0')}`,
      ...changes,
    };
  }

  /** An appliance-2026 television claim handing in an old item with a recycling receipt. */
  function tvFacts(changes: Record<string, unknown> = {}) {
    serial += 1;
    return {
      'item.category': 'television',
      'item.efficiencyGrade': 2,
      'item.priceFen': 400_000,
      'item.invoiceNo': `2636${String(780_000 + serial).padStart(16, '0')}`,
      'item.invoiceDate': '2026-04-10',
      'item.serialNo': `MC-SN-${serial}`,
      'oldItem.handedIn': true,
      'oldItem.recyclingReceiptNo': `HS2026-MCX${serial}`,
      ...changes,
    };
  }

  /** The dismantler records the certificate a claim cites (through the route, with its scan). */
  async function recordCertificate(facts: Record<string, unknown>, ownerIdNumber: string, vin?: string) {
    const fields: Record<string, string> = {
      certificateNo: String(facts['scrap.certificateNo']),
      vin: vin ?? String(facts['oldVehicle.vin']),
      plate: '鲁A12345',
      ownerName: '张三',
      ownerIdNumber,
      handedOverOn: '2026-03-02',
      deregisteredOn: '2026-03-05',
    };
    const call = request(t.server).post('/api/dealer/certificates').set('cookie', dismantler.cookie);
    for (const [name, value] of Object.entries(fields)) void call.field(name, value);
    await call.attach('file', PDF_BYTES, 'scan.pdf').expect(201);
  }

  async function recordReceipt(receiptNo: string, sellerIdNumber: string) {
    await request(t.server)
      .post('/api/dealer/recycling-receipts')
      .set('cookie', recycler.cookie)
      .send({ receiptNo, category: 'television', sellerIdNumber, recycledOn: '2026-04-09' })
      .expect(201);
  }

  /** Submits the claim and runs its checks; returns its id and the check's flags. */
  async function inReview(owner: Resident, name: 'carScrap' | 'appliance', facts: Record<string, unknown>) {
    const claim = await submitClaim(t, owner, name, facts);
    claimed.push(claim.id);
    const checked = await runChecks(t, claim.id);
    expect(checked.moved).toBe(true);
    return { id: claim.id, flags: checked.flags };
  }

  let barcodeSerial = 0;
  /** A GTIN-13 of this suite with its check digit. */
  function barcode(): string {
    barcodeSerial += 1;
    const first12 = `6977${String(process.pid % 100).padStart(2, '0')}${String(barcodeSerial).padStart(6, '0')}`;
    let sum = 0;
    for (let i = 0; i < 12; i++) sum += (first12.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 3);
    return first12 + String((10 - (sum % 10)) % 10);
  }

  /** The retailer files a television at `filedPriceFen`, then changes its filed price to each of `changes`. */
  async function television(filedPriceFen: number, changes: number[] = []): Promise<string> {
    const res = await request(t.server)
      .post('/api/dealer/products')
      .set('cookie', retailer.cookie)
      .send({
        programCode: 'appliance-2026',
        category: 'television',
        barcode: barcode(),
        brand: '海信',
        model: 'HZ55E3D',
        efficiencyGrade: 2,
        filedPriceFen,
      })
      .expect(201);
    const id = res.body.id as string;
    for (const price of changes) {
      clock.advance(60_000);
      await request(t.server)
        .patch(`/api/dealer/products/${id}`)
        .set('cookie', retailer.cookie)
        .send({ filedPriceFen: price })
        .expect(200);
    }
    return id;
  }

  /** The retailer records the goods sale behind a television claim (its numbers, unless changed). */
  async function goodsSale(
    facts: Record<string, unknown>,
    productId: string,
    buyerIdNumber: string,
    changes: Record<string, unknown> = {},
  ): Promise<string> {
    const priceFen = (changes.priceFen as number | undefined) ?? (facts['item.priceFen'] as number);
    const res = await request(t.server)
      .post('/api/dealer/sales')
      .set('cookie', retailer.cookie)
      .send({
        programCode: 'appliance-2026',
        productId,
        serialNo: facts['item.serialNo'],
        invoiceNo: facts['item.invoiceNo'],
        invoiceDate: facts['item.invoiceDate'],
        paidFen: priceFen - 10_000,
        otherDiscountFen: 10_000,
        buyer: { name: '张三', idNumber: buyerIdNumber },
        delivery: { mode: 'pickup' },
        ...changes,
        priceFen,
      });
    if (res.status !== 201) throw new Error(`sale answered ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  /** A television claim sold by the suite's retailer, dated today (the fake clock's 2026-05-03). */
  const soldTv = (changes: Record<string, unknown> = {}) =>
    tvFacts({
      'item.dealerUscc': retailer.uscc,
      'item.invoiceDate': '2026-05-03',
      'oldItem.handedIn': false,
      'oldItem.recyclingReceiptNo': undefined,
      ...changes,
    });

  async function carSale(
    facts: Record<string, unknown>,
    buyerIdNumber: string,
    changes: Record<string, unknown> = {},
  ) {
    const res = await request(t.server)
      .post('/api/dealer/sales')
      .set('cookie', carDealer.cookie)
      .send({
        programCode: 'car-scrap-2026',
        vehicle: { vin: facts['newVehicle.vin'], powertrain: 'nev', displacementL: 0, inNevCatalogue: true },
        priceFen: 15_000_000,
        invoiceNo: facts['newVehicle.invoiceNo'],
        invoiceDate: '2026-03-10',
        buyer: { name: '张三', idNumber: buyerIdNumber },
        ...changes,
      });
    if (res.status !== 201) throw new Error(`car sale answered ${res.status} ${JSON.stringify(res.body)}`);
  }

  async function flagsOf(id: string) {
    return (await db.query(`SELECT code, weight, detail FROM application_flag WHERE application_id = $1`, [
      id,
    ])) as {
      code: string;
      weight: number;
      detail: Record<string, unknown>;
    }[];
  }

  async function matrixOf(id: string): Promise<MatrixRow[]> {
    const res = await request(t.server)
      .get(`/api/review/applications/${id}`)
      .set('cookie', reviewer)
      .expect(200);
    return (res.body as ReviewCase).matrix;
  }
  const row = (matrix: MatrixRow[], field: string) => matrix.find((m) => m.field === field);
  const masked = expect.stringMatching(/^\d{4}\*{10}[\dX]{4}$/);

  describe('certificate', () => {
    it('match: the dismantler’s certificate agrees with the claim (number, VIN, plate, dates, owner = applicant)', async () => {
      const owner = await resident();
      const facts = carFacts();
      await recordCertificate(facts, owner.idNumber);
      const { id, flags } = await inReview(owner, 'carScrap', facts);
      expect(flags).not.toContain('CERTIFICATE_NOT_ON_FILE');
      const matrix = await matrixOf(id);
      expect(row(matrix, 'scrap.certificateNo')).toEqual({
        field: 'scrap.certificateNo',
        values: [
          { source: 'claim', value: facts['scrap.certificateNo'] },
          { source: 'certificate', value: String(facts['scrap.certificateNo']).replace('-', '') },
        ],
        result: 'match',
      });
      expect(row(matrix, 'oldVehicle.vin')).toMatchObject({
        values: [
          { source: 'claim', value: facts['oldVehicle.vin'] },
          { source: 'certificate', value: facts['oldVehicle.vin'] },
        ],
        result: 'match',
      });
      for (const field of ['oldVehicle.plate', 'scrap.scrappedOn', 'scrap.deregisteredOn'])
        expect(row(matrix, field)).toMatchObject({ result: 'match' });
      expect(row(matrix, 'applicant.idNumber')).toEqual({
        field: 'applicant.idNumber',
        values: [
          { source: 'claim', value: masked },
          { source: 'profile', value: masked },
          { source: 'dealer_sale', value: null },
          { source: 'certificate', value: masked },
        ],
        result: 'match',
      });
      expect(matrix.some((m) => m.result === 'conflict')).toBe(false);
    });

    it('the cited certificate’s scan is among the case’s documents; the reviewer opens it, audited', async () => {
      const owner = await resident();
      const facts = carFacts();
      await recordCertificate(facts, owner.idNumber);
      // Another certificate on file that this claim does not cite.
      const other = carFacts();
      await recordCertificate(other, owner.idNumber);
      const { id } = await inReview(owner, 'carScrap', facts);
      const [cited] = (await db.query(`SELECT id FROM dealer_certificate WHERE certificate_no = $1`, [
        normalizeIdentifier(String(facts['scrap.certificateNo'])),
      ])) as { id: string }[];
      const [notCited] = (await db.query(`SELECT id FROM dealer_certificate WHERE certificate_no = $1`, [
        normalizeIdentifier(String(other['scrap.certificateNo'])),
      ])) as { id: string }[];
      const kase = (
        await request(t.server).get(`/api/review/applications/${id}`).set('cookie', reviewer).expect(200)
      ).body as ReviewCase;
      const scans = kase.documents.filter((d) => d.kind === CERTIFICATE_SCAN_KIND);
      expect(scans).toEqual([
        {
          id: cited!.id,
          kind: CERTIFICATE_SCAN_KIND,
          contentType: 'application/pdf',
          size: PDF_BYTES.length,
        },
      ]);
      const file = await request(t.server)
        .get(`/api/review/applications/${id}/documents/${cited!.id}`)
        .set('cookie', reviewer)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toMatch(/^inline;/);
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(file.body as Buffer, PDF_BYTES)).toBe(0);
      const viewed = (await db.query(
        `SELECT detail FROM audit_log WHERE action = 'document.viewed' AND object_type = 'certificate' AND object_id = $1`,
        [cited!.id],
      )) as { detail: { applicationId: string; kind: string } }[];
      expect(viewed).toEqual([{ detail: { applicationId: id, kind: CERTIFICATE_SCAN_KIND } }]);
      // A certificate the claim does not cite is not a document of this case.
      await request(t.server)
        .get(`/api/review/applications/${id}/documents/${notCited!.id}`)
        .set('cookie', reviewer)
        .expect(404);
    });

    it('conflict: the certificate names another VIN, and another owner; conflicts are listed first', async () => {
      const owner = await resident();
      const facts = carFacts();
      const otherVin = vinFor('LSJMCXTH', serial);
      await recordCertificate(facts, residentIdentity(950).idNumber, otherVin);
      const { id } = await inReview(owner, 'carScrap', facts);
      const matrix = await matrixOf(id);
      expect(row(matrix, 'oldVehicle.vin')).toEqual({
        field: 'oldVehicle.vin',
        values: [
          { source: 'claim', value: facts['oldVehicle.vin'] },
          { source: 'certificate', value: otherVin },
        ],
        result: 'conflict',
      });
      expect(row(matrix, 'applicant.idNumber')?.result).toBe('conflict');
      expect(row(matrix, 'scrap.certificateNo')?.result).toBe('match');
      expect(matrix.slice(0, 2).map((m) => m.result)).toEqual(['conflict', 'conflict']);
      expect(JSON.stringify(matrix)).not.toContain(residentIdentity(950).idNumber);
    });

    it('insufficient: no dismantler recorded the number — the certificate holds nothing, and the claim is flagged', async () => {
      const owner = await resident();
      const facts = carFacts();
      const { id, flags } = await inReview(owner, 'carScrap', facts);
      expect(flags).toContain('CERTIFICATE_NOT_ON_FILE');
      const matrix = await matrixOf(id);
      expect(row(matrix, 'scrap.certificateNo')).toEqual({
        field: 'scrap.certificateNo',
        values: [
          { source: 'claim', value: facts['scrap.certificateNo'] },
          { source: 'certificate', value: null },
        ],
        result: 'insufficient',
      });
      expect(row(matrix, 'oldVehicle.vin')).toMatchObject({ result: 'insufficient' });
      const caseBody = (
        await request(t.server).get(`/api/review/applications/${id}`).set('cookie', reviewer).expect(200)
      ).body as ReviewCase;
      expect(caseBody.flags).toContainEqual({
        code: 'CERTIFICATE_NOT_ON_FILE',
        weight: RISK_SIGNALS.CERTIFICATE_NOT_ON_FILE.weight,
        detail: {
          field: 'scrap.certificateNo',
          certificateNo: String(facts['scrap.certificateNo']).replace('-', ''),
        },
      });
      expect(caseBody.riskScore).toBeGreaterThanOrEqual(RISK_SIGNALS.CERTIFICATE_NOT_ON_FILE.weight);
      // Recorded later, the matrix shows it at once (the flag stays: it says what the check found).
      await recordCertificate(facts, owner.idNumber);
      expect(row(await matrixOf(id), 'scrap.certificateNo')?.result).toBe('match');
    });

    it('a goods claim has no certificate row', async () => {
      const { id } = await inReview(
        await resident(),
        'appliance',
        tvFacts({ 'oldItem.handedIn': false, 'oldItem.recyclingReceiptNo': undefined }),
      );
      const matrix = await matrixOf(id);
      expect(
        matrix
          .flatMap((m) => m.values)
          .some((v) => v.source === 'certificate' || v.source === 'recycling_receipt'),
      ).toBe(false);
    });

    it('one certificate backs one claim: another person’s claim citing it is refused at submit (409 DUPLICATE_CLAIM)', async () => {
      const first = await resident();
      const facts = carFacts();
      await recordCertificate(facts, first.idNumber);
      await inReview(first, 'carScrap', facts);
      const second = await resident();
      const { programCode, facts: secondFacts } = eligibleClaim(
        'carScrap',
        carFacts({
          'scrap.certificateNo': facts['scrap.certificateNo'],
          'oldVehicle.vin': facts['oldVehicle.vin'],
        }),
      );
      const draft = await request(t.server)
        .post('/api/applications')
        .set('cookie', second.cookie)
        .send({ programCode, facts: secondFacts })
        .expect(201);
      for (const kind of [
        'id_card',
        'old_vehicle_registration',
        'scrap_certificate',
        'deregistration_certificate',
        'new_vehicle_invoice',
        'new_vehicle_registration',
        'bank_card',
      ])
        await request(t.server)
          .post(`/api/applications/${draft.body.id as string}/documents`)
          .set('cookie', second.cookie)
          .field('kind', kind)
          .attach('file', Buffer.concat([PDF_BYTES, Buffer.from(randomUUID())]), 'f.pdf')
          .expect(201);
      const res = await request(t.server)
        .post(`/api/applications/${draft.body.id as string}/submit`)
        .set('cookie', second.cookie)
        .set('Idempotency-Key', randomUUID())
        .expect(409);
      expect(res.body.error.code).toBe('DUPLICATE_CLAIM');
      expect(res.body.error.fields).toMatchObject({ 'facts.scrap.certificateNo': 'DUPLICATE_CLAIM' });
    });
  });

  describe('CERTIFICATE_NOT_ON_FILE, raised and not raised', () => {
    it.each<[string, 'carScrap' | 'appliance', 'none' | 'same' | 'other-owner', boolean]>([
      ['a car claim whose certificate is on file → not raised', 'carScrap', 'same', false],
      [
        'a car claim whose certificate is on file for another owner (a matrix conflict, not this flag) → not raised',
        'carScrap',
        'other-owner',
        false,
      ],
      ['a car claim citing a number nobody recorded → raised', 'carScrap', 'none', true],
      ['a goods claim (no certificate to cite) → not raised', 'appliance', 'none', false],
    ])('%s', async (_name, program, onFile, raised) => {
      const owner = await resident();
      const facts = program === 'carScrap' ? carFacts() : tvFacts();
      if (onFile !== 'none')
        await recordCertificate(facts, onFile === 'same' ? owner.idNumber : residentIdentity(951).idNumber);
      const { flags } = await inReview(owner, program, facts);
      expect(flags.includes('CERTIFICATE_NOT_ON_FILE')).toBe(raised);
    });
  });

  describe('recycling receipt', () => {
    it('match: the recycler’s receipt, sold by the applicant', async () => {
      const owner = await resident();
      const facts = tvFacts();
      await recordReceipt(String(facts['oldItem.recyclingReceiptNo']), owner.idNumber);
      const { id } = await inReview(owner, 'appliance', facts);
      const matrix = await matrixOf(id);
      expect(row(matrix, 'oldItem.recyclingReceiptNo')).toEqual({
        field: 'oldItem.recyclingReceiptNo',
        values: [
          { source: 'claim', value: facts['oldItem.recyclingReceiptNo'] },
          {
            source: 'recycling_receipt',
            value: String(facts['oldItem.recyclingReceiptNo']).replace('-', ''),
          },
        ],
        result: 'match',
      });
      expect(row(matrix, 'applicant.idNumber')).toEqual({
        field: 'applicant.idNumber',
        values: [
          { source: 'claim', value: masked },
          { source: 'profile', value: masked },
          { source: 'dealer_sale', value: null },
          { source: 'recycling_receipt', value: masked },
        ],
        result: 'match',
      });
    });

    it('conflict: the receipt’s seller is someone else', async () => {
      const owner = await resident();
      const facts = tvFacts();
      await recordReceipt(String(facts['oldItem.recyclingReceiptNo']), residentIdentity(952).idNumber);
      const { id } = await inReview(owner, 'appliance', facts);
      const matrix = await matrixOf(id);
      expect(matrix[0]).toEqual({
        field: 'applicant.idNumber',
        values: [
          { source: 'claim', value: masked },
          { source: 'profile', value: masked },
          { source: 'dealer_sale', value: null },
          { source: 'recycling_receipt', value: masked },
        ],
        result: 'conflict',
      });
      expect(row(matrix, 'oldItem.recyclingReceiptNo')?.result).toBe('match');
    });

    it('insufficient: no recycler recorded the number', async () => {
      const { id } = await inReview(await resident(), 'appliance', tvFacts());
      expect(row(await matrixOf(id), 'oldItem.recyclingReceiptNo')).toEqual({
        field: 'oldItem.recyclingReceiptNo',
        values: [
          { source: 'claim', value: expect.stringMatching(/^HS2026-MCX\d+$/) },
          { source: 'recycling_receipt', value: null },
        ],
        result: 'insufficient',
      });
    });
  });

  describe('dealer sale (goods)', () => {
    it('match: the dealer recorded this sale — invoice, date, serial, price, seller and buyer agree', async () => {
      const owner = await resident();
      const facts = soldTv();
      await goodsSale(facts, await television(400_000), owner.idNumber);
      const { id } = await inReview(owner, 'appliance', facts);
      const matrix = await matrixOf(id);
      for (const field of [
        'item.invoiceNo',
        'item.invoiceDate',
        'item.serialNo',
        'item.priceFen',
        'item.dealerUscc',
      ])
        expect(row(matrix, field)).toEqual({
          field,
          values: [
            { source: 'claim', value: facts[field as keyof typeof facts] ?? retailer.uscc },
            {
              source: 'dealer_sale',
              // The dealer's record keeps identifiers normalised (no dashes): the matrix compares them so.
              value:
                field === 'item.serialNo'
                  ? normalizeIdentifier(String(facts[field]))
                  : (facts[field as keyof typeof facts] ?? retailer.uscc),
            },
          ],
          result: 'match',
        });
      expect(row(matrix, 'applicant.idNumber')).toEqual({
        field: 'applicant.idNumber',
        values: [
          { source: 'claim', value: masked },
          { source: 'profile', value: masked },
          { source: 'dealer_sale', value: masked },
        ],
        result: 'match',
      });
    });

    it('conflict: the sale with this invoice has another serial, price and buyer (listed first)', async () => {
      const owner = await resident();
      const facts = soldTv();
      await goodsSale(facts, await television(400_000), residentIdentity(960).idNumber, {
        serialNo: `MC-OTHER-${serial}`,
        priceFen: 350_000,
      });
      const { id } = await inReview(owner, 'appliance', facts);
      const matrix = await matrixOf(id);
      expect(row(matrix, 'item.invoiceNo')?.result).toBe('match');
      expect(row(matrix, 'item.serialNo')).toEqual({
        field: 'item.serialNo',
        values: [
          { source: 'claim', value: facts['item.serialNo'] },
          { source: 'dealer_sale', value: `MCOTHER${serial}` },
        ],
        result: 'conflict',
      });
      expect(row(matrix, 'item.priceFen')).toMatchObject({
        values: [
          { source: 'claim', value: 400_000 },
          { source: 'dealer_sale', value: 350_000 },
        ],
        result: 'conflict',
      });
      expect(row(matrix, 'applicant.idNumber')?.result).toBe('conflict');
      expect(matrix.slice(0, 3).every((m) => m.result === 'conflict')).toBe(true);
      expect(JSON.stringify(matrix)).not.toContain(residentIdentity(960).idNumber);
    });

    it('insufficient: no dealer recorded the sale', async () => {
      const { id } = await inReview(await resident(), 'appliance', soldTv());
      const matrix = await matrixOf(id);
      expect(row(matrix, 'item.invoiceNo')).toEqual({
        field: 'item.invoiceNo',
        values: [
          { source: 'claim', value: expect.stringMatching(/^2636\d{16}$/) },
          { source: 'dealer_sale', value: null },
        ],
        result: 'insufficient',
      });
    });
  });

  describe('dealer sale (cars)', () => {
    it('match: the car dealer’s sale — new VIN, invoice, price and buyer agree', async () => {
      const owner = await resident();
      const facts = carFacts();
      await recordCertificate(facts, owner.idNumber);
      await carSale(facts, owner.idNumber);
      const { id } = await inReview(owner, 'carScrap', facts);
      const matrix = await matrixOf(id);
      for (const field of [
        'newVehicle.vin',
        'newVehicle.invoiceNo',
        'newVehicle.priceFen',
        'newVehicle.invoiceDate',
      ])
        expect(row(matrix, field)).toMatchObject({ result: 'match' });
      expect(row(matrix, 'newVehicle.vin')?.values).toEqual([
        { source: 'claim', value: facts['newVehicle.vin'] },
        { source: 'dealer_sale', value: facts['newVehicle.vin'] },
      ]);
      expect(row(matrix, 'applicant.idNumber')).toMatchObject({
        values: [
          { source: 'claim', value: masked },
          { source: 'profile', value: masked },
          { source: 'dealer_sale', value: masked },
          { source: 'certificate', value: masked },
        ],
        result: 'match',
      });
      expect(matrix.some((m) => m.result === 'conflict')).toBe(false);
    });

    it('conflict: the sale with this invoice is of another new car at another price', async () => {
      const owner = await resident();
      const facts = carFacts();
      await recordCertificate(facts, owner.idNumber);
      const otherVin = vinFor('LDCMCXTH', serial);
      await carSale(facts, owner.idNumber, {
        vehicle: { vin: otherVin, powertrain: 'nev', displacementL: 0, inNevCatalogue: true },
        priceFen: 14_000_000,
      });
      const { id } = await inReview(owner, 'carScrap', facts);
      const matrix = await matrixOf(id);
      expect(row(matrix, 'newVehicle.vin')).toEqual({
        field: 'newVehicle.vin',
        values: [
          { source: 'claim', value: facts['newVehicle.vin'] },
          { source: 'dealer_sale', value: otherVin },
        ],
        result: 'conflict',
      });
      expect(row(matrix, 'newVehicle.priceFen')?.result).toBe('conflict');
      expect(row(matrix, 'newVehicle.invoiceNo')?.result).toBe('match');
    });

    it('insufficient: no dealer recorded the new car', async () => {
      const owner = await resident();
      const facts = carFacts();
      await recordCertificate(facts, owner.idNumber);
      const { id } = await inReview(owner, 'carScrap', facts);
      expect(row(await matrixOf(id), 'newVehicle.vin')).toEqual({
        field: 'newVehicle.vin',
        values: [
          { source: 'claim', value: facts['newVehicle.vin'] },
          { source: 'dealer_sale', value: null },
        ],
        result: 'insufficient',
      });
    });
  });

  describe('PRICE_ABOVE_FILED_BASELINE, raised and not raised', () => {
    it.each<[string, number, number[], number | null, boolean, number[]]>([
      ['the filed price never changed, sold at it → not raised', 400_000, [], 400_000, false, []],
      ['the price was cut, sold at the new price → not raised', 420_000, [400_000], 400_000, false, []],
      ['raised 5 % (not flagged), sold above the old price → raised', 380_000, [400_000], 400_000, true, []],
      ['raised 16 % (flagged), sold at the old price → raised', 380_000, [440_000], 380_000, true, [440_000]],
      // The register flags the second raise: 12 % over the lowest price of the 90 days.
      [
        'two raises of 6 % each, sold at the top → raised',
        356_000,
        [377_000, 400_000],
        400_000,
        true,
        [400_000],
      ],
      ['no dealer sale behind the claim → not raised', 400_000, [], null, false, []],
    ])('%s', async (_name, filed, changes, salePriceFen, raised, flaggedPrices) => {
      const owner = await resident();
      const facts = soldTv({ 'item.priceFen': salePriceFen ?? 400_000 });
      const productId = await television(filed, changes);
      if (salePriceFen !== null) await goodsSale(facts, productId, owner.idNumber);
      const { id, flags } = await inReview(owner, 'appliance', facts);
      expect(flags.includes('PRICE_ABOVE_FILED_BASELINE')).toBe(raised);
      if (!raised) return;
      const [flag] = (await flagsOf(id)).filter((f) => f.code === 'PRICE_ABOVE_FILED_BASELINE');
      const baseline = Math.min(filed, ...changes);
      expect(flag).toEqual({
        code: 'PRICE_ABOVE_FILED_BASELINE',
        weight: RISK_SIGNALS.PRICE_ABOVE_FILED_BASELINE.weight,
        detail: {
          productId,
          salePriceFen,
          claimPriceFen: salePriceFen,
          baselineFen: baseline,
          windowDays: 90,
          flaggedRaises: flaggedPrices.map((priceFen) => ({
            priceFen,
            baselineFen: baseline,
            effectiveAt: expect.any(String),
          })),
        },
      });
    });
  });

  describe('MANY_ITEMS_ONE_ADDRESS, raised and not raised', () => {
    let address = 0;
    it.each<[string, number, number, 'delivery' | 'pickup', boolean]>([
      ['three buyers’ items delivered to one address → raised', 3, 3, 'delivery', true],
      ['two buyers’ items to one address → not raised', 2, 2, 'delivery', false],
      ['one buyer’s three items to one address → not raised', 1, 3, 'delivery', false],
      ['three buyers, picked up at the shop → not raised', 3, 3, 'pickup', false],
    ])('%s', async (_name, buyers, items, mode, raised) => {
      address += 1;
      const delivery = {
        mode,
        ...(mode === 'delivery' && { address: `章丘区明水街道测试小区${address}号楼 ${serial} 室` }),
      };
      const productId = await television(500_000);
      const owner = await resident();
      // The other buyers' sales (no claims needed), then the claimant's own, last.
      for (let i = 1; i < items; i += 1) {
        const buyer = i < buyers ? residentIdentity(960 + i).idNumber : owner.idNumber;
        await goodsSale(soldTv(), productId, buyer, { delivery });
      }
      const facts = soldTv();
      await goodsSale(facts, productId, owner.idNumber, { delivery });
      const { id, flags } = await inReview(owner, 'appliance', facts);
      expect(flags.includes('MANY_ITEMS_ONE_ADDRESS')).toBe(raised);
      if (raised)
        expect((await flagsOf(id)).find((f) => f.code === 'MANY_ITEMS_ONE_ADDRESS')).toEqual({
          code: 'MANY_ITEMS_ONE_ADDRESS',
          weight: RISK_SIGNALS.MANY_ITEMS_ONE_ADDRESS.weight,
          detail: { buyers, sales: items, threshold: 3, windowDays: 90 },
        });
    });
  });

  describe('LATE_UPLOAD measured from the dealer’s sale date', () => {
    it.each<[string, string | null, boolean, string]>([
      [
        'the dealer sold it 113 days before the claim (the claim says yesterday) → raised',
        '2026-01-10',
        true,
        'dealer_sale.invoiceDate',
      ],
      ['the dealer sold it a week before → not raised', '2026-04-26', false, ''],
      ['no dealer sale: the claim’s own date counts (yesterday) → not raised', null, false, ''],
    ])('%s', async (_name, saleDate, raised, dateField) => {
      const owner = await resident();
      const facts = soldTv({ 'item.invoiceDate': '2026-05-02' });
      if (saleDate)
        await goodsSale(facts, await television(400_000), owner.idNumber, { invoiceDate: saleDate });
      const { id, flags } = await inReview(owner, 'appliance', facts);
      expect(flags.includes('LATE_UPLOAD')).toBe(raised);
      if (raised)
        expect((await flagsOf(id)).find((f) => f.code === 'LATE_UPLOAD')?.detail).toMatchObject({
          dateField,
          saleDate,
          filedOn: '2026-05-03',
          days: 113,
        });
    });
  });
});
