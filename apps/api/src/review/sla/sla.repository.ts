import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type SlaState, SLA_WARNING_SHARE } from '@huanxin/shared';
import type { DataSource } from 'typeorm';

const DAY_MS = 24 * 3600_000;

/**
 * A program's SLA boundaries at one instant, as the shared `slaState` draws them: a claim complete
 * at or before `warnFrom` is `warning` (≥ 80 % of the review time used), before `overdueBefore`
 * `overdue` (the whole time used).
 */
export interface SlaBoundaries {
  programId: string;
  warnFrom: Date;
  overdueBefore: Date;
}

export function slaBoundaries(programId: string, reviewDays: number, now: Date): SlaBoundaries {
  const allowed = reviewDays * DAY_MS;
  return {
    programId,
    warnFrom: new Date(now.getTime() - allowed * SLA_WARNING_SHARE),
    overdueBefore: new Date(now.getTime() - allowed),
  };
}

export interface SlaCase {
  code: string;
  programId: string;
  completeAt: Date;
  slaState: Exclude<SlaState, 'ok'>;
}

const BOUNDARIES = `unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS t(program_id, warn_from, overdue_before)`;

/**
 * Named queries of the SLA clock over claims in review (status `in_review`, both stages), read
 * through `application (program_id, status)`. The per-program boundaries come in as arrays, so one
 * statement answers for every program.
 */
@Injectable()
export class SlaRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private static parameters(boundaries: readonly SlaBoundaries[]): unknown[] {
    return [
      boundaries.map((b) => b.programId),
      boundaries.map((b) => b.warnFrom.toISOString()),
      boundaries.map((b) => b.overdueBefore.toISOString()),
    ];
  }

  /** Per program: claims in review that are ok, warning and overdue. */
  async counts(boundaries: readonly SlaBoundaries[]): Promise<Map<string, Record<SlaState, number>>> {
    const rows = (await this.dataSource.query(
      `SELECT a.program_id,
              count(*) FILTER (WHERE a.complete_at < t.overdue_before)::int AS overdue,
              count(*) FILTER (WHERE a.complete_at >= t.overdue_before AND a.complete_at <= t.warn_from)::int AS warning,
              count(*) FILTER (WHERE a.complete_at IS NULL OR a.complete_at > t.warn_from)::int AS ok
         FROM ${BOUNDARIES} JOIN application a ON a.program_id = t.program_id AND a.status = 'in_review'
        GROUP BY a.program_id`,
      SlaRepository.parameters(boundaries),
    )) as { program_id: string; ok: number; warning: number; overdue: number }[];
    return new Map(
      rows.map((row) => [row.program_id, { ok: row.ok, warning: row.warning, overdue: row.overdue }]),
    );
  }

  /** The claims in review at `warning` or `overdue`, overdue first, then oldest first. */
  async cases(boundaries: readonly SlaBoundaries[]): Promise<SlaCase[]> {
    const rows = (await this.dataSource.query(
      `SELECT a.code, a.program_id, a.complete_at,
              CASE WHEN a.complete_at < t.overdue_before THEN 'overdue' ELSE 'warning' END AS sla_state
         FROM ${BOUNDARIES} JOIN application a ON a.program_id = t.program_id AND a.status = 'in_review'
        WHERE a.complete_at <= t.warn_from
        ORDER BY (a.complete_at < t.overdue_before) DESC, a.complete_at, a.code`,
      SlaRepository.parameters(boundaries),
    )) as { code: string; program_id: string; complete_at: Date; sla_state: 'warning' | 'overdue' }[];
    return rows.map((row) => ({
      code: row.code,
      programId: row.program_id,
      completeAt: row.complete_at,
      slaState: row.sla_state,
    }));
  }
}
