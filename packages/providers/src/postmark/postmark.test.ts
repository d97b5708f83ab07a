import { createWebhooks, readHeaders } from "@hookproof/core";
import { describe, expect, it } from "vitest";
import { outcome, utf8 } from "../../test/bodies.js";
import { answer, clock, fixtureSuite, fixtureText, post } from "../../test/test-support.js";
import { postmark as postmarkProvider } from "./index.js";

const USERNAME = "postmark";
const PASSWORD = "pm-webhook-Qx7tR2vN9pL4sK8mW3zY6bH1";
const provider = () => postmarkProvider({ username: USERNAME, password: PASSWORD });

/** What Postmark sends with `HttpAuth` set (or a `https://user:pass@…` URL): RFC 7617 Basic credentials. */
const basic = (username = USERNAME, password = PASSWORD) => ({
  authorization: `Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}`,
});

fixtureSuite({
  title: "postmark fixtures",
  fixtures: "postmark",
  provider,
  sign: () => basic(),
  mutations: {
    Delivery: { path: ["DeliveredAt"] },
    Bounce: { path: ["Email"] },
    SpamComplaint: { path: ["TypeCode"], set: "512" },
    Open: { path: ["FirstOpen"] },
    Click: { path: ["OriginalLink"] },
    SubscriptionChange: { path: ["SuppressSending"], set: "true" },
    Inbound: { path: ["Subject"] },
  },
});

describe("postmark", () => {
  it("routes by `RecordType`, an inbound email (which has none) as `Inbound`", () => {
    const type = (name: string) =>
      provider().eventType(JSON.parse(fixtureText("postmark", name)), readHeaders({}));
    expect(type("Bounce")).toBe("Bounce");
    expect(type("Inbound")).toBe("Inbound");
    expect(provider().eventType({ Hello: "world" }, readHeaders({}))).toBeUndefined();
  });

  it("dedupes Postmark's retry by the body's SHA-256, not by the email's shared MessageID", async () => {
    const seen: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny((_, context) => {
      seen.push(context.type);
    });
    const delivery = fixtureText("postmark", "Delivery");
    const open = fixtureText("postmark", "Open");
    expect((await answer(hooks, post(basic(), delivery))).body).toEqual({ ok: true });
    expect((await answer(hooks, post(basic(), delivery))).body).toEqual({ ok: true, duplicate: true });
    // The same MessageID, another event: handled.
    expect((await answer(hooks, post(basic(), open))).body).toEqual({ ok: true });
    expect(seen).toEqual(["Delivery", "Open"]);
  });

  it("refuses wrong or missing credentials, naming the header and never the values", async () => {
    const body = fixtureText("postmark", "Bounce");
    const hooks = createWebhooks({ provider: provider(), now: clock });
    const wrong = await answer(hooks, post(basic(USERNAME, "pm-webhook-0000000000000000000000"), body));
    expect(wrong.status).toBe(401);
    expect(wrong.body.error?.code).toBe("invalid_token");
    expect(JSON.stringify(wrong.body)).not.toContain(PASSWORD);
    expect((await answer(hooks, post(basic("other", PASSWORD), body))).body.error?.code).toBe(
      "invalid_token",
    );
    const missing = await answer(hooks, post({}, body));
    expect(missing.status).toBe(400);
    expect(missing.body.error?.code).toBe("missing_header");
    expect((await answer(hooks, post({ authorization: `Bearer ${PASSWORD}` }, body))).body.error?.code).toBe(
      "malformed_header",
    );
  });

  it("accepts either pair while rotating, and a password holding colons", async () => {
    const next = { username: "postmark-2026", password: "pm:next:Qx7tR2vN9pL4sK8mW3zY6bH1" };
    const scheme = postmarkProvider({
      credentials: [{ username: USERNAME, password: PASSWORD }, next],
    }).scheme;
    const request = (headers: Record<string, string>) => ({ header: readHeaders(headers), body: utf8("{}") });
    expect(await scheme.verify(request(basic(next.username, next.password)))).toEqual({ keyIndex: 1 });
    expect(await scheme.verify(request(basic()))).toEqual({ keyIndex: 0 });
    expect(await outcome(() => scheme.verify(request(basic(next.username, PASSWORD))))).toBe("invalid_token");
  });

  it("reads RFC 7617's example credentials, and signs them as Postmark sends them", async () => {
    // RFC 7617 §2: user "Aladdin", password "open sesame".
    const scheme = postmarkProvider({
      username: "Aladdin",
      password: "open sesame",
      allowShortSecret: true,
    }).scheme;
    const header = { authorization: "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==" };
    expect(await outcome(() => scheme.verify({ header: readHeaders(header), body: utf8("{}") }))).toBe("ok");
    expect(await scheme.sign({ body: "{}" })).toEqual(header);
  });

  it("needs no replayBound option: the preset declares that only the retention bounds replays", () => {
    expect(provider().replayBound).toBe("retention");
    expect(() => createWebhooks({ provider: provider() })).not.toThrow();
  });
});
