import { randomUUID } from 'node:crypto';
import { RISK_SIGNALS, type MatrixRow, type ReviewCase } from '@huanxin/shared';
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
 * `GET /api/review/applications/:id`): a car-scrap claim against the dismantler's certificate and an
 * appliance claim against the recycler's receipt, each `match`, `conflict` and `insufficient`; the
 * CERTIFICATE_NOT_ON_FILE flag raised and not raised; one certificate backing one claim. Claims go
 * through the real routes and check job. Residents 900–999, credit codes MC0000020…
 */
describe('review matrix: certificate and recycling-receipt sources', () => {
  let t: TestApp;
  let db: DataSource;
  let clock: FakeClock;
  let dismantler: DealerOrganization;
  let recycler: DealerOrganization;
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
          { source: 'certificate', value: masked },
        ],
        result: 'match',
      });
      expect(matrix.some((m) => m.result === 'conflict')).toBe(false);
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
      ['a car claim whose certificate is on file', 'carScrap', 'same', false],
      [
        'a car claim whose certificate is on file for another owner (a matrix conflict, not this flag)',
        'carScrap',
        'other-owner',
        false,
      ],
      ['a car claim citing a number nobody recorded', 'carScrap', 'none', true],
      ['a goods claim (no certificate to cite)', 'appliance', 'none', false],
    ])('%s → raised: %s', async (_name, program, onFile, raised) => {
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
});
