import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { partialUpload } from "../../test/adapter-kit.js";
import type { ProcessResult } from "../router/types.js";
import { readIncomingMessage } from "./read-incoming-message.js";
import { writeResult } from "./write-result.js";

const refused: ProcessResult = {
  status: 400,
  headers: { "content-type": "application/json" },
  body: '{"error":{"code":"missing_header","message":"webhook-id is missing."}}',
};

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

/** Serves `answer` on 127.0.0.1 and returns its URL. */
async function serve(answer: (req: IncomingMessage) => Promise<ProcessResult>): Promise<string> {
  const server = createServer((req, res) => {
    answer(req).then((result) => writeResult(req, res, result));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

describe("writeResult", () => {
  it("writes the status, headers and body, and keeps the connection once the body was read", async () => {
    const url = await serve(async (req) => {
      await readIncomingMessage(req, 1024);
      return {
        status: 200,
        headers: { "content-type": "application/json", "x-kept": "1" },
        body: '{"ok":true}',
      };
    });
    const response = await fetch(url, { method: "POST", body: "{}" });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-kept")).toBe("1");
    expect(response.headers.get("connection")).toBe("keep-alive");
    expect(await response.text()).toBe('{"ok":true}');
  });

  it("closes the connection when the body was left unread", async () => {
    const url = await serve(async () => refused);
    const answer = await partialUpload(url, {}, { declared: 1024 * 1024, sent: 1024 });
    expect(answer).toMatchObject({ status: 400, json: { error: { code: "missing_header" } } });
    expect(answer.connection).toBe("close");
  });
});
