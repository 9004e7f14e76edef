import { normalizeIdentifier } from '@huanxin/shared';
import { factAt, type RaisedFlag, type RiskContext, type RiskRule } from './risk-rule';
import type { DealerRecordsRiskRepository } from './dealer-records.repository';

/**
 * The risk rules of operations.md §7 that the dealers' records enable (issue 13): what the
 * resident declared, held against what a dismantler, recycler or dealer recorded. Each is
 * explainable (its `detail` says what was found where) and reads once per check batch.
 */

/** The claim's fact naming the scrap certificate (car-scrap programs). */
const CERTIFICATE_FACT = 'scrap.certificateNo';

/**
 * CERTIFICATE_NOT_ON_FILE — audits found forged 《报废机动车回收证明》. The certificate is the
 * authority for the old car (operations.md §4): a car-scrap claim citing a number no dismantler
 * recorded (when the claim was checked) is shown to the reviewer, who sees in the matrix whether
 * one was recorded since.
 */
export function certificateNotOnFile(repository: DealerRecordsRiskRepository): RiskRule {
  return {
    code: 'CERTIFICATE_NOT_ON_FILE',
    async evaluate({ applications, manager }: RiskContext): Promise<(RaisedFlag | null)[]> {
      const cited = applications.map(({ facts }) => {
        const value = factAt(facts, CERTIFICATE_FACT);
        return typeof value === 'string' && value.trim() !== '' ? normalizeIdentifier(value) : null;
      });
      const onFile = await repository.certificatesOnFile(
        manager,
        cited.filter((n): n is string => n !== null),
      );
      return cited.map((certificateNo) =>
        certificateNo !== null && !onFile.has(certificateNo)
          ? { code: 'CERTIFICATE_NOT_ON_FILE', detail: { field: CERTIFICATE_FACT, certificateNo } }
          : null,
      );
    },
  };
}

/** The dealer-record rules, in the order their flags are listed (after risk.rules.ts's). */
export function dealerRecordRules(repository: DealerRecordsRiskRepository): readonly RiskRule[] {
  return [certificateNotOnFile(repository)];
}
