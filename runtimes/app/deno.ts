/**
 * The app on Deno: `deno run --allow-net --allow-env deno.ts`.
 * @module
 */
import { createApp } from "./app.ts";

declare const Deno: {
  env: { get(name: string): string | undefined };
  serve(
    options: { hostname?: string; port: number },
    handler: (request: Request) => Response | Promise<Response>,
  ): unknown;
};

const app = createApp(Deno.env.get("WEBHOOK_SECRETS") ?? "");
Deno.serve({ hostname: Deno.env.get("HOST"), port: Number(Deno.env.get("PORT")) }, app.fetch);
