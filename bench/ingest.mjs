// Server ingest: records per second and request latency (p50/p95/p99) of POST /api/v1/sync
// with batches of new, valid incidents, from several keep-alive clients at once.
//
//   node bench/ingest.mjs [seconds = 10] [batch = 50] [clients = 4] [sqlite | postgres]
//
// Self-contained: starts the release server (target/release/vaksam-server, or
// VAKSAM_SERVER_BIN) on a fresh SQLite file (WAL, synchronous = FULL) or a fresh database
// on the PostgreSQL server VAKSAM_BENCH_PG names (fsync on, as bench/load.sh starts it), raises 0428's daily
// cap per device to the most the CLI allows, enrolls enough devices (each on its own
// loopback address) that no rate limit binds, so the figure is the writer's capacity, and
// checks at the end that every "stored" answer is a row. Loopback only; the loops end with
// the time given.
import { enrollDevices, incident, percentile, post, startServer, tally, tallyText } from "./server.mjs";

const args = process.argv.slice(2);
const [seconds = 10, batch = 50, clients = 4] = args.slice(0, 3).map(Number);
const backend = args[3] || "sqlite";
// A device may send a burst of 60 requests, then 2 a second: 50 devices per client keep
// each one far below that even at a thousand requests a second.
const DEVICES_PER_CLIENT = 50;

const server = await startServer({ backend });
try {
  try {
    server.cli("limits", "--kommunkod", "0428", "--records-per-day", "100000");
  } catch {
    console.log("(this server has no per-device daily cap to raise)");
  }
  const devices = await enrollDevices(server, clients * DEVICES_PER_CLIENT);
  const latencies = [];
  const answers = new Map();
  let stored = 0;
  const cpuBefore = server.cpuMs();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(Array.from({ length: clients }, async (_, c) => {
    const mine = devices.slice(c * DEVICES_PER_CLIENT, (c + 1) * DEVICES_PER_CLIENT);
    for (let n = 0; performance.now() < deadline; n++) {
      const device = mine[n % mine.length];
      const records = Array.from({ length: batch }, (_, i) => incident(`Belastningstest klient ${c} begäran ${n} nummer ${i}`));
      const res = await post(device.agent, `${server.api}/sync`, { records }, device.token);
      latencies.push(res.ms);
      if (res.status !== 200) {
        tally(answers, res.status);
        continue;
      }
      for (const r of JSON.parse(res.body).results) {
        tally(answers, r.status);
        if (r.status === "stored") stored++;
      }
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  const cpu = (server.cpuMs() - cpuBefore) / 1000;
  const rows = JSON.parse(server.cli("incidents", "--kommunkod", "0428", "--format", "json")).length;
  latencies.sort((a, b) => a - b);
  const ms = (p) => percentile(latencies, p).toFixed(1);
  console.log(`load tool: bench/ingest.mjs (node http, keep-alive), ${clients} concurrent clients over ${devices.length} devices on their own loopback addresses, batch ${batch}, ${seconds} s, loopback, ${backend === "sqlite" ? "SQLite WAL synchronous=FULL" : "PostgreSQL 15, fsync on, pool 16"}`);
  console.log(`records stored: ${stored} (rows in the register: ${rows}), requests: ${latencies.length}, answers: ${tallyText(answers)}`);
  console.log(`throughput: ${(stored / elapsed).toFixed(0)} records/s, ${(latencies.length / elapsed).toFixed(1)} requests/s`);
  console.log(`server CPU: ${(cpu / elapsed).toFixed(2)} cores, ${((cpu * 1e6) / stored).toFixed(0)} µs per record stored`);
  console.log(`request latency: p50 ${ms(0.5)} ms, p95 ${ms(0.95)} ms, p99 ${ms(0.99)} ms, max ${latencies.at(-1).toFixed(1)} ms`);
  console.log(`| ${backend} | ${batch} | **${(stored / elapsed).toFixed(0)}** | ${(latencies.length / elapsed).toFixed(0)} | ${ms(0.5)} ms | ${ms(0.95)} ms | ${ms(0.99)} ms | ${latencies.at(-1).toFixed(1)} ms |`);
  if (rows !== stored) {
    console.error(`every stored answer must be a row: ${stored} stored, ${rows} rows`);
    process.exitCode = 1;
  }
  for (const d of devices) d.agent.destroy();
} finally {
  await server.stop();
}
