import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProgramDefinition } from '@huanxin/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { returning } from '../../database/sql';
import type { ProgramVersionStatus } from '../../programs/program-version.entity';

/** One version as the versions list shows it (api-contract.md "Admin and audit"). */
export interface VersionSummary {
  id: string;
  programId: string;
  version: number;
  status: ProgramVersionStatus;
  effectiveOn: string;
  documentNo: string | null;
  note: string | null;
  createdBy: string | null;
  publishedBy: string | null;
  /** The author's and publisher's usernames (null for catalogue versions). */
  createdByName: string | null;
  publishedByName: string | null;
  basedOnVersion: number | null;
  createdAt: Date;
  publishedAt: Date | null;
}

export interface VersionRow extends VersionSummary {
  definition: ProgramDefinition;
}

export interface LockedProgram {
  id: string;
  code: string;
  kind: string;
  currentVersionId: string | null;
}

interface RawVersion {
  id: string;
  program_id: string;
  version: number;
  status: ProgramVersionStatus;
  effective_on: string;
  document_no: string | null;
  note: string | null;
  created_by: string | null;
  published_by: string | null;
  created_by_name: string | null;
  published_by_name: string | null;
  based_on_version: number | null;
  created_at: Date;
  published_at: Date | null;
  definition?: ProgramDefinition;
}

const SUMMARY_COLUMNS = `v.id, v.program_id, v.version, v.status, to_char(v.effective_on, 'YYYY-MM-DD') AS effective_on,
  v.document_no, v.note, v.created_by, v.published_by, v.based_on_version, v.created_at, v.published_at,
  (SELECT coalesce(u.username, u.display_name) FROM user_account u WHERE u.id = v.created_by) AS created_by_name,
  (SELECT coalesce(u.username, u.display_name) FROM user_account u WHERE u.id = v.published_by) AS published_by_name`;

/**
 * Named queries on program versions, drafts included (the admin side; ProgramsRepository serves
 * only the current published versions). A published row is never updated: the only UPDATE here
 * turns a draft into a published version, once (the table's trigger refuses anything else).
 */
@Injectable()
export class ProgramVersionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The program's id by code, or null. */
  async programIdByCode(
    code: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string | null> {
    const [row] = (await manager.query(`SELECT id FROM program WHERE code = $1`, [code])) as { id: string }[];
    return row?.id ?? null;
  }

  /** Every version of a program, drafts included, newest number first. */
  async list(programId: string, manager: EntityManager = this.dataSource.manager): Promise<VersionSummary[]> {
    const rows = (await manager.query(
      `SELECT ${SUMMARY_COLUMNS} FROM program_version v WHERE v.program_id = $1 ORDER BY v.version DESC`,
      [programId],
    )) as RawVersion[];
    return rows.map(fromRaw);
  }

  /** One version with its definition (draft or published), by program and number. */
  async find(
    programId: string,
    version: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<VersionRow | null> {
    const [row] = (await manager.query(
      `SELECT ${SUMMARY_COLUMNS}, v.definition FROM program_version v WHERE v.program_id = $1 AND v.version = $2`,
      [programId, version],
    )) as RawVersion[];
    return row ? (fromRaw(row) as VersionRow) : null;
  }

  /** One version with its definition by id. */
  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<VersionRow | null> {
    const [row] = (await manager.query(
      `SELECT ${SUMMARY_COLUMNS}, v.definition FROM program_version v WHERE v.id = $1`,
      [id],
    )) as RawVersion[];
    return row ? (fromRaw(row) as VersionRow) : null;
  }

  /**
   * Locks the program row for the rest of the transaction: drafts get their numbers and publishes
   * their stale check one at a time per program (two admins publishing at once: one waits, then
   * finds the other's version and is refused STALE_DRAFT).
   */
  async lockProgram(manager: EntityManager, programId: string): Promise<LockedProgram> {
    const [row] = (await manager.query(
      `SELECT id, code, kind, current_version_id FROM program WHERE id = $1 FOR UPDATE`,
      [programId],
    )) as { id: string; code: string; kind: string; current_version_id: string | null }[];
    if (!row) throw new Error(`program ${programId} not found`);
    return { id: row.id, code: row.code, kind: row.kind, currentVersionId: row.current_version_id };
  }

  /** A new program row (no version yet), or null when the code is taken. */
  async insertProgram(
    manager: EntityManager,
    program: { code: string; kind: string; titleZh: string; titleEn: string },
  ): Promise<string | null> {
    const rows = (await manager.query(
      `INSERT INTO program (code, kind, title_zh, title_en) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [program.code, program.kind, program.titleZh, program.titleEn],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  /** Inserts a draft with the program's next number (call under `lockProgram`). */
  async insertDraft(
    manager: EntityManager,
    draft: {
      programId: string;
      definition: ProgramDefinition;
      effectiveOn: string;
      documentNo: string;
      note: string | null;
      createdBy: string;
      basedOnVersion: number | null;
    },
  ): Promise<{ id: string; version: number }> {
    const [next] = (await manager.query(
      `SELECT coalesce(max(version), 0) + 1 AS version FROM program_version WHERE program_id = $1`,
      [draft.programId],
    )) as { version: number }[];
    const version = next!.version;
    const definition: ProgramDefinition = { ...draft.definition, version };
    const [row] = (await manager.query(
      `INSERT INTO program_version (program_id, version, definition, opens_on, closes_on, status, effective_on,
         document_no, note, created_by, based_on_version)
       VALUES ($1, $2, $3::jsonb, $4, $5, 'draft', $6, $7, $8, $9, $10) RETURNING id`,
      [
        draft.programId,
        version,
        JSON.stringify(definition),
        definition.opensOn,
        definition.closesOn,
        draft.effectiveOn,
        draft.documentNo,
        draft.note,
        draft.createdBy,
        draft.basedOnVersion,
      ],
    )) as { id: string }[];
    return { id: row!.id, version };
  }

  /** Turns a draft into a published version (once: false when it is not a draft any more). */
  async markPublished(manager: EntityManager, versionId: string, publishedBy: string): Promise<boolean> {
    // `returning`: for an UPDATE … RETURNING the pg driver answers [rows, count], not the rows.
    const rows = await returning(
      manager,
      `UPDATE program_version SET status = 'published', published_by = $2, published_at = now()
        WHERE id = $1 AND status = 'draft' RETURNING id`,
      [versionId, publishedBy],
    );
    return rows.length === 1;
  }

  /**
   * Points the program at a version in effect now (ProgramsRepository searches from the pointer),
   * with the version's titles.
   */
  async pointAt(manager: EntityManager, programId: string, versionId: string): Promise<void> {
    await manager.query(
      `UPDATE program p SET current_version_id = v.id, title_zh = v.definition->'title'->>'zh',
              title_en = v.definition->'title'->>'en', updated_at = now()
         FROM program_version v WHERE p.id = $1 AND v.id = $2 AND v.program_id = p.id AND v.status = 'published'`,
      [programId, versionId],
    );
  }

  /** The codes among `codes` that name no program. */
  async unknownCodes(
    codes: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    if (codes.length === 0) return [];
    const rows = (await manager.query(`SELECT code FROM program WHERE code = ANY($1)`, [codes])) as {
      code: string;
    }[];
    const known = new Set(rows.map((row) => row.code));
    return codes.filter((code) => !known.has(code));
  }

  /** The highest published version number of a program (whatever its date), or null. */
  async latestPublishedNumber(
    programId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number | null> {
    const [row] = (await manager.query(
      `SELECT max(version) AS version FROM program_version WHERE program_id = $1 AND status = 'published'`,
      [programId],
    )) as { version: number | null }[];
    return row?.version ?? null;
  }
}

function fromRaw(row: RawVersion): VersionSummary | VersionRow {
  const summary: VersionSummary = {
    id: row.id,
    programId: row.program_id,
    version: row.version,
    status: row.status,
    effectiveOn: row.effective_on,
    documentNo: row.document_no,
    note: row.note,
    createdBy: row.created_by,
    publishedBy: row.published_by,
    createdByName: row.created_by_name,
    publishedByName: row.published_by_name,
    basedOnVersion: row.based_on_version,
    createdAt: row.created_at,
    publishedAt: row.published_at,
  };
  return row.definition === undefined ? summary : { ...summary, definition: row.definition };
}
