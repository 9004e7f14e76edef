import { validateFacts, type ProgramDefinition } from '@huanxin/shared';
import type { EntityManager } from 'typeorm';
import type { ServerEvaluator } from '../eligibility/server-evaluator';
import type { ApplicationEntity } from './application.entity';
import type { ChecksRepository, RaisedFlag } from './checks.repository';

/**
 * What a signal may read: plain queries through `manager`, which is NOT a transaction's (no claim
 * row or budget row is locked while signals run), the checks' named queries, the claim's program
 * definition and the server evaluator.
 */
export interface SignalReader {
  manager: EntityManager;
  checks: ChecksRepository;
  definition: ProgramDefinition;
  evaluator: ServerEvaluator;
}

/**
 * One automated check of a submitted claim: reads what it needs and returns the flags it raises
 * for the reviewer (none when the claim looks clean). Signals run one after another, before the
 * short transaction that moves the claim and stores their flags; each must be idempotent reading
 * only (a job may run twice).
 */
export type Signal = (application: ApplicationEntity, reader: SignalReader) => Promise<RaisedFlag[]>;

/** Another applicant's claim carries a document with the same content as one of this claim's. */
export const duplicateDocument: Signal = async (application, { manager, checks }) => {
  const others = await checks.applicationsSharingDocuments(manager, application);
  return others.length ? [{ code: 'DUPLICATE_DOCUMENT', detail: { otherApplications: others } }] : [];
};

/** Other residents gave the same bank account. */
export const sharedBankAccount: Signal = async (application, { manager, checks }) => {
  const others = await checks.applicantsSharingBankAccount(manager, application.applicantId);
  return others > 0 ? [{ code: 'SHARED_BANK_ACCOUNT', detail: { otherApplicants: others } }] : [];
};

/** The third or later applicant submitting from one device (address + browser) within a day. */
export const sameDevicePattern: Signal = async (application, { manager, checks }) => {
  const others = await checks.earlierApplicantsOnDevice(manager, application.id);
  return others >= 2 ? [{ code: 'SAME_DEVICE_PATTERN', detail: { otherApplicants: others } }] : [];
};

/** Identifier formats the validator accepts with a warning (e.g. an unusual serial number). */
export const identifierWarning: Signal = async (application, { definition }) => {
  const warnings = Object.keys(validateFacts(definition, application.facts).warnings);
  return warnings.length ? [{ code: 'IDENTIFIER_WARNING', detail: { facts: warnings } }] : [];
};

/** The rules again, with the history as it stands now (another claim may have landed meanwhile). */
export const rulesRecheck: Signal = async (application, { manager, definition, evaluator }) => {
  const recheck = await evaluator.evaluate(definition, application.facts, {
    applicantId: application.applicantId,
    excludeId: application.id,
    manager,
  });
  if (recheck.eligible) return [];
  return [
    {
      code: 'RULES_RECHECK_FAILED',
      detail: {
        clauses: recheck.clauses
          .filter((c) => c.result !== 'pass' && c.result !== 'not_applicable')
          .map((c) => c.id),
      },
    },
  ];
};

/** Every signal, in the order their flags are listed. A new signal is one more entry here. */
export const CHECK_SIGNALS: readonly Signal[] = [
  duplicateDocument,
  sharedBankAccount,
  sameDevicePattern,
  identifierWarning,
  rulesRecheck,
];
