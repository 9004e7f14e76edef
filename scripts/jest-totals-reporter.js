// Writes a Jest run's totals to $HUANXIN_TEST_REPORT_DIR/<name>.json so .ci/run can print one
// "N passed, N failed" line across every suite (Jest's own closing lines are not read by CI).
const fs = require('node:fs');
const path = require('node:path');

class TotalsReporter {
  constructor(_globalConfig, options = {}) {
    this.name = options.name || 'jest';
  }

  onRunComplete(_contexts, results) {
    const dir = process.env.HUANXIN_TEST_REPORT_DIR;
    if (!dir) return;
    fs.mkdirSync(dir, { recursive: true });
    const totals = {
      runner: 'jest',
      name: this.name,
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
      suitesFailed: results.numFailedTestSuites,
    };
    fs.writeFileSync(path.join(dir, `${this.name}.json`), JSON.stringify(totals));
  }
}

module.exports = TotalsReporter;
