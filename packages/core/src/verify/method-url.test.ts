import { describe, expect, it } from "vitest";
import { thrown } from "../../test/helpers.js";
import { urlScheme } from "../../test/url-scheme.js";
import { createVerifier, type SchemeRequest, type WebhookScheme } from "../index.js";

const body = '{"id":"evt_1","type":"user.created"}';
const url = "https://hooks.example.com/webhooks?account=acme";

describe("method and URL reach the scheme", () => {
  it("hands the scheme the method and the URL given to verify()", async () => {
    const seen: SchemeRequest[] = [];
    const scheme: WebhookScheme = {
      name: "spy",
      signsTimestamp: false,
      verify: (request) => {
        seen.push(request);
        return { keyIndex: 0 };
      },
      sign: () => ({}),
    };
    await createVerifier({ scheme }).verify({ headers: {}, body: () => body, method: "POST", url });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: "POST", url });
  });

  it("verifies a URL-bound signature, and refuses it at another URL or method", async () => {
    const scheme = urlScheme();
    const verifier = createVerifier({ scheme });
    const headers = scheme.signUrl({ body, url });
    await expect(verifier.verify({ headers, body, method: "POST", url })).resolves.toMatchObject({
      id: "evt_1",
    });
    for (const [m, u] of [
      ["POST", "https://hooks.example.com/webhooks?account=other"],
      ["POST", "http://hooks.example.com/webhooks?account=acme"],
      ["PUT", url],
    ] as const) {
      expect(await thrown(() => verifier.verify({ headers, body, method: m, url: u }))).toMatchObject({
        code: "invalid_signature",
      });
    }
  });

  it("a URL-bound scheme given no URL is a caller mistake (TypeError), never a 401", async () => {
    const scheme = urlScheme();
    const error = await thrown(() =>
      createVerifier({ scheme }).verify({ headers: scheme.signUrl({ body, url }), body, method: "POST" }),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(/^TypeError: \[@hookproof\/core\] .*needs the request URL/);
  });

  it("uses the payload a scheme authenticated instead of parsing the raw bytes", async () => {
    const scheme: WebhookScheme = {
      name: "decoded",
      signsTimestamp: false,
      verify: () => ({ keyIndex: 0, payload: { id: "from-scheme", type: "x" } }),
      sign: () => ({}),
    };
    const event = await createVerifier({ scheme }).verify({ headers: {}, body: "not json" });
    expect(event).toMatchObject({ id: "from-scheme", payload: { id: "from-scheme", type: "x" } });
  });
});
