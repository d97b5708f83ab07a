/**
 * Every way a Standard Webhooks request, and the verifier around it, is rejected.
 * @module
 */
import { standardWebhooks } from "../../src/index.js";
import { SW_VECTOR } from "../helpers.js";
import { body, expected, group, id, keyForms, type RejectionCase, type Spec, T } from "./kit.js";

export async function standardWebhooksCases(): Promise<RejectionCase[]> {
  const sw = standardWebhooks({ secret: SW_VECTOR.secret });
  const signed = await sw.sign({ body, id, timestamp: T });
  const signedAt = async (text: string | Uint8Array, timestamp = T) => ({
    headers: await sw.sign({ body: text, id, timestamp }),
    body: text,
  });
  const without = (name: string) =>
    Object.fromEntries(Object.entries(signed).filter(([key]) => key !== name));
  const notUtf8 = new Uint8Array([0x22, 0xff, 0x22]);
  const secrets = [
    ...keyForms(SW_VECTOR.secret),
    ...(await expected(sw, body)),
    ...(await expected(sw, `${body} `)),
  ];
  const MALFORMED_TIMESTAMPS = ["soon", "1.5", "-1", "1e9", "0x10", "9007199254740993", `${T} ${T}`];
  return group(sw, secrets, [
    {
      name: "body over 1 MiB",
      code: "payload_too_large",
      status: 413,
      says: "maxBodyBytes",
      input: { headers: signed, body: "x".repeat(2 ** 20 + 1) },
    },
    ...["webhook-id", "webhook-timestamp", "webhook-signature"].map(
      (header): Spec => ({
        name: `no ${header}`,
        code: "missing_header",
        status: 400,
        header,
        says: "proxy",
        input: { headers: without(header), body },
      }),
    ),
    ...MALFORMED_TIMESTAMPS.map(
      (value): Spec => ({
        name: `timestamp ${JSON.stringify(value)}`,
        code: "malformed_header",
        status: 400,
        header: "webhook-timestamp",
        says: "unix seconds",
        input: { headers: { ...signed, "webhook-timestamp": value }, body },
      }),
    ),
    {
      name: "empty `v1,`",
      code: "malformed_header",
      status: 400,
      header: "webhook-signature",
      says: "`v1,<base64>`",
      input: { headers: { ...signed, "webhook-signature": "v1," }, body },
    },
    {
      name: "tampered body",
      code: "invalid_signature",
      status: 401,
      header: "webhook-signature",
      says: "raw bytes",
      input: { headers: signed, body: `${body} ` },
    },
    {
      name: "expired",
      code: "timestamp_expired",
      status: 401,
      says: "tolerance",
      input: await signedAt(body, T - 301),
    },
    {
      name: "from the future",
      code: "timestamp_in_future",
      status: 401,
      says: "clock",
      input: await signedAt(body, T + 301),
    },
    {
      name: "signed, not JSON",
      code: "invalid_json",
      status: 400,
      says: "not valid JSON",
      input: await signedAt("not json"),
    },
    {
      name: "signed, not UTF-8",
      code: "invalid_json",
      status: 400,
      says: "UTF-8",
      input: await signedAt(notUtf8),
    },
    {
      name: "a parsed object as body",
      code: "body_already_parsed",
      status: 500,
      says: "express.raw()",
      input: { headers: signed, body: JSON.parse(body) },
    },
    {
      name: "no body",
      code: "body_already_parsed",
      status: 500,
      says: "arrayBuffer()",
      input: { headers: signed, body: undefined as unknown as string },
    },
  ]);
}
