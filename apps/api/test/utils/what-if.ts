import { randomUUID } from 'node:crypto';
import type { ApplicationStatus, ProgramDefinition } from '@huanxin/shared';
import { bankCardNumber, eligibleClaim } from '@huanxin/shared/testing';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ApplicationStateService } from '../../src/applications/application-state.service';
import { ApplicationsRepository } from '../../src/applications/applications.repository';
import { PiiCipher } from '../../src/common/crypto/pii-cipher';
import { PaymentViews } from '../../src/payments/payment-views';
import { ProgramsCache } from '../../src/programs/programs.cache';
import { dataSourceOf } from './identity';
import { PDF_BYTES, type Resident } from './residents';
import { runChecks } from './review-claims';
import type { TestApp } from './test-app';

/**
 * A program of the what-if and re-pricing suites' own: a copy of digital-2026 under `code` (so no
 * demo program's version changes under other suites), version 1 published, with its budget.
 * Its versions are effective only on 9999-12-31 — current through the pointer alone — so
 * `hideProgram` (afterAll) takes it off the public list again for the suites that count programs.
 */
export async function createTestProgram(
  t: TestApp,
  code: string,
  totalFen: number,
): Promise<{ programId: string; versionId: string; definition: ProgramDefinition }> {
  const db = dataSourceOf(t);
  const [demo] = (await db.query(
    `SELECT v.definition FROM program p JOIN program_version v ON v.id = p.current_version_id WHERE p.code = 'digital-2026'`,
  )) as { definition: ProgramDefinition }[];
  const definition: ProgramDefinition = {
    ...demo!.definition,
    code,
    version: 1,
    budget: { ...demo!.definition.budget, totalFen },
  };
  const programId = await db.transaction(async (manager) => {
    const [program] = (await manager.query(
      `INSERT INTO program (code, kind, title_zh, title_en) VALUES ($1, $2, $3, $4) RETURNING id`,
      [code, definition.kind, `${definition.title.zh}（测算）`, `${definition.title.en} (what-if)`],
    )) as { id: string }[];
    const [version] = (await manager.query(
      `INSERT INTO program_version (program_id, version, definition, opens_on, closes_on, status, effective_on, published_at)
       VALUES ($1, 1, $2::jsonb, $3, $4, 'published', '9999-12-31', now()) RETURNING id`,
      [program!.id, JSON.stringify(definition), definition.opensOn, definition.closesOn],
    )) as { id: string }[];
    await manager.query(`UPDATE program SET current_version_id = $2 WHERE id = $1`, [
      program!.id,
      version!.id,
    ]);
    await manager.query(`INSERT INTO budget (program_id, total_fen, remaining_fen) VALUES ($1, $2, $2)`, [
      program!.id,
      totalFen,
    ]);
    return program!.id;
  });
  t.app.get(ProgramsCache).invalidate();
  const [row] = (await db.query(`SELECT current_version_id AS id FROM program WHERE id = $1`, [
    programId,
  ])) as {
    id: string;
  }[];
  return { programId, versionId: row!.id, definition };
}

/** A draft version of the program (what h-versions' POST …/versions makes). */
export async function addDraft(
  t: TestApp,
  programId: string,
  version: number,
  definition: ProgramDefinition,
  documentNo: string,
): Promise<string> {
  const [row] = (await dataSourceOf(t).query(
    `INSERT INTO program_version (program_id, version, definition, opens_on, closes_on, status, effective_on, document_no, note)
     VALUES ($1, $2, $3::jsonb, $4, $5, 'draft', '9999-12-31', $6, 'what-if suite') RETURNING id`,
    [
      programId,
      version,
      JSON.stringify({ ...definition, version }),
      definition.opensOn,
      definition.closesOn,
      documentNo,
    ],
  )) as { id: string }[];
  return row!.id;
}

/** Takes the suite's program off the public list (no current version), for the suites that count them. */
export async function hideProgram(t: TestApp, programId: string): Promise<void> {
  await dataSourceOf(t).query(`UPDATE program SET current_version_id = NULL WHERE id = $1`, [programId]);
  t.app.get(ProgramsCache).invalidate();
}

/** A digital claim of `resident` on `programCode` at `priceFen`, its numbers unique to `serial`. */
export async function submitProgramClaim(
  t: TestApp,
  resident: Resident,
  programCode: string,
  serial: number,
  priceFen: number,
): Promise<{ id: string; code: string }> {
  const { facts } = eligibleClaim('digital', {
    'item.priceFen': priceFen,
    'item.invoiceNo': `2637${String(serial).padStart(16, '0')}`,
    'item.serialNo': `IMEI-WI-${serial}`,
  });
  const res = await request(t.server)
    .post('/api/applications')
    .set('Cookie', resident.cookie)
    .send({ programCode, facts })
    .expect(201);
  const id = res.body.id as string;
  for (const kind of ['invoice', 'serial_number_photo']) {
    await request(t.server)
      .post(`/api/applications/${id}/documents`)
      .set('Cookie', resident.cookie)
      .field('kind', kind)
      .attach('file', Buffer.concat([PDF_BYTES, Buffer.from(randomUUID())]), 'f.pdf')
      .expect(201);
  }
  await request(t.server)
    .post(`/api/applications/${id}/submit`)
    .set('Cookie', resident.cookie)
    .set('User-Agent', `Mozilla/5.0 (resident ${resident.id})`)
    .set('Idempotency-Key', randomUUID())
    .expect(200);
  return { id, code: res.body.code as string };
}

/** The statuses a suite's claim can be put in (`batch`: approved, its line in a draft or released batch). */
export type ClaimPlace = ApplicationStatus | 'approved-draft-batch' | 'approved-released-batch';

/**
 * Moves a submitted claim on to `place` through the one state writer (money moves as in
 * production); `checking` is set directly (the check job passes through it inside one
 * transaction). Batches are written directly (the payments suites prove how finance builds them),
 * with payee fields encrypted as the portal's own: suites share one database, and a line another
 * suite cannot decrypt would make this batch unreadable in its batch list. Their ids come back.
 */
export async function moveTo(
  t: TestApp,
  id: string,
  place: ClaimPlace,
  staff: { finance: string; finance2: string },
): Promise<{ batchId?: string; lineId?: string }> {
  const db: DataSource = dataSourceOf(t);
  if (place === 'submitted') return {};
  if (place === 'checking') {
    await db.query(`UPDATE application SET status = 'checking' WHERE id = $1 AND status = 'submitted'`, [id]);
    return {};
  }
  const step = async (to: Exclude<ApplicationStatus, 'submitted'>) =>
    db.transaction(async (manager) => {
      const application = await t.app.get(ApplicationsRepository).lockById(manager, id);
      if (!application) throw new Error(`no application ${id}`);
      await t.app.get(ApplicationStateService).move(manager, application, { to, actorId: null });
    });
  if (place === 'withdrawn') {
    await step('withdrawn');
    return {};
  }
  const checked = await runChecks(t, id);
  if (!checked.moved) throw new Error(`claim ${id} did not reach review: ${checked.flags.join(', ')}`);
  if (place === 'in_review') return {};
  if (place === 'returned' || place === 'expired') {
    await step('returned');
    if (place === 'expired') await step('expired');
    return {};
  }
  if (place === 'rejected') {
    await step('rejected');
    return {};
  }
  await step('approved');
  if (place === 'paid') {
    await step('paid');
    return {};
  }
  if (place === 'approved') return {};
  const [claim] = (await db.query(
    `SELECT applicant_id, program_id, reserved_fen FROM application WHERE id = $1`,
    [id],
  )) as { applicant_id: string; program_id: string; reserved_fen: string }[];
  const views = t.app.get(PaymentViews);
  const account = bankCardNumber(900_000);
  const [batch] = (await db.query(
    `INSERT INTO payment_batch (program_id, status, total_fen, created_by, created_at) VALUES ($1, 'draft', $2, $3, now()) RETURNING id`,
    [claim!.program_id, claim!.reserved_fen, staff.finance],
  )) as { id: string }[];
  const [line] = (await db.query(
    `INSERT INTO payment_line (id, batch_id, application_id, payee_kind, payee_user_id, payee_name_enc, bank_name, account_enc, account_bidx, amount_fen, status)
     VALUES ('PL' || lpad(nextval('payment_line_seq')::text, 10, '0'), $1, $2, 'resident', $3, $4, '测试银行', $5, $6, $7, 'pending')
     RETURNING id`,
    [
      batch!.id,
      id,
      claim!.applicant_id,
      views.encrypt('测试居民', 'name'),
      views.encrypt(account, 'account'),
      t.app.get(PiiCipher).blindIndex(account, 'bank_account'),
      claim!.reserved_fen,
    ],
  )) as { id: string }[];
  if (place === 'approved-released-batch')
    await db.query(
      `UPDATE payment_batch SET status = 'released', released_by = $2, released_at = now() WHERE id = $1`,
      [batch!.id, staff.finance2],
    );
  return { batchId: batch!.id, lineId: line!.id };
}

/** A staff account's id by username. */
export async function staffId(t: TestApp, username: string): Promise<string> {
  const [row] = (await dataSourceOf(t).query(`SELECT id FROM user_account WHERE username = $1`, [
    username,
  ])) as {
    id: string;
  }[];
  if (!row) throw new Error(`no staff account ${username}`);
  return row.id;
}
