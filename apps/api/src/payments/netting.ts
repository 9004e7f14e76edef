/**
 * Netting of receivables against a batch (operations.md §6, §8): what a payee owes (a clawback, a
 * return after payout) is deducted from what the batch pays them, oldest receivable first, line by
 * line in batch order, never below zero. Pure: the batch builder decides whose receivables are
 * netted (dealers', not residents') and records the allocations.
 */
export interface NettingLine {
  key: string;
  payeeKey: string;
  amountFen: number;
}

export interface NettingReceivable {
  id: string;
  payeeKey: string;
  /** What is still open: the amount less what live lines already netted. */
  openFen: number;
}

export interface NettingAllocation {
  receivableId: string;
  lineKey: string;
  amountFen: number;
}

export interface NettingResult {
  /** Per line: what was netted and what the bank still pays. */
  lines: Map<string, { nettedFen: number; payFen: number }>;
  allocations: NettingAllocation[];
}

/** `receivables` in the order they are netted (oldest first); `lines` in batch order. */
export function netReceivables(
  lines: readonly NettingLine[],
  receivables: readonly NettingReceivable[],
): NettingResult {
  const result: NettingResult = {
    lines: new Map(lines.map((line) => [line.key, { nettedFen: 0, payFen: line.amountFen }])),
    allocations: [],
  };
  for (const receivable of receivables) {
    let open = receivable.openFen;
    for (const line of lines) {
      if (open <= 0) break;
      if (line.payeeKey !== receivable.payeeKey) continue;
      const figures = result.lines.get(line.key)!;
      const take = Math.min(open, figures.payFen);
      if (take <= 0) continue;
      figures.payFen -= take;
      figures.nettedFen += take;
      open -= take;
      result.allocations.push({ receivableId: receivable.id, lineKey: line.key, amountFen: take });
    }
  }
  return result;
}
