//! Supplements and case status over real HTTP against a real SQLite file.

use reqwest::StatusCode;
use serde_json::{json, Value};
use uuid::Uuid;
mod common;
use common::*;
use vaksam_server::storage::Storage;

fn supplement(id: Uuid, incident_id: Uuid, payload: Value) -> Value {
    let mut payload = payload;
    payload["incident_id"] = json!(incident_id);
    json!({
        "id": id,
        "kind": "supplement",
        "created_at": "2026-01-10T11:00:00+01:00",
        "payload": payload,
    })
}

async fn supplement_rows(s: &Server) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM supplements")
        .fetch_one(s.storage.pool())
        .await
        .unwrap()
}

async fn statuses(s: &Server, token: &str, ids: &[Uuid]) -> (StatusCode, Value) {
    let res = s
        .http
        .post(format!("{}/status", s.base))
        .bearer_auth(token)
        .json(&json!({ "ids": ids }))
        .send()
        .await
        .unwrap();
    let status = res.status();
    (status, res.json().await.unwrap())
}

#[tokio::test]
async fn a_supplement_is_stored_once_with_its_reports_case_number() {
    let s = Server::start().await;
    let token = s.enroll("0428").await;
    let incident = Uuid::now_v7();
    let first = s.sync(&token, vec![record(incident, report("x"))]).await;
    let case = first[0]["case_number"].clone();

    let id = Uuid::now_v7();
    let added = supplement(id, incident, json!({"description": "Telefonen hittades"}));
    let stored = s.sync(&token, vec![added.clone()]).await;
    assert_eq!(stored[0]["status"], "stored", "{stored:?}");
    assert_eq!(stored[0]["case_number"], case);
    assert_eq!(stored[0]["case_status"], "received");

    // A resend (the answer was lost) is answered with the first receipt.
    let again = s.sync(&token, vec![added]).await;
    assert_eq!(again[0]["status"], "already_stored");
    assert_eq!(again[0]["case_number"], case);
    assert_eq!(again[0]["received_at"], stored[0]["received_at"]);
    assert_eq!(supplement_rows(&s).await, 1);
    assert_eq!(s.incident_rows().await, 1, "a supplement is not a new case");

    // The same id with other content is a conflict, and the first stays.
    let other = supplement(id, incident, json!({"description": "Något annat"}));
    let conflict = s.sync(&token, vec![other]).await;
    assert_eq!(conflict[0]["status"], "conflict");
    let kept: String = sqlx::query_scalar("SELECT payload FROM supplements WHERE id = $1")
        .bind(id.to_string())
        .fetch_one(s.storage.pool())
        .await
        .unwrap();
    assert!(kept.contains("Telefonen hittades"), "{kept}");

    // The receipt can be fetched later, with the case's status.
    let receipt: Value = s.get_json(&token, &format!("/records/{id}")).await;
    assert_eq!(receipt["case_number"], case);
    assert_eq!(receipt["case_status"], "received");
}

#[tokio::test]
async fn a_report_and_its_supplement_can_arrive_in_one_batch_but_not_the_other_way_round() {
    let s = Server::start().await;
    let token = s.enroll("0428").await;
    let incident = Uuid::now_v7();
    let added = supplement(Uuid::now_v7(), incident, json!({"ongoing": "yes"}));

    let wrong_order = s
        .sync(&token, vec![added.clone(), record(incident, report("x"))])
        .await;
    assert_eq!(wrong_order[0]["status"], "rejected");
    assert_eq!(wrong_order[0]["errors"][0]["field"], "payload.incident_id");
    assert_eq!(wrong_order[1]["status"], "stored");

    let incident2 = Uuid::now_v7();
    let added2 = supplement(Uuid::now_v7(), incident2, json!({"ongoing": "yes"}));
    let in_order = s
        .sync(&token, vec![record(incident2, report("y")), added2])
        .await;
    assert_eq!(in_order[0]["status"], "stored");
    assert_eq!(in_order[1]["status"], "stored");
    assert_eq!(in_order[1]["case_number"], in_order[0]["case_number"]);
    assert_eq!(supplement_rows(&s).await, 1);

    // The refused supplement, sent again now that its report is there, is stored: its
    // refusal left its id free (review: the ledger kept it, and every resend was a 500).
    let again = s.sync(&token, vec![added]).await;
    assert_eq!(again[0]["status"], "stored", "{again:?}");
    assert_eq!(again[0]["case_number"], wrong_order[1]["case_number"]);
    assert_eq!(supplement_rows(&s).await, 2);
}

#[tokio::test]
async fn a_supplement_to_an_unknown_or_foreign_report_is_rejected_alone() {
    let s = Server::start().await;
    let ours = s.enroll("0428").await;
    let theirs = s.enroll("0138").await;
    let foreign = Uuid::now_v7();
    s.sync(&theirs, vec![record(foreign, report("deras"))])
        .await;
    let own = Uuid::now_v7();
    s.sync(&ours, vec![record(own, report("vår"))]).await;

    let results = s
        .sync(
            &ours,
            vec![
                supplement(Uuid::now_v7(), foreign, json!({"description": "a"})),
                supplement(Uuid::now_v7(), Uuid::now_v7(), json!({"description": "b"})),
                supplement(Uuid::now_v7(), own, json!({})),
                supplement(Uuid::now_v7(), own, json!({"place": "x".repeat(201)})),
                supplement(Uuid::now_v7(), own, json!({"description": "c"})),
            ],
        )
        .await;
    // Unknown and foreign look the same: nothing about the other municipality leaks.
    assert_eq!(results[0]["status"], "rejected");
    assert_eq!(results[0]["errors"], results[1]["errors"]);
    assert_eq!(results[1]["errors"][0]["field"], "payload.incident_id");
    assert_eq!(results[2]["status"], "rejected");
    assert_eq!(results[2]["errors"][0]["field"], "payload.description");
    assert_eq!(results[2]["errors"][0]["code"], "required");
    assert_eq!(results[3]["errors"][0]["field"], "payload.place");
    assert_eq!(results[3]["errors"][0]["code"], "too_long");
    assert_eq!(results[4]["status"], "stored");
    assert_eq!(supplement_rows(&s).await, 1);
}

#[tokio::test]
async fn supplements_count_toward_the_daily_limit() {
    let s = Server::start().await;
    let token = s.enroll("0428").await;
    // The CLI allows no less than 100; the limit itself is what is tested.
    s.storage
        .set_records_per_day(&"0428".parse().unwrap(), 2)
        .await
        .unwrap();
    let incident = Uuid::now_v7();
    s.sync(&token, vec![record(incident, report("x"))]).await;
    let one = supplement(Uuid::now_v7(), incident, json!({"description": "1"}));
    assert_eq!(s.sync(&token, vec![one]).await[0]["status"], "stored");
    let two = supplement(Uuid::now_v7(), incident, json!({"description": "2"}));
    let res = s.sync_raw(&token, json!({ "records": [two] })).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(supplement_rows(&s).await, 1);
}

#[tokio::test]
async fn the_status_endpoint_answers_only_for_the_tokens_municipality() {
    let s = Server::start().await;
    let ours = s.enroll("0428").await;
    let theirs = s.enroll("0138").await;
    let incident = Uuid::now_v7();
    let stored = s.sync(&ours, vec![record(incident, report("x"))]).await;
    let case = stored[0]["case_number"].as_str().unwrap().to_owned();
    let added = Uuid::now_v7();
    s.sync(
        &ours,
        vec![supplement(added, incident, json!({"description": "mer"}))],
    )
    .await;

    let (code, body) = statuses(&s, &ours, &[incident, added, Uuid::now_v7()]).await;
    assert_eq!(code, StatusCode::OK);
    let answer: vaksam_core::protocol::StatusResponse =
        serde_json::from_value(body.clone()).unwrap();
    assert_eq!(answer.records.len(), 2, "{body}");
    let of = |id: Uuid| answer.records.iter().find(|r| r.id == id).unwrap().clone();
    assert_eq!(of(incident).receipt.case_status.as_str(), "received");
    assert_eq!(of(incident).status_changed_at, None);
    assert_eq!(of(added).incident_id, Some(incident));
    assert_eq!(
        of(added).receipt.case_number.unwrap().to_string(),
        case.as_str()
    );

    // The municipality takes the case up.
    let (ok, out, err) = s.admin(&[
        "incidents",
        "status",
        "--kommunkod",
        "0428",
        &case,
        "in_progress",
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("in_progress"), "{out}");
    let (_, body) = statuses(&s, &ours, &[incident, added]).await;
    let answer: vaksam_core::protocol::StatusResponse = serde_json::from_value(body).unwrap();
    // Both are there (an empty list would pass `all`), each with the new status.
    assert_eq!(answer.records.len(), 2, "{answer:?}");
    assert!(answer.records.iter().any(|r| r.id == added));
    assert!(answer
        .records
        .iter()
        .all(|r| r.receipt.case_status.as_str() == "in_progress"));
    assert!(of_changed(&answer, incident));

    // Another municipality's token learns nothing.
    let (code, body) = statuses(&s, &theirs, &[incident, added]).await;
    assert_eq!(code, StatusCode::OK);
    assert_eq!(body["records"], json!([]));
    // No token, or too many ids.
    let res = s
        .http
        .post(format!("{}/status", s.base))
        .json(&json!({ "ids": [incident] }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let many: Vec<Uuid> = (0..101).map(|_| Uuid::now_v7()).collect();
    let (code, body) = statuses(&s, &ours, &many).await;
    assert_eq!(code, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(body["error"], "batch_too_large");
}

fn of_changed(answer: &vaksam_core::protocol::StatusResponse, id: Uuid) -> bool {
    answer
        .records
        .iter()
        .any(|r| r.id == id && r.status_changed_at.is_some())
}

#[tokio::test]
async fn the_register_lists_each_case_with_its_status_supplements_and_deadline() {
    let s = Server::start().await;
    let token = s.enroll("0428").await;
    let mut no_personal_data = report("utan personuppgifter");
    no_personal_data["personal_data"] = json!({ "involved": "no" });
    let incident = Uuid::now_v7();
    let stored = s
        .sync(&token, vec![record(incident, no_personal_data)])
        .await;
    let case = stored[0]["case_number"].as_str().unwrap().to_owned();

    let (ok, csv, err) = s.admin(&["incidents", "--kommunkod", "0428"]);
    assert!(ok, "{err}");
    let header = csv.lines().next().unwrap();
    assert!(
        header.ends_with("status,status_changed_at,imy_deadline,supplements"),
        "{header}"
    );

    s.sync(
        &token,
        vec![supplement(
            Uuid::now_v7(),
            incident,
            json!({"description": "Det fanns namn i telefonen", "personal_data": {
                "involved": "unknown", "kinds": ["health", "contact_details"], "people": "few",
                "sensitive": "yes", "secrecy": "no"}}),
        )],
    )
    .await;
    let (ok, _, err) = s.admin(&[
        "incidents",
        "status",
        "--kommunkod",
        "0428",
        &case,
        "closed",
    ]);
    assert!(ok, "{err}");

    let (ok, json_out, err) = s.admin(&["incidents", "--kommunkod", "0428", "--format", "json"]);
    assert!(ok, "{err}");
    let register: Value = serde_json::from_str(&json_out).unwrap();
    let entry = &register[0];
    assert_eq!(entry["status"], "closed");
    assert!(entry["status_changed_at"].is_string());
    // 72 hours from the report's discovery (2026-01-10T10:00+01:00), not from the supplement.
    assert_eq!(entry["imy_deadline"], "2026-01-13T09:00:00Z");
    assert_eq!(
        entry["supplements"][0]["supplement"]["description"],
        "Det fanns namn i telefonen"
    );

    let (ok, csv, err) = s.admin(&["incidents", "--kommunkod", "0428"]);
    assert!(ok, "{err}");
    assert!(csv.contains("closed"), "{csv}");
    assert!(csv.contains("2026-01-13T09:00:00Z"), "{csv}");
    assert!(
        csv.contains("description=Det fanns namn i telefonen; personal_data=unknown"),
        "{csv}"
    );
    // The whole personal-data answer, not only whether any are involved.
    assert!(
        csv.contains(
            "personal_data=unknown, kinds: health/contact_details, people: few, \
             sensitive: yes, secrecy: no"
        ),
        "{csv}"
    );

    // A case that does not exist, a status that does not.
    let (ok, _, err) = s.admin(&[
        "incidents",
        "status",
        "--kommunkod",
        "0428",
        "2020-0999",
        "closed",
    ]);
    assert!(!ok);
    assert!(err.contains("no case"), "{err}");
    let (ok, _, _) = s.admin(&["incidents", "status", "--kommunkod", "0428", &case, "done"]);
    assert!(!ok);
}

#[tokio::test]
async fn another_device_of_the_same_municipality_can_neither_add_to_nor_ask_about_a_case() {
    let s = Server::start().await;
    let mine = s.enroll("0428").await;
    let colleague = s.enroll("0428").await;
    let incident = Uuid::now_v7();
    s.sync(&mine, vec![record(incident, report("x"))]).await;
    let added = Uuid::now_v7();
    let stored = s
        .sync(
            &mine,
            vec![supplement(added, incident, json!({"description": "mer"}))],
        )
        .await;
    assert_eq!(stored[0]["status"], "stored");

    // The colleague's phone is refused exactly as for an unknown report.
    let results = s
        .sync(
            &colleague,
            vec![
                supplement(Uuid::now_v7(), incident, json!({"description": "a"})),
                supplement(Uuid::now_v7(), Uuid::now_v7(), json!({"description": "b"})),
            ],
        )
        .await;
    assert_eq!(results[0]["status"], "rejected", "{results:?}");
    assert_eq!(results[0]["errors"], results[1]["errors"]);
    assert_eq!(results[0]["errors"][0]["field"], "payload.incident_id");
    assert_eq!(supplement_rows(&s).await, 1);

    // And learns nothing of its status; the phone that sent it still does.
    let (code, body) = statuses(&s, &colleague, &[incident, added]).await;
    assert_eq!(code, StatusCode::OK);
    assert_eq!(body["records"], json!([]));
    let (_, body) = statuses(&s, &mine, &[incident, added]).await;
    assert_eq!(body["records"].as_array().unwrap().len(), 2, "{body}");
}

#[tokio::test]
async fn a_supplement_to_a_closed_case_reopens_it() {
    let s = Server::start().await;
    let token = s.enroll("0428").await;
    let incident = Uuid::now_v7();
    let stored = s.sync(&token, vec![record(incident, report("x"))]).await;
    let case = stored[0]["case_number"].as_str().unwrap().to_owned();
    let (ok, _, err) = s.admin(&[
        "incidents",
        "status",
        "--kommunkod",
        "0428",
        &case,
        "closed",
    ]);
    assert!(ok, "{err}");
    let (_, body) = statuses(&s, &token, &[incident]).await;
    assert_eq!(body["records"][0]["receipt"]["case_status"], "closed");
    let closed_at = body["records"][0]["status_changed_at"].clone();

    let added = Uuid::now_v7();
    let answer = s
        .sync(
            &token,
            vec![supplement(
                added,
                incident,
                json!({"description": "Fler namn fanns på listan"}),
            )],
        )
        .await;
    assert_eq!(answer[0]["status"], "stored", "{answer:?}");
    assert_eq!(answer[0]["case_status"], "received");

    let status: String = sqlx::query_scalar("SELECT status FROM incidents WHERE id = $1")
        .bind(incident.to_string())
        .fetch_one(s.storage.pool())
        .await
        .unwrap();
    assert_eq!(status, "received");
    let (_, body) = statuses(&s, &token, &[incident, added]).await;
    let records = body["records"].as_array().unwrap();
    assert_eq!(records.len(), 2, "{body}");
    for r in records {
        assert_eq!(r["receipt"]["case_status"], "received", "{body}");
        assert_ne!(r["status_changed_at"], closed_at, "{body}");
        assert!(r["status_changed_at"].is_string(), "{body}");
    }

    // A supplement to a case in progress leaves its status alone.
    s.admin(&[
        "incidents",
        "status",
        "--kommunkod",
        "0428",
        &case,
        "in_progress",
    ]);
    let more = s
        .sync(
            &token,
            vec![supplement(
                Uuid::now_v7(),
                incident,
                json!({"ongoing": "no"}),
            )],
        )
        .await;
    assert_eq!(more[0]["case_status"], "in_progress", "{more:?}");
}

#[tokio::test]
async fn a_supplement_must_name_an_incident_and_may_not_reuse_an_incidents_id() {
    let s = Server::start().await;
    let token = s.enroll("0428").await;
    let pack: vaksam_core::Pack = s.get_json(&token, "/pack").await;
    let signature = Uuid::now_v7();
    let signed = s
        .sync(
            &token,
            vec![json!({ "id": signature, "kind": "signature",
                "created_at": "2026-01-10T10:01:00+01:00", "payload": signed(&pack, "Anna Berg") })],
        )
        .await;
    assert_eq!(signed[0]["status"], "stored", "{signed:?}");
    let incident = Uuid::now_v7();
    s.sync(&token, vec![record(incident, report("x"))]).await;

    let results = s
        .sync(
            &token,
            vec![
                supplement(Uuid::now_v7(), signature, json!({"description": "a"})),
                supplement(incident, incident, json!({"description": "b"})),
            ],
        )
        .await;
    assert_eq!(results[0]["status"], "rejected", "{results:?}");
    assert_eq!(results[0]["errors"][0]["field"], "payload.incident_id");
    assert_eq!(results[1]["status"], "conflict", "{results:?}");
    assert_eq!(supplement_rows(&s).await, 0);
    assert_eq!(s.incident_rows().await, 1);
}

#[tokio::test]
async fn migration_0007_keeps_the_incidents_already_stored_as_received() {
    use std::path::Path;
    let dir = tempfile::tempdir().unwrap();
    // The migrations before 0007, applied as the server before supplements did.
    let old = dir.path().join("migrations-before-0007");
    std::fs::create_dir(&old).unwrap();
    let current = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations/sqlite");
    for entry in std::fs::read_dir(&current).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().into_string().unwrap();
        if name[..4].parse::<u32>().unwrap() < 7 {
            std::fs::copy(entry.path(), old.join(&name)).unwrap();
        }
    }
    let db = dir.path().join("vaksam.db");
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}?mode=rwc", db.display()))
        .await
        .unwrap();
    sqlx::migrate::Migrator::new(old.as_path())
        .await
        .unwrap()
        .run(&pool)
        .await
        .unwrap();
    let (employee, device, incident) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    let now = "2026-11-20T08:00:00Z";
    for (sql, binds) in [
        (
            "INSERT INTO employees (id, kommunkod, name, created_at) VALUES ($1, '0428', 'Anna', $2)",
            vec![employee.to_string(), now.to_owned()],
        ),
        (
            "INSERT INTO devices (id, employee_id, kommunkod, token_hash, created_at) \
             VALUES ($1, $2, '0428', 'hash', $3)",
            vec![device.to_string(), employee.to_string(), now.to_owned()],
        ),
        (
            "INSERT INTO incidents (id, kommunkod, device_id, case_year, case_seq, content_hash, \
             category, payload, device_created_at, received_at) \
             VALUES ($1, '0428', $2, 2026, 1, 'h', 'other', '{}', $3, $4)",
            vec![
                incident.to_string(),
                device.to_string(),
                now.to_owned(),
                now.to_owned(),
            ],
        ),
    ] {
        let mut q = sqlx::query(sql);
        for b in binds {
            q = q.bind(b);
        }
        q.execute(&pool).await.unwrap();
    }
    pool.close().await;

    let storage =
        vaksam_server::storage::sql::SqlStorage::open(&format!("sqlite://{}", db.display()))
            .await
            .unwrap();
    let found = storage
        .statuses(
            &vaksam_server::storage::Device {
                id: device,
                employee_id: employee,
                kommunkod: "0428".parse().unwrap(),
            },
            &[incident],
        )
        .await
        .unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].receipt.case_status.as_str(), "received");
    assert_eq!(found[0].status_changed_at, None);
    assert_eq!(
        found[0].receipt.case_number.unwrap().to_string(),
        "2026-0001"
    );
    let supplements: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM supplements")
        .fetch_one(storage.pool())
        .await
        .unwrap();
    assert_eq!(supplements, 0);
}
