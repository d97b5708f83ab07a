import { createRouteHandler } from "@hookproof/next";
import { webhooks } from "@/src/webhooks";

export const runtime = "nodejs";

export const POST = createRouteHandler(() => webhooks().stackAuth);
