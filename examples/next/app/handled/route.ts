import { webhooks } from "@/src/webhooks";

export const dynamic = "force-dynamic";

/** What the Node routes (App and Pages Router) handled, oldest first. */
export function GET(): Response {
  return Response.json(webhooks().handled());
}
