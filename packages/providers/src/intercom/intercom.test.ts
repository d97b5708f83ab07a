import { createHmac } from "node:crypto";
import { createWebhooks, readHeaders } from "@hookproof/core";
import { describe, expect, it } from "vitest";
import { outcome, utf8 } from "../../test/bodies.js";
import { crossCheck, documentedHmac } from "../../test/cross-check.js";
import { answer, clock, fixtureSuite, fixtureText, post } from "../../test/test-support.js";
import { intercom } from "./index.js";

const SECRET = "ic_client_secret_0123456789abcdef";
const provider = () => intercom({ secret: SECRET });
const delivery = (body: string) => provider().scheme.sign({ body });

fixtureSuite({
  title: "intercom fixtures (Intercom's webhook models)",
  fixtures: "intercom",
  provider,
  sign: delivery,
  mutations: {
    ping: { path: ["data", "item", "type"] },
    "contact.user.created": { path: ["id"] },
    "conversation.user.created": { path: ["created_at"], set: "1787234321" },
    "conversation.admin.replied": { path: ["app_id"] },
  },
});

describe("intercom", () => {
  it("dedupes a retry by `id`, though its per-attempt fields make it another body", async () => {
    const first = fixtureText("intercom", "contact.user.created");
    const retry = JSON.stringify({ ...JSON.parse(first), delivery_attempts: 2, delivered_at: 1787234362 });
    const ids: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny((_, context) => {
      ids.push(context.id);
    });
    expect(await answer(hooks, post(await delivery(first), first))).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(await answer(hooks, post(await delivery(retry), retry))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    expect(ids).toEqual(["notif_78c122d0-23ba-11e4-9464-79b01267cc2e"]);
    expect(provider().replayBound).toBe("retention");
  });

  it("verifies the research vector, an HMAC-SHA1, and refuses a `sha256=` value", async () => {
    const body =
      '{"type":"notification_event","app_id":"a86dr8yl","data":{"type":"notification_event_data","item":{"type":"contact","id":"530370b477ad7120001d"}},"links":{},"id":"notif_78c122d0-23ba-11e4-9464-79b01267cc2e","topic":"contact.user.created","delivery_status":"pending","delivery_attempts":1,"delivered_at":0,"first_sent_at":1764480000,"created_at":1764480000,"self":null}';
    const verify = (value: string) =>
      outcome(() =>
        provider().scheme.verify({ header: readHeaders({ "x-hub-signature": value }), body: utf8(body) }),
      );
    expect(await verify("sha1=d462f3ee6b641bf08cf70f9214874de9a75393c1")).toBe("ok");
    expect(await verify(`sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`)).toBe(
      "malformed_header",
    );
  });
});

crossCheck({
  scheme: () => provider().scheme,
  wrong: () => intercom({ secret: "ic_client_secret_fedcba9876543210" }).scheme,
  header: "x-hub-signature",
  // No SDK signs or verifies: "Signed notifications" is `sha1=` + the hex HMAC-SHA1 of the body.
  sdk: documentedHmac("Intercom's documented signature", {
    secret: SECRET,
    algorithm: "sha1",
    encoding: "hex",
    prefix: "sha1=",
  }),
});
