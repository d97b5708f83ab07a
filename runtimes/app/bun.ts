/**
 * The app on Bun: `bun run bun.ts` serves a default export that has `fetch`.
 * @module
 */
import { createApp } from "./app.ts";

export default {
  hostname: process.env.HOST,
  port: Number(process.env.PORT),
  fetch: createApp(process.env.WEBHOOK_SECRETS ?? "").fetch,
};
