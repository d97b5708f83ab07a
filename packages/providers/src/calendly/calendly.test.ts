import { createHmac } from "node:crypto";
import { createWebhooks, readHeaders } from "@hookproof/core";
import { describe, expect, it } from "vitest";
import { outcome, TEXT_BODIES, utf8 } from "../../test/bodies.js";
import {
  allowedSuite,
  answer,
  clock,
  fixtureSuite,
  fixtureText,
  NOW_S,
  post,
} from "../../test/test-support.js";
import { calendly } from "./index.js";

const SECRET = "calendly_signing_key_0123456789abcdef";
const provider = () => calendly({ secret: SECRET });

/** Calendly's documented signature: `t=<unix s>,v1=` + hex HMAC-SHA256 of `${t}.${body}`. */
const calendlySign = (body: string, t: number, key = SECRET) =>
  `t=${t},v1=${createHmac("sha256", key).update(`${t}.${body}`).digest("hex")}`;

const delivery = (body: string, t = NOW_S - 20) => provider().scheme.sign({ body, timestamp: t });

fixtureSuite({
  title: "calendly fixtures (Calendly's invitee payload)",
  fixtures: "calendly",
  provider,
  sign: (body) => delivery(body),
  mutations: {
    "invitee.created": { path: ["payload", "uri"] },
    "invitee.canceled": { path: ["created_at"], set: "yesterday" },
  },
});

allowedSuite({
  title: "calendly: never stricter than its docs",
  fixtures: "calendly",
  provider,
  sign: (body) => delivery(body),
  allowed: [
    {
      type: "invitee.created",
      path: ["payload", "timezone"],
      set: null,
      source: "Invitee Payload (`timezone` nullable)",
    },
  ],
});

describe("calendly", () => {
  it("dedupes a retry, re-stamped with a new `t`, by the signed event, invitee and time", async () => {
    const body = fixtureText("calendly", "invitee.created");
    const ids: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny((_, context) => {
      ids.push(context.id);
    });
    expect(await answer(hooks, post(await delivery(body, NOW_S - 60), body))).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(await answer(hooks, post(await delivery(body, NOW_S - 5), body))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    const canceled = fixtureText("calendly", "invitee.canceled");
    expect(await answer(hooks, post(await delivery(canceled), canceled))).toEqual({
      status: 200,
      body: { ok: true },
    });
    const uri = "https://api.calendly.com/scheduled_events/GBGBDCAADAEDCRZ2/invitees/AAAAAAAAAAAAAAAA";
    expect(ids).toEqual([
      `invitee.created ${uri} 2026-08-20T13:58:21.000000Z`,
      `invitee.canceled ${uri} 2026-08-20T14:01:11.000000Z`,
    ]);
  });

  it("refuses a `t` older than 300 s", async () => {
    const body = fixtureText("calendly", "invitee.created");
    const result = await answer(
      createWebhooks({ provider: provider(), now: clock }),
      post(await delivery(body, NOW_S - 301), body),
    );
    expect(result.body.error?.code).toBe("timestamp_expired");
  });

  it("verifies the research vector", async () => {
    const body =
      '{"created_at":"2026-11-30T05:20:00.000000Z","created_by":"https://api.calendly.com/users/AAAAAAAAAAAAAAAA","event":"invitee.created","payload":{"uri":"https://api.calendly.com/scheduled_events/GBGBDCAADAEDCRZ2/invitees/AAAAAAAAAAAAAAAA","status":"active"}}';
    const value = "t=1764480000,v1=cb7cfc8bc0cc599fa0fea3beae7c2097cd1bddba17edbe8e67843cc77c99710a";
    expect(
      await provider().scheme.verify({
        header: readHeaders({ "calendly-webhook-signature": value }),
        body: utf8(body),
      }),
    ).toMatchObject({ timestamp: 1764480000, keyIndex: 0 });
  });
});

describe("Calendly's documented signature ↔ hookproof (no SDK is published)", () => {
  it.each(TEXT_BODIES.map((b) => [b.name, b.text] as const))("%s, both ways", async (_, body) => {
    const t = NOW_S;
    const request = (value: string) => ({
      header: readHeaders({ "calendly-webhook-signature": value }),
      body: utf8(body),
    });
    expect(await outcome(() => provider().scheme.verify(request(calendlySign(body, t))))).toBe("ok");
    expect(
      await outcome(() =>
        provider().scheme.verify(request(calendlySign(body, t, "another_signing_key_fedcba987654"))),
      ),
    ).toBe("invalid_signature");
    expect((await delivery(body, t))["calendly-webhook-signature"]).toBe(calendlySign(body, t));
  });
});
