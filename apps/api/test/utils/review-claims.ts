import { randomUUID } from 'node:crypto';
import { computeVinCheckDigit } from '@huanxin/shared';
import { eligibleClaim, type FactChanges } from '@huanxin/shared/testing';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ApplicationStateService } from '../../src/applications/application-state.service';
import { ApplicationsRepository } from '../../src/applications/applications.repository';
import { ChecksService } from '../../src/applications/checks.service';
import { dataSourceOf } from './identity';
import { PDF_BYTES, type Resident } from './residents';
import type { TestApp } from './test-app';

/** The required documents of the programs the review suites claim in. */
const REQUIRED_DOCUMENTS = {
  carScrap: [
    'id_card',
    'old_vehicle_registration',
    'scrap_certificate',
    'deregistration_certificate',
    'new_vehicle_invoice',
    'new_vehicle_registration',
    'bank_card',
  ],
  appliance: ['invoice', 'energy_label_photo', 'serial_number_photo'],
  digital: ['invoice', 'serial_number_photo'],
} as const;
export type ReviewClaimName = keyof typeof REQUIRED_DOCUMENTS;

/** A valid VIN (check digit computed) unique to `serial` within `prefix` (8 characters). */
export function vinFor(prefix: string, serial: number): string {
  const body = `${prefix}0A1${String(serial).padStart(6, '0')}`;
  return `${body.slice(0, 8)}${computeVinCheckDigit(body)}${body.slice(9)}`;
}

/**
 * A resident's eligible claim created, documented and submitted through the API (each resident
 * from their own browser unless `userAgent` says otherwise). Returns the claim's id and code.
 */
export async function submitClaim(
  t: TestApp,
  resident: Resident,
  name: ReviewClaimName,
  changes: FactChanges,
  userAgent = `Mozilla/5.0 (resident ${resident.id})`,
): Promise<{ id: string; code: string }> {
  const { programCode, facts } = eligibleClaim(name, changes);
  const res = await request(t.server)
    .post('/api/applications')
    .set('Cookie', resident.cookie)
    .send({ programCode, facts })
    .expect(201);
  const id = res.body.id as string;
  for (const kind of REQUIRED_DOCUMENTS[name]) {
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
    .set('User-Agent', userAgent)
    .set('Idempotency-Key', randomUUID())
    .expect(200);
  return { id, code: res.body.code as string };
}

/** Runs the automated checks of a submitted claim in this app (no worker): submitted → in_review. */
export async function runChecks(t: TestApp, id: string): Promise<{ moved: boolean; flags: string[] }> {
  return t.app.get(ChecksService).check(id);
}

/**
 * Moves a claim in review on through the one state writer, as a decision would (the decision
 * routes are the review core's): `approved` commits its money, `paid` pays it.
 */
export async function moveClaim(t: TestApp, id: string, to: 'approved' | 'paid' | 'rejected'): Promise<void> {
  const db: DataSource = dataSourceOf(t);
  const applications = t.app.get(ApplicationsRepository);
  const state = t.app.get(ApplicationStateService);
  await db.transaction(async (manager) => {
    const application = await applications.lockById(manager, id);
    if (!application) throw new Error(`no application ${id}`);
    if (to === 'paid' && application.status === 'in_review')
      await state.move(manager, application, { to: 'approved', actorId: null });
    await state.move(manager, application, { to, actorId: null });
  });
}
