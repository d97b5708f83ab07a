/**
 * What the Node server does when it starts (from `instrumentation.ts`): create the routers, so a missing
 * secret stops it now instead of failing each request, and close them on SIGTERM.
 *
 * Next's own SIGTERM handler stops accepting connections, waits for the requests in flight and exits; this
 * one closes the routers alongside it, so an event arriving on a kept-alive connection meanwhile is answered
 * 503 `shutting_down` (its sender retries) while running handlers finish.
 * @module
 */
import { closeWebhooks, webhooks } from "./webhooks";

/** Creates the routers (or exits 1 with what is missing) and registers the SIGTERM and SIGINT listeners. */
export function onServerStart(): void {
  try {
    webhooks();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const close = (signal: NodeJS.Signals): void => {
    console.log(`${signal}: letting running webhook handlers finish`);
    void closeWebhooks().then(() => console.log("webhook routers closed"));
  };
  process.once("SIGTERM", close);
  process.once("SIGINT", close);
}
