/**
 * Webhook POSTs as Web `Request`s through `createWebhooks(…).handle`, and their answers read, on a fixed
 * clock: what the router tests with catalogues (the core's and the providers') share.
 * @module
 */

/** 2026-08-20T14:05:00Z, a few minutes after the fixtures' events. */
export const NOW_S = 1_787_234_700;

/** The routers' clock, ms. */
export const clock = (): number => NOW_S * 1000;

/** A webhook POST as the provider would make it. */
export function post(headers: Record<string, string>, body: string): Request {
  return new Request("https://receiver.example/webhooks", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
}

/** A router's answer, read. */
export interface Answer {
  status: number;
  body: { ok?: true; duplicate?: true; unhandled?: true; error?: { code: string; message: string } };
}

/** Sends `request` through `hooks` and reads the answer. */
export async function answer(
  hooks: { handle(request: Request): Promise<Response> },
  request: Request,
): Promise<Answer> {
  const response = await hooks.handle(request);
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}
