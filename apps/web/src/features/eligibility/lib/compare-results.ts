import type { ClauseResult } from '@huanxin/shared';

interface Comparable {
  eligible: boolean;
  amountFen: number;
  clauses: readonly Pick<ClauseResult, 'id' | 'result' | 'reason'>[];
}

/** Differences between the browser's and the server's evaluation (they run the same engine, so: none). */
export function compareResults(browser: Comparable, server: Comparable): string[] {
  const differences: string[] = [];
  if (browser.eligible !== server.eligible) differences.push('eligible');
  if (browser.amountFen !== server.amountFen) differences.push('amountFen');
  const serverById = new Map(server.clauses.map((c) => [c.id, c]));
  for (const clause of browser.clauses) {
    const other = serverById.get(clause.id);
    if (!other || other.result !== clause.result || other.reason !== clause.reason)
      differences.push(`clause:${clause.id}`);
    serverById.delete(clause.id);
  }
  for (const id of serverById.keys()) differences.push(`clause:${id}`);
  return differences;
}
