import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { at, outcome, rejection, SW_VECTOR } from "../../test/helpers.js";
import { stripeHmac } from "../../test/hmac-presets.js";
import { createVerifier, hmac, standardWebhooks } from "../index.js";

const { secret, id, body } = SW_VECTOR;
const T = 1732291200;

async function signedAt(timestamp: number) {
  return { headers: await standardWebhooks({ secret }).sign({ body, id, timestamp }), body };
}

describe("replay window", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ["default (300 s)", undefined, 300],
    ["custom 60 s", 60, 60],
    ["custom 1 s, the least", 1, 1],
  ])("%s: exactly ±tolerance passes, one second beyond fails", async (_, tolerance, seconds) => {
    const request = await signedAt(T);
    const check = (clock: number) =>
      outcome(() =>
        createVerifier({ scheme: standardWebhooks({ secret }), tolerance, now: at(clock) }).verify(request),
      );
    expect(await check(T)).toBe("ok");
    expect(await check(T + seconds)).toBe("ok");
    expect(await check(T - seconds)).toBe("ok");
    expect(await check(T + seconds + 1)).toBe("timestamp_expired");
    expect(await check(T - seconds - 1)).toBe("timestamp_in_future");
  });

  it("says how far off the timestamp is, the tolerance, and what to check", async () => {
    const scheme = standardWebhooks({ secret });
    const request = await signedAt(T);
    const old = await rejection(() => createVerifier({ scheme, now: at(T + 3600) }).verify(request));
    expect([old.code, old.status]).toEqual(["timestamp_expired", 401]);
    expect(old.message).toContain("3600 s old");
    expect(old.message).toContain("300 s tolerance");
    expect(old.message).toContain("clock");
    const early = await rejection(() => createVerifier({ scheme, now: at(T - 900) }).verify(request));
    expect([early.code, early.status]).toEqual(["timestamp_in_future", 401]);
    expect(early.message).toContain("900 s in the future");
  });

  it("checks the signature before the clock: a forged old request is invalid_signature", async () => {
    const request = await signedAt(T);
    const forged = { ...request, body: `${body} ` };
    expect(
      await outcome(() =>
        createVerifier({ scheme: standardWebhooks({ secret }), now: at(T + 9999) }).verify(forged),
      ),
    ).toBe("invalid_signature");
  });

  it("applies to hmac schemes with a signed timestamp, and not to those without", async () => {
    const stripe = stripeHmac({ secret: "whsec_stripe_4kQ9mV2xR7pL" });
    const stripeRequest = { headers: await stripe.sign({ body, timestamp: T }), body };
    expect(
      await outcome(() => createVerifier({ scheme: stripe, now: at(T + 300) }).verify(stripeRequest)),
    ).toBe("ok");
    expect(
      await outcome(() => createVerifier({ scheme: stripe, now: at(T + 301) }).verify(stripeRequest)),
    ).toBe("timestamp_expired");
    const plain = hmac({ secret: "plain-secret-7Qm2vX9p", header: "x-sig" });
    const plainRequest = { headers: await plain.sign({ body }), body };
    expect(
      await outcome(() => createVerifier({ scheme: plain, now: at(T + 10 ** 9) }).verify(plainRequest)),
    ).toBe("ok");
  });

  it("uses Date.now when no clock is injected", async () => {
    const scheme = standardWebhooks({ secret });
    const fresh = await signedAt(Math.floor(Date.now() / 1000));
    expect(await outcome(() => createVerifier({ scheme }).verify(fresh))).toBe("ok");
    const stale = await signedAt(T);
    expect(await outcome(() => createVerifier({ scheme }).verify(stale))).toBe("timestamp_expired");
  });

  it("agrees with the standardwebhooks library at every millisecond around both edges", async () => {
    const scheme = standardWebhooks({ secret });
    const request = await signedAt(T);
    const reference = new Webhook(secret);
    vi.useFakeTimers({ toFake: ["Date"] });
    for (const edge of [T - 300, T + 300]) {
      for (const offsetMs of [-1001, -1000, -999, -500, -1, 0, 1, 500, 999, 1000, 1001]) {
        const clock = edge * 1000 + offsetMs;
        vi.setSystemTime(clock);
        const theirs = await outcome(() => reference.verify(request.body, request.headers));
        const ours = await outcome(() => createVerifier({ scheme, now: () => clock }).verify(request));
        expect({ clock, accepted: ours === "ok" }).toEqual({ clock, accepted: theirs === "ok" });
      }
    }
  });
});
