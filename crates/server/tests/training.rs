//! Training results over real HTTP and SQLite: checked against the bank, stored once, and
//! reported per employee with the real admin binary.

mod common;

use common::*;
use serde_json::{json, Value};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;
use vaksam_core::quiz::{QuizAnswer, QuizResult};
use vaksam_core::Pack;

fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap()
}

async fn pack(s: &Server) -> Pack {
    let current =
        vaksam_server::storage::Storage::current_pack(&s.storage, &"0428".parse().unwrap())
            .await
            .unwrap()
            .unwrap();
    serde_json::from_str(&current.body).unwrap()
}

/// A result answering `questions` (right or wrong as given) of Vingåker's bank.
fn result(pack: &Pack, answers: &[(&str, bool)], completed: Option<OffsetDateTime>) -> QuizResult {
    let bank = pack.quiz.as_ref().unwrap();
    let now = OffsetDateTime::now_utc();
    QuizResult {
        kommunkod: "0428".into(),
        pack_version: pack.version.clone(),
        bank_version: bank.version.clone(),
        started_at: now - Duration::minutes(3),
        finished_at: now - Duration::minutes(1),
        answers: answers
            .iter()
            .map(|(id, right)| {
                let q = bank.question(id).unwrap();
                let chosen: Vec<String> = q
                    .options
                    .iter()
                    .filter(|o| o.correct == *right)
                    .take(if *right { 4 } else { 1 })
                    .map(|o| o.id.clone())
                    .collect();
                QuizAnswer {
                    question: (*id).to_owned(),
                    correct: q.is_right(&chosen),
                    chosen,
                    ms: 9_000,
                }
            })
            .collect(),
        course_completed_at: completed,
    }
}

fn quiz_record(id: Uuid, r: &QuizResult) -> Value {
    json!({ "id": id, "kind": "quiz", "created_at": rfc3339(r.finished_at), "payload": r })
}

#[tokio::test]
async fn a_result_is_stored_once_and_a_resend_gets_the_same_receipt() {
    let s = Server::start().await;
    let token = s.enroll("0428").await;
    let p = pack(&s).await;
    let r = result(&p, &[("lost-phone", true), ("password", false)], None);
    let id = Uuid::now_v7();
    let first = s.sync(&token, vec![quiz_record(id, &r)]).await;
    assert_eq!(first[0]["status"], "stored", "{first:?}");
    let again = s.sync(&token, vec![quiz_record(id, &r)]).await;
    assert_eq!(again[0]["status"], "already_stored");
    assert_eq!(again[0]["received_at"], first[0]["received_at"]);
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM training_sessions")
        .fetch_one(s.storage.pool())
        .await
        .unwrap();
    assert_eq!(rows, 1);

    // The same id for other content, or for another kind of record, is a conflict.
    let other = result(&p, &[("lost-phone", false)], None);
    let conflict = s.sync(&token, vec![quiz_record(id, &other)]).await;
    assert_eq!(conflict[0]["status"], "conflict");
    let incident = s.sync(&token, vec![record(id, report("samma id"))]).await;
    assert_eq!(incident[0]["status"], "conflict");
}

#[tokio::test]
async fn a_result_that_claims_a_wrong_answer_was_right_is_rejected() {
    let s = Server::start().await;
    let token = s.enroll("0428").await;
    let p = pack(&s).await;
    let mut r = result(&p, &[("lost-phone", false)], None);
    r.answers[0].correct = true;
    let res = s.sync(&token, vec![quiz_record(Uuid::now_v7(), &r)]).await;
    assert_eq!(res[0]["status"], "rejected");
    assert_eq!(res[0]["errors"][0]["field"], "payload.answers[0].correct");

    // Another municipality's device cannot send Vingåker results.
    let other = s.enroll("0138").await;
    let r = result(&p, &[("lost-phone", true)], None);
    let res = s.sync(&other, vec![quiz_record(Uuid::now_v7(), &r)]).await;
    assert_eq!(res[0]["status"], "rejected");
    assert_eq!(res[0]["errors"][0]["field"], "payload.kommunkod");
}

#[tokio::test]
async fn the_reports_say_who_completed_who_is_overdue_and_what_is_missed() {
    let s = Server::start().await;
    let p = pack(&s).await;
    let now = OffsetDateTime::now_utc();
    let anna = s.enroll_as("0428", "Anna Andersson").await;
    let bertil = s.enroll_as("0428", "Bertil Berg").await;
    let _cecilia = s.enroll_as("0428", "Cecilia Ek").await;
    // Anna completed the course last week; Bertil 13 months ago (the interval is 12).
    let done = result(
        &p,
        &[("phishing", true), ("password", false)],
        Some(now - Duration::days(7)),
    );
    s.sync(&anna, vec![quiz_record(Uuid::now_v7(), &done)])
        .await;
    let mut old = result(&p, &[("phishing", false), ("password", false)], None);
    old.course_completed_at = Some(now - Duration::days(400));
    old.started_at = now - Duration::days(400) - Duration::minutes(3);
    old.finished_at = now - Duration::days(400);
    let res = s
        .sync(&bertil, vec![quiz_record(Uuid::now_v7(), &old)])
        .await;
    assert_eq!(res[0]["status"], "stored", "{res:?}");

    let (ok, out, err) = s.admin(&["training", "status", "--kommunkod", "0428"]);
    assert!(ok, "{err}");
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(
        rows[0],
        [
            "employee_id",
            "name",
            "status",
            "completed_at",
            "due_at",
            "bank_version",
            "sessions"
        ]
    );
    let status: Vec<(&str, &str)> = rows[1..].iter().map(|r| (r[1], r[2])).collect();
    assert_eq!(
        status,
        [
            ("Anna Andersson", "completed"),
            ("Bertil Berg", "overdue"),
            ("Cecilia Ek", "not_completed")
        ]
    );
    assert_eq!(rows[1][5], p.quiz.as_ref().unwrap().version);

    let (ok, out, err) = s.admin(&["training", "questions", "--kommunkod", "0428"]);
    assert!(ok, "{err}");
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(
        rows[0],
        ["question", "answered", "wrong", "wrong_percent", "scenario"]
    );
    assert_eq!(&rows[1][..4], ["password", "2", "2", "100"]);
    assert_eq!(&rows[2][..4], ["phishing", "2", "1", "50"]);
}
