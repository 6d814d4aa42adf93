// The p99 of normal phones' small syncs while another client floods `/enroll`, compared in
// the same run with the p99 without the flood (the machine is small and noisy: read the
// ratios, not the absolute times).
//
//   node bench/enroll_flood.mjs [seconds per phase = 10] [phones = 20] [flood connections = 8]
//
// Self-contained: starts the release server (target/release/vaksam-server, or
// VAKSAM_SERVER_BIN) on a fresh SQLite file and a free loopback port, enrolls the phones with
// its CLI and over HTTP, runs three phases (quiet, flood, quiet again) and stops the server.
// Each phone is its own client address (127.0.1.x) and sends one new incident per request,
// pausing PAUSE_MS (default 200) between requests, as a phone with a report would. The
// flooder runs in a child process (so it does not slow this process's clock-keeping) from
// 127.0.0.2, sending well-formed but unknown codes as fast as FLOOD connections allow.
// Loopback only; every loop ends with its phase.
import { spawn, execFileSync } from "node:child_process";
import { randomInt, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = process.env.VAKSAM_SERVER_BIN || join(ROOT, "target/release/vaksam-server");
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const FLOOD_ADDRESS = "127.0.0.2";

/** POST of a JSON body over a keep-alive agent; resolves with status, body and milliseconds. */
function post(agent, url, body, token) {
  const data = Buffer.from(JSON.stringify(body));
  const headers = { "content-type": "application/json", "content-length": data.length };
  if (token) headers.authorization = `Bearer ${token}`;
  const started = performance.now();
  return new Promise((ok, fail) => {
    const req = http.request(url, { method: "POST", agent, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode, body: Buffer.concat(chunks).toString(), ms: performance.now() - started }));
      res.on("error", fail);
    });
    req.on("error", fail);
    req.end(data);
  });
}

const tally = (map, key) => map.set(key, (map.get(key) || 0) + 1);
const statuses = (map) => [...map].sort().map(([k, v]) => `${k}×${v}`).join(" ") || "none";

/** The flooder: runs in a child process, prints its counts as JSON on stdout. */
async function flood(base, seconds, connections) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, localAddress: FLOOD_ADDRESS });
  const deadline = performance.now() + seconds * 1000;
  const counts = new Map();
  const code = () => Array.from({ length: 12 }, (_, i) => (i && i % 4 === 0 ? "-" : "") + ALPHABET[randomInt(32)]).join("");
  await Promise.all(Array.from({ length: connections }, async () => {
    while (performance.now() < deadline) {
      try {
        const res = await post(agent, `${base}/enroll`, { code: code() });
        let error = "";
        try { error = JSON.parse(res.body).error ?? ""; } catch {}
        tally(counts, `${res.status} ${error}`.trim());
      } catch (e) {
        tally(counts, e.code || "error");
      }
    }
  }));
  agent.destroy();
  process.stdout.write(JSON.stringify({ seconds, counts: Object.fromEntries(counts) }));
}

async function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => ok(port)); });
    s.on("error", fail);
  });
}

function incident(n) {
  return {
    id: randomUUID(), // the server takes any UUID; the app makes v7
    kind: "incident",
    created_at: new Date().toISOString(),
    payload: {
      category: "lost_device",
      occurred_at: "2026-01-10T09:00:00+01:00",
      discovered_at: "2026-01-10T09:30:00+01:00",
      place: "Hemtjänsten",
      aspects: ["confidentiality"],
      personal_data: { involved: "yes", kinds: ["health"], people: "few", sensitive: "yes", secrecy: "yes" },
      harm_to_person: "no",
      ongoing: "no",
      actions_taken: "Ringde IT",
      description: `Mätning ${n}`,
    },
  };
}

/** One phone: a small sync, a pause, until the phase ends. */
async function phone(p, base, until, pauseMs, sample) {
  let n = 0;
  while (performance.now() < until) {
    try {
      const res = await post(p.agent, `${base}/sync`, { records: [incident(++n)] }, p.token);
      sample.ms.push(res.ms);
      const stored = res.status === 200 && JSON.parse(res.body).results?.[0]?.status === "stored";
      tally(sample.statuses, stored ? "200 stored" : res.status);
    } catch (e) {
      tally(sample.statuses, e.code || "error");
    }
    await new Promise((r) => setTimeout(r, pauseMs));
  }
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length))) - 1];
}

async function phase(name, phones, base, seconds, pauseMs, withFlood, floodConnections) {
  const sample = { ms: [], statuses: new Map() };
  let flooder;
  if (withFlood) {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), "--flood", base, String(seconds), String(floodConnections)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (c) => { out += c; });
    flooder = new Promise((ok) => child.on("exit", () => ok(JSON.parse(out || "{}"))));
    await new Promise((r) => setTimeout(r, 300)); // let the flood get going
  }
  const until = performance.now() + seconds * 1000;
  await Promise.all(phones.map((p) => phone(p, base, until, pauseMs, sample)));
  const flood = flooder ? await flooder : null;
  const sorted = sample.ms.sort((a, b) => a - b);
  return {
    name,
    requests: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1],
    statuses: statuses(sample.statuses),
    flood,
  };
}

async function main() {
  const [seconds = 10, phoneCount = 20, floodConnections = 8] = process.argv.slice(2).map(Number);
  const pauseMs = Number(process.env.PAUSE_MS || 200);
  const dir = mkdtempSync(join(tmpdir(), "vaksam-bench-"));
  const db = `sqlite://${join(dir, "bench.db")}`;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}/api/v1`;
  const server = spawn(BIN, ["--db", db, "serve", "--addr", `127.0.0.1:${port}`], { stdio: ["ignore", "ignore", "ignore"] });
  try {
    for (let i = 0; ; i++) {
      try { if ((await fetch(`${base}/health`)).ok) break; } catch {}
      if (i > 100) throw new Error("server did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
    const phones = [];
    for (let i = 0; i < phoneCount; i++) {
      const code = execFileSync(BIN, ["--db", db, "enroll", "--kommunkod", "0428", "--name", `Telefon ${i}`], { encoding: "utf8" }).trim();
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: `127.0.1.${i + 1}` });
      const res = await post(agent, `${base}/enroll`, { code });
      if (res.status !== 200) throw new Error(`enroll: ${res.status} ${res.body}`);
      phones.push({ agent, token: JSON.parse(res.body).device_token });
    }

    const quiet = await phase("quiet", phones, base, seconds, pauseMs, false);
    const flooded = await phase("flood", phones, base, seconds, pauseMs, true, floodConnections);
    const after = await phase("quiet again", phones, base, seconds, pauseMs, false);

    console.log(`load tool: bench/enroll_flood.mjs (node http, keep-alive), ${phoneCount} phones each on its own loopback address, one new incident per /sync, ${pauseMs} ms between a phone's requests; ${seconds} s per phase; flood: ${floodConnections} keep-alive connections from ${FLOOD_ADDRESS} posting well-formed unknown codes to /enroll; server ${BIN}`);
    console.log("| phase | /sync requests | p50 ms | p95 ms | p99 ms | max ms | /sync answers | /enroll flood |");
    console.log("|---|---:|---:|---:|---:|---:|---|---|");
    for (const r of [quiet, flooded, after]) {
      const f = r.flood ? `${Object.values(r.flood.counts).reduce((a, b) => a + b, 0)} requests (${(Object.values(r.flood.counts).reduce((a, b) => a + b, 0) / r.flood.seconds).toFixed(0)}/s): ${Object.entries(r.flood.counts).map(([k, v]) => `${k}×${v}`).join(" ")}` : "–";
      console.log(`| ${r.name} | ${r.requests} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${r.statuses} | ${f} |`);
    }
    const baseline = Math.max(quiet.p99, after.p99);
    console.log(`p99 under flood / p99 quiet: ${(flooded.p99 / quiet.p99).toFixed(2)} (against the worse quiet phase: ${(flooded.p99 / baseline).toFixed(2)})`);
    const refused = [quiet, flooded, after].filter((r) => r.statuses !== `200 stored×${r.requests}`);
    if (refused.length) console.log(`note: not every /sync was stored (${refused.map((r) => `${r.name}: ${r.statuses}`).join("; ")}); a per-client /sync limit below 1000/PAUSE_MS per second shows here as 429s`);
    for (const p of phones) p.agent.destroy();
  } finally {
    const exited = new Promise((r) => server.once("exit", r));
    if (server.kill("SIGKILL")) await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--flood") {
  await flood(process.argv[3], Number(process.argv[4]), Number(process.argv[5]));
} else {
  await main();
}
