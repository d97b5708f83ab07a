/**
 * The app's settings, read from environment variables; `.env.example` documents each one.
 * `PORT` and `HOST` are read by `next start` itself (see package.json).
 * @module
 */

/** What the webhook routers need. */
export interface Config {
  /** `STACK_WEBHOOK_SECRET`: the endpoint's `whsec_…` secret in Stack Auth. */
  stackWebhookSecret: string;
  /** `GENERIC_WEBHOOK_SECRET`: the secret shared with the generic sender. */
  genericWebhookSecret: string;
  /** `MAX_BODY_BYTES`: the largest body accepted; hookproof's default is 1 MiB. */
  maxBodyBytes: number | undefined;
}

/**
 * Reads and checks the settings. Each variable is named in full, so the Edge runtime sees it too.
 *
 * @example
 * const config = readConfig();
 */
export function readConfig(): Config {
  return {
    stackWebhookSecret: required("STACK_WEBHOOK_SECRET", process.env.STACK_WEBHOOK_SECRET),
    genericWebhookSecret: required("GENERIC_WEBHOOK_SECRET", process.env.GENERIC_WEBHOOK_SECRET),
    maxBodyBytes: positiveInteger("MAX_BODY_BYTES", process.env.MAX_BODY_BYTES),
  };
}

function required(name: string, value: string | undefined): string {
  if (!value) throw new Error(`${name} is not set: copy .env.example to .env and fill it in.`);
  return value;
}

function positiveInteger(name: string, value: string | undefined): number | undefined {
  if (!value) return undefined;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 1) {
    throw new Error(`${name} must be a positive integer, not "${value}".`);
  }
  return number;
}
