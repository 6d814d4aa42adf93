//! Mail to the municipality when a report arrives, through a real SMTP server
//! (tools/smtp-sink.py, Debian's aiosmtpd) on a loopback port.

mod common;

use common::mail::Sink;
use common::{record, report, Server};
use serde_json::json;
use std::time::Duration;
use uuid::Uuid;
use vaksam_core::console::roles::Role;
use vaksam_server::notify::{self, MailConfig};
use vaksam_server::storage::accounts::Accounts;
use vaksam_server::system_clock;

fn config(s: &Server, port: u16) -> MailConfig {
    MailConfig {
        smtp_url: format!("smtp://127.0.0.1:{port}"),
        from: "Vaksam <vaksam@example.se>".into(),
        origin: s.root.clone(),
    }
}

async fn admins(s: &Server) {
    let k = "0428".parse().unwrap();
    for (email, role) in [
        ("samordnare@vingaker.example", Role::Coordinator),
        ("dso@vingaker.example", Role::Dpo),
        ("chef@vingaker.example", Role::Manager),
    ] {
        s.storage
            .create_admin(Some(&k), email, email, role, system_clock())
            .await
            .unwrap();
    }
    // Another municipality's coordinator hears nothing of Vingåker.
    s.storage
        .create_admin(
            Some(&"0138".parse().unwrap()),
            "annan@tyreso.example",
            "x",
            Role::Coordinator,
            system_clock(),
        )
        .await
        .unwrap();
}

fn recipients(mails: &[String]) -> Vec<String> {
    let mut r: Vec<String> = mails
        .iter()
        .map(|m| {
            m.lines()
                .next()
                .unwrap()
                .trim_start_matches("X-Envelope-To: ")
                .to_owned()
        })
        .collect();
    r.sort();
    r
}

#[tokio::test]
async fn a_report_with_personal_data_mails_coordinators_and_the_dpo_without_personal_data() {
    let sink = Sink::start();
    let s = Server::start().await;
    admins(&s).await;
    let task = notify::spawn(s.storage.clone(), config(&s, sink.port), system_clock).unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let token = s.enroll_as("0428", "Anna Andersson").await;
    let results = s
        .sync(
            &token,
            vec![record(
                Uuid::now_v7(),
                report("Lista med Karins diagnos tappad"),
            )],
        )
        .await;
    let case = results[0]["case_number"].as_str().unwrap().to_owned();

    let mails = sink.wait_for(2).await;
    assert_eq!(
        recipients(&mails),
        ["dso@vingaker.example", "samordnare@vingaker.example"]
    );
    for m in &mails {
        assert!(m.contains(&case), "{m}");
        assert!(
            m.contains(&format!("{}/admin/incidents/{case}", s.root)),
            "{m}"
        );
        assert!(
            m.contains("Brådskande") || m.contains("=?utf-8?"),
            "urgent subject: {m}"
        );
        for private in [
            "Anna Andersson",
            "Karins",
            "diagnos",
            "Hemtjänstgruppen Norr",
            "Ringde IT",
        ] {
            assert!(!m.contains(private), "{private:?} must not be mailed: {m}");
        }
    }
    // Nothing more arrives: each recipient once.
    tokio::time::sleep(notify::POLL * 2).await;
    assert_eq!(sink.messages().len(), 2);

    // A report without personal data, not going on: coordinators only.
    let mut plain = report("Misstänkt mejl");
    plain["personal_data"] = json!({ "involved": "no" });
    plain["ongoing"] = json!("no");
    s.sync(&token, vec![record(Uuid::now_v7(), plain)]).await;
    let mails = sink.wait_for(3).await;
    assert_eq!(recipients(&mails[2..]), ["samordnare@vingaker.example"]);
    task.abort();
}

#[tokio::test]
async fn an_smtp_server_that_is_down_gets_the_mail_once_it_is_up() {
    let s = Server::start().await;
    admins(&s).await;
    // A port where nothing listens yet.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let task = notify::spawn(s.storage.clone(), config(&s, port), system_clock).unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let token = s.enroll_as("0428", "Anna").await;
    let results = s
        .sync(&token, vec![record(Uuid::now_v7(), report("x"))])
        .await;
    assert_eq!(
        results[0]["status"], "stored",
        "a mail failure never touches the receipt"
    );
    // The first attempts fail and are recorded with a later retry.
    for _ in 0..50 {
        let failed: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM notifications WHERE sent_at IS NULL AND last_error IS NOT NULL",
        )
        .fetch_one(s.storage.pool())
        .await
        .unwrap();
        if failed == 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let sink = Sink::start_on(port);
    // Retry at once instead of waiting the 10 s backoff.
    sqlx::query("UPDATE notifications SET next_attempt_at = '2000-01-01T00:00:00Z'")
        .execute(s.storage.pool())
        .await
        .unwrap();
    let mails = sink.wait_for(2).await;
    assert_eq!(
        recipients(&mails),
        ["dso@vingaker.example", "samordnare@vingaker.example"]
    );
    tokio::time::sleep(notify::POLL * 2).await;
    assert_eq!(sink.messages().len(), 2, "exactly once per recipient");
    task.abort();
}

#[tokio::test]
async fn reports_from_before_mail_was_switched_on_are_not_mailed() {
    let sink = Sink::start();
    let s = Server::start().await;
    admins(&s).await;
    let token = s.enroll_as("0428", "Anna").await;
    s.sync(&token, vec![record(Uuid::now_v7(), report("gammal"))])
        .await;
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let task = notify::spawn(s.storage.clone(), config(&s, sink.port), system_clock).unwrap();
    tokio::time::sleep(notify::POLL * 2).await;
    assert!(sink.messages().is_empty());
    s.sync(&token, vec![record(Uuid::now_v7(), report("ny"))])
        .await;
    assert_eq!(sink.wait_for(2).await.len(), 2);
    task.abort();
}
