/**
 * The inspector page end to end, in Debian's Chromium driven by playwright-core: `hookproof listen` forwards to
 * the Express example run as `pnpm start` runs it; `hookproof send` delivers genuine, tampered, expired and
 * duplicate events; the page must show each verdict and the app's answer live, replay one re-signed so the app
 * handles it, refuse a cross-site action, and still show the history after a restart. Screenshots of each
 * state go to artifacts/inspector/ (git-ignored; CI keeps them).
 */
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, type Receiver, startReceiver } from "../../../../examples/e2e/receiver.js";
import { hookproof } from "../../test/cli.js";
import { type Listener, startListen } from "../../test/listen.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SHOTS = fileURLToPath(new URL("../../../../artifacts/inspector/", import.meta.url));
const SECRET = "whsec_aG9va3Byb29mIGluc3BlY3RvciBlMmUgc2VjcmV0";
/** The Express example's settings: its Stack Auth endpoint shares SECRET with the sender. */
const serverEnv = {
  STACK_WEBHOOK_SECRET: SECRET,
  GENERIC_WEBHOOK_SECRET: "hookproof inspector e2e generic secret",
};

let app: Receiver;
let listener: Listener;
let context: BrowserContext;
let page: Page;
let port: number;
const dir = mkdtempSync(join(tmpdir(), "hookproof-inspector-"));

const listen = async () => {
  const args = ["-p", "stack-auth", "-s", SECRET, "--dir", dir, "--port", String(port)];
  return startListen([...args, "--forward", `${app.url}/webhooks/stack-auth`]);
};
const send = async (...flags: string[]) => {
  const target = `${listener.url}/webhooks/stack-auth`;
  const result = await hookproof([
    "send",
    target,
    "-p",
    "stack-auth",
    "-e",
    "user.created",
    "-s",
    SECRET,
    ...flags,
  ]);
  expect(result.code, result.stdout + result.stderr).toBe(0);
};
const row = (seq: number) => page.locator(`#list button[data-seq="${seq}"]`);
const rowText = async (seq: number) =>
  (await row(seq).count()) > 0 ? ((await row(seq).textContent()) ?? "") : "";
const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
async function open(seq: number): Promise<string> {
  await row(seq).click();
  await page.locator("#detail h2", { hasText: `Delivery #${seq}` }).waitFor();
  return (await page.locator("#detail").textContent()) ?? "";
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  mkdirSync(SHOTS, { recursive: true });
  app = await startReceiver({
    cwd: fileURLToPath(new URL("../../../../examples/express/", import.meta.url)),
    args: () => ["src/server.js"],
    env: serverEnv,
  });
  port = await freePort();
  listener = await listen();
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "hookproof-chromium-")), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${listener.url}/`);
  await page.locator("#live", { hasText: "live" }).waitFor();
}, 90_000);

afterAll(async () => {
  await context?.close();
  await listener?.stop();
  await app?.stop();
});

describe("the inspector page", () => {
  it("shows each delivery live, with its verdict and the app's answer", async () => {
    await send();
    await expect.poll(() => rowText(1)).toMatch(/valid[\s\S]*app 200/);
    expect(await open(1)).toMatch(/valid: event msg_\w+ of type user\.created[\s\S]*status 200/);
    await shot("1-genuine");

    await send("--tamper");
    await expect.poll(() => rowText(2)).toMatch(/rejected · invalid_signature[\s\S]*app 401/);
    expect(await open(2)).toContain("the signature in `svix-signature` matches none of the 1 secret given");
    await shot("2-tampered");

    await send("--expired");
    await expect.poll(() => rowText(3)).toMatch(/rejected · timestamp_expired[\s\S]*app 401/);
    expect(await open(3)).toMatch(
      /clock skew: the signed timestamp is 36\d s in the past \(tolerance ±300 s\)/,
    );
    await shot("3-expired");

    await send("--duplicate");
    await expect.poll(() => rowText(5)).toMatch(/duplicate of #4[\s\S]*app 200/);
    expect(await rowText(4)).toMatch(/valid[\s\S]*app 200/);
    const detail = await open(5);
    expect(detail).toMatch(/duplicate of delivery #4/);
    // The app's own dedupe answered the second copy without handling it again.
    expect(detail).toContain('"duplicate": true');
    await shot("4-duplicate");
  });

  it("replays the expired delivery re-signed: the app handles it", async () => {
    await open(3);
    const eventId = await page
      .locator("#detail tr", { has: page.locator("th", { hasText: /^svix-id$/ }) })
      .locator("td")
      .textContent();
    const handled = async () =>
      ((await (await fetch(`${app.url}/handled`)).json()) as { id: string }[]).map((e) => e.id);
    expect(await handled()).not.toContain(eventId);

    await page.getByRole("button", { name: "Replay re-signed" }).click();
    await expect.poll(() => rowText(6)).toMatch(/valid[\s\S]*app 200/);
    expect(await page.locator("#detail").textContent()).toContain("re-signed #3");
    expect(await handled()).toContain(eventId);
    await shot("5-replay-resigned");
  });

  it("filters by verdict and moves along the list with the keyboard", async () => {
    await page.getByLabel("Verdict").selectOption("rejected");
    await expect
      .poll(() =>
        page.locator("#list button").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-seq"))),
      )
      .toEqual(["3", "2"]);
    await row(3).focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.locator("#detail h2", { hasText: "Delivery #2" }).waitFor();
    await page.getByLabel("Verdict").selectOption("");
    await expect.poll(() => page.locator("#list button").count()).toBe(6);
  });

  it("refuses an action another site's page sends without the session token", async () => {
    const other = await context.newPage();
    await other.goto("about:blank");
    const status = await other.evaluate(async (url) => {
      try {
        await fetch(`${url}/_hookproof/api/deliveries/1/replay`, { method: "POST", mode: "no-cors" });
        return "sent";
      } catch {
        return "blocked";
      }
    }, listener.url);
    expect(["sent", "blocked"]).toContain(status);
    await other.close();
    const token = await listener.token();
    const list = await fetch(`${listener.url}/_hookproof/api/deliveries`, {
      headers: { "x-hookproof-token": token },
    });
    expect(((await list.json()) as { deliveries: unknown[] }).deliveries).toHaveLength(6);
  });

  it("still shows the history after listen restarts", async () => {
    expect(await listener.stop()).toBe(0);
    await page.locator("#live", { hasText: /reconnecting|disconnected/ }).waitFor();
    listener = await listen();
    await page.reload();
    await page.locator("#live", { hasText: "live" }).waitFor();
    await expect.poll(() => page.locator("#list button").count()).toBe(6);
    expect(await rowText(3)).toMatch(/rejected · timestamp_expired[\s\S]*app 401/);
    expect(await rowText(5)).toMatch(/duplicate of #4/);
    await open(6);
    await shot("6-after-restart");
  });
});
