/**
 * What every adapter's tests share: a one-event catalogue, a router that records what it handled, and
 * requests signed the way Standard Webhooks senders sign them.
 * @module
 */
import { request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import {
  createWebhooks,
  type StandardSchemaV1,
  standardWebhooks,
  type WebhookScheme,
  type Webhooks,
} from "@hookproof/core";

export interface UserCreated {
  type: "user.created";
  data: { id: string };
}

export const userCreated: StandardSchemaV1<unknown, UserCreated> = {
  "~standard": {
    version: 1,
    vendor: "test",
    validate: (value) => {
      const data = (value as { data?: { id?: unknown } }).data;
      return typeof data?.id === "string"
        ? { value: value as UserCreated }
        : { issues: [{ message: "data.id must be a string", path: ["data", "id"] }] };
    },
  },
};

/** The routers' clock, unix seconds: signed requests are fresh at it. */
export const NOW: number = 1_750_000_000;
export const MiB: number = 1024 * 1024;
/** The body every genuine request carries. */
export const body: string = JSON.stringify({ type: "user.created", data: { id: "user_1" } });

/** A signed request: headers and the exact body text. */
export interface SignedRequest {
  headers: Record<string, string>;
  body: string;
}

/** What {@link adapterKit} gives a test file. */
export interface AdapterKit {
  scheme: WebhookScheme;
  createHooks(options?: { maxBodyBytes?: number }): {
    hooks: Webhooks<{ "user.created": UserCreated }>;
    seen: string[];
    /** The codes `onRejected` heard, in order. */
    rejected: string[];
  };
  signed(options?: { id?: string; timestamp?: number; text?: string }): Promise<SignedRequest>;
}

/** A scheme with its own secret for the adapter `name`, a router factory and a signer over it. */
export function adapterKit(name: string): AdapterKit {
  const scheme = standardWebhooks({ secret: `whsec_${btoa(`hookproof ${name} adapter test secret`)}` });

  /** A router whose handler records the user ids it saw, and whose `onRejected` records the codes. */
  function createHooks(options: { maxBodyBytes?: number } = {}): ReturnType<AdapterKit["createHooks"]> {
    const seen: string[] = [];
    const rejected: string[] = [];
    const hooks = createWebhooks({
      scheme,
      events: { "user.created": userCreated },
      now: () => NOW * 1000,
      onRejected: (error) => {
        rejected.push(error.code);
      },
      ...options,
    }).on("user.created", (event) => {
      seen.push(event.data.id);
    });
    return { hooks, seen, rejected };
  }

  /** A request signed for `text` (default: the genuine body), with a fresh id unless one is given. */
  async function signed(
    options: { id?: string; timestamp?: number; text?: string } = {},
  ): Promise<SignedRequest> {
    const text = options.text ?? body;
    const headers = await scheme.sign({
      body: text,
      id: options.id ?? `msg_${Math.random().toString(36).slice(2)}`,
      timestamp: options.timestamp ?? NOW,
    });
    return { headers: { ...headers, "content-type": "application/json" }, body: text };
  }

  return { scheme: scheme, createHooks: createHooks, signed: signed };
}

/** The answer to an upload that stopped early, and how much of its body was sent. */
export interface PartialUpload {
  status: number;
  json: Record<string, unknown>;
  /** The answer's `Connection` header. */
  connection: string | undefined;
  /** Body bytes written before the answer came. */
  sent: number;
}

/**
 * POSTs `headers` declaring a `Content-Length` of `declared` bytes, writes only `sent` of them and waits for
 * the answer without sending the rest: a receiver that reads the body before checking the headers never
 * answers (the test times out), one that checks the headers first answers at once.
 */
export function partialUpload(
  url: string,
  headers: Record<string, string>,
  { declared, sent }: { declared: number; sent: number },
): Promise<PartialUpload> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, {
      method: "POST",
      headers: { ...headers, "content-length": String(declared) },
    });
    request.on("error", reject);
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        request.destroy();
        resolve({
          status: response.statusCode ?? 0,
          json: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>,
          connection: response.headers.connection,
          sent,
        });
      });
    });
    request.write(new Uint8Array(sent).fill(0x61));
  });
}

/**
 * `size` bytes as a stream that is only pulled as it is read (no Content-Length when sent):
 * `counter.pulled` counts what the reader took.
 */
export function countedStream(size: number, counter = { pulled: 0 }): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  return new ReadableStream(
    {
      pull(controller) {
        if (counter.pulled >= size) return controller.close();
        counter.pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
}

/** What a server read: body bytes before the answer, and (once it answered) bytes taken off its sockets. */
export interface BodyCounter {
  bytes: number;
  socket?: number;
}

/**
 * Adds to `counter.bytes` what `req` hands to `data` listeners before `res` answers: the body bytes the
 * server read to decide. What is discarded after the answer (Node's own dump, a server's drain) lands in
 * `counter.after` instead; `counter.socket` adds what the connection had taken off the wire when the answer
 * finished (headers and whatever Node buffered).
 */
export function countBodyBytes(
  req: IncomingMessage,
  res: ServerResponse,
  counter: BodyCounter & { after?: number },
): void {
  res.on("finish", () => {
    counter.socket = (counter.socket ?? 0) + req.socket.bytesRead;
  });
  const emit = req.emit;
  req.emit = function (this: IncomingMessage, name: string | symbol, ...args: unknown[]) {
    if (name === "data" && req.listenerCount("data") > 0) {
      const size = (args[0] as Uint8Array).byteLength;
      if (res.headersSent) counter.after = (counter.after ?? 0) + size;
      else counter.bytes += size;
    }
    return emit.call(this, name, ...args);
  } as typeof req.emit;
}
