// What the server benchmarks share: the release server on a fresh database (a SQLite file,
// or a new database on the PostgreSQL server VAKSAM_BENCH_PG names) and free loopback ports,
// one or more instances on that database, devices enrolled through its CLI and the API, keep-alive HTTP from a
// chosen loopback address (the server's rate limits are per client address and per
// device, so a load of many phones must come from many of each), and percentiles.
import { spawn, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const BIN = process.env.VAKSAM_SERVER_BIN || join(resolve(import.meta.dirname, ".."), "target/release/vaksam-server");

/** The n-th loopback address for clients (127.0.1.1, 127.0.1.2, …), never the server's. */
export function clientAddress(n) {
  return `127.0.${1 + Math.floor(n / 250)}.${1 + (n % 250)}`;
}

/** A keep-alive agent whose connections come from `address`. */
export function agentFrom(address, sockets = 1) {
  return new http.Agent({ keepAlive: true, maxSockets: sockets, localAddress: address });
}

/** POST of a JSON body; resolves with status, body and milliseconds taken. */
export function post(agent, url, body, token) {
  const data = Buffer.from(JSON.stringify(body));
  const headers = { "content-type": "application/json", "content-length": data.length };
  if (token) headers.authorization = `Bearer ${token}`;
  const started = performance.now();
  return new Promise((ok, fail) => {
    const req = http.request(url, { method: "POST", agent, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString(), ms: performance.now() - started }));
      res.on("error", fail);
    });
    req.on("error", fail);
    req.end(data);
  });
}

async function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => ok(port)); });
    s.on("error", fail);
  });
}

/** A fresh database: a SQLite file in `dir`, or a new database on VAKSAM_BENCH_PG. */
function freshDatabase(backend, dir) {
  if (backend === "sqlite") return { db: `sqlite://${join(dir, "bench.db")}`, drop: () => {} };
  const server = process.env.VAKSAM_BENCH_PG;
  if (!server) throw new Error("postgres needs VAKSAM_BENCH_PG=postgres://user@host:port (bench/load.sh starts one)");
  const name = `bench_${randomBytes(6).toString("hex")}`;
  execFileSync("psql", [`${server}/postgres`, "-qc", `CREATE DATABASE ${name}`]);
  return {
    db: `${server}/${name}`,
    drop: () => execFileSync("psql", [`${server}/postgres`, "-qc", `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]),
  };
}

/**
 * The release server on a fresh database: `instances` processes on the same database (a
 * load balancer's view), `backend` "sqlite" or "postgres". `stop()` kills them and removes
 * the database. `api` is the first instance's API, `apis` all of them.
 */
export async function startServer({ backend = "sqlite", instances = 1 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "vaksam-bench-"));
  const { db, drop } = freshDatabase(backend, dir);
  const procs = [];
  const apis = [];
  const cli = (...args) => execFileSync(BIN, ["--db", db, ...args], { encoding: "utf8", maxBuffer: 1 << 30 }).trim();
  const stop = async () => {
    for (const proc of procs) {
      const exited = new Promise((r) => proc.once("exit", r));
      if (proc.kill("SIGKILL")) await exited;
    }
    drop();
    rmSync(dir, { recursive: true, force: true });
  };
  for (let n = 0; n < instances; n++) {
    const port = await freePort();
    const api = `http://127.0.0.1:${port}/api/v1`;
    procs.push(spawn(BIN, ["--db", db, "serve", "--addr", `127.0.0.1:${port}`], { stdio: ["ignore", "ignore", "ignore"] }));
    apis.push(api);
    for (let i = 0; ; i++) {
      try { if ((await fetch(`${api}/health`)).ok) break; } catch {}
      if (i > 100) { await stop(); throw new Error(`server did not start: ${BIN}`); }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const cpuMsAll = () => procs.reduce((sum, p) => sum + cpuMs(p.pid), 0);
  return { api: apis[0], apis, db, backend, dir, cli, stop, cpuMs: cpuMsAll };
}

const TICK_MS = (() => {
  try { return 1000 / Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" })); } catch { return 10; }
})();

/** CPU time (user + system, ms) a process has used so far, from /proc; NaN elsewhere. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return NaN;
  }
}

/** Enrolls `count` devices of 0428, device i from client address `first + i`. */
export async function enrollDevices(server, count, first = 0) {
  const devices = [];
  for (let i = 0; i < count; i++) {
    const code = server.cli("enroll", "--kommunkod", "0428", "--name", `Telefon ${i}`);
    const agent = agentFrom(clientAddress(first + i));
    const res = await post(agent, `${server.api}/enroll`, { code });
    if (res.status !== 200) throw new Error(`enroll: ${res.status} ${res.body}`);
    devices.push({ agent, token: JSON.parse(res.body).device_token });
  }
  return devices;
}

/** A UUIDv7 (time-ordered, like the app's record ids): 48 bits of ms, then random. */
export function uuidv7() {
  const bytes = randomBytes(16);
  const ms = Date.now();
  for (let i = 0; i < 6; i++) bytes[i] = Math.floor(ms / 2 ** (8 * (5 - i))) & 0xff;
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A new, valid incident record; `note` goes into its description. */
export function incident(note) {
  return {
    id: uuidv7(), // as the app makes them: new records land at the end of the id index
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
      description: note,
    },
  };
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length))) - 1];
}

/** Counts by key, as "key×n" in key order. */
export function tally(map, key) {
  map.set(key, (map.get(key) || 0) + 1);
}
export const tallyText = (map) => [...map].sort().map(([k, v]) => `${k}×${v}`).join(" ") || "none";
