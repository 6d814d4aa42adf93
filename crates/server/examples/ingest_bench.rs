//! Load generator for the sync endpoint: starts the release server binary on a fresh SQLite
//! file, enrolls one device, and has several keep-alive HTTP clients send batches of new
//! incident records for a fixed time. Prints records per second and request latency.
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
    let code = Command::new(&bin)
        .args([
            "--db",
            &db,
            "enroll",
            "--kommunkod",
            "0428",
            "--name",
            "Bench",
        ])
        .output()
        .expect("run vaksam-server enroll (build it with tools/build.sh)");
    let code = String::from_utf8_lossy(&code.stdout).trim().to_owned();
    let mut server = Command::new(&bin)
        .args(["--db", &db, "serve", "--addr", &format!("127.0.0.1:{port}")])
        .stderr(Stdio::null())
        .spawn()
        .expect("start server");
    let base = format!("http://127.0.0.1:{port}/api/v1");
    let http = reqwest::Client::new();
    let mut token = String::new();
    for _ in 0..100 {
        if let Ok(res) = http
            .post(format!("{base}/enroll"))
            .json(&json!({ "code": code }))
            .send()
            .await
        {
            let body: serde_json::Value = res.json().await.expect("enroll answer");
            token = body["device_token"].as_str().expect("token").to_owned();
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..clients {
        let (http, base, token) = (http.clone(), base.clone(), token.clone());
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut stored = 0usize;
            let mut n = 0usize;
            while Instant::now() < deadline {
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
                let res = http.post(format!("{base}/sync")).bearer_auth(&token).json(&json!({ "records": records })).send().await.expect("send");
                let body: serde_json::Value = res.json().await.expect("answer");
                if latencies.is_empty() && body["results"][0]["status"] != "stored" {
                    eprintln!("unexpected answer: {body}");
                }
                latencies.push(t.elapsed());
                stored += body["results"].as_array().map_or(0, |r| r.iter().filter(|x| x["status"] == "stored").count());
            }
            (latencies, stored)
        }));
    }
    let mut latencies = Vec::new();
    let mut stored = 0;
    for t in tasks {
        let (l, s) = t.await.expect("client");
        latencies.extend(l);
        stored += s;
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
        "records stored: {stored} (rows in the database: {rows}), requests: {}",
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
