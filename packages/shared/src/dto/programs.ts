import type { ProgramStatus } from '../eligibility';
import type {
  DocumentRequirement,
  FactField,
  ProgramDefinition,
  ProgramPause,
  Provenance,
} from '../programs';

/** A program budget's figures (integer fen): remaining = total − reserved − committed − paid. */
export interface BudgetFigures {
  totalFen: number;
  reservedFen: number;
  committedFen: number;
  paidFen: number;
  remainingFen: number;
}

/** One entry of `GET /api/programs` (api-contract.md, Programs). */
export interface ProgramSummary {
  code: string;
  title: { zh: string; en: string };
  kind: string;
  status: ProgramStatus;
  opensOn: string;
  closesOn: string;
  budget: BudgetFigures;
  /** The announced pause, from the moment it is announced (absent when none). */
  pause?: ProgramPause;
}

/** `GET /api/programs/:code`: the summary plus the rules a resident reads and the definition the browser evaluates. */
export interface ProgramDetail extends ProgramSummary {
  version: number;
  clauses: Array<{ id: string; title: { zh: string; en: string }; citation: string; provenance: Provenance }>;
  documents: DocumentRequirement[];
  factFields: FactField[];
  /** The full definition (the object the server evaluates). */
  definition: ProgramDefinition;
}
