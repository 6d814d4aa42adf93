//! The real server binary under faults: a disk that cannot be written, other processes
//! writing the same database, hostile times, signals, backups while phones sync.

mod common;

use common::*;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;
use uuid::Uuid;

fn batch(records: &[(Uuid, &str)]) -> Value {
    json!({ "records": records.iter().map(|(id, text)| record(*id, report(text))).collect::<Vec<_>>() })
}

fn prlimit_fsize(pid: u32, soft: &str) {
    let status = Command::new("prlimit")
        .arg(format!("--pid={pid}"))
        .arg(format!("--fsize={soft}:unlimited"))
        .status()
        .expect("prlimit (util-linux) runs");
    assert!(status.success());
}

/// Review finding C1: after failed commits the server answered "stored" for records it
/// never committed, and handed their case numbers out again after a restart.
#[tokio::test]
async fn a_disk_that_cannot_be_written_never_gets_a_record_acknowledged() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Process::start(dir.path()).await;
    let token = server.enroll("0428", "Anna Andersson").await;
    let mut acknowledged: BTreeMap<Uuid, String> = BTreeMap::new();
    let mut send = |server: &Process, ids: Vec<Uuid>| {
        let body = batch(&ids.iter().map(|id| (*id, "disk")).collect::<Vec<_>>());
        let base = server.base.clone();
        let http = server.http.clone();
        let token = token.clone();
        async move {
            let res = http
                .post(format!("{base}/sync"))
                .bearer_auth(&token)
                .json(&body)
                .send()
                .await
                .unwrap();
            let status = res.status();
            let retry = res
                .headers()
                .get("retry-after")
                .map(|v| v.to_str().unwrap().to_owned());
            (status, retry, res.json::<Value>().await.unwrap())
        }
    };

    let first = Uuid::now_v7();
    let (status, _, body) = send(&server, vec![first]).await;
    assert_eq!(status, 200);
    acknowledged.insert(
        first,
        body["results"][0]["case_number"].as_str().unwrap().into(),
    );

    // The disk is "full": no file of the server's may grow past 4 KiB.
    prlimit_fsize(server.pid(), "4096");
    let mut refused = Vec::new();
    for round in 0..5 {
        let ids: Vec<Uuid> = (0..=round).map(|_| Uuid::now_v7()).collect();
        let (status, retry, body) = send(&server, ids.clone()).await;
        assert_eq!(status, 503, "round {round}: {body}");
        assert_eq!(body["error"], "unavailable", "{body}");
        assert!(retry.is_some_and(|s| s.parse::<u64>().unwrap() > 0));
        refused.extend(ids);
        let health = server
            .http
            .get(format!("{}/health", server.base))
            .send()
            .await
            .unwrap();
        assert_eq!(health.status(), 503, "health must not say ok");
        assert!(server.alive());
    }

    // Space returns: the server recovers by itself, first on /health, then for phones.
    prlimit_fsize(server.pid(), "unlimited");
    let mut healthy = false;
    for _ in 0..100 {
        let health = server
            .http
            .get(format!("{}/health", server.base))
            .send()
            .await
            .unwrap();
        if health.status() == 200 {
            healthy = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        healthy,
        "the server did not recover when the disk could be written again"
    );
    // The phone resends what was refused, and files more.
    let mut after: Vec<Uuid> = refused.clone();
    after.extend((0..3).map(|_| Uuid::now_v7()));
    for chunk in after.chunks(4) {
        let (status, _, body) = send(&server, chunk.to_vec()).await;
        assert_eq!(status, 200, "{body}");
        for result in body["results"].as_array().unwrap() {
            assert_eq!(result["status"], "stored", "{result}");
            acknowledged.insert(
                result["id"].as_str().unwrap().parse().unwrap(),
                result["case_number"].as_str().unwrap().into(),
            );
        }
    }
    // An admin command is not locked out either.
    let (ok, _, err) = server.admin(&["enroll", "--kommunkod", "0428", "--name", "Bo"]);
    assert!(ok, "{err}");

    // After a crash and restart, every acknowledged record is there with its case number,
    // and no case number was given twice.
    server.kill();
    let server = Process::start_on(dir.path(), &server.db).await;
    let register = server.register("0428");
    let stored: BTreeMap<Uuid, String> = register
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().parse().unwrap(),
                r["case_number"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(stored, acknowledged);
    let numbers: BTreeSet<&String> = stored.values().collect();
    assert_eq!(numbers.len(), stored.len(), "a case number was used twice");
    let year = year_now();
    let expected: BTreeSet<String> = (1..=stored.len())
        .map(|n| format!("{year}-{n:04}"))
        .collect();
    assert_eq!(
        numbers.into_iter().cloned().collect::<BTreeSet<_>>(),
        expected
    );
}
