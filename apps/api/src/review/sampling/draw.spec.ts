import { drawSample, uniformFor, type Candidate } from './draw';

const ids = (n: number, riskScore = 0): Candidate[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    riskScore,
  }));

describe('sample draw (seeded, without replacement)', () => {
  it('the same seed and the same claims give the same sample, in any input order', () => {
    const claims = ids(50);
    const first = drawSample('seed-a', claims, 10, false);
    expect(drawSample('seed-a', [...claims].reverse(), 10, false)).toEqual(first);
    expect(drawSample('seed-a', claims, 10, true)).toEqual(
      drawSample('seed-a', [...claims].reverse(), 10, true),
    );
    expect(new Set(first).size).toBe(10);
  });

  it('another seed gives another sample', () => {
    const claims = ids(50);
    expect(drawSample('seed-b', claims, 10, false)).not.toEqual(drawSample('seed-a', claims, 10, false));
  });

  it('a claim added later does not reorder the others', () => {
    const claims = ids(30);
    const before = drawSample('seed-c', claims, 30, false);
    const after = drawSample(
      'seed-c',
      [...claims, { id: 'ffffffff-0000-4000-8000-000000000000', riskScore: 0 }],
      31,
      false,
    );
    expect(after.filter((id) => id !== 'ffffffff-0000-4000-8000-000000000000')).toEqual(before);
  });

  it('a size above the population gives the whole population once', () => {
    const claims = ids(5);
    expect(drawSample('s', claims, 9, true).sort()).toEqual(claims.map((c) => c.id).sort());
  });

  it('uniform numbers lie strictly inside (0, 1) and spread evenly', () => {
    const values = ids(2000).map((c) => uniformFor('spread', c.id));
    expect(values.every((u) => u > 0 && u < 1)).toBe(true);
    const low = values.filter((u) => u < 0.5).length;
    expect(low).toBeGreaterThan(900);
    expect(low).toBeLessThan(1100);
  });

  it('risk-weighted: a claim of weight w is drawn first about w/Σw of the time; random ignores the weight', () => {
    // One risky claim (score 49 → weight 50) among 50 clean ones (weight 1): drawn first with p = 50/100.
    const claims = [...ids(50), { id: 'risky', riskScore: 49 }];
    let weightedFirst = 0;
    let randomFirst = 0;
    const runs = 2000;
    for (let run = 0; run < runs; run += 1) {
      if (drawSample(`run-${run}`, claims, 1, true)[0] === 'risky') weightedFirst += 1;
      if (drawSample(`run-${run}`, claims, 1, false)[0] === 'risky') randomFirst += 1;
    }
    expect(weightedFirst / runs).toBeGreaterThan(0.45);
    expect(weightedFirst / runs).toBeLessThan(0.55);
    // Uniform: 1/51 ≈ 2 %.
    expect(randomFirst / runs).toBeLessThan(0.04);
  });
});
