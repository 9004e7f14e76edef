// Sums the per-suite totals written by the Jest reporter and Vitest's JSON reporter and prints
// the single closing line CI reads: "N passed, N failed[, N skipped]".
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const expected = (process.argv[3] ?? '').split(',').filter(Boolean);
const otherFailures = Number(process.argv[4] ?? 0);
let passed = 0;
let failed = 0;
let skipped = 0;
const seen = new Set();
for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
  if (!file.endsWith('.json')) continue;
  const data = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  const name = file.replace(/\.json$/, '');
  seen.add(name);
  if (data.runner === 'jest') {
    passed += data.passed;
    failed += data.failed;
    skipped += data.skipped;
  } else {
    // Vitest JSON reporter (Jest-compatible shape).
    passed += data.numPassedTests ?? 0;
    failed += (data.numFailedTests ?? 0) + (data.numRuntimeErrorTestSuites ?? 0);
    skipped += (data.numPendingTests ?? 0) + (data.numTodoTests ?? 0);
  }
}
for (const name of expected) {
  if (!seen.has(name)) {
    console.error(`test-totals: no report from suite "${name}" (it did not run or crashed before reporting)`);
    failed += 1;
  }
}
failed += otherFailures;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
