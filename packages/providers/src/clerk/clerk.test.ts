import { createWebhooks } from "@hookproof/core";
import { Webhook } from "svix";
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
import { clerk } from "./index.js";

const SECRET = "whsec_pZ8cVbN3mKq1wErT5yUiOp7aSdFgHjKl";
const provider = () => clerk({ secret: SECRET });
const sign = (body: string) =>
  provider().scheme.sign({ body, id: "msg_31FqYc2Nd9oLe3WcO6uJ8xRqA0f", timestamp: NOW_S });

fixtureSuite({
  title: "clerk fixtures",
  fixtures: "clerk",
  provider,
  sign,
  mutations: {
    "user.created": { path: ["data", "email_addresses", 0, "email_address"] },
    "user.updated": { path: ["data", "created_at"], set: "2026-08-20" },
    "user.deleted": { path: ["data", "deleted"] },
    "session.created": { path: ["data", "user_id"] },
    "session.ended": { path: ["data", "expire_at"], set: null },
    "session.removed": { path: ["data", "client_id"] },
    "session.revoked": { path: ["data", "status"], set: 3 },
    "organization.created": { path: ["data", "slug"] },
    "organization.updated": { path: ["data", "name"], set: null },
    "organization.deleted": { path: ["instance_id"], set: 5 },
    "organizationMembership.created": { path: ["data", "public_user_data", "user_id"] },
    "organizationMembership.updated": { path: ["data", "organization", "id"] },
    "organizationMembership.deleted": { path: ["data", "role"], set: null },
    "email.created": { path: ["data", "delivered_by_clerk"] },
    "sms.created": { path: ["data", "to_phone_number"] },
    "organizationDomain.created": { path: ["data", "verification", "attempts"], set: "0" },
    "organizationDomain.updated": { path: ["data", "total_pending_invitations"] },
    "organizationDomain.deleted": { path: ["data", "deleted"], set: "true" },
    "organizationInvitation.created": { path: ["data", "expires_at"] },
    "organizationInvitation.revoked": { path: ["data", "public_organization_data", "has_image"] },
    "organizationInvitation.accepted": { path: ["data", "status"], set: "pending" },
    "role.created": { path: ["data", "permissions", 0, "key"] },
    "role.updated": { path: ["data", "is_creator_eligible"] },
    "role.deleted": { path: ["data", "description"] },
    "permission.created": { path: ["data", "key"] },
    "permission.updated": { path: ["data", "description"], set: null },
    "permission.deleted": { path: ["data", "object"], set: "role" },
    "waitlistEntry.created": { path: ["data", "is_locked"] },
    "waitlistEntry.updated": { path: ["data", "invitation", "status"] },
    "paymentAttempt.created": { path: ["data", "payer", "email"], set: 42 },
    "paymentAttempt.updated": { path: ["data", "totals", "grand_total", "amount"], set: "20.00" },
    "subscription.created": { path: ["data", "items", 0, "plan_period"] },
    "subscription.updated": { path: ["data", "latest_payment_id"], set: null },
    "subscription.active": { path: ["data", "payer_id"] },
    "subscription.pastDue": { path: ["data", "past_due_at"], set: null },
    "subscriptionItem.created": { path: ["data", "credit"] },
    "subscriptionItem.updated": { path: ["data", "amount", "currency"] },
    "subscriptionItem.active": { path: ["data", "plan", "slug"] },
    "subscriptionItem.canceled": { path: ["data", "canceled_at"], set: "2026-08-20" },
    "subscriptionItem.upcoming": { path: ["data", "period_end"] },
    "subscriptionItem.ended": { path: ["data", "next_payment_date"] },
    "subscriptionItem.abandoned": { path: ["data", "proration_date"], set: 1787234665000 },
    "subscriptionItem.incomplete": { path: ["data", "payer", "image_url"] },
    "subscriptionItem.pastDue": { path: ["data", "status"], set: null },
    "subscriptionItem.freeTrialEnding": { path: ["data", "lifetime_paid"] },
  },
});

const JSON_TS = "clerk/javascript packages/backend/src/api/resources/JSON.ts";
const WEBHOOKS_TS = "clerk/javascript packages/backend/src/api/resources/Webhooks.ts";

allowedSuite({
  title: "clerk: what Clerk's own types allow",
  fixtures: "clerk",
  provider,
  sign,
  allowed: [
    { type: "user.deleted", path: ["data", "id"], source: `${JSON_TS} (DeletedObjectJSON \`id?\`)` },
    { type: "organization.deleted", path: ["data", "id"], source: JSON_TS },
    { type: "organizationDomain.deleted", path: ["data", "id"], source: JSON_TS },
    { type: "user.created", path: ["timestamp"], source: `${WEBHOOKS_TS} (\`Webhook\` has no timestamp)` },
    {
      type: "user.created",
      path: ["instance_id"],
      source: `${WEBHOOKS_TS} (\`Webhook\` has no instance_id)`,
    },
    { type: "session.ended", path: ["timestamp"], source: WEBHOOKS_TS },
    { type: "subscriptionItem.active", path: ["instance_id"], source: WEBHOOKS_TS },
    {
      type: "organizationInvitation.created",
      path: ["data", "object"],
      set: "invitation",
      source: `${JSON_TS} (\`OrganizationInvitationJSON.object\` is any \`ObjectType\`)`,
    },
  ],
});

// Clerk's own docs example (clerk-docs `webhooks/overview.mdx`): an older shape, without
// `event_attributes` and with the legacy `birthday`, `gender` and `profile_image_url`.
const DOCS_EXAMPLE =
  '{"data":{"birthday":"","created_at":1654012591514,"email_addresses":[{"email_address":"example@example.org","id":"idn_29w83yL7CwVlJXylYLxcslromF1","linked_to":[],"object":"email_address","verification":{"status":"verified","strategy":"ticket"}}],"external_accounts":[],"external_id":"567772","first_name":"Example","gender":"","id":"user_29w83sxmDNGwOuEthce5gg56FcC","image_url":"https://img.clerk.com/xxxxxx","last_name":"Example","last_sign_in_at":1654012591514,"object":"user","password_enabled":true,"phone_numbers":[],"primary_email_address_id":"idn_29w83yL7CwVlJXylYLxcslromF1","primary_phone_number_id":null,"primary_web3_wallet_id":null,"private_metadata":{},"profile_image_url":"https://www.gravatar.com/avatar?d=mp","public_metadata":{},"two_factor_enabled":false,"unsafe_metadata":{},"updated_at":1654012591835,"username":null,"web3_wallets":[]},"instance_id":"ins_123","object":"event","timestamp":1654012591835,"type":"user.created"}';

describe("clerk", () => {
  it("accepts a request signed by the svix library and keeps timestamp and instance_id", async () => {
    const body = fixtureText("clerk", "user.created");
    const id = "msg_31FqYc2Nd9oLe3WcO6uJ8xRqA0f";
    const signature = new Webhook(SECRET).sign(id, new Date(NOW_S * 1000), body);
    const seen: unknown[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("user.created", (event) => {
      expectTypeOf(event.timestamp).toEqualTypeOf<number | undefined>();
      expectTypeOf(event.data.first_name).toEqualTypeOf<string | null>();
      seen.push([event.timestamp, event.instance_id, event.data.primary_email_address_id]);
    });
    const headers = { "svix-id": id, "svix-timestamp": String(NOW_S), "svix-signature": signature };
    expect(await answer(hooks, post(headers, body))).toEqual({ status: 200, body: { ok: true } });
    expect(seen).toEqual([
      [1787234380548, "ins_2lXy6P0aBcDeFgHiJkLmNoPqRsT", "idn_2pQz8PdJ1vKc0sWq3rTy5uXn7Hb"],
    ]);
  });

  it("accepts Clerk's docs example, which has no event_attributes", async () => {
    const seen: unknown[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("user.created", (event) => {
      seen.push([event.event_attributes, (event.data as unknown as { gender: string }).gender]);
    });
    expect(await answer(hooks, post(await sign(DOCS_EXAMPLE), DOCS_EXAMPLE))).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(seen).toEqual([[undefined, ""]]);
  });

  it("accepts what Clerk's other sources send where its webhook types are stricter", async () => {
    const attempt = JSON.parse(fixtureText("clerk", "paymentAttempt.created"));
    attempt.data.payer = { ...attempt.data.payer, user_id: null, email: null };
    attempt.data.paid_at = null;
    const role = JSON.parse(fixtureText("clerk", "role.created"));
    delete role.data.permissions;
    const seen: unknown[] = [];
    // One signed id for both bodies: dedupe off so the second is not taken for a redelivery.
    const hooks = createWebhooks({ provider: provider(), now: clock, dedupe: false })
      .on("paymentAttempt.created", (event) => void seen.push(event.data.payer.email))
      .on("role.created", (event) => void seen.push(event.data.permissions));
    for (const body of [JSON.stringify(attempt), JSON.stringify(role)]) {
      expect((await answer(hooks, post(await sign(body), body))).status).toBe(200);
    }
    expect(seen).toEqual([null, undefined]);
  });

  it("types user.deleted as the deleted-object stub", async () => {
    const body = fixtureText("clerk", "user.deleted");
    const seen: unknown[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("user.deleted", (event) => {
      expectTypeOf(event.data.deleted).toEqualTypeOf<boolean>();
      // @ts-expect-error: a deleted user carries no email addresses
      void event.data.email_addresses;
      seen.push(event.data);
    });
    expect((await answer(hooks, post(await sign(body), body))).status).toBe(200);
    expect(seen).toEqual([{ deleted: true, id: "user_2pQz8N3kLmX7vR4tY6wB1cD9eFg", object: "user" }]);
  });
});
