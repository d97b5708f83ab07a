// The fenced code blocks of a Markdown file, with their info string, line and headings, for the scripts that
// run or type-check what the READMEs show. A block's info string is its language, then words (`fragment`).
import { readFileSync } from "node:fs";

/**
 * Every fenced block of `file` (``` or ~~~, indented up to three spaces), with the headings it sits under.
 *
 * @example
 * codeBlocks("README.md").filter((block) => block.lang === "ts");
 * // [{ lang: "ts", words: [], line: 23, code: "import …\n", headings: ["hookproof", "Usage"] }]
 */
export function codeBlocks(file) {
  const lines = readFileSync(file, "utf8").split("\n");
  const blocks = [];
  const headings = [];
  for (let i = 0; i < lines.length; i++) {
    const title = /^(#{1,6}) (.*)$/.exec(lines[i]);
    if (title) {
      headings.length = title[1].length - 1;
      headings[title[1].length - 1] = title[2].trim();
    }
    const open = /^( {0,3})(`{3,}|~{3,})\s*([^`]*)$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, info] = open;
    const [lang = "", ...words] = info.trim().split(/\s+/).filter(Boolean);
    const body = [];
    let end = i + 1;
    while (end < lines.length && !lines[end].trimStart().startsWith(fence)) {
      body.push(lines[end].startsWith(indent) ? lines[end].slice(indent.length) : lines[end]);
      end++;
    }
    blocks.push({
      lang,
      words,
      line: i + 1,
      code: `${body.join("\n")}\n`,
      headings: headings.filter(Boolean),
    });
    i = end;
  }
  return blocks;
}

/**
 * The blocks under the heading `title`, at any depth below it.
 *
 * @example
 * section("README.md", "A first verified webhook in under 5 minutes");
 */
export function section(file, title) {
  const blocks = codeBlocks(file).filter((block) => block.headings.includes(title));
  if (blocks.length === 0) throw new Error(`${file} has no code under a heading "${title}"`);
  return blocks;
}
