import { createWebhooks, headerToken, type StandardSchemaV1, standardWebhooks } from "@hookproof/core";
import { ferriskey, githubHmac, stripeHmac } from "@hookproof/providers";
import { describe, expect, it } from "vitest";
import { PROVIDERS, SIGNATURE_HEADER, typeHeaders } from "../test/providers.js";
import { deliver } from "./deliver.js";
import { fixture, type ProviderKey } from "./fixtures.js";
import { signDelivery, signDuplicate, signHeaders, signRequest, toRequest } from "./sign-request.js";
import { replaceLastWord, withWrongSecret } from "./variants.js";

/**
 * One event per provider with a shared secret, dated now. The public-key senders (Discord's Ed25519,
 * SendGrid's ECDSA, SNS's certificates) and the JWTs of Netlify and Kinde have their wrong-key, tampered and
 * replay cases in their own folders (packages/providers/src/{discord,sendgrid,sns,netlify,kinde}/*.test.ts).
 * Twilio, whose body is a form, has its own block below. Mailgun signs inside the body, with no header to drop
 * and an unsigned `event-data` a tampered body may change: its cases are in mailgun.test.ts.
 */
const EVENT: Record<
  Exclude<ProviderKey, "netlify" | "discord" | "sendgrid" | "sns" | "kinde" | "twilio" | "mailgun">,
  () => unknown
> = {
  auth0: () => fixture("auth0", "ss"),
  clerk: () => fixture("clerk", "user.created"),
  ferriskey: () => fixture("ferriskey", "user.created"),
  fusionAuth: () => fixture("fusionAuth", "user.create"),
  generic: () => fixture("generic", "user.created"),
  github: () => fixture("github", "push"),
  logto: () => fixture("logto", "User.Created"),
  meta: () => fixture("meta", "whatsapp.messages"),
  okta: () => fixture("okta", "user.lifecycle.create"),
  propelAuth: () => fixture("propelAuth", "user.created"),
  shopify: () => fixture("shopify", "orders/create"),
  slack: () => fixture("slack", "app_mention"),
  square: () => fixture("square", "payment.created"),
  stackAuth: () => fixture("stackAuth", "user.created"),
  stripe: () => fixture("stripe", "invoice.paid"),
  stytch: () => fixture("stytch", "direct.member.create"),
  supabase: () => fixture("supabase", "send-email"),
  tesseral: () => fixture("tesseral", "sync.user"),
  userfront: () => fixture("userfront", "user.create"),
  zitadel: () => fixture("zitadel", "user.human.added"),
  resend: () => fixture("resend", "email.delivered"),
  paddle: () => fixture("paddle", "transaction.completed"),
  polar: () => fixture("polar", "order.paid"),
  postmark: () => fixture("postmark", "Delivery"),
  openai: () => fixture("openai", "response.completed"),
  replicate: () => fixture("replicate", "prediction.succeeded"),
  razorpay: () => fixture("razorpay", "payment.captured"),
  lemonSqueezy: () => fixture("lemonSqueezy", "order_created"),
  vercel: () => fixture("vercel", "deployment.succeeded"),
  sentry: () => fixture("sentry", "issue.created"),
  gitlab: () => fixture("gitlab", "push"),
  typeform: () => fixture("typeform", "form_response"),
  hubspot: () => fixture("hubspot", "contact.creation"),
  intercom: () => fixture("intercom", "contact.user.created"),
  bitbucket: () => fixture("bitbucket", "repo:push"),
  calendly: () => fixture("calendly", "invitee.created"),
  zoom: () => fixture("zoom", "meeting.started"),
  twitch: () => fixture("twitch", "stream.online"),
  linear: () => fixture("linear", "Issue.create"),
  workos: () => fixture("workos", "dsync.user.created"),
};

const TOKEN_PROVIDERS = new Set(["auth0", "gitlab", "okta", "postmark", "userfront"]);
const TIMESTAMPED = new Set([
  "calendly",
  "clerk",
  "ferriskey",
  "hubspot",
  "openai",
  "paddle",
  "polar",
  "propelAuth",
  "replicate",
  "resend",
  "slack",
  "stackAuth",
  "stripe",
  "stytch",
  "supabase",
  "tesseral",
  "twitch",
  "workos",
  "zitadel",
  "zoom",
]);
// GitHub and Shopify name the event in a header, which its router routes by.
const HEADERS: Partial<Record<ProviderKey, Record<string, string>>> = {
  github: typeHeaders("github", "push"),
  shopify: typeHeaders("shopify", "orders/create"),
  sentry: typeHeaders("sentry", "issue.created"),
  bitbucket: typeHeaders("bitbucket", "repo:push"),
};

describe.each(Object.keys(EVENT) as (keyof typeof EVENT)[])("%s negative variants", (key) => {
  const setup = () => {
    const provider = PROVIDERS[key]!();
    let handled = 0;
    const hooks = createWebhooks({ provider }).onAny(() => {
      handled++;
    });
    return { provider, hooks, handled: () => handled, payload: EVENT[key](), headers: HEADERS[key] ?? {} };
  };
  const authCode = TOKEN_PROVIDERS.has(key) ? "invalid_token" : "invalid_signature";

  it(`wrongSecret is rejected with ${authCode}`, async () => {
    const { provider, hooks, handled, payload } = setup();
    const result = await deliver(hooks.handle, signRequest(provider, payload, { variant: "wrongSecret" }));
    expect(result).toMatchObject({ status: 401, body: { error: { code: authCode } } });
    expect(handled()).toBe(0);
  });

  it("missingHeader drops the signature header, rejected with missing_header", async () => {
    const { provider, hooks, payload } = setup();
    const request = await signRequest(provider, payload, { variant: "missingHeader" });
    expect(request.headers.has(SIGNATURE_HEADER[key]!)).toBe(false);
    const result = await deliver(hooks.handle, request);
    expect(result).toMatchObject({ status: 400, body: { error: { code: "missing_header" } } });
    expect(JSON.stringify(result.body)).toContain(SIGNATURE_HEADER[key]);
  });

  it("duplicate: the same delivery twice is handled once, the second acknowledged as a duplicate", async () => {
    const { provider, hooks, handled, payload, headers } = setup();
    const [first, second] = await signDuplicate(provider, payload, { headers });
    expect(await deliver(hooks.handle, first)).toMatchObject({ status: 200, body: { ok: true } });
    expect(await deliver(hooks.handle, second)).toMatchObject({ status: 200, body: { duplicate: true } });
    expect(handled()).toBe(1);
  });

  if (TOKEN_PROVIDERS.has(key)) {
    it("tampered is accepted: a bearer token covers no body (documented limit of the provider)", async () => {
      const { provider, hooks, payload } = setup();
      const result = await deliver(hooks.handle, signRequest(provider, payload, { variant: "tampered" }));
      expect(result.status).toBe(200);
    });
  } else {
    it("tampered is rejected with invalid_signature", async () => {
      const { provider, hooks, handled, payload } = setup();
      const request = await signRequest(provider, payload, { variant: "tampered" });
      const body = JSON.parse(await request.clone().text());
      expect(body).toEqual({ ...(payload as object), tampered: true });
      const result = await deliver(hooks.handle, request);
      expect(result).toMatchObject({ status: 401, body: { error: { code: "invalid_signature" } } });
      expect(handled()).toBe(0);
    });
  }

  if (TIMESTAMPED.has(key)) {
    it.each([
      ["expired", "timestamp_expired"],
      ["future", "timestamp_in_future"],
    ] as const)("%s is rejected with %s", async (variant, code) => {
      const { provider, hooks, handled, payload } = setup();
      const result = await deliver(hooks.handle, signRequest(provider, payload, { variant }));
      expect(result).toMatchObject({ status: 401, body: { error: { code } } });
      expect(handled()).toBe(0);
    });
  } else {
    it("expired and future cannot be made: the scheme signs no timestamp", async () => {
      const { provider, payload } = setup();
      await expect(signRequest(provider, payload, { variant: "expired" })).rejects.toThrow(
        /signs no timestamp/,
      );
      await expect(signRequest(provider, payload, { variant: "future" })).rejects.toThrow(TypeError);
    });
  }
});

describe("twilio negative variants (a form body, signed with the URL)", () => {
  const setup = () => {
    const provider = PROVIDERS.twilio!();
    let handled = 0;
    const hooks = createWebhooks({ provider }).onAny(() => {
      handled++;
    });
    return { provider, hooks, handled: () => handled, payload: fixture("twilio", "message.received") };
  };

  it("signs the fixture as the form Twilio posts, at the URL it is sent to", async () => {
    const { provider, hooks, handled, payload } = setup();
    const url = "https://hooks.example.com/twilio/sms?tenant=7";
    const delivery = await signDelivery(provider, payload, { url });
    expect(delivery.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(delivery.body as string))).toEqual(payload);
    expect(await deliver(hooks.handle, signRequest(provider, payload, { url }))).toMatchObject({
      status: 200,
    });
    // Sent to another URL than the one signed: refused.
    const moved = toRequest({ ...delivery, url: "https://hooks.example.com/twilio/voice" });
    expect(await deliver(hooks.handle, moved)).toMatchObject({
      status: 401,
      body: { error: { code: "invalid_signature" } },
    });
    expect(handled()).toBe(1);
  });

  it.each([
    ["wrongSecret", 401, "invalid_signature"],
    ["tampered", 401, "invalid_signature"],
    ["missingHeader", 400, "missing_header"],
  ] as const)("%s is rejected with %s", async (variant, status, code) => {
    const { provider, hooks, handled, payload } = setup();
    const request = await signRequest(provider, payload, { variant });
    expect(request.headers.has("x-twilio-signature")).toBe(variant !== "missingHeader");
    const result = await deliver(hooks.handle, request);
    expect(result).toMatchObject({ status, body: { error: { code } } });
    expect(handled()).toBe(0);
  });

  it("duplicate is handled once; expired cannot be made (Twilio signs no time)", async () => {
    const { provider, hooks, handled, payload } = setup();
    const [first, second] = await signDuplicate(provider, payload);
    expect(await deliver(hooks.handle, first)).toMatchObject({ status: 200, body: { ok: true } });
    expect(await deliver(hooks.handle, second)).toMatchObject({ status: 200, body: { duplicate: true } });
    expect(handled()).toBe(1);
    await expect(signRequest(provider, payload, { variant: "expired" })).rejects.toThrow(
      /signs no timestamp/,
    );
  });
});

describe("variants on schemes", () => {
  const anything: StandardSchemaV1 = {
    "~standard": { version: 1, vendor: "test", validate: (value) => ({ value }) },
  };
  const events = { "ping.sent": anything };
  const payload = { type: "ping.sent", id: "evt_1" };

  it.each([
    ["standardWebhooks", () => standardWebhooks({ secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" })],
    ["stripeHmac", () => stripeHmac({ secret: "whsec_stripe_4kQ9mV2xR7pL1sZ8" })],
    ["githubHmac", () => githubHmac({ secret: "gh-secret-7Qm2vX9pL4sT" })],
    ["headerToken", () => headerToken({ header: "x-token", token: "t0ken-Vx81kQz0pR7m" })],
  ] as const)("%s: valid accepted, wrongSecret and missingHeader rejected", async (_, make) => {
    // githubHmac and headerToken sign no time: the dedupe store is their only replay bound, said explicitly.
    const hooks = createWebhooks({ scheme: make(), events, replayBound: "retention" });
    expect((await deliver(hooks.handle, signRequest(make(), payload))).status).toBe(200);
    const wrong = await deliver(hooks.handle, signRequest(make(), payload, { variant: "wrongSecret" }));
    expect(wrong.status).toBe(401);
    const missing = await deliver(hooks.handle, signRequest(make(), payload, { variant: "missingHeader" }));
    expect(missing).toMatchObject({ status: 400, body: { error: { code: "missing_header" } } });
  });

  it("missingHeader drops a named header", async () => {
    const provider = PROVIDERS.stackAuth!();
    const hooks = createWebhooks({ provider });
    const request = await signRequest(provider, fixture("stack-auth", "user.created"), {
      variant: "missingHeader",
      missingHeader: "svix-timestamp",
    });
    expect(request.headers.has("svix-signature")).toBe(true);
    const result = await deliver(hooks.handle, request);
    expect(result.body).toMatchObject({ error: { code: "missing_header" } });
    expect(JSON.stringify(result.body)).toContain("svix-timestamp");
  });

  it("FerrisKey's legacy token header: wrongSecret is invalid_token, missingHeader drops it", async () => {
    const provider = ferriskey({ token: { header: "x-hook-key", token: "legacy-key-Hc47mWe2tY" } });
    const hooks = createWebhooks({ provider });
    const payload = fixture("ferriskey", "user.created");
    expect((await deliver(hooks.handle, signRequest(provider, payload))).status).toBe(200);
    const wrong = await deliver(hooks.handle, signRequest(provider, payload, { variant: "wrongSecret" }));
    expect(wrong.body).toMatchObject({ error: { code: "invalid_token" } });
    const missing = await signRequest(provider, payload, { variant: "missingHeader" });
    expect(missing.headers.has("x-hook-key")).toBe(false);
  });
});

describe("signDelivery and signHeaders", () => {
  it("sends the exact compact JSON, or a string or bytes as given", async () => {
    const provider = PROVIDERS.stackAuth!();
    const payload = fixture("stack-auth", "user.created");
    expect((await signDelivery(provider, payload)).body).toBe(JSON.stringify(payload));
    const pretty = JSON.stringify(payload, null, 2);
    expect((await signDelivery(provider, pretty)).body).toBe(pretty);
    const bytes = new TextEncoder().encode(pretty);
    const request = await signRequest(provider, bytes);
    expect(await request.text()).toBe(pretty);
    const hooks = createWebhooks({ provider });
    expect((await deliver(hooks.handle, signRequest(provider, pretty))).status).toBe(200);
  });

  it("uses the given id, timestamp, url, method and extra headers", async () => {
    const provider = PROVIDERS.stackAuth!();
    const request = await signRequest(
      provider,
      { type: "stack.test" },
      {
        id: "msg_fixed",
        timestamp: 1_700_000_000,
        url: "https://receiver.example/hooks",
        method: "PUT",
        headers: { "User-Agent": "Svix-Webhooks/1.0" },
      },
    );
    expect(request.url).toBe("https://receiver.example/hooks");
    expect(request.method).toBe("PUT");
    expect(request.headers.get("svix-id")).toBe("msg_fixed");
    expect(request.headers.get("svix-timestamp")).toBe("1700000000");
    expect(request.headers.get("user-agent")).toBe("Svix-Webhooks/1.0");
  });

  it("signHeaders: content-type and the provider's signed headers", async () => {
    const headers = await signHeaders(PROVIDERS.ferriskey!(), fixture("ferriskey", "auth.reset_password"));
    expect(Object.keys(headers).sort()).toEqual([
      "content-type",
      "x-ferriskey-delivery-id",
      "x-ferriskey-signature",
      "x-ferriskey-timestamp",
    ]);
    expect(headers["x-ferriskey-signature"]).toMatch(/^[0-9a-f]{64}$/);
  });

  it("sends the body a scheme signs inside (SNS), whose signed fields cannot change", async () => {
    const provider = PROVIDERS.sns!();
    const hooks = createWebhooks({ provider }).onAny(() => undefined);
    const signed = await signDelivery(provider, fixture("sns", "Notification"));
    const sent = JSON.parse(String(signed.body));
    expect(sent.Signature).toMatch(/^[A-Za-z0-9+/]{300,}={0,2}$/);
    expect((await hooks.process(signed)).status).toBe(200);
    const altered = { ...signed, body: JSON.stringify({ ...sent, Message: `${sent.Message} ` }) };
    expect(await hooks.process(altered)).toMatchObject({ status: 401 });
  });

  it("refuses a target that cannot sign", async () => {
    await expect(signRequest({} as never, {})).rejects.toThrow(TypeError);
  });
});

describe("withWrongSecret on long tokens", () => {
  const upper = (word: string) => word.toUpperCase();

  it("replaceLastWord does what `replace(/\\S+$/, …)` did", () => {
    for (const value of ["", "abc", "Bearer abc", "Bearer abc ", "a\tb", "a\u00a0b", "a b\n", " x", "  "]) {
      expect(replaceLastWord(value, upper), JSON.stringify(value)).toBe(value.replace(/\S+$/, upper));
    }
  });

  it("replaces a 200,000-character token followed by another word in linear time", async () => {
    const long = "a".repeat(200_000);
    // A token with a space in it: `/\S+$/` backtracked over `long` from each of its 200,000 positions.
    const scheme = headerToken({ header: "x-hook-token", token: `${long} v2` });
    const signed = { "x-hook-token": `${long} v2` };
    const headers = await withWrongSecret(scheme, signed, { body: "{}", id: "evt_1", timestamp: 0 });
    const value = headers["x-hook-token"] as string;
    expect(value.length).toBe(long.length + 1 + 16);
    expect(value.startsWith(`${long} `)).toBe(true);
    expect(value.slice(long.length + 1)).toMatch(/^[a-z0-9]{16}$/);
    expect(replaceLastWord(`${long} `, upper)).toBe(`${long} `);
    expect(replaceLastWord(`Bearer ${long}`, upper)).toBe(`Bearer ${long.toUpperCase()}`);
  });
});
