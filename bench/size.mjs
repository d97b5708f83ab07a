/**
 * `pnpm bench:size`: prints the bundle sizes and fails when one is over its budget.
 * @module
 */
import { formatSizes } from "./lib/report.mjs";
import { BUDGETS, measureSizes } from "./lib/size.mjs";

const sizes = await measureSizes();
console.log(formatSizes(sizes).join("\n"));
const over = [];
if (sizes.apps.coreVerify.gzip > BUDGETS.coreVerify) over.push("core verify path");
for (const adapter of sizes.adapters) {
  if (adapter.delta > BUDGETS.adapter) over.push(adapter.name);
}
if (over.length > 0) {
  console.error(`\nOver budget: ${over.join(", ")}`);
  process.exitCode = 1;
}
