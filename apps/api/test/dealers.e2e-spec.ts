import { computeUsccCheckChar, FILED_PRICE_RAISE_RULE } from '@huanxin/shared';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ProductsRepository } from '../src/dealers/products.repository';
import { useFakeClock } from './utils/fake-clock';
import {
  clearRateLimits,
  createIdentityApp,
  dataSourceOf,
  DEMO_USERS,
  signInStaff,
  STRONG_PASSWORD,
} from './utils/identity';
import { residentIdentity } from './utils/residents';
import type { TestApp } from './utils/test-app';

/**
 * Dealer organisations and the product register (issue 13, first slice) through HTTP against the
 * real database. Contact phones come from the resident index range 6500–6999 (this suite's).
 */
let serial = 0;
/** A valid credit code of this suite (prefix 91370181MH…), unique per call. */
function uscc(): string {
  serial += 1;
  const first17 = `91370181MH${String(serial).padStart(7, '0')}`;
  return first17 + computeUsccCheckChar(first17);
}
let userSerial = 0;
const username = (prefix = 'shop') => `${prefix}-${Date.now().toString(36)}-${(userSerial += 1)}`;

function registration(overrides: { uscc?: string; username?: string; password?: string } = {}) {
  const index = 6500 + serial;
  return {
    organization: {
      name: `章丘测试家电城${serial}号店`,
      uscc: overrides.uscc ?? uscc(),
      kinds: ['retailer', 'recycler'],
      programs: ['appliance-2026', 'digital-2026'],
      street: 'mingshui',
      contactName: '李经理',
      contactPhone: residentIdentity(index).phone,
      payoutBankName: '中国工商银行章丘支行',
      payoutAccountNo: '1602023809200123456',
    },
    username: overrides.username ?? username(),
    password: overrides.password ?? STRONG_PASSWORD,
    consent: true,
  };
}

const PRODUCT = {
  programCode: 'appliance-2026',
  category: 'refrigerator',
  barcode: '6901234567892',
  brand: '海尔',
  model: 'BCD-470WGHTD',
  efficiencyGrade: 1,
  filedPriceFen: 100_000,
};

describe('dealer organisations and the product register', () => {
  let t: TestApp;
  let db: DataSource;
  let approver: string;
  let admin: string;

  const register = (body: unknown) =>
    request(t.server)
      .post('/api/dealer/registrations')
      .send(body as object);
  const setStatus = (cookie: string, id: string, status: string, reason = '按规定办理') =>
    request(t.server)
      .post(`/api/admin/organizations/${id}/status`)
      .set('cookie', cookie)
      .send({ status, reason });

  /** Registers and signs in the first user; returns the organisation id and the session cookie. */
  async function registered(options: { active?: boolean } = {}) {
    const body = registration();
    const res = await register(body).expect(201);
    const organizationId = res.body.organizationId as string;
    if (options.active) await setStatus(approver, organizationId, 'active').expect(200);
    const cookie = (await signInStaff(t, body.username, body.password)).cookie;
    return { organizationId, cookie, body };
  }

  beforeAll(async () => {
    t = await createIdentityApp();
    await clearRateLimits(t.config);
    db = dataSourceOf(t);
    approver = (await signInStaff(t, DEMO_USERS.approver)).cookie;
    admin = (await signInStaff(t, DEMO_USERS.admin)).cookie;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('registration', () => {
    it('creates a pending organisation and its first user, an organisation admin; the payout account is encrypted and shown masked', async () => {
      const body = registration();
      const res = await register(body).expect(201);
      expect(res.body).toEqual({ organizationId: expect.any(String), status: 'pending' });
      const dealer = await signInStaff(t, body.username, body.password);
      const me = await request(t.server).get('/api/dealer/me').set('cookie', dealer.cookie).expect(200);
      expect(me.body.organization).toMatchObject({
        id: res.body.organizationId,
        uscc: body.organization.uscc,
        kinds: ['retailer', 'recycler'],
        programs: ['appliance-2026', 'digital-2026'],
        status: 'pending',
        street: 'mingshui',
        payoutAccountName: body.organization.name,
        payoutAccountMasked: '**** **** **** 3456',
        contactPhoneMasked: `${body.organization.contactPhone.slice(0, 3)}****${body.organization.contactPhone.slice(-4)}`,
      });
      expect(me.body.user).toMatchObject({ username: body.username, orgAdmin: true, disabled: false });
      expect(JSON.stringify(me.body)).not.toContain(body.organization.payoutAccountNo);
      const [row] = (await db.query(`SELECT * FROM organization WHERE id = $1`, [
        res.body.organizationId,
      ])) as Record<string, unknown>[];
      expect(JSON.stringify(row)).not.toContain(body.organization.payoutAccountNo);
      expect(JSON.stringify(row)).not.toContain(body.organization.contactPhone);
      expect(row).toMatchObject({ commitment_version: expect.any(String), status: 'pending' });
      const audit = (await db.query(
        `SELECT actor_id, action, detail FROM audit_log WHERE object_id = $1 AND action = 'organization.registered'`,
        [res.body.organizationId],
      )) as { actor_id: string }[];
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actor_id).toBe(dealer.user.id);
    });

    const bad: [string, (b: ReturnType<typeof registration>) => void, string, string][] = [
      [
        'a USCC with a wrong check character',
        (b) => (b.organization.uscc = '91110000600037341N'),
        'organization.uscc',
        'INVALID_CHECKSUM',
      ],
      [
        'a USCC with I/O letters',
        (b) => (b.organization.uscc = '9111000060003IOZSV'),
        'organization.uscc',
        'INVALID_FORMAT',
      ],
      ['a short password', (b) => (b.password = 'short-pw'), 'password', 'PASSWORD_TOO_SHORT'],
      ['a common password', (b) => (b.password = 'Password2026!!'), 'password', 'PASSWORD_TOO_COMMON'],
      [
        'a password holding the username',
        (b) => (b.password = `${b.username}-x9`),
        'password',
        'PASSWORD_CONTAINS_USERNAME',
      ],
      ['no consent', (b) => ((b as { consent: unknown }).consent = false), 'consent', 'CONSENT_REQUIRED'],
      ['an unknown kind', (b) => (b.organization.kinds = ['bank']), 'organization.kinds', 'NOT_IN_OPTIONS'],
      ['no kinds', (b) => (b.organization.kinds = []), 'organization.kinds', 'INVALID_FORMAT'],
      [
        'an unknown program',
        (b) => (b.organization.programs = ['appliance-2099']),
        'organization.programs',
        'NOT_IN_OPTIONS',
      ],
      [
        'an unknown street',
        (b) => (b.organization.street = 'atlantis'),
        'organization.street',
        'NOT_IN_OPTIONS',
      ],
      [
        'a bad contact phone',
        (b) => (b.organization.contactPhone = '12345678901'),
        'organization.contactPhone',
        'INVALID_FORMAT',
      ],
      [
        'a bad payout account',
        (b) => (b.organization.payoutAccountNo = '1234-ABCD'),
        'organization.payoutAccountNo',
        'INVALID_FORMAT',
      ],
      ['an upper-case username', (b) => (b.username = 'ShopOwner'), 'username', 'INVALID_FORMAT'],
      [
        'a status set by the caller',
        (b) => ((b.organization as Record<string, unknown>).status = 'active'),
        'organization.status',
        'UNKNOWN_FIELD',
      ],
      [
        'an orgAdmin set by the caller',
        (b) => ((b as Record<string, unknown>).orgAdmin = true),
        'orgAdmin',
        'UNKNOWN_FIELD',
      ],
    ];
    it.each(bad.map(([name, mutate, field, code]) => [name, field, code, mutate] as const))(
      '%s → 422 fields.%s = %s, nothing written',
      async (_name, field, code, mutate) => {
        const body = registration();
        mutate(body);
        const res = await register(body).expect(422);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
        expect(res.body.error.fields[field]).toBe(code);
        const rows = (await db.query(`SELECT id FROM user_account WHERE username = $1`, [
          body.username,
        ])) as unknown[];
        expect(rows).toEqual([]);
      },
    );

    it('no organisation object at all → 422', async () => {
      const res = await register({ username: username(), password: STRONG_PASSWORD, consent: true }).expect(
        422,
      );
      expect(res.body.error.fields.organization).toEqual(expect.any(String));
    });

    it('a registered credit code → 409 USCC_IN_USE (the demo dealer’s too); a taken username → 409 USERNAME_IN_USE with nothing written', async () => {
      const first = registration();
      await register(first).expect(201);
      const again = await register(registration({ uscc: first.organization.uscc })).expect(409);
      expect(again.body.error).toMatchObject({
        code: 'USCC_IN_USE',
        fields: { 'organization.uscc': 'USCC_IN_USE' },
      });
      const demo = await register(registration({ uscc: '91370114MA3C5T8X1Q' })).expect(409);
      expect(demo.body.error.code).toBe('USCC_IN_USE');
      const taken = registration({ username: first.username });
      const res = await register(taken).expect(409);
      expect(res.body.error).toMatchObject({
        code: 'USERNAME_IN_USE',
        fields: { username: 'USERNAME_IN_USE' },
      });
      expect(
        await db.query(`SELECT id FROM organization WHERE uscc = $1`, [taken.organization.uscc]),
      ).toEqual([]);
      const staff = await register(registration({ username: DEMO_USERS.reviewer })).expect(409);
      expect(staff.body.error.code).toBe('USERNAME_IN_USE');
    });

    it('concurrent registrations of one credit code: exactly one wins, the others 409 USCC_IN_USE, one organisation', async () => {
      const code = uscc();
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => register(registration({ uscc: code }))),
      );
      const statuses = answers.map((res) => res.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
      expect(answers.filter((res) => res.status === 409).map((res) => res.body.error.code)).toEqual(
        Array(7).fill('USCC_IN_USE'),
      );
      expect(await db.query(`SELECT id FROM organization WHERE uscc = $1`, [code])).toHaveLength(1);
    });

    it('concurrent registrations of one username: exactly one wins, no organisation is left without its user', async () => {
      const name = username('race');
      const bodies = Array.from({ length: 6 }, () => registration({ username: name }));
      const answers = await Promise.all(bodies.map((body) => register(body)));
      expect(answers.map((res) => res.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      const codes = bodies.map((body) => body.organization.uscc);
      const orgs = (await db.query(`SELECT id FROM organization WHERE uscc = ANY($1)`, [codes])) as unknown[];
      expect(orgs).toHaveLength(1);
    });
  });

  describe('lifecycle by the commerce office', () => {
    it('lists registrations by status for approvers and admins; the payout account masked', async () => {
      const { organizationId } = await registered();
      const pending = await request(t.server)
        .get('/api/admin/organizations?status=pending')
        .set('cookie', approver)
        .expect(200);
      const listed = (pending.body as { id: string; status: string; payoutAccountMasked: string }[]).find(
        (o) => o.id === organizationId,
      );
      expect(listed).toMatchObject({ status: 'pending', payoutAccountMasked: '**** **** **** 3456' });
      expect((pending.body as { status: string }[]).every((o) => o.status === 'pending')).toBe(true);
      const active = await request(t.server)
        .get('/api/admin/organizations?status=active')
        .set('cookie', admin)
        .expect(200);
      expect((active.body as { id: string }[]).some((o) => o.id === organizationId)).toBe(false);
      await request(t.server).get('/api/admin/organizations?status=closed').set('cookie', admin).expect(422);
    });

    it('pending → active → suspended → active → suspended → disqualified, each with its reason, history and audit row', async () => {
      const { organizationId } = await registered();
      const steps: [string, string][] = [
        ['active', '材料齐全，准予参与'],
        ['suspended', '抽查发现价格异常，暂停'],
        ['active', '整改完成，恢复'],
        ['suspended', '再次发现异常'],
        ['disqualified', '虚开发票，取消资格'],
      ];
      for (const [status, reason] of steps) {
        const res = await setStatus(approver, organizationId, status, reason).expect(200);
        expect(res.body).toMatchObject({ id: organizationId, status, statusReason: reason });
      }
      const detail = await request(t.server)
        .get(`/api/admin/organizations/${organizationId}`)
        .set('cookie', admin)
        .expect(200);
      expect(
        (detail.body.history as { fromStatus: string | null; toStatus: string }[]).map((e) => [
          e.fromStatus,
          e.toStatus,
        ]),
      ).toEqual([
        [null, 'pending'],
        ['pending', 'active'],
        ['active', 'suspended'],
        ['suspended', 'active'],
        ['active', 'suspended'],
        ['suspended', 'disqualified'],
      ]);
      const audit = (await db.query(
        `SELECT detail FROM audit_log WHERE object_id = $1 AND action = 'organization.status_changed' ORDER BY seq`,
        [organizationId],
      )) as { detail: { from: string; to: string; reason: string } }[];
      expect(audit.map((row) => row.detail)).toEqual(
        steps.map(([to, reason], i) => ({ from: i === 0 ? 'pending' : steps[i - 1]![0], to, reason })),
      );
    });

    it.each([
      ['pending', 'suspended'],
      ['active', 'active'],
      ['active', 'disqualified'],
      ['disqualified', 'active'],
      ['disqualified', 'suspended'],
    ])('%s → %s is 409 ILLEGAL_STATUS_CHANGE and changes nothing', async (from, to) => {
      const { organizationId } = await registered();
      const path: Record<string, string[]> = {
        pending: [],
        active: ['active'],
        disqualified: ['disqualified'],
      };
      for (const step of path[from]!) await setStatus(approver, organizationId, step).expect(200);
      const res = await setStatus(approver, organizationId, to).expect(409);
      expect(res.body.error.code).toBe('ILLEGAL_STATUS_CHANGE');
      const [row] = (await db.query(`SELECT status FROM organization WHERE id = $1`, [organizationId])) as {
        status: string;
      }[];
      expect(row!.status).toBe(from);
    });

    it('bad status bodies → 422; an unknown organisation → 404', async () => {
      const { organizationId } = await registered();
      for (const body of [
        { status: 'active' },
        { status: 'active', reason: '' },
        { status: 'pending', reason: '退回' },
        { status: 'active', reason: '好', extra: 1 },
      ])
        await request(t.server)
          .post(`/api/admin/organizations/${organizationId}/status`)
          .set('cookie', approver)
          .send(body)
          .expect(422);
      const res = await setStatus(approver, '8c4a4f0e-9a43-4a57-9f3c-1d1e5a2b7c11', 'active').expect(404);
      expect(res.body.error.code).toBe('ORGANIZATION_NOT_FOUND');
      await request(t.server)
        .post(`/api/admin/organizations/not-a-uuid/status`)
        .set('cookie', approver)
        .send({ status: 'active', reason: '好的' })
        .expect(400);
    });

    it('two officers approving one registration at once: one 200, one 409', async () => {
      const { organizationId } = await registered();
      const answers = await Promise.all([
        setStatus(approver, organizationId, 'active'),
        setStatus(admin, organizationId, 'active'),
      ]);
      expect(answers.map((res) => res.status).sort()).toEqual([200, 409]);
      const events = (await db.query(
        `SELECT id FROM organization_status_event WHERE organization_id = $1 AND to_status = 'active'`,
        [organizationId],
      )) as unknown[];
      expect(events).toHaveLength(1);
    });

    it('a disqualified credit code can never register again: 409 USCC_DISQUALIFIED', async () => {
      const { organizationId, body } = await registered({ active: true });
      await setStatus(approver, organizationId, 'suspended').expect(200);
      await setStatus(approver, organizationId, 'disqualified').expect(200);
      const res = await register(registration({ uscc: body.organization.uscc })).expect(409);
      expect(res.body.error).toMatchObject({
        code: 'USCC_DISQUALIFIED',
        fields: { 'organization.uscc': 'USCC_DISQUALIFIED' },
      });
      // Lower case and dashes normalise to the same code.
      const spelled = `${body.organization.uscc.slice(0, 9).toLowerCase()}-${body.organization.uscc.slice(9)}`;
      const again = await register(registration({ uscc: spelled })).expect(409);
      expect(again.body.error.code).toBe('USCC_DISQUALIFIED');
    });
  });

  describe('a non-active organisation reads but does not write (403 ORGANIZATION_NOT_ACTIVE)', () => {
    const writes = (cookie: string, productId: string) => [
      request(t.server)
        .post('/api/dealer/products')
        .set('cookie', cookie)
        .send({ ...PRODUCT, barcode: '4006381333931' }),
      request(t.server)
        .patch(`/api/dealer/products/${productId}`)
        .set('cookie', cookie)
        .send({ filedPriceFen: 100_500 }),
      request(t.server)
        .post('/api/dealer/users')
        .set('cookie', cookie)
        .send({ username: username('clerk'), displayName: '店员', password: STRONG_PASSWORD }),
    ];

    it('pending, suspended and disqualified: every write 403, every read 200; active again writes', async () => {
      const { organizationId, cookie } = await registered();
      for (const res of await Promise.all(writes(cookie, '8c4a4f0e-9a43-4a57-9f3c-1d1e5a2b7c11'))) {
        expect(res.status).toBe(403);
        expect(res.body.error).toMatchObject({ code: 'ORGANIZATION_NOT_ACTIVE', status: 'pending' });
      }
      await setStatus(approver, organizationId, 'active').expect(200);
      const product = await request(t.server)
        .post('/api/dealer/products')
        .set('cookie', cookie)
        .send(PRODUCT)
        .expect(201);
      await setStatus(approver, organizationId, 'suspended').expect(200);
      for (const res of await Promise.all(writes(cookie, product.body.id as string))) {
        expect(res.status).toBe(403);
        expect(res.body.error).toMatchObject({ code: 'ORGANIZATION_NOT_ACTIVE', status: 'suspended' });
      }
      for (const path of ['/api/dealer/me', '/api/dealer/products', '/api/dealer/users'])
        await request(t.server).get(path).set('cookie', cookie).expect(200);
      const listed = await request(t.server).get('/api/dealer/products').set('cookie', cookie).expect(200);
      expect(listed.body[0].filedPriceFen).toBe(100_000);
      await setStatus(approver, organizationId, 'active').expect(200);
      await request(t.server)
        .patch(`/api/dealer/products/${product.body.id}`)
        .set('cookie', cookie)
        .send({ filedPriceFen: 100_500 })
        .expect(200);
      await setStatus(approver, organizationId, 'suspended').expect(200);
      await setStatus(approver, organizationId, 'disqualified').expect(200);
      for (const res of await Promise.all(writes(cookie, product.body.id as string)))
        expect(res.status).toBe(403);
      const me = await request(t.server).get('/api/dealer/me').set('cookie', cookie).expect(200);
      expect(me.body.organization).toMatchObject({ status: 'disqualified', statusReason: '按规定办理' });
    });
  });

  describe('staff accounts (organisation admins only)', () => {
    it('the admin adds a clerk; the clerk files products but cannot add accounts (403 ORG_ADMIN_REQUIRED)', async () => {
      const { cookie, organizationId } = await registered({ active: true });
      const clerkName = username('clerk');
      const created = await request(t.server)
        .post('/api/dealer/users')
        .set('cookie', cookie)
        .send({ username: clerkName, displayName: '收银员一', password: STRONG_PASSWORD })
        .expect(201);
      expect(created.body).toMatchObject({ username: clerkName, orgAdmin: false, disabled: false });
      const clerk = await signInStaff(t, clerkName, STRONG_PASSWORD);
      expect(clerk.user.organizationId).toBe(organizationId);
      await request(t.server)
        .post('/api/dealer/products')
        .set('cookie', clerk.cookie)
        .send(PRODUCT)
        .expect(201);
      const refused = await request(t.server)
        .post('/api/dealer/users')
        .set('cookie', clerk.cookie)
        .send({ username: username('clerk'), displayName: '越权', password: STRONG_PASSWORD })
        .expect(403);
      expect(refused.body.error.code).toBe('ORG_ADMIN_REQUIRED');
      const list = await request(t.server).get('/api/dealer/users').set('cookie', clerk.cookie).expect(200);
      expect((list.body as { username: string }[]).map((u) => u.username)).toHaveLength(2);
      const audit = (await db.query(
        `SELECT detail FROM audit_log WHERE action = 'dealer.user_created' AND object_id = $1`,
        [created.body.id],
      )) as { detail: { organizationId: string } }[];
      expect(audit[0]!.detail.organizationId).toBe(organizationId);
    });

    it('a second admin, a taken username (409), a weak password (422), a role set by the caller (422)', async () => {
      const { cookie } = await registered({ active: true });
      const second = await request(t.server)
        .post('/api/dealer/users')
        .set('cookie', cookie)
        .send({ username: username('boss'), displayName: '店长', password: STRONG_PASSWORD, orgAdmin: true })
        .expect(201);
      expect(second.body.orgAdmin).toBe(true);
      const taken = await request(t.server)
        .post('/api/dealer/users')
        .set('cookie', cookie)
        .send({ username: DEMO_USERS.dealer, displayName: '重名', password: STRONG_PASSWORD })
        .expect(409);
      expect(taken.body.error.code).toBe('USERNAME_IN_USE');
      const weak = await request(t.server)
        .post('/api/dealer/users')
        .set('cookie', cookie)
        .send({ username: username('weak'), displayName: '弱', password: '123456789012' })
        .expect(422);
      expect(weak.body.error.fields.password).toBe('PASSWORD_TOO_COMMON');
      const role = await request(t.server)
        .post('/api/dealer/users')
        .set('cookie', cookie)
        .send({ username: username('role'), displayName: '越权', password: STRONG_PASSWORD, role: 'admin' })
        .expect(422);
      expect(role.body.error.fields.role).toBe('UNKNOWN_FIELD');
    });
  });

  describe('product register', () => {
    it.each<[string, Record<string, unknown>, string, string]>([
      ['a barcode with a wrong check digit', { barcode: '6901234567891' }, 'barcode', 'INVALID_CHECKSUM'],
      ['a 12-digit barcode', { barcode: '690123456789' }, 'barcode', 'INVALID_FORMAT'],
      ['a program not joined', { programCode: 'appliance-2025' }, 'programCode', 'PROGRAM_NOT_JOINED'],
      ['a car program', { programCode: 'car-scrap-2026' }, 'programCode', 'NOT_IN_OPTIONS'],
      ['an unknown program', { programCode: 'nope-2026' }, 'programCode', 'NOT_IN_OPTIONS'],
      ['a category the program does not have', { category: 'sofa' }, 'category', 'NOT_IN_OPTIONS'],
      ['no grade where the program has one', { efficiencyGrade: null }, 'efficiencyGrade', 'REQUIRED'],
      ['grade 6', { efficiencyGrade: 6 }, 'efficiencyGrade', 'OUT_OF_RANGE'],
      ['a zero price', { filedPriceFen: 0 }, 'filedPriceFen', 'OUT_OF_RANGE'],
      ['a price in yuan with decimals', { filedPriceFen: 3999.5 }, 'filedPriceFen', 'INVALID_TYPE'],
      ['a price past 2^53', { filedPriceFen: 1e20 }, 'filedPriceFen', 'OUT_OF_RANGE'],
      [
        'an organisation id set by the caller',
        { organizationId: '8c4a4f0e-9a43-4a57-9f3c-1d1e5a2b7c11' },
        'organizationId',
        'UNKNOWN_FIELD',
      ],
    ])('%s (%j) → 422 fields.%s = %s', async (_name, change, field, code) => {
      const dealer = await signInStaff(t, DEMO_USERS.dealer);
      const res = await request(t.server)
        .post('/api/dealer/products')
        .set('cookie', dealer.cookie)
        .send({ ...PRODUCT, ...change })
        .expect(422);
      expect(res.body.error.fields[field]).toBe(code);
    });

    it('files a product; the same barcode and program again → 409 DUPLICATE_PRODUCT; another organisation may file it', async () => {
      const a = await registered({ active: true });
      const b = await registered({ active: true });
      const created = await request(t.server)
        .post('/api/dealer/products')
        .set('cookie', a.cookie)
        .send({ ...PRODUCT, barcode: ' 6901234567090 ' })
        .expect(201);
      expect(created.body).toMatchObject({
        id: expect.any(String),
        barcode: '6901234567090',
        filedPriceFen: 100_000,
        priceRaiseFlagged: false,
        priceHistory: [{ priceFen: 100_000, baselineFen: null, flagged: false }],
      });
      const dup = await request(t.server)
        .post('/api/dealer/products')
        .set('cookie', a.cookie)
        .send({ ...PRODUCT, barcode: '6901234567090' })
        .expect(409);
      expect(dup.body.error).toMatchObject({
        code: 'DUPLICATE_PRODUCT',
        fields: { barcode: 'DUPLICATE_PRODUCT' },
      });
      await request(t.server)
        .post('/api/dealer/products')
        .set('cookie', b.cookie)
        .send({ ...PRODUCT, barcode: '6901234567090' })
        .expect(201);
      await request(t.server)
        .post('/api/dealer/products')
        .set('cookie', a.cookie)
        .send({
          ...PRODUCT,
          programCode: 'digital-2026',
          category: 'phone',
          barcode: '6901234567090',
          efficiencyGrade: undefined,
        })
        .expect(201);
    });

    it('another organisation’s product id is 404 and unchanged; lists hold only own products', async () => {
      const a = await registered({ active: true });
      const b = await registered({ active: true });
      const mine = await request(t.server)
        .post('/api/dealer/products')
        .set('cookie', a.cookie)
        .send(PRODUCT)
        .expect(201);
      const res = await request(t.server)
        .patch(`/api/dealer/products/${mine.body.id}`)
        .set('cookie', b.cookie)
        .send({ filedPriceFen: 1 })
        .expect(404);
      expect(res.body.error.code).toBe('PRODUCT_NOT_FOUND');
      const demo = await signInStaff(t, DEMO_USERS.dealer2);
      await request(t.server)
        .patch(`/api/dealer/products/${mine.body.id}`)
        .set('cookie', demo.cookie)
        .send({ filedPriceFen: 1 })
        .expect(404);
      const listA = await request(t.server).get('/api/dealer/products').set('cookie', a.cookie).expect(200);
      const listB = await request(t.server).get('/api/dealer/products').set('cookie', b.cookie).expect(200);
      expect((listA.body as { id: string }[]).map((p) => p.id)).toEqual([mine.body.id]);
      expect(listB.body).toEqual([]);
      expect(listA.body[0].filedPriceFen).toBe(100_000);
      await request(t.server)
        .patch('/api/dealer/products/not-a-uuid')
        .set('cookie', a.cookie)
        .send({ filedPriceFen: 1 })
        .expect(400);
      await request(t.server)
        .patch(`/api/dealer/products/${mine.body.id}`)
        .set('cookie', a.cookie)
        .send({ filedPriceFen: 1, brand: 'x' })
        .expect(422);
    });

    it('price history is kept; raises > 10 % over the 90-day lowest are flagged (two small raises too); the flag ends after 90 days', async () => {
      // Starts now: the approver's session, used at this time, stays fresh when the real clock returns.
      const clock = useFakeClock(t.app, new Date());
      try {
        const dealer = await registered({ active: true });
        let cookie = dealer.cookie;
        // Sessions end after 15 idle minutes: sign in again after each jump.
        const advance = async (ms: number) => {
          clock.advance(ms);
          cookie = (await signInStaff(t, dealer.body.username, dealer.body.password)).cookie;
        };
        const created = await request(t.server)
          .post('/api/dealer/products')
          .set('cookie', cookie)
          .send(PRODUCT)
          .expect(201);
        const id = created.body.id as string;
        const patch = (filedPriceFen: number) =>
          request(t.server)
            .patch(`/api/dealer/products/${id}`)
            .set('cookie', cookie)
            .send({ filedPriceFen })
            .expect(200);
        await advance(86_400_000);
        expect((await patch(105_000)).body).toMatchObject({
          filedPriceFen: 105_000,
          priceRaiseFlagged: false,
        });
        await advance(10 * 86_400_000);
        const flagged = await patch(111_000);
        expect(flagged.body.priceRaiseFlagged).toBe(true);
        expect(flagged.body.priceHistory).toEqual([
          expect.objectContaining({ priceFen: 100_000, baselineFen: null, flagged: false }),
          expect.objectContaining({ priceFen: 105_000, baselineFen: 100_000, flagged: false }),
          expect.objectContaining({ priceFen: 111_000, baselineFen: 100_000, flagged: true }),
        ]);
        const [row] = (await db.query(
          `SELECT raise_basis_points, changed_by FROM dealer_product_price WHERE product_id = $1 AND flagged`,
          [id],
        )) as { raise_basis_points: number; changed_by: string }[];
        expect(row!.raise_basis_points).toBe(1100);
        // The signal a later claim reads: a sale 30 days after the raise sees it, one 100 days after does not.
        const products = t.app.get(ProductsRepository);
        const raisedAt = clock.now().getTime();
        expect(
          await products.flaggedRaisesBefore(
            id,
            new Date(raisedAt + 30 * 86_400_000),
            FILED_PRICE_RAISE_RULE.windowDays,
          ),
        ).toHaveLength(1);
        expect(
          await products.flaggedRaisesBefore(
            id,
            new Date(raisedAt + 100 * 86_400_000),
            FILED_PRICE_RAISE_RULE.windowDays,
          ),
        ).toHaveLength(0);
        // A cut is never flagged; the same price again adds no history row.
        expect((await patch(90_000)).body.priceHistory.at(-1)).toMatchObject({
          priceFen: 90_000,
          flagged: false,
        });
        expect((await patch(90_000)).body.priceHistory).toHaveLength(4);
        // 91 days on: the old flag has lapsed; the baseline is the price in force when the window opened.
        await advance(91 * 86_400_000);
        const listed = await request(t.server).get('/api/dealer/products').set('cookie', cookie).expect(200);
        expect(listed.body[0].priceRaiseFlagged).toBe(false);
        const later = await patch(99_100);
        expect(later.body.priceHistory.at(-1)).toMatchObject({
          priceFen: 99_100,
          baselineFen: 90_000,
          flagged: true,
        });
        const audit = (await db.query(
          `SELECT detail FROM audit_log WHERE action = 'product.price_changed' AND object_id = $1 ORDER BY seq`,
          [id],
        )) as {
          detail: { flagged: boolean };
        }[];
        expect(audit.map((a) => a.detail.flagged)).toEqual([false, true, false, true]);
      } finally {
        clock.restore();
      }
    });

    it('concurrent price changes of one product are ordered by the row lock: every change is a history row', async () => {
      const { cookie } = await registered({ active: true });
      const created = await request(t.server)
        .post('/api/dealer/products')
        .set('cookie', cookie)
        .send(PRODUCT)
        .expect(201);
      const prices = [101_000, 102_000, 103_000, 104_000, 120_000];
      const answers = await Promise.all(
        prices.map((filedPriceFen) =>
          request(t.server)
            .patch(`/api/dealer/products/${created.body.id}`)
            .set('cookie', cookie)
            .send({ filedPriceFen }),
        ),
      );
      expect(answers.map((res) => res.status)).toEqual(prices.map(() => 200));
      const rows = (await db.query(
        `SELECT price_fen::int AS p, flagged FROM dealer_product_price WHERE product_id = $1`,
        [created.body.id],
      )) as { p: number; flagged: boolean }[];
      expect(rows.map((r) => r.p).sort()).toEqual([100_000, ...prices].sort());
      expect(rows.filter((r) => r.flagged).map((r) => r.p)).toEqual([120_000]);
    });
  });

  describe('the demo dealers keep working', () => {
    it.each([
      [DEMO_USERS.dealer, ['retailer', 'recycler'], 'appliance-2026', '**** **** **** 2345'],
      [DEMO_USERS.dealer2, ['car_dealer', 'dismantler'], 'car-scrap-2026', '**** **** **** 6789'],
    ])(
      '%s: active, its kinds, an organisation admin, a payout account',
      async (name, kinds, program, masked) => {
        const dealer = await signInStaff(t, name);
        const me = await request(t.server).get('/api/dealer/me').set('cookie', dealer.cookie).expect(200);
        // The account its point-of-sale claims are paid to, named as the organisation (operations.md §8).
        expect(me.body.organization).toMatchObject({
          status: 'active',
          kinds,
          payoutAccountName: me.body.organization.name,
          payoutAccountMasked: masked,
        });
        expect(me.body.organization.programs).toContain(program);
        expect(me.body.user.orgAdmin).toBe(true);
      },
    );
  });
});
