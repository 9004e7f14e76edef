import { Inject, Injectable } from '@nestjs/common';
import type { PayeeKind } from '@huanxin/shared';
import type { EntityManager } from 'typeorm';
import { PiiCipher } from '../common/crypto/pii-cipher';

/** A claim a batch may pay, as the payee resolvers see it. */
export interface PayableClaim {
  applicationId: string;
  applicantId: string;
  /** The dealer organisation a point-of-sale claim pays (operations.md §1); null: the resident. */
  payeeOrganizationId: string | null;
  facts: Record<string, unknown>;
}

/**
 * Who a line pays, in clear (in memory only: the line stores name and account encrypted). The
 * payee name must equal the account name (operations.md §8). `accountBidx` is the account's blind
 * index: a failed line's claim is paid again only to a different account.
 */
export interface Payee {
  kind: PayeeKind;
  userId: string | null;
  organizationId: string | null;
  name: string;
  bankName: string;
  account: string;
  accountBidx: string;
}

/**
 * Finds the payees of the claims it pays. Resolvers are asked in order, each with the claims no
 * earlier one took: the dealer payee of point-of-sale claims (DealerPayeeResolver) comes before
 * the resident's, as listed in `PAYEE_RESOLVERS` (payments.module).
 */
export interface PayeeResolver {
  readonly kind: PayeeKind;
  /** The payees of those of `claims` this resolver pays (by application id); the others are absent. */
  resolve(manager: EntityManager, claims: readonly PayableClaim[]): Promise<Map<string, Payee>>;
}

export const PAYEE_RESOLVERS = Symbol('PAYEE_RESOLVERS');

/**
 * Resident claims: the resident's own bank card from their real-name profile. A claim that names a
 * dealer payee is never paid to the resident, even when the dealer's resolver holds it.
 */
@Injectable()
export class ResidentPayeeResolver implements PayeeResolver {
  readonly kind = 'resident' as const;

  constructor(private readonly cipher: PiiCipher) {}

  async resolve(manager: EntityManager, claims: readonly PayableClaim[]): Promise<Map<string, Payee>> {
    const payees = new Map<string, Payee>();
    const residents = claims.filter((claim) => claim.payeeOrganizationId === null);
    if (residents.length === 0) return payees;
    const rows = (await manager.query(
      `SELECT user_id, name_enc, bank_name, bank_account_enc, bank_account_bidx FROM resident_profile
        WHERE user_id = ANY($1::uuid[])`,
      [[...new Set(residents.map((claim) => claim.applicantId))]],
    )) as {
      user_id: string;
      name_enc: string;
      bank_name: string;
      bank_account_enc: string;
      bank_account_bidx: string;
    }[];
    const byUser = new Map(rows.map((row) => [row.user_id, row]));
    for (const claim of residents) {
      const profile = byUser.get(claim.applicantId);
      if (!profile) continue; // no real-name profile, no card: nothing to pay to
      payees.set(claim.applicationId, {
        kind: 'resident',
        userId: claim.applicantId,
        organizationId: null,
        name: this.cipher.decrypt(profile.name_enc, 'profile.name'),
        bankName: profile.bank_name,
        account: this.cipher.decrypt(profile.bank_account_enc, 'profile.bank_account'),
        accountBidx: profile.bank_account_bidx,
      });
    }
    return payees;
  }
}

/** Asks the resolvers in order; a claim no resolver pays is left out of the batch. */
@Injectable()
export class PayeeRegistry {
  constructor(@Inject(PAYEE_RESOLVERS) private readonly resolvers: readonly PayeeResolver[]) {}

  async resolve(manager: EntityManager, claims: readonly PayableClaim[]): Promise<Map<string, Payee>> {
    const payees = new Map<string, Payee>();
    let open = claims;
    for (const resolver of this.resolvers) {
      if (open.length === 0) break;
      for (const [id, payee] of await resolver.resolve(manager, open)) payees.set(id, payee);
      open = open.filter((claim) => !payees.has(claim.applicationId));
    }
    return payees;
  }
}

/** The key netting groups a payee's lines and receivables by. */
export function payeeKey(payee: Pick<Payee, 'kind' | 'userId' | 'organizationId'>): string {
  return payee.kind === 'dealer' ? `dealer:${payee.organizationId}` : `resident:${payee.userId}`;
}
