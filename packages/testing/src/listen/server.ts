/**
 * The one HTTP server of `hookproof listen`: deliveries on any path, the inspector page at `/`, its script,
 * style and API under `/_hookproof/`. Bound to loopback; every request's `Host` must name it, and every API
 * request must carry the session token.
 * @module
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ERROR_STATUS, type WebhookErrorCode } from "@hookproof/core";
import { hostAllowed, localHosts, tokenMatches } from "./guard.js";
import { ActionError, type Inspector } from "./inspector.js";
import { pageHtml, UI_HEADERS } from "./page.js";
import type { Arrival, DeliveryRecord } from "./record.js";
import type { DeliveryView } from "./redact.js";

export interface ServerOptions {
  inspector: Inspector;
  /** Every stored delivery, as the page may see it. */
  views(): DeliveryView[];
  view(record: DeliveryRecord): DeliveryView;
  port: number;
  /** Extra `Host` names that deliveries (never the page) may arrive under: a tunnel's. */
  allowHosts: readonly string[];
  token: string;
  /** What the page shows at the top. */
  info: { provider: string; forward: string | null; tolerance: number; dir: string };
  assets: { "app.js": string; "style.css": string };
}

export interface ListenServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Deliveries past this size are refused 413 and not stored. */
const MAX_CAPTURE = 5 * 1024 * 1024;
const API = "/_hookproof/api/";

function send(res: ServerResponse, status: number, type: string, body: string, headers = {}): void {
  res.writeHead(status, { "content-type": type, ...headers });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers = {}): void {
  send(res, status, "application/json; charset=utf-8", JSON.stringify(value), headers);
}

const refuse = (res: ServerResponse, status: number, message: string) =>
  sendJson(res, status, { error: { message } }, UI_HEADERS);

async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function pairs(raw: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] as string, raw[i + 1] as string]);
  return out;
}

/** What the sender gets: the app's own answer when forwarding, else what a hookproof receiver would answer. */
function answerSender(res: ServerResponse, record: DeliveryRecord): void {
  const { answer, verdict } = record;
  if (answer !== undefined && "error" in answer) {
    sendJson(res, 502, { error: { code: "app_unreachable", message: answer.error } });
  } else if (answer !== undefined) {
    send(res, answer.status, answer.contentType ?? "text/plain; charset=utf-8", answer.body);
  } else if (verdict.status === "rejected") {
    const status = ERROR_STATUS[verdict.code as WebhookErrorCode] ?? 400;
    sendJson(res, status, { error: { code: verdict.code, message: verdict.reason } });
  } else {
    sendJson(res, 200, verdict.status === "duplicate" ? { ok: true, duplicate: true } : { ok: true });
  }
}

/**
 * Starts the server on 127.0.0.1:`port` (0 picks a free one).
 *
 * @example
 * const server = await startListenServer({ inspector, views, view, port: 4400, allowHosts: [], token, info, assets });
 */
export async function startListenServer(options: ServerOptions): Promise<ListenServer> {
  const { inspector, token } = options;
  let local: string[] = [];
  let origins: string[] = [];
  const streams = new Set<ServerResponse>();

  async function capture(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const body = await readBody(req, MAX_CAPTURE);
    if (body === undefined) {
      sendJson(res, 413, {
        error: { code: "payload_too_large", message: "hookproof listen stores bodies up to 5 MiB." },
      });
      return;
    }
    const arrival: Arrival = {
      method: req.method ?? "POST",
      path,
      headers: pairs(req.rawHeaders),
      body,
      source: "http",
    };
    answerSender(res, await inspector.ingest(arrival));
  }

  async function action(req: IncomingMessage, parts: string[]): Promise<DeliveryRecord | undefined> {
    const [first, second, third] = parts;
    if (first === "deliveries" && third === "replay") return inspector.replay(Number(second));
    if (first === "deliveries" && third === "resign") return inspector.resign(Number(second));
    if (first === "fixtures" && third === "send" && second !== undefined)
      return inspector.sendFixture(decodeURIComponent(second));
    if (first === "send" && second === undefined) {
      const raw = await readBody(req, MAX_CAPTURE);
      let input: { body?: unknown; from?: unknown };
      try {
        input = JSON.parse(new TextDecoder().decode(raw ?? new Uint8Array())) as typeof input;
      } catch {
        throw new ActionError('Send JSON: {"body": "…"}.', 400);
      }
      if (typeof input.body !== "string") throw new ActionError("`body` must be the text to sign.", 400);
      return inspector.send(input.body, typeof input.from === "number" ? input.from : undefined);
    }
    return undefined;
  }

  function stream(res: ServerResponse): void {
    res.writeHead(200, { ...UI_HEADERS, "content-type": "text/event-stream", connection: "keep-alive" });
    res.write("retry: 2000\n\n");
    streams.add(res);
    res.on("close", () => streams.delete(res));
  }
  const unsubscribe = inspector.subscribe((record) => {
    const data = `event: delivery\ndata: ${JSON.stringify(options.view(record))}\n\n`;
    for (const res of streams) res.write(data);
  });
  const keepAlive = setInterval(() => {
    for (const res of streams) res.write(": keep-alive\n\n");
  }, 15_000);
  keepAlive.unref();

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? "GET";
    const header = req.headers["x-hookproof-token"];
    const given = typeof header === "string" ? header : undefined;
    const route = url.pathname.slice(API.length);
    // An EventSource cannot send headers: the stream alone takes the token in its query.
    const presented =
      given ??
      (route === "stream" && method === "GET" ? (url.searchParams.get("token") ?? undefined) : undefined);
    if (!tokenMatches(presented, token)) {
      refuse(
        res,
        403,
        "This request needs the inspector's session token: open the inspector page again (a restart makes a new one).",
      );
      return;
    }
    if (method === "GET") {
      if (route === "stream") return stream(res);
      if (route === "deliveries") return sendJson(res, 200, { deliveries: options.views() }, UI_HEADERS);
      if (route === "info")
        return sendJson(res, 200, { ...options.info, fixtures: inspector.fixtures }, UI_HEADERS);
      return refuse(res, 404, `No ${url.pathname}.`);
    }
    if (method !== "POST") return refuse(res, 405, "Inspector actions are POST requests.");
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.includes(origin)) {
      return refuse(res, 403, `Inspector actions come from the inspector's own page, not ${origin}.`);
    }
    try {
      const record = await action(req, route.split("/").map((part) => part || undefined) as string[]);
      if (record === undefined) return refuse(res, 404, `No ${url.pathname}.`);
      sendJson(res, 200, options.view(record), UI_HEADERS);
    } catch (error) {
      if (error instanceof ActionError) return refuse(res, error.status, error.message);
      if (error instanceof TypeError && error.message.startsWith("[@hookproof/"))
        return refuse(res, 400, error.message);
      throw error;
    }
  }

  function ui(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> | void {
    if (url.pathname.startsWith(API)) return api(req, res, url);
    if (req.method !== "GET" && req.method !== "HEAD")
      return refuse(res, 405, "The inspector's pages are read with GET.");
    if (url.pathname === "/") {
      const title = `hookproof listen · ${options.info.provider}`;
      return send(res, 200, "text/html; charset=utf-8", pageHtml({ token, title }), UI_HEADERS);
    }
    if (url.pathname === "/_hookproof/app.js")
      return send(res, 200, "text/javascript; charset=utf-8", options.assets["app.js"], UI_HEADERS);
    if (url.pathname === "/_hookproof/style.css")
      return send(res, 200, "text/css; charset=utf-8", options.assets["style.css"], UI_HEADERS);
    if (url.pathname === "/favicon.ico") return send(res, 204, "image/x-icon", "", UI_HEADERS);
    return refuse(res, 404, `No ${url.pathname}.`);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const isUi =
      url.pathname.startsWith("/_hookproof/") ||
      url.pathname === "/favicon.ico" ||
      (url.pathname === "/" && (req.method === "GET" || req.method === "HEAD"));
    // DNS rebinding: a page on another name that resolves here names that name in Host. The page and its
    // API answer only to this address; deliveries also to the hosts given with --allow-host (a tunnel).
    const host = req.headers.host;
    if (!hostAllowed(host, isUi ? local : [...local, ...options.allowHosts])) {
      const hint = isUi ? "" : " To receive through a tunnel, add --allow-host <its host name>.";
      send(
        res,
        403,
        "text/plain; charset=utf-8",
        `hookproof listen answers only to Host ${local.join(" or ")}.${hint}\n`,
      );
      req.resume();
      return;
    }
    const done = isUi ? ui(req, res, url) : capture(req, res, `${url.pathname}${url.search}`);
    Promise.resolve(done).catch((error: unknown) => {
      process.stderr.write(`hookproof: ${(error as Error).stack ?? error}\n`);
      if (!res.headersSent)
        sendJson(res, 500, { error: { message: "The inspector failed on this request; see its terminal." } });
      else res.end();
    });
  });
  server.listen(options.port, "127.0.0.1");
  await Promise.race([
    once(server, "listening"),
    once(server, "error").then(([error]) => {
      throw error;
    }),
  ]);
  const { port } = server.address() as AddressInfo;
  local = localHosts(port);
  origins = local.map((host) => `http://${host}`);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async close() {
      unsubscribe();
      clearInterval(keepAlive);
      for (const res of streams) res.end();
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}
