import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  FieldErrorCode,
  isIsoDate,
  programStatus,
  validateFacts,
  type BudgetFigures,
  type EligibilityResult,
  type ProgramDetail,
  type ProgramSummary,
} from '@huanxin/shared';
import { Clock } from '../common/clock';
import type { AuthUser } from '../common/http/request-context';
import { ServerEvaluator } from '../eligibility/server-evaluator';
import { DomainError, validationFailed } from '../common/errors/domain-error';
import { ProgramsCache } from './programs.cache';
import type { CurrentProgram } from './programs.repository';

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
  constructor(
    private readonly cache: ProgramsCache,
    private readonly clock: Clock,
    private readonly evaluator: ServerEvaluator,
  ) {}

  async list(): Promise<ProgramSummary[]> {
    const { programs, budgets } = await this.cache.snapshot();
    const today = this.clock.today();
    return programs.map((program) => this.summary(program, budgets.get(program.id) ?? EMPTY_BUDGET, today));
  }

  async detail(code: string): Promise<ProgramDetail> {
    const { byCode, budgets } = await this.cache.snapshot();
    const program = byCode.get(code);
    if (!program) throw new DomainError(ErrorCode.PROGRAM_NOT_FOUND, `No program ${code}`);
    const { definition } = program;
    return {
      ...this.summary(program, budgets.get(program.id) ?? EMPTY_BUDGET, this.clock.today()),
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

  private async current(code: string): Promise<CurrentProgram> {
    const program = (await this.cache.snapshot()).byCode.get(code);
    if (!program) throw new DomainError(ErrorCode.PROGRAM_NOT_FOUND, `No program ${code}`);
    return program;
  }

  private summary(program: CurrentProgram, budget: BudgetFigures, today: string): ProgramSummary {
    const { definition } = program;
    return {
      code: program.code,
      title: definition.title,
      kind: definition.kind,
      status: programStatus(definition, budget, today),
      opensOn: definition.opensOn,
      closesOn: definition.closesOn,
      budget,
    };
  }
}
