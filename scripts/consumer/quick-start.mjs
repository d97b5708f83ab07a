// The root README's "A first verified webhook in under 5 minutes", run as written in a fresh folder, with two
// substitutions: each `@hookproof/*` name in the install commands becomes its packed tarball (the packages
// are not on the registry yet), and the server's port 3000 becomes a free one (PORT, which it reads).
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { section } from "./markdown.mjs";
import { freePort, run, startServer } from "./processes.mjs";

const TITLE = "A first verified webhook in under 5 minutes";

/** The section's four blocks: the install commands, the server file, the command that starts it, the sends. */
function quickStartBlocks(root) {
  const blocks = section(join(root, "README.md"), TITLE);
  const shell = (what, test) => {
    const block = blocks.find((candidate) => candidate.lang === "sh" && test(candidate.code));
    assert.ok(block, `README.md "${TITLE}" has no sh block that ${what}`);
    return block.code;
  };
  const server = blocks.find((block) => /^\/\/ [\w-]+\.m?js\n/.test(block.code));
  assert.ok(server, `README.md "${TITLE}" has no server file (a js block starting "// server.mjs")`);
  const file = /^\/\/ ([\w-]+\.m?js)/.exec(server.code)[1];
  return {
    install: shell("runs npm install", (code) => code.includes("npm install")),
    file,
    server: server.code,
    start: shell(`starts ${file}`, (code) => code.includes(`node ${file}`)).trim(),
    send: shell("runs npx hookproof send", (code) => code.includes("npx hookproof send")),
  };
}

const withNode = (node, env = process.env) => ({ ...env, PATH: `${join(node.bin, "..")}:${env.PATH}` });

/**
 * Creates the folder, runs the section's install commands in it, and writes its server file.
 *
 * @example
 * const dir = await installQuickStart({ root, work, tarballs });
 */
export async function installQuickStart({ root, work, tarballs }) {
  const dir = join(work, "quick-start");
  mkdirSync(dir);
  const blocks = quickStartBlocks(root);
  const install = blocks.install.replace(/(?<=\s)(@hookproof\/[a-z-]+)(?=\s|$)/gm, (name) => {
    assert.ok(tarballs[name], `the quick start installs ${name}, which is not a package here`);
    return tarballs[name];
  });
  await run("sh", ["-e", "-c", install], { cwd: dir });
  writeFileSync(join(dir, blocks.file), blocks.server);
  return dir;
}

/**
 * Starts the server as the section says, runs its `hookproof send` commands, and checks their answers and
 * that the handler ran once per handled delivery.
 *
 * @example
 * await runQuickStart({ root, node, app });
 */
export async function runQuickStart({ root, node, app }) {
  const blocks = quickStartBlocks(root);
  const port = await freePort();
  const server = await startServer("sh", ["-c", blocks.start], {
    cwd: app,
    env: withNode(node, { ...process.env, PORT: String(port) }),
    url: `http://localhost:${port}/`,
  });
  let output;
  let sent;
  try {
    const commands = blocks.send.replaceAll("localhost:3000", `localhost:${port}`);
    sent = await run("sh", ["-e", "-c", commands], { cwd: app, env: withNode(node) });
  } finally {
    output = await server.stop();
  }
  assert.match(sent.stdout, /#1 200 .*\{"ok":true\}\n/, `the genuine delivery:\n${sent.stdout}`);
  assert.match(sent.stdout, /#1 401 .*"code":"invalid_signature"/, `the tampered delivery:\n${sent.stdout}`);
  assert.match(sent.stdout, /#2 200 .*\{"ok":true,"duplicate":true\}/, `the duplicate:\n${sent.stdout}`);
  const fixture = join(root, "packages/providers/src/stack-auth/fixtures/user.created.json");
  const userId = JSON.parse(readFileSync(fixture, "utf8")).data.id;
  const handled = output.split("\n").filter((line) => line.includes(userId));
  assert.equal(
    handled.length,
    2,
    `the handler logs the genuine delivery and the first of the duplicate:\n${output}`,
  );
}
