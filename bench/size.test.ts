import { readdirSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { ADAPTERS, BUDGETS, FAMILIES, isBuilt, measureSizes } from "./lib/size.mjs";

/** Every provider folder of @hookproof/providers. */
const PROVIDER_NAMES = readdirSync(new URL("../packages/providers/src/", import.meta.url), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory() && entry.name !== "kit")
  .map((entry) => entry.name);

// Bundle size is deterministic, so its budgets are enforced here. Timings never are: see RESULTS.md.
type Sizes = Awaited<ReturnType<typeof measureSizes>>;
let sizes: Sizes;

beforeAll(async () => {
  sizes = await measureSizes();
}, 60_000);

describe("bundle size (esbuild, minified, gzip -9, edge/browser condition)", () => {
  it(`keeps the verify path (createVerifier + standardWebhooks) within ${BUDGETS.coreVerify} B`, () => {
    const { gzip, inputs } = sizes.apps.coreVerify;
    // The edge build, not the Node one: WebCrypto, no node:crypto.
    expect(inputs.some((input: string) => input.endsWith("core/dist/web/index.js"))).toBe(true);
    expect(
      gzip,
      "min+gzip of createVerifier + standardWebhooks (edge build) is over its budget; `pnpm bench:size` prints the sizes",
    ).toBeLessThanOrEqual(BUDGETS.coreVerify);
  });

  for (const key of ["ed25519Verify", "ecdsaVerify"] as const) {
    it(`keeps the ${key} path (createVerifier + a public-key scheme) within ${BUDGETS.publicKeyVerify} B`, () => {
      expect(sizes.apps[key].gzip).toBeLessThanOrEqual(BUDGETS.publicKeyVerify);
      expect(sizes.apps[key].gzip).toBeLessThan(sizes.apps.coreRoot.gzip);
    });
  }

  for (const { family, provider } of FAMILIES) {
    it(`keeps ${provider} (${family}) within ${BUDGETS.families[provider]} B, with no other provider inside`, () => {
      const app = sizes.apps[`family:${provider}`];
      expect(app.gzip).toBeLessThanOrEqual(BUDGETS.families[provider]);
      // Every provider object names itself (\`name: "github"\`): only this one's may be in its bundle.
      expect(app.text).toContain(`name:"${provider}"`);
      const others = PROVIDER_NAMES.filter(
        (name) => name !== provider && app.text.includes(`name:"${name}"`),
      );
      expect(others).toEqual([]);
      // jose only where JWTs or X.509 certificates are verified.
      expect(app.inputs.some((input: string) => input.includes("/jose/"))).toBe(
        family.includes("JWT") || family.includes("certificates"),
      );
    });
  }

  it("has a budget for every family measured, and measures a family for every budget", () => {
    expect(Object.keys(BUDGETS.families).sort()).toEqual(FAMILIES.map((f) => f.provider).sort());
  });

  it("pulls in no runtime dependency on the root entry", () => {
    const outside = sizes.apps.coreRoot.inputs.filter(
      (input: string) => !input.endsWith("app.mjs") && !input.includes("packages/core/dist/"),
    );
    expect(outside).toEqual([]);
  });

  for (const adapter of ADAPTERS) {
    it.skipIf(!isBuilt(adapter.name))(`keeps ${adapter.name} within ${BUDGETS.adapter} B on top`, () => {
      const measured = sizes.adapters.find((entry: { name: string }) => entry.name === adapter.name);
      expect(measured?.delta).toBeGreaterThan(0);
      expect(measured?.delta).toBeLessThanOrEqual(BUDGETS.adapter);
    });
  }
});
