/**
 * Runs the suites in jest's usual order, except that the PII-leak suite runs last: it dumps the
 * run's database and scans the run's log file after every other suite has written to them.
 */
const Sequencer = require('@jest/test-sequencer').default;

const LAST = /pii-leak\.e2e-spec\.ts$/;

class RunPiiLeakLast extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const ordered = Array.isArray(sorted) ? sorted : [...tests];
    return [
      ...ordered.filter((test) => !LAST.test(test.path)),
      ...ordered.filter((test) => LAST.test(test.path)),
    ];
  }
}

module.exports = RunPiiLeakLast;
