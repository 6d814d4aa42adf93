//! The API over real HTTP against a real SQLite file.

use reqwest::StatusCode;
use serde_json::{json, Value};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;
mod common;
use common::*;
use vaksam_server::storage::sql::SqlStorage;
use vaksam_server::storage::Storage;
use vaksam_server::{enrollment, system_clock};

#[tokio::test]
async fn enrolled_device_stores_incident_with_case_number() {
    let s = Server::start().await;
    let token = s.enroll("0428").await;
    let id = Uuid::now_v7();
    let results = s
        .sync(&token, vec![record(id, report("Telefonen borta"))])
        .await;
    assert_eq!(results[0]["status"], "stored");
    assert_eq!(results[0]["id"], id.to_string());
    assert_eq!(results[0]["case_number"], format!("{}-0001", year_now()));
    let second = s
        .sync(&token, vec![record(Uuid::now_v7(), report("Till"))])
        .await;
    assert_eq!(second[0]["case_number"], format!("{}-0002", year_now()));
    assert_eq!(s.incident_rows().await, 2);
}

#[tokio::test]
async fn resend_with_same_id_is_not_stored_twice() {
    let s = Server::start().await;
    let token = s.enroll("0138").await;
    let id = Uuid::now_v7();
    let first = s.sync(&token, vec![record(id, report("x"))]).await;
    let again = s.sync(&token, vec![record(id, report("x"))]).await;
    assert_eq!(first[0]["status"], "stored");
    assert_eq!(again[0]["status"], "already_stored");
    assert_eq!(again[0]["case_number"], first[0]["case_number"]);
    assert_eq!(again[0]["received_at"], first[0]["received_at"]);
    assert_eq!(s.incident_rows().await, 1);
}

#[tokio::test]
async fn concurrent_resends_of_one_id_store_one_row() {
    let s = Server::start().await;
    let token = s.enroll("0138").await;
    let id = Uuid::now_v7();
    let sends = (0..8).map(|_| s.sync(&token, vec![record(id, report("samma"))]));
    let answers = futures_join_all(sends).await;
    let numbers: Vec<&Value> = answers.iter().map(|r| &r[0]["case_number"]).collect();
    assert!(numbers.iter().all(|n| *n == numbers[0]), "{numbers:?}");
    assert_eq!(
        answers
            .iter()
            .filter(|r| r[0]["status"] == "stored")
            .count(),
        1
    );
    assert_eq!(s.incident_rows().await, 1);
}

async fn futures_join_all<F: std::future::Future>(
    futures: impl Iterator<Item = F>,
) -> Vec<F::Output> {
    let handles: Vec<_> = futures.collect();
    let mut out = Vec::new();
    // Poll all at once so the requests really overlap on the server.
    let mut pinned: Vec<_> = handles.into_iter().map(Box::pin).collect();
    let mut done: Vec<Option<F::Output>> = (0..pinned.len()).map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (i, f) in pinned.iter_mut().enumerate() {
            if done[i].is_none() {
                match f.as_mut().poll(cx) {
                    std::task::Poll::Ready(v) => done[i] = Some(v),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    out.extend(done.into_iter().map(|d| d.expect("all done")));
    out
}

#[tokio::test]
async fn same_id_with_different_content_is_a_conflict_and_keeps_the_first() {
    let s = Server::start().await;
    let token = s.enroll("0761").await;
    let id = Uuid::now_v7();
    s.sync(&token, vec![record(id, report("först"))]).await;
    let second = s.sync(&token, vec![record(id, report("ändrad"))]).await;
    assert_eq!(second[0]["status"], "conflict");
    let stored: String = sqlx::query_scalar("SELECT payload FROM incidents")
        .fetch_one(s.storage.pool())
        .await
        .unwrap();
    assert!(stored.contains("först"));
    assert_eq!(s.incident_rows().await, 1);
}

#[tokio::test]
async fn token_of_one_municipality_cannot_read_or_write_another() {
    let s = Server::start().await;
    let a = s.enroll("0428").await;
    let b = s.enroll("1493").await;
    let id = Uuid::now_v7();
    let stored = s.sync(&a, vec![record(id, report("A:s rapport"))]).await;
    assert_eq!(stored[0]["status"], "stored");

    let own = s
        .http
        .get(format!("{}/records/{id}", s.base))
        .bearer_auth(&a)
        .send()
        .await
        .unwrap();
    assert_eq!(own.status(), StatusCode::OK);
    let other = s
        .http
        .get(format!("{}/records/{id}", s.base))
        .bearer_auth(&b)
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), StatusCode::NOT_FOUND);
    assert_eq!(other.json::<Value>().await.unwrap()["error"], "not_found");

    // B resending A's id learns nothing and changes nothing.
    let hijack = s.sync(&b, vec![record(id, report("A:s rapport"))]).await;
    assert_eq!(hijack[0]["status"], "conflict");
    assert!(hijack[0].get("case_number").is_none());
    let owner: String = sqlx::query_scalar("SELECT kommunkod FROM incidents WHERE id = $1")
        .bind(id.to_string())
        .fetch_one(s.storage.pool())
        .await
        .unwrap();
    assert_eq!(owner, "0428");

    // Case numbers run per municipality.
    let b_first = s.sync(&b, vec![record(Uuid::now_v7(), report("B"))]).await;
    assert_eq!(b_first[0]["case_number"], format!("{}-0001", year_now()));
    let a_register = s
        .storage
        .incident_register(&"0428".parse().unwrap())
        .await
        .unwrap();
    assert_eq!(a_register.len(), 1);
}

async fn enroll_status(s: &Server, code: &str) -> (StatusCode, Value) {
    let res = s
        .http
        .post(format!("{}/enroll", s.base))
        .json(&json!({ "code": code }))
        .send()
        .await
        .unwrap();
    (res.status(), res.json().await.unwrap())
}

#[tokio::test]
async fn a_code_works_once() {
    let s = Server::start().await;
    let code = s.code("2513", "Bo").await;
    let (status, body) = enroll_status(&s, &code.to_lowercase().replace('-', " ")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["employee_name"], "Bo");
    assert_eq!(body["kommunkod"], "2513");
    // The name the municipality's pack gives.
    assert_eq!(body["municipality_name"], "Överkalix kommun");
    let (status, body) = enroll_status(&s, &code).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"], "invalid_code");
}

#[tokio::test]
async fn expired_or_unknown_codes_are_refused() {
    let s = Server::start().await;
    let k = "0428".parse().unwrap();
    let past = system_clock() - Duration::days(20);
    let expired = enrollment::create_code(&s.storage, &k, "Cecilia", past, Duration::days(14))
        .await
        .unwrap();
    assert_eq!(enroll_status(&s, &expired).await.1["error"], "invalid_code");
    assert_eq!(
        enroll_status(&s, "0000-0000-0000").await.1["error"],
        "invalid_code"
    );
    assert_eq!(
        enroll_status(&s, "not a code").await.1["error"],
        "invalid_code"
    );
    let devices: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM devices")
        .fetch_one(s.storage.pool())
        .await
        .unwrap();
    assert_eq!(devices, 0);
}

#[tokio::test]
async fn revoked_device_is_refused() {
    let s = Server::start().await;
    let code = s.code("0428", "Dan").await;
    let (_, body) = enroll_status(&s, &code).await;
    let token = body["device_token"].as_str().unwrap().to_owned();
    let device: Uuid = body["device_id"].as_str().unwrap().parse().unwrap();
    assert!(s
        .storage
        .revoke_device(device, system_clock())
        .await
        .unwrap());
    let res = s.sync_raw(&token, json!({ "records": [] })).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(res.json::<Value>().await.unwrap()["error"], "invalid_token");
}

#[tokio::test]
async fn a_bad_record_is_rejected_alone_with_field_errors() {
    let s = Server::start().await;
    let token = s.enroll("0428").await;
    let mut too_long = report("");
    too_long["description"] = json!("x".repeat(4_001));
    let mut wrong_type = report("ok");
    wrong_type["aspects"] = json!("confidentiality");
    let mut future = report("ok");
    future["discovered_at"] = json!("2199-01-01T00:00:00Z");
    let good = Uuid::now_v7();
    let results = s
        .sync(
            &token,
            vec![
                record(Uuid::now_v7(), too_long),
                record(good, report("fin")),
                record(Uuid::now_v7(), wrong_type),
                record(Uuid::now_v7(), future),
            ],
        )
        .await;
    assert_eq!(results[0]["status"], "rejected");
    assert_eq!(results[0]["errors"][0]["field"], "payload.description");
    assert_eq!(results[0]["errors"][0]["code"], "too_long");
    assert_eq!(results[1]["status"], "stored");
    assert_eq!(results[1]["id"], good.to_string());
    assert_eq!(results[2]["status"], "rejected");
    assert_eq!(results[2]["errors"][0]["field"], "payload.aspects");
    assert_eq!(results[3]["errors"][0]["field"], "payload.discovered_at");
    assert_eq!(results[3]["errors"][0]["code"], "in_future");
    assert_eq!(s.incident_rows().await, 1);
}

#[tokio::test]
async fn bad_requests_get_json_errors_and_touch_nothing() {
    let s = Server::start().await;
    let token = s.enroll("0428").await;
    s.sync(&token, vec![record(Uuid::now_v7(), report("kvar"))])
        .await;
    let url = format!("{}/sync", s.base);
    let post = |body: String, content_type: Option<&'static str>, auth: Option<String>| {
        let mut req = s.http.post(&url).body(body);
        if let Some(ct) = content_type {
            req = req.header("content-type", ct);
        }
        if let Some(a) = auth {
            req = req.header("authorization", a);
        }
        req.send()
    };
    let json_ct = Some("application/json");
    let bearer = Some(format!("Bearer {token}"));
    let cases: Vec<(&str, reqwest::Response, StatusCode, &str)> = vec![
        ("malformed json", post("{\"records\": [".into(), json_ct, bearer.clone()).await.unwrap(), StatusCode::BAD_REQUEST, "malformed_json"),
        ("unknown field", post(r#"{"records": [], "admin": true}"#.into(), json_ct, bearer.clone()).await.unwrap(), StatusCode::UNPROCESSABLE_ENTITY, "invalid_request"),
        ("wrong type", post(r#"{"records": "all"}"#.into(), json_ct, bearer.clone()).await.unwrap(), StatusCode::UNPROCESSABLE_ENTITY, "invalid_request"),
        ("bad id", post(r#"{"records": [{"id": "nope", "kind": "incident", "created_at": "2026-01-01T00:00:00Z", "payload": {}}]}"#.into(), json_ct, bearer.clone()).await.unwrap(), StatusCode::UNPROCESSABLE_ENTITY, "invalid_request"),
        ("huge body", post(format!("{{\"records\": [], \"pad\": \"{}\"}}", "x".repeat(600_000)), json_ct, bearer.clone()).await.unwrap(), StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"),
        ("no content type", post(r#"{"records": []}"#.into(), None, bearer.clone()).await.unwrap(), StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"),
        ("missing token", post(r#"{"records": []}"#.into(), json_ct, None).await.unwrap(), StatusCode::UNAUTHORIZED, "missing_token"),
        ("wrong token", post(r#"{"records": []}"#.into(), json_ct, Some("Bearer abc".into())).await.unwrap(), StatusCode::UNAUTHORIZED, "invalid_token"),
        ("not bearer", post(r#"{"records": []}"#.into(), json_ct, Some(format!("Basic {token}"))).await.unwrap(), StatusCode::UNAUTHORIZED, "missing_token"),
    ];
    for (name, res, status, code) in cases {
        assert_eq!(res.status(), status, "{name}");
        let body: Value = res
            .json()
            .await
            .unwrap_or_else(|e| panic!("{name}: not JSON: {e}"));
        assert_eq!(body["error"], code, "{name}: {body}");
        assert!(
            !body["message"].as_str().unwrap_or("").is_empty(),
            "{name}: no message"
        );
    }
    let too_many: Vec<Value> = (0..101)
        .map(|_| record(Uuid::now_v7(), report("x")))
        .collect();
    let res = s.sync_raw(&token, json!({ "records": too_many })).await;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        res.json::<Value>().await.unwrap()["error"],
        "batch_too_large"
    );
    let res = s
        .http
        .get(format!("{}/nothing-here", s.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(res.json::<Value>().await.unwrap()["error"], "not_found");
    let res = s.http.get(&url).bearer_auth(&token).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(s.incident_rows().await, 1);
}

#[tokio::test]
async fn register_exports_as_csv_with_case_numbers() {
    let s = Server::start().await;
    let token = s.enroll("0428").await;
    s.sync(
        &token,
        vec![record(Uuid::now_v7(), report("=cmd, \"quoted\""))],
    )
    .await;
    let entries = s
        .storage
        .incident_register(&"0428".parse().unwrap())
        .await
        .unwrap();
    let csv = vaksam_server::export::to_csv(&entries);
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().starts_with("case_number,category,"));
    let row = lines.next().unwrap();
    assert!(
        row.starts_with(&format!("{}-0001,lost_device,", year_now())),
        "{row}"
    );
    assert!(row.contains("Anna Andersson"));
    // The description, then the case's status, when it changed, the IMY deadline and
    // the supplements (none).
    assert!(
        row.ends_with(&format!(
            "\"'=cmd, \"\"quoted\"\"\",received,,{},",
            "2026-01-13T09:00:00Z"
        )),
        "{row}"
    );
}

#[tokio::test]
async fn server_restart_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("v.db").display());
    let storage = SqlStorage::open(&url).await.unwrap();
    // A municipality is served once it has a pack; `serve` publishes the shipped ones.
    vaksam_server::packs::publish_shipped(
        &storage,
        vaksam_server::packs::shipped_base(),
        system_clock(),
    )
    .await
    .unwrap();
    let code = enrollment::create_code(
        &storage,
        &"0428".parse().unwrap(),
        "E",
        system_clock(),
        Duration::days(1),
    )
    .await
    .unwrap();
    let enrolled = enrollment::redeem(&storage, &code, system_clock())
        .await
        .unwrap();
    drop(storage);
    let reopened = SqlStorage::open(&url).await.unwrap();
    let token_hash = vaksam_core::protocol::sha256_hex(enrolled.device_token.as_bytes());
    assert!(reopened
        .device_by_token(&token_hash)
        .await
        .unwrap()
        .is_some());
}

/// A SQLite file upgraded by a newer Vaksam, left half-migrated, or whose recorded
/// migration differs from this build's, is refused with the version named; a migration
/// that fails is not recorded.
#[tokio::test]
async fn a_file_this_build_did_not_migrate_is_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("v.db").display());
    let storage = SqlStorage::open(&url).await.unwrap();
    let tamper = |sql: &'static str| {
        let pool = storage.pool().clone();
        async move { sqlx::query(sql).execute(&pool).await.unwrap() }
    };
    // Opening again fails, and the error says `why`.
    let refused = |why: &'static str| {
        let url = url.clone();
        async move {
            let err = SqlStorage::open(&url)
                .await
                .err()
                .unwrap_or_else(|| panic!("opened, although: {why}"));
            assert!(err.to_string().contains(why), "{err}");
        }
    };
    tamper(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES (9999, 'from a newer build', TRUE, x'00', 0)",
    )
    .await;
    refused("9999").await;
    // A half-applied migration is named before anything else, as sqlx does.
    tamper("UPDATE _sqlx_migrations SET success = FALSE WHERE version = 3").await;
    refused("migration 3 is partially applied").await;
    tamper("UPDATE _sqlx_migrations SET success = TRUE WHERE version = 3").await;
    tamper("DELETE FROM _sqlx_migrations WHERE version = 9999").await;
    tamper("UPDATE _sqlx_migrations SET checksum = x'00' WHERE version = 2").await;
    refused("migration 2 was previously applied").await;
    tamper("DELETE FROM _sqlx_migrations WHERE version = 2").await;
    // Migration 2 looks pending again, but its tables exist: the whole upgrade fails and
    // nothing is recorded.
    refused("migration 2").await;
    let recorded: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE version = 2")
            .fetch_one(storage.pool())
            .await
            .unwrap();
    assert_eq!(recorded, 0);
}

#[tokio::test]
async fn a_phone_whose_clock_runs_ahead_is_still_heard() {
    let s = Server::start().await;
    let token = s.enroll("0428").await;
    let ahead = OffsetDateTime::now_utc() + Duration::hours(2);
    let rfc = |t: OffsetDateTime| {
        t.format(&time::format_description::well_known::Rfc3339)
            .unwrap()
    };
    let mut payload = report("klockan går fel");
    payload["occurred_at"] = json!(rfc(ahead - Duration::minutes(10)));
    payload["discovered_at"] = json!(rfc(ahead));
    let mut rec = record(Uuid::now_v7(), payload.clone());
    rec["created_at"] = json!(rfc(ahead));
    let results = s.sync(&token, vec![rec]).await;
    assert_eq!(results[0]["status"], "stored", "{}", results[0]);
    // Without the device's own time to go by, the same report is in the future.
    let results = s.sync(&token, vec![record(Uuid::now_v7(), payload)]).await;
    assert_eq!(results[0]["errors"][0]["code"], "in_future");
}
