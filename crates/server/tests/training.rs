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
        kommunkod: "0428".parse().unwrap(),
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
        sector: None,
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

/// Every question of the bank answered right, in sessions of five a few minutes apart,
/// the last finished at `last`; the last result carries the claim, as a phone sends it.
fn whole_course(pack: &Pack, last: OffsetDateTime) -> Vec<QuizResult> {
    let ids: Vec<&str> = pack
        .quiz
        .as_ref()
        .unwrap()
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    let sessions = ids.chunks(5).count();
    ids.chunks(5)
        .enumerate()
        .map(|(i, chunk)| {
            let answers: Vec<(&str, bool)> = chunk.iter().map(|id| (*id, true)).collect();
            let at = last - Duration::minutes(5 * (sessions - 1 - i) as i64);
            let mut r = finished_at(result(pack, &answers, None), at);
            if i == sessions - 1 {
                r.course_completed_at = Some(at);
            }
            r
        })
        .collect()
}

/// `r` as if it had been finished at `at`.
fn finished_at(mut r: QuizResult, at: OffsetDateTime) -> QuizResult {
    r.started_at = at - Duration::minutes(2);
    r.finished_at = at;
    r
}

/// `training status` as (name, status, completed_at) per employee.
fn status(s: &Server) -> Vec<(String, String, String)> {
    let (ok, out, err) = s.admin(&["training", "status", "--kommunkod", "0428"]);
    assert!(ok, "{err}");
    out.lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[1].to_owned(), f[2].to_owned(), f[3].to_owned())
        })
        .collect()
}

fn stored(results: &[Value]) {
    for r in results {
        assert_eq!(r["status"], "stored", "{r:?}");
    }
}

#[tokio::test]
async fn the_reports_say_who_completed_who_is_overdue_and_what_is_missed() {
    let s = Server::start().await;
    let p = pack(&s).await;
    let now = OffsetDateTime::now_utc();
    let anna = s.enroll_as("0428", "Anna Andersson").await;
    let bertil = s.enroll_as("0428", "Bertil Berg").await;
    let _cecilia = s.enroll_as("0428", "Cecilia Ek").await;
    // Anna missed a question, then answered the whole bank right last week; Bertil did the
    // same 13 months ago (the interval is 12).
    for (token, when) in [
        (&anna, now - Duration::days(7)),
        (&bertil, now - Duration::days(400)),
    ] {
        let missed = finished_at(
            result(
                &p,
                &[("phishing", token == &anna), ("password", false)],
                None,
            ),
            when - Duration::days(1),
        );
        let mut sent = vec![missed];
        sent.extend(whole_course(&p, when));
        let records = sent
            .iter()
            .map(|r| quiz_record(Uuid::now_v7(), r))
            .collect();
        stored(&s.sync(token, records).await);
    }

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
    assert_eq!(rows[1][3], rfc3339(now - Duration::days(7)));
    assert_eq!(rows[1][5], p.quiz.as_ref().unwrap().version);
    let sessions = 1 + p.quiz.as_ref().unwrap().questions.len().div_ceil(5);
    assert_eq!(rows[1][6], sessions.to_string());
    assert_eq!(rows[3][6], "0");

    let (ok, out, err) = s.admin(&["training", "questions", "--kommunkod", "0428"]);
    assert!(ok, "{err}");
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(
        rows[0],
        ["question", "answered", "wrong", "wrong_percent", "scenario"]
    );
    assert_eq!(&rows[1][..4], ["password", "2", "2", "100"]);
    assert_eq!(&rows[2][..4], ["phishing", "2", "1", "50"]);
    assert_eq!(&rows[3][1..4], ["2", "0", "0"]);
}

/// Review finding H2: a device could send one answer and a `course_completed_at` and be
/// reported "completed" for a year.
#[tokio::test]
async fn a_claimed_completion_without_the_answers_is_not_counted() {
    let s = Server::start().await;
    let p = pack(&s).await;
    let now = OffsetDateTime::now_utc();
    let claim = |right: bool, at: OffsetDateTime| {
        let mut r = result(&p, &[("lost-phone", right)], None);
        r.course_completed_at = Some(at);
        r
    };
    // One right answer with a claim; one wrong answer with a claim.
    let one = s.enroll_as("0428", "Forger One").await;
    stored(
        &s.sync(&one, vec![quiz_record(Uuid::now_v7(), &claim(true, now))])
            .await,
    );
    let two = s.enroll_as("0428", "Forger Two").await;
    stored(
        &s.sync(&two, vec![quiz_record(Uuid::now_v7(), &claim(false, now))])
            .await,
    );
    // A claim dated 23 hours ahead, saved (by the device's clock) then too, which the
    // clock-skew allowance accepts.
    let three = s.enroll_as("0428", "Forger Three").await;
    let ahead = now + Duration::hours(23);
    let r = claim(true, ahead);
    let record =
        json!({ "id": Uuid::now_v7(), "kind": "quiz", "created_at": rfc3339(ahead), "payload": r });
    stored(&s.sync(&three, vec![record]).await);
    // Every question but one, right, with a claim.
    let four = s.enroll_as("0428", "Forger Four").await;
    let mut almost = whole_course(&p, now - Duration::minutes(1));
    almost[0].answers.remove(0);
    let records = almost
        .iter()
        .map(|r| quiz_record(Uuid::now_v7(), r))
        .collect();
    stored(&s.sync(&four, records).await);
    // An honest employee who answered every question right, a wrong answer on the way.
    let honest = s.enroll_as("0428", "Honest Five").await;
    let mut course = whole_course(&p, now - Duration::minutes(1));
    course[1].answers.insert(
        0,
        result(&p, &[("password", false)], None).answers[0].clone(),
    );
    let records = course
        .iter()
        .map(|r| quiz_record(Uuid::now_v7(), r))
        .collect();
    stored(&s.sync(&honest, records).await);

    let last = course.last().unwrap().finished_at;
    assert_eq!(
        status(&s),
        [
            ("Forger Four".into(), "not_completed".into(), String::new()),
            ("Forger One".into(), "not_completed".into(), String::new()),
            ("Forger Three".into(), "not_completed".into(), String::new()),
            ("Forger Two".into(), "not_completed".into(), String::new()),
            ("Honest Five".into(), "completed".into(), rfc3339(last)),
        ]
    );
}

/// One device sending many sessions of wrong answers must not decide what the
/// municipality's staff read as the most missed questions.
#[tokio::test]
async fn one_employee_answering_often_does_not_dominate_the_most_missed_report() {
    let s = Server::start().await;
    let p = pack(&s).await;
    // Three employees each missed "password" once, then got it right; each got
    // "lost-phone" right.
    for name in ["Anna Andersson", "Bertil Berg", "Cecilia Ek"] {
        let token = s.enroll_as("0428", name).await;
        let r = result(
            &p,
            &[
                ("password", false),
                ("lost-phone", true),
                ("password", true),
            ],
            None,
        );
        stored(&s.sync(&token, vec![quiz_record(Uuid::now_v7(), &r)]).await);
    }
    // One device: 20 sessions of 50 wrong answers to "lost-phone".
    let flooder = s.enroll_as("0428", "David Dahl").await;
    let wrong = vec![("lost-phone", false); vaksam_core::quiz::MAX_ANSWERS];
    let flood: Vec<Value> = (0..20)
        .map(|_| quiz_record(Uuid::now_v7(), &result(&p, &wrong, None)))
        .collect();
    stored(&s.sync(&flooder, flood).await);

    let (ok, out, err) = s.admin(&["training", "questions", "--kommunkod", "0428"]);
    assert!(ok, "{err}");
    let rows: Vec<Vec<&str>> = out
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    assert_eq!(
        rows.iter().map(|r| &r[..4]).collect::<Vec<_>>(),
        [
            ["password", "3", "3", "100"],
            ["lost-phone", "4", "1", "25"]
        ]
    );
}
