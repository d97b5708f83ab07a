// Sends a running app the deliveries a user tries first, with the `hookproof` CLI installed from the
// testing tarball: a genuine one (200), a tampered one (401) and one delivered twice (a duplicate).
import assert from "node:assert/strict";
import { join } from "node:path";
import { run } from "./processes.mjs";

/**
 * Runs `hookproof send … --json` with the app's own CLI under `node`; returns the parsed result.
 *
 * @example
 * const result = await send({ node, app, url, provider: "stack-auth", event: "user.created", secret });
 */
export async function send({ node, app, url, provider, event, secret, flags = [] }) {
  const cli = join(app, "node_modules", "@hookproof", "testing", "dist", "cli.js");
  const args = [cli, "send", url, "-p", provider, "-e", event, "-s", secret, "--json", ...flags];
  const { stdout, code } = await run(node, args, { cwd: app, allowFailure: true });
  try {
    return { code, ...JSON.parse(stdout) };
  } catch {
    throw new Error(`hookproof send printed no JSON (exit ${code}):\n${stdout}`);
  }
}

/**
 * Asserts the three answers every receiver must give: 200 to a genuine delivery, 401 `invalid_signature`
 * to a tampered one, and `{ ok: true, duplicate: true }` to a replay. `--duplicate` sends one delivery twice;
 * where the sender's event id is in the body (`idInBody`, the generic sender), every send of a fixture is the
 * same event, so both copies replay the genuine delivery sent first.
 *
 * @example
 * await expectGenuineTamperedReplay({ node, app, url, provider: "generic", event: "user.created", secret }, { idInBody: true });
 */
export async function expectGenuineTamperedReplay(target, { idInBody = false } = {}) {
  const genuine = await send(target);
  assert.equal(
    genuine.deliveries[0]?.status,
    200,
    `a genuine delivery to ${target.url}: ${JSON.stringify(genuine)}`,
  );
  assert.deepEqual(genuine.deliveries[0].body, { ok: true });

  const tampered = await send({ ...target, flags: ["--tamper"] });
  assert.equal(tampered.deliveries[0]?.status, 401, `a tampered delivery: ${JSON.stringify(tampered)}`);
  assert.equal(tampered.deliveries[0].body.error.code, "invalid_signature");
  assert.equal(tampered.code, 0);

  const replay = await send({ ...target, flags: ["--duplicate"] });
  const duplicate = [200, { ok: true, duplicate: true }];
  assert.deepEqual(
    replay.deliveries.map((delivery) => [delivery.status, delivery.body]),
    [idInBody ? duplicate : [200, { ok: true }], duplicate],
    `a replayed delivery: ${JSON.stringify(replay)}`,
  );
}
