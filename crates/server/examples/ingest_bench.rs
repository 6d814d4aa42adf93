//! Load generator for the sync endpoint: starts the release server binary on a fresh SQLite
//! file, enrolls many devices (as phones do, each from its own address: the server trusts
//! `X-Forwarded-For` here, as behind a proxy, so the per-address limit on `/enroll` does not
//! apply to the set-up), lifts the municipality's daily limit, and has several keep-alive
//! HTTP clients send batches of new incident records for a fixed time, each request from
//! the next device, so no device exceeds its own rate limit. Prints records per second and
//! request latency.
//!
//! `cargo run --release -p vaksam-server --example ingest_bench -- [seconds] [batch] [clients]`
//! (needs `target/release/vaksam-server`; tools/build.sh makes it).

use serde_json::json;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use uuid::Uuid;

#[tokio::main]
async fn main() {
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let seconds = args.first().copied().unwrap_or(10);
    let batch = args.get(1).copied().unwrap_or(50) as usize;
    let clients = args.get(2).copied().unwrap_or(4) as usize;

    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let bin = root.join("target/release/vaksam-server");
    let dir = tempfile::tempdir().expect("temp dir");
    let db = format!("sqlite://{}", dir.path().join("bench.db").display());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("port")
        .local_addr()
        .expect("addr")
        .port();
    let admin = |args: &[&str]| {
        let out = Command::new(&bin)
            .args(["--db", &db])
            .args(args)
            .output()
            .expect("run vaksam-server (build it with tools/build.sh)");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    };
    admin(&[
        "limits",
        "--kommunkod",
        "0428",
        "--records-per-day",
        "100000",
    ]);
    const DEVICES: usize = 128;
    let codes: Vec<String> = (0..DEVICES)
        .map(|n| {
            admin(&[
                "enroll",
                "--kommunkod",
                "0428",
                "--name",
                &format!("Bench {n}"),
            ])
        })
        .collect();
    let mut server = Command::new(&bin)
        .args([
            "--db",
            &db,
            "serve",
            "--addr",
            &format!("127.0.0.1:{port}"),
            "--trust-forwarded-for",
        ])
        .stderr(Stdio::null())
        .spawn()
        .expect("start server");
    let base = format!("http://127.0.0.1:{port}/api/v1");
    let http = reqwest::Client::new();
    for _ in 0..100 {
        if http.get(format!("{base}/health")).send().await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut tokens = Vec::new();
    for (n, code) in codes.iter().enumerate() {
        let res = http
            .post(format!("{base}/enroll"))
            .header(
                "x-forwarded-for",
                format!("10.0.{}.{}", n / 250, n % 250 + 1),
            )
            .json(&json!({ "code": code }))
            .send()
            .await
            .expect("enroll");
        let body: serde_json::Value = res.json().await.expect("enroll answer");
        tokens.push(body["device_token"].as_str().expect("token").to_owned());
    }

    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..clients {
        let (http, base) = (http.clone(), base.clone());
        // Each client sends for its own share of the devices, one device after another.
        let mine: Vec<String> = tokens.iter().skip(c).step_by(clients).cloned().collect();
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut stored = 0usize;
            let mut refused = 0usize;
            let mut n = 0usize;
            let mut next = mine.iter().cycle();
            while Instant::now() < deadline {
                let token = next.next().expect("a client has devices");
                let records: Vec<_> = (0..batch)
                    .map(|i| {
                        n += 1;
                        json!({
                            "id": Uuid::now_v7(),
                            "kind": "incident",
                            "created_at": "2026-11-23T10:00:00+01:00",
                            "payload": {
                                "category": "lost_device",
                                "occurred_at": "2026-01-10T09:00:00+01:00",
                                "discovered_at": "2026-01-10T09:30:00+01:00",
                                "place": "Hemtjänsten",
                                "aspects": ["confidentiality"],
                                "personal_data": { "involved": "yes", "kinds": ["health"], "people": "few", "sensitive": "yes", "secrecy": "yes" },
                                "harm_to_person": "no",
                                "ongoing": "no",
                                "actions_taken": "Ringde IT",
                                "description": format!("Belastningstest klient {c} nummer {n} i batch {i}"),
                            }
                        })
                    })
                    .collect();
                let t = Instant::now();
                let res = http.post(format!("{base}/sync")).bearer_auth(token).json(&json!({ "records": records })).send().await.expect("send");
                if !res.status().is_success() {
                    refused += 1;
                }
                let body: serde_json::Value = res.json().await.expect("answer");
                if latencies.is_empty() && body["results"][0]["status"] != "stored" {
                    eprintln!("unexpected answer: {body}");
                }
                latencies.push(t.elapsed());
                stored += body["results"].as_array().map_or(0, |r| r.iter().filter(|x| x["status"] == "stored").count());
            }
            (latencies, stored, refused)
        }));
    }
    let mut latencies = Vec::new();
    let mut stored = 0;
    let mut refused = 0;
    for t in tasks {
        let (l, s, r) = t.await.expect("client");
        latencies.extend(l);
        stored += s;
        refused += r;
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    let pct = |p: f64| {
        latencies[((p * latencies.len() as f64).ceil() as usize).clamp(1, latencies.len()) - 1]
            .as_secs_f64()
            * 1000.0
    };

    let pool = sqlx::SqlitePool::connect(&db).await.expect("open db");
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM incidents")
        .fetch_one(&pool)
        .await
        .expect("count");
    let _ = server.kill();
    let _ = server.wait();

    println!("load tool: this example (reqwest, keep-alive), {clients} concurrent clients, batch {batch}, {seconds} s, loopback, SQLite WAL synchronous=FULL");
    println!(
        "records stored: {stored} (rows in the database: {rows}), requests: {} ({refused} refused), {DEVICES} devices",
        latencies.len()
    );
    println!(
        "throughput: {:.0} records/s, {:.1} requests/s",
        stored as f64 / elapsed,
        latencies.len() as f64 / elapsed
    );
    println!(
        "request latency: p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        pct(0.50),
        pct(0.95),
        pct(0.99),
        pct(1.0)
    );
    assert_eq!(rows as usize, stored, "every stored answer must be a row");
}
