/**
 * `hookproof send`: signs a fixture or a file and POSTs it to a receiver; prints status, latency, body.
 * @module
 */
import { type DeliveryResult, deliver } from "../deliver.js";
import { type SignedDelivery, signDelivery, toRequest } from "../sign-request.js";
import { createOutput, type Output, preview, statusText, UsageError } from "./output.js";
import { loadPayload, type PayloadOptions, type VariantOptions, variantOf } from "./payload.js";
import { buildProvider, findProvider, type SecretOptions } from "./providers.js";
import { signError } from "./sign-error.js";

export interface SendCommandOptions extends PayloadOptions, VariantOptions, SecretOptions {
  provider?: string;
  repeat?: number;
  duplicate?: boolean;
  header?: string[];
  json?: boolean;
  color?: boolean;
}

type Outcome = { status: number; durationMs: number; body: unknown } | { error: string; durationMs?: never };

function parseUrl(url: string): URL {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed?.protocol !== "http:" && parsed?.protocol !== "https:") {
    throw new UsageError(`"${url}" is not an http(s) URL, e.g. http://localhost:3000/webhooks.`);
  }
  return parsed;
}

function extraHeaders(list: string[] | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const item of list ?? []) {
    const colon = item.indexOf(":");
    if (colon <= 0) throw new UsageError(`--header "${item}" must look like "name: value".`);
    headers[item.slice(0, colon).trim().toLowerCase()] = item.slice(colon + 1).trim();
  }
  return headers;
}

async function attempt(url: URL, delivery: SignedDelivery): Promise<Outcome> {
  try {
    const result: DeliveryResult = await deliver(url, toRequest(delivery));
    return { status: result.status, durationMs: result.durationMs, body: result.body };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { error: cause?.code ?? cause?.message ?? (error as Error).message };
  }
}

function report(out: Output, index: number, outcome: Outcome): void {
  const n = out.style("dim", `#${index + 1}`);
  if ("error" in outcome) {
    out.line(`  ${n} ${out.style("red", `failed: ${outcome.error}`)}`);
    return;
  }
  const ms = `${outcome.durationMs.toFixed(1)} ms`;
  out.line(`  ${n} ${statusText(out, outcome.status)}  ${out.style("dim", ms)}  ${preview(outcome.body)}`);
}

export async function sendCommand(url: string, options: SendCommandOptions): Promise<number> {
  const out = createOutput(options);
  const target = parseUrl(url);
  const entry = findProvider(options.provider);
  const provider = buildProvider(entry, options, "sign");
  const { payload, event } = loadPayload(entry, options);
  const { variant, missingHeader } = variantOf(options);
  const repeat = options.repeat ?? 1;
  if (!Number.isSafeInteger(repeat) || repeat < 1)
    throw new UsageError("--repeat must be a whole number ≥ 1.");
  if (variant === "tampered" && ["bearer", "header-token"].includes(provider.scheme.name)) {
    throw new UsageError(
      `${entry.name} authenticates with a ${provider.scheme.name} token that covers no body: no receiver can detect --tamper.`,
    );
  }
  const sign = () =>
    signDelivery(provider, payload, {
      url: target,
      headers: {
        ...(event === undefined ? {} : entry.eventHeaders?.(event)),
        ...extraHeaders(options.header),
      },
      ...(variant ? { variant } : {}),
      ...(missingHeader ? { missingHeader } : {}),
    }).catch(signError);

  const label = [entry.name, event ?? "(data)", variant, options.duplicate ? "duplicate" : undefined];
  out.line(
    `${out.style("bold", "→ POST")} ${target.href}  ${out.style("dim", label.filter(Boolean).join(" "))}`,
  );
  const count = options.duplicate ? Math.max(2, options.repeat ?? 2) : repeat;
  const same = options.duplicate ? await sign() : undefined;
  const outcomes: Outcome[] = [];
  for (let i = 0; i < count; i++) {
    const outcome = await attempt(target, same ?? (await sign()));
    outcomes.push(outcome);
    report(out, i, outcome);
  }

  // A negative variant succeeds when the receiver refuses it; anything else when every answer is 2xx.
  const accepted = outcomes.filter((o) => !("error" in o) && o.status >= 200 && o.status < 300).length;
  const unreachable = outcomes.some((o) => "error" in o);
  const ok = !unreachable && (variant ? accepted === 0 : accepted === count);
  let summary: string;
  if (unreachable) summary = "the receiver could not be reached";
  else if (variant) summary = ok ? `rejected as expected (${variant})` : `ACCEPTED a ${variant} delivery`;
  else summary = `${accepted}/${count} accepted${options.duplicate ? " (the same delivery each time)" : ""}`;
  const times = outcomes.flatMap((o) => (o.durationMs === undefined ? [] : [o.durationMs]));
  if (times.length > 1) {
    const avg = times.reduce((sum, t) => sum + t, 0) / times.length;
    const [min, max] = [Math.min(...times), Math.max(...times)];
    out.line(
      out.style("dim", `  latency min/avg/max ${min.toFixed(1)} / ${avg.toFixed(1)} / ${max.toFixed(1)} ms`),
    );
  }
  out.line(ok ? out.style("green", `✓ ${summary}`) : out.style("red", `✗ ${summary}`));
  out.result({
    url: target.href,
    provider: entry.name,
    event: event ?? null,
    variant: variant ?? null,
    duplicate: options.duplicate === true,
    ok,
    deliveries: outcomes,
  });
  return ok ? 0 : 1;
}
