import { createHmac } from "node:crypto";
import { createWebhooks, readHeaders } from "@hookproof/core";
import { describe, expect, it } from "vitest";
import { outcome, utf8 } from "../../test/bodies.js";
import { crossCheck, documentedHmac } from "../../test/cross-check.js";
import {
  allowedSuite,
  answer,
  clock,
  fixtureSuite,
  fixtureText,
  NOW_S,
  post,
} from "../../test/test-support.js";
import { typeform } from "./index.js";

const SECRET = "tf_secret_0123456789abcdef";
const provider = () => typeform({ secret: SECRET });
const delivery = (body: string) => provider().scheme.sign({ body });

fixtureSuite({
  title: "typeform fixtures (Typeform's example payload)",
  fixtures: "typeform",
  provider,
  sign: delivery,
  mutations: {
    form_response: { path: ["form_response", "token"] },
    form_response_partial: { path: ["event_id"], set: 1 },
  },
});

allowedSuite({
  title: "typeform: never stricter than its docs",
  fixtures: "typeform",
  provider,
  sign: delivery,
  allowed: [
    {
      type: "form_response",
      path: ["form_response", "hidden"],
      source: "example-payload (only with hidden fields)",
    },
    {
      type: "form_response",
      path: ["form_response", "calculated"],
      source: "example-payload (only with scoring)",
    },
  ],
});

describe("typeform", () => {
  it("dedupes by `event_id`", async () => {
    const body = fixtureText("typeform", "form_response");
    const ids: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny((_, context) => {
      ids.push(context.id);
    });
    expect(await answer(hooks, post(await delivery(body), body))).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(await answer(hooks, post(await delivery(body), body))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    expect(ids).toEqual(["01J5Z8K3M2N4P6Q8R0S2T4V6W8"]);
  });

  it("bounds replays by `submitted_at`, or `landed_at` for a partial response: 24 h and a second is refused", async () => {
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny(() => {});
    const old = new Date((NOW_S - 86_401) * 1000).toISOString();
    const full = JSON.parse(fixtureText("typeform", "form_response"));
    full.form_response.submitted_at = old;
    const partial = JSON.parse(fixtureText("typeform", "form_response_partial"));
    partial.form_response.landed_at = old;
    for (const body of [JSON.stringify(full), JSON.stringify(partial)]) {
      expect((await answer(hooks, post(await delivery(body), body))).body.error?.code).toBe(
        "timestamp_expired",
      );
    }
  });

  it("verifies the research vector: base64 behind `sha256=`, not GitHub's hex; refuses a request without the header", async () => {
    const body =
      '{"event_id":"01HZX0M3Q8A4E2T5Y7B9C1D3F5","event_type":"form_response","form_response":{"form_id":"lT4Z3j","token":"a3a12ec67a1365927098a606107fac15","landed_at":"2026-11-30T04:59:00Z","submitted_at":"2026-11-30T05:00:00Z"}}';
    const verify = (headers: Record<string, string>) =>
      outcome(() => provider().scheme.verify({ header: readHeaders(headers), body: utf8(body) }));
    expect(
      await verify({ "typeform-signature": "sha256=+vwpI/imFnlzWOrJSNgA13afAPFM0pEHCtRM8oIjiM4=" }),
    ).toBe("ok");
    const hex = `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;
    expect(await verify({ "typeform-signature": hex })).toBe("invalid_signature");
    expect(await verify({})).toBe("missing_header");
  });
});

crossCheck({
  scheme: () => provider().scheme,
  wrong: () => typeform({ secret: "tf_secret_fedcba9876543210" }).scheme,
  header: "typeform-signature",
  // No SDK signs or verifies: the docs' "Secure your webhooks" Node snippet.
  sdk: documentedHmac("Typeform's docs snippet", {
    secret: SECRET,
    algorithm: "sha256",
    encoding: "base64",
    prefix: "sha256=",
  }),
});
