import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  FieldErrorCode,
  graceUntil,
  isIsoDate,
  programStatus,
  validateFacts,
  type BudgetFigures,
  type EligibilityResult,
  type ProgramDetail,
  type ProgramPause,
  type ProgramSummary,
} from '@huanxin/shared';
import { Clock, shanghaiDate } from '../common/clock';
import type { AuthUser } from '../common/http/request-context';
import { ServerEvaluator } from '../eligibility/server-evaluator';
import { DomainError, validationFailed } from '../common/errors/domain-error';
import { ProgramsCache, type ProgramsSnapshot } from './programs.cache';
import type { CurrentProgram, PauseRow } from './programs.repository';

const DAY_MS = 86_400_000;
/** Asia/Shanghai is UTC+8 all year (no daylight saving): its days start at 16:00 UTC. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The public list as sent: the JSON, encoded once, and its strong ETag (a hash of those bytes). */
export interface ListBody {
  body: Buffer;
  etag: string;
}

const EMPTY_BUDGET: BudgetFigures = {
  totalFen: 0,
  reservedFen: 0,
  committedFen: 0,
  paidFen: 0,
  remainingFen: 0,
};

/**
 * The public program pages. Everything here is answered from `ProgramsCache` (definitions in
 * memory, budget figures at most ~1 s old); the writes that must see the exact figures (submit,
 * the admin budget change) read the database themselves.
 */
@Injectable()
export class ProgramsService {
  /** The last list built: reused while the snapshot and the day are the same. */
  private built: { snapshot: ProgramsSnapshot; today: string; list: ListBody } | undefined;
  /** The Shanghai day `today` names, as [start, end) in epoch ms: the date is formatted once a day. */
  private day = { start: 0, end: 0, today: '' };

  constructor(
    private readonly cache: ProgramsCache,
    private readonly clock: Clock,
    private readonly evaluator: ServerEvaluator,
  ) {}

  async list(): Promise<ProgramSummary[]> {
    return this.summaries(await this.cache.snapshot(), this.today());
  }

  /**
   * `GET /api/programs` as bytes: serialized once per cache snapshot (at most one a second) and
   * per day (the statuses follow the date), not once per request. The ETag is a hash of the bytes,
   * so every replica gives the same figures the same tag and a browser's `If-None-Match` gets a 304.
   */
  async listBody(): Promise<ListBody> {
    const snapshot = await this.cache.snapshot();
    const today = this.today();
    const built = this.built;
    if (built && built.snapshot === snapshot && built.today === today) return built.list;
    const body = Buffer.from(JSON.stringify(this.summaries(snapshot, today)));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const list = built && built.list.etag === etag ? built.list : { body, etag };
    this.built = { snapshot, today, list };
    return list;
  }

  async detail(code: string): Promise<ProgramDetail> {
    const { byCode, budgets, pauses } = await this.cache.snapshot();
    const program = byCode.get(code);
    if (!program) throw new DomainError(ErrorCode.PROGRAM_NOT_FOUND, `No program ${code}`);
    const { definition } = program;
    return {
      ...this.summary(program, budgets.get(program.id) ?? EMPTY_BUDGET, this.today(), pauses.get(program.id)),
      version: program.version,
      clauses: definition.clauses.map(({ id, title, citation, provenance }) => ({
        id,
        title,
        citation,
        provenance,
      })),
      documents: definition.documents,
      factFields: definition.factFields,
      definition,
    };
  }

  /**
   * Evaluates facts against the current rules. For an anonymous caller history-based clauses stay
   * `unknown`; for a signed-in resident the server adds their birth date (from the verified ID
   * number) and their claim history.
   */
  async checkEligibility(
    code: string,
    facts: Record<string, unknown>,
    asOf: string | undefined,
    caller: AuthUser | undefined,
  ): Promise<EligibilityResult> {
    const { definition } = await this.current(code);
    if (asOf !== undefined && !isIsoDate(asOf)) throw validationFailed({ asOf: FieldErrorCode.INVALID_DATE });
    const checked = validateFacts(definition, facts);
    if (!checked.ok) {
      throw validationFailed(
        Object.fromEntries(
          Object.entries(checked.fields).map(([path, fieldCode]) => [`facts.${path}`, fieldCode]),
        ),
      );
    }
    return this.evaluator.evaluate(definition, checked.normalized, {
      ...(asOf !== undefined && { asOf }),
      ...(caller?.role === 'resident' && { applicantId: caller.id }),
    });
  }

  private summaries({ programs, budgets, pauses }: ProgramsSnapshot, today: string): ProgramSummary[] {
    return programs.map((program) =>
      this.summary(program, budgets.get(program.id) ?? EMPTY_BUDGET, today, pauses.get(program.id)),
    );
  }

  /** `clock.today()` without formatting a date on every request (Intl is slow on a hot path). */
  private today(): string {
    const now = this.clock.now().getTime();
    const day = this.day;
    if (now >= day.start && now < day.end) return day.today;
    const start = Math.floor((now + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
    this.day = { start, end: start + DAY_MS, today: shanghaiDate(new Date(now)) };
    return this.day.today;
  }

  private async current(code: string): Promise<CurrentProgram> {
    const program = (await this.cache.snapshot()).byCode.get(code);
    if (!program) throw new DomainError(ErrorCode.PROGRAM_NOT_FOUND, `No program ${code}`);
    return program;
  }

  private summary(
    program: CurrentProgram,
    budget: BudgetFigures,
    today: string,
    pause: PauseRow | undefined,
  ): ProgramSummary {
    const { definition } = program;
    return {
      code: program.code,
      title: definition.title,
      kind: definition.kind,
      status: programStatus(definition, budget, today),
      opensOn: definition.opensOn,
      closesOn: definition.closesOn,
      budget,
      // Static data only (no "in effect yet" flag): the pre-serialized list stays valid across
      // the pause's own instant; clients compare `pausesAt` with their clock.
      ...(pause && { pause: publicPause(pause) }),
    };
  }
}

/** A pause announcement as the public pages show it. */
export function publicPause(pause: PauseRow): ProgramPause {
  return {
    pausesAt: pause.pausesAt.toISOString(),
    graceDays: pause.graceDays,
    graceUntil: graceUntil(pause.pausesAt, pause.graceDays).toISOString(),
    notice: { zh: pause.noticeZh, en: pause.noticeEn },
    announcedAt: pause.announcedAt.toISOString(),
  };
}
