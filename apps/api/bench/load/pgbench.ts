/**
 * The database baseline: Debian's pgbench running the submit's own writes — the guarded budget
 * UPDATE and its ledger INSERT (budget.repository.ts `reserve`), the claim's state-guarded UPDATE
 * and its timeline event (applications.repository.ts `setStatus`, `insertEvent`) and the outbox
 * INSERT (outbox.service.ts) — in one transaction, on a database of its own with the same schema
 * (migrations), so the portal's numbers can be read as a fraction of what PostgreSQL itself does
 * on this machine. The claim is random among `claims` drafts-turned-submitted (the UPDATE is keyed
 * by primary key as the app's is; its status guard is `IN ('draft', 'submitted')` so a claim
 * drawn twice still does the same work).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Pool } from 'pg';
import { AMOUNT_FEN, programIds } from './seed';

export const PGBENCH = '/usr/bin/pgbench';

export async function seedPgbench(pool: Pool, claims: number): Promise<void> {
  const { programId, versionId } = await programIds(pool);
  const g = `generate_series(1, ${claims}) g`;
  await pool.query(
    `INSERT INTO user_account (id, role, display_name, phone_bidx, phone_enc)
     SELECT md5('pgb-u' || g)::uuid, 'resident', 'pgbench', 'pgb-' || g, 'pgbench' FROM ${g}`,
  );
  await pool.query(
    `INSERT INTO application (id, code, applicant_id, program_id, program_version_id, status, facts, reserved_fen)
     SELECT md5('pgb' || g)::uuid, 'PGB-' || g, md5('pgb-u' || g)::uuid, $1, $2, 'draft', '{}'::jsonb, 0 FROM ${g}`,
    [programId, versionId],
  );
  // A budget no run can use up.
  await pool.query(
    `UPDATE budget SET total_fen = 1e15, remaining_fen = 1e15 - reserved_fen - committed_fen - paid_fen WHERE program_id = $1`,
    [programId],
  );
  await pool.query('ANALYZE');
}

function script(programId: string): string {
  const claim = `md5('pgb' || :n)::uuid`;
  return `\\set n random(1, :claims)
BEGIN;
UPDATE budget SET remaining_fen = remaining_fen - ${AMOUNT_FEN}, reserved_fen = reserved_fen + ${AMOUNT_FEN}, updated_at = now() WHERE program_id = '${programId}' AND remaining_fen >= ${AMOUNT_FEN} RETURNING remaining_fen;
INSERT INTO budget_ledger (program_id, subject_id, entry, amount_fen, note) VALUES ('${programId}', ${claim}, 'reserve', ${AMOUNT_FEN}, NULL) RETURNING id;
UPDATE application SET status = 'submitted', reserved_fen = ${AMOUNT_FEN}, updated_at = now(), submitted_at = CASE WHEN 'submitted' = 'submitted' THEN now() ELSE submitted_at END, returned_at = CASE WHEN 'submitted' = 'returned' THEN now() ELSE returned_at END WHERE id = ${claim} AND status IN ('draft', 'submitted') RETURNING id;
INSERT INTO application_event (application_id, at, from_status, to_status, note, actor_id) VALUES (${claim}, now(), 'draft', 'submitted', NULL, NULL) RETURNING id;
INSERT INTO outbox (queue, job_name, job_id, payload) VALUES ('checks', 'check', 'pgb-' || :client_id || '-' || random(), '{"applicationId": "x"}'::jsonb);
END;
`;
}

export interface PgbenchResult {
  tps: number;
  p50: number;
  p99: number;
  transactions: number;
  failed: number;
}

export async function runPgbench(
  pool: Pool,
  url: string,
  options: { connections: number; seconds: number; claims: number },
): Promise<PgbenchResult> {
  const { programId } = await programIds(pool);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huanxin-pgbench-'));
  try {
    const file = path.join(dir, 'submit.sql');
    writeFileSync(file, script(programId));
    const args = [
      '-n', // no vacuum of pgbench's own tables (there are none)
      '-M',
      'extended', // parameters bound like node-postgres does
      '-c',
      String(options.connections),
      '-j',
      '2',
      '-T',
      String(options.seconds),
      '-D',
      `claims=${options.claims}`,
      '-f',
      file,
      '-l',
      `--log-prefix=${path.join(dir, 'tx')}`,
      url,
    ];
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(PGBENCH, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0 ? resolve(out) : reject(new Error(`pgbench exited ${code}:\n${out}`)),
      );
    });
    const tps = Number(/tps = ([\d.]+)/.exec(output)?.[1] ?? NaN);
    const failed = Number(/number of failed transactions: (\d+)/.exec(output)?.[1] ?? 0);
    // Per-transaction log lines: client_id transaction_no latency_us script_no epoch epoch_us.
    const latencies: number[] = [];
    for (const name of readdirSync(dir).filter((f) => f.startsWith('tx'))) {
      for (const line of readFileSync(path.join(dir, name), 'utf8').split('\n')) {
        const us = Number(line.split(' ')[2]);
        if (Number.isFinite(us) && line) latencies.push(us / 1000);
      }
    }
    latencies.sort((a, b) => a - b);
    return {
      tps,
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
      transactions: latencies.length,
      failed,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}
