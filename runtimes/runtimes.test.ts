/**
 * The Hono app with `@hookproof/hono` and `@hookproof/core`, served by Bun, Deno and Cloudflare's workerd over
 * real HTTP on loopback: a genuine Standard Webhooks delivery, a tampered one, a replay, and which crypto backend
 * each runtime's package resolution loaded.
 */
import { execFileSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { standardWebhooks } from "@hookproof/core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Receiver, startReceiver } from "../examples/e2e/receiver.js";

const setup = inject("runtimes");
// An HMAC secret (`v1`) and an Ed25519 key pair (`v1a`): the app verifies both, signed here by Node.
const HMAC_SECRET = `whsec_${btoa("hookproof runtimes test secret")}`;
const ed25519 = generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" });
const base64 = (base64url = "") => Buffer.from(base64url, "base64url").toString("base64");
const SECRETS = `${HMAC_SECRET} whpk_${base64(ed25519.x)}`;
const signers = {
  v1: standardWebhooks({ secret: HMAC_SECRET }),
  v1a: standardWebhooks({ secret: `whsk_${base64(ed25519.d)}` }),
};

/** A delivery signed now, for user `user`, with its own message id. */
async function delivery(user: string, signature: keyof typeof signers = "v1") {
  const body = JSON.stringify({ type: "user.created", data: { id: user } });
  const headers = await signers[signature].sign({ body, id: `msg_${crypto.randomUUID()}` });
  return { headers: { ...headers, "content-type": "application/json" }, body };
}

async function post(url: string, sent: { headers: Record<string, string>; body: string }) {
  const response = await fetch(`${url}/webhooks`, { method: "POST", ...sent });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** What `@hookproof/core` resolves to from the app's directory, asked of the runtime itself. */
function resolvedCore(binary: string, args: string[]): string {
  return execFileSync(binary, args, { cwd: setup.dir, encoding: "utf8" }).trim();
}

const runtimes = [
  {
    name: `Bun ${setup.bun.version}`,
    binary: setup.bun.binary,
    args: () => ["run", "bun.ts"],
    // Bun matches the `node` condition: node:crypto, ~10× faster than WebCrypto there (runtimes/README.md).
    backend: "dist/node/index.js (node:crypto)",
    resolve: () =>
      resolvedCore(setup.bun.binary, ["-e", 'console.log(import.meta.resolve("@hookproof/core"))']),
  },
  {
    name: `Deno ${setup.deno.version}`,
    binary: setup.deno.binary,
    args: () => [
      "run",
      "--no-lock",
      "--allow-net=127.0.0.1",
      "--allow-env=HOST,PORT,WEBHOOK_SECRETS",
      "deno.ts",
    ],
    // The `deno` condition, listed before `node`, which Deno matches too.
    backend: "dist/web/index.js (WebCrypto)",
    resolve: () =>
      resolvedCore(setup.deno.binary, [
        "eval",
        "--no-lock",
        'console.log(import.meta.resolve("@hookproof/core"))',
      ]),
  },
  {
    name: `workerd ${setup.workerd.version}`,
    binary: setup.workerd.binary,
    args: (port: number) => ["serve", "workerd.capnp", "--socket-addr", `http=127.0.0.1:${port}`],
    // Bundled with wrangler's conditions, which have no `node`: the `default` build.
    backend: "dist/web/index.js (WebCrypto)",
    resolve: () => {
      const core = setup.workerInputs.filter((input) => input.includes("@hookproof/core/"));
      expect(core).toHaveLength(1);
      return core[0] as string;
    },
  },
];

describe.each(runtimes)("$name", ({ binary, args, backend, resolve }) => {
  let receiver: Receiver;
  beforeAll(async () => {
    if (binary === "") return;
    receiver = await startReceiver({
      cwd: setup.dir,
      command: binary,
      args,
      env: { WEBHOOK_SECRETS: SECRETS },
    });
  });
  afterAll(() => receiver?.stop());

  describe.skipIf(binary === "")("serving the Hono app over HTTP", () => {
    it(`loads @hookproof/core's ${backend}`, () => {
      expect(resolve()).toMatch(new RegExp(`node_modules/@hookproof/core/${backend.split(" ")[0]}$`));
    });

    it.each(["v1", "v1a"] as const)(
      "answers a genuine %s delivery 200 after running the handler",
      async (kind) => {
        const user = `user_genuine_${kind}`;
        expect(await post(receiver.url, await delivery(user, kind))).toEqual({
          status: 200,
          json: { ok: true },
        });
        expect(await (await fetch(`${receiver.url}/handled`)).json()).toContain(user);
      },
    );

    it("answers a body changed after signing 401 invalid_signature", async () => {
      const sent = await delivery("user_tampered");
      const answer = await post(receiver.url, { ...sent, body: sent.body.replace("tampered", "tampereD") });
      expect(answer.status).toBe(401);
      expect(answer.json).toMatchObject({ error: { code: "invalid_signature" } });
      expect(await (await fetch(`${receiver.url}/handled`)).json()).not.toContain("user_tampereD");
    });

    it("acknowledges a replay as a duplicate without handling it again", async () => {
      const sent = await delivery("user_replayed");
      expect(await post(receiver.url, sent)).toEqual({ status: 200, json: { ok: true } });
      expect(await post(receiver.url, sent)).toEqual({ status: 200, json: { ok: true, duplicate: true } });
      const handled = (await (await fetch(`${receiver.url}/handled`)).json()) as string[];
      expect(handled.filter((user) => user === "user_replayed")).toHaveLength(1);
    });
  });
});

describe("the workerd bundle", () => {
  it("imports no Node built-in: WebCrypto only", () => {
    const bundle = readFileSync(join(setup.dir, "worker.js"), "utf8");
    expect(bundle).toContain("crypto.subtle");
    expect(bundle).not.toMatch(/from\s*["']node:|require\(["']node:/);
  });
});
