import type { StandardSchemaV1, WebhookProvider } from "@hookproof/core";
import {
  auth0,
  bitbucket,
  calendly,
  clerk,
  discord,
  ferriskey,
  generic,
  github,
  gitlab,
  hubspot,
  intercom,
  lemonSqueezy,
  linear,
  logto,
  mailgun,
  meta,
  okta,
  openai,
  paddle,
  polar,
  postmark,
  propelAuth,
  razorpay,
  replicate,
  resend,
  sendgrid,
  sentry,
  shopify,
  slack,
  sns,
  square,
  stackAuth,
  stripe,
  stytch,
  supabase,
  tesseral,
  twilio,
  twitch,
  typeform,
  userfront,
  vercel,
  workos,
  zitadel,
  zoom,
} from "@hookproof/providers";
import { fusionAuth } from "@hookproof/providers/fusion-auth";
import { kinde } from "@hookproof/providers/kinde";
import { netlify } from "@hookproof/providers/netlify";
import { describe, expect, it } from "vitest";
import { AUTH, CARD, everything, SECRET, tokenRouter } from "../../core/test/leaks.js";
import { fixtureText, fixtureTypes } from "./test-support.js";

const WHSEC = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/** Each provider, and the headers besides the token that route an event of `type` (GitHub's event header). */
const PROVIDERS: readonly [string, () => WebhookProvider, (type: string) => Record<string, string>][] = [
  ["stack-auth", () => stackAuth({ secret: WHSEC }), () => AUTH],
  ["clerk", () => clerk({ secret: WHSEC }), () => AUTH],
  ["tesseral", () => tesseral({ secret: WHSEC }), () => AUTH],
  ["propel-auth", () => propelAuth({ secret: WHSEC }), () => AUTH],
  ["okta", () => okta({ token: "Basic YWRtaW46c3VwZXJzZWNyZXQ=" }), () => AUTH],
  ["auth0", () => auth0({ token: "Bearer a0-log-stream-7f3a9c2e51b84d06" }), () => AUTH],
  ["zitadel", () => zitadel({ secret: "Xq7tR2vN9pL4sK8mW3zY6bH1cF5dJ0gA" }), () => AUTH],
  ["logto", () => logto({ secret: "k3v9q2x8m4n7p1r6t0y5w2z8a3b6c9d1" }), () => AUTH],
  ["stytch", () => stytch({ secret: WHSEC }), () => AUTH],
  ["supabase", () => supabase({ secret: WHSEC }), () => AUTH],
  [
    "ferriskey",
    () => ferriskey({ secret: "c38438574a5bd28986b74cfff7ea59b1a2e933ae9c97579db03c881e534ca069" }),
    () => AUTH,
  ],
  ["fusion-auth", () => fusionAuth({ secret: "fusionauth-hmac-key-0123456789abcdef" }), () => AUTH],
  ["userfront", () => userfront({ token: "example3c5cc4491eb422d48c8f78c2f" }), () => AUTH],
  ["generic", () => generic({ secret: "whsk-generic-7f3a9c2e51b84d06" }), () => AUTH],
  [
    "github",
    () => github({ secret: "gh-secret-7Qm2vX9pL4sT" }),
    (type) => ({ ...AUTH, "x-github-event": type.split(".")[0] ?? type }),
  ],
  ["stripe", () => stripe({ secret: "whsec_stripe_4kQ9mV2xR7pL1sZ8" }), () => AUTH],
  [
    "discord",
    () => discord({ publicKey: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a" }),
    () => AUTH,
  ],
  [
    "sendgrid",
    () =>
      sendgrid({
        publicKey:
          "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEA6/M8KyeEBjDIMRRsAum4DxCMhHOlet+rpdWr6Ba/VBUwV9GCPUoKnO5wyD4MYC9rrtccpIP/JSf+sUjd+bBrQ==",
      }),
    () => AUTH,
  ],
  [
    "netlify",
    () => netlify({ secret: "jws-secret-example-0123456789abcdef" }),
    (type) => ({ ...AUTH, "x-netlify-event": type }),
  ],
  [
    "shopify",
    () => shopify({ secret: "shpss_0123456789abcdef0123456789abcdef" }),
    (topic) => ({ ...AUTH, "x-shopify-topic": topic }),
  ],
  ["resend", () => resend({ secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }), () => AUTH],
  [
    "paddle",
    () => paddle({ secret: "pdl_ntfset_01k3ct9x8w7v6t5s4r3q2p1n0m_Qm9vZ0hvb2tQcm9vZkZpeHR1cmVTZWNyZXQx" }),
    () => AUTH,
  ],
  ["polar", () => polar({ secret: "whsec_ovyN6cPrTv56AApvzCaJno08SSmGJmgbWilb33N2JuK" }), () => AUTH],
  ["openai", () => openai({ secret: "whsec_RdvaYFYUXuIFuEbvZHwMfYFhUf7aMYjYcmM24+Aj40c=" }), () => AUTH],
  ["replicate", () => replicate({ secret: "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD" }), () => AUTH],
  ["razorpay", () => razorpay({ secret: "rzp_whsec_test_0123456789" }), () => AUTH],
  ["lemon-squeezy", () => lemonSqueezy({ secret: "ls_secret_0123456789" }), () => AUTH],
  ["vercel", () => vercel({ secret: "vercel_webhook_secret_0123456789" }), () => AUTH],
  [
    "sentry",
    () => sentry({ secret: "sentry_client_secret_0123456789abcdef" }),
    (type) => ({ ...AUTH, "sentry-hook-resource": type.split(".")[0] ?? type }),
  ],
  ["gitlab", () => gitlab({ token: "glwt-7f3a9c2e51b84d06a1c2" }), () => AUTH],
  ["mailgun", () => mailgun({ secret: "4b1a5c2e9d7f3a6b8c0e1d2f3a4b5c6d-6f3a2b1c-8e9d7c6b" }), () => AUTH],
  ["postmark", () => postmark({ username: "postmark", password: "pm-webhook-Qx7tR2vN9pL4sK8m" }), () => AUTH],
  ["twilio", () => twilio({ secret: "9f3c2b1a0e8d7c6b5a4f3e2d1c0b9a8f" }), () => AUTH],
  ["typeform", () => typeform({ secret: "tf_secret_0123456789abcdef" }), () => AUTH],
  ["hubspot", () => hubspot({ secret: "c0ffee00-1234-4abc-9def-0123456789ab" }), () => AUTH],
  ["intercom", () => intercom({ secret: "ic_client_secret_0123456789abcdef" }), () => AUTH],
  ["kinde", () => kinde({ domain: "https://acme.kinde.com" }), () => AUTH],
  [
    "bitbucket",
    () => bitbucket({ secret: "bb-webhook-secret-0123456789abcdef" }),
    (type) => ({ ...AUTH, "x-event-key": type }),
  ],
  ["calendly", () => calendly({ secret: "calendly_signing_key_0123456789abcdef" }), () => AUTH],
  [
    "meta",
    () => meta({ secret: "0123456789abcdef0123456789abcdef", verifyToken: "meatyhamhock" }),
    () => AUTH,
  ],
  ["slack", () => slack({ secret: "e3b9c1f0a7d24c5b8e6f1a2b3c4d5e6f" }), () => AUTH],
  ["square", () => square({ secret: "q9V2xK7mB3nR8tY1wZ4aEw" }), () => AUTH],
  ["sns", () => sns({ topicArn: "arn:aws:sns:us-west-2:123456789012:MyTopic" }), () => AUTH],
  ["zoom", () => zoom({ secret: "uTj4W2kRq9sXb7nLc3vPzA" }), () => AUTH],
  ["twitch", () => twitch({ secret: "s3cre7-hookproof-twitch" }), () => AUTH],
  ["linear", () => linear({ secret: "lin_wh_0123456789abcdefghijklmnopqrstuvwxyzABCD" }), () => AUTH],
  ["workos", () => workos({ secret: "Zt8Qv3mXk1pL7wR2nY5cH0aJ9eB4sD6f" }), () => AUTH],
];

/** Every path in `value` below its root, each with the value there. */
function* nodes(value: unknown, path: (string | number)[] = []): Generator<[(string | number)[], unknown]> {
  if (path.length > 0) yield [path, value];
  if (typeof value !== "object" || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    yield* nodes(child, [...path, Array.isArray(value) ? Number(key) : key]);
  }
}

/** `body` with the value at `path` replaced. */
function replaced(body: unknown, path: (string | number)[], value: unknown): string {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path.at(-1) as string | number] = value;
  return JSON.stringify(copy);
}

describe("no received value appears in an invalid_payload answer", () => {
  it.each(PROVIDERS)(
    "%s: a secret-looking value in any field of any event is refused without being echoed",
    async (name, provider, headers) => {
      const rejected: unknown[] = [];
      const hooks = tokenRouter(provider(), rejected);
      const catalogue = provider().events as Record<string, StandardSchemaV1>;
      let refused = 0;
      for (const type of fixtureTypes(name)) {
        const before = refused;
        const fixture = JSON.parse(fixtureText(name, type));
        for (const [path, value] of nodes(fixture)) {
          // A string where a number, boolean or object belongs, and a number where a string does; a string
          // also breaks literals and closed enums (`object: "user"`, `mode`).
          const values = typeof value === "string" ? [CARD, SECRET, [SECRET]] : [SECRET];
          for (const bad of values) {
            const body = replaced(fixture, path, bad);
            const answer = await hooks.process({ headers: headers(type), body });
            if (answer.status === 200) continue;
            refused++;
            expect(answer.status, `${type} ${path.join(".")}`).toBe(400);
            expect(answer.body).not.toContain(SECRET);
            expect(answer.body).not.toContain(String(CARD));
            // The catalogue's own issues, for whoever runs its schemas directly, hold no value either.
            const own = JSON.stringify(await catalogue[type]?.["~standard"].validate(JSON.parse(body)));
            expect(own).not.toContain(SECRET);
            expect(own).not.toContain(String(CARD));
          }
        }
        expect(refused, `no change to ${type} was refused`).toBeGreaterThan(before);
      }
      expect(rejected).toHaveLength(refused);
      for (const error of rejected) {
        expect(everything(error)).not.toContain(SECRET);
        expect(everything(error)).not.toContain(String(CARD));
      }
    },
    60_000, // every field of every fixture, three ways: a cap for a loaded CI machine, not a speed claim
  );
});
