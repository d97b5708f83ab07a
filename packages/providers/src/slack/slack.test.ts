import { createHmac } from "node:crypto";
import { createWebhooks, readHeaders } from "@hookproof/core";
// The verifier module alone: bolt's root entry also loads socket-mode, whose undici 8 needs Node 22.
import { verifySlackRequest } from "@slack/bolt/dist/receivers/verify-request.js";
import { describe, expect, it } from "vitest";
import { INVALID_UTF8, outcome, rejection, utf8 } from "../../test/bodies.js";
import { answer, clock, fixtureSuite, fixtureText, NOW_S, post } from "../../test/test-support.js";
import { slackHmac, slack as slackProvider } from "./index.js";

const SECRET = "e3b9c1f0a7d24c5b8e6f1a2b3c4d5e6f";
const provider = () => slackProvider({ secret: SECRET });

/** What Slack sends with a body: `v0=` + hex HMAC-SHA256 of `v0:{ts}:{body}`, as its docs specify. */
const signed = (body: string, ts = NOW_S, secret = SECRET) => ({
  "x-slack-request-timestamp": String(ts),
  "x-slack-signature": `v0=${createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex")}`,
  "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
});

/** bolt's own check of a request, at `ts`. */
const boltAccepts = (headers: Record<string, string>, body: string, ts = NOW_S) => {
  try {
    verifySlackRequest({
      signingSecret: SECRET,
      body,
      nowMilliseconds: ts * 1000,
      headers: {
        "x-slack-signature": headers["x-slack-signature"] ?? "",
        "x-slack-request-timestamp": Number(headers["x-slack-request-timestamp"]),
      },
    });
    return true;
  } catch {
    return false;
  }
};

fixtureSuite({
  title: "slack fixtures",
  fixtures: "slack",
  provider,
  sign: (body) => signed(body),
  mutations: {
    app_mention: { path: ["event", "channel"] },
    reaction_added: { path: ["event", "item", "ts"], set: 1787234580 },
    member_joined_channel: { path: ["event", "user"] },
    app_uninstalled: { path: ["event_id"] },
    tokens_revoked: { path: ["event", "tokens", "bot"], set: "U0789IJKL01" },
  },
});

const FORM = { "content-type": "application/x-www-form-urlencoded" };
const decode = (body: string, headers: Record<string, string>) =>
  provider().decode?.(utf8(body), { header: readHeaders(headers) });

describe("slack", () => {
  it("routes by `event.type`, dedupes Slack's retries by the signed `event_id`, and dates by `event_time`", async () => {
    const body = fixtureText("slack", "app_mention");
    const seen: [string, string, string][] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("app_mention", (event, context) => {
      seen.push([context.type, context.id, event.event.text]);
    });
    expect(await answer(hooks, post(signed(body), body))).toEqual({ status: 200, body: { ok: true } });
    // A retry: signed anew a minute later, with Slack's unsigned retry headers.
    const retry = {
      ...signed(body, NOW_S + 60),
      "x-slack-retry-num": "1",
      "x-slack-retry-reason": "http_timeout",
    };
    expect(await answer(hooks, post(retry, body))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    expect(seen).toEqual([["app_mention", "Ev09AB1CD2EF", "<@U0789IJKL01> what is the hour of the pearl?"]]);
    expect(provider().eventTime?.(JSON.parse(body))).toBe(1787234640 * 1000);
  });

  it("refuses a request signed more than 300 s ago or ahead, and one signed with another secret", async () => {
    const body = fixtureText("slack", "reaction_added");
    const hooks = createWebhooks({ provider: provider(), now: clock });
    const code = async (headers: Record<string, string>) =>
      (await answer(hooks, post(headers, body))).body.error?.code;
    expect(await code(signed(body, NOW_S - 301))).toBe("timestamp_expired");
    expect(await code(signed(body, NOW_S + 301))).toBe("timestamp_in_future");
    expect(await code(signed(body, NOW_S, "0000aaaa1111bbbb2222cccc3333dddd"))).toBe("invalid_signature");
    expect(await code(signed(body, NOW_S - 300))).toBeUndefined();
  });

  it("answers Slack's url_verification with its challenge, and nothing else", () => {
    // api.slack.com/events/url_verification
    const challenge = {
      token: "Jhj5dZrVaK7ZwHHjRyZWjbDl",
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
      type: "url_verification",
    };
    const handshake = (payload: unknown) => provider().handshake?.(payload, { header: readHeaders({}) });
    expect(handshake(challenge)).toEqual({
      kind: "slack.url_verification",
      status: 200,
      contentType: "application/json",
      body: '{"challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}',
    });
    expect(handshake(JSON.parse(fixtureText("slack", "app_mention")))).toBeUndefined();
    expect(handshake({ ...challenge, challenge: 42 })).toBeUndefined();
    expect(handshake({ ...challenge, type: "event_callback" })).toBeUndefined();
  });

  it("decodes interactivity's `payload=<json>` form, a slash command's fields, and JSON", () => {
    const action = {
      type: "block_actions",
      trigger_id: "1787234640.123.abc",
      actions: [{ action_id: "ok" }],
    };
    const interactive = `payload=${encodeURIComponent(JSON.stringify(action))}`;
    expect(decode(interactive, FORM)).toEqual(action);
    expect(
      decode(interactive, { "content-type": "application/x-www-form-urlencoded; charset=utf-8" }),
    ).toEqual(action);
    const command = "command=%2Fdeploy&text=api+to+prod&user_id=U0234MNOP56&__proto__=x";
    const fields = decode(command, FORM) as Record<string, string>;
    expect(Object.entries(fields)).toEqual([
      ["command", "/deploy"],
      ["text", "api to prod"],
      ["user_id", "U0234MNOP56"],
      ["__proto__", "x"],
    ]);
    expect(Object.getPrototypeOf(fields)).toBeNull();
    const body = fixtureText("slack", "app_mention");
    expect(decode(body, { "content-type": "application/json" })).toEqual(JSON.parse(body));
    expect(provider().eventType(action, readHeaders({}))).toBe("block_actions");
    expect(provider().eventType(fields, readHeaders({}))).toBe("/deploy");
    expect(provider().eventType(JSON.parse(body), readHeaders({}))).toBe("app_mention");
  });

  it("refuses to decode bytes that are not UTF-8, a broken percent-escape, and a `payload` that is not JSON", async () => {
    const header = readHeaders(FORM);
    for (const [raw, code] of [
      [INVALID_UTF8, "invalid_payload"],
      [utf8("text=100%"), "invalid_payload"],
      [utf8("payload=%7Bnot-json"), "invalid_json"],
      [utf8("payload=%7B%7D&payload=%7B%7D"), "invalid_payload"],
    ] as const) {
      const error = await rejection(() => provider().decode?.(raw, { header }));
      expect(error.code).toBe(code);
      expect(error.message).not.toContain("not-json");
    }
    const json = readHeaders({ "content-type": "application/json" });
    expect((await rejection(() => provider().decode?.(INVALID_UTF8, { header: json }))).code).toBe(
      "invalid_json",
    );
  });
});

describe("slack against @slack/bolt 5.1.0 `verifySlackRequest`", () => {
  it("passes Slack's published vector, which bolt also accepts", async () => {
    // api.slack.com/authentication/verifying-requests-from-slack (repeated in bolt-js ExpressReceiver.spec.ts)
    const secret = "8f742231b10e8888abcd99yyyzzz85a5";
    const ts = 1531420618;
    const body =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    const headers = {
      "x-slack-request-timestamp": String(ts),
      "x-slack-signature": "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
    };
    // A slash command's form body: the scheme alone (the verifier would parse the body as JSON).
    const scheme = slackProvider({ secret }).scheme;
    const check = (text: string) => scheme.verify({ header: readHeaders(headers), body: utf8(text) });
    expect(await check(body)).toEqual({ timestamp: ts, keyIndex: 0 });
    expect(await outcome(() => check(`${body}&x=1`))).toBe("invalid_signature");
    expect(await slackHmac({ secret }).sign({ body, timestamp: ts })).toEqual(headers);
  });

  it("the preset's signature passes bolt, for each fixture and for a form body", async () => {
    const interactive = "payload=%7B%22type%22%3A%22block_actions%22%7D";
    for (const body of [
      fixtureText("slack", "app_mention"),
      fixtureText("slack", "tokens_revoked"),
      interactive,
    ]) {
      const headers = await provider().scheme.sign({ body, timestamp: NOW_S });
      const { "user-agent": _, ...slacks } = signed(body);
      expect(headers).toEqual(slacks);
      expect(boltAccepts(headers, body)).toBe(true);
      expect(boltAccepts(headers, `${body} `)).toBe(false);
    }
  });

  it("a request bolt accepts passes the preset; one bolt refuses as stale, the preset refuses too", async () => {
    const body = fixtureText("slack", "member_joined_channel");
    const hooks = createWebhooks({ provider: provider(), now: clock });
    expect(boltAccepts(signed(body), body)).toBe(true);
    expect((await answer(hooks, post(signed(body), body))).status).toBe(200);
    const stale = signed(body, NOW_S - 301);
    expect(boltAccepts(stale, body)).toBe(false);
    expect((await answer(hooks, post(stale, body))).body.error?.code).toBe("timestamp_expired");
  });
});
