//! The storage contracts under real concurrency: many requests at once through many
//! connections, and two server processes on one database. Against PostgreSQL
//! (`VAKSAM_TEST_POSTGRES`, as `tools/test.sh` runs them) nothing serialises the writers but
//! the database itself; against SQLite the same tests hold through its one writer.

mod common;

use common::*;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use uuid::Uuid;
use vaksam_server::chain;
use vaksam_server::storage::{instance_id, Storage};

fn signature_record(id: Uuid, payload: Value) -> Value {
    json!({ "id": id, "kind": "signature", "created_at": "2026-01-10T10:01:00+01:00", "payload": payload })
}

async fn pack_of(s: &Server, token: &str) -> vaksam_core::Pack {
    s.get_json(token, "/pack").await
}

/// Runs every future on its own task, so that they really overlap on the server.
async fn all<T: Send + 'static>(
    futures: impl IntoIterator<Item = impl std::future::Future<Output = T> + Send + 'static>,
) -> Vec<T> {
    let handles: Vec<_> = futures.into_iter().map(tokio::spawn).collect();
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}

fn sync_from(
    s: &Server,
    token: &str,
    records: Vec<Value>,
) -> impl std::future::Future<Output = Vec<Value>> + Send + 'static {
    let (http, base, token) = (s.http.clone(), s.base.clone(), token.to_owned());
    async move {
        let res = http
            .post(format!("{base}/sync"))
            .bearer_auth(&token)
            .json(&json!({ "records": records }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
        let body: Value = res.json().await.unwrap();
        body["results"].as_array().unwrap().clone()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sixteen_concurrent_resends_of_one_id_store_one_row() {
    let s = Server::start().await;
    let token = s.enroll("0138").await;
    let id = Uuid::now_v7();
    let answers =
        all((0..16).map(|_| sync_from(&s, &token, vec![record(id, report("samma"))]))).await;
    let stored = answers
        .iter()
        .filter(|r| r[0]["status"] == "stored")
        .count();
    let again = answers
        .iter()
        .filter(|r| r[0]["status"] == "already_stored")
        .count();
    assert_eq!((stored, again), (1, 15), "{answers:?}");
    let numbers: BTreeSet<String> = answers
        .iter()
        .map(|r| r[0]["case_number"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        numbers.len(),
        1,
        "every answer names the first receipt: {numbers:?}"
    );
    assert_eq!(s.incident_rows().await, 1);
    assert_eq!(count(&s, "SELECT COUNT(*) FROM records").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_same_id_as_two_kinds_at_once_is_stored_once() {
    let s = Server::start().await;
    let token = s.enroll("0428").await;
    let pack = pack_of(&s, &token).await;
    let id = Uuid::now_v7();
    let mut sends = Vec::new();
    for n in 0..8 {
        let record = if n % 2 == 0 {
            record(id, report("incident"))
        } else {
            signature_record(id, signed(&pack, "Anna Andersson"))
        };
        sends.push(sync_from(&s, &token, vec![record]));
    }
    let answers = all(sends).await;
    let stored = answers
        .iter()
        .filter(|r| r[0]["status"] == "stored")
        .count();
    assert_eq!(stored, 1, "{answers:?}");
    let rows = count(&s, "SELECT COUNT(*) FROM incidents").await
        + count(&s, "SELECT COUNT(*) FROM signatures").await;
    assert_eq!(rows, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn eight_devices_signing_at_once_keep_one_intact_chain() {
    let s = Server::start().await;
    let mut tokens = Vec::new();
    for n in 0..8 {
        tokens.push(s.enroll_as("0428", &format!("Person {n}")).await);
    }
    let pack = pack_of(&s, &tokens[0]).await;
    let mut sends = Vec::new();
    for round in 0..5 {
        for (n, token) in tokens.iter().enumerate() {
            let records = (0..2)
                .map(|_| signature_record(Uuid::now_v7(), signed(&pack, &format!("Person {n}"))))
                .collect();
            let _ = round;
            sends.push(sync_from(&s, token, records));
        }
    }
    let answers = all(sends).await;
    assert!(answers.iter().flatten().all(|r| r["status"] == "stored"));
    let (entries, head) = s
        .storage
        .signature_log(&"0428".parse().unwrap())
        .await
        .unwrap();
    assert_eq!(entries.len(), 80);
    assert_eq!(
        entries.iter().map(|e| e.seq).collect::<Vec<_>>(),
        (1..=80).collect::<Vec<u64>>()
    );
    assert_eq!(
        chain::verify(&entries, head.as_ref().map(|(n, h)| (*n, h.as_str()))),
        Ok(80)
    );
    // Each receipt names its own entry: no number was handed out twice.
    let numbers: BTreeSet<u64> = answers
        .iter()
        .flatten()
        .map(|r| r["log_entry"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers.len(), 80);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_first_reports_of_a_year_get_gapless_case_numbers() {
    let s = Server::start().await;
    let mut tokens = Vec::new();
    for n in 0..6 {
        tokens.push(s.enroll_as("0138", &format!("Person {n}")).await);
    }
    let mut sends = Vec::new();
    for round in 0..4 {
        for token in &tokens {
            let records = (0..3)
                .map(|i| record(Uuid::now_v7(), report(&format!("{round}-{i}"))))
                .collect();
            sends.push(sync_from(&s, token, records));
        }
    }
    let answers = all(sends).await;
    let year = year_now();
    let mut numbers: Vec<String> = answers
        .iter()
        .flatten()
        .map(|r| r["case_number"].as_str().unwrap().to_owned())
        .collect();
    numbers.sort();
    let expected: Vec<String> = (1..=72).map(|n| format!("{year}-{n:04}")).collect();
    assert_eq!(numbers, expected);
}

/// Batches of reports and signatures in either order, from many devices of one
/// municipality at once: both locks (case counter, signature head) are taken in one order,
/// so no batch waits for another's in a cycle (PostgreSQL would fail one as a deadlock).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn mixed_batches_in_either_order_never_deadlock() {
    let s = Server::start().await;
    let mut tokens = Vec::new();
    for n in 0..8 {
        tokens.push(s.enroll_as("0428", &format!("Person {n}")).await);
    }
    let pack = pack_of(&s, &tokens[0]).await;
    let mut sends = Vec::new();
    for round in 0..6 {
        for (n, token) in tokens.iter().enumerate() {
            let incident = record(Uuid::now_v7(), report(&format!("{round}-{n}")));
            let signature = signature_record(Uuid::now_v7(), signed(&pack, &format!("Person {n}")));
            let records = if (n + round) % 2 == 0 {
                vec![incident, signature]
            } else {
                vec![signature, incident]
            };
            sends.push(sync_from(&s, token, records));
        }
    }
    let answers = all(sends).await;
    assert!(answers.iter().flatten().all(|r| r["status"] == "stored"));
    assert_eq!(s.incident_rows().await, 48);
    let (ok, out, err) = s.admin(&["signatures", "verify", "--kommunkod", "0428"]);
    assert!(ok, "{err}");
    assert!(out.contains("48 signatures, chain intact"), "{out}");
}

#[tokio::test]
async fn a_job_lease_has_one_holder_until_it_runs_out() {
    let s = Server::start().await;
    let now = time::OffsetDateTime::now_utc();
    let ttl = time::Duration::seconds(60);
    let other = "another-instance";
    assert!(s
        .storage
        .hold_lease("mail", instance_id(), now, ttl)
        .await
        .unwrap());
    assert!(!s.storage.hold_lease("mail", other, now, ttl).await.unwrap());
    // The holder renews; another job is free.
    assert!(s
        .storage
        .hold_lease("mail", instance_id(), now, ttl)
        .await
        .unwrap());
    assert!(s
        .storage
        .hold_lease("reminders", other, now, ttl)
        .await
        .unwrap());
    // Once the holder has stopped renewing and the lease has run out, another takes it.
    let later = now + time::Duration::seconds(61);
    assert!(s
        .storage
        .hold_lease("mail", other, later, ttl)
        .await
        .unwrap());
    assert!(!s
        .storage
        .hold_lease("mail", instance_id(), later, ttl)
        .await
        .unwrap());
}

/// Instances (or an admin command and a starting server) that open a fresh database at
/// the same moment migrate it once: none fails on a table another has just created, and
/// every migration is recorded once. SQLite's migrations took no lock and raced (CI, stop 24).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn openers_of_a_fresh_database_at_once_migrate_it_once() {
    for _ in 0..4 {
        let dir = tempfile::tempdir().unwrap();
        let db = fresh_db(dir.path()).await;
        let opened = all((0..6).map(|_| {
            let db = db.clone();
            async move { vaksam_server::storage::sql::SqlStorage::open(&db).await }
        }))
        .await;
        let mut storages = Vec::new();
        for o in opened {
            storages.push(o.unwrap_or_else(|e| panic!("an opener failed: {e}")));
        }
        let versions: Vec<i64> =
            sqlx::query_scalar("SELECT version FROM _sqlx_migrations ORDER BY version")
                .fetch_all(storages[0].pool())
                .await
                .unwrap();
        let shipped: Vec<i64> = std::fs::read_dir(if on_postgres() {
            "migrations/postgres"
        } else {
            "migrations/sqlite"
        })
        .unwrap()
        .map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.split('_').next().unwrap().parse().unwrap()
        })
        .collect::<BTreeSet<i64>>()
        .into_iter()
        .collect();
        assert_eq!(versions, shipped);
    }
}

/// Two server processes on one database, phones alternating between them (as a load
/// balancer without stickiness sends them): every record stored once, numbers unique and
/// gapless, one intact chain.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_on_one_database_serve_the_same_phones() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_db(dir.path()).await;
    // Started together: both migrate and publish the shipped packs at once.
    let (a, b) = tokio::join!(
        Process::start_on(dir.path(), &db),
        Process::start_on(dir.path(), &db)
    );
    let mut phones = Vec::new();
    for n in 0..6 {
        phones.push(a.enroll("0428", &format!("Person {n}")).await);
    }
    let pack: vaksam_core::Pack = a
        .http
        .get(format!("{}/pack", b.base))
        .bearer_auth(&phones[0])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut tasks = Vec::new();
    for (n, token) in phones.iter().enumerate() {
        let (http, bases, token, pack) = (
            a.http.clone(),
            [a.base.clone(), b.base.clone()],
            token.clone(),
            pack.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let mut sent = Vec::new();
            for round in 0..6 {
                let records = vec![
                    record(Uuid::now_v7(), report(&format!("{n}-{round}"))),
                    signature_record(Uuid::now_v7(), signed(&pack, &format!("Person {n}"))),
                ];
                // Each batch goes to one instance and its resend (a lost answer) to the
                // other.
                for base in [&bases[(n + round) % 2], &bases[(n + round + 1) % 2]] {
                    let res = http
                        .post(format!("{base}/sync"))
                        .bearer_auth(&token)
                        .json(&json!({ "records": records }))
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(res.status(), 200);
                    let body: Value = res.json().await.unwrap();
                    sent.push(body["results"].clone());
                }
            }
            sent
        }));
    }
    let mut answers = Vec::new();
    for t in tasks {
        answers.extend(t.await.unwrap());
    }
    // Each first send stored, each resend answered with the same receipt.
    for pair in answers.chunks(2) {
        for (first, again) in pair[0]
            .as_array()
            .unwrap()
            .iter()
            .zip(pair[1].as_array().unwrap())
        {
            assert_eq!(first["status"], "stored", "{first}");
            assert_eq!(again["status"], "already_stored", "{again}");
            assert_eq!(first["case_number"], again["case_number"]);
            assert_eq!(first["log_entry"], again["log_entry"]);
        }
    }
    let register = a.register("0428");
    assert_eq!(register.len(), 36);
    let year = year_now();
    let mut numbers: Vec<String> = register
        .iter()
        .map(|r| r["case_number"].as_str().unwrap().to_owned())
        .collect();
    numbers.sort();
    assert_eq!(
        numbers,
        (1..=36)
            .map(|n| format!("{year}-{n:04}"))
            .collect::<Vec<_>>()
    );
    let (ok, out, err) = b.admin(&["signatures", "verify", "--kommunkod", "0428"]);
    assert!(ok, "{err}");
    assert!(out.contains("36 signatures, chain intact"), "{out}");
}

async fn count(s: &Server, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(s.storage.pool())
        .await
        .unwrap()
}
