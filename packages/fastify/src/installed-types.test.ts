/**
 * The BUILT declarations, type-checked in an app laid out as npm installs it, once with Fastify 5 and once with
 * Fastify 4 as its `fastify`: `request.webhook` must be typed by the app's own Fastify, whichever it is.
 * Needs `pnpm --filter @hookproof/fastify build` first (the root `pnpm test` builds before vitest runs).
 */
import { execFile } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const root = join(packageDir, "../..");
const tsc = join(root, "node_modules/.bin/tsc");

const APP = `
import Fastify from "fastify";
import { createVerifier, createWebhooks, standardWebhooks } from "@hookproof/core";
import { handleWebhooks, verifyWebhook } from "@hookproof/fastify";

const scheme = standardWebhooks({ secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" });
const verifier = createVerifier({ scheme });
const app = Fastify();
app.post("/verified", verifyWebhook(verifier), async (request) => {
  const id: string | undefined = request.webhook?.id;
  // @ts-expect-error: typed, so a field it does not have is an error
  request.webhook?.notAField;
  return { id };
});
app.route({ method: "POST", url: "/webhooks", ...handleWebhooks(createWebhooks({ scheme, events: {} })) });
`;

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("the built declarations in an installed app", () => {
  // Each runs its own tsc, both at once.
  it.concurrent.each([
    ["Fastify 5", "fastify"],
    ["Fastify 4", "fastify4"],
  ])(
    "%s: the route options fit and request.webhook is typed",
    async (_name, fastify) => {
      if (!existsSync(join(packageDir, "dist/index.d.ts"))) {
        throw new Error(
          "packages/fastify/dist is missing: run `pnpm --filter @hookproof/fastify build` first.",
        );
      }
      const dir = mkdtempSync(join(tmpdir(), "hookproof-fastify-types-"));
      dirs.push(dir);
      const modules = join(dir, "node_modules");
      mkdirSync(join(modules, "@hookproof/fastify"), { recursive: true });
      // A copy, not a link: a link would resolve `fastify` from this workspace, where Fastify 5 is installed.
      cpSync(join(packageDir, "dist"), join(modules, "@hookproof/fastify/dist"), { recursive: true });
      cpSync(join(packageDir, "package.json"), join(modules, "@hookproof/fastify/package.json"));
      symlinkSync(join(root, "packages/core"), join(modules, "@hookproof/core"), "dir");
      symlinkSync(realpathSync(join(packageDir, "node_modules", fastify)), join(modules, "fastify"), "dir");
      symlinkSync(join(root, "node_modules/@types"), join(modules, "@types"), "dir");
      writeFileSync(join(dir, "package.json"), '{ "type": "module" }');
      writeFileSync(join(dir, "app.ts"), APP);
      const args = [
        "--noEmit",
        "--strict",
        "--skipLibCheck",
        "--module",
        "node16",
        "--moduleResolution",
        "node16",
      ];
      let errors = "";
      try {
        await promisify(execFile)(tsc, [...args, "app.ts"], { cwd: dir, encoding: "utf8" });
      } catch (error) {
        errors = String((error as { stdout?: string }).stdout) || String(error);
      }
      expect(errors).toBe("");
    },
    60_000,
  );
});
