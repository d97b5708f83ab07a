// This app's webhook contract, tested with @hookproof/testing as you would in your own CI: start the
// built app with test secrets, sign every fixture as the provider does, POST it, check each answer.
import { fileURLToPath } from "node:url";
import { generic, stackAuth } from "@hookproof/providers";
import { deliver, fixture, fixtures, signDuplicate, signRequest } from "@hookproof/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Receiver, startReceiver } from "../../e2e/receiver.js";

// Test secrets: the server is started with them, the tests sign with them.
const secrets = { stackAuth: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", generic: "contract-test-secret" };

// `next start` (what `pnpm start` runs) serves the last `next build`: on a free port, ready once GET /health
// answers. The root `npm test` builds first.
let app: Receiver;
beforeAll(async () => {
  app = await startReceiver({
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    args: (port) => ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    env: { STACK_WEBHOOK_SECRET: secrets.stackAuth, GENERIC_WEBHOOK_SECRET: secrets.generic },
    readyTimeoutMs: 60_000,
  });
});
afterAll(() => app?.stop());

/** The dedupe ids the app's handlers recorded, from a handled log (`GET /handled`). */
async function handledIds(log: string): Promise<string[]> {
  const events = (await (await fetch(`${app.url}${log}`)).json()) as { id: string }[];
  return events.map((event) => event.id);
}

describe.each([
  { route: "/webhooks/stack-auth", log: "/handled" }, // App Router, Node runtime
  { route: "/webhooks/edge/stack-auth", log: "/webhooks/edge/stack-auth" }, // Edge runtime: a log of its own
])("Stack Auth at POST $route", ({ route, log }) => {
  const provider = stackAuth({ secret: secrets.stackAuth });
  const url = () => `${app.url}${route}`;
  type Type = keyof typeof fixtures.stackAuth;
  const handles: Type[] = ["user.created", "user.updated", "team.created", "team_membership.created"];
  const ignores = (Object.keys(fixtures.stackAuth) as Type[]).filter((type) => !handles.includes(type));

  it.each(handles)("handles %s", async (type) => {
    const id = `msg_${crypto.randomUUID()}`; // Stack Auth's dedupe id is the svix-id header
    const answer = await deliver(url(), signRequest(provider, fixture("stack-auth", type), { id }));
    expect(answer).toMatchObject({ status: 200, body: { ok: true } });
    expect(await handledIds(log)).toContain(id);
  });

  it.each(ignores)("acknowledges %s without handling it", async (type) => {
    const id = `msg_${crypto.randomUUID()}`;
    const answer = await deliver(url(), signRequest(provider, fixture("stack-auth", type), { id }));
    expect(answer).toMatchObject({ status: 200, body: { ok: true, unhandled: true } });
    expect(await handledIds(log)).not.toContain(id);
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
    expect(await handledIds(log)).not.toContain(id);
  });

  it("handles a redelivery once, and acknowledges it as a duplicate", async () => {
    const id = `msg_${crypto.randomUUID()}`;
    const [first, again] = await signDuplicate(provider, fixture("stack-auth", "user.created"), { id });
    expect(await deliver(url(), first)).toMatchObject({ status: 200, body: { ok: true } });
    expect(await deliver(url(), again)).toMatchObject({ status: 200, body: { ok: true, duplicate: true } });
    expect((await handledIds(log)).filter((handled) => handled === id)).toHaveLength(1);
  });
});

describe.each([
  { route: "/webhooks/generic" }, // App Router
  { route: "/api/webhooks/generic" }, // Pages Router
])("the generic sender at POST $route", ({ route }) => {
  const provider = generic({ secret: secrets.generic });
  const url = () => `${app.url}${route}`;
  type Type = keyof typeof fixtures.generic;
  const handles: Type[] = ["user.created", "project.created", "team.member.added"];
  const ignores = (Object.keys(fixtures.generic) as Type[]).filter((type) => !handles.includes(type));

  it.each(handles)("handles %s", async (type) => {
    const id = `evt_${crypto.randomUUID()}`; // the generic sender's dedupe id is the body's `id`
    const answer = await deliver(url(), signRequest(provider, fixture("generic", type, { id })));
    expect(answer).toMatchObject({ status: 200, body: { ok: true } });
    expect(await handledIds("/handled")).toContain(id);
  });

  it.each(ignores)("acknowledges %s without handling it", async (type) => {
    const id = `evt_${crypto.randomUUID()}`;
    const answer = await deliver(url(), signRequest(provider, fixture("generic", type, { id })));
    expect(answer).toMatchObject({ status: 200, body: { ok: true, unhandled: true } });
    expect(await handledIds("/handled")).not.toContain(id);
  });

  it.each([
    ["tampered", 401, "invalid_signature"],
    ["wrongSecret", 401, "invalid_signature"],
    ["missingHeader", 400, "missing_header"],
  ] as const)("refuses a %s delivery: %i %s", async (variant, status, code) => {
    const id = `evt_${crypto.randomUUID()}`;
    const request = signRequest(provider, fixture("generic", "user.created", { id }), { variant });
    expect(await deliver(url(), request)).toMatchObject({ status, body: { error: { code } } });
    expect(await handledIds("/handled")).not.toContain(id);
  });

  // The generic scheme signs no timestamp, so there is no `expired` or `future` variant: its replay bound is
  // `maxAge` (24 h) on the body's signed `created_at`, which `fixture()` sets to now unless told otherwise.
  it("refuses an event created 25 hours ago: 401 timestamp_expired", async () => {
    const id = `evt_${crypto.randomUUID()}`;
    const created_at = new Date(Date.now() - 25 * 3600 * 1000).toISOString();
    const request = signRequest(provider, fixture("generic", "user.created", { id, created_at }));
    const answer = await deliver(url(), request);
    expect(answer).toMatchObject({ status: 401, body: { error: { code: "timestamp_expired" } } });
    expect(await handledIds("/handled")).not.toContain(id);
  });

  it("handles a redelivery once, and acknowledges it as a duplicate", async () => {
    const id = `evt_${crypto.randomUUID()}`;
    const [first, again] = await signDuplicate(provider, fixture("generic", "user.created", { id }));
    expect(await deliver(url(), first)).toMatchObject({ status: 200, body: { ok: true } });
    expect(await deliver(url(), again)).toMatchObject({ status: 200, body: { ok: true, duplicate: true } });
    expect((await handledIds("/handled")).filter((handled) => handled === id)).toHaveLength(1);
  });
});
