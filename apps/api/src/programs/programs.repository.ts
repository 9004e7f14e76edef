import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProgramDefinition } from '@huanxin/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { ProgramEntity } from './program.entity';
import { ProgramVersionEntity } from './program-version.entity';

export interface CurrentProgram {
  id: string;
  code: string;
  versionId: string;
  version: number;
  definition: ProgramDefinition;
}

/** Named program queries; query builders stay in here. */
@Injectable()
export class ProgramsRepository {
  /**
   * Versions are immutable, so one definition object per version id is kept: the eligibility
   * engine compiles a definition once per object, and this keeps that cache warm across requests.
   */
  private readonly definitions = new Map<string, ProgramDefinition>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every program with its published version, ordered by window then code. */
  async listCurrent(): Promise<CurrentProgram[]> {
    const rows = await this.currentQuery(this.dataSource.manager)
      .orderBy('v.opens_on', 'DESC')
      .addOrderBy('p.code', 'ASC')
      .getRawMany<RawCurrent>();
    return rows.map((row) => this.fromRaw(row));
  }

  async findCurrentByCode(code: string): Promise<CurrentProgram | null> {
    const row = await this.currentQuery(this.dataSource.manager)
      .where('p.code = :code', { code })
      .getRawOne<RawCurrent>();
    return row ? this.fromRaw(row) : null;
  }

  /**
   * Which version each program publishes, as one string (`id:versionId,…`, by program id): a cheap
   * stamp (no definitions read) that changes when a program is added or a new version published.
   */
  async currentVersionStamp(): Promise<string> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(ProgramEntity, 'p')
      .select(['p.id AS id', 'p.current_version_id AS version_id'])
      .where('p.current_version_id IS NOT NULL')
      .getRawMany<{ id: string; version_id: string }>();
    return versionStamp(rows.map((row) => ({ id: row.id, versionId: row.version_id })));
  }

  /** A version's definition (immutable, so cached per process). */
  async definitionByVersionId(
    versionId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ProgramDefinition> {
    const cached = this.definitions.get(versionId);
    if (cached) return cached;
    const [row] = (await manager.query(`SELECT definition FROM program_version WHERE id = $1`, [
      versionId,
    ])) as { definition: ProgramDefinition }[];
    if (!row) throw new Error(`program version ${versionId} not found`);
    this.definitions.set(versionId, row.definition);
    return row.definition;
  }

  private fromRaw(row: RawCurrent): CurrentProgram {
    let definition = this.definitions.get(row.version_id);
    if (!definition) {
      definition = row.definition;
      this.definitions.set(row.version_id, definition);
    }
    return { id: row.id, code: row.code, versionId: row.version_id, version: row.version, definition };
  }

  private currentQuery(manager: EntityManager) {
    return manager
      .createQueryBuilder(ProgramEntity, 'p')
      .innerJoin(ProgramVersionEntity, 'v', 'v.id = p.current_version_id')
      .select([
        'p.id AS id',
        'p.code AS code',
        'v.id AS version_id',
        'v.version AS version',
        'v.definition AS definition',
      ]);
  }
}

/** The stamp of a set of programs (see `currentVersionStamp`). */
export function versionStamp(programs: readonly { id: string; versionId: string }[]): string {
  return programs
    .map((program) => `${program.id}:${program.versionId}`)
    .sort()
    .join(',');
}

interface RawCurrent {
  id: string;
  code: string;
  version_id: string;
  version: number;
  definition: ProgramDefinition;
}
