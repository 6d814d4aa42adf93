// The p99 of normal phones' small syncs while another client floods `/enroll`, compared in
// the same run with the p99 without the flood (the machine is small and noisy: read the
// ratios, not the absolute times).
//
//   node bench/enroll_flood.mjs [seconds per phase = 10] [phones = 40] [flood connections = 8]
//
// Self-contained: starts the release server (target/release/vaksam-server, or
// VAKSAM_SERVER_BIN) on a fresh SQLite file and a free loopback port, enrolls the phones with
// its CLI and over HTTP, runs three phases (quiet, flood, quiet again) and stops the server.
// Each phone is its own client address (127.0.1.x) and sends one new incident per request,
// pausing PAUSE_MS (default 500, within the server's per-device rate) between requests. The
// flooder runs in a child process (so it does not slow this process's timing) from
// 127.0.0.2, sending well-formed but unknown codes as fast as its connections allow (or at
// FLOOD_RATE requests per second, to compare servers at the same flood).
// Loopback only; every loop ends with its phase.
import { spawn } from "node:child_process";
import { randomInt } from "node:crypto";
import { fileURLToPath } from "node:url";
import { BIN, agentFrom, enrollDevices, incident, percentile, post, startServer, tally, tallyText } from "./server.mjs";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const FLOOD_ADDRESS = "127.0.0.2";

/** The flooder: runs in a child process, prints its counts as JSON on stdout. */
async function flood(api, seconds, connections) {
  const agent = agentFrom(FLOOD_ADDRESS, connections);
  const deadline = performance.now() + seconds * 1000;
  const counts = new Map();
  const code = () => Array.from({ length: 12 }, (_, i) => (i && i % 4 === 0 ? "-" : "") + ALPHABET[randomInt(32)]).join("");
  // FLOOD_RATE (requests/s, all connections together) paces the flood; without it, as fast
  // as the connections allow.
  const gap = process.env.FLOOD_RATE ? (1000 * connections) / Number(process.env.FLOOD_RATE) : 0;
  await Promise.all(Array.from({ length: connections }, async (_, c) => {
    for (let due = performance.now() + (gap * c) / connections; performance.now() < deadline; due += gap) {
      if (gap) await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      try {
        const res = await post(agent, `${api}/enroll`, { code: code() });
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

/** One phone: a small sync, a pause, until the phase ends. */
async function phone(p, api, until, pauseMs, sample) {
  for (let n = 1; performance.now() < until; n++) {
    try {
      const res = await post(p.agent, `${api}/sync`, { records: [incident(`Mätning ${n}`)] }, p.token);
      sample.ms.push(res.ms);
      const stored = res.status === 200 && JSON.parse(res.body).results?.[0]?.status === "stored";
      tally(sample.statuses, stored ? "200 stored" : res.status);
    } catch (e) {
      tally(sample.statuses, e.code || "error");
    }
    await new Promise((r) => setTimeout(r, pauseMs));
  }
}

async function phase(name, phones, server, seconds, pauseMs, floodConnections) {
  const api = server.api;
  const sample = { ms: [], statuses: new Map() };
  const cpuBefore = server.cpuMs();
  let flooder;
  if (floodConnections) {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), "--flood", api, String(seconds), String(floodConnections)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (c) => { out += c; });
    flooder = new Promise((ok) => child.on("exit", () => ok(JSON.parse(out || "{}"))));
    await new Promise((r) => setTimeout(r, 300)); // let the flood get going
  }
  const until = performance.now() + seconds * 1000;
  await Promise.all(phones.map((p) => phone(p, api, until, pauseMs, sample)));
  const floodCounts = flooder ? await flooder : null;
  const cpu = (server.cpuMs() - cpuBefore) / 1000 / seconds;
  const sorted = sample.ms.sort((a, b) => a - b);
  return {
    name,
    requests: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1),
    statuses: tallyText(sample.statuses),
    flood: floodCounts,
    cpu,
  };
}

function floodText(flood) {
  if (!flood?.counts) return "–";
  const total = Object.values(flood.counts).reduce((a, b) => a + b, 0);
  return `${total} requests (${(total / flood.seconds).toFixed(0)}/s): ${Object.entries(flood.counts).map(([k, v]) => `${k}×${v}`).join(" ")}`;
}

async function main() {
  const [seconds = 10, phoneCount = 40, floodConnections = 8] = process.argv.slice(2).map(Number);
  const pauseMs = Number(process.env.PAUSE_MS || 500);
  const server = await startServer();
  try {
    const phones = await enrollDevices(server, phoneCount);
    const quiet = await phase("quiet", phones, server, seconds, pauseMs, 0);
    const flooded = await phase("flood", phones, server, seconds, pauseMs, floodConnections);
    const after = await phase("quiet again", phones, server, seconds, pauseMs, 0);

    console.log(`load tool: bench/enroll_flood.mjs (node http, keep-alive), ${phoneCount} phones each on its own loopback address, one new incident per /sync, ${pauseMs} ms between a phone's requests; ${seconds} s per phase; flood: ${floodConnections} keep-alive connections from ${FLOOD_ADDRESS}${process.env.FLOOD_RATE ? ` at ${process.env.FLOOD_RATE}/s` : " as fast as they can"} posting well-formed unknown codes to /enroll, in another process; server ${BIN}`);
    console.log("| phase | /sync requests | p50 ms | p95 ms | p99 ms | max ms | server CPU (cores) | /sync answers | /enroll flood |");
    console.log("|---|---:|---:|---:|---:|---:|---:|---|---|");
    for (const r of [quiet, flooded, after]) {
      console.log(`| ${r.name} | ${r.requests} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${r.cpu.toFixed(2)} | ${r.statuses} | ${floodText(r.flood)} |`);
    }
    const worse = Math.max(quiet.p99, after.p99);
    console.log(`p99 under flood / p99 quiet: ${(flooded.p99 / quiet.p99).toFixed(2)} (against the worse quiet phase: ${(flooded.p99 / worse).toFixed(2)})`);
    const refused = [quiet, flooded, after].filter((r) => r.statuses !== `200 stored×${r.requests}`);
    if (refused.length) console.log(`note: not every /sync was stored (${refused.map((r) => `${r.name}: ${r.statuses}`).join("; ")}); 429s here mean PAUSE_MS is below the per-device rate`);
    for (const p of phones) p.agent.destroy();
  } finally {
    await server.stop();
  }
}

if (process.argv[2] === "--flood") {
  await flood(process.argv[3], Number(process.argv[4]), Number(process.argv[5]));
} else {
  await main();
}
