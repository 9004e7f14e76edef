import { performance } from 'node:perf_hooks';
import { Injectable } from '@nestjs/common';
import type { BudgetFigures } from '@huanxin/shared';
import { BudgetRepository } from '../budget/budget.repository';
import { ProgramsRepository, versionStamp, type CurrentProgram, type PauseRow } from './programs.repository';

/** How old the budget figures (and the version stamp) served from memory may be. */
export const PROGRAMS_REFRESH_MS = 1000;

export interface ProgramsSnapshot {
  /** Published programs, ordered as the list shows them (window, then code). */
  programs: readonly CurrentProgram[];
  byCode: ReadonlyMap<string, CurrentProgram>;
  budgets: ReadonlyMap<string, BudgetFigures>;
  /** Each program's pause announcement in force, by program id. */
  pauses: ReadonlyMap<string, PauseRow>;
}

interface Held extends ProgramsSnapshot {
  stamp: string;
  /** When the refresh that read it started (monotonic ms): the age of its figures. */
  readAt: number;
  seq: number;
}

/**
 * The public program pages, from memory. Definitions (≈80 KB of jsonb for 12 programs) are read
 * only when the version stamp changes — a program added (the seed) or a new version published —
 * and the budget rows are re-read at most once a second, in one query for all programs. Pause
 * announcements are part of the stamp: a new one reloads the list with the pauses, so its notice is
 * served (and the list's ETag changes) on every replica within a second of it. The stamp
 * and the figures come from the database itself, so every API replica sees another replica's
 * change (a budget PATCH, a claim's reservation, a new version) within PROGRAMS_REFRESH_MS without
 * any message between them; the replica that made a change calls `invalidate()` to see it at once.
 *
 * Single flight: concurrent requests that find the snapshot old wait for the same refresh (two
 * small queries), so a burst of readers costs the database one read a second, not one per request.
 * `invalidate()` bumps a sequence: a refresh that started before it cannot satisfy a reader after it.
 */
@Injectable()
export class ProgramsCache {
  private held: Held | undefined;
  private inflight: { seq: number; promise: Promise<Held> } | undefined;
  private nextSeq = 1;
  /** Refreshes started before this sequence number are too old for new readers. */
  private validFrom = 0;

  constructor(
    private readonly programs: ProgramsRepository,
    private readonly budgets: BudgetRepository,
  ) {}

  async snapshot(): Promise<ProgramsSnapshot> {
    const held = this.held;
    if (held && held.seq >= this.validFrom && performance.now() - held.readAt < PROGRAMS_REFRESH_MS)
      return held;
    if (this.inflight && this.inflight.seq >= this.validFrom) return this.inflight.promise;
    const seq = this.nextSeq++;
    const promise = this.refresh(seq).finally(() => {
      if (this.inflight?.seq === seq) this.inflight = undefined;
    });
    this.inflight = { seq, promise };
    return promise;
  }

  /** After a write in this process: the next reader gets figures read after it. */
  invalidate(): void {
    this.validFrom = this.nextSeq;
  }

  private async refresh(seq: number): Promise<Held> {
    const readAt = performance.now();
    // One after the other: two connections at once would cost a loaded pool more than 1 ms.
    const stamp = await this.programs.currentVersionStamp();
    const budgets = await this.budgets.allFigures();
    let { programs, byCode, pauses } = this.held ?? {
      programs: [],
      byCode: new Map<string, CurrentProgram>(),
      pauses: new Map<string, PauseRow>(),
    };
    let heldStamp = this.held?.stamp;
    if (stamp !== heldStamp) {
      programs = await this.programs.listCurrent();
      byCode = new Map(programs.map((program) => [program.code, program]));
      pauses = await this.programs.currentPauses();
      // The stamp of what was loaded (a version published between the two reads is in the list).
      heldStamp = versionStamp(programs, pauses);
    }
    const next: Held = { programs, byCode, budgets, pauses, stamp: heldStamp!, readAt, seq };
    // A slower, older refresh never replaces a newer snapshot.
    if (!this.held || this.held.seq < seq) this.held = next;
    return next;
  }
}
