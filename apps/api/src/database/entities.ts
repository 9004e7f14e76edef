import { AuditLogEntity } from '../audit/audit-log.entity';
import { BudgetLedgerEntity } from '../budget/budget-ledger.entity';
import { BudgetSnapshotEntity } from '../budget/budget-snapshot.entity';
import { BudgetEntity } from '../budget/budget.entity';
import { ProgramVersionEntity } from '../programs/program-version.entity';
import { ProgramEntity } from '../programs/program.entity';
import { ConsentRecordEntity } from '../profile/consent-record.entity';
import { ResidentProfileEntity } from '../profile/resident-profile.entity';
import { OutboxEntity } from '../queue/outbox.entity';
import { OrganizationEntity } from '../users/organization.entity';
import { UserEntity } from '../users/user.entity';

/** Every entity, listed explicitly (no globs: the same list works compiled, in Jest and in the CLI). */
export const ENTITIES = [
  ProgramEntity,
  ProgramVersionEntity,
  BudgetEntity,
  BudgetLedgerEntity,
  BudgetSnapshotEntity,
  OutboxEntity,
  OrganizationEntity,
  UserEntity,
  ResidentProfileEntity,
  ConsentRecordEntity,
  AuditLogEntity,
];
