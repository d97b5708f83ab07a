import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { run } from "../test/cli.js";

// The library has no test-framework dependency: the same contract test runs under node:test, against
// the built ESM and CJS files, as a user's project would load them.
const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const core = fileURLToPath(new URL("../node_modules/@hookproof/core/dist/", import.meta.url));
const providers = fileURLToPath(new URL("../node_modules/@hookproof/providers/dist/", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "hookproof-node-test-"));

const esm = `
import { test } from "node:test";
import assert from "node:assert/strict";
import { createWebhooks } from ${JSON.stringify(pathToFileURL(`${core}node/index.js`).href)};
import { stackAuth } from ${JSON.stringify(pathToFileURL(`${providers}stack-auth/index.js`).href)};
import { deliver, fixture, fixtures, signRequest } from ${JSON.stringify(pathToFileURL(`${dist}index.js`).href)};

const provider = stackAuth({ secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" });
const hooks = createWebhooks({ provider });

for (const type of Object.keys(fixtures.stackAuth)) {
  test(type + " is accepted", async () => {
    const { status } = await deliver(hooks.handle, signRequest(provider, fixture("stack-auth", type)));
    assert.equal(status, 200);
  });
}
test("tampered is rejected", async () => {
  const { status, body } = await deliver(hooks.handle, signRequest(provider, fixtures.stackAuth["user.created"], { variant: "tampered" }));
  assert.equal(status, 401);
  assert.equal(body.error.code, "invalid_signature");
});
`;

const cjs = `
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { fixtures, signHeaders } = require(${JSON.stringify(`${dist}index.cjs`)});
const { tesseral } = require(${JSON.stringify(`${providers}tesseral/index.cjs`)});
test("the CJS build signs", async () => {
  const headers = await signHeaders(tesseral({ secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }), fixtures.tesseral["sync.user"]);
  assert.match(headers["svix-signature"], /^v1,/);
});
`;

describe("node:test", () => {
  it("runs a contract test on the built ESM and CJS files", async () => {
    writeFileSync(join(dir, "contract.test.mjs"), esm);
    writeFileSync(join(dir, "contract.test.cjs"), cjs);
    // TAP whatever the Node line: from Node 22 the default reporter is `spec` even when piped.
    const result = await run(process.execPath, [
      "--test",
      "--test-reporter=tap",
      join(dir, "contract.test.mjs"),
      join(dir, "contract.test.cjs"),
    ]);
    expect(result.stdout).toMatch(/# pass 15\n/);
    expect(result.stdout).toMatch(/# fail 0\n/);
    expect(result.code).toBe(0);
  });
});
