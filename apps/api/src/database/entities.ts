import { BudgetLedgerEntity } from '../budget/budget-ledger.entity';
import { BudgetSnapshotEntity } from '../budget/budget-snapshot.entity';
import { BudgetEntity } from '../budget/budget.entity';
import { ProgramVersionEntity } from '../programs/program-version.entity';
import { ProgramEntity } from '../programs/program.entity';
import { OutboxEntity } from '../queue/outbox.entity';

/** Every entity, listed explicitly (no globs: the same list works compiled, in Jest and in the CLI). */
export const ENTITIES = [
  ProgramEntity,
  ProgramVersionEntity,
  BudgetEntity,
  BudgetLedgerEntity,
  BudgetSnapshotEntity,
  OutboxEntity,
];
