#!/usr/bin/env node
// Prints the last test run's totals as one plain line, from the JSON report vitest writes in CI.
import { existsSync, readFileSync } from "node:fs";

const file = new URL("../.vitest-report.json", import.meta.url);
if (!existsSync(file)) {
  console.error("no test report found: did the test run happen?");
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, "utf8"));
const skipped = report.numPendingTests + report.numTodoTests;
console.log(`tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
if (report.numTotalTests === 0 || report.numFailedTests > 0) process.exit(1);
