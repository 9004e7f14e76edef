import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  evaluateEligibility,
  type EligibilityContext,
  type EligibilityResult,
  type HistoryEntry,
  type ProgramDefinition,
} from '@huanxin/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { ApplicantFactsService } from '../profile/applicant-facts.service';
import { UsersRepository } from '../users/users.repository';
import { HistoryRepository, type HistoryRow } from './history.repository';

export function readPath(facts: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
      facts,
    );
}

/** The claim keys of a claim's facts, as the definition names them. */
export function claimKeysOf(definition: ProgramDefinition, facts: Record<string, unknown>) {
  return definition.claimKeys.flatMap((key) => {
    const value = readPath(facts, key.path);
    return typeof value === 'string' && value.length > 0
      ? [{ name: key.name, value, unique: key.unique }]
      : [];
  });
}

function toHistoryEntry(row: HistoryRow): HistoryEntry {
  const { definition, facts } = row;
  const keys: HistoryEntry['keys'] = {};
  for (const key of claimKeysOf(definition, facts)) (keys as Record<string, string>)[key.name] = key.value;
  // A voucher's row has no facts: its category is the voucher's.
  const category =
    row.voucher_category ??
    (definition.historyFields?.category ? readPath(facts, definition.historyFields.category) : undefined);
  const type = definition.historyFields?.type ? readPath(facts, definition.historyFields.type) : undefined;
  return {
    claimId: row.id,
    programCode: definition.code,
    programKind: definition.kind,
    status: row.status,
    year: Number(definition.opensOn.slice(0, 4)),
    amountFen: Number(row.reserved_fen),
    ...(typeof category === 'string' && { category }),
    ...(typeof type === 'string' && { type }),
    keys,
    sameApplicant: row.same_applicant,
  };
}

/**
 * Evaluates claims on the server with everything the browser cannot know: today's date (Asia/
 * Shanghai) unless given, the applicant's claim history, their birth date from the verified ID
 * number, and the registered dealers. Used by the public eligibility route and by applications.
 */
@Injectable()
export class ServerEvaluator {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applicants: ApplicantFactsService,
    private readonly organizations: UsersRepository,
    private readonly claimHistory: HistoryRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * `applicantId` undefined = anonymous: history-based clauses stay `unknown`. Inside a transaction
   * pass its manager: every read then goes through that connection (taking a second one from the
   * pool while holding the first deadlocks the pool under load).
   */
  async evaluate(
    definition: ProgramDefinition,
    facts: Record<string, unknown>,
    options: { applicantId?: string; excludeId?: string | null; asOf?: string; manager?: EntityManager } = {},
  ): Promise<EligibilityResult> {
    const manager = options.manager ?? this.dataSource.manager;
    const context: EligibilityContext = {
      asOf: options.asOf ?? this.clock.today(),
      participatingDealers: await this.organizations.participatingUsccs(manager),
    };
    if (options.applicantId) {
      const keys = claimKeysOf(definition, facts).map(({ name, value }) => ({ name, value }));
      context.history = await this.history(options.applicantId, options.excludeId ?? null, keys, manager);
      context.applicant = await this.applicants.applicantFacts(options.applicantId, manager);
    }
    return evaluateEligibility(definition, facts, context);
  }

  /**
   * `evaluate` for several claims of known applicants at once (the check job's batch), in four
   * statements whatever their number: the registered dealers, every claim's history (one LATERAL
   * query), every applicant's facts. Answers the results in the same order. A claim's `asOf` (the
   * date it is judged at, e.g. its submission date when a what-if re-evaluates it) defaults to today.
   */
  async evaluateMany(
    claims: readonly {
      definition: ProgramDefinition;
      facts: Record<string, unknown>;
      applicantId: string;
      excludeId: string | null;
      asOf?: string;
    }[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<EligibilityResult[]> {
    const asOf = this.clock.today();
    const participatingDealers = await this.organizations.participatingUsccs(manager);
    const histories = await this.claimHistory.countingClaimsMany(
      manager,
      claims.map(({ definition, facts, applicantId, excludeId }) => ({
        applicantId,
        excludeId,
        keys: claimKeysOf(definition, facts).map(({ name, value }) => ({ name, value })),
      })),
    );
    const applicants = await this.applicants.applicantFactsMany(
      [...new Set(claims.map((claim) => claim.applicantId))],
      manager,
    );
    return claims.map(({ definition, facts, applicantId, asOf: claimAsOf }, i) =>
      evaluateEligibility(definition, facts, {
        asOf: claimAsOf ?? asOf,
        participatingDealers,
        history: histories[i]!.map(toHistoryEntry),
        applicant: applicants.get(applicantId)!,
      }),
    );
  }

  /**
   * The applicant's other counting claims (as a person, across accounts), plus other people's
   * counting claims that share one of `keys`, for the eligibility engine.
   */
  async history(
    applicantId: string,
    excludeId: string | null,
    keys: { name: string; value: string }[],
    manager: EntityManager,
  ): Promise<HistoryEntry[]> {
    const rows = await this.claimHistory.countingClaims(manager, { applicantId, excludeId, keys });
    return rows.map(toHistoryEntry);
  }
}
