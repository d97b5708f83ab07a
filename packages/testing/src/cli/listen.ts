/**
 * `hookproof listen`: a local receiver that records every delivery, judges it with hookproof's own pipeline,
 * forwards it to the app when asked, and serves the inspector page that shows it all live.
 * @module
 */
import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { DEFAULT_TOLERANCE_SECONDS } from "@hookproof/core";
import { sessionToken } from "../listen/guard.js";
import { createInspector } from "../listen/inspector.js";
import type { DeliveryRecord } from "../listen/record.js";
import { createMask, viewOf } from "../listen/redact.js";
import { startListenServer } from "../listen/server.js";
import { openStore } from "../listen/store.js";
import { createOutput, type Output, statusText, UsageError, warn } from "./output.js";
import { buildProvider, findProvider, type SecretOptions } from "./providers.js";

export interface ListenCommandOptions extends SecretOptions {
  provider?: string;
  forward?: string;
  port?: number;
  dir?: string;
  tolerance?: number;
  allowHost?: string[];
  keep?: number;
  json?: boolean;
  color?: boolean;
}

export const DEFAULT_PORT = 4400;

/** The page's script and style, built beside the bin (dist/ui/); a missing build is a clear error. */
function readAssets(): { "app.js": string; "style.css": string } {
  const read = (name: string) => {
    const url = new URL(`./ui/${name}`, import.meta.url);
    try {
      return readFileSync(url, "utf8");
    } catch {
      throw new Error(
        `the inspector page's ${name} is missing at ${url.pathname}: rebuild @hookproof/testing.`,
      );
    }
  };
  return { "app.js": read("app.js"), "style.css": read("style.css") };
}

function parseForward(value: string | undefined): URL | undefined {
  if (value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== "http:" && url?.protocol !== "https:") {
    throw new UsageError(`--forward "${value}" is not an http(s) URL, e.g. http://localhost:3000/webhooks.`);
  }
  return url;
}

/** One terminal line per delivery: number, time, request, event, verdict, the app's answer. */
function line(out: Output, record: DeliveryRecord): string {
  const { verdict, answer } = record;
  const time = record.receivedAt.slice(11, 19);
  const mark =
    verdict.status === "valid"
      ? out.style("green", "✓ valid")
      : verdict.status === "duplicate"
        ? out.style("yellow", `↺ ${verdict.reason}`)
        : out.style("red", `✗ ${verdict.code}: ${verdict.reason}`);
  const app =
    answer === undefined
      ? ""
      : "error" in answer
        ? `  ${out.style("red", `→ ${answer.error}`)}`
        : `  → app ${statusText(out, answer.status)} ${out.style("dim", `${answer.latencyMs} ms`)}`;
  const source = record.source === "http" ? "" : out.style("dim", ` (${record.source})`);
  return `${out.style("dim", `#${record.seq} ${time}`)} ${record.method} ${record.path}${source}  ${verdict.type ?? "?"}  ${mark}${app}`;
}

/** The `--json` line of a delivery: what scripts need, secrets masked; the page has the rest. */
function jsonLine(record: DeliveryRecord, mask: (text: string) => string): string {
  const { verdict, answer } = record;
  return JSON.stringify({
    seq: record.seq,
    receivedAt: record.receivedAt,
    provider: record.provider,
    source: record.source,
    method: record.method,
    path: record.path,
    type: verdict.type ?? null,
    eventId: verdict.eventId ?? null,
    verdict: verdict.status,
    code: verdict.code,
    reason: mask(verdict.reason),
    ...(verdict.duplicateOf === undefined ? {} : { duplicateOf: verdict.duplicateOf }),
    app:
      answer === undefined
        ? null
        : "error" in answer
          ? { error: answer.error }
          : { status: answer.status, latencyMs: answer.latencyMs },
  });
}

export async function listenCommand(options: ListenCommandOptions): Promise<number> {
  const out = createOutput(options);
  const entry = findProvider(options.provider);
  const provider = buildProvider(entry, options);
  const secrets = options.secret ?? [];
  const forwardTo = parseForward(options.forward);
  const port = options.port ?? DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError("--port must be 0 to 65535.");
  // The sender's own window (Mailgun's 8 h of retries, Twitch's 10 min) unless `--tolerance` says otherwise.
  const tolerance = options.tolerance ?? provider.tolerance ?? DEFAULT_TOLERANCE_SECONDS;
  if (!Number.isInteger(tolerance) || tolerance < 1 || tolerance > 86_400) {
    throw new UsageError("--tolerance must be whole seconds from 1 to 86400.");
  }
  const keep = options.keep ?? 500;
  if (!Number.isInteger(keep) || keep < 1) throw new UsageError("--keep must be a whole number ≥ 1.");
  const dir = resolve(options.dir ?? ".hookproof");
  // Relative to where it was started when inside it, absolute otherwise.
  const shown = (path: string) => {
    const near = relative(process.cwd(), path);
    return near === "" || near.startsWith("..") ? path : near;
  };
  const assets = readAssets();

  const store = openStore(dir, { keep, warn });
  const inspector = createInspector({
    provider,
    name: entry.name,
    secrets: secrets.length,
    store,
    tolerance,
    ...(forwardTo ? { forwardTo } : {}),
  });
  // Masks the secrets as given and a `whsec_` secret's key alone.
  const mask = createMask(secrets.flatMap((secret) => [secret, secret.replace(/^whsec_/, "")]));
  const token = sessionToken();
  const server = await startListenServer({
    inspector,
    views: () => store.list().map((record) => viewOf(record, mask)),
    view: (record) => viewOf(record, mask),
    port,
    allowHosts: options.allowHost ?? [],
    token,
    info: {
      provider: entry.name,
      forward: forwardTo?.href ?? null,
      tolerance,
      dir: shown(store.folder),
    },
    assets,
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE")
      throw new UsageError(`port ${port} is in use: choose another with --port (0 picks a free one).`);
    throw error;
  });

  inspector.subscribe((record) => {
    if (forwardTo !== undefined && record.answer === undefined) return;
    if (out.json) process.stdout.write(`${jsonLine(record, mask)}\n`);
    else out.line(mask(line(out, record)));
  });

  const history = store.list().length;
  const banner = [
    `${out.style("bold", "hookproof listen")}  ${entry.name}  ${out.style("dim", `(tolerance ±${tolerance} s)`)}`,
    `  receiving  ${server.url}/  ${out.style("dim", "(any path but /_hookproof/)")}`,
    ...(forwardTo ? [`  forwarding ${forwardTo.href}`] : []),
    `  inspector  ${out.style("cyan", `${server.url}/`)}`,
    `  history    ${shown(store.folder)}  ${out.style("dim", `(${history} ${history === 1 ? "delivery" : "deliveries"})`)}`,
    "",
  ].join("\n");
  // With --json, standard output carries only the deliveries.
  if (out.json) process.stderr.write(`${banner}\n`);
  else out.line(banner);

  await new Promise<void>((done) => {
    const stop = () => {
      void server.close().then(done);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return 0;
}
