import { createRouteHandler } from "@hookproof/next";
import { webhooks } from "@/src/webhooks";

// The same router on the Edge runtime: @hookproof/core resolves to its WebCrypto build here.
export const runtime = "edge";

export const POST = createRouteHandler(() => webhooks().stackAuth);

/** This Edge route's own handled log: the Edge runtime does not share the Node routes' memory. */
export function GET(): Response {
  return Response.json(webhooks().handled());
}
