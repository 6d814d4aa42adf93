// Trunk post_build hook, part: nothing but the page and its stylesheet before the first
// paint. Trunk's page preloads the wasm, the JavaScript and its snippets from <head> and
// imports them at once; on a slow network that half-megabyte competes with the stylesheet
// the first paint waits for. Here the preloads go, and the loader starts the wasm's fetch
// and the JavaScript's import after the first frame, side by side, so the frame and the
// first screen (index.html's #splash, in the chosen language) paint first.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("first_paint.mjs: TRUNK_STAGING_DIR is not set (run through trunk)");
  process.exit(1);
}
const fail = (what) => {
  console.error(`first_paint.mjs: ${what} in index.html (did trunk change its output?)`);
  process.exit(1);
};
const path = join(dir, "index.html");
let html = readFileSync(path, "utf8");

const preloads = html.match(/<link\b[^>]*\brel=("?)(module)?preload\1[^>]*>/g) ?? [];
if (!preloads.some((l) => l.includes(".wasm"))) fail("no preload of the wasm");
for (const link of preloads) html = html.replace(link, "");

const loader = /import init, \* as bindings from '([^']+\.js)';\s*const wasm = await init\(\{ module_or_path: '([^']+\.wasm)' \}\);/;
const m = loader.exec(html);
if (!m) fail("no trunk loader of the expected form");
const [, js, wasm] = m;
html = html.replace(loader, [
  // After the first frame; a tab opened in the background has no frames, so at most 100 ms.
  "await new Promise((r) => { requestAnimationFrame(() => setTimeout(r)); setTimeout(r, 100); });",
  `const wasmResponse = fetch('${wasm}');`,
  `const bindings = await import('${js}');`,
  "const wasm = await bindings.default({ module_or_path: wasmResponse });",
].join("\n"));
writeFileSync(path, html);
console.log(`first_paint.mjs: ${preloads.length} preloads removed; the wasm and ${js} start after the first paint`);
