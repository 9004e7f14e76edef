import { Injectable } from '@nestjs/common';
import type { HistoryEntry, ProgramDefinition } from '@huanxin/shared';
import type { EntityManager } from 'typeorm';
import { textPairs } from '../database/sql';

/** Claims that count in history (drafts and released claims do not). */
const COUNTING = ['submitted', 'checking', 'in_review', 'returned', 'approved', 'paid'];
/**
 * The same as a literal list, for the submit's own statement: prepared (database/auto-prepare.ts),
 * its generic plan is kept only if nothing in it depends on a parameter's value.
 */
const COUNTING_LIST = COUNTING.map((status) => `'${status}'`).join(', ');

export interface HistoryRow {
  id: string;
  status: HistoryEntry['status'];
  reserved_fen: string;
  facts: Record<string, unknown>;
  definition: ProgramDefinition;
  same_applicant: boolean;
  /** A voucher's row (see below): its category; null for a claim. */
  voucher_category: string | null;
}

/**
 * The person's vouchers that use up a category's quota but have no counting claim of their own
 * (operations.md §5): issued ones, and redeemed ones whose point-of-sale claim no longer counts
 * (the goods were returned: the quota stays used). A redeemed voucher whose claim counts is left
 * out — the claim is in the history already, and voucher + its claim are one use. Each is a
 * history entry of its program and category (status `submitted`, no keys), so the engine's own
 * quota clause refuses an after-purchase claim beyond the quota, and a voucher being redeemed is
 * left out by its id (`excludeId`). `$p` is the person's blind index, `$x` the id to leave out,
 * `$c` the counting statuses.
 */
const countingVouchers = (p: string, x: string, c: string) =>
  `SELECT v.id, 'submitted'::text AS status, v.reserved_fen, '{}'::jsonb AS facts, pv.definition,
          true AS same_applicant, v.category AS voucher_category
     FROM voucher v JOIN program_version pv ON pv.id = v.program_version_id
    WHERE v.id_number_bidx = ${p} AND (${x} IS NULL OR v.id <> ${x})
      AND (v.status = 'issued' OR (v.status = 'redeemed' AND NOT EXISTS (
             SELECT 1 FROM application r WHERE r.id = v.application_id AND r.status = ANY(${c}))))`;

/** Whose history: the applicant, the claim to leave out, the claim's keys. */
export interface HistoryQuery {
  applicantId: string;
  excludeId: string | null;
  keys: readonly { name: string; value: string }[];
}

/** The claim history the eligibility engine reads. */
@Injectable()
export class HistoryRepository {
  /**
   * The counting claims of the applicant as a PERSON — made from this account, or recorded under
   * the blind index of the ID number this account now holds (a claim counts for the ID number it
   * was submitted under, whichever account holds it later) — plus other people's counting claims
   * sharing one of `keys` (so "this VIN is in another claim" rules see them), plus the person's
   * counting vouchers without a counting claim (`countingVouchers`). `same_applicant` marks the
   * person's own. The three ways in are a UNION of index lookups (applicant, person
   * blind index, claim key): written as one OR with a sub-select, PostgreSQL scanned every claim
   * (test/hot-query-plans.int-spec.ts).
   */
  countingClaims(manager: EntityManager, query: HistoryQuery): Promise<HistoryRow[]> {
    // The keys as scalar parameters and the statuses as literals (textPairs says why): one text
    // per number of keys, each planned once per connection.
    const byKey = query.keys.length
      ? `UNION SELECT k.application_id FROM claim_key k WHERE (k.name, k.value) IN (${textPairs(3, query.keys.length)})`
      : '';
    return manager.query(
      `WITH person AS (SELECT id_number_bidx FROM resident_profile WHERE user_id = $1)
       SELECT a.id, a.status, a.reserved_fen, a.facts, v.definition,
              (a.applicant_id = $1 OR a.id_number_bidx = (SELECT id_number_bidx FROM person)) IS TRUE AS same_applicant,
              NULL::text AS voucher_category
         FROM application a JOIN program_version v ON v.id = a.program_version_id
        WHERE a.status IN (${COUNTING_LIST}) AND ($2::uuid IS NULL OR a.id <> $2::uuid)
          AND a.id IN (SELECT id FROM application WHERE applicant_id = $1
                       UNION SELECT id FROM application WHERE id_number_bidx = (SELECT id_number_bidx FROM person)
                       ${byKey})
       UNION ALL
       ${countingVouchers('(SELECT id_number_bidx FROM person)', '$2::uuid', `ARRAY[${COUNTING_LIST}]`)}`,
      [query.applicantId, query.excludeId, ...query.keys.flatMap((k) => [k.name, k.value])],
    );
  }

  /**
   * `countingClaims` of several claims in one statement (the check batch's rules recheck): the
   * same three index lookups per claim, in a LATERAL join over the batch. Answers each query's rows.
   */
  async countingClaimsMany(
    manager: EntityManager,
    queries: readonly HistoryQuery[],
  ): Promise<HistoryRow[][]> {
    const keys = queries.flatMap((query, n) => query.keys.map((key) => ({ n: n + 1, ...key })));
    const rows = (await manager.query(
      `WITH q AS (SELECT * FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS q(applicant_id, exclude_id, n)),
            k AS (SELECT * FROM unnest($4::int[], $5::text[], $6::text[]) AS k(n, name, value))
       SELECT q.n, h.* FROM q CROSS JOIN LATERAL (
         WITH person AS (SELECT id_number_bidx FROM resident_profile WHERE user_id = q.applicant_id)
         SELECT a.id, a.status, a.reserved_fen, a.facts, v.definition,
                (a.applicant_id = q.applicant_id OR a.id_number_bidx = (SELECT id_number_bidx FROM person)) IS TRUE AS same_applicant,
                NULL::text AS voucher_category
           FROM application a JOIN program_version v ON v.id = a.program_version_id
          WHERE a.status = ANY($3::text[]) AND (q.exclude_id IS NULL OR a.id <> q.exclude_id)
            AND a.id IN (SELECT id FROM application WHERE applicant_id = q.applicant_id
                         UNION SELECT id FROM application WHERE id_number_bidx = (SELECT id_number_bidx FROM person)
                         UNION SELECT c.application_id FROM claim_key c
                                WHERE (c.name, c.value) IN (SELECT k.name, k.value FROM k WHERE k.n = q.n))
         UNION ALL
         ${countingVouchers('(SELECT id_number_bidx FROM person)', 'q.exclude_id', '$3::text[]')}) h`,
      [
        queries.map((query) => query.applicantId),
        queries.map((query) => query.excludeId),
        COUNTING,
        keys.map((key) => key.n),
        keys.map((key) => key.name),
        keys.map((key) => key.value),
      ],
    )) as (HistoryRow & { n: string })[];
    const byQuery: HistoryRow[][] = queries.map(() => []);
    for (const { n, ...row } of rows) byQuery[Number(n) - 1]!.push(row);
    return byQuery;
  }
}
