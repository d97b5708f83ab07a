/**
 * Terminal output: colour only on a TTY (and never with `NO_COLOR`), `--json` for scripts.
 * @module
 */
import * as util from "node:util";

type Style = "red" | "green" | "yellow" | "cyan" | "dim" | "bold";

/** Exit codes: 0 ok, 1 verification failed or a non-2xx answer, 2 a usage error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A mistake in how the command was called: reported on stderr, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * A warning on stderr: the command goes on, and `--json` output on stdout stays one document.
 *
 * @example
 * warn("--secret does not look like a stack-auth secret");
 */
export function warn(text: string): void {
  process.stderr.write(`hookproof: warning: ${text}\n`);
}

export interface Output {
  readonly json: boolean;
  /** Wraps `text` in a colour when colour is on. */
  style(style: Style, text: string): string;
  /** A line on stdout (skipped in `--json` mode). */
  line(text?: string): void;
  /** The one JSON document `--json` prints. */
  result(value: unknown): void;
}

/** Whether stdout takes colour: a TTY, no `NO_COLOR`, and a Node with `util.styleText` (20.12+). */
function colourOn(stream: NodeJS.WriteStream, disabled: boolean): boolean {
  return (
    !disabled &&
    stream.isTTY === true &&
    !process.env.NO_COLOR &&
    process.env.TERM !== "dumb" &&
    typeof util.styleText === "function"
  );
}

export function createOutput(options: { json?: boolean; color?: boolean }): Output {
  const json = options.json === true;
  const colour = !json && colourOn(process.stdout, options.color === false);
  return {
    json,
    style: (style, text) => (colour ? util.styleText(style, text) : text),
    line(text = "") {
      if (!json) process.stdout.write(`${text}\n`);
    },
    result(value) {
      if (json) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
  };
}

/** A response body for one line of output: JSON compact, text as is, shortened past `max` characters. */
export function preview(body: unknown, max = 400): string {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}

/** `200 OK` in green, `401` in red, `3xx` in yellow. */
export function statusText(out: Output, status: number): string {
  const colour = status >= 200 && status < 300 ? "green" : status >= 300 && status < 400 ? "yellow" : "red";
  return out.style(colour, String(status));
}
