import { RISK_SIGNALS } from '@huanxin/shared';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ApplicationEntity } from '../src/applications/application.entity';
import { ChecksService } from '../src/applications/checks.service';
import { RiskService } from '../src/risk/risk.service';
import { LATE_UPLOAD_DAYS } from '../src/risk/risk.rules';
import { raiseBudget } from './utils/budget';
import { useFakeClock, type FakeClock } from './utils/fake-clock';
import { dataSourceOf } from './utils/identity';
import { fileCertificates } from './utils/certificates';
import { createResident, residentIdentity } from './utils/residents';
import { runChecks, submitClaim, vinFor } from './utils/review-claims';
import { createTestApp, type TestApp } from './utils/test-app';

jest.setTimeout(90_000);

/**
 * The audit-derived risk rules (operations.md §7) through the real check job: each fires with its
 * exact reason, a clean claim raises none, the risk score is the sum of the flags' weights, and a
 * flagged claim still reaches `in_review` (a signal never rejects). Residents 9600–9649.
 */
describe('risk signals in the check job', () => {
  let t: TestApp;
  let db: DataSource;
  let clock: FakeClock;
  let index = 9600;
  let serial = 0;
  const next = () => (serial += 1);

  beforeAll(async () => {
    t = await createTestApp({ WRITE_LIMIT_PER_MINUTE: '100000' });
    clock = useFakeClock(t.app, new Date('2026-05-03T02:00:00Z'));
    db = dataSourceOf(t);
    await raiseBudget(t, 'car-scrap-2026', 100_000_000);
    await raiseBudget(t, 'appliance-2026', 10_000_000);
  });
  afterAll(async () => {
    clock.restore();
    await t.close();
  });

  const resident = () => createResident(t, index++);

  /**
   * A car-scrap-2026 claim with numbers of its own (the old VIN given, or its own too), its scrap
   * certificate on file with the demo dismantler (else CERTIFICATE_NOT_ON_FILE: see
   * review-matrix-dealer.e2e-spec).
   */
  const carFacts = async (oldVin?: string) => {
    const n = next();
    const facts = {
      'oldVehicle.vin': oldVin ?? vinFor('LSJRSK01', n),
      'scrap.certificateNo': `BF2026-RSK${String(n).padStart(4, '0')}`,
      'newVehicle.vin': vinFor('LDCRSKN1', n),
      'newVehicle.invoiceNo': `2637${String(990_000 + n).padStart(16, '0')}`,
    };
    await fileCertificates(t, [
      {
        certificateNo: facts['scrap.certificateNo'],
        vin: facts['oldVehicle.vin'],
        ownerIdNumber: residentIdentity(9649).idNumber,
      },
    ]);
    return facts;
  };
  const tvFacts = (changes: Record<string, unknown> = {}) => {
    const n = next();
    return {
      'item.category': 'television',
      'item.efficiencyGrade': 2,
      'item.priceFen': 400_000,
      'item.invoiceNo': `2638${String(990_000 + n).padStart(16, '0')}`,
      'item.invoiceDate': '2026-04-10',
      'item.serialNo': `RSK-SN-${n}`,
      'oldItem.handedIn': true,
      'oldItem.recyclingReceiptNo': `RR-RSK-${n}`,
      ...changes,
    };
  };

  const claimRow = async (id: string) =>
    (
      (await db.query('SELECT status, risk_score FROM application WHERE id = $1', [id])) as {
        status: string;
        risk_score: number;
      }[]
    )[0]!;
  const flagsOf = async (id: string) =>
    (await db.query(
      'SELECT code, weight, detail FROM application_flag WHERE application_id = $1 ORDER BY code',
      [id],
    )) as { code: string; weight: number; detail: Record<string, unknown> }[];

  it('registers the audit-derived rules, each with a published weight and zh/en title', () => {
    const codes = t.app.get(RiskService).codes();
    expect(codes).toEqual([
      'VEHICLE_NOT_PASSENGER',
      'INVOICE_BUYER_NOT_APPLICANT',
      'DUPLICATE_KEY',
      'LATE_UPLOAD',
      'CERTIFICATE_NOT_ON_FILE',
      'PRICE_ABOVE_FILED_BASELINE',
      'MANY_ITEMS_ONE_ADDRESS',
      'SALE_RETURNED',
    ]);
    for (const code of codes) {
      const signal = RISK_SIGNALS[code as keyof typeof RISK_SIGNALS];
      expect(signal.weight).toBeGreaterThan(0);
      expect(signal.title.zh).not.toEqual('');
      expect(signal.title.en).not.toEqual('');
    }
  });

  it('a clean car claim and a clean appliance claim raise no flag and score 0', async () => {
    const car = await submitClaim(t, await resident(), 'carScrap', await carFacts());
    const tv = await submitClaim(t, await resident(), 'appliance', tvFacts());
    for (const claim of [car, tv]) {
      expect(await runChecks(t, claim.id)).toEqual({ moved: true, flags: [] });
      expect(await claimRow(claim.id)).toEqual({ status: 'in_review', risk_score: 0 });
      expect(await t.app.get(RiskService).signals(await applicationOf(claim.id))).toEqual([]);
    }
  });

  const applicationOf = (id: string) => db.getRepository(ApplicationEntity).findOneByOrFail({ id });

  it('DUPLICATE_KEY: another person claims the same old car; VEHICLE_NOT_PASSENGER: the other claim declared it a truck', async () => {
    const oldVin = vinFor('LSJRSKD1', next());
    const first = await submitClaim(t, await resident(), 'carScrap', await carFacts(oldVin));
    // The first claim says (as a version without the vehicle-type clause would let it) the car is "other".
    await db.query(
      `UPDATE application SET facts = jsonb_set(facts, '{oldVehicle,vehicleType}', '"other"') WHERE id = $1`,
      [first.id],
    );
    expect((await runChecks(t, first.id)).flags).toContain('VEHICLE_NOT_PASSENGER');
    const second = await submitClaim(t, await resident(), 'carScrap', await carFacts(oldVin));
    const checked = await runChecks(t, second.id);
    expect(checked).toEqual({ moved: true, flags: ['VEHICLE_NOT_PASSENGER', 'DUPLICATE_KEY'] });
    expect(await flagsOf(second.id)).toEqual([
      {
        code: 'DUPLICATE_KEY',
        weight: 40,
        detail: { keys: [{ key: 'oldVin', application: first.code, programCode: 'car-scrap-2026' }] },
      },
      {
        code: 'VEHICLE_NOT_PASSENGER',
        weight: 50,
        detail: {
          declarations: [{ application: first.code, field: 'oldVehicle.vehicleType', value: 'other' }],
        },
      },
    ]);
    expect(await claimRow(second.id)).toEqual({ status: 'in_review', risk_score: 90 });
  });

  it('one check batch flags its claims as if checked one after the other (batch order), and skips a claim withdrawn before it', async () => {
    const oldVin = vinFor('LSJRSKD1', next());
    const owners = [
      await createResident(t, 6100),
      await createResident(t, 6101),
      await createResident(t, 6102),
    ];
    const first = await submitClaim(t, owners[0]!, 'carScrap', await carFacts(oldVin));
    const second = await submitClaim(t, owners[1]!, 'carScrap', await carFacts(oldVin));
    const gone = await submitClaim(t, owners[2]!, 'carScrap', await carFacts());
    await request(t.server)
      .post(`/api/applications/${gone.id}/withdraw`)
      .set('Cookie', owners[2]!.cookie)
      .expect(200);
    // Alone, in turn, the first would see no other claim on the car and the second would see the first.
    expect(await t.app.get(ChecksService).checkMany([first.id, second.id, gone.id])).toEqual([
      { moved: true, flags: [] },
      { moved: true, flags: ['DUPLICATE_KEY'] },
      { moved: false, flags: [] },
    ]);
    expect(await flagsOf(second.id)).toEqual([
      {
        code: 'DUPLICATE_KEY',
        weight: 40,
        detail: { keys: [{ key: 'oldVin', application: first.code, programCode: 'car-scrap-2026' }] },
      },
    ]);
    expect(await claimRow(first.id)).toEqual({ status: 'in_review', risk_score: 0 });
    expect(await claimRow(second.id)).toEqual({ status: 'in_review', risk_score: 40 });
    expect(await claimRow(gone.id)).toEqual({ status: 'withdrawn', risk_score: 0 });
    const events = (await db.query(
      `SELECT application_id, to_status FROM application_event WHERE application_id = ANY($1) ORDER BY at, seq`,
      [[first.id, second.id]],
    )) as { application_id: string; to_status: string }[];
    for (const id of [first.id, second.id])
      expect(events.filter((e) => e.application_id === id).map((e) => e.to_status)).toEqual([
        'draft',
        'submitted',
        'checking',
        'in_review',
      ]);
  });

  it('a claim that declares a non-passenger car bought in someone else’s name: three flags, the score is their sum, still in review', async () => {
    const claim = await submitClaim(t, await resident(), 'carScrap', await carFacts());
    await db.query(
      `UPDATE application SET facts = jsonb_set(jsonb_set(facts, '{oldVehicle,vehicleType}', '"other"'), '{newVehicle,ownerIsApplicant}', 'false')
        WHERE id = $1`,
      [claim.id],
    );
    const checked = await runChecks(t, claim.id);
    expect(checked.moved).toBe(true);
    expect(checked.flags.sort()).toEqual([
      'INVOICE_BUYER_NOT_APPLICANT',
      'RULES_RECHECK_FAILED',
      'VEHICLE_NOT_PASSENGER',
    ]);
    const flags = await flagsOf(claim.id);
    expect(flags.filter((f) => f.code !== 'RULES_RECHECK_FAILED')).toEqual([
      {
        code: 'INVOICE_BUYER_NOT_APPLICANT',
        weight: 40,
        detail: { fields: [{ field: 'newVehicle.ownerIsApplicant', value: false }] },
      },
      {
        code: 'VEHICLE_NOT_PASSENGER',
        weight: 50,
        detail: {
          declarations: [{ application: claim.code, field: 'oldVehicle.vehicleType', value: 'other' }],
        },
      },
    ]);
    const sum = flags.reduce((total, flag) => total + flag.weight, 0);
    expect(sum).toBe(
      RISK_SIGNALS.INVOICE_BUYER_NOT_APPLICANT.weight +
        RISK_SIGNALS.VEHICLE_NOT_PASSENGER.weight +
        RISK_SIGNALS.RULES_RECHECK_FAILED.weight,
    );
    expect(await claimRow(claim.id)).toEqual({ status: 'in_review', risk_score: sum });
  });

  it('a flag already on the claim (raised by another path first) is not raised again nor its weight added twice', async () => {
    const claim = await submitClaim(t, await resident(), 'carScrap', await carFacts());
    await db.query(
      `UPDATE application SET facts = jsonb_set(facts, '{oldVehicle,vehicleType}', '"other"') WHERE id = $1`,
      [claim.id],
    );
    // As a dealer's return or a profile change raise a flag: the row and its weight on the score.
    await db.query(
      `INSERT INTO application_flag (application_id, code, detail, weight) VALUES ($1, 'VEHICLE_NOT_PASSENGER', '{"earlier": true}', 50)`,
      [claim.id],
    );
    await db.query('UPDATE application SET risk_score = risk_score + 50 WHERE id = $1', [claim.id]);
    const checked = await runChecks(t, claim.id);
    expect(checked.moved).toBe(true);
    expect(checked.flags.sort()).toEqual(['RULES_RECHECK_FAILED', 'VEHICLE_NOT_PASSENGER']);
    const flags = await flagsOf(claim.id);
    expect(flags.map((f) => [f.code, f.detail])).toEqual([
      ['RULES_RECHECK_FAILED', expect.any(Object)],
      ['VEHICLE_NOT_PASSENGER', { earlier: true }],
    ]);
    expect(await claimRow(claim.id)).toEqual({
      status: 'in_review',
      risk_score: 50 + RISK_SIGNALS.RULES_RECHECK_FAILED.weight,
    });
  });

  it('the same person’s two claims on one old car (stacking programs) raise no DUPLICATE_KEY', async () => {
    const owner = await resident();
    const claim = await submitClaim(t, owner, 'carScrap', await carFacts());
    expect(await runChecks(t, claim.id)).toEqual({ moved: true, flags: [] });
    // The same person's claim for the same car (VIN, certificate) in the stacking Jinan program.
    const [twin] = (await db.query(
      `INSERT INTO application (code, applicant_id, program_id, program_version_id, status, facts, reserved_fen, id_number_bidx, submitted_at)
       SELECT a.code || '-J', a.applicant_id, p.id, p.current_version_id, 'submitted', a.facts, 0, a.id_number_bidx, a.submitted_at
         FROM application a, program p WHERE a.id = $1 AND p.code = 'jinan-gasoline-scrap' RETURNING id`,
      [claim.id],
    )) as { id: string }[];
    const checked = await runChecks(t, twin!.id);
    expect(checked.moved).toBe(true);
    expect(checked.flags).not.toContain('DUPLICATE_KEY');
    expect(
      await db.query(`SELECT name FROM risk_key WHERE application_id = $1 ORDER BY name`, [twin!.id]),
    ).toEqual([{ name: 'certificateNo' }, { name: 'oldVin' }]);
  });

  it(`LATE_UPLOAD: a claim filed more than ${LATE_UPLOAD_DAYS} days after the sale`, async () => {
    const claim = await submitClaim(
      t,
      await resident(),
      'appliance',
      tvFacts({ 'item.invoiceDate': '2026-01-05' }),
    );
    expect(await runChecks(t, claim.id)).toEqual({ moved: true, flags: ['LATE_UPLOAD'] });
    expect(await flagsOf(claim.id)).toEqual([
      {
        code: 'LATE_UPLOAD',
        weight: RISK_SIGNALS.LATE_UPLOAD.weight,
        detail: {
          dateField: 'item.invoiceDate',
          saleDate: '2026-01-05',
          filedOn: '2026-05-03',
          days: 118,
          limitDays: LATE_UPLOAD_DAYS,
        },
      },
    ]);
    expect(await claimRow(claim.id)).toEqual({
      status: 'in_review',
      risk_score: RISK_SIGNALS.LATE_UPLOAD.weight,
    });
  });

  it('exactly at the limit is not late', async () => {
    // 2026-05-03 10:00 Shanghai is 90 days and 10 hours after 2026-02-02.
    const claim = await submitClaim(
      t,
      await resident(),
      'appliance',
      tvFacts({ 'item.invoiceDate': '2026-02-02' }),
    );
    expect(await runChecks(t, claim.id)).toEqual({ moved: true, flags: [] });
  });
});
