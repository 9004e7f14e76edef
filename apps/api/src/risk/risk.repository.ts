import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { groupBy } from '../common/group-by';

/** Another claim for the same old vehicle and what it declared about it. */
export interface VehicleDeclaration {
  code: string;
  vehicleType: string | null;
  usage: string | null;
}

/** A claim key of this claim that another person's live claim also carries. */
export interface SharedKey {
  key: string;
  code: string;
  programCode: string;
}

/** Claims that still count: submitted or further, not released. */
const LIVE = `a.status NOT IN ('draft', 'rejected', 'withdrawn', 'expired', 'cancelled')`;

/**
 * A batch of claims in check order, and the condition that another claim's key counts for claim
 * `b`: the other claim is not in the batch, or comes before `b` in it (as if each claim of the
 * batch had been checked alone in turn: a later one had not recorded its keys yet).
 */
const BATCH = `batch AS (SELECT * FROM unnest($1::uuid[]) WITH ORDINALITY AS b(id, pos))`;
const NOT_LATER = `NOT EXISTS (SELECT 1 FROM batch later WHERE later.id = other.application_id AND later.pos > b.pos)`;

/**
 * Named queries of the risk rules, each for a batch of claims in one statement (`= ANY`). Each
 * reads through an index: `risk_key (application_id, name)` for the claims' keys, `risk_key
 * (name, value)` for the other claims holding one, `application_document (application_id)` for
 * their uploads.
 */
@Injectable()
export class RiskRepository {
  /**
   * Records each claim's keys (a resubmission's changed value replaces the old one; a name no
   * longer given is removed). One round trip for the batch: the DELETE touches only (claim, name)
   * pairs not in the list, the upsert only pairs in it, so the two never meet. A name given twice
   * for a claim keeps its last value, as a loop of upserts would.
   */
  async recordKeys(
    manager: EntityManager,
    claims: readonly { applicationId: string; keys: readonly { name: string; value: string }[] }[],
  ): Promise<void> {
    const rows = claims.flatMap(({ applicationId, keys }) =>
      [...new Map(keys.map((key) => [key.name, key.value]))].map(([name, value]) => ({
        applicationId,
        name,
        value,
      })),
    );
    await manager.query(
      `WITH given AS (SELECT * FROM unnest($2::uuid[], $3::text[], $4::text[]) AS k(application_id, name, value)),
       gone AS (
         DELETE FROM risk_key r WHERE r.application_id = ANY($1::uuid[])
            AND NOT EXISTS (SELECT 1 FROM given g WHERE g.application_id = r.application_id AND g.name = r.name))
       INSERT INTO risk_key (application_id, name, value)
       SELECT application_id, name, value FROM given
       ON CONFLICT (application_id, name) DO UPDATE SET value = EXCLUDED.value`,
      [
        claims.map((c) => c.applicationId),
        rows.map((r) => r.applicationId),
        rows.map((r) => r.name),
        rows.map((r) => r.value),
      ],
    );
  }

  /**
   * For each claim (batch in check order): other live claims naming its old vehicle (key
   * `oldVin`), with their declarations, by code.
   */
  async otherDeclarationsOfOldVehicle(
    manager: EntityManager,
    applicationIds: readonly string[],
  ): Promise<Map<string, VehicleDeclaration[]>> {
    const rows = (await manager.query(
      `WITH ${BATCH}
       SELECT b.id AS mine, a.code, a.facts #>> '{oldVehicle,vehicleType}' AS vehicle_type, a.facts #>> '{oldVehicle,usage}' AS usage
         FROM batch b
         JOIN risk_key mine ON mine.application_id = b.id AND mine.name = 'oldVin'
         JOIN risk_key other ON other.name = mine.name AND other.value = mine.value AND other.application_id <> mine.application_id
         JOIN application a ON a.id = other.application_id
        WHERE ${LIVE} AND ${NOT_LATER}
        ORDER BY b.pos, a.code`,
      [applicationIds],
    )) as { mine: string; code: string; vehicle_type: string | null; usage: string | null }[];
    return groupBy(
      rows,
      (row) => row.mine,
      (row) => ({
        code: row.code,
        vehicleType: row.vehicle_type,
        usage: row.usage,
      }),
    );
  }

  /**
   * For each claim (batch in check order): its keys (VIN, certificate, invoice, serial / IMEI,
   * property certificate) that a live claim of ANOTHER person also holds. Another person: a
   * different account and a different ID number (stacking programs legitimately share a key for
   * one person).
   */
  async keysSharedWithOtherPeople(
    manager: EntityManager,
    applicationIds: readonly string[],
  ): Promise<Map<string, SharedKey[]>> {
    const rows = (await manager.query(
      `WITH ${BATCH}
       SELECT b.id AS mine, mine.name AS key, a.code, p.code AS program_code
         FROM batch b
         JOIN risk_key mine ON mine.application_id = b.id
         JOIN application me ON me.id = mine.application_id
         JOIN risk_key other ON other.name = mine.name AND other.value = mine.value AND other.application_id <> mine.application_id
         JOIN application a ON a.id = other.application_id
         JOIN program p ON p.id = a.program_id
        WHERE ${LIVE} AND ${NOT_LATER}
          AND a.applicant_id <> me.applicant_id
          AND a.id_number_bidx IS DISTINCT FROM me.id_number_bidx
        ORDER BY b.pos, mine.name, a.code`,
      [applicationIds],
    )) as { mine: string; key: string; code: string; program_code: string }[];
    return groupBy(
      rows,
      (row) => row.mine,
      (row) => ({
        key: row.key,
        code: row.code,
        programCode: row.program_code,
      }),
    );
  }

  /** For each claim: when its first document was uploaded (absent without documents). */
  async firstUploadAt(manager: EntityManager, applicationIds: readonly string[]): Promise<Map<string, Date>> {
    const rows = (await manager.query(
      `SELECT application_id AS id, min(created_at) AS first FROM application_document
        WHERE application_id = ANY($1::uuid[]) GROUP BY application_id`,
      [applicationIds],
    )) as { id: string; first: Date }[];
    return new Map(rows.map((row) => [row.id, row.first]));
  }
}
