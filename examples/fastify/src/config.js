/**
 * The server's settings, read from environment variables; `.env.example` documents each one.
 * @module
 */

/**
 * @typedef {object} Config
 * @property {number} port `PORT`, default 3000 (0 picks a free port).
 * @property {string} host `HOST`, default 127.0.0.1.
 * @property {string} stackWebhookSecret `STACK_WEBHOOK_SECRET`: the endpoint's `whsec_…` secret in Stack Auth.
 * @property {string} genericWebhookSecret `GENERIC_WEBHOOK_SECRET`: the secret shared with the generic sender.
 * @property {number | undefined} maxBodyBytes `MAX_BODY_BYTES`: largest body accepted; hookproof's default is 1 MiB.
 */

/**
 * Reads and checks the settings, so a missing secret stops the server at start instead of failing each request.
 *
 * @example
 * const config = readConfig(process.env);
 * @param {NodeJS.ProcessEnv} env
 * @returns {Config}
 */
export function readConfig(env) {
  return {
    port: integer(env, "PORT", 0) ?? 3000,
    host: env.HOST || "127.0.0.1",
    stackWebhookSecret: required(env, "STACK_WEBHOOK_SECRET"),
    genericWebhookSecret: required(env, "GENERIC_WEBHOOK_SECRET"),
    maxBodyBytes: integer(env, "MAX_BODY_BYTES", 1),
  };
}

/**
 * @param {NodeJS.ProcessEnv} env
 * @param {string} name
 */
function required(env, name) {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set: copy .env.example to .env and fill it in.`);
  return value;
}

/**
 * @param {NodeJS.ProcessEnv} env
 * @param {string} name
 * @param {number} min
 */
function integer(env, name, min) {
  const value = env[name];
  if (!value) return undefined;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < min) {
    throw new Error(`${name} must be an integer ≥ ${min}, not "${value}".`);
  }
  return number;
}
