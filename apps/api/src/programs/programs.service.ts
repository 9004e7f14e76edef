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
import { BudgetRepository } from '../budget/budget.repository';
import { ProgramsRepository, type CurrentProgram } from './programs.repository';

const EMPTY_BUDGET: BudgetFigures = {
  totalFen: 0,
  reservedFen: 0,
  committedFen: 0,
  paidFen: 0,
  remainingFen: 0,
};

@Injectable()
export class ProgramsService {
  constructor(
    private readonly programs: ProgramsRepository,
    private readonly budgets: BudgetRepository,
    private readonly clock: Clock,
    private readonly evaluator: ServerEvaluator,
  ) {}

  async list(): Promise<ProgramSummary[]> {
    const current = await this.programs.listCurrent();
    const budgets = await this.budgets.figuresByProgram(current.map((program) => program.id));
    const today = this.clock.today();
    return current.map((program) => this.summary(program, budgets.get(program.id) ?? EMPTY_BUDGET, today));
  }

  async detail(code: string): Promise<ProgramDetail> {
    const program = await this.current(code);
    const budgets = await this.budgets.figuresByProgram([program.id]);
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
    const program = await this.programs.findCurrentByCode(code);
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
