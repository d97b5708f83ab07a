import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ClerkEvents, GenericEvents, StackAuthEvents } from "@hookproof/providers";
import { describe, expect, expectTypeOf, it } from "vitest";
import { fixture, fixtures, fixturesOf, providerKey } from "./fixtures.js";

// The fixture files, each in its provider's folder of @hookproof/providers.
const DIR = fileURLToPath(new URL("../../providers/src/", import.meta.url));
const NOW = Date.parse("2026-11-25T12:34:56.789Z");
const now = () => NOW;

describe("fixtures", () => {
  const files = readdirSync(DIR)
    .filter((provider) => existsSync(`${DIR}${provider}/fixtures`))
    .flatMap((provider) =>
      readdirSync(`${DIR}${provider}/fixtures`).map(
        (file) => [provider, decodeURIComponent(file.slice(0, -".json".length))] as const,
      ),
    );

  it.each(files)(
    "%s/%s is bundled byte for byte: JSON.stringify gives the file's compact JSON",
    (provider, type) => {
      const text = readFileSync(`${DIR}${provider}/fixtures/${encodeURIComponent(type)}.json`, "utf8");
      expect(JSON.stringify(fixturesOf(provider)[type])).toBe(text.trimEnd());
    },
  );

  it("has exactly the files: no stale generated fixture", () => {
    const bundled = Object.keys(fixtures).flatMap((key) =>
      Object.keys(fixtures[key as keyof typeof fixtures]),
    );
    expect(bundled.length).toBe(files.length);
  });

  it("is frozen all the way down", () => {
    const user = fixtures.stackAuth["user.created"];
    expect(Object.isFrozen(user)).toBe(true);
    expect(Object.isFrozen(user.data)).toBe(true);
    expect(() => {
      (user.data as { display_name: string | null }).display_name = "x";
    }).toThrow(TypeError);
  });

  it("is typed by event from the provider's catalogue", () => {
    expectTypeOf(fixtures.stackAuth["user.created"]).toEqualTypeOf<StackAuthEvents["user.created"]>();
    expectTypeOf(fixtures.generic["team.member.added"]).toEqualTypeOf<GenericEvents["team.member.added"]>();
    expectTypeOf(fixture("clerk", "user.deleted")).toEqualTypeOf<ClerkEvents["user.deleted"]>();
    expectTypeOf(fixture("stack-auth", "team.created").data.display_name).toEqualTypeOf<string>();
  });
});

describe("providerKey", () => {
  it("accepts CLI names and fixtures keys", () => {
    expect(providerKey("stack-auth")).toBe("stackAuth");
    expect(providerKey("stackAuth")).toBe("stackAuth");
    expect(providerKey("ferriskey")).toBe("ferriskey");
    expect(providerKey("toString")).toBeUndefined();
    expect(providerKey("nope")).toBeUndefined();
  });
});

describe("fixture()", () => {
  it("returns a fresh, unfrozen copy each time", () => {
    const a = fixture("stack-auth", "user.created");
    const b = fixture("stackAuth", "user.created");
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    expect(a.data).not.toBe(fixtures.stackAuth["user.created"].data);
    a.data.display_name = "changed";
    expect(b.data.display_name).toBe("Ada Lovelace");
    expect(fixtures.stackAuth["user.created"].data.display_name).toBe("Ada Lovelace");
  });

  it("deep-merges overrides: objects merge, arrays and values replace, undefined leaves a key", () => {
    const user = fixture("stack-auth", "user.created", {
      data: {
        display_name: "Grace Hopper",
        risk_scores: { sign_up: { bot: 90 } },
        oauth_providers: [{ id: "github", account_id: "1", email: null }],
        primary_email: undefined,
      },
    });
    const original = fixtures.stackAuth["user.created"].data;
    expect(user.data.display_name).toBe("Grace Hopper");
    expect(user.data.risk_scores).toEqual({ sign_up: { bot: 90, free_trial_abuse: 0 } });
    expect(user.data.oauth_providers).toEqual([{ id: "github", account_id: "1", email: null }]);
    expect(user.data.primary_email).toBe(original.primary_email);
    expect(user.data.id).toBe(original.id);
    expect(user.type).toBe("user.created");
  });

  it("shares no object or array with the overrides: changing one never changes the other", () => {
    const providers = [{ id: "github", account_id: "1", email: null }];
    const metadata = { plan: { tier: "pro" } };
    const overrides = { data: { oauth_providers: providers, client_metadata: metadata } };
    const user = fixture("stack-auth", "user.created", overrides);
    expect(user.data.oauth_providers).toEqual(providers);
    expect(user.data.client_metadata).toEqual(metadata);
    expect(user.data.oauth_providers).not.toBe(providers);
    expect(user.data.oauth_providers?.[0]).not.toBe(providers[0]);
    expect(user.data.client_metadata).not.toBe(metadata);

    (user.data.oauth_providers?.[0] as { id: string }).id = "gitlab";
    (user.data.client_metadata as { plan: { tier: string } }).plan.tier = "free";
    expect(providers[0]?.id).toBe("github");
    expect(metadata.plan.tier).toBe("pro");

    providers.push({ id: "google", account_id: "2", email: null });
    metadata.plan.tier = "enterprise";
    expect(user.data.oauth_providers).toHaveLength(1);
    expect(user.data.client_metadata).toEqual({ plan: { tier: "free" } });
    // Two fixtures made from one override object are independent too.
    const again = fixture("stack-auth", "user.created", overrides);
    expect(again.data.client_metadata).not.toBe(user.data.client_metadata);
  });

  it("sets null and ignores __proto__ keys", () => {
    const overrides = JSON.parse('{"data":{"selected_team":null,"__proto__":{"polluted":true}}}');
    const user = fixture("stack-auth", "user.created", overrides);
    expect(user.data.selected_team).toBeNull();
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.hasOwn(user.data, "polluted")).toBe(false);
  });

  it("dates the copy now in each provider's format; overrides win; fixtures stay as stored", () => {
    expect(fixture("generic", "user.created", undefined, { now }).created_at).toBe("2026-11-25T12:34:56Z");
    expect(fixture("clerk", "user.created", undefined, { now }).timestamp).toBe(NOW);
    expect(fixture("ferriskey", "user.created", undefined, { now }).timestamp).toBe(
      "2026-11-25T12:34:56.789000000+00:00",
    );
    const old = fixture("generic", "user.created", { created_at: "2020-01-01T00:00:00Z" }, { now });
    expect(old.created_at).toBe("2020-01-01T00:00:00Z");
    expect(fixture("tesseral", "sync.user", undefined, { now })).toEqual(fixtures.tesseral["sync.user"]);
    expect(fixtures.generic["user.created"].created_at).toBe("2026-08-20T13:40:07Z");
  });

  it("names the known providers and events when asked for one that does not exist", () => {
    expect(() => fixture("nope" as never, "x" as never)).toThrow(
      /No fixtures for provider "nope".*stack-auth/,
    );
    expect(() => fixture("tesseral", "sync.team" as never)).toThrow(/sync\.organization, sync\.user/);
  });
});
