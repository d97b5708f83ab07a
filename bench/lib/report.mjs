/**
 * Turns measurements into the Markdown tables printed by `pnpm bench` and written to RESULTS.md.
 * @module
 */
import { BUDGETS } from "./size.mjs";

const us = (ns) =>
  ns >= 100_000 ? (ns / 1000).toFixed(0) : ns >= 10_000 ? (ns / 1000).toFixed(1) : (ns / 1000).toFixed(2);
const x = (ratio) => `${ratio.toFixed(2)}×`;

function table(head, rows) {
  return [
    `| ${head.join(" | ")} |`,
    `|${head.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ];
}

/**
 * The ratios reported per suite, and the targets checked against them. `a / b` of the median times;
 * `max`/`min` is the bound the target sets, `sizes` where it applies.
 */
export const COMPARISONS = {
  "standard-webhooks": [
    { label: "hookproof ÷ bound (no parse)", a: "hookproof", b: "bound", target: { max: 1.15 } },
    { label: "hookproof ÷ (bound + parse), both parse", a: "hookproofParse", b: "boundParse" },
    {
      label: "svix ÷ hookproof, both parse (speed-up)",
      a: "svix",
      b: "hookproofParse",
      target: { min: { "256 B": 5, "64 KiB": 10, "1 MiB": 10 } },
    },
    {
      label: "standardwebhooks ÷ hookproof, both parse (speed-up)",
      a: "standardwebhooks",
      b: "hookproofParse",
      target: { min: { "256 B": 5, "64 KiB": 10, "1 MiB": 10 } },
    },
    {
      label: "standardwebhooks `jsonParse: false` ÷ hookproof, neither parses (speed-up)",
      a: "standardwebhooksNoParse",
      b: "hookproof",
      target: { min: { "256 B": 5, "64 KiB": 10, "1 MiB": 10 } },
    },
    { label: "svix ÷ (bound + parse): the most any library could gain", a: "svix", b: "boundParse" },
  ],
  github: [
    { label: "hookproof ÷ bound", a: "hookproof", b: "bound", target: { max: 1.15 } },
    { label: "hookproof ÷ octokit", a: "hookproof", b: "octokit", target: { max: 1.1 } },
    { label: "octokit ÷ bound", a: "octokit", b: "bound" },
  ],
  stripe: [
    { label: "hookproof ÷ (bound + parse)", a: "hookproof", b: "boundParse" },
    { label: "stripe ÷ hookproof (speed-up)", a: "stripe", b: "hookproof", target: { min: 1 } },
    { label: "stripe ÷ (bound + parse)", a: "stripe", b: "boundParse" },
  ],
  webcrypto: [{ label: "hookproof web ÷ raw subtle", a: "hookproof", b: "bound", target: { max: 1.2 } }],
  "signature-list": [
    { label: "16 KB `v1a` header ÷ one-signature request", a: "flood", b: "one", target: { max: 2 } },
    { label: "for scale: 170 verifies (before the cap) ÷ one-signature request", a: "unbounded", b: "one" },
  ],
  // RSA verify, hashing and the parse dominate from 64 KiB; at 256 B the WebCrypto round trip does (see README).
  "sns-certificate": [
    {
      label: "hookproof ÷ bound (v2, SHA256withRSA)",
      a: "hookproof2",
      b: "bound2",
      target: { max: { "64 KiB": 1.2 } },
    },
    { label: "hookproof ÷ bound (v1, SHA1withRSA)", a: "hookproof1", b: "bound1" },
    { label: "hookproof ÷ the bound on WebCrypto (v2)", a: "hookproof2", b: "subtle" },
    { label: "for scale: the bound on WebCrypto ÷ on node:crypto (v2)", a: "subtle", b: "bound2" },
  ],
  "jwks-rs256": [
    { label: "hookproof ÷ bound", a: "hookproof", b: "bound", target: { max: { "64 KiB": 1.2 } } },
    { label: "hookproof ÷ the bound on WebCrypto", a: "hookproof", b: "subtle" },
    { label: "for scale: the bound on WebCrypto ÷ on node:crypto", a: "subtle", b: "bound" },
  ],
  pipeline: [
    {
      label: "hookproof `process()` ÷ (bound + parse)",
      a: "hookproof",
      b: "boundParse",
      target: { max: { "4 KiB": 1.3, "64 KiB": 1.3, "1 MiB": 1.3 } },
    },
  ],
};

const SUITE_NAMES = {
  "standard-webhooks": "Standard Webhooks",
  github: "GitHub body HMAC",
  stripe: "Stripe",
  webcrypto: "WebCrypto",
  "signature-list": "Signature list",
  "sns-certificate": "SNS certificate",
  "jwks-rs256": "JWKS RS256 (Kinde)",
  pipeline: "Pipeline",
};

function limitAt(limit, size) {
  if (limit === undefined) return undefined;
  return typeof limit === "number" ? limit : limit[size];
}

/** Every target check: `{ suite, label, size, ratio, limit, kind, met }`. */
export function checkTargets(micro) {
  const checks = [];
  for (const [suiteId, comparisons] of Object.entries(COMPARISONS)) {
    const suite = micro[suiteId];
    if (!suite) continue;
    for (const comparison of comparisons) {
      if (!comparison.target) continue;
      for (const [size, row] of Object.entries(suite.results)) {
        const ratio = row[comparison.a]?.best / row[comparison.b]?.best;
        if (!Number.isFinite(ratio)) continue;
        const max = limitAt(comparison.target.max, size);
        const min = limitAt(comparison.target.min, size);
        if (max !== undefined)
          checks.push({
            suiteId,
            label: comparison.label,
            size,
            ratio,
            limit: `≤ ${x(max)}`,
            met: ratio <= max,
          });
        if (min !== undefined)
          checks.push({
            suiteId,
            label: comparison.label,
            size,
            ratio,
            limit: `≥ ${x(min)}`,
            met: ratio >= min,
          });
      }
    }
  }
  return checks;
}

export function formatMicro(micro) {
  const lines = [];
  for (const [suiteId, suite] of Object.entries(micro)) {
    const sizes = Object.keys(suite.results);
    const statistic = suite.statistic === "p50" ? "Median" : `${suite.statistic.slice(1)}th-percentile`;
    const over = suite.aggregate === "median" ? "median over all slices" : "best round";
    lines.push(`### ${suite.title}`, "", `${statistic} µs/op (${over}):`, "");
    lines.push(
      ...table(
        ["contender", ...sizes],
        suite.contenders.map((c) => [
          c.role === "hookproof" ? `**${c.label}**` : c.label,
          ...sizes.map((size) => {
            const stats = suite.results[size][c.key];
            return stats ? us(stats.best) : "–";
          }),
        ]),
      ),
      "",
    );
    const comparisons = COMPARISONS[suiteId] ?? [];
    if (comparisons.length > 0) {
      lines.push(
        ...table(
          ["ratio", ...sizes],
          comparisons.map((comparison) => [
            comparison.label,
            ...sizes.map((size) => {
              const row = suite.results[size];
              const ratio = row[comparison.a]?.best / row[comparison.b]?.best;
              if (!Number.isFinite(ratio)) return "–";
              const max = limitAt(comparison.target?.max, size);
              const min = limitAt(comparison.target?.min, size);
              const miss = (max !== undefined && ratio > max) || (min !== undefined && ratio < min);
              return miss
                ? `**${x(ratio)}** ✗`
                : max !== undefined || min !== undefined
                  ? `${x(ratio)} ✓`
                  : x(ratio);
            }),
          ]),
        ),
        "",
      );
    }
  }
  return lines;
}

export function formatTargets(micro, http, sizes) {
  const rows = [];
  const bySuiteLabel = new Map();
  for (const check of checkTargets(micro)) {
    const key = `${check.suiteId}|${check.label}|${check.limit.replace(/[\d.]+×/, "")}`;
    const entry = bySuiteLabel.get(key) ?? {
      label: `${SUITE_NAMES[check.suiteId]}: ${check.label}`,
      limits: new Set(),
      cells: [],
      met: true,
    };
    entry.limits.add(check.limit);
    entry.cells.push(`${check.size}: ${x(check.ratio)}${check.met ? "" : " ✗"}`);
    entry.met &&= check.met;
    bySuiteLabel.set(key, entry);
  }
  for (const entry of bySuiteLabel.values()) {
    rows.push([
      entry.label,
      [...entry.limits].join(" / "),
      entry.cells.join(", "),
      entry.met ? "met" : "**missed**",
    ]);
  }
  if (http) {
    for (const group of http.groups) {
      if (group.skipped) continue;
      const base = group.results[group.baseline.route];
      const percent = (rps) => `${((1 - rps / base.rps) * 100).toFixed(0)}%`;
      const floor = group.contenders.find((contender) => contender.reference);
      for (const contender of group.contenders) {
        if (contender.reference) continue;
        const result = group.results[contender.route];
        const overhead = 1 - result.rps / base.rps;
        // What verifying and parsing by hand costs on the same stack: no library can go below it.
        const byHand = floor ? ` (by hand: ${percent(group.results[floor.route].rps)})` : "";
        rows.push([
          `${contender.label} vs ${group.baseline.label} (${group.bytes} B body), req/s overhead`,
          "≤ 10%",
          `${percent(result.rps)}${byHand}`,
          overhead <= 0.1 ? "met" : "**missed**",
        ]);
      }
    }
  }
  if (sizes) {
    const verify = sizes.apps.coreVerify.gzip;
    rows.push([
      "core verify path, min+gzip",
      `≤ ${BUDGETS.coreVerify} B`,
      `${verify} B`,
      verify <= BUDGETS.coreVerify ? "met" : "**missed**",
    ]);
    for (const adapter of sizes.adapters) {
      if (adapter.skipped) continue;
      rows.push([
        `${adapter.name} on top, min+gzip`,
        `≤ ${BUDGETS.adapter} B`,
        `${adapter.delta} B`,
        adapter.delta <= BUDGETS.adapter ? "met" : "**missed**",
      ]);
    }
  }
  return table(["target", "limit", "measured", "status"], rows);
}

export function formatHttp(http) {
  const lines = [];
  const sizes = [...new Set(http.groups.map((group) => group.bytes))];
  for (const bytes of sizes) {
    lines.push(`#### ${bytes} B body`, "");
    const rows = [];
    for (const group of http.groups.filter((g) => g.bytes === bytes)) {
      if (group.skipped) {
        rows.push([`${group.stack}: skipped (${group.skipped})`, "", "", "", "", ""]);
        continue;
      }
      const base = group.results[group.baseline.route];
      for (const entry of [group.baseline, ...group.contenders]) {
        const result = group.results[entry.route];
        const ratio = result.rps / base.rps;
        rows.push([
          entry === group.baseline ? entry.label : `**${entry.label}**`,
          result.rps.toFixed(0),
          entry === group.baseline ? "1.00" : ratio.toFixed(2),
          `${result.p50} / ${result.p99}`,
          result.cpuPerRequest.toFixed(0),
          entry === group.baseline ? "" : `+${(result.cpuPerRequest - base.cpuPerRequest).toFixed(0)}`,
        ]);
      }
    }
    lines.push(
      ...table(
        ["route", "req/s", "× baseline", "p50 / p99 ms", "server CPU µs/req", "CPU over baseline"],
        rows,
      ),
      "",
    );
  }
  return lines;
}

export function formatQueue(queue) {
  if (queue.skipped) return [`Skipped: ${queue.skipped}.`, ""];
  const rows = queue.rows.map((row) => [
    row.key.startsWith("handoff-5s") ? `**${row.label}**` : row.label,
    `${row.latency.p50} / ${row.latency.p99}`,
    row.saturation.rps.toFixed(0),
    `${row.saturation.p50} / ${row.saturation.p99}`,
    row.saturation.cpuPerRequest.toFixed(0),
  ]);
  return [
    ...table(
      [
        "receiver",
        `answer p50 / p99 ms at ${queue.rate} req/s`,
        "req/s at saturation",
        "p50 / p99 ms at saturation",
        "receiver CPU µs/req",
      ],
      rows,
    ),
    "",
  ];
}

export function formatSizes(sizes) {
  const rows = [];
  for (const app of Object.values(sizes.apps)) rows.push([app.label, String(app.min), String(app.gzip), ""]);
  for (const adapter of sizes.adapters) {
    if (adapter.skipped) rows.push([`${adapter.name}: ${adapter.skipped}`, "", "", ""]);
    else {
      rows.push([
        `router app + every export of \`${adapter.name}\`${adapter.platform === "node" ? " (Node build)" : ""}`,
        String(adapter.min),
        String(adapter.gzip),
        `+${adapter.delta} (min +${adapter.deltaMin})`,
      ]);
    }
  }
  return table(["app", "min B", "min+gzip B", "adapter on top, gzip B"], rows);
}
