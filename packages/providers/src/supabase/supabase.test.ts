import { createHmac } from "node:crypto";
import { createVerifier, createWebhooks } from "@hookproof/core";
import { Webhook } from "standardwebhooks";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  allowedSuite,
  answer,
  clock,
  fixtureSuite,
  fixtureText,
  NOW_S,
  post,
} from "../../test/test-support.js";
import { supabase } from "./index.js";

// As Supabase shows it: `v1,whsec_` + base64 of 32 bytes (hookshttp.go strips `v1,` before signing).
const SECRET = "v1,whsec_bJ4rCGvW0Yx7Zo3TkU9nQ2sH6aLdE1fP8gR5mV0cXyA=";
const OLD_SECRET = "v1,whsec_Zm9yIHRoZSByb3RhdGlvbiB0ZXN0IG9ubHkgMDEyMzQ1Njc=";
const WEBHOOK_ID = "6f1d3c2e-8a4b-4e5f-9c7d-1a2b3c4d5e6f";
const provider = () => supabase({ secret: SECRET });
const sign = (body: string) => provider().scheme.sign({ body, id: WEBHOOK_ID, timestamp: NOW_S });
/** `standardwebhooks`, as Supabase's docs verify: the secret without `v1,whsec_`. */
const library = (secret: string) => new Webhook(secret.replace("v1,whsec_", ""));

fixtureSuite({
  title: "supabase fixtures",
  fixtures: "supabase",
  provider,
  sign,
  mutations: {
    "send-email": { path: ["email_data", "token_hash"] },
    "send-sms": { path: ["sms", "otp"], set: 561166 },
    "customize-access-token": { path: ["claims", "is_anonymous"] },
    "mfa-verification": { path: ["valid"], set: "false" },
    "password-verification": { path: ["user_id"] },
    "before-user-created": { path: ["user", "email"], set: null },
    "after-user-created": { path: ["user", "identities"] },
  },
});

const USER = "supabase/auth internal/models/user.go";
const HOOKS = "supabase/auth internal/hooks/v0hooks/v0hooks.go";
allowedSuite({
  title: "supabase: what Supabase Auth's Go types let it send",
  fixtures: "supabase",
  provider: () => supabase({ secret: SECRET, hook: "send-email" }),
  sign,
  allowed: [
    { type: "send-email", path: ["metadata"], source: "supabase/auth before c6757494 (no metadata)" },
    { type: "send-email", path: ["metadata", "ip_address"], source: `${HOOKS} \`Metadata\` (omitempty)` },
    { type: "send-email", path: ["user", "app_metadata"], set: null, source: `${USER} (a nil map)` },
    { type: "send-email", path: ["user", "identities"], set: null, source: `${USER} (a nil slice)` },
    { type: "send-email", path: ["user", "email_confirmed_at"], source: `${USER} (omitempty)` },
    { type: "send-sms", path: ["user"], source: `${HOOKS} \`SendSMSInput\` (omitempty)` },
    { type: "send-sms", path: ["sms", "otp"], source: `${HOOKS} \`SMS\` (omitempty)` },
    { type: "customize-access-token", path: ["claims", "amr"], source: `${HOOKS} \`AccessTokenClaims\`` },
    {
      type: "customize-access-token",
      path: ["claims", "aud"],
      set: ["authenticated", "api"],
      source: "golang-jwt/jwt v5 `ClaimStrings`",
    },
    { type: "customize-access-token", path: ["claims", "user_metadata"], set: null, source: HOOKS },
  ],
});

describe("supabase", () => {
  it("accepts what standardwebhooks signs, and standardwebhooks verifies what the preset signs", async () => {
    const body = fixtureText("supabase", "send-email");
    const now = Math.floor(Date.now() / 1000);
    const signature = library(SECRET).sign(WEBHOOK_ID, new Date(now * 1000), body);
    const headers = {
      "webhook-id": WEBHOOK_ID,
      "webhook-timestamp": String(now),
      "webhook-signature": signature,
    };
    expect((await createVerifier({ scheme: provider().scheme }).verify({ headers, body })).keyIndex).toBe(0);
    const ours = await provider().scheme.sign({ body, id: WEBHOOK_ID, timestamp: now });
    expect(library(SECRET).verify(body, ours)).toEqual(JSON.parse(body));
    expect(() => library(OLD_SECRET).verify(body, ours)).toThrow();
  });

  it("accepts the signature list as hookshttp.go joins it, one per secret, with either secret configured", async () => {
    const body = fixtureText("supabase", "after-user-created");
    const mac = (secret: string) =>
      createHmac("sha256", Buffer.from(secret.slice("v1,whsec_".length), "base64"))
        .update(`${WEBHOOK_ID}.${NOW_S}.${body}`)
        .digest("base64");
    // hookshttp.go: `strings.Join(signatures, ", ")`, each `v1,<base64>`.
    const headers = {
      "webhook-id": WEBHOOK_ID,
      "webhook-timestamp": String(NOW_S),
      "webhook-signature": `v1,${mac(OLD_SECRET)}, v1,${mac(SECRET)}`,
    };
    for (const secret of [SECRET, OLD_SECRET, `${OLD_SECRET}|${SECRET}`]) {
      const hooks = createWebhooks({ provider: supabase({ secret }), now: clock });
      expect((await answer(hooks, post(headers, body))).status).toBe(200);
    }
  });

  it("refuses a v1a secret when created, which Supabase Auth cannot sign with", () => {
    expect(() => supabase({ secret: "v1a,whpk_Zm9yIHRoZSByb3RhdGlvbiB0ZXN0IG9ubHkgMDEyMzQ1Njc=" })).toThrow(
      /\[@hookproof\/core\] `secret`: Supabase Auth signs hooks only with `v1,whsec_…` secrets/,
    );
  });

  it("dedupes a retry by metadata.uuid, though each attempt has a new webhook-id", async () => {
    const body = fixtureText("supabase", "send-email");
    let sent = 0;
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("send-email", (event, context) => {
      expectTypeOf(event.email_data.token).toEqualTypeOf<string>();
      expect(context.id).toBe("0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f");
      sent++;
    });
    expect(await answer(hooks, post(await sign(body), body))).toEqual({ status: 200, body: { ok: true } });
    const retry = await provider().scheme.sign({
      body,
      id: "0d4c1b2a-9e8f-4a7b-8c6d-5e4f3a2b1c0d",
      timestamp: NOW_S + 2,
    });
    expect(await answer(hooks, post(retry, body))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    expect(sent).toBe(1);
  });

  it("routes a body without metadata by the configured hook", async () => {
    const fixture = JSON.parse(fixtureText("supabase", "before-user-created"));
    delete fixture.metadata;
    const body = JSON.stringify(fixture);
    const seen: unknown[] = [];
    const hooks = createWebhooks({
      provider: supabase({ secret: SECRET, hook: "before-user-created" }),
      now: clock,
    }).on("before-user-created", (event, context) => void seen.push([event.user.email, context.id]));
    expect((await answer(hooks, post(await sign(body), body))).status).toBe(200);
    expect(seen).toEqual([["ada@example.com", WEBHOOK_ID]]);
  });

  it("refuses a body that names another hook than its input's shape", async () => {
    const fixture = JSON.parse(fixtureText("supabase", "password-verification"));
    fixture.metadata.name = "mfa-verification";
    const body = JSON.stringify(fixture);
    const result = await answer(
      createWebhooks({ provider: provider(), now: clock }),
      post(await sign(body), body),
    );
    expect(result.status).toBe(400);
    expect(result.body.error?.message).toContain("`factor_id`");
  });

  it("refuses an attempt outside the 300 s window", async () => {
    const body = fixtureText("supabase", "mfa-verification");
    const headers = await provider().scheme.sign({ body, id: WEBHOOK_ID, timestamp: NOW_S - 301 });
    const result = await answer(createWebhooks({ provider: provider(), now: clock }), post(headers, body));
    expect(result.body.error?.code).toBe("timestamp_expired");
  });
});
