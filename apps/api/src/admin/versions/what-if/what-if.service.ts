import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type ProgramDefinition } from '@huanxin/shared';
import type { Job } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import type { AppConfig } from '../../../config/config';
import { InjectConfig } from '../../../config/config.module';
import { QueuesService } from '../../../queue/queues.service';
import { ClaimReevaluation, MOVABLE_STATUSES, payable, type Reevaluated } from './claim-reevaluation';
import { WHAT_IF, type WhatIfPayload } from './what-if.jobs';
import type { WhatIfJobView, WhatIfResult } from './what-if.types';

/** A version as the what-if needs it. */
export interface VersionRow {
  id: string;
  programId: string;
  version: number;
  status: 'draft' | 'published';
  definition: ProgramDefinition;
}

/** The job's options: one retry (a what-if is a read; a second failure is worth a look), kept a day. */
const WHAT_IF_JOB_OPTIONS = {
  attempts: 2,
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/**
 * What a retroactive publish would do with one movable claim, decided in ONE place for the what-if
 * and the re-pricing (RetroactiveRepricer): `raised` when the new version is eligible and pays
 * more than the claim holds (it gets the new amount and version); `kept` when the new version pays
 * less or the claim is not eligible under it (programs.md "Rules across programs": re-pricing is a
 * top-up; a retroactive raise must not take money away from a filed claim — the claim keeps its
 * amount and version, and its timeline says so); null when the amount is the same.
 */
export function retroactiveOutcome(
  heldFen: number,
  after: { eligible: boolean; amountFen: number },
): { outcome: 'raised'; toFen: number } | { outcome: 'kept'; offeredFen: number | null } | null {
  if (after.eligible && after.amountFen > heldFen) return { outcome: 'raised', toFen: after.amountFen };
  if (!after.eligible) return { outcome: 'kept', offeredFen: null };
  if (after.amountFen < heldFen) return { outcome: 'kept', offeredFen: after.amountFen };
  return null;
}

/**
 * The what-if of a draft version (operations.md §10): every claim of the program but drafts,
 * re-evaluated under the draft through the claims' own evaluator (ClaimReevaluation), page by
 * page. A program with at most WHAT_IF_SYNC_MAX_CLAIMS claims is answered at once; a larger one
 * runs as a job on queue `programs` that reports `{ done, total }` after every page.
 */
@Injectable()
export class WhatIfService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly reevaluation: ClaimReevaluation,
    private readonly queues: QueuesService,
  ) {}

  /** The draft `version` of program `code`: 404 when either is unknown, 409 when it is published. */
  async draft(code: string, version: number): Promise<VersionRow> {
    const row = await this.version(this.dataSource.manager, code, version);
    if (row.status !== 'draft')
      throw new DomainError(ErrorCode.VERSION_PUBLISHED, `Version ${version} of ${code} is published`);
    return row;
  }

  /** Answers the result, or `{ jobId }` when the program has more claims than a request evaluates. */
  async start(code: string, version: number): Promise<{ result: WhatIfResult } | { jobId: string }> {
    const draft = await this.draft(code, version);
    const total = await this.reevaluation.count(this.dataSource.manager, draft.programId);
    if (total <= this.config.whatIf.syncMaxClaims)
      return { result: await this.compute(draft.programId, draft.definition) };
    const job = WHAT_IF.job({
      runId: randomUUID(),
      programId: draft.programId,
      programCode: code,
      versionId: draft.id,
      version,
      total,
    });
    await this.queues.get(job.queue).add(job.name, job.payload, { ...WHAT_IF_JOB_OPTIONS, jobId: job.jobId });
    return { jobId: job.jobId };
  }

  /** The job's state and progress, and its result once done; 404 unless it is this version's. */
  async job(code: string, version: number, jobId: string): Promise<WhatIfJobView> {
    const queue = this.queues.get(WHAT_IF.queue);
    let job = (await queue.getJob(jobId)) as Job<WhatIfPayload> | undefined;
    if (!job || job.name !== WHAT_IF.name || job.data.programCode !== code || job.data.version !== version)
      throw new DomainError(ErrorCode.NOT_FOUND, 'No such what-if job for this version');
    const state = await job.getState();
    // The job may have finished between the read above and the state: `completed` is final, so
    // read it again for its result and last progress (else a completed job could answer no result).
    if (state === 'completed') job = ((await queue.getJob(jobId)) as Job<WhatIfPayload> | undefined) ?? job;
    const progress = isProgress(job.progress) ? job.progress : { done: 0, total: job.data.total };
    return {
      jobId,
      state:
        state === 'completed'
          ? 'completed'
          : state === 'failed'
            ? 'failed'
            : state === 'active'
              ? 'active'
              : 'waiting',
      progress,
      ...(state === 'completed' && { result: job.returnvalue as WhatIfResult }),
    };
  }

  /** The job's work (WhatIfProcessor): the same computation, its progress after every page. */
  async runJob(payload: WhatIfPayload, job: Job<WhatIfPayload>): Promise<WhatIfResult> {
    const version = await this.versionById(payload.versionId);
    return this.compute(payload.programId, version.definition, async (done, total) => {
      await job.updateProgress({ done, total });
    });
  }

  /**
   * The what-if itself: pages of claims by id, each re-evaluated under its own version and under
   * `definition`; only the figures and the changed claims' codes and amounts are kept, so memory
   * is one page plus the report. `total` is counted first (for the progress); claims added while
   * it runs are evaluated too, and `done` then passes the first count (the total follows it).
   */
  async compute(
    programId: string,
    definition: ProgramDefinition,
    onProgress?: (done: number, total: number) => Promise<void>,
  ): Promise<WhatIfResult> {
    const manager = this.dataSource.manager;
    const result: WhatIfResult = {
      evaluated: 0,
      changed: [],
      deltaFen: 0,
      byStatus: {},
      retroactive: { raised: 0, kept: 0, deltaFen: 0 },
    };
    let total = await this.reevaluation.count(manager, programId);
    await onProgress?.(0, total);
    const definitions = new Map<string, ProgramDefinition>();
    let after: string | null = null;
    for (;;) {
      const page = await this.reevaluation.page(manager, programId, after);
      if (page.length === 0) break;
      for (const outcome of await this.reevaluation.reevaluate(manager, page, definition, definitions))
        tally(result, outcome);
      after = page[page.length - 1]!.id;
      total = Math.max(total, result.evaluated);
      await onProgress?.(result.evaluated, total);
    }
    return result;
  }

  private async version(manager: EntityManager, code: string, version: number): Promise<VersionRow> {
    const [row] = (await manager.query(
      `SELECT p.id AS program_id, v.id, v.version, v.status, v.definition
         FROM program p LEFT JOIN program_version v ON v.program_id = p.id AND v.version = $2
        WHERE p.code = $1`,
      [code, version],
    )) as (Omit<RawVersion, 'id'> & { id: string | null })[];
    if (!row) throw new DomainError(ErrorCode.PROGRAM_NOT_FOUND, `No program ${code}`);
    if (!row.id)
      throw new DomainError(ErrorCode.VERSION_NOT_FOUND, `Program ${code} has no version ${version}`);
    return toVersion({ ...row, id: row.id });
  }

  private async versionById(id: string): Promise<VersionRow> {
    const [row] = (await this.dataSource.query(
      `SELECT id, program_id, version, status, definition FROM program_version WHERE id = $1`,
      [id],
    )) as RawVersion[];
    if (!row) throw new Error(`program version ${id} is gone`);
    return toVersion(row);
  }
}

interface RawVersion {
  id: string;
  program_id: string;
  version: number;
  status: 'draft' | 'published';
  definition: ProgramDefinition;
}

function toVersion(row: RawVersion): VersionRow {
  return {
    id: row.id,
    programId: row.program_id,
    version: row.version,
    status: row.status,
    definition: row.definition,
  };
}

function isProgress(value: unknown): value is { done: number; total: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { done?: unknown }).done === 'number' &&
    typeof (value as { total?: unknown }).total === 'number'
  );
}

/** Adds one re-evaluated claim to the report. */
function tally(result: WhatIfResult, { claim, before, after }: Reevaluated): void {
  result.evaluated += 1;
  const figures = (result.byStatus[claim.status] ??= { evaluated: 0, changed: 0, deltaFen: 0 });
  figures.evaluated += 1;
  const movable = MOVABLE_STATUSES.includes(claim.status) && !claim.frozen;
  if (movable) {
    const retro = retroactiveOutcome(claim.reservedFen, after);
    if (retro?.outcome === 'raised') {
      result.retroactive.raised += 1;
      result.retroactive.deltaFen += retro.toFen - claim.reservedFen;
    } else if (retro?.outcome === 'kept') result.retroactive.kept += 1;
  }
  if (before.eligible === after.eligible && before.amountFen === after.amountFen) return;
  figures.changed += 1;
  result.changed.push({ applicationCode: claim.code, status: claim.status, before, after });
  if (movable) {
    const delta = payable(after) - payable(before);
    figures.deltaFen += delta;
    result.deltaFen += delta;
  }
}
