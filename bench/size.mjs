// Transfer size of everything a first visit downloads: index.html, sw.js and the files the
// service worker precaches (wasm, js, css, snippets, manifest, icons), raw, gzip -9 and
// brotli -q11 (the server's own copies are brotli 11 too). Usage: node bench/size.mjs [dist]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dist = process.argv[2] || "dist";
const sw = readFileSync(join(dist, "sw.js"), "utf8");
const precache = JSON.parse(sw.match(/const PRECACHE = (\[.*?\]);/)[1]);
const files = [...new Set(["/index.html", "/sw.js", ...precache])];
const rows = files.map((f) => {
  const bytes = readFileSync(join(dist, f));
  return {
    file: f,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
const kb = (n) => (n / 1024).toFixed(1);
const code = rows.filter((r) => /\.(wasm|js|css)$/.test(r.file));
console.log("| file | raw KB | gzip KB | brotli KB |\n|---|---:|---:|---:|");
for (const r of rows) console.log(`| ${r.file.replace(/-[0-9a-f]{16}/, "-<hash>")} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`);
console.log(`| **wasm + js + css** | ${kb(sum(code, "raw"))} | ${kb(sum(code, "gzip"))} | ${kb(sum(code, "brotli"))} |`);
console.log(`| **everything a first visit downloads** | ${kb(sum(rows, "raw"))} | ${kb(sum(rows, "gzip"))} | ${kb(sum(rows, "brotli"))} |`);
// The budget (issue 16): what the first screen's code costs, wasm + js + css, brotli. The
// catalogs of the other languages and the icons come with the service worker's precache.
const budget = 300 * 1024;
const total = sum(code, "brotli");
console.log(`\nwasm + js + css ${kb(total)} KB brotli of a ${kb(budget)} KB budget: ${total <= budget ? "within" : "OVER"}`);
process.exit(total <= budget ? 0 : 1);
