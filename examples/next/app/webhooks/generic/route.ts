import { createRouteHandler } from "@hookproof/next";
import { onFirstRequest, webhooks } from "@/src/webhooks";

export const POST = onFirstRequest(() => createRouteHandler(webhooks().generic));
