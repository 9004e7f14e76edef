import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

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
const LIVE = `a.status NOT IN ('draft', 'rejected', 'withdrawn', 'expired')`;

/**
 * Named queries of the risk rules, run in the check job's transaction. Each reads through an
 * index: `risk_key (application_id, name)` for this claim's keys, `risk_key (name, value)` for the
 * other claims holding one, `application_document (application_id)` for its uploads.
 */
@Injectable()
export class RiskRepository {
  /** Records the claim's keys (a resubmission's changed value replaces the old one). */
  async recordKeys(
    manager: EntityManager,
    applicationId: string,
    keys: readonly { name: string; value: string }[],
  ): Promise<void> {
    // One round trip (issue 10: the check job's round trips are the drain's cost): the DELETE
    // touches only names not in the list, the upsert only names in it, so the two never meet.
    // A name given twice keeps its last value, as a loop of upserts would.
    const byName = new Map(keys.map((key) => [key.name, key.value]));
    await manager.query(
      `WITH gone AS (DELETE FROM risk_key WHERE application_id = $1 AND NOT (name = ANY($2::text[])))
       INSERT INTO risk_key (application_id, name, value)
       SELECT $1, k.name, k.value FROM unnest($2::text[], $3::text[]) AS k(name, value)
       ON CONFLICT (application_id, name) DO UPDATE SET value = EXCLUDED.value`,
      [applicationId, [...byName.keys()], [...byName.values()]],
    );
  }

  /** Other live claims naming this claim's old vehicle (key `oldVin`), with their declarations. */
  async otherDeclarationsOfOldVehicle(
    manager: EntityManager,
    applicationId: string,
  ): Promise<VehicleDeclaration[]> {
    const rows = (await manager.query(
      `SELECT a.code, a.facts #>> '{oldVehicle,vehicleType}' AS vehicle_type, a.facts #>> '{oldVehicle,usage}' AS usage
         FROM risk_key mine
         JOIN risk_key other ON other.name = mine.name AND other.value = mine.value AND other.application_id <> mine.application_id
         JOIN application a ON a.id = other.application_id
        WHERE mine.application_id = $1 AND mine.name = 'oldVin' AND ${LIVE}
        ORDER BY a.code`,
      [applicationId],
    )) as { code: string; vehicle_type: string | null; usage: string | null }[];
    return rows.map((row) => ({ code: row.code, vehicleType: row.vehicle_type, usage: row.usage }));
  }

  /**
   * This claim's keys (VIN, certificate, invoice, serial / IMEI, property certificate) that a live
   * claim of ANOTHER person also holds. Another person: a different account and a different ID
   * number (stacking programs legitimately share a key for one person).
   */
  async keysSharedWithOtherPeople(manager: EntityManager, applicationId: string): Promise<SharedKey[]> {
    const rows = (await manager.query(
      `SELECT mine.name AS key, a.code, p.code AS program_code
         FROM risk_key mine
         JOIN application me ON me.id = mine.application_id
         JOIN risk_key other ON other.name = mine.name AND other.value = mine.value AND other.application_id <> mine.application_id
         JOIN application a ON a.id = other.application_id
         JOIN program p ON p.id = a.program_id
        WHERE mine.application_id = $1 AND ${LIVE}
          AND a.applicant_id <> me.applicant_id
          AND a.id_number_bidx IS DISTINCT FROM me.id_number_bidx
        ORDER BY mine.name, a.code`,
      [applicationId],
    )) as { key: string; code: string; program_code: string }[];
    return rows.map((row) => ({ key: row.key, code: row.code, programCode: row.program_code }));
  }

  /** When the claim's first document was uploaded (null without documents). */
  async firstUploadAt(manager: EntityManager, applicationId: string): Promise<Date | null> {
    const [row] = (await manager.query(
      `SELECT min(created_at) AS first FROM application_document WHERE application_id = $1`,
      [applicationId],
    )) as { first: Date | null }[];
    return row?.first ?? null;
  }
}
