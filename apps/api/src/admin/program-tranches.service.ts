import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  FieldErrorCode,
  isIsoDate,
  type BudgetFigures,
  type TrancheSource,
} from '@huanxin/shared';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { budgetSnapshotJob } from '../budget/budget.jobs';
import { BudgetRepository } from '../budget/budget.repository';
import { Clock } from '../common/clock';
import type { AuthUser } from '../common/http/request-context';
import { DomainError, validationFailed } from '../common/errors/domain-error';
import { ProgramsCache } from '../programs/programs.cache';
import { ProgramsRepository } from '../programs/programs.repository';
import { writeOutbox } from '../queue/outbox.service';
import type { AddTrancheDto } from './program-funding.dto';

export interface TrancheResult {
  id: string;
  programCode: string;
  amountFen: number;
  source: TrancheSource;
  effectiveOn: string;
  documentNo: string;
  /** Whether the money is in the budget total now (its date has come). */
  inEffect: boolean;
  budget: BudgetFigures;
}

/**
 * Budget tranches (operations.md §8). A tranche is recorded with its date; it enters the total
 * only when that date has come (Asia/Shanghai, the app's Clock) — at once when it is today or
 * earlier, else by the scheduled `budget.apply-tranches` job, or by the first reservation that
 * needs it (BudgetRepository.reserve). So no submit, and therefore no approval (which only commits
 * what a submit reserved), ever uses money not yet in effect.
 */
@Injectable()
export class ProgramTranchesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programs: ProgramsRepository,
    private readonly budgets: BudgetRepository,
    private readonly audit: AuditService,
    private readonly cache: ProgramsCache,
    private readonly clock: Clock,
  ) {}

  async add(code: string, body: AddTrancheDto, actor: AuthUser): Promise<TrancheResult> {
    const program = await this.programs.findCurrentByCode(code);
    if (!program) throw new DomainError(ErrorCode.PROGRAM_NOT_FOUND, `No program ${code}`);
    if (!isIsoDate(body.effectiveOn)) throw validationFailed({ effectiveOn: FieldErrorCode.INVALID_DATE });
    // Money that arrives after the window closes can fund no new claim.
    if (body.effectiveOn > program.definition.closesOn)
      throw validationFailed({ effectiveOn: FieldErrorCode.OUT_OF_RANGE });
    const documentNo = body.documentNo.trim();
    if (!documentNo) throw validationFailed({ documentNo: FieldErrorCode.REQUIRED });
    const today = this.clock.today();
    const result = await this.dataSource.transaction(async (manager) => {
      const id = await this.budgets.addTranche(manager, {
        programId: program.id,
        amountFen: body.amountFen,
        source: body.source,
        effectiveOn: body.effectiveOn,
        documentNo,
        createdBy: actor.id,
      });
      if (!id) {
        throw new DomainError(
          ErrorCode.DUPLICATE_DOCUMENT_NO,
          'This document number is already on the budget',
          {
            fields: { documentNo: ErrorCode.DUPLICATE_DOCUMENT_NO },
          },
        );
      }
      const applied = await this.budgets.applyDueTranches(manager, today, program.id);
      for (const { ledgerId } of applied)
        await writeOutbox(
          manager,
          budgetSnapshotJob(program.id, 'tranche applied', `${program.id}-${ledgerId}`),
        );
      const inEffect = applied.some((row) => row.trancheId === id);
      await this.audit.record(
        {
          action: 'budget.tranche_added',
          result: 'success',
          objectType: 'program',
          objectId: program.id,
          detail: {
            code,
            trancheId: id,
            amountFen: body.amountFen,
            source: body.source,
            effectiveOn: body.effectiveOn,
            documentNo,
            inEffect,
          },
        },
        manager,
      );
      const [figures] = await this.budgets.figuresIn(manager, program.id);
      return { id, inEffect, budget: figures! };
    });
    this.cache.invalidate();
    return {
      id: result.id,
      programCode: code,
      amountFen: body.amountFen,
      source: body.source,
      effectiveOn: body.effectiveOn,
      documentNo,
      inEffect: result.inEffect,
      budget: result.budget,
    };
  }
}
