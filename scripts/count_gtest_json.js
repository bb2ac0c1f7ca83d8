// Prints "<passed> <failed> <skipped>" for a GoogleTest JSON report
// (--gtest_output=json:FILE). Used by scripts/run_suites.sh.
'use strict';
const fs = require('fs');

const report = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
let passed = 0;
let failed = 0;
let skipped = 0;
for (const suite of report.testsuites || []) {
  for (const test of suite.testsuite || []) {
    if (test.failures && test.failures.length > 0) failed++;
    else if (test.status === 'NOTRUN' || test.result === 'SKIPPED' || test.result === 'SUPPRESSED') skipped++;
    else passed++;
  }
}
console.log(`${passed} ${failed} ${skipped}`);
