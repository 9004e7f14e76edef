import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProgramDefinition } from '@huanxin/shared';
import type { DataSource, EntityManager } from 'typeorm';
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
  basedOnVersion: number | null;
  createdAt: Date;
  publishedAt: Date | null;
}

export interface VersionRow extends VersionSummary {
  definition: ProgramDefinition;
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
  based_on_version: number | null;
  created_at: Date;
  published_at: Date | null;
  definition?: ProgramDefinition;
}

const SUMMARY_COLUMNS = `v.id, v.program_id, v.version, v.status, to_char(v.effective_on, 'YYYY-MM-DD') AS effective_on,
  v.document_no, v.note, v.created_by, v.published_by, v.based_on_version, v.created_at, v.published_at`;

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
    basedOnVersion: row.based_on_version,
    createdAt: row.created_at,
    publishedAt: row.published_at,
  };
  return row.definition === undefined ? summary : { ...summary, definition: row.definition };
}
