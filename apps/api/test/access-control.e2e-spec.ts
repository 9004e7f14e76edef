import { randomUUID } from 'node:crypto';
import { type Role, ROLE_PERMISSIONS, ROLES } from '@huanxin/shared';
import request from 'supertest';
import { SIGNED_IN } from '../src/auth/auth.decorators';
import { AuthGuard } from '../src/auth/auth.guard';
import { PHONES } from './fixtures/pii';
import {
  clearRateLimits,
  createIdentityApp,
  DEMO_USERS,
  signInResident,
  signInStaff,
} from './utils/identity';
import { listRoutes, type RouteInfo } from './utils/routes';
import type { TestApp } from './utils/test-app';

type Caller = 'anonymous' | Role;
const CALLERS: Caller[] = [
  'anonymous',
  'resident',
  'dealer',
  'reviewer',
  'approver',
  'finance',
  'admin',
  'auditor',
];

/** What a caller may get: through the guard (any answer but 401/403), 401, or 403. */
const A = 'allowed' as const;
type Expected = typeof A | 401 | 403;
type Row = readonly Expected[];

/** Anyone, signed in or not. */
const PUBLIC: Row = CALLERS.map(() => A);
/** Any signed-in user, whatever the role. */
const ANY_SIGNED_IN: Row = CALLERS.map((caller) => (caller === 'anonymous' ? 401 : A));
/** Only these roles; anonymous 401, every other role 403. */
const only = (...roles: Role[]): Row =>
  CALLERS.map((caller) => (caller === 'anonymous' ? 401 : roles.includes(caller) ? A : 403));

/**
 * The role × route matrix, one row per route, written out by hand from api-contract.md and the
 * roles' meaning (packages/shared/src/permissions.ts) — never from the route's own declaration, so
 * a wrongly declared permission fails here. Admin reads no personal data, the auditor only the
 * audit log, residents reach only their own records, dealers only `dealer.own` routes.
 * A new route needs a row (the inventory tests below fail without one): add it in its block.
 */
const MATRIX: Record<string, Row> = {
  // Public
  'GET /api/health': PUBLIC,
  'GET /api/programs': PUBLIC,
  'GET /api/programs/:code': PUBLIC,
  'POST /api/programs/:code/eligibility': PUBLIC,
  // The lottery round is public (no personal data): seed hash, entries, and after the draw the seed.
  'GET /api/programs/:code/lottery': PUBLIC,
  'GET /api/dev/sms-outbox': PUBLIC, // mounted only outside production
  // The public dashboard (issue 12): aggregates only, no sign-in
  'GET /api/stats': PUBLIC,
  'GET /api/stats/export': PUBLIC,

  // Sign-in and session
  'POST /api/auth/otp': PUBLIC,
  'POST /api/auth/otp/verify': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  'POST /api/auth/mfa/totp/setup': PUBLIC, // holds a half-signed-in staff challenge, not a session
  'POST /api/auth/mfa/totp/confirm': PUBLIC,
  'GET /api/auth/me': ANY_SIGNED_IN,
  'POST /api/auth/logout': ANY_SIGNED_IN,

  // Residents: their own profile, claims and messages
  'GET /api/me/profile': only('resident'),
  'PUT /api/me/profile': only('resident'),
  'POST /api/me/profile/otp': only('resident'),
  'GET /api/me/notifications': only('resident'),
  'POST /api/me/notifications/:id/read': only('resident'),
  'POST /api/applications': only('resident'),
  'GET /api/applications': only('resident'),
  'GET /api/applications/:id': only('resident'),
  'PATCH /api/applications/:id': only('resident'),
  'POST /api/applications/:id/submit': only('resident'),
  'POST /api/applications/:id/withdraw': only('resident'),
  'POST /api/applications/:id/documents': only('resident'),
  'GET /api/applications/:id/documents': only('resident'),
  'GET /api/applications/:id/documents/:docId': only('resident'),

  // Point-of-sale vouchers: the holder's own (vouchers.e2e-spec)
  'POST /api/vouchers': only('resident'),
  'GET /api/vouchers': only('resident'),
  'GET /api/vouchers/offers': only('resident'),
  'POST /api/vouchers/:id/cancel': only('resident'),
  'POST /api/programs/:code/lottery/entries': only('resident'),

  // Reviewers: full personal data only through the audited reveal
  'POST /api/residents/:id/reveal': only('reviewer', 'approver'),

  // Review workbench: reviewers and approvers only (the four-eyes rules are in review.e2e-spec)
  'GET /api/review/queue': only('reviewer', 'approver'),
  'GET /api/review/reasons': only('reviewer', 'approver'),
  'POST /api/review/applications/:id/claim': only('reviewer', 'approver'),
  'DELETE /api/review/applications/:id/claim': only('reviewer', 'approver'),
  'GET /api/review/applications/:id': only('reviewer', 'approver'),
  'GET /api/review/applications/:id/documents/:docId': only('reviewer', 'approver'),
  'POST /api/review/applications/:id/decision': only('reviewer', 'approver'),
  // Review console (issue 11): stats, export and staff notifications for reviewers and approvers;
  // post-approval samples and their outcomes for approvers only (review.sample)
  'GET /api/review/stats': only('reviewer', 'approver'),
  'GET /api/review/export': only('reviewer', 'approver'),
  'GET /api/review/notifications': only('reviewer', 'approver'),
  'POST /api/review/notifications/:id/read': only('reviewer', 'approver'),
  'POST /api/review/samples': only('approver'),
  'GET /api/review/samples': only('approver'),
  'GET /api/review/samples/:id': only('approver'),
  'POST /api/review/samples/:id/items/:applicationId': only('approver'),

  // Payments (issue 12): finance only; the four-eyes release is in payments.e2e-spec
  'POST /api/payments/batches': only('finance'),
  'GET /api/payments/batches': only('finance'),
  'GET /api/payments/batches/:id': only('finance'),
  'POST /api/payments/batches/:id/release': only('finance'),
  'GET /api/payments/batches/:id/file': only('finance'),
  'POST /api/payments/batches/:id/reconcile': only('finance'),
  'GET /api/payments/receivables': only('finance'),

  // Admin: accounts, organisations and programs — no resident personal data
  'GET /api/admin/users': only('admin'),
  'POST /api/admin/users': only('admin'),
  'PATCH /api/admin/users/:id': only('admin'),
  'POST /api/admin/organizations': only('admin'),

  // Dealer organisations (issue 13): public registration; the commerce office (approver) and admins
  // review registrations and change an organisation's status
  'POST /api/dealer/registrations': PUBLIC,
  'GET /api/admin/organizations': only('approver', 'admin'),
  'GET /api/admin/organizations/:id': only('approver', 'admin'),
  'POST /api/admin/organizations/:id/status': only('approver', 'admin'),
  // Dealers: their own organisation, accounts (adding one: organisation admins, checked in
  // dealers.e2e-spec) and product register
  'GET /api/dealer/me': only('dealer'),
  'GET /api/dealer/users': only('dealer'),
  'POST /api/dealer/users': only('dealer'),
  'GET /api/dealer/products': only('dealer'),
  'POST /api/dealer/products': only('dealer'),
  'PATCH /api/dealer/products/:id': only('dealer'),
  // Dealers' sale records (dealer-sales.e2e-spec: own organisation, active, right kind)
  'POST /api/dealer/sales': only('dealer'),
  'GET /api/dealer/sales': only('dealer'),
  // Bulk import of sale records (dealer-sales-import.e2e-spec)
  'GET /api/dealer/sales/import/template': only('dealer'),
  'POST /api/dealer/sales/import': only('dealer'),
  // The dealer's money ledger (own organisation only, checked in dealer-ledger.e2e-spec)
  'GET /api/dealer/ledger': only('dealer'),
  // Dismantlers' certificates, recyclers' receipts (the kind is checked in
  // dealer-certificates.e2e-spec) and the registration's documents, read by the commerce office
  'POST /api/dealer/certificates': only('dealer'),
  'GET /api/dealer/certificates': only('dealer'),
  'GET /api/dealer/certificates/:id': only('dealer'),
  'POST /api/dealer/recycling-receipts': only('dealer'),
  'GET /api/dealer/recycling-receipts': only('dealer'),
  'GET /api/dealer/recycling-receipts/:id': only('dealer'),
  'POST /api/dealer/documents': only('dealer'),
  'GET /api/dealer/documents': only('dealer'),
  'GET /api/admin/organizations/:id/documents': only('approver', 'admin'),
  'GET /api/admin/organizations/:id/documents/:docId': only('approver', 'admin'),
  'PATCH /api/admin/programs/:code': only('admin'),
  // Program versions (issue 15): drafts, one version's definition, publish, a new program
  'POST /api/admin/programs': only('admin'),
  'GET /api/admin/programs/:code/versions': only('admin'),
  'POST /api/admin/programs/:code/versions': only('admin'),
  'GET /api/admin/programs/:code/versions/:version': only('admin'),
  'POST /api/admin/programs/:code/versions/:version/publish': only('admin'),
  // Budgets (issue 12): tranches by finance or admin (budget.tranches); pauses by admin
  'POST /api/admin/programs/:code/tranches': only('finance', 'admin'),
  'POST /api/admin/programs/:code/pause': only('admin'),
  // What-if of a draft version on the real claims (issue 15), and its job when the program is large
  'POST /api/admin/programs/:code/versions/:version/what-if': only('admin'),
  'GET /api/admin/programs/:code/versions/:version/what-if/:jobId': only('admin'),

  // Auditor: the audit log, nothing else
  'GET /api/audit': only('auditor'),
  'GET /api/audit/verify': only('auditor'),
  // The audit console (issue 15): export and the anchors check, auditor only (admin reads no log: 三员)
  'GET /api/audit/export': only('auditor'),
  'GET /api/audit/anchors': only('auditor'),
};

const expectedFor = (key: string, caller: Caller): Expected | undefined =>
  MATRIX[key]?.[CALLERS.indexOf(caller)];

function concretePath(path: string): string {
  return path.replace(/:(\w+)/g, (_m, name: string) =>
    name === 'code' ? 'car-scrap-2026' : name === 'id' || name.endsWith('Id') ? randomUUID() : 'x',
  );
}

describe('access control: denied by default, every route declares its permission', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  const cookies: Partial<Record<Caller, string>> = {};
  const residents: { id: string; cookie: string }[] = [];

  beforeAll(async () => {
    t = await createIdentityApp();
    await clearRateLimits(t.config);
    routes = listRoutes(t.app);
    for (const phone of PHONES.access.slice(0, 2)) {
      const signed = await signInResident(t, phone);
      residents.push({ id: signed.user.id, cookie: signed.cookie });
    }
    cookies.resident = residents[0]!.cookie;
    for (const role of ['dealer', 'reviewer', 'approver', 'finance', 'admin', 'auditor'] as const)
      cookies[role] = (await signInStaff(t, DEMO_USERS[role])).cookie;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('route inventory', () => {
    it('every mounted route has a row in the matrix (a new route without one fails here)', () => {
      expect(routes.map((route) => route.key).filter((key) => !(key in MATRIX))).toEqual([]);
    });

    it('every row of the matrix is a mounted route (a renamed or removed route fails here)', () => {
      const mounted = new Set(routes.map((route) => route.key));
      expect(Object.keys(MATRIX).filter((key) => !mounted.has(key))).toEqual([]);
    });

    it('every row has one answer per caller', () => {
      expect(Object.entries(MATRIX).filter(([, row]) => row.length !== CALLERS.length)).toEqual([]);
    });

    it('every route is @Public() or names a permission (a route without one fails here)', () => {
      const undeclared = routes
        .filter((route) => !route.isPublic && route.permission === undefined)
        .map((route) => `${route.key} (${route.controller}.${route.handler})`);
      expect(undeclared).toEqual([]);
    });

    it('no route is both public and permission-checked (the permission would be silently ignored)', () => {
      expect(
        routes.filter((route) => route.isPublic && route.permission !== undefined).map((route) => route.key),
      ).toEqual([]);
    });

    it('every declared permission exists in the shared role → permission map', () => {
      const known = new Set<string>([SIGNED_IN, ...ROLES.flatMap((role) => ROLE_PERMISSIONS[role])]);
      expect(
        routes
          .filter((route) => route.permission !== undefined && !known.has(route.permission))
          .map((route) => `${route.key}: ${route.permission}`),
      ).toEqual([]);
    });

    it('the OpenAPI document describes exactly these routes', async () => {
      const doc = await request(t.server).get('/api/docs-json').expect(200);
      const documented = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>)
        .flatMap(([path, ops]) =>
          Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
        )
        .sort();
      expect(documented).toEqual(routes.map((route) => route.key));
    });

    it('a route with no declaration is refused by the guard: 401 anonymous, 403 signed in (checked on the guard itself)', async () => {
      const guard = t.app.get(AuthGuard);
      class Undeclared {
        handler() {}
      }
      const context = (cookie?: string) =>
        ({
          getHandler: () => Undeclared.prototype.handler,
          getClass: () => Undeclared,
          switchToHttp: () => ({
            getRequest: () => ({
              method: 'GET',
              cookies: cookie ? { hx_sid: cookie.split('=')[1] } : {},
              routeOptions: { url: '/api/undeclared' },
            }),
          }),
        }) as never;
      await expect(guard.canActivate(context())).rejects.toMatchObject({ status: 401 });
      await expect(guard.canActivate(context(cookies.admin))).rejects.toMatchObject({
        status: 403,
        code: 'FORBIDDEN',
      });
    });
  });

  describe('role × route matrix through HTTP', () => {
    const cases = () =>
      routes
        .filter((route) => route.key !== 'POST /api/auth/logout') // ends the session: checked below
        .flatMap((route) =>
          CALLERS.map((caller, index) => ({
            route,
            caller,
            expected: MATRIX[route.key]?.[index],
          })),
        );

    it('every route answers every caller as the matrix says', async () => {
      const wrong: string[] = [];
      for (const { route, caller, expected } of cases()) {
        const call = request(t.server)[route.method.toLowerCase() as 'get'](concretePath(route.path));
        if (caller !== 'anonymous') void call.set('cookie', cookies[caller]!);
        const res = ['POST', 'PUT', 'PATCH'].includes(route.method) ? await call.send({}) : await call;
        if (expected === undefined) {
          if (caller === 'anonymous') wrong.push(`${route.key}: no row in the matrix`);
          continue;
        }
        const ok =
          expected === A ? ![401, 403].includes(res.status) && res.status < 500 : res.status === expected;
        if (!ok)
          wrong.push(
            `${route.key} as ${caller}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body?.error?.code ?? '')}`,
          );
        if (expected === 403) expect(res.body.error.code).toBe('FORBIDDEN');
        if (expected === 401) expect(res.body.error.code).toBe('UNAUTHENTICATED');
      }
      expect(wrong).toEqual([]);
    });

    it('allowed GETs without parameters answer 200 for the roles allowed', async () => {
      for (const key of [
        'GET /api/auth/me',
        'GET /api/admin/users',
        'GET /api/admin/organizations',
        'GET /api/dealer/me',
        'GET /api/dealer/users',
        'GET /api/dealer/products',
        'GET /api/dealer/sales',
        'GET /api/dealer/sales/import/template',
        'GET /api/dealer/ledger',
        'GET /api/dealer/certificates',
        'GET /api/dealer/recycling-receipts',
        'GET /api/dealer/documents',
        'GET /api/audit',
        'GET /api/audit/verify',
        'GET /api/audit/anchors',
        'GET /api/review/queue',
        'GET /api/review/reasons',
      ]) {
        const path = key.split(' ')[1]!;
        for (const [index, caller] of CALLERS.entries()) {
          if (MATRIX[key]![index] !== A) continue;
          await request(t.server).get(path).set('cookie', cookies[caller]!).expect(200);
        }
      }
    });

    it('admin reads no resident personal data on any route; auditor reaches nothing but the audit log, dealer only /api/dealer', () => {
      const reachable = (caller: Caller) =>
        Object.keys(MATRIX).filter(
          (key) =>
            expectedFor(key, caller) === A &&
            expectedFor(key, 'anonymous') !== A &&
            MATRIX[key] !== ANY_SIGNED_IN,
        );
      expect(reachable('admin').filter((key) => !key.split(' ')[1]!.startsWith('/api/admin/'))).toEqual([]);
      expect(reachable('auditor').sort()).toEqual([
        'GET /api/audit',
        'GET /api/audit/anchors',
        'GET /api/audit/export',
        'GET /api/audit/verify',
      ]);
      // A dealer reaches only its own organisation's routes (`dealer.own`, under /api/dealer/).
      expect(reachable('dealer').filter((key) => !key.split(' ')[1]!.startsWith('/api/dealer/'))).toEqual([]);
      // Personal data (profiles, claims, their documents, messages, the reveal) for residents about
      // themselves and for reviewers through the reveal only.
      const personal = Object.keys(MATRIX).filter((key) =>
        /^\S+ \/api\/(me|applications|residents)(\/|$)/.test(key),
      );
      for (const caller of ['dealer', 'finance', 'admin', 'auditor'] as const)
        expect(personal.filter((key) => expectedFor(key, caller) === A)).toEqual([]);
    });

    it.each(['resident', 'dealer', 'reviewer', 'approver', 'finance', 'admin', 'auditor'] as const)(
      '%s can log out (204)',
      async (role) => {
        const cookie =
          role === 'resident' ? residents[1]!.cookie : (await signInStaff(t, DEMO_USERS[role])).cookie;
        await request(t.server).post('/api/auth/logout').set('cookie', cookie).expect(204);
        await request(t.server).get('/api/auth/me').set('cookie', cookie).expect(401);
      },
    );
  });

  describe('records are scoped to their owner (IDOR)', () => {
    it('a resident’s id on a staff-account route → 404, not the resident', async () => {
      const res = await request(t.server)
        .patch(`/api/admin/users/${residents[0]!.id}`)
        .set('cookie', cookies.admin!)
        .send({ displayName: 'x' })
        .expect(404);
      expect(res.body.error.code).toBe('USER_NOT_FOUND');
    });

    it('a staff id on the resident reveal route → 404', async () => {
      const staff = await signInStaff(t, DEMO_USERS.auditor);
      await request(t.server)
        .post(`/api/residents/${staff.user.id}/reveal`)
        .set('cookie', cookies.reviewer!)
        .send({ applicationId: randomUUID(), field: 'phone', reason: 'contact_applicant' })
        .expect(404);
    });

    it('/me routes take no id: a resident cannot name another resident', async () => {
      const res = await request(t.server)
        .get(`/api/me/profile?userId=${residents[1]!.id}`)
        .set('cookie', cookies.resident!);
      expect([404, 422]).toContain(res.status);
    });
  });

  describe('unknown fields are refused (a caller cannot set role, status or ids)', () => {
    const bodies: [string, Caller, string, Record<string, unknown>][] = [
      ['PUT', 'resident', '/api/me/profile', { role: 'admin' }],
      ['POST', 'anonymous', '/api/auth/otp', { phone: PHONES.access[2], role: 'admin' }],
      ['POST', 'anonymous', '/api/auth/login', { username: 'reviewer1', password: 'x', role: 'admin' }],
      [
        'POST',
        'admin',
        '/api/admin/users',
        {
          username: 'extra1',
          displayName: 'x',
          role: 'reviewer',
          password: 'violet-kettle-harbour-91',
          disabledAt: null,
          isAdmin: true,
        },
      ],
      ['PATCH', 'admin', `/api/admin/users/${randomUUID()}`, { role: 'admin' }],
      [
        'POST',
        'admin',
        '/api/admin/organizations',
        { name: '示例', uscc: '91370114MA3C5T8X1Q', kinds: ['recycler'], verified: true },
      ],
      [
        'POST',
        'anonymous',
        '/api/dealer/registrations',
        { organization: {}, username: 'shop-extra', password: 'x', consent: true, status: 'active' },
      ],
      ['POST', 'dealer', '/api/dealer/products', { organizationId: randomUUID() }],
      [
        'POST',
        'approver',
        `/api/admin/organizations/${randomUUID()}/status`,
        { status: 'active', reason: '好的', by: 'x' },
      ],
      [
        'POST',
        'reviewer',
        `/api/residents/${randomUUID()}/reveal`,
        { applicationId: randomUUID(), field: 'phone', reason: 'contact_applicant', userId: randomUUID() },
      ],
    ];
    it.each(bodies)('%s %s as %s → 422 UNKNOWN_FIELD', async (method, caller, path, body) => {
      const call = request(t.server)[method.toLowerCase() as 'post'](path);
      if (caller !== 'anonymous') void call.set('cookie', cookies[caller]!);
      const res = await call.send(body).expect(422);
      const unknown = Object.entries(res.body.error.fields as Record<string, string>)
        .filter(([, code]) => code === 'UNKNOWN_FIELD')
        .map(([field]) => field);
      expect(unknown.length).toBeGreaterThan(0);
    });
  });
});
