import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as providers from "@hookproof/providers";
import { describe, expect, it } from "vitest";
import { exportsMap, providerFolders, providersTable, withTable } from "../scripts/render.mjs";
import type { ProviderInfo } from "../src/kit/about.js";

// What scripts/generate.mjs writes, rendered again from the sources: a folder added, renamed or changed
// without `pnpm build` (which runs the script) leaves a committed output stale, and this fails.
const root = new URL("../", import.meta.url);
const folders = providerFolders(fileURLToPath(new URL("src/", root)));
const abouts: ProviderInfo[] = [];
for (const name of folders) {
  const module = (await import(`../src/${name}/index.ts`)) as { about?: ProviderInfo };
  if (module.about) abouts.push(module.about);
}
const read = (path: string) => readFileSync(new URL(path, root), "utf8");

describe("generated from the provider folders", () => {
  it("every folder exports its `about`, named after the folder, its events counted from its catalogue", () => {
    expect(abouts.map((about) => about.name)).toEqual(folders);
    for (const about of abouts) {
      const preset = (providers as Record<string, unknown>)[about.preset] as (options: never) => {
        name: string;
        events: object;
      };
      expect(preset, `the index exports \`${about.preset}\``).toBeTypeOf("function");
      const catalogue = (providers as Record<string, unknown>)[`${about.preset}Catalogue`];
      expect(Object.keys(catalogue as object)).toHaveLength(about.events);
    }
  });

  it("package.json's exports map has the index and one subpath per folder", () => {
    expect(JSON.parse(read("package.json")).exports).toEqual(exportsMap(folders));
  });

  it.each([
    ["packages/providers/README.md", "README.md", "src/"],
    ["README.md", "../../README.md", "packages/providers/src/"],
  ])("%s holds the current providers table", (_, path, base) => {
    const text = read(path);
    expect(text).toBe(withTable(text, providersTable(abouts, base), path));
  });

  it.each(folders)(
    '%s/README.md has its "Choosing this preset" section, naming how the sender retries',
    (name) => {
      const text = read(`src/${name}/README.md`);
      const section = /^#+ Choosing this preset\n([\s\S]*?)(?=^#+ |$(?![\s\S]))/m.exec(text)?.[1] ?? "";
      expect(section.length, "CONTRIBUTING.md step 11").toBeGreaterThan(400);
      expect(section).toMatch(/retr|resend|redeliver/i);
    },
  );
});
