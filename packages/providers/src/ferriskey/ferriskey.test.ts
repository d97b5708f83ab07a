import { createHash, createHmac } from "node:crypto";
import { createWebhooks } from "@hookproof/core";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  answer,
  clock,
  fixtureSuite,
  fixtureText,
  type Mutation,
  NOW_S,
  post,
} from "../../test/test-support.js";
import { type FerrisKeyEvents, type FerrisKeyRole, type FerrisKeyUser, ferriskey } from "./index.js";

// PROVIDERS.md §4: FerrisKey's key is the secret's text, not its hex decoding.
const VECTOR = {
  secret: "c38438574a5bd28986b74cfff7ea59b1a2e933ae9c97579db03c881e534ca069",
  timestamp: 1787234531,
  signature: "d6386b84fde285a9ffa95db43377182d68d3cb885e0c4645ef444143142c0c91",
  hexDecodedKeySignature: "b7f8a9ba1ce624f943d0c1693c3b2d643b944f164f5b8c4484d737a4ba345912",
};
const DELIVERY = "0198c7f1-2a3b-7c4d-8e5f-6a7b8c9d0e1f";
// What an admin typed into a v0.7.2 webhook's custom headers.
const TOKEN = { header: "authorization", token: "Bearer fk_hook_5c1e2d9a7b3f4e60" };

const signed = () => ferriskey({ secret: VECTOR.secret });
const legacy = () => ferriskey({ token: TOKEN });
const migrating = () => ferriskey({ secret: VECTOR.secret, token: TOKEN });
const signHeaders = (body: string, timestamp = NOW_S) =>
  signed().scheme.sign({ body, id: DELIVERY, timestamp });

const mutations: { [Type in keyof FerrisKeyEvents]: Mutation } = {
  "user.created": { path: ["data", "username"] },
  "user.email_verified": { path: ["data", "email_verified"], set: "true" },
  "user.updated": { path: ["data", "enabled"], set: "yes" },
  "user.deleted": { path: ["data", "realm_id"] },
  "user.role.assigned": { path: ["data", "permissions"], set: "manage_users" },
  "user.role.unassigned": { path: ["resource_id"] },
  "user.bulk_deleted": { path: ["data", 0], set: 17 },
  "user.credentials.deleted": { path: ["timestamp"] },
  "auth.reset_password": { path: ["data"], set: {} },
  "auth.device_flow.initiated": { path: ["data", "device_code"] },
  "auth.device_flow.denied": { path: ["data", "user_id"], set: 0 },
  "auth.device_flow.expired": { path: ["data", "session_id"] },
  "client.created": { path: ["data", "client_id"] },
  "client.updated": { path: ["data", "redirect_uris", 0, "enabled"], set: "no" },
  "client.deleted": { path: ["data"], set: 1234 },
  "client.role.created": { path: ["resource_id"] },
  "client.role.updated": { path: ["timestamp"], set: 1787234531 },
  "redirect_uri.created": { path: ["data", "value"] },
  "redirect_uri.updated": { path: ["data", "client_id"], set: null },
  "redirect_uri.deleted": { path: ["data"], set: null },
  "web_origin.created": { path: ["data", "value"] },
  "web_origin.deleted": { path: ["data"], set: ["0198c7b0-4d5e-7f60-b172-8c9d0e1f2a34"] },
  "role.created": { path: ["data", "realm_id"] },
  "role.updated": { path: ["data", "client"], set: "acme-web" },
  "role.permission.updated": { path: ["data", "permissions", 2], set: 9 },
  "role.deleted": { path: ["data", "name"] },
  "realm.created": { path: ["data", "settings"] },
  "realm.updated": { path: ["data", "settings", "access_token_lifetime"], set: "300" },
  "realm.deleted": { path: ["resource_id"], set: null },
  "realm.settings.updated": { path: ["data", "email_verification_enabled"] },
  "webhook.created": { path: ["data", "endpoint"] },
  "webhook.updated": { path: ["data", "subscribers", 0, "name"], set: 3 },
  "webhook.deleted": { path: ["data", "triggered_at"], set: false },
  "client.maintenance.enabled": { path: ["data", "maintenance_enabled"] },
  "client.maintenance.disabled": { path: ["data", "maintenance_session_strategy"], set: null },
};

fixtureSuite({
  title: "ferriskey fixtures, signed (main)",
  fixtures: "ferriskey",
  provider: signed,
  sign: (body) => signHeaders(body),
  mutations,
});
fixtureSuite({
  title: "ferriskey fixtures, token (≤ v0.7.2)",
  fixtures: "ferriskey",
  provider: legacy,
  sign: () => ({ [TOKEN.header]: TOKEN.token }),
  mutations,
});

/** A v0.7.2 body: no fields added on main, and the secrets main redacts. */
function releasedBody(type: keyof FerrisKeyEvents, change: (data: Record<string, unknown>) => void): string {
  const body = JSON.parse(fixtureText("ferriskey", type));
  change(body.data);
  return JSON.stringify(body);
}

describe("ferriskey, signed", () => {
  it("matches PROVIDERS.md's vector, keyed by the secret's text", async () => {
    const body = fixtureText("ferriskey", "auth.reset_password");
    expect(body).toBe(
      '{"event":"auth.reset_password","timestamp":"2026-08-20T14:02:11.482913027+00:00","resource_id":"01a01f7a-b6a0-7c3d-a2e1-f0e9d8c7b6a5","data":null}',
    );
    const headers = await signed().scheme.sign({ body, id: DELIVERY, timestamp: VECTOR.timestamp });
    expect(headers).toEqual({
      "x-ferriskey-signature": VECTOR.signature,
      "x-ferriskey-timestamp": String(VECTOR.timestamp),
      "x-ferriskey-delivery-id": DELIVERY,
    });
    expect(createHmac("sha256", VECTOR.secret).update(`${VECTOR.timestamp}.${body}`).digest("hex")).toBe(
      VECTOR.signature,
    );
    const hooks = createWebhooks({ provider: signed(), now: () => VECTOR.timestamp * 1000 });
    expect((await answer(hooks, post(headers, body))).status).toBe(200);
    const hexKeyed = { ...headers, "x-ferriskey-signature": VECTOR.hexDecodedKeySignature };
    const refused = await answer(hooks, post(hexKeyed, body));
    expect([refused.status, refused.body.error?.code]).toEqual([401, "invalid_signature"]);
  });

  it("dedupes retries by the signed body's SHA-256, although each retry is re-signed", async () => {
    const body = fixtureText("ferriskey", "user.created");
    const ids: string[] = [];
    const hooks = createWebhooks({ provider: signed(), now: clock }).on("user.created", (event, context) => {
      expectTypeOf(event.data.email).toEqualTypeOf<string | null>();
      ids.push(context.id);
    });
    expect((await answer(hooks, post(await signHeaders(body, NOW_S - 2), body))).status).toBe(200);
    expect(await answer(hooks, post(await signHeaders(body, NOW_S), body))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    expect(ids).toEqual([`sha256:${createHash("sha256").update(body).digest("hex")}`]);
  });

  it("handles a replay with a new x-ferriskey-delivery-id as the duplicate it is", async () => {
    const body = fixtureText("ferriskey", "user.created");
    const handled: string[] = [];
    const hooks = createWebhooks({ provider: signed(), now: clock }).on("user.created", (_event, context) => {
      handled.push(context.id);
    });
    const genuine = await signHeaders(body);
    expect((await answer(hooks, post(genuine, body))).status).toBe(200);
    // The delivery id is signed by nothing: a captured request replayed within the window can carry any.
    const replayed = { ...genuine, "x-ferriskey-delivery-id": "0198c7f1-ffff-7c4d-8e5f-6a7b8c9d0e1f" };
    expect(await answer(hooks, post(replayed, body))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    expect(handled).toHaveLength(1);
  });

  it("refuses a timestamp older than 300 s, and an unsigned request when only a secret is set", async () => {
    const body = fixtureText("ferriskey", "realm.updated");
    const hooks = createWebhooks({ provider: signed(), now: clock });
    const stale = await answer(hooks, post(await signHeaders(body, NOW_S - 301), body));
    expect([stale.status, stale.body.error?.code]).toEqual([401, "timestamp_expired"]);
    const unsigned = await answer(hooks, post({ [TOKEN.header]: TOKEN.token }, body));
    expect([unsigned.status, unsigned.body.error?.code]).toEqual([400, "missing_header"]);
    expect(unsigned.body.error?.message).toContain("x-ferriskey-signature");
  });

  it("routes user.updated carrying a Role (from unassign_role), and checks it as a Role", async () => {
    const role = JSON.parse(fixtureText("ferriskey", "role.created")).data as FerrisKeyRole;
    const body = JSON.stringify({ ...JSON.parse(fixtureText("ferriskey", "user.updated")), data: role });
    const seen: unknown[] = [];
    const hooks = createWebhooks({ provider: signed(), now: clock }).on("user.updated", (event) => {
      expectTypeOf(event.data).toEqualTypeOf<FerrisKeyUser | FerrisKeyRole>();
      seen.push("username" in event.data ? event.data.username : event.data.permissions);
    });
    expect((await answer(hooks, post(await signHeaders(body), body))).status).toBe(200);
    expect(seen).toEqual([role.permissions]);
    const broken = JSON.stringify({ ...JSON.parse(body), data: { ...role, permissions: "view_users" } });
    const refused = await answer(hooks, post(await signHeaders(broken), broken));
    expect(refused.body.error?.message).toContain("`data.permissions`");
  });
});

describe("ferriskey, token (releases up to v0.7.2)", () => {
  const headers = { [TOKEN.header]: TOKEN.token };

  it("accepts v0.7.2 bodies: no main-only fields, webhook headers and client secret in clear", async () => {
    const bodies = {
      "user.created": releasedBody("user.created", (user) => {
        delete user.failed_login_attempts;
        delete user.locked_until;
        const realm = user.realm as Record<string, Record<string, unknown>>;
        delete realm.display_name;
        for (const key of [
          "login_aliases",
          "require_mfa",
          "lockout_threshold",
          "lockout_duration_seconds",
          "seawatch_pii_mode",
        ]) {
          delete realm.settings?.[key];
        }
      }),
      "client.created": releasedBody("client.created", (client) => {
        client.secret = "Jm4qN8vR2xT6yB0cW5eZ9uK3";
        delete client.require_pkce;
      }),
      "webhook.created": releasedBody("webhook.created", (webhook) => {
        webhook.headers = { Authorization: "Bearer sink-token" };
      }),
      "role.created": releasedBody("role.created", (role) => void delete role.require_mfa),
    } as const;
    const seen: unknown[] = [];
    const hooks = createWebhooks({ provider: legacy(), now: clock })
      .on("user.created", (event) => void seen.push(event.data.failed_login_attempts))
      .on("client.created", (event) => void seen.push(event.data.secret))
      .on("webhook.created", (event) => void seen.push(event.data.headers))
      .on("role.created", (event) => void seen.push(event.data.require_mfa));
    for (const body of Object.values(bodies)) {
      expect(await answer(hooks, post(headers, body))).toEqual({ status: 200, body: { ok: true } });
    }
    expect(seen).toEqual([
      undefined,
      "Jm4qN8vR2xT6yB0cW5eZ9uK3",
      { Authorization: "Bearer sink-token" },
      undefined,
    ]);
  });

  it("dedupes by the body's SHA-256 (no delivery id), and refuses another token", async () => {
    const body = fixtureText("ferriskey", "client.deleted");
    const ids: string[] = [];
    const hooks = createWebhooks({ provider: legacy(), now: clock }).on(
      "client.deleted",
      (event, context) => {
        expectTypeOf(event.data).toEqualTypeOf<string>();
        ids.push(context.id);
      },
    );
    expect((await answer(hooks, post(headers, body))).status).toBe(200);
    expect((await answer(hooks, post(headers, body))).body).toEqual({ ok: true, duplicate: true });
    expect(ids).toEqual([`sha256:${createHash("sha256").update(body).digest("hex")}`]);
    const wrong = await answer(hooks, post({ [TOKEN.header]: "Bearer fk_hook_0000000000000000" }, body));
    expect([wrong.status, wrong.body.error?.code]).toEqual([401, "invalid_token"]);
  });
});

describe("ferriskey, secret and token while migrating", () => {
  it("checks the signature when there is one, and the token otherwise", async () => {
    const body = fixtureText("ferriskey", "role.deleted");
    const ids: string[] = [];
    const hash = `sha256:${createHash("sha256").update(body).digest("hex")}`;
    // Without dedupe a token request has no replay protection at all, which the router must be told.
    const hooks = createWebhooks({
      provider: migrating(),
      now: clock,
      dedupe: false,
      replayBound: "none",
    }).on("role.deleted", (_event, context) => {
      ids.push(context.id);
    });
    const both = { ...(await signHeaders(body)), ...{ [TOKEN.header]: TOKEN.token } };
    expect((await answer(hooks, post(both, body))).status).toBe(200);
    expect((await answer(hooks, post({ [TOKEN.header]: TOKEN.token }, body))).status).toBe(200);
    // Both ways the event is the same one, deduped by its signed body.
    expect(ids).toEqual([hash, hash]);
  });

  it("does not fall back to the token when a signature is present but wrong", async () => {
    const body = fixtureText("ferriskey", "role.deleted");
    const forged = {
      ...(await signHeaders(body)),
      "x-ferriskey-signature": "0".repeat(64),
      [TOKEN.header]: TOKEN.token,
    };
    const result = await answer(createWebhooks({ provider: migrating(), now: clock }), post(forged, body));
    expect([result.status, result.body.error?.code]).toEqual([401, "invalid_signature"]);
  });

  it("signs in the signed form", async () => {
    const body = fixtureText("ferriskey", "role.deleted");
    expect(await migrating().scheme.sign({ body, id: DELIVERY, timestamp: NOW_S })).toEqual(
      await signHeaders(body),
    );
  });
});

describe("ferriskey options", () => {
  it("needs a secret or a token, and refuses a reserved header name", () => {
    expect(() => ferriskey({})).toThrow(TypeError);
    expect(() => ferriskey({})).toThrow(/^\[@hookproof\/core\] ferriskey\(\) needs `secret`/);
    expect(() => ferriskey({ token: { header: "X-FerrisKey-Signature", token: "t" } })).toThrow(
      /^\[@hookproof\/core\] `token.header` cannot be/,
    );
  });
});
