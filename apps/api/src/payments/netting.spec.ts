import { netReceivables, type NettingLine, type NettingReceivable } from './netting';

const line = (key: string, payeeKey: string, amountFen: number): NettingLine => ({
  key,
  payeeKey,
  amountFen,
});
const owed = (id: string, payeeKey: string, openFen: number): NettingReceivable => ({
  id,
  payeeKey,
  openFen,
});

describe('netReceivables: a payee’s receivables deducted from their lines', () => {
  it('nets nothing without receivables', () => {
    const result = netReceivables([line('L1', 'dealer:a', 1000)], []);
    expect(result.lines.get('L1')).toEqual({ nettedFen: 0, payFen: 1000 });
    expect(result.allocations).toEqual([]);
  });

  it('deducts a receivable from the same payee only', () => {
    const result = netReceivables(
      [line('L1', 'dealer:a', 1000), line('L2', 'dealer:b', 1000)],
      [owed('R1', 'dealer:a', 300)],
    );
    expect(result.lines.get('L1')).toEqual({ nettedFen: 300, payFen: 700 });
    expect(result.lines.get('L2')).toEqual({ nettedFen: 0, payFen: 1000 });
    expect(result.allocations).toEqual([{ receivableId: 'R1', lineKey: 'L1', amountFen: 300 }]);
  });

  it('spreads a receivable larger than one line over the payee’s next lines, never below zero', () => {
    const result = netReceivables(
      [line('L1', 'dealer:a', 500), line('L2', 'dealer:a', 400), line('L3', 'dealer:a', 1000)],
      [owed('R1', 'dealer:a', 1200)],
    );
    expect([...result.lines.values()]).toEqual([
      { nettedFen: 500, payFen: 0 },
      { nettedFen: 400, payFen: 0 },
      { nettedFen: 300, payFen: 700 },
    ]);
    expect(result.allocations.map((a) => a.amountFen)).toEqual([500, 400, 300]);
  });

  it('nets the oldest receivable first and leaves what the batch cannot cover open', () => {
    const result = netReceivables(
      [line('L1', 'dealer:a', 1000)],
      [owed('R-old', 'dealer:a', 800), owed('R-new', 'dealer:a', 800)],
    );
    expect(result.lines.get('L1')).toEqual({ nettedFen: 1000, payFen: 0 });
    expect(result.allocations).toEqual([
      { receivableId: 'R-old', lineKey: 'L1', amountFen: 800 },
      { receivableId: 'R-new', lineKey: 'L1', amountFen: 200 },
    ]);
  });

  it.each([
    ['a receivable with nothing open', [owed('R1', 'dealer:a', 0)]],
    ['a receivable of another payee', [owed('R1', 'dealer:z', 500)]],
  ])('ignores %s', (_name, receivables) => {
    const result = netReceivables([line('L1', 'dealer:a', 1000)], receivables);
    expect(result.lines.get('L1')).toEqual({ nettedFen: 0, payFen: 1000 });
    expect(result.allocations).toEqual([]);
  });

  it('keeps every fen: netted + paid = the lines’ amounts, netted = the allocations', () => {
    const lines = [line('L1', 'dealer:a', 700), line('L2', 'dealer:a', 900), line('L3', 'dealer:b', 50)];
    const result = netReceivables(lines, [owed('R1', 'dealer:a', 1000), owed('R2', 'dealer:b', 80)]);
    const figures = [...result.lines.values()];
    expect(figures.reduce((s, f) => s + f.nettedFen + f.payFen, 0)).toBe(1650);
    expect(figures.reduce((s, f) => s + f.nettedFen, 0)).toBe(
      result.allocations.reduce((s, a) => s + a.amountFen, 0),
    );
    expect(result.lines.get('L3')).toEqual({ nettedFen: 50, payFen: 0 });
  });
});
