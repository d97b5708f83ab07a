// This app's webhook contract, tested with @hookproof/testing as you would in your own CI: start the
// server with test secrets, sign every fixture as the provider does, POST it, check each answer.
import { fileURLToPath } from "node:url";
import { generic, stackAuth } from "@hookproof/providers";
import { deliver, fixture, fixtures, signDuplicate, signRequest } from "@hookproof/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Receiver, startReceiver } from "../../e2e/receiver.js";

// Test secrets: the server is started with them, the tests sign with them.
const secrets = { stackAuth: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", generic: "contract-test-secret" };

// `node src/server.js` (what `pnpm start` runs) on a free port, ready once GET /health answers.
let app: Receiver;
beforeAll(async () => {
  app = await startReceiver({
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    args: () => ["src/server.js"],
    env: { STACK_WEBHOOK_SECRET: secrets.stackAuth, GENERIC_WEBHOOK_SECRET: secrets.generic },
  });
});
afterAll(() => app?.stop());

/** The dedupe ids the app's handlers recorded, from its `GET /handled`. */
async function handledIds(): Promise<string[]> {
  const log = (await (await fetch(`${app.url}/handled`)).json()) as { id: string }[];
  return log.map((event) => event.id);
}

describe("Stack Auth at POST /webhooks/stack-auth", () => {
  const provider = stackAuth({ secret: secrets.stackAuth });
  const url = () => `${app.url}/webhooks/stack-auth`;
  type Type = keyof typeof fixtures.stackAuth;
  const handles: Type[] = ["user.created", "user.updated", "team.created", "team_membership.created"];
  const ignores = (Object.keys(fixtures.stackAuth) as Type[]).filter((type) => !handles.includes(type));

  it.each(handles)("handles %s", async (type) => {
    const id = `msg_${crypto.randomUUID()}`; // Stack Auth's dedupe id is the svix-id header
    const answer = await deliver(url(), signRequest(provider, fixture("stack-auth", type), { id }));
    expect(answer).toMatchObject({ status: 200, body: { ok: true } });
    expect(await handledIds()).toContain(id);
  });

  it.each(ignores)("acknowledges %s without handling it", async (type) => {
    const id = `msg_${crypto.randomUUID()}`;
    const answer = await deliver(url(), signRequest(provider, fixture("stack-auth", type), { id }));
    expect(answer).toMatchObject({ status: 200, body: { ok: true, unhandled: true } });
    expect(await handledIds()).not.toContain(id);
  });

  it.each([
    ["tampered", 401, "invalid_signature"],
    ["wrongSecret", 401, "invalid_signature"],
    ["expired", 401, "timestamp_expired"],
    ["future", 401, "timestamp_in_future"],
    ["missingHeader", 400, "missing_header"],
  ] as const)("refuses a %s delivery: %i %s", async (variant, status, code) => {
    const id = `msg_${crypto.randomUUID()}`;
    const request = signRequest(provider, fixture("stack-auth", "user.created"), { id, variant });
    expect(await deliver(url(), request)).toMatchObject({ status, body: { error: { code } } });
    expect(await handledIds()).not.toContain(id);
  });

  it("handles a redelivery once, and acknowledges it as a duplicate", async () => {
    const id = `msg_${crypto.randomUUID()}`;
    const [first, again] = await signDuplicate(provider, fixture("stack-auth", "user.created"), { id });
    expect(await deliver(url(), first)).toMatchObject({ status: 200, body: { ok: true } });
    expect(await deliver(url(), again)).toMatchObject({ status: 200, body: { ok: true, duplicate: true } });
    expect((await handledIds()).filter((handled) => handled === id)).toHaveLength(1);
  });
});

describe("the generic sender at POST /webhooks/generic", () => {
  const provider = generic({ secret: secrets.generic });
  const url = () => `${app.url}/webhooks/generic`;
  type Type = keyof typeof fixtures.generic;
  const handles: Type[] = ["user.created", "project.created", "team.member.added"];
  const ignores = (Object.keys(fixtures.generic) as Type[]).filter((type) => !handles.includes(type));

  it.each(handles)("handles %s", async (type) => {
    const id = `evt_${crypto.randomUUID()}`; // the generic sender's dedupe id is the body's `id`
    const answer = await deliver(url(), signRequest(provider, fixture("generic", type, { id })));
    expect(answer).toMatchObject({ status: 200, body: { ok: true } });
    expect(await handledIds()).toContain(id);
  });

  it.each(ignores)("acknowledges %s without handling it", async (type) => {
    const id = `evt_${crypto.randomUUID()}`;
    const answer = await deliver(url(), signRequest(provider, fixture("generic", type, { id })));
    expect(answer).toMatchObject({ status: 200, body: { ok: true, unhandled: true } });
    expect(await handledIds()).not.toContain(id);
  });

  it.each([
    ["tampered", 401, "invalid_signature"],
    ["wrongSecret", 401, "invalid_signature"],
    ["missingHeader", 400, "missing_header"],
  ] as const)("refuses a %s delivery: %i %s", async (variant, status, code) => {
    const id = `evt_${crypto.randomUUID()}`;
    const request = signRequest(provider, fixture("generic", "user.created", { id }), { variant });
    expect(await deliver(url(), request)).toMatchObject({ status, body: { error: { code } } });
    expect(await handledIds()).not.toContain(id);
  });

  // The generic scheme signs no timestamp, so there is no `expired` or `future` variant: its replay bound is
  // `maxAge` (24 h) on the body's signed `created_at`, which `fixture()` sets to now unless told otherwise.
  it("refuses an event created 25 hours ago: 401 timestamp_expired", async () => {
    const id = `evt_${crypto.randomUUID()}`;
    const created_at = new Date(Date.now() - 25 * 3600 * 1000).toISOString();
    const request = signRequest(provider, fixture("generic", "user.created", { id, created_at }));
    const answer = await deliver(url(), request);
    expect(answer).toMatchObject({ status: 401, body: { error: { code: "timestamp_expired" } } });
    expect(await handledIds()).not.toContain(id);
  });

  it("handles a redelivery once, and acknowledges it as a duplicate", async () => {
    const id = `evt_${crypto.randomUUID()}`;
    const [first, again] = await signDuplicate(provider, fixture("generic", "user.created", { id }));
    expect(await deliver(url(), first)).toMatchObject({ status: 200, body: { ok: true } });
    expect(await deliver(url(), again)).toMatchObject({ status: 200, body: { ok: true, duplicate: true } });
    expect((await handledIds()).filter((handled) => handled === id)).toHaveLength(1);
  });
});
