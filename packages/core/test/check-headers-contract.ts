/**
 * The `checkHeaders` contract every scheme keeps, the core's and the providers' composed ones alike: from the
 * headers alone it throws exactly the header error `verify` would throw first, and nothing else.
 * @module
 */
import { describe, expect, it } from "vitest";
import { readHeaders, type WebhookScheme } from "../src/index.js";

const body = '{"type":"user.created","id":"evt_1"}';

/** What a call threw (or `undefined`), awaiting a promise the scheme returned. */
export async function thrown(call: () => unknown): Promise<unknown> {
  try {
    await call();
    return undefined;
  } catch (error) {
    return error;
  }
}

function fields(error: unknown) {
  const { code, header, status, message } = error as Record<string, unknown>;
  return { code, header, status, message };
}

/** Every header set to try: the signed one, each with one header dropped, and none at all. */
function variants(signed: Record<string, string>): [string, Record<string, string>][] {
  const names = Object.keys(signed);
  return [
    ["all signed headers", signed],
    ...names.map((name): [string, Record<string, string>] => [
      `without ${name}`,
      Object.fromEntries(Object.entries(signed).filter(([key]) => key !== name)),
    ]),
    ["no headers", {}],
  ];
}

/** One `describe` per scheme: `checkHeaders` throws what `verify` throws first about headers, from the headers alone. */
export function checkHeadersContract(schemes: readonly [string, WebhookScheme][]): void {
  describe.each(schemes)("%s: checkHeaders", (_, scheme) => {
    it("throws exactly the header error verify throws first, from the headers alone", async () => {
      const url = "https://hooks.example.com/in";
      const signed = await scheme.sign({ body, id: "msg_1", timestamp: 1_750_000_000, url });
      let missing = 0;
      for (const [label, headers] of variants(signed)) {
        const header = readHeaders(headers);
        const early = await thrown(() => scheme.checkHeaders?.(header));
        const late = await thrown(() =>
          scheme.verify({ header, body: new TextEncoder().encode(body), url, method: "POST" }),
        );
        if (early !== undefined) {
          // Refused before the body: the same code, header, status and message verify gives.
          expect(late, label).toBeDefined();
          expect(fields(early), label).toEqual(fields(late));
          missing++;
        } else {
          // Let through: verify never answers it with a missing header.
          expect(late, label).not.toMatchObject({ code: "missing_header" });
        }
      }
      expect(missing, "at least the request without headers is refused early").toBeGreaterThan(0);
      expect(await thrown(() => scheme.checkHeaders?.(readHeaders({})))).toMatchObject({
        code: "missing_header",
        status: 400,
      });
    });
  });
}
