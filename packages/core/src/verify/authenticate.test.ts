import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { at, bareThenable, rejection, SW_VECTOR, utf8 } from "../../test/helpers.js";
import {
  createVerifier,
  type SchemeResult,
  standardWebhooks,
  type WebhookScheme,
  WebhookVerificationError,
} from "../index.js";
import { createAuthenticator } from "./authenticate.js";

const T = 1732291200;
const body = '{"type":"user.created","data":{"id":"user_1"}}';

/** A caller's own scheme whose verdict is `answer`: the caller decides what kind of thenable it is. */
function ownScheme(answer: () => unknown): WebhookScheme {
  return {
    name: "own",
    signsTimestamp: false,
    verify: () => answer() as SchemeResult,
    sign: () => ({}),
  };
}

describe("a scheme's answer from user code", () => {
  it("waits for a bare thenable that refuses the request, never taking it as the result", async () => {
    const refused = new WebhookVerificationError("invalid_signature", "The signature matches no secret.");
    const scheme = ownScheme(() => bareThenable((_, reject) => reject(refused)));
    const error = await rejection(() => createVerifier({ scheme }).verify({ headers: {}, body }));
    expect(error).toBe(refused);
  });

  it("waits for another realm's promise (an Edge sandbox's) and keeps its keyIndex and signed id", async () => {
    const answer = { id: "msg_1", keyIndex: 1 };
    const scheme = ownScheme(() => runInNewContext("Promise.resolve(answer)", { answer }));
    const result = await createVerifier({ scheme }).verify({ headers: {}, body });
    expect(result).toMatchObject({ id: "msg_1", keyIndex: 1, payload: JSON.parse(body) });
  });

  it("still checks the replay window of a timestamp a thenable answers with", async () => {
    const scheme = ownScheme(() =>
      bareThenable<SchemeResult>((resolve) => resolve({ keyIndex: 0, timestamp: T - 301 })),
    );
    const error = await rejection(() => createVerifier({ scheme, now: at(T) }).verify({ headers: {}, body }));
    expect(error.code).toBe("timestamp_expired");
  });
});

describe("a body read by user code", () => {
  it("waits for a lazy body that answers with a bare thenable", async () => {
    const scheme = standardWebhooks({ secret: SW_VECTOR.secret });
    const headers = await scheme.sign({ body, id: SW_VECTOR.id, timestamp: T });
    const thenable = bareThenable<Uint8Array>((resolve) => resolve(utf8(body)));
    const result = await createVerifier({ scheme, now: at(T) }).verify({
      headers,
      body: () => thenable as never,
    });
    expect(result).toMatchObject({ id: SW_VECTOR.id, payload: JSON.parse(body) });
  });
});

describe("createAuthenticator", () => {
  it("answers synchronously when the body, the scheme and the crypto backend do", async () => {
    const scheme = ownScheme(() => ({ keyIndex: 0 }));
    const { authenticate } = createAuthenticator({ scheme });
    const result = authenticate({ headers: {}, body });
    expect(result).not.toBeInstanceOf(Promise);
    expect(result).toMatchObject({ keyIndex: 0, raw: utf8(body) });
  });

  it("gives the options as checked: the default size limit filled in", () => {
    const scheme = ownScheme(() => ({ keyIndex: 0 }));
    expect(createAuthenticator({ scheme })).toMatchObject({ scheme, maxBodyBytes: 2 ** 20 });
  });
});
