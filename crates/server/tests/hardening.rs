//! The server as the open internet meets it: headers, rate limits, the daily limit, slow
//! clients, panics, and resends after a rule changed. Over real HTTP and SQLite.

mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::{json, Value};
use sqlx::Connection;
use std::io::{Read, Write};
use std::time::{Duration, Instant};
use uuid::Uuid;
use vaksam_core::protocol::{sha256_hex, OutboxRecord};
use vaksam_server::storage::Storage;

/// A page with one inline script, served as the app, so its policy can be checked.
const PAGE: &str = "<!DOCTYPE html><html><head><script type=\"module\">import init from '/app.js';init();</script></head><body></body></html>";

fn serve_test_page() {
    let dir = std::env::temp_dir().join(format!("vaksam-hardening-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), PAGE).unwrap();
    std::fs::write(
        dir.join("sw.js"),
        "self.addEventListener('fetch', () => {});",
    )
    .unwrap();
    vaksam_server::assets::serve_from_dir(dir);
}

fn header<'a>(res: &'a reqwest::Response, name: &str) -> &'a str {
    res.headers()
        .get(name)
        .unwrap_or_else(|| panic!("no {name} header"))
        .to_str()
        .unwrap()
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    serve_test_page();
    let s = Server::start().await;
    let token = s.enroll("0428").await;
    let root = s.base.trim_end_matches("/api/v1").to_owned();
    let api = [
        s.http
            .get(format!("{}/health", s.base))
            .send()
            .await
            .unwrap(),
        s.http
            .get(format!("{}/pack", s.base))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap(),
        s.http
            .get(format!("{}/nothing", s.base))
            .send()
            .await
            .unwrap(),
        s.sync_raw(&token, json!({ "records": [] })).await,
    ];
    for res in &api {
        assert_eq!(header(res, "x-content-type-options"), "nosniff");
        assert_eq!(header(res, "referrer-policy"), "no-referrer");
        assert_eq!(header(res, "x-frame-options"), "DENY");
        assert_eq!(header(res, "cache-control"), "no-store", "{}", res.url());
        assert!(header(res, "content-security-policy").contains("default-src 'none'"));
        assert!(res.headers().get("strict-transport-security").is_none());
    }
    let page = s.http.get(format!("{root}/")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let policy = header(&page, "content-security-policy").to_owned();
    assert!(
        policy.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"),
        "{policy}"
    );
    assert!(policy.contains("frame-ancestors 'none'"));
    assert_eq!(header(&page, "x-frame-options"), "DENY");
    // The service worker runs under its own script's policy: it must reach this origin
    // (the review found `default-src 'none'` there kept it from installing).
    let worker = s.http.get(format!("{root}/sw.js")).send().await.unwrap();
    assert_eq!(worker.status(), StatusCode::OK);
    let policy = header(&worker, "content-security-policy");
    assert!(policy.contains("connect-src 'self'"), "{policy}");
    assert!(policy.contains("script-src 'self'"), "{policy}");
    // The app answers only GET and HEAD.
    let post = s
        .http
        .post(format!("{root}/index.html"))
        .send()
        .await
        .unwrap();
    assert_eq!(post.status(), StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn an_enroll_flood_gets_429_and_other_clients_go_on() {
    let s = Server::start().await;
    let token = s.enroll("0428").await;
    let mut statuses = Vec::new();
    let mut limited = None;
    for _ in 0..40 {
        let res = s
            .http
            .post(format!("{}/enroll", s.base))
            .json(&json!({ "code": "ABCD-EFGH-JKLM" }))
            .send()
            .await
            .unwrap();
        statuses.push(res.status());
        if res.status() == StatusCode::TOO_MANY_REQUESTS && limited.is_none() {
            let retry: u64 = header(&res, "retry-after").parse().unwrap();
            limited = Some((retry, res.json::<Value>().await.unwrap()));
        }
    }
    // The first enrolment above used one of the burst.
    assert!(
        statuses[..29].iter().all(|s| *s == StatusCode::BAD_REQUEST),
        "{statuses:?}"
    );
    let (retry, body) = limited.expect("the flood was never limited");
    assert!(retry >= 1);
    assert_eq!(body["error"], "too_many_requests");
    // A phone's sync has its own budget.
    let ok = s
        .sync(&token, vec![record(Uuid::now_v7(), report("flood"))])
        .await;
    assert_eq!(ok[0]["status"], "stored");
}

/// The review sent 70 requests with `Bearer` padded differently each time and was never
/// limited: the limiter must key on the token as the server reads it.
#[tokio::test]
async fn padding_the_token_does_not_buy_a_fresh_rate_budget() {
    let s = Server::start().await;
    let token = s.enroll("0428").await;
    let mut limited = false;
    for n in 0..70 {
        let res = s
            .http
            .get(format!("{}/pack", s.base))
            .header(
                "authorization",
                format!("Bearer {}{token}{}", " ".repeat(n % 7), " ".repeat(n / 7)),
            )
            .send()
            .await
            .unwrap();
        if res.status() == StatusCode::TOO_MANY_REQUESTS {
            limited = true;
            break;
        }
        assert_eq!(res.status(), StatusCode::OK);
    }
    assert!(limited, "70 padded requests were never limited");
}

/// A request cancelled while its write waits for the lock must not leave the write
/// connection with a transaction open (which would lock out admin commands).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_cancelled_while_its_write_waits_leaves_no_transaction_open() {
    let s = Server::start().await;
    let token = s.enroll("0428").await;
    // Another process-like writer holds the lock: SQLite's one write lock, or on
    // PostgreSQL the ledger table, which every record write needs.
    sqlx::any::install_default_drivers();
    let mut other = sqlx::AnyConnection::connect(&s.db_url()).await.unwrap();
    let lock = if on_postgres() {
        "BEGIN; LOCK TABLE records IN ACCESS EXCLUSIVE MODE;"
    } else {
        "BEGIN IMMEDIATE"
    };
    sqlx::raw_sql(lock).execute(&mut other).await.unwrap();
    let impatient = reqwest::Client::builder()
        .timeout(Duration::from_millis(400))
        .build()
        .unwrap();
    let gave_up = impatient
        .post(format!("{}/sync", s.base))
        .bearer_auth(&token)
        .json(&json!({ "records": [record(Uuid::now_v7(), report("avbruten"))] }))
        .send()
        .await;
    assert!(
        gave_up.is_err(),
        "the write should have been waiting for the lock"
    );
    tokio::time::sleep(Duration::from_millis(200)).await;
    sqlx::query("ROLLBACK").execute(&mut other).await.unwrap();
    // Wait out the server's lock timeout, then: other writers get in, and the server
    // stores again.
    tokio::time::sleep(Duration::from_secs(6)).await;
    sqlx::raw_sql(lock).execute(&mut other).await.unwrap();
    sqlx::query("ROLLBACK").execute(&mut other).await.unwrap();
    if on_postgres() {
        let open: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM pg_stat_activity \
             WHERE datname = current_database() AND state LIKE 'idle in transaction%'",
        )
        .fetch_one(&mut other)
        .await
        .unwrap();
        assert_eq!(open, 0, "a transaction was left open");
    }
    let (ok, _, err) = s.admin(&["enroll", "--kommunkod", "0428", "--name", "Efter"]);
    assert!(ok, "{err}");
    let after = s
        .sync(&token, vec![record(Uuid::now_v7(), report("efter"))])
        .await;
    assert_eq!(after[0]["status"], "stored");
}

#[tokio::test]
async fn a_device_over_its_daily_limit_stores_nothing_of_the_batch() {
    let s = Server::start().await;
    let token = s.enroll("0138").await;
    s.storage
        .set_records_per_day(&"0138".parse().unwrap(), 3)
        .await
        .unwrap();
    let first = Uuid::now_v7();
    let stored = s
        .sync(
            &token,
            vec![
                record(first, report("1")),
                record(Uuid::now_v7(), report("2")),
            ],
        )
        .await;
    assert!(stored.iter().all(|r| r["status"] == "stored"));
    let over = s
        .sync_raw(
            &token,
            json!({ "records": [record(Uuid::now_v7(), report("3")), record(Uuid::now_v7(), report("4"))] }),
        )
        .await;
    assert_eq!(over.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(header(&over, "retry-after").parse::<u64>().unwrap() >= 60);
    assert_eq!(over.json::<Value>().await.unwrap()["error"], "daily_limit");
    assert_eq!(s.incident_rows().await, 2);
    // A resend is not a new record: it is answered, not counted.
    let again = s.sync(&token, vec![record(first, report("1"))]).await;
    assert_eq!(again[0]["status"], "already_stored");
    // One more still fits.
    let last = s
        .sync(&token, vec![record(Uuid::now_v7(), report("3"))])
        .await;
    assert_eq!(last[0]["status"], "stored");
    assert_eq!(s.incident_rows().await, 3);
}

/// Review §3.4: a record stored under an older rule must be answered `already_stored` when
/// the phone resends it, not `rejected` by today's rule (the phone would keep it forever).
#[tokio::test]
async fn a_resend_is_recognised_before_it_is_validated_again() {
    let s = Server::start().await;
    let token = s.enroll("0428").await;
    let device = s
        .storage
        .device_by_token(&sha256_hex(token.as_bytes()))
        .await
        .unwrap()
        .unwrap();
    // Stored by an older server whose limit on descriptions was higher than today's.
    let mut old = report("");
    old["description"] = json!("x".repeat(5_000));
    let id = Uuid::now_v7();
    let wire: OutboxRecord = serde_json::from_value(record(id, old.clone())).unwrap();
    sqlx::query(
        "INSERT INTO incidents (id, kommunkod, device_id, case_year, case_seq, content_hash, \
         category, payload, device_created_at, received_at) \
         VALUES ($1, '0428', $2, 2026, 7, $3, 'lost_device', $4, '2026-01-10T09:01:00Z', '2026-01-10T09:02:00Z')",
    )
    .bind(id.to_string())
    .bind(device.id.to_string())
    .bind(wire.content_hash())
    .bind(old.to_string())
    .execute(s.storage.pool())
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO records (id, kind, kommunkod, content_hash) VALUES ($1, 'incident', '0428', $2)",
    )
    .bind(id.to_string())
    .bind(wire.content_hash())
    .execute(s.storage.pool())
    .await
    .unwrap();
    let answer = s.sync(&token, vec![record(id, old.clone())]).await;
    assert_eq!(answer[0]["status"], "already_stored", "{answer:?}");
    assert_eq!(answer[0]["case_number"], "2026-0007");
    // The same invalid content under a new id is still rejected.
    let fresh = s.sync(&token, vec![record(Uuid::now_v7(), old)]).await;
    assert_eq!(fresh[0]["status"], "rejected");
}

/// Review finding M4: connections that never finish their headers, or sit idle, were held
/// forever.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_and_idle_connections_are_closed() {
    let s = Server::start().await;
    let addr = s
        .base
        .trim_start_matches("http://")
        .trim_end_matches("/api/v1")
        .to_owned();
    let slow = std::thread::spawn({
        let addr = addr.clone();
        move || {
            let mut c = std::net::TcpStream::connect(&addr).unwrap();
            c.write_all(b"POST /api/v1/enroll HTTP/1.1\r\nHost: x\r\n")
                .unwrap();
            closed_within(c, Duration::from_secs(25))
        }
    });
    let idle = std::thread::spawn(move || {
        let mut c = std::net::TcpStream::connect(&addr).unwrap();
        c.write_all(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
            .unwrap();
        let mut first = [0u8; 12];
        c.read_exact(&mut first).unwrap();
        assert_eq!(&first, b"HTTP/1.1 200");
        closed_within(c, Duration::from_secs(25))
    });
    let silent = std::thread::spawn({
        let addr = s
            .base
            .trim_start_matches("http://")
            .trim_end_matches("/api/v1")
            .to_owned();
        move || {
            closed_within(
                std::net::TcpStream::connect(&addr).unwrap(),
                Duration::from_secs(25),
            )
        }
    });
    let slow = slow.join().unwrap();
    let idle = idle.join().unwrap();
    let silent = silent.join().unwrap();
    let deadline = vaksam_server::http::HEADER_DEADLINE;
    for (what, took) in [
        ("slow headers", slow),
        ("idle keep-alive", idle),
        ("silent", silent),
    ] {
        let took = took.unwrap_or_else(|| panic!("{what}: the connection stayed open"));
        assert!(
            took >= deadline - Duration::from_secs(1),
            "{what}: closed after {took:?}"
        );
    }
}

/// How long until the server closes `c` (reads to the end), if within `limit`.
fn closed_within(mut c: std::net::TcpStream, limit: Duration) -> Option<Duration> {
    let started = Instant::now();
    c.set_read_timeout(Some(limit)).unwrap();
    let mut sink = Vec::new();
    match c.read_to_end(&mut sink) {
        Ok(_) => Some(started.elapsed()),
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => Some(started.elapsed()),
        Err(_) => None,
    }
}

#[tokio::test]
async fn a_panic_in_one_request_is_a_json_500_and_the_server_goes_on() {
    use axum::routing::get;
    let routes = axum::Router::new()
        .route(
            "/api/v1/boom",
            get(|| async {
                let index: usize = std::hint::black_box(3);
                [1, 2, 3][index].to_string()
            }),
        )
        .route("/api/v1/fine", get(|| async { "fine" }));
    let app = vaksam_server::layered(routes, vaksam_server::Deployment::default());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(vaksam_server::http::serve(
        listener,
        app,
        std::future::pending(),
    ));
    let http = reqwest::Client::new();
    let boom = http
        .get(format!("{base}/api/v1/boom"))
        .send()
        .await
        .unwrap();
    assert_eq!(boom.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(boom.json::<Value>().await.unwrap()["error"], "internal");
    let fine = http
        .get(format!("{base}/api/v1/fine"))
        .send()
        .await
        .unwrap();
    assert_eq!(fine.text().await.unwrap(), "fine");
}

/// A phone whose clock was wrong when it saved (1970 after a reset, or a year past 9999
/// through an offset) gets that record refused alone, naming the field; the rest of its
/// outbox is delivered (review: a 422 for the whole batch blocked the phone for good).
#[tokio::test]
async fn a_record_saved_by_a_wrong_clock_is_refused_alone() {
    let s = Server::start().await;
    let token = s.enroll("0428").await;
    let mut records = Vec::new();
    for bad in ["1970-01-01T00:00:05Z", "9999-12-31T23:59:59-00:01"] {
        let mut r = record(Uuid::now_v7(), report("fel klocka"));
        r["created_at"] = json!(bad);
        records.push(r);
    }
    records.push(record(Uuid::now_v7(), report("rätt klocka")));
    let results = s.sync(&token, records).await;
    for refused in &results[..2] {
        assert_eq!(refused["status"], "rejected", "{refused}");
        assert_eq!(refused["errors"][0]["field"], "created_at");
    }
    assert_eq!(results[2]["status"], "stored");
    assert_eq!(s.incident_rows().await, 1);
}

/// Served through a TLS proxy (`--public-url https://…`), every answer carries HSTS.
#[tokio::test]
async fn behind_https_every_answer_carries_hsts() {
    let routes = axum::Router::new().route("/api/v1/x", axum::routing::get(|| async { "x" }));
    let deployment = vaksam_server::Deployment {
        https: true,
        ..Default::default()
    };
    let app = vaksam_server::layered(routes, deployment);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(vaksam_server::http::serve(
        listener,
        app,
        std::future::pending(),
    ));
    let http = reqwest::Client::new();
    for path in ["/api/v1/x", "/nothing"] {
        let res = http.get(format!("{base}{path}")).send().await.unwrap();
        assert!(
            header(&res, "strict-transport-security").starts_with("max-age="),
            "{path}"
        );
    }
}
