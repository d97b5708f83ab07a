import { createWebhooks } from "@hookproof/core";
import { Resend } from "resend";
import { Webhook } from "svix";
import { describe, expect, it } from "vitest";
import { standardWebhooksCrossCheck } from "../../test/cross-check.js";
import {
  allowedSuite,
  answer,
  clock,
  fixtureSuite,
  fixtureText,
  NOW_S,
  post,
} from "../../test/test-support.js";
import { resend } from "./index.js";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const provider = () => resend({ secret: SECRET });
const TYPES = "resend 6.38.0 dist/index.d.mts";

/** What Resend (through Svix) sends with a body. */
const delivery = (body: string, id = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", timestamp = NOW_S - 20) =>
  provider().scheme.sign({ body, id, timestamp });

fixtureSuite({
  title: "resend fixtures (Resend's docs examples)",
  fixtures: "resend",
  provider,
  sign: (body) => delivery(body),
  mutations: {
    "email.sent": { path: ["data", "email_id"] },
    "email.delivered": { path: ["data", "to"], set: "delivered@resend.dev" },
    "email.bounced": { path: ["data", "bounce", "type"] },
    "contact.created": { path: ["data", "unsubscribed"], set: "false" },
    "domain.updated": { path: ["created_at"] },
  },
});

allowedSuite({
  title: "resend: never stricter than the SDK's types",
  fixtures: "resend",
  provider,
  sign: (body) => delivery(body),
  allowed: [
    { type: "email.sent", path: ["data", "broadcast_id"], source: `${TYPES} \`BaseEmailEventData\`` },
    { type: "email.delivered", path: ["data", "tags"], source: `${TYPES} \`BaseEmailEventData\`` },
    {
      type: "contact.created",
      path: ["data", "first_name"],
      set: null,
      source: `${TYPES} \`ContactEventData\``,
    },
  ],
});

describe("resend", () => {
  it("dedupes by the signed `svix-id`: a retry is a duplicate, another message with the same body is not", async () => {
    const body = fixtureText("resend", "email.delivered");
    const ids: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny((_, context) => {
      ids.push(context.id);
    });
    const ok = { status: 200, body: { ok: true } };
    expect(await answer(hooks, post(await delivery(body, "msg_a"), body))).toEqual(ok);
    expect(await answer(hooks, post(await delivery(body, "msg_a", NOW_S - 10), body))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    expect(await answer(hooks, post(await delivery(body, "msg_b"), body))).toEqual(ok);
    expect(ids).toEqual(["msg_a", "msg_b"]);
  });

  it("refuses a delivery signed more than 300 s ago: the signed timestamp bounds replays", async () => {
    const body = fixtureText("resend", "email.sent");
    const hooks = createWebhooks({ provider: provider(), now: clock });
    const result = await answer(hooks, post(await delivery(body, "msg_old", NOW_S - 301), body));
    expect(result.status).toBe(401);
    expect(result.body.error?.code).toBe("timestamp_expired");
    expect(provider().replayBound).toBeUndefined();
  });
});

const client = new Resend("re_123456789");

standardWebhooksCrossCheck({
  scheme: () => provider().scheme,
  wrong: () => resend({ secret: "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD" }).scheme,
  family: "svix",
  signer: {
    name: "svix 1.99.1",
    sign: (id, timestamp, body) => new Webhook(SECRET).sign(id, new Date(timestamp * 1000), body),
  },
  verifier: {
    name: "resend 6.38.0 webhooks.verify",
    verify(body, headers) {
      try {
        client.webhooks.verify({
          payload: body,
          headers: {
            id: headers["svix-id"] ?? "",
            timestamp: headers["svix-timestamp"] ?? "",
            signature: headers["svix-signature"] ?? "",
          },
          webhookSecret: SECRET,
        });
        return true;
      } catch {
        return false;
      }
    },
  },
});
