import { createRouteHandler } from "@hookproof/next";
import { onFirstRequest, webhooks } from "@/src/webhooks";

export const runtime = "nodejs";

export const POST = onFirstRequest(() => createRouteHandler(webhooks().stackAuth));
