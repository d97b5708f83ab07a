import { createRouteHandler } from "@hookproof/next";
import { webhooks } from "@/src/webhooks";

export const POST = createRouteHandler(() => webhooks().generic);
