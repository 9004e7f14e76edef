import { Injectable } from '@nestjs/common';
import type { OrganizationStatus } from '@huanxin/shared';
import type { EntityManager } from 'typeorm';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { ORGANIZATION_FIELDS } from '../dealers/organization-view';
import type { Payee, PayableClaim, PayeeResolver } from './payee';

/**
 * Point-of-sale claims (operations.md §1, §8): the dealer organisation that gave the discount at
 * the till is paid on its corporate account (对公账户), decrypted like a resident's card; the
 * account name is the organisation's name, which the payee name must equal.
 *
 * Only an `active` organisation is paid. A suspended or disqualified one keeps its claims, but
 * "its pending payouts are held" (§2): they get no payee, so the batch leaves them out and a later
 * batch takes them once the organisation is active again (a disqualified one never is). The
 * resident resolver after this one never pays a claim that names a dealer payee, so a held claim
 * cannot fall through to the resident. Open receivables of the organisation (a return after
 * payment, a clawback) are netted against these lines by the batch builder (`netting.ts`: it nets
 * every line whose payee kind is `dealer`).
 *
 * An overdue receivable (§6: "while overdue, the dealer's new payouts are held") does not hold the
 * organisation's claims here: netting already withholds from its next payouts up to what it owes,
 * and it is the only way the portal collects a dealer's receivable (there is no repayment route
 * yet), so holding every payout would make an overdue receivable uncollectable.
 */
@Injectable()
export class DealerPayeeResolver implements PayeeResolver {
  readonly kind = 'dealer' as const;

  constructor(private readonly cipher: PiiCipher) {}

  async resolve(manager: EntityManager, claims: readonly PayableClaim[]): Promise<Map<string, Payee>> {
    const payees = new Map<string, Payee>();
    const ids = [...new Set(claims.flatMap((claim) => claim.payeeOrganizationId ?? []))];
    if (ids.length === 0) return payees;
    const rows = (await manager.query(
      `SELECT id, name, status, payout_bank_name, payout_account_enc FROM organization WHERE id = ANY($1::uuid[])`,
      [ids],
    )) as {
      id: string;
      name: string;
      status: OrganizationStatus;
      payout_bank_name: string | null;
      payout_account_enc: string | null;
    }[];
    const paid = new Map<string, Omit<Payee, 'kind' | 'userId'>>();
    for (const row of rows) {
      // Held: not active now; or no payout account on file (an organisation created before
      // registration existed): nothing to pay to.
      if (row.status !== 'active' || !row.payout_account_enc || !row.payout_bank_name) continue;
      const account = this.cipher.decrypt(row.payout_account_enc, ORGANIZATION_FIELDS.payoutAccount);
      paid.set(row.id, {
        organizationId: row.id,
        name: row.name,
        bankName: row.payout_bank_name,
        account,
        accountBidx: this.cipher.blindIndex(account, 'bank_account'),
      });
    }
    for (const claim of claims) {
      const organization = claim.payeeOrganizationId ? paid.get(claim.payeeOrganizationId) : undefined;
      if (organization) payees.set(claim.applicationId, { kind: 'dealer', userId: null, ...organization });
    }
    return payees;
  }
}
