import type { DataSource } from 'typeorm';
import { AuditSequencer } from '../../src/audit/audit.sequencer';
import type { AppConfig } from '../../src/config/config';

/**
 * Chains every committed audit row now, as the worker's sequencer would within a second (the
 * HTTP test apps run no worker). Returns how many rows were chained.
 */
export async function chainAll(dataSource: DataSource, config: AppConfig): Promise<number> {
  const sequencer = new AuditSequencer(dataSource, config);
  let total = 0;
  for (;;) {
    const chained = await sequencer.sequenceOnce();
    if (chained === 0) return total;
    total += chained;
  }
}
