/**
 * The app on Cloudflare Workers (workerd): a module worker whose secret is a binding.
 * @module
 */
import type { Hono } from "hono";
import { createApp } from "./app.ts";

let app: Hono | undefined;

export default {
  fetch(request: Request, env: { WEBHOOK_SECRETS: string }): Response | Promise<Response> {
    // Bindings arrive with a request, so the app is built on the first one and kept for the isolate's life.
    app ??= createApp(env.WEBHOOK_SECRETS);
    return app.fetch(request, env);
  },
};
