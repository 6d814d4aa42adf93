// Lighthouse on the app's first visit: an unenrolled phone opening "/" (the enrollment
// screen), with a fresh browser profile each run. Two configurations, each run N times
// (interleaved, so the machine's noise falls on both alike), medians reported:
//
//   mobile  Lighthouse's default mobile preset (Moto G Power emulation, simulated slow 4G,
//           4x CPU slowdown): performance, accessibility and best practices.
//   slow3G  the same emulation with Lighthouse's own mobileRegular3G constants (300 ms RTT,
//           700 kbit/s, 4x CPU), simulated: performance only, for FCP and LCP.
//
//   bash bench/lighthouse.sh [runs = 3]     (installs bench/node_modules first if missing)
//   node bench/lighthouse.mjs [runs = 3]    (after `(cd bench && npm ci)`)
//
// Self-contained: starts the release server (target/release/vaksam-server, or
// VAKSAM_SERVER_BIN, which embeds the built app) on a fresh SQLite file and a free loopback
// port, runs Debian's Chromium (/usr/bin/chromium, or CHROME_PATH) headless, stops both at
// the end, on failure too. Prints a Markdown table, the failing audits of each category
// and where the full reports of the last run of each configuration are (JSON and HTML);
// exits 1 if a target is missed. Lighthouse's simulated throttling computes the metrics
// from a trace of an unthrottled load, so the figures depend less on the machine's load
// than a real throttled load would, but CPU times still do: compare within one run.
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { constants, tmpdir } from "node:os";
import { join } from "node:path";
import { BIN, startServer } from "./server.mjs";

const HERE = import.meta.dirname;
if (!existsSync(join(HERE, "node_modules/lighthouse/package.json"))) {
  console.error("lighthouse is not installed: run `(cd bench && npm ci)`, or use `bash bench/lighthouse.sh`, which does.");
  process.exit(2);
}
const CHROME = process.env.CHROME_PATH || "/usr/bin/chromium";
if (!existsSync(CHROME)) {
  console.error(`no Chromium at ${CHROME}: tools/setup.sh installs Debian's chromium (or set CHROME_PATH).`);
  process.exit(2);
}
// Lighthouse 12.2.3's trace engine reads a frame's sequence number from the trace's
// PipelineReporter events as `args.chrome_frame_reporter.frame_sequence`; Chromium 156 names
// that argument `frame_reporter`, and the engine's screenshot handler then throws, which
// fails the RootCauses and TraceElements gatherers: no LCP element, and render-blocking-
// resources, layout-shifts, non-composited-animations and the LCP image audits all error.
// The newer Lighthouse that knows the new name needs Node 22 (see package.json). Until then,
// the old name reads the new one, in this process only: a non-enumerable accessor (invisible
// to JSON, Object.keys and for-in) on objects that have an own `frame_reporter`; an
// assignment makes an ordinary own property.
Object.defineProperty(Object.prototype, "chrome_frame_reporter", {
  configurable: true,
  get() { return Object.hasOwn(this, "frame_reporter") ? this.frame_reporter : undefined; },
  set(value) { Object.defineProperty(this, "chrome_frame_reporter", { value, writable: true, enumerable: true, configurable: true }); },
});
if (!existsSync(BIN)) {
  console.error(`no server binary at ${BIN}: run tools/build.sh first (or set VAKSAM_SERVER_BIN).`);
  process.exit(2);
}
const { default: lighthouse } = await import("lighthouse");
const { throttling } = await import("lighthouse/core/config/constants.js");
const chromeLauncher = await import("chrome-launcher");

const runs = Number(process.argv[2] || 3);
if (!Number.isInteger(runs) || runs < 1) {
  console.error("usage: node bench/lighthouse.mjs [runs >= 1]");
  process.exit(2);
}

const KB = 1024;
const TARGETS = {
  transfer: 300 * KB, // wasm + js + css as served (brotli), bytes, at most
  performance: 98, // mobile preset, at least
  accessibility: 100,
  "best-practices": 100,
  mobileLcp: 1500, // ms, below
  slow3gFcp: 2500, // ms, below
};

const CONFIGS = {
  mobile: {
    label: "mobile preset (slow 4G)",
    config: {
      extends: "lighthouse:default",
      settings: { onlyCategories: ["performance", "accessibility", "best-practices"] },
    },
  },
  slow3g: {
    label: "slow 3G",
    config: {
      extends: "lighthouse:default",
      settings: {
        onlyCategories: ["performance"],
        throttlingMethod: "simulate",
        throttling: throttling.mobileRegular3G,
      },
    },
  },
};

const CHROME_FLAGS = [
  "--headless=new",
  "--disable-gpu",
  "--disable-quic",
  // Chromium's sandbox refuses to start as root (containers, CI).
  ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
];

let server;
let chrome;
let cleaning;
async function cleanup() {
  cleaning ??= (async () => {
    try { await chrome?.kill(); } catch {}
    chrome = undefined;
    try { await server?.stop(); } catch {}
    server = undefined;
  })();
  return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, async () => {
    console.error(`\n${signal}: stopping Chromium and the server`);
    await cleanup();
    process.exit(128 + constants.signals[signal]);
  });
}

const median = (list) => {
  const s = list.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** What one Lighthouse result says that the table and the targets need. */
function figures(lhr, artifacts) {
  const audit = (id) => lhr.audits[id]?.numericValue;
  const scores = Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, c.score === null ? NaN : Math.round(c.score * 100)]));
  // Bytes over the wire of the app's code, by extension, once per URL (the largest transfer
  // of a URL: a second fetch from the HTTP cache, e.g. the service worker's precache, is ~0).
  const perUrl = new Map();
  for (const item of lhr.audits["network-requests"]?.details?.items ?? []) {
    const path = new URL(item.url).pathname;
    const ext = path.match(/\.(wasm|js|css)$/)?.[1];
    if (!ext) continue;
    perUrl.set(path, { ext, bytes: Math.max(perUrl.get(path)?.bytes ?? 0, item.transferSize ?? 0) });
  }
  const bytes = { wasm: 0, js: 0, css: 0 };
  for (const { ext, bytes: b } of perUrl.values()) bytes[ext] += b;
  // How each of those was encoded, from the DevTools protocol log the page was loaded with,
  // and whether Chromium asked for brotli.
  const encodings = new Map();
  let acceptsBr = false;
  for (const entry of artifacts?.DevtoolsLog ?? []) {
    // The network stack adds Accept-Encoding: it is in the extra info, not in requestWillBeSent.
    if (entry.method === "Network.requestWillBeSentExtraInfo" || entry.method === "Network.responseReceived") {
      const headers = lower(entry.params.headers ?? entry.params.response?.requestHeaders);
      if (/\bbr\b/.test(headers["accept-encoding"] ?? "")) acceptsBr = true;
    }
    if (entry.method === "Network.responseReceived") {
      const { url, headers } = entry.params.response;
      if (!url.startsWith("http")) continue;
      const path = new URL(url).pathname;
      if (!/\.(wasm|js|css)$/.test(path)) continue;
      encodings.set(path, lower(headers)["content-encoding"] || "identity");
    }
  }
  return {
    scores,
    fcp: audit("first-contentful-paint"),
    lcp: audit("largest-contentful-paint"),
    tbt: audit("total-blocking-time"),
    cls: audit("cumulative-layout-shift"),
    si: audit("speed-index"),
    total: audit("total-byte-weight"),
    bytes: { ...bytes, code: bytes.wasm + bytes.js + bytes.css },
    files: perUrl.size,
    encodings,
    acceptsBr,
    failing: failingAudits(lhr),
    lcpElement: lcpElement(lhr),
  };
}

/** The LCP element and its phases (TTFB, load delay, load time, render delay). */
function lcpElement(lhr) {
  const tables = lhr.audits["largest-contentful-paint-element"]?.details?.items ?? [];
  const node = tables[0]?.items?.[0]?.node;
  const phases = (tables[1]?.items ?? []).map((p) => `${p.phase} ${Math.round(p.timing)} ms`).join(", ");
  return node ? `\`${node.selector}\` ("${node.nodeLabel}")${phases ? `; ${phases}` : ""}` : "unknown";
}

const lower = (headers = {}) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

/** Per category: the audits that count and did not pass (score < 1, or errored). */
function failingAudits(lhr) {
  const out = {};
  for (const [id, category] of Object.entries(lhr.categories)) {
    out[id] = [];
    for (const ref of category.auditRefs) {
      const a = lhr.audits[ref.id];
      if (!a || ["informative", "notApplicable", "manual"].includes(a.scoreDisplayMode)) continue;
      if (a.scoreDisplayMode === "error" || (a.score !== null && a.score < 1)) {
        // The files an opportunity names (render-blocking CSS, unminified JS, …), as paths.
        const urls = (a.details?.items ?? []).map((item) => item.url).filter((u) => typeof u === "string" && u.startsWith("http"));
        const files = [...new Set(urls.map((u) => new URL(u).pathname))];
        out[id].push({ id: a.id, title: a.title, score: a.score, display: a.displayValue || a.errorMessage || "", weight: ref.weight, files });
      }
    }
  }
  return out;
}

async function runOnce(url, name) {
  chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: CHROME_FLAGS, logLevel: "silent", handleSIGINT: false });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: ["json", "html"], logLevel: "error" }, CONFIGS[name].config);
    if (!result) throw new Error("Lighthouse returned no result");
    if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.code}: ${result.lhr.runtimeError.message}`);
    return result;
  } finally {
    await chrome.kill();
    chrome = undefined;
  }
}

const ms = (v) => (Number.isFinite(v) ? `${Math.round(v).toLocaleString("en-US")} ms` : "—");
const kb = (v) => (Number.isFinite(v) ? `${(v / KB).toFixed(1)} KB` : "—");
const score = (v) => (Number.isFinite(v) ? String(v) : "—");
const cls = (v) => (Number.isFinite(v) ? v.toFixed(3) : "—");

const started = performance.now();
const results = { mobile: [], slow3g: [] };
const last = {};
const seconds = { mobile: [], slow3g: [] };
let exitCode = 0;
try {
  server = await startServer();
  const url = server.api.replace(/\/api\/v1$/, "") + "/";
  console.error(`server ${url} (fresh SQLite in ${server.dir}); Chromium ${CHROME}; ${runs} run(s) of each configuration`);
  for (let i = 0; i < runs; i++) {
    for (const name of Object.keys(CONFIGS)) {
      const t0 = performance.now();
      const result = await runOnce(url, name);
      seconds[name].push((performance.now() - t0) / 1000);
      const f = figures(result.lhr, result.artifacts);
      results[name].push(f);
      last[name] = result;
      const s = f.scores;
      console.error(`  ${name} ${i + 1}/${runs}: ${seconds[name].at(-1).toFixed(0)} s; perf ${s.performance}` +
        (name === "mobile" ? ` a11y ${s.accessibility} bp ${s["best-practices"]}` : "") +
        `; FCP ${ms(f.fcp)} LCP ${ms(f.lcp)} TBT ${ms(f.tbt)}; wasm+js+css ${kb(f.bytes.code)}`);
    }
  }
} catch (e) {
  console.error(e?.stack || e);
  exitCode = 2;
} finally {
  await cleanup();
}
if (exitCode) process.exit(exitCode);

// Full reports of the last run of each configuration.
const outDir = mkdtempSync(join(tmpdir(), "vaksam-lighthouse-"));
for (const [name, result] of Object.entries(last)) {
  const [json, html] = result.report;
  writeFileSync(join(outDir, `${name}.json`), json);
  writeFileSync(join(outDir, `${name}.html`), html);
}

const med = (name, pick) => median(results[name].map(pick));
const spread = (name, pick, fmt) => {
  const values = results[name].map(pick).filter(Number.isFinite);
  const [lo, hi] = [Math.min(...values), Math.max(...values)].map((v) => fmt(v).replace(/ (ms|KB)$/, ""));
  return values.length < 2 || lo === hi ? "" : ` (${lo}–${hi})`;
};
const cell = (name, pick, fmt) => (results[name].length ? `${fmt(med(name, pick))}${spread(name, pick, fmt)}` : "—");

const m = {
  performance: med("mobile", (f) => f.scores.performance),
  accessibility: med("mobile", (f) => f.scores.accessibility),
  "best-practices": med("mobile", (f) => f.scores["best-practices"]),
  lcp: med("mobile", (f) => f.lcp),
  code: med("mobile", (f) => f.bytes.code),
  slowFcp: med("slow3g", (f) => f.fcp),
};
const lastMobile = results.mobile.at(-1);
const allBrotli = lastMobile.acceptsBr && lastMobile.encodings.size > 0 && [...lastMobile.encodings.values()].every((e) => e === "br");
const checks = [
  ["wasm + js + css served as brotli", allBrotli, "all"],
  ["wasm + js + css transferred", m.code <= TARGETS.transfer, `≤ ${TARGETS.transfer / KB} KB`],
  ["performance (mobile)", m.performance >= TARGETS.performance, `≥ ${TARGETS.performance}`],
  ["accessibility", m.accessibility >= TARGETS.accessibility, `${TARGETS.accessibility}`],
  ["best practices", m["best-practices"] >= TARGETS["best-practices"], `${TARGETS["best-practices"]}`],
  ["LCP (mobile)", m.lcp < TARGETS.mobileLcp, `< ${TARGETS.mobileLcp} ms`],
  ["FCP (slow 3G)", m.slowFcp < TARGETS.slow3gFcp, `< ${TARGETS.slow3gFcp} ms`],
];
const verdict = (ok) => (ok ? "met" : "**missed**");
const target = (label) => checks.find(([l]) => l === label);

const rows = [
  ["performance score", (f) => f.scores.performance, score, target("performance (mobile)")],
  ["accessibility score", (f) => f.scores.accessibility, score, target("accessibility"), "mobile"],
  ["best-practices score", (f) => f.scores["best-practices"], score, target("best practices"), "mobile"],
  ["First Contentful Paint", (f) => f.fcp, ms, target("FCP (slow 3G)"), null, "slow3g"],
  ["Largest Contentful Paint", (f) => f.lcp, ms, target("LCP (mobile)")],
  ["Total Blocking Time", (f) => f.tbt, ms],
  ["Cumulative Layout Shift", (f) => f.cls, cls],
  ["Speed Index", (f) => f.si, ms],
  ["wasm transferred", (f) => f.bytes.wasm, kb],
  ["js transferred", (f) => f.bytes.js, kb],
  ["css transferred", (f) => f.bytes.css, kb],
  ["**wasm + js + css transferred**", (f) => f.bytes.code, kb, target("wasm + js + css transferred")],
  ["everything transferred (total-byte-weight)", (f) => f.total, kb],
];

const fmtRuns = (name) => `${seconds[name].length} × ${median(seconds[name]).toFixed(0)} s`;
console.log(`Lighthouse ${last.mobile.lhr.lighthouseVersion}, ${last.mobile.lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? "Chromium"} headless, ` +
  `first visit of "/" (enrollment screen), median of ${runs} run(s) (min–max).\n`);
console.log(`| measure | ${CONFIGS.mobile.label} | ${CONFIGS.slow3g.label} | target |`);
console.log("|---|---:|---:|---|");
for (const [label, pick, fmt, check, only, targetOn = "mobile"] of rows) {
  const mobile = only && only !== "mobile" ? "—" : cell("mobile", pick, fmt);
  const slow = only === "mobile" ? "—" : cell("slow3g", pick, fmt);
  const t = check ? `${check[2]} (${targetOn === "mobile" ? "mobile" : "slow 3G"}): ${verdict(check[1])}` : "";
  console.log(`| ${label} | ${mobile} | ${slow} | ${t} |`);
}

// Served encodings of the app's code, and whether brotli was asked for and given.
const enc = lastMobile.encodings;
const byEncoding = new Map();
for (const [path, e] of enc) byEncoding.set(e, [...(byEncoding.get(e) ?? []), path]);
const encText = [...byEncoding].map(([e, paths]) => `${e} × ${paths.length}`).join(", ") || "none seen";
console.log(`\nChromium sent Accept-Encoding with br: ${lastMobile.acceptsBr ? "yes" : "NO"}; the app's wasm/js/css came as ${encText}.`);
const notBr = [...enc].filter(([, e]) => e !== "br").map(([p, e]) => `${p} (${e})`);
if (notBr.length) console.log(`Not brotli: ${notBr.join(", ")}`);

console.log(`LCP element (last run): mobile ${results.mobile.at(-1).lcpElement}; slow 3G ${results.slow3g.at(-1).lcpElement}.`);

// Failing audits: per category, how many runs each failed in, with the last run's value.
for (const [name, list] of Object.entries(results)) {
  const categories = Object.keys(list[0].failing);
  console.log(`\nFailing audits, ${CONFIGS[name].label} (score < 1, informative and not-applicable ones left out; runs failed of ${list.length}):`);
  for (const cat of categories) {
    const seen = new Map();
    for (const f of list) for (const a of f.failing[cat]) seen.set(a.id, { ...a, n: (seen.get(a.id)?.n ?? 0) + 1 });
    if (!seen.size) { console.log(`- ${cat}: none`); continue; }
    console.log(`- ${cat}:`);
    for (const a of [...seen.values()].sort((x, y) => y.weight - x.weight || (x.score ?? 0) - (y.score ?? 0))) {
      const s = a.score === null ? "error" : a.score.toFixed(2);
      console.log(`  - \`${a.id}\` ${a.title}: score ${s}${a.display ? `, ${a.display}` : ""}${cat === "performance" && !a.weight ? "" : `, weight ${a.weight}`} (${a.n}/${list.length})` +
        (a.files.length ? `: ${a.files.slice(0, 6).join(", ")}${a.files.length > 6 ? ", …" : ""}` : ""));
    }
  }
}

console.log(`\nTargets: ${checks.map(([l, ok, t]) => `${l} ${t} ${ok ? "met" : "MISSED"}`).join("; ")}.`);
console.log(`Runs: mobile ${fmtRuns("mobile")}, slow 3G ${fmtRuns("slow3g")}; all in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
console.log(`Full reports of the last run of each (JSON and HTML): ${outDir}`);
process.exit(checks.every(([, ok]) => ok) ? 0 : 1);
