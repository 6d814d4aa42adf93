//! `vaksam-server migrate-db`: a SQLite installation with every kind of data moves to
//! PostgreSQL whole, the copy is verified, a second run adds nothing, and a server on the
//! target carries on where the source stopped.

mod common;

use common::console::*;
use common::*;
use serde_json::{json, Value};
use uuid::Uuid;
use vaksam_core::console::roles::Role;
use vaksam_server::storage::migrate::TABLES;

const STAFF: &str = "Namn;E-post;Enhet;Chef;Startdatum\n\
    Anna Andersson;anna@kommun.se;Hemtjänst Norr;chef.norr@kommun.se;\n\
    Björn Berg;bjorn@kommun.se;Skola Väst;rektor@kommun.se;2020-01-01\n";

fn supplement(incident_id: Uuid, text: &str) -> Value {
    json!({
        "id": Uuid::now_v7(),
        "kind": "supplement",
        "created_at": "2026-01-10T11:00:00+01:00",
        "payload": { "incident_id": incident_id, "description": text },
    })
}

/// Every table of the schema is in `TABLES`, in both backends, so none is left behind.
#[tokio::test]
async fn the_copy_list_names_every_table_of_both_schemas() {
    let s = Server::start_sqlite().await;
    let mut sqlite: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT IN ('sqlite_sequence', '_sqlx_migrations') ORDER BY name",
    )
    .fetch_all(s.storage.pool())
    .await
    .unwrap();
    let mut listed: Vec<String> = TABLES.iter().map(|t| t.to_string()).collect();
    listed.sort();
    sqlite.sort();
    assert_eq!(sqlite, listed);
    if postgres().is_some() {
        let p = Server::start().await;
        let mut pg: Vec<String> = sqlx::query_scalar(
            "SELECT table_name::text FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
             AND table_name <> '_sqlx_migrations' ORDER BY table_name",
        )
        .fetch_all(p.storage.pool())
        .await
        .unwrap();
        pg.sort();
        assert_eq!(pg, listed);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrate_db_moves_an_installation_to_postgres_whole() {
    if postgres().is_none() {
        eprintln!("needs VAKSAM_TEST_POSTGRES (tools/test.sh starts one)");
        return;
    }
    // A SQLite installation in use: staff imported, two phones, reports with a
    // supplement, signatures, a training result, console sessions and the audit log.
    let s = Server::start_sqlite().await;
    let coordinator = s.admin_client(Some("0428"), Role::Coordinator).await;
    coordinator.import_staff(STAFF).await;
    let anna = s.enroll_as("0428", "Anna Andersson").await;
    let bo = s.enroll_as("0428", "Bo Ek").await;
    let first = Uuid::now_v7();
    s.sync(&anna, vec![record(first, report("ett"))]).await;
    s.sync(&bo, vec![record(Uuid::now_v7(), report("två"))])
        .await;
    let added = s
        .sync(&anna, vec![supplement(first, "Telefonen hittades")])
        .await;
    assert_eq!(added[0]["status"], "stored", "{added:?}");
    s.sign_current(&anna, "0428", "Anna Andersson").await;
    s.sign_current(&bo, "0428", "Bo Ek").await;
    let year = year_now();
    let page = coordinator
        .page(&format!("/admin/incidents/{year}-0001"))
        .await;
    assert!(page.contains("Telefonen hittades"));
    let (ok, _, err) = s.admin(&["limits", "--kommunkod", "0428", "--records-per-day", "400"]);
    assert!(ok, "{err}");
    let register = s.admin(&["incidents", "--kommunkod", "0428", "--format", "json"]);
    let audit_rows = s.count("SELECT COUNT(*) FROM audit_log").await;
    assert!(audit_rows > 0);

    let dir = tempfile::tempdir().unwrap();
    let target = fresh_db(dir.path()).await;
    let (ok, out, err) = admin(
        &target,
        &["migrate-db", "--from", &s.db_url(), "--to", &target],
    );
    assert!(ok, "{err}");
    assert!(
        out.contains("signatures 0428: 2 entries, chain intact"),
        "{out}"
    );
    assert!(out.contains("incidents: 2 rows, 2 copied now"), "{out}");
    assert!(out.contains("supplements: 1 rows, 1 copied now"), "{out}");
    assert!(
        out.contains(&format!(
            "audit_log: {audit_rows} rows, {audit_rows} copied now"
        )),
        "{out}"
    );
    assert!(out.contains("verified: 34 tables"), "{out}");

    // Twice is safe: nothing more is copied, and it verifies again.
    let (ok, again, err) = admin(
        &target,
        &["migrate-db", "--from", &s.db_url(), "--to", &target],
    );
    assert!(ok, "{err}");
    assert!(again.contains("incidents: 2 rows, 0 copied now"), "{again}");
    assert!(again.contains("verified: 34 tables"), "{again}");

    // A server on the target serves the same phones and goes on where the source stopped.
    let pg_dir = tempfile::tempdir().unwrap();
    let server = Process::start_on(pg_dir.path(), &target).await;
    assert_eq!(
        server.register("0428"),
        serde_json::from_str::<Vec<Value>>(&register.1).unwrap()
    );
    let res = server
        .sync_raw(
            &anna,
            &json!({ "records": [record(Uuid::now_v7(), report("tre"))] }),
        )
        .await
        .unwrap();
    let body: Value = res.json().await.unwrap();
    assert_eq!(
        body["results"][0]["case_number"],
        format!("{year}-0003"),
        "{body}"
    );
    // The resend of a record from before the move is recognised.
    let res = server
        .sync_raw(&anna, &json!({ "records": [record(first, report("ett"))] }))
        .await
        .unwrap();
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["results"][0]["status"], "already_stored", "{body}");
    assert_eq!(body["results"][0]["case_number"], format!("{year}-0001"));
    let (ok, out, err) = server.admin(&["signatures", "verify", "--kommunkod", "0428"]);
    assert!(ok, "{err}");
    assert!(out.contains("2 signatures, chain intact"), "{out}");
    let (ok, out, err) = server.admin(&["limits", "--kommunkod", "0428"]);
    assert!(ok && out.contains("400"), "{out}{err}");
    // New audit entries continue after the copied ones (the sequence was moved on).
    let target_storage = vaksam_server::storage::sql::SqlStorage::open(&target)
        .await
        .unwrap();
    let copied: i64 = sqlx::query_scalar("SELECT MAX(seq) FROM audit_log")
        .fetch_one(target_storage.pool())
        .await
        .unwrap();
    let staff_page = {
        let c = AdminClient {
            root: server.base.trim_end_matches("/api/v1").to_owned(),
            ..coordinator
        };
        c.page(&format!("/admin/incidents/{year}-0002")).await
    };
    assert!(staff_page.contains("två"), "{staff_page}");
    let newest: i64 = sqlx::query_scalar("SELECT MAX(seq) FROM audit_log")
        .fetch_one(target_storage.pool())
        .await
        .unwrap();
    assert!(newest > copied, "{newest} after {copied}");

    // Into a database that holds other data, it refuses and changes nothing.
    let other = Server::start().await;
    other.enroll("0428").await;
    let (ok, _, err) = admin(
        &other.db_url(),
        &["migrate-db", "--from", &s.db_url(), "--to", &other.db_url()],
    );
    assert!(!ok);
    assert!(err.contains("the target is unchanged"), "{err}");
    assert_eq!(other.count("SELECT COUNT(*) FROM incidents").await, 0);
}
