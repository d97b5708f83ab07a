/**
 * What every provider test shares: the fixture files in src/<provider>/fixtures, a fixed clock, real
 * `Request`s through `createWebhooks(…).handle`, and one suite that runs every fixture of a provider
 * (accepted as sent, refused when a required field is broken).
 * @module
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { EventMap, HandshakeAnswer, WebhookProvider } from "@hookproof/core";
import { createWebhooks, isWebhookVerificationError } from "@hookproof/core";
import { describe, expect, it } from "vitest";
import { answer, clock, post } from "../../core/test/requests.js";

export type { Answer } from "../../core/test/requests.js";
export { answer, clock, NOW_S, post } from "../../core/test/requests.js";

const PROVIDERS = fileURLToPath(new URL("../src/", import.meta.url));

/** The exact bytes of a fixture, as the provider sends them. */
export function fixtureText(provider: string, type: string): string {
  // A type a file name cannot hold (`orders/create`) is written URI-encoded: `orders%2Fcreate.json`.
  return readFileSync(`${PROVIDERS}${provider}/fixtures/${encodeURIComponent(type)}.json`, "utf8");
}

/** The event types a provider has fixtures for. */
export function fixtureTypes(provider: string): string[] {
  return readdirSync(`${PROVIDERS}${provider}/fixtures`)
    .filter((file) => file.endsWith(".json"))
    .map((file) => decodeURIComponent(file.slice(0, -".json".length)))
    .sort();
}

/** A change to a fixture: delete the field at `path`, or `set` it. */
export interface Mutation {
  path: readonly (string | number)[];
  set?: unknown;
}

/** `data.teams[0].id`, as the router reports a path. */
export function pathText(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === "number" ? `${out}[${key}]` : out === "" ? key : `${out}.${key}`),
    "",
  );
}

/** The fixture with `mutation` applied, serialised compactly like the senders do. */
export function mutated(body: string, mutation: Mutation): string {
  const root = JSON.parse(body) as Record<string | number, unknown>;
  let parent = root;
  for (const key of mutation.path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = mutation.path.at(-1) as string | number;
  if (!(last in parent)) throw new Error(`the fixture has no \`${pathText(mutation.path)}\` to mutate`);
  if ("set" in mutation) parent[last] = mutation.set;
  else delete parent[last];
  return JSON.stringify(root);
}

/** How a suite signs a fixture: headers beside it, or, for a sender whose body is the signature, the whole delivery. */
export type Signing =
  | {
      /** The headers the provider sends with `body`, an event of `type`. */
      sign: (body: string, type: string) => Promise<Record<string, string>> | Record<string, string>;
      wire?: never;
    }
  | {
      /** What the provider sends for `body` (Kinde's JWT body): its headers and the bytes in its place. */
      wire: (body: string, type: string) => Promise<{ headers: Record<string, string>; body: string }>;
      sign?: never;
    };

/** The request carrying `body`, an event of `type`, signed as the suite says. */
async function sent(signing: Signing, body: string, type: string): Promise<Request> {
  if (signing.wire) {
    const wire = await signing.wire(body, type);
    return post(wire.headers, wire.body);
  }
  return post(await signing.sign(body, type), body);
}

/** What {@link fixtureSuite} needs to know about a provider. */
export type SuiteOptions<Events extends EventMap> = Signing & {
  /** The suite's title. */
  title: string;
  /** The provider's folder, whose fixtures/ the suite runs: `stack-auth`. */
  fixtures: string;
  provider: () => WebhookProvider<Events>;
  /** For each event, a change its schema must refuse. */
  mutations: { readonly [Type in keyof Events]: Mutation };
};

/**
 * For every event of the provider: its fixture, signed as the provider signs it, is accepted and its
 * handler gets the parsed payload; with a required field broken it is refused with `invalid_payload`
 * naming that field, and the handler does not run.
 */
export function fixtureSuite<Events extends EventMap>(options: SuiteOptions<Events>): void {
  const types = Object.keys(options.mutations).sort() as Extract<keyof Events, string>[];

  describe(options.title, () => {
    it("has a fixture for every event of its catalogue, and no other", () => {
      expect(fixtureTypes(options.fixtures)).toEqual(Object.keys(options.provider().events).sort());
      expect(types).toEqual(Object.keys(options.provider().events).sort());
    });

    it.each(types)("accepts %s as sent and hands its handler the payload", async (type) => {
      const body = fixtureText(options.fixtures, type);
      const seen: unknown[] = [];
      const hooks = createWebhooks({ provider: options.provider(), now: clock }).on(
        type,
        (event, context) => {
          seen.push({ event, type: context.type });
        },
      );
      const result = await answer(hooks, await sent(options, body, type));
      expect(result).toEqual({ status: 200, body: { ok: true } });
      expect(seen).toEqual([{ event: JSON.parse(body), type }]);
    });

    it.each(types)("refuses %s with a required field broken, naming the field", async (type) => {
      const mutation = options.mutations[type];
      const body = mutated(fixtureText(options.fixtures, type), mutation);
      const rejected: unknown[] = [];
      let ran = false;
      const hooks = createWebhooks({
        provider: options.provider(),
        now: clock,
        onRejected: (error) => rejected.push(error),
      }).on(type, () => {
        ran = true;
      });
      const result = await answer(hooks, await sent(options, body, type));
      const path = pathText(mutation.path);
      expect(result.status).toBe(400);
      expect(result.body.error?.code).toBe("invalid_payload");
      expect(result.body.error?.message).toContain(`\`${path}\``);
      expect(rejected).toHaveLength(1);
      expect(isWebhookVerificationError(rejected[0]) && rejected[0].path).toBe(path);
      expect(ran).toBe(false);
    });
  });
}

/** A change to a fixture that the provider's own schema or types allow, and the source that says so. */
export interface Allowed extends Mutation {
  type: string;
  /** `repo path`: where the provider's schema or type allows the change. */
  source: string;
  /** Says what `set` puts there, when the value is too long to name in the test's title. */
  as?: string;
}

/** What {@link allowedSuite} needs to know about a provider. */
export type AllowedOptions<Events extends EventMap> = Signing & {
  title: string;
  fixtures: string;
  provider: () => WebhookProvider<Events>;
  /** Each change the provider's own schema or types allow: a field missing, or `null`. */
  allowed: readonly Allowed[];
};

/**
 * A catalogue is never stricter than the provider's own schema or types: for each change they allow, the
 * fixture so changed is accepted and its handler gets it as sent.
 */
export function allowedSuite<Events extends EventMap>(options: AllowedOptions<Events>): void {
  const name = (c: Allowed) =>
    `accepts ${c.type} with \`${pathText(c.path)}\` ${c.as ?? ("set" in c ? `= ${JSON.stringify(c.set)}` : "missing")} (${c.source})`;
  describe(options.title, () => {
    it.each(options.allowed.map((c) => [name(c), c] as const))("%s", async (_, c) => {
      const body = mutated(fixtureText(options.fixtures, c.type), c);
      const seen: unknown[] = [];
      const hooks = createWebhooks({ provider: options.provider(), now: clock }).on(
        c.type as Extract<keyof Events, string>,
        (event) => {
          seen.push(event);
        },
      );
      expect(await answer(hooks, await sent(options, body, c.type))).toEqual({
        status: 200,
        body: { ok: true },
      });
      expect(seen).toEqual([JSON.parse(body)]);
    });
  });
}

/** A router on `provider` that records what reached a handler and which handshakes were answered. */
export function handshakeRouter(provider: WebhookProvider<EventMap>): {
  hooks: { handle(request: Request): Promise<Response> };
  handled: unknown[];
  handshakes: HandshakeAnswer[];
} {
  const handled: unknown[] = [];
  const handshakes: HandshakeAnswer[] = [];
  const hooks = createWebhooks({ provider, now: clock, onHandshake: (h) => handshakes.push(h) }).onAny(
    (event) => {
      handled.push(event);
    },
  );
  return { hooks, handled, handshakes };
}

/** A response's status, content type and text. */
export async function readResponse(
  response: Response,
): Promise<{ status: number; type: string | null; body: string }> {
  return { status: response.status, type: response.headers.get("content-type"), body: await response.text() };
}
