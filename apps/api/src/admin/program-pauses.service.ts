import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEFAULT_GRACE_DAYS,
  ErrorCode,
  FieldErrorCode,
  PAUSE_NOTICE_HOURS,
  type ProgramPause,
} from '@huanxin/shared';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import type { AuthUser } from '../common/http/request-context';
import { DomainError, validationFailed } from '../common/errors/domain-error';
import { ProgramsCache } from '../programs/programs.cache';
import { ProgramsRepository } from '../programs/programs.repository';
import { publicPause } from '../programs/programs.service';
import type { PauseProgramDto } from './program-funding.dto';

const HOUR_MS = 3_600_000;
/** How far back a pause "now" may be dated when the money is gone (the request's own travel time). */
const BACKDATE_SLACK_MS = 5 * 60_000;

/**
 * Program pauses (operations.md §8): announced with a bilingual notice at least 72 hours ahead
 * (at once when the money is gone), shown on the public pages from the moment of the announcement
 * (the programs cache's stamp includes the newest announcement, so every replica serves it within
 * a second), refusing new claims from `pausesAt` except purchases made before it within the grace
 * days (SubmissionChecks). Claims in flight keep their reservations: nothing is released here.
 */
@Injectable()
export class ProgramPausesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programs: ProgramsRepository,
    private readonly audit: AuditService,
    private readonly cache: ProgramsCache,
    private readonly clock: Clock,
  ) {}

  async announce(
    code: string,
    body: PauseProgramDto,
    actor: AuthUser,
  ): Promise<ProgramPause & { programCode: string }> {
    const program = await this.programs.findCurrentByCode(code);
    if (!program) throw new DomainError(ErrorCode.PROGRAM_NOT_FOUND, `No program ${code}`);
    const now = this.clock.now();
    if (this.clock.today() > program.definition.closesOn)
      throw new DomainError(ErrorCode.PROGRAM_CLOSED, 'The program has closed: there is nothing to pause');
    const requested = new Date(body.pausesAt);
    if (Number.isNaN(requested.getTime())) throw validationFailed({ pausesAt: FieldErrorCode.INVALID_DATE });
    const graceDays = body.graceDays ?? DEFAULT_GRACE_DAYS;
    const pause = await this.dataSource.transaction(async (manager) => {
      // One announcement at a time per program: the budget row is the program's lock, and its
      // remaining money decides whether a short notice is allowed.
      const [budget] = (await manager.query(
        `SELECT remaining_fen FROM budget WHERE program_id = $1 FOR UPDATE`,
        [program.id],
      )) as { remaining_fen: string }[];
      const moneyGone = !budget || Number(budget.remaining_fen) <= 0;
      const current = (await this.programs.currentPauses(manager, program.id)).get(program.id);
      if (current && current.pausesAt.getTime() <= now.getTime()) {
        throw new DomainError(ErrorCode.PROGRAM_ALREADY_PAUSED, 'The program is already paused', {
          extra: { pause: publicPause(current) },
        });
      }
      let pausesAt = requested;
      if (!moneyGone && requested.getTime() < now.getTime() + PAUSE_NOTICE_HOURS * HOUR_MS)
        throw validationFailed(
          { pausesAt: FieldErrorCode.NOTICE_TOO_SHORT },
          `A pause needs ${PAUSE_NOTICE_HOURS} hours' notice while the program has money`,
        );
      if (moneyGone) {
        if (requested.getTime() < now.getTime() - BACKDATE_SLACK_MS)
          throw validationFailed(
            { pausesAt: FieldErrorCode.OUT_OF_RANGE },
            'A pause cannot start in the past',
          );
        if (requested.getTime() < now.getTime()) pausesAt = now;
      }
      const [row] = (await manager.query(
        `INSERT INTO program_pause (program_id, pauses_at, grace_days, notice_zh, notice_en, announced_at, announced_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [program.id, pausesAt, graceDays, body.notice.zh, body.notice.en, now, actor.id],
      )) as { id: string }[];
      const announced = {
        id: row!.id,
        programId: program.id,
        pausesAt,
        graceDays,
        noticeZh: body.notice.zh,
        noticeEn: body.notice.en,
        announcedAt: now,
      };
      await this.audit.record(
        {
          action: 'program.pause_announced',
          result: 'success',
          objectType: 'program',
          objectId: program.id,
          detail: {
            code,
            pauseId: announced.id,
            pausesAt: pausesAt.toISOString(),
            graceDays,
            supersedes: current?.id ?? null,
            moneyGone,
          },
        },
        manager,
      );
      return announced;
    });
    // This replica serves the notice at once; the others within a second (the stamp changed).
    this.cache.invalidate();
    return { programCode: code, ...publicPause(pause) };
  }
}
