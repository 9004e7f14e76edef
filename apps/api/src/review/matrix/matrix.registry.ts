import type { MatrixResult, MatrixRow, MatrixSource } from '@huanxin/shared';
import type { MatrixCase, MatrixSourceProvider, MatrixValue } from './matrix-source';

type Comparable = string | number | boolean;

/** Compared as the identifiers are normalised (identifiers.md): trimmed, upper-case, no spaces or dashes. */
function normalise(value: Comparable): Comparable {
  return typeof value === 'string'
    ? value
        .trim()
        .replace(/[\s-]+/g, '')
        .toUpperCase()
    : value;
}

const ORDER: Record<MatrixResult, number> = { conflict: 0, match: 1, insufficient: 2 };

/**
 * The field matrix of a case, from every registered source. A field is `insufficient` while fewer
 * than two sources hold a value for it (nothing to compare), `match` when all values agree,
 * `conflict` otherwise. Conflicts come first (the reviewer reads them first); otherwise the order
 * is the sources' own.
 */
export class MatrixRegistry {
  private readonly providers: MatrixSourceProvider[] = [];

  constructor(providers: readonly MatrixSourceProvider[] = []) {
    for (const provider of providers) this.register(provider);
  }

  /** Adds a source (one per source name: a second registration replaces the first). */
  register(provider: MatrixSourceProvider): void {
    const at = this.providers.findIndex((p) => p.source === provider.source);
    if (at >= 0) this.providers.splice(at, 1, provider);
    else this.providers.push(provider);
  }

  unregister(source: MatrixSource): void {
    const at = this.providers.findIndex((p) => p.source === source);
    if (at >= 0) this.providers.splice(at, 1);
  }

  get sources(): MatrixSource[] {
    return this.providers.map((p) => p.source);
  }

  async build(kase: MatrixCase): Promise<MatrixRow[]> {
    const reported = await Promise.all(
      this.providers.map(async (p) => ({ source: p.source, values: await p.values(kase) })),
    );
    const byField = new Map<string, { source: MatrixSource; value: MatrixValue }[]>();
    for (const { source, values } of reported) {
      for (const value of values) {
        const row = byField.get(value.field) ?? [];
        row.push({ source, value });
        byField.set(value.field, row);
      }
    }
    const rows: MatrixRow[] = [...byField.entries()].map(([field, entries]) => ({
      field,
      values: entries.map(({ source, value }) => ({ source, value: value.value })),
      result: judge(
        entries.map(({ value }) => (value.compareAs === undefined ? value.value : value.compareAs)),
      ),
    }));
    return rows
      .map((row, index) => ({ row, index }))
      .sort((a, b) => ORDER[a.row.result] - ORDER[b.row.result] || a.index - b.index)
      .map(({ row }) => row);
  }
}

export function judge(values: (Comparable | null | undefined)[]): MatrixResult {
  const present = values.filter((v): v is Comparable => v !== null && v !== undefined && v !== '');
  if (present.length < 2) return 'insufficient';
  const first = normalise(present[0]!);
  return present.every((v) => normalise(v) === first) ? 'match' : 'conflict';
}
