import { computeUsccCheckChar, type OrganizationKind } from '@huanxin/shared';
import request from 'supertest';
import { DEMO_USERS, signInStaff, STRONG_PASSWORD } from './identity';
import { residentIdentity } from './residents';
import type { TestApp } from './test-app';

/**
 * Dealer organisations for the suites, registered through the public route and approved through
 * the admin route (the rules themselves are proved in dealers.e2e-spec).
 *
 * Every suite passes its own two-letter `series` so credit codes never collide across suites
 * sharing the database (`91370181` + series + 7 digits + check character; the code's alphabet has
 * no I, O, S, V or Z). Series in use: MH dealers, M5 sales, M1 sales import, MC certificates and
 * matrix, ML ledger, MW browser tests. Contact phones reuse the resident identity of `contactIndex`.
 */
export function dealerUscc(series: string, serial: number): string {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}$/.test(series)) throw new Error(`bad USCC series ${series}`);
  const first17 = `91370181${series}${String(serial).padStart(7, '0')}`;
  return first17 + computeUsccCheckChar(first17);
}

export interface DealerOrganization {
  organizationId: string;
  uscc: string;
  name: string;
  username: string;
  password: string;
  /** The first user's session cookie (an organisation admin). */
  cookie: string;
  userId: string;
}

export interface DealerOptions {
  series: string;
  serial: number;
  kinds?: OrganizationKind[];
  programs?: string[];
  /** Approve it (default true); false leaves it `pending`. */
  active?: boolean;
  /** A resident index whose phone is the contact phone (default: 6500 + serial, the dealers range). */
  contactIndex?: number;
  name?: string;
}

/** Registers an organisation with its first user, approves it unless `active: false`, and signs in. */
export async function registerDealer(t: TestApp, options: DealerOptions): Promise<DealerOrganization> {
  const uscc = dealerUscc(options.series, options.serial);
  const name = options.name ?? `章丘测试商户${options.series}${options.serial}`;
  const username = `d-${options.series.toLowerCase()}-${options.serial}-${Date.now().toString(36)}`;
  const res = await request(t.server)
    .post('/api/dealer/registrations')
    .send({
      organization: {
        name,
        uscc,
        kinds: options.kinds ?? ['retailer'],
        programs: options.programs ?? ['appliance-2026', 'digital-2026'],
        street: 'mingshui',
        contactName: '王经理',
        contactPhone: residentIdentity(options.contactIndex ?? 6500 + options.serial).phone,
        payoutBankName: '中国工商银行章丘支行',
        payoutAccountNo: '1602023809200123456',
      },
      username,
      password: STRONG_PASSWORD,
      consent: true,
    });
  if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${JSON.stringify(res.body)}`);
  const organizationId = res.body.organizationId as string;
  if (options.active ?? true) {
    const approver = (await signInStaff(t, DEMO_USERS.approver)).cookie;
    const approved = await request(t.server)
      .post(`/api/admin/organizations/${organizationId}/status`)
      .set('cookie', approver)
      .send({ status: 'active', reason: '材料齐全，准予入驻' });
    if (approved.status !== 200)
      throw new Error(`approval failed: ${approved.status} ${JSON.stringify(approved.body)}`);
  }
  const signedIn = await signInStaff(t, username, STRONG_PASSWORD);
  return {
    organizationId,
    uscc,
    name,
    username,
    password: STRONG_PASSWORD,
    cookie: signedIn.cookie,
    userId: signedIn.user.id,
  };
}
