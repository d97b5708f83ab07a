import { beforeAll, describe, expect, it } from "vitest";
import { ADAPTERS, BUDGETS, isBuilt, measureSizes } from "./lib/size.mjs";

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

  it(`keeps a JWT provider (createWebhooks + netlify, jose included) within ${BUDGETS.jwtProvider} B`, () => {
    const { gzip, inputs } = sizes.apps.jwtProvider;
    expect(inputs.some((input: string) => input.includes("/jose/"))).toBe(true);
    expect(gzip).toBeLessThanOrEqual(BUDGETS.jwtProvider);
  });

  it("leaves jose out of a provider that does not sign JWTs (stack-auth)", () => {
    expect(sizes.apps.provider.inputs.filter((input: string) => input.includes("jose"))).toEqual([]);
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
