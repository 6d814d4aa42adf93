// A reconnect storm: after an outage, `phones` phones, each with `records` reports waiting
// in its outbox, come back within `window` seconds (each at a random moment) and send them
// in one /sync, retrying as the app does (after Retry-After, or 2 s) until they are stored.
//
//   node bench/storm.mjs [phones = 5000] [records = 3] [window = 10] [sqlite | postgres] [servers = 1] [municipalities = 1]
//
// With one municipality (the default) every report of the storm takes the same case
// counter, the worst case; with 5 the phones belong to the five shipped municipalities in
// turn, as in a region.
// Self-contained: starts `servers` release servers on one fresh database (SQLite file, or a
// database on VAKSAM_BENCH_PG) and spreads the phones over them (a load balancer without
// stickiness), from 200 loopback client addresses (phones behind a few NATs). The phones'
// devices are written straight into the database before the storm (enrolling 5,000 through
// the API would take minutes and is not what is measured). Reports: time from the first
// request until every record is stored, request latency, non-200 answers (each one an
// error, even when its retry succeeded), and the rows in the register against the records
// sent.
import { createHash, randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import http from "node:http";
import { join } from "node:path";
import { clientAddress, incident, percentile, post, startServer, tally, tallyText } from "./server.mjs";

const args = process.argv.slice(2);
const [phones = 5000, perPhone = 3, window = 10] = args.slice(0, 3).map(Number);
const backend = args[3] || "sqlite";
const servers = Number(args[4] || 1);
const KOMMUNKODER = ["0428", "0138", "0761", "1493", "2513"].slice(0, Number(args[5] || 1));
const kommunkodOf = (i) => KOMMUNKODER[i % KOMMUNKODER.length];
const ADDRESSES = 200;

const server = await startServer({ backend, instances: servers });
try {
  // The phones' employees and devices, in one transaction.
  const now = new Date().toISOString();
  const tokens = [];
  let sql = "BEGIN;\n";
  for (let i = 0; i < phones; i++) {
    const token = randomBytes(24).toString("base64url");
    tokens.push(token);
    const employee = `00000000-0000-7000-8000-${String(i).padStart(12, "0")}`;
    const device = `00000000-0000-7000-9000-${String(i).padStart(12, "0")}`;
    const hash = createHash("sha256").update(token).digest("hex");
    const k = kommunkodOf(i);
    sql += `INSERT INTO employees (id, kommunkod, name, created_at) VALUES ('${employee}', '${k}', 'Telefon ${i}', '${now}');\n`;
    sql += `INSERT INTO devices (id, employee_id, kommunkod, token_hash, created_at) VALUES ('${device}', '${employee}', '${k}', '${hash}', '${now}');\n`;
  }
  sql += "COMMIT;\n";
  const file = join(server.dir, "devices.sql");
  writeFileSync(file, sql);
  if (backend === "sqlite") {
    execFileSync("sqlite3", ["-cmd", ".timeout 10000", server.db.replace("sqlite://", ""), `.read ${file}`]);
  } else {
    execFileSync("psql", [server.db, "-q", "-v", "ON_ERROR_STOP=1", "-f", file]);
  }

  const agents = Array.from({ length: ADDRESSES }, (_, a) =>
    new http.Agent({ keepAlive: false, maxSockets: Infinity, localAddress: clientAddress(a) }));
  const latencies = [];
  const answers = new Map();
  let stored = 0;
  let errors = 0;
  let lastStored = 0;
  const cpuBefore = server.cpuMs();
  const started = performance.now();
  await Promise.all(tokens.map(async (token, i) => {
    await new Promise((r) => setTimeout(r, Math.random() * window * 1000));
    const records = Array.from({ length: perPhone }, (_, n) => incident(`Efter avbrottet: telefon ${i}, rapport ${n}`));
    const api = server.apis[i % server.apis.length];
    for (let attempt = 0; ; attempt++) {
      let res;
      try {
        res = await post(agents[i % ADDRESSES], `${api}/sync`, { records }, token);
      } catch (e) {
        res = { status: `network ${e.code || e.message}`, ms: 0, body: "" };
      }
      latencies.push(res.ms);
      tally(answers, res.status);
      if (res.status === 200) {
        for (const r of JSON.parse(res.body).results) {
          if (r.status === "stored" || r.status === "already_stored") stored++;
          else tally(answers, `record ${r.status}`);
        }
        lastStored = performance.now();
        return;
      }
      errors++;
      if (attempt > 20) throw new Error(`phone ${i} gave up: ${res.status} ${res.body}`);
      const wait = Number(res.headers?.["retry-after"] || 2);
      await new Promise((r) => setTimeout(r, wait * 1000));
    }
  }));
  const elapsed = (lastStored - started) / 1000;
  const cpu = (server.cpuMs() - cpuBefore) / 1000;
  const rows = KOMMUNKODER.reduce((sum, k) => sum + JSON.parse(server.cli("incidents", "--kommunkod", k, "--format", "json")).length, 0);
  latencies.sort((a, b) => a - b);
  const ms = (p) => percentile(latencies, p).toFixed(0);
  const label = `${servers} server${servers > 1 ? "s" : ""}, ${backend === "sqlite" ? "SQLite" : "PostgreSQL"}, ${KOMMUNKODER.length} municipalit${KOMMUNKODER.length > 1 ? "ies" : "y"}`;
  console.log(`load tool: bench/storm.mjs (node http), ${phones} phones × ${perPhone} records arriving within ${window} s from ${ADDRESSES} addresses, ${label}`);
  console.log(`answers: ${tallyText(answers)}; records sent ${phones * perPhone}, acknowledged ${stored}, rows ${rows}`);
  console.log(`all stored after ${elapsed.toFixed(1)} s; latency p50 ${ms(0.5)} ms, p99 ${ms(0.99)} ms, max ${latencies.at(-1).toFixed(0)} ms; server CPU ${cpu.toFixed(1)} s`);
  console.log(`| ${label} | ${elapsed.toFixed(1)} s | ${ms(0.5)} ms | **${ms(0.99)} ms** | ${latencies.at(-1).toFixed(0)} ms | ${errors} | ${rows} of ${phones * perPhone} |`);
  if (rows !== phones * perPhone || stored !== phones * perPhone) process.exitCode = 1;
} finally {
  await server.stop();
}
