import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type ProgramDetail } from '@huanxin/shared';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { budgetSnapshotJob } from '../budget/budget.jobs';
import { BudgetRepository } from '../budget/budget.repository';
import { DomainError } from '../common/errors/domain-error';
import { ProgramsCache } from '../programs/programs.cache';
import { ProgramsRepository } from '../programs/programs.repository';
import { ProgramsService } from '../programs/programs.service';
import { writeOutbox } from '../queue/outbox.service';

@Injectable()
export class AdminProgramsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programs: ProgramsRepository,
    private readonly programsService: ProgramsService,
    private readonly budgets: BudgetRepository,
    private readonly audit: AuditService,
    // Six: the cache is told about the change it cannot see for up to a second otherwise.
    private readonly cache: ProgramsCache,
  ) {}

  async setBudget(code: string, totalFen: number): Promise<ProgramDetail> {
    const program = await this.programs.findCurrentByCode(code);
    if (!program) throw new DomainError(ErrorCode.PROGRAM_NOT_FOUND, `No program ${code}`);
    await this.dataSource.transaction(async (manager) => {
      const result = await this.budgets.setTotal(manager, program.id, totalFen);
      if (!result.ok) {
        throw new DomainError(
          ErrorCode.BUDGET_BELOW_RESERVED,
          'The new total is below what is already reserved, committed or paid',
          {
            fields: { budgetTotalFen: ErrorCode.BUDGET_BELOW_RESERVED },
          },
        );
      }
      await this.audit.record(
        {
          action: 'program.budget_changed',
          result: 'success',
          objectType: 'program',
          objectId: program.id,
          detail: { code, from: result.previousTotalFen, to: totalFen },
        },
        manager,
      );
      await writeOutbox(
        manager,
        budgetSnapshotJob(program.id, 'total changed', `${program.id}-${result.ledgerId}`),
      );
    });
    // This replica answers with the new figures at once; the others see them within ~1 s (the
    // cache re-reads the budget rows at most once a second).
    this.cache.invalidate();
    return this.programsService.detail(code);
  }
}
