/**
 * The money invariants (security-reliability.md §3), in SQL, for the load benchmark and the fault
 * matrix: after a run, after a crash, after a restart, each must hold whatever happened. Each
 * answers a list of problems (empty when it holds). `query` is any client of the database
 * (a pg Pool, a TypeORM DataSource): the checks read only.
 */

export interface Invariant {
  name: string;
  problems: string[];
}

export type Query = (sql: string, params?: unknown[]) => Promise<unknown[]>;

export async function checkMoneyInvariants(
  query: Query,
  accepted: { ids: string[] },
  options: { quotaProgram?: string } = {},
): Promise<Invariant[]> {
  const q = async <T>(sql: string, params: unknown[] = []) => (await query(sql, params)) as T[];
  const quotaProgram = options.quotaProgram ?? 'digital-2026';
  const negative = await q<{ program_id: string }>(`SELECT program_id FROM budget WHERE remaining_fen < 0`);
  const unbalanced = await q<{ program_id: string }>(
    `SELECT program_id FROM budget WHERE total_fen <> remaining_fen + reserved_fen + committed_fen + paid_fen`,
  );
  // Each bucket is what the ledger moved: reserved = reserve − release − commit, committed = commit − pay, paid = pay.
  const ledger = await q<{ program_id: string }>(
    `WITH l AS (SELECT program_id,
                       sum(amount_fen) FILTER (WHERE entry = 'reserve') AS reserve,
                       sum(amount_fen) FILTER (WHERE entry = 'release') AS release,
                       sum(amount_fen) FILTER (WHERE entry = 'commit') AS commit,
                       sum(amount_fen) FILTER (WHERE entry = 'pay') AS pay
                  FROM budget_ledger GROUP BY program_id)
     SELECT b.program_id FROM budget b LEFT JOIN l ON l.program_id = b.program_id
      WHERE b.reserved_fen <> coalesce(l.reserve, 0) - coalesce(l.release, 0) - coalesce(l.commit, 0)
         OR b.committed_fen <> coalesce(l.commit, 0) - coalesce(l.pay, 0)
         OR b.paid_fen <> coalesce(l.pay, 0)`,
  );
  // One reservation per submission: a resubmission (returned → submitted) that prices the claim higher
  // reserves the difference as a second row (ApplicationStateService's `keep` effect), and so does a
  // retroactive version's top-up (one `raised` application_reprice row each); nothing else may.
  const twice = await q<{ subject_id: string; n: number }>(
    `SELECT l.subject_id, count(*)::int AS n FROM budget_ledger l WHERE l.entry = 'reserve'
      GROUP BY l.subject_id
     HAVING count(*) > 1 + (SELECT count(*) FROM application_event e
                             WHERE e.application_id = l.subject_id AND e.from_status = 'returned' AND e.to_status = 'submitted')
                         + (SELECT count(*) FROM application_reprice r
                             WHERE r.application_id = l.subject_id AND r.outcome = 'raised')`,
  );
  // What each claim holds is what the ledger moved for it.
  const held = await q<{ id: string }>(
    `SELECT a.id FROM application a
       LEFT JOIN (SELECT subject_id, sum(CASE entry WHEN 'reserve' THEN amount_fen WHEN 'release' THEN -amount_fen ELSE 0 END) AS net
                    FROM budget_ledger WHERE subject_id IS NOT NULL GROUP BY subject_id) l ON l.subject_id = a.id
      WHERE a.status IN ('submitted', 'checking', 'in_review', 'returned') AND a.reserved_fen <> coalesce(l.net, 0)`,
  );
  const missing = await q<{ id: string }>(
    `SELECT id FROM unnest($1::uuid[]) AS t(id)
      WHERE NOT EXISTS (SELECT 1 FROM application a WHERE a.id = t.id AND a.submitted_at IS NOT NULL AND a.status <> 'draft')`,
    [accepted.ids],
  );
  const duplicates = accepted.ids.length - new Set(accepted.ids).size;
  // digital-2026 (by default): one item per category per person (the ID number's blind index), counting claims only.
  const quota = await q<{ person: string; n: number }>(
    `SELECT a.id_number_bidx AS person, count(*)::int AS n FROM application a JOIN program p ON p.id = a.program_id
      WHERE p.code = $1 AND a.status IN ('submitted', 'checking', 'in_review', 'returned', 'approved', 'paid')
      GROUP BY a.id_number_bidx, a.facts #>> '{item,category}' HAVING count(*) > 1`,
    [quotaProgram],
  );
  // Each voucher holds what the ledger moved for it (reserve − release, its id the subject), and
  // no person holds more live-or-redeemed vouchers of a category than §5 allows (air conditioners 3).
  const vouchers = await q<{ id: string }>(
    `SELECT v.id FROM voucher v
       LEFT JOIN (SELECT subject_id, sum(CASE entry WHEN 'reserve' THEN amount_fen WHEN 'release' THEN -amount_fen ELSE 0 END) AS net
                    FROM budget_ledger WHERE subject_id IS NOT NULL GROUP BY subject_id) l ON l.subject_id = v.id
      WHERE v.status IN ('issued', 'expired', 'cancelled') AND v.reserved_fen <> coalesce(l.net, 0)`,
  );
  const voucherQuota = await q<{ person: string; category: string; n: number }>(
    `SELECT id_number_bidx AS person, category, count(*)::int AS n FROM voucher WHERE status IN ('issued', 'redeemed')
      GROUP BY id_number_bidx, program_id, category
     HAVING count(*) > CASE WHEN category = 'air_conditioner' THEN 3 ELSE 1 END`,
  );
  const keys = await q<{ name: string; value: string }>(
    `SELECT k.name, k.value FROM claim_key k GROUP BY k.name, k.value, k.program_id HAVING count(*) > 1`,
  );
  return [
    { name: 'budget remaining ≥ 0', problems: negative.map((r) => `program ${r.program_id} below zero`) },
    {
      name: 'total = remaining + reserved + committed + paid',
      problems: unbalanced.map((r) => `program ${r.program_id} out of balance`),
    },
    {
      name: 'buckets equal what the ledger moved',
      problems: ledger.map((r) => `program ${r.program_id}: budget and ledger disagree`),
    },
    {
      name: 'no claim reserved twice',
      problems: [
        ...twice.map((r) => `claim ${r.subject_id} reserved ${r.n} times`),
        ...held.map((r) => `claim ${r.id} holds other than its ledger rows`),
      ],
    },
    {
      name: 'each voucher holds what the ledger moved for it; voucher quotas hold',
      problems: [
        ...vouchers.map((r) => `voucher ${r.id} holds other than its ledger rows`),
        ...voucherQuota.map((r) => `person ${r.person.slice(0, 8)}… holds ${r.n} ${r.category} vouchers`),
      ],
    },
    {
      name: 'every 200 is in the database (once)',
      problems: [
        ...missing.map((r) => `accepted claim ${r.id} is not submitted in the database`),
        ...(duplicates ? [`${duplicates} claims were accepted twice`] : []),
      ],
    },
    {
      name: '≤ 1 claim per person and category; one claim per key',
      problems: [
        ...quota.map((r) => `person ${r.person.slice(0, 8)}… holds ${r.n} counting phone claims`),
        ...keys.map((r) => `key ${r.name} held twice`),
      ],
    },
  ];
}
