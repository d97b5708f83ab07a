/**
 * Dating a copy of a fixture "now", in each provider's own format, for the providers whose signed body
 * says when the event happened. The generic sender's receivers refuse events older than `maxAge` (24 h)
 * by that field, so a fixture sent as-is weeks later would read as a replay.
 * @module
 */

type Dater = (payload: Record<string, unknown>, nowMs: number) => void;

/** `2026-11-25T16:22:27Z`: the generic sender's `created_at`, whole seconds as its examples are. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** `2026-11-25T16:22:27.123000000+00:00`: chrono's `to_rfc3339()`, nanoseconds and `+00:00`, as FerrisKey sends. */
function rfc3339Nanos(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000000+00:00");
}

const DATERS: Readonly<Record<string, Dater>> = {
  generic(payload, now) {
    if (typeof payload.created_at === "string") payload.created_at = isoSeconds(now);
  },
  // Clerk's body `timestamp` is the event time in epoch milliseconds.
  clerk(payload, now) {
    if (typeof payload.timestamp === "number") payload.timestamp = now;
  },
  // Razorpay's body `created_at` is the event time in unix seconds.
  razorpay(payload, now) {
    if (typeof payload.created_at === "number") payload.created_at = Math.floor(now / 1000);
  },
  // Vercel's body `createdAt` is the event time in epoch milliseconds.
  vercel(payload, now) {
    if (typeof payload.createdAt === "number") payload.createdAt = now;
  },
  // Typeform's response times bound its replays: `submitted_at`, or `landed_at` on a partial response.
  typeform(payload, now) {
    const response = payload.form_response as Record<string, unknown> | undefined;
    for (const key of ["submitted_at", "landed_at"]) {
      if (typeof response?.[key] === "string") response[key] = isoSeconds(now);
    }
  },
  ferriskey(payload, now) {
    if (typeof payload.timestamp === "string") payload.timestamp = rfc3339Nanos(now);
  },
  // FusionAuth's `event.createInstant`, epoch milliseconds; the preset refuses an event 24 h old.
  fusionAuth(payload, now) {
    const event = payload.event as Record<string, unknown> | undefined;
    if (typeof event?.createInstant === "number") event.createInstant = now;
  },
  // Kinde's `timestamp` (and the docs' `event_timestamp`), ISO 8601 with milliseconds; the preset refuses 37 h old.
  kinde(payload, now) {
    for (const key of ["timestamp", "event_timestamp"]) {
      if (typeof payload[key] === "string") payload[key] = new Date(now).toISOString();
    }
  },
  // Okta's `published`, each event's time, and Auth0's `data.date`: ISO 8601 with milliseconds; receivers refuse a day old.
  okta(payload, now) {
    if (typeof payload.published === "string") payload.published = new Date(now).toISOString();
  },
  auth0(payload, now) {
    const data = payload.data as Record<string, unknown> | undefined;
    if (typeof data?.date === "string") data.date = new Date(now).toISOString();
  },
  // SendGrid's `timestamp`, each event's time in unix seconds; the preset refuses an event 48 h old.
  sendgrid(payload, now) {
    if (typeof payload.timestamp === "number") payload.timestamp = Math.floor(now / 1000);
  },
  // Netlify's deploy `updated_at`, ISO 8601 with milliseconds; the preset refuses a deploy 24 h old.
  netlify(payload, now) {
    if (typeof payload.updated_at === "string") payload.updated_at = new Date(now).toISOString();
  },
  // Meta's items: a messaging item's `timestamp` (ms), WhatsApp's message and status `timestamp` (seconds, strings).
  meta(payload, now) {
    const value = payload.value as Record<string, unknown> | undefined;
    if (typeof value?.timestamp === "number") value.timestamp = now;
    for (const key of ["messages", "statuses"]) {
      for (const item of Array.isArray(value?.[key]) ? (value[key] as Record<string, unknown>[]) : [])
        if (typeof item.timestamp === "string") item.timestamp = String(Math.floor(now / 1000));
    }
    if (typeof payload.time === "number") payload.time = payload.time > 1e12 ? now : Math.floor(now / 1000);
  },
  // SNS's signed `Timestamp`, ISO 8601 with milliseconds, kept on retries; the preset refuses it two hours old.
  sns(payload, now) {
    if (typeof payload.Timestamp === "string") payload.Timestamp = new Date(now).toISOString();
  },
  // Linear's `webhookTimestamp`, when the attempt was sent, epoch milliseconds; the preset refuses it 60 s on.
  linear(payload, now) {
    if (typeof payload.webhookTimestamp === "number") payload.webhookTimestamp = now;
  },
  // Logto's `createdAt` is `new Date().toISOString()`, milliseconds; its receivers refuse it after an hour.
  logto(payload, now) {
    if (typeof payload.createdAt === "string") payload.createdAt = new Date(now).toISOString();
  },
  // Square's `created_at`, RFC 3339 with nanoseconds; its preset refuses an event 72 h old.
  square(payload, now) {
    if (typeof payload.created_at === "string") {
      payload.created_at = new Date(now).toISOString().replace(/Z$/, "000000Z");
    }
  },
  // Zoom's `event_ts`, epoch milliseconds: what a router's own `maxAge` dates a notification by.
  zoom(payload, now) {
    if (typeof payload.event_ts === "number") payload.event_ts = now;
  },
};

/**
 * Sets the event-time field of `payload` (a copy) to `nowMs`, for providers that have one.
 *
 * @example
 * dateNow("generic", copy, Date.now()); // copy.created_at = "2026-11-25T16:22:27Z"
 */
export function dateNow<T>(providerKey: string, payload: T, nowMs: number): T {
  const dater = Object.hasOwn(DATERS, providerKey) ? DATERS[providerKey] : undefined;
  if (dater && payload !== null && typeof payload === "object")
    dater(payload as Record<string, unknown>, nowMs);
  return payload;
}
