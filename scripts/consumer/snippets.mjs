// The TypeScript snippets of every README, as files a checked project compiles: a block is checked unless
// its info string marks it as a fragment (```ts fragment), the convention CONTRIBUTING.md describes.
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { codeBlocks } from "./markdown.mjs";

const TS = new Set(["ts", "typescript", "tsx"]);

/** Every README a user reads: the root, each package, each provider folder, each example. */
export function readmes(root) {
  const under = (dir, depth) =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir))
          .sort()
          .map((name) => join(root, dir, name, ...depth, "README.md"))
          .filter(existsSync)
      : [];
  return [
    join(root, "README.md"),
    ...under("packages", []),
    ...under("packages/providers/src", []),
    ...under("examples", []),
  ];
}

/**
 * The TypeScript blocks of the READMEs under `root`: `checked` ones as `{ readme, line, code, file }` (`file`
 * a name for the snippet, `packages__core__README.md_L42.ts`, or the Next route path its first line names,
 * with `route: true`), and how many were marked as fragments.
 *
 * @example
 * const { checked, fragments } = typescriptSnippets("/work/hookproof");
 */
export function typescriptSnippets(root) {
  const checked = [];
  let fragments = 0;
  for (const readme of readmes(root)) {
    const name = relative(root, readme);
    for (const block of codeBlocks(readme)) {
      if (!TS.has(block.lang)) continue;
      if (block.words.includes("fragment")) {
        fragments++;
        continue;
      }
      // A Next.js route file names its path on its first line (`// app/webhooks/route.ts`).
      const named = /^\/\/ ((?:app|pages)\/[\w/.[\]-]+\.tsx?)/.exec(block.code);
      const file = named ? named[1] : `${name.replaceAll("/", "__")}_L${block.line}.ts`;
      checked.push({ readme: name, line: block.line, code: block.code, file, route: Boolean(named) });
    }
  }
  return { checked, fragments };
}

/**
 * The snippets that are not Next routes, as files under `dir` of a project to type-check: each one a module
 * of its own (an `export {}` appended), so two snippets may both declare `hooks`.
 *
 * @example
 * snippetFiles(root, "snippets"); // { "snippets/README.md_L20.ts": "import …\nexport {};\n", … }
 */
export function snippetFiles(root, dir) {
  const { checked } = typescriptSnippets(root);
  return Object.fromEntries(
    checked
      .filter((snippet) => !snippet.route)
      .map((snippet) => [join(dir, snippet.file), `${snippet.code}export {};\n`]),
  );
}
