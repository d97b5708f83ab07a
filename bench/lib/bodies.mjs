/**
 * Realistic JSON webhook bodies of exact byte sizes, the same bytes for every contender.
 * @module
 */

/** The sizes every suite runs at, in bytes. */
export const SIZES = [
  { label: "256 B", bytes: 256 },
  { label: "4 KiB", bytes: 4 * 1024 },
  { label: "64 KiB", bytes: 64 * 1024 },
  { label: "1 MiB", bytes: 1024 * 1024 },
];

const NAMES = ["Ada Lovelace", "José Álvarez", "Zoë Müller", "Grace Hopper", "Łukasz Nowak", "Amélie Dubois"];

// A deterministic generator, so every run (and every machine) signs the same bytes.
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function member(random, index) {
  const name = NAMES[index % NAMES.length];
  const handle = name.toLowerCase().replace(/[^a-z]/g, "");
  return {
    id: `user_${(random() * 2 ** 52).toString(36).padStart(11, "0")}`,
    display_name: name,
    primary_email: `${handle}.${index}@example.com`,
    primary_email_verified: random() > 0.3,
    signed_up_at_millis: 1_750_000_000_000 + Math.floor(random() * 1e9),
    client_metadata: { plan: random() > 0.5 ? "pro" : "free", seats: Math.floor(random() * 50) },
    server_metadata: null,
    oauth_providers: random() > 0.5 ? [{ id: "github", account_id: String(Math.floor(random() * 1e8)) }] : [],
  };
}

/**
 * A Stripe-/Standard-Webhooks-shaped event (`id`, `object`, `type`, `created`, `data.object`) whose
 * UTF-8 encoding is exactly `bytes` long. Non-ASCII names keep the UTF-8 decoders honest.
 */
export function jsonBody(bytes, type = "x") {
  const key = `${bytes}:${type}`;
  let body = cache.get(key);
  if (body === undefined) {
    body = build(bytes, type);
    cache.set(key, body);
  }
  return body;
}

const cache = new Map();

function build(bytes, type) {
  const random = prng(bytes);
  const event = {
    id: "evt_1QbENCHmArKhOOkPRoOfBody",
    object: "event",
    type,
    created: 1_750_000_000,
    data: { object: { id: "team_0001", display_name: "Benchmark team", members: [] }, note: "" },
  };
  const members = event.data.object.members;
  // Grow by each member's encoded length (plus its comma) rather than re-encoding the whole event.
  let size = Buffer.byteLength(JSON.stringify(event));
  while (size < bytes - 400) {
    const next = member(random, members.length);
    size += Buffer.byteLength(JSON.stringify(next)) + (members.length > 0 ? 1 : 0);
    members.push(next);
  }
  const missing = bytes - size;
  if (missing < 0) throw new Error(`cannot build a ${bytes}-byte body`);
  event.data.note = "lorem ipsum dolor sit amet ".repeat(Math.ceil(missing / 27)).slice(0, missing);
  const body = Buffer.from(JSON.stringify(event));
  if (body.length !== bytes) throw new Error(`built ${body.length} bytes, wanted ${bytes}`);
  return body;
}
