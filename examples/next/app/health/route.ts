import { webhooks } from "@/src/webhooks";

export const dynamic = "force-dynamic";

/** 200 once the routers are configured; a missing secret answers 500 with its name in the server log. */
export function GET(): Response {
  webhooks();
  return Response.json({ ok: true });
}
