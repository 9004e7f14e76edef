import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { DealerSaleRecord } from '../dealers/sales/sales.repository';
import { SalesRepository } from '../dealers/sales/sales.repository';
import { claimKeysOf } from '../eligibility/server-evaluator';
import { ProgramsRepository } from '../programs/programs.repository';
import type { RaisedFlag, RiskApplication, RiskRule } from './risk-rule';
import { DealerRecordsRiskRepository } from './dealer-records.repository';
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
    dealerRecords: DealerRecordsRiskRepository,
    private readonly sales: SalesRepository,
    private readonly programs: ProgramsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.rules = riskRules(repository, dealerRecords);
  }

  /** The registry's rule codes, in order. */
  codes(): string[] {
    return this.rules.map((rule) => rule.code);
  }

  /** The flags of one claim (`signalsOf` for a batch of one). */
  async signals(application: RiskApplication, manager?: EntityManager): Promise<RaisedFlag[]> {
    return (await this.signalsOf([application], manager))[0]!;
  }

  /**
   * The flags of each claim of a batch (in check order: see RiskContext), in the batch's order:
   * the claims' keys recorded in one statement, then each rule once for the whole batch.
   */
  async signalsOf(
    applications: readonly RiskApplication[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RaisedFlag[][]> {
    if (applications.length === 0) return [];
    // Every key of the claim, whatever its program's uniqueness rule, for the cross-claim rules.
    const claims = [];
    for (const application of applications) {
      const definition = await this.programs.definitionByVersionId(application.programVersionId, manager);
      const keys = claimKeysOf(definition, application.facts).map(({ name, value }) => ({ name, value }));
      claims.push({ applicationId: application.id, keys });
    }
    await this.repository.recordKeys(manager, claims);
    const flags: RaisedFlag[][] = applications.map(() => []);
    let sales: Promise<ReadonlyMap<string, DealerSaleRecord>> | undefined;
    const dealerSales = () =>
      (sales ??= this.sales.salesForApplications(
        manager,
        applications.map((a) => a.id),
      ));
    for (const rule of this.rules) {
      const raised = await rule.evaluate({ applications, manager, dealerSales });
      raised.forEach((flag, i) => {
        if (flag) flags[i]!.push(flag);
      });
    }
    return flags;
  }
}
