// Search latency per keystroke in headless Chromium, over the largest shipped pack, offline.
// Types the same queries as crates/core/examples/search_bench.rs (read from that file), one
// key at a time into the lookup's search box. The app wraps each search in a
// `vaksam-search` performance measure. Usage: node bench/search_latency.mjs [rounds]
// (needs tools/build.sh first)
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { Browser, ROOT, Server, enroll, waitForPack } from "../tests/e2e/fixtures.mjs";

const rounds = Number(process.argv[2] || 5);
const example = readFileSync(join(ROOT, "crates/core/examples/search_bench.rs"), "utf8");
const block = example.slice(example.indexOf("QUERIES"), example.indexOf("];"));
const queries = [...block.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
const packs = readdirSync(join(ROOT, "packs")).filter((f) => f.endsWith(".toml"));
const largest = packs.sort((a, b) => statSync(join(ROOT, "packs", a)).size - statSync(join(ROOT, "packs", b)).size).at(-1);
const kommunkod = readFileSync(join(ROOT, "packs", largest), "utf8").match(/kommunkod = "(\d{4})"/)[1];

const server = await Server.start();
const browser = await Browser.launch();
try {
  const page = await browser.page();
  await enroll(page, server, kommunkod);
  await waitForPack(page);
  await browser.setOffline(true);
  await page.goto(server.url + "/lookup");
  const box = page.getByLabel("Vad vill du spara eller skicka?");
  await page.evaluate(() => performance.clearMeasures("vaksam-search"));
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      await box.fill("");
      await box.pressSequentially(q);
    }
  }
  const times = await page.evaluate(() => performance.getEntriesByName("vaksam-search").map((e) => e.duration));
  const typed = rounds * queries.reduce((n, q) => n + [...q].length, 0);
  const sorted = [...times].sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  console.log(`pack: ${largest}; ${typed} keystrokes (${queries.length} queries x ${rounds} rounds), ${times.length} searches measured`);
  console.log(`search per keystroke (Chromium, release wasm): p50 ${pct(50).toFixed(3)} ms, p95 ${pct(95).toFixed(3)} ms, max ${sorted.at(-1).toFixed(3)} ms`);
  if (times.length !== typed) throw new Error(`expected a measure per keystroke, got ${times.length} of ${typed}`);
} finally {
  await browser.dispose();
  await server.stop();
}
