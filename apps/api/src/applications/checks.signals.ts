import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { validateFacts, type ProgramDefinition } from '@huanxin/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { ServerEvaluator } from '../eligibility/server-evaluator';
import { ProgramsRepository } from '../programs/programs.repository';
import { RiskService } from '../risk/risk.service';
import type { ApplicationEntity } from './application.entity';
import { ChecksRepository, type RaisedFlag } from './checks.repository';

/**
 * What a signal may read: plain queries through `manager`, which is NOT a transaction's (no claim
 * row or budget row is locked while signals run), the checks' named queries, each claim's program
 * definition and the server evaluator.
 */
export interface SignalReader {
  manager: EntityManager;
  checks: ChecksRepository;
  definitionOf: (application: ApplicationEntity) => ProgramDefinition;
  evaluator: ServerEvaluator;
}

/**
 * One automated check of a batch of submitted claims: reads what it needs — once for the whole
 * batch, a set-based query (`= ANY($1)`) rather than one per claim — and returns, for each claim
 * in the batch's order, the flags it raises for the reviewer (none when the claim looks clean).
 * A claim's flags never depend on which other claims share its batch. Signals run one after
 * another, before the short transaction that moves the claims and stores their flags; each must
 * be idempotent reading only (a job may run twice).
 */
export type Signal = (
  applications: readonly ApplicationEntity[],
  reader: SignalReader,
) => Promise<RaisedFlag[][]>;

/** One flag per claim for which `raise` answers a detail, none for the others. */
function flagEach(
  applications: readonly ApplicationEntity[],
  code: string,
  raise: (application: ApplicationEntity) => Record<string, unknown> | null,
): RaisedFlag[][] {
  return applications.map((application) => {
    const detail = raise(application);
    return detail ? [{ code, detail }] : [];
  });
}

/** Another applicant's claim carries a document with the same content as one of this claim's. */
export const duplicateDocument: Signal = async (applications, { manager, checks }) => {
  const others = await checks.applicationsSharingDocuments(
    manager,
    applications.map((a) => a.id),
  );
  return flagEach(applications, 'DUPLICATE_DOCUMENT', (a) => {
    const found = others.get(a.id);
    return found?.length ? { otherApplications: found } : null;
  });
};

/** Other residents gave the same bank account. */
export const sharedBankAccount: Signal = async (applications, { manager, checks }) => {
  const others = await checks.applicantsSharingBankAccount(manager, [
    ...new Set(applications.map((a) => a.applicantId)),
  ]);
  return flagEach(applications, 'SHARED_BANK_ACCOUNT', (a) => {
    const count = others.get(a.applicantId) ?? 0;
    return count > 0 ? { otherApplicants: count } : null;
  });
};

/** The third or later applicant submitting from one device (address + browser) within a day. */
export const sameDevicePattern: Signal = async (applications, { manager, checks }) => {
  const others = await checks.earlierApplicantsOnDevice(
    manager,
    applications.map((a) => a.id),
  );
  return flagEach(applications, 'SAME_DEVICE_PATTERN', (a) => {
    const count = others.get(a.id) ?? 0;
    return count >= 2 ? { otherApplicants: count } : null;
  });
};

/** Identifier formats the validator accepts with a warning (e.g. an unusual serial number). */
export const identifierWarning: Signal = async (applications, { definitionOf }) =>
  flagEach(applications, 'IDENTIFIER_WARNING', (a) => {
    const warnings = Object.keys(validateFacts(definitionOf(a), a.facts).warnings);
    return warnings.length ? { facts: warnings } : null;
  });

/** The rules again, with the history as it stands now (another claim may have landed meanwhile). */
export const rulesRecheck: Signal = async (applications, { manager, definitionOf, evaluator }) => {
  const rechecks = await evaluator.evaluateMany(
    applications.map((application) => ({
      definition: definitionOf(application),
      facts: application.facts,
      applicantId: application.applicantId,
      excludeId: application.id,
    })),
    manager,
  );
  return rechecks.map((recheck) =>
    recheck.eligible
      ? []
      : [
          {
            code: 'RULES_RECHECK_FAILED',
            detail: {
              clauses: recheck.clauses
                .filter((c) => c.result !== 'pass' && c.result !== 'not_applicable')
                .map((c) => c.id),
            },
          },
        ],
  );
};

/** Every signal, in the order their flags are listed. A new signal is one more entry here. */
export const CHECK_SIGNALS: readonly Signal[] = [
  duplicateDocument,
  sharedBankAccount,
  sameDevicePattern,
  identifierWarning,
  rulesRecheck,
];

/**
 * Runs every signal — CHECK_SIGNALS, then the risk rules (RiskService) — once for a batch of
 * (unlocked) snapshots, outside any transaction; answers each claim's flags in the batch's order.
 */
@Injectable()
export class CheckSignals {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly checks: ChecksRepository,
    private readonly programs: ProgramsRepository,
    private readonly evaluator: ServerEvaluator,
    private readonly risk: RiskService,
  ) {}

  async of(applications: readonly ApplicationEntity[]): Promise<RaisedFlag[][]> {
    const { manager } = this.dataSource;
    const definitions = new Map<string, ProgramDefinition>();
    for (const { programVersionId } of applications)
      if (!definitions.has(programVersionId))
        definitions.set(programVersionId, await this.programs.definitionByVersionId(programVersionId));
    const reader: SignalReader = {
      manager,
      checks: this.checks,
      definitionOf: (application) => definitions.get(application.programVersionId)!,
      evaluator: this.evaluator,
    };
    const flags: RaisedFlag[][] = applications.map(() => []);
    const add = (raised: RaisedFlag[][]) => raised.forEach((list, i) => flags[i]!.push(...list));
    for (const signal of CHECK_SIGNALS) add(await signal(applications, reader));
    add(await this.risk.signalsOf(applications, manager));
    return flags;
  }
}
