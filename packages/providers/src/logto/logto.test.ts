import { createHmac } from "node:crypto";
import { createWebhooks } from "@hookproof/core";
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
import { logto } from "./index.js";

// A key as Logto generates one: 32 characters of [0-9a-zA-Z] (packages/shared/src/utils/id.ts).
const SECRET = "k3v9q2x8m4n7p1r6t0y5w2z8a3b6c9d1";
const provider = () => logto({ secret: SECRET });
const sign = (body: string) => provider().scheme.sign({ body });
/** Logto's `sign.ts`: HMAC-SHA256 of the body with the signing key as text, lowercase hex. */
const logtoSign = (key: string, body: string) => createHmac("sha256", key).update(body).digest("hex");

fixtureSuite({
  title: "logto fixtures",
  fixtures: "logto",
  provider,
  sign,
  mutations: {
    PostRegister: { path: ["user", "isSuspended"] },
    PostSignIn: { path: ["hookId"] },
    PostResetPassword: { path: ["application", "id"], set: 5 },
    "User.Created": { path: ["data", "primaryEmail"] },
    "User.Data.Updated": { path: ["data", "customData"], set: null },
    "User.SuspensionStatus.Updated": { path: ["data", "isSuspended"], set: "true" },
    "User.Deleted": { path: ["data", "id"] },
    "Organization.Created": { path: ["data", "name"] },
    "Organization.Data.Updated": { path: ["data", "createdAt"], set: "2026-08-20T14:02:01Z" },
    "Organization.Deleted": { path: ["params", "id"], set: 3 },
    "Organization.Membership.Updated": { path: ["organizationId"] },
    "Role.Created": { path: ["data", "name"] },
    "Role.Data.Updated": { path: ["data", "isDefault"], set: "no" },
    "Role.Scopes.Updated": { path: ["createdAt"] },
    "Role.Deleted": { path: ["status"], set: "204" },
    "OrganizationRole.Created": { path: ["data", "description"] },
    "OrganizationRole.Data.Updated": { path: ["data", "id"], set: null },
    "OrganizationRole.Scopes.Updated": { path: ["method"], set: 1 },
    "OrganizationRole.Deleted": { path: ["hookId"], set: null },
  },
});

const HOOK = "logto-io/logto packages/schemas/src/types/hook.ts";
const USERS = "logto-io/logto packages/schemas/tables/users.sql";
const ORGS = "logto-io/logto packages/schemas/tables/organizations.sql";
allowedSuite({
  title: "logto: what Logto's own types and tables allow",
  fixtures: "logto",
  provider,
  sign,
  allowed: [
    { type: "PostSignIn", path: ["user"], source: `${HOOK} \`InteractionHookEventPayload\`` },
    { type: "PostSignIn", path: ["application"], source: HOOK },
    { type: "User.Created", path: ["ip"], source: HOOK },
    { type: "User.Created", path: ["path"], source: `${HOOK} (interaction-triggered data hooks)` },
    { type: "User.Created", path: ["data", "username"], set: null, source: USERS },
    { type: "User.Created", path: ["data", "lastSignInAt"], set: 1787234611000, source: USERS },
    { type: "User.Data.Updated", path: ["data", "updatedAt"], source: "Logto before 2024-01" },
    { type: "User.Data.Updated", path: ["data", "profile"], source: "Logto before 2023-10" },
    { type: "Organization.Created", path: ["data", "isTrustedDeviceAllowed"], source: "Logto before 2025" },
    { type: "Organization.Created", path: ["data", "customCss"], source: "Logto before 2025" },
    { type: "Organization.Created", path: ["data", "description"], set: null, source: ORGS },
    {
      type: "Organization.Membership.Updated",
      path: ["addedUserIds"],
      source: "context-manager.ts (omitted when empty)",
    },
    {
      type: "Role.Created",
      path: ["data", "isDefault"],
      source: "logto-io/logto packages/schemas/tables/roles.sql (older)",
    },
    { type: "User.Deleted", path: ["data"], source: HOOK },
  ],
});

// A vector computed as Logto computes it (packages/core/src/utils/sign.ts), with the key above.
const VECTOR_BODY =
  '{"event":"User.Created","createdAt":"2026-11-30T00:53:20.000Z","hookId":"hk_9x2m4n7p1r","data":{"id":"u1a2b3c4d5e6","username":null,"primaryEmail":"a@example.com","primaryPhone":null,"name":null,"avatar":null,"customData":{},"identities":{},"lastSignInAt":null,"createdAt":1796000000000,"updatedAt":1796000000000,"profile":{},"applicationId":null,"isSuspended":false},"ip":"203.0.113.7","userAgent":"curl/8","path":"/users","method":"POST","status":200,"params":{},"matchedRoute":"/users"}';
const VECTOR_SIGNATURE = "fa2654dee19ddd60d9403a709b683b55b2db33eef75675c9e2306b831283ca94";

describe("logto", () => {
  it("accepts the vector as Logto signs it, and signs exactly as Logto's sign.ts does", async () => {
    expect(logtoSign(SECRET, VECTOR_BODY)).toBe(VECTOR_SIGNATURE);
    expect(await provider().scheme.sign({ body: VECTOR_BODY })).toEqual({
      "logto-signature-sha-256": VECTOR_SIGNATURE,
    });
    const seen: unknown[] = [];
    const hooks = createWebhooks({ provider: provider(), now: () => Date.parse("2026-11-30T00:53:21Z") }).on(
      "User.Created",
      (event) => {
        expectTypeOf(event.data.primaryEmail).toEqualTypeOf<string | null>();
        expectTypeOf(event.event).toEqualTypeOf<"User.Created">();
        seen.push(event.data.id);
      },
    );
    const headers = { "logto-signature-sha-256": VECTOR_SIGNATURE };
    expect(await answer(hooks, post(headers, VECTOR_BODY))).toEqual({ status: 200, body: { ok: true } });
    expect(seen).toEqual(["u1a2b3c4d5e6"]);
  });

  it("refuses a request without the signature, as an unsigned Logto hook sends it", async () => {
    const body = fixtureText("logto", "User.Created");
    const result = await answer(createWebhooks({ provider: provider(), now: clock }), post({}, body));
    expect(result.status).toBe(400);
    expect(result.body.error?.code).toBe("missing_header");
  });

  it("dedupes the same body by its SHA-256, and refuses one created over an hour ago", async () => {
    const body = fixtureText("logto", "Organization.Membership.Updated");
    let runs = 0;
    const hooks = createWebhooks({ provider: provider(), now: clock }).on(
      "Organization.Membership.Updated",
      (event) => {
        expectTypeOf(event.addedUserIds).toEqualTypeOf<string[] | undefined>();
        runs++;
      },
    );
    const headers = await sign(body);
    expect((await answer(hooks, post(headers, body))).status).toBe(200);
    expect(
      (await answer(hooks, post({ ...headers, "user-agent": "Logto (https://logto.io/)" }, body))).body,
    ).toEqual({
      ok: true,
      duplicate: true,
    });
    const old = JSON.stringify({
      ...JSON.parse(body),
      createdAt: new Date((NOW_S - 3601) * 1000).toISOString(),
    });
    const stale = await answer(hooks, post(await sign(old), old));
    expect(stale.body.error?.code).toBe("timestamp_expired");
    expect(runs).toBe(1);
  });

  it("reads the deleted organization's id from params", async () => {
    const body = fixtureText("logto", "Organization.Deleted");
    const seen: unknown[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("Organization.Deleted", (event) => {
      seen.push(event.params?.id);
    });
    expect((await answer(hooks, post(await sign(body), body))).status).toBe(200);
    expect(seen).toEqual(["o8x7v6u5t4s3r2q1"]);
  });
});
