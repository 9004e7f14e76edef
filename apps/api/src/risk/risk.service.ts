import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { claimKeysOf } from '../eligibility/server-evaluator';
import { ProgramsRepository } from '../programs/programs.repository';
import type { RaisedFlag, RiskContext, RiskRule } from './risk-rule';
import { RiskRepository } from './risk.repository';
import { riskRules } from './risk.rules';

/**
 * The audit-derived risk signals (operations.md §7) of one claim: every rule of the registry,
 * evaluated in turn, each raising its flag with the reason or nothing. The check job adds these to
 * its own flags; the weights (shared `RISK_SIGNALS`) sum into the claim's risk score. Nothing here
 * changes a claim: a signal routes a case, it never rejects it.
 */
@Injectable()
export class RiskService {
  private readonly rules: readonly RiskRule[];

  constructor(
    private readonly repository: RiskRepository,
    private readonly programs: ProgramsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.rules = riskRules(repository);
  }

  /** The registry's rule codes, in order. */
  codes(): string[] {
    return this.rules.map((rule) => rule.code);
  }

  async signals(
    application: RiskContext['application'],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RaisedFlag[]> {
    // Every key of the claim, whatever its program's uniqueness rule, for the cross-claim rules.
    const definition = await this.programs.definitionByVersionId(application.programVersionId, manager);
    const keys = claimKeysOf(definition, application.facts).map(({ name, value }) => ({ name, value }));
    await this.repository.recordKeys(manager, application.id, keys);
    const flags: RaisedFlag[] = [];
    for (const rule of this.rules) {
      const flag = await rule.evaluate({ application, manager });
      if (flag) flags.push(flag);
    }
    return flags;
  }
}
