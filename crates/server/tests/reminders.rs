//! Reminders through a real SMTP server (tools/smtp-sink.py): a late employee is reminded
//! once per slot (then every two weeks), a new employee not before the grace period ends,
//! each manager gets one digest a week with counts and no names, and a municipality that
//! turns reminders off gets none.

mod common;

use common::mail::Sink;
use common::Server;
use time::{Duration, OffsetDateTime, Time, Weekday};
use vaksam_core::console::roles::Role;
use vaksam_core::console::sweden_time;
use vaksam_server::notify::MailConfig;
use vaksam_server::reminders::{self, Sent};
use vaksam_server::system_clock;

const STAFF: &str = "Namn;E-post;Enhet;Chef;Startdatum\n\
    Anna Andersson;anna@kommun.se;Hemtjänst Norr;chef.norr@kommun.se;2018-01-01\n\
    Cecilia Ceder;cecilia@kommun.se;Skola Väst;rektor@kommun.se;2020-01-01\n";

/// The next Monday 08:00 Swedish time after `t`.
fn next_monday_morning(t: OffsetDateTime) -> OffsetDateTime {
    let mut day = sweden_time::local(t).date().next_day().unwrap();
    while day.weekday() != Weekday::Monday {
        day = day.next_day().unwrap();
    }
    sweden_time::from_local(day.with_time(Time::from_hms(8, 0, 0).unwrap()))
}

fn to(messages: &[String], address: &str) -> Vec<String> {
    messages
        .iter()
        .filter(|m| m.contains(&format!("To: {address}")))
        .cloned()
        .collect()
}

#[tokio::test]
async fn late_employees_are_reminded_and_managers_get_a_weekly_digest_without_names() {
    let s = Server::start().await;
    let c = s.admin_client(Some("0428"), Role::Coordinator).await;
    c.import_staff(STAFF).await;
    // Cecilia was added to Vaksam long ago (and employed since 2020): her grace is over.
    sqlx::query("UPDATE employees SET created_at = '2020-01-01T00:00:00Z' WHERE email = 'cecilia@kommun.se'")
        .execute(s.storage.pool())
        .await
        .unwrap();

    let sink = Sink::start();
    let config = MailConfig {
        smtp_url: format!("smtp://127.0.0.1:{}", sink.port),
        from: "Vaksam <vaksam@example.se>".into(),
        origin: s.root.clone(),
    };
    let mailer = reminders::mailer(&config).unwrap();
    let monday = next_monday_morning(system_clock());

    // Monday: Cecilia (long employed, never signed or trained) is reminded. Anna is employed
    // since 2018 too, but was added to Vaksam today: her grace period counts from now.
    let sent = reminders::run(&s.storage, &mailer, &config, monday)
        .await
        .unwrap();
    assert_eq!(
        sent,
        Sent {
            employees: 1,
            digests: 2
        }
    );
    let mails = sink.wait_for(3).await;
    let cecilia = to(&mails, "cecilia@kommun.se");
    assert_eq!(cecilia.len(), 1, "{mails:?}");
    assert!(cecilia[0].contains("Hej Cecilia Ceder!"), "{}", cecilia[0]);
    assert!(cecilia[0].contains("skriva under") && cecilia[0].contains("utbildningen"));
    assert!(!cecilia[0].contains("Anna"), "{}", cecilia[0]);
    let digest = to(&mails, "chef.norr@kommun.se");
    assert_eq!(digest.len(), 1, "{mails:?}");
    assert!(digest[0].contains("Hemtjänst Norr"), "{}", digest[0]);
    assert!(
        digest[0].contains("Anställda: 1. Har skrivit under policyn: 0 (0 %)."),
        "{}",
        digest[0]
    );
    for name in ["Anna", "Cecilia", "Skola Väst"] {
        assert!(
            !digest[0].contains(name),
            "no names of people or others' workplaces: {}",
            digest[0]
        );
    }

    // The same round again, and a day later: nothing new.
    let again = reminders::run(&s.storage, &mailer, &config, monday)
        .await
        .unwrap();
    assert_eq!(again, Sent::default());
    let tuesday = monday + Duration::days(1);
    let again = reminders::run(&s.storage, &mailer, &config, tuesday)
        .await
        .unwrap();
    assert_eq!(again, Sent::default());

    // Two weeks later: Cecilia's second reminder and two new digests; Anna still new.
    let later = monday + Duration::days(14);
    let sent = reminders::run(&s.storage, &mailer, &config, later)
        .await
        .unwrap();
    assert_eq!(
        sent,
        Sent {
            employees: 1,
            digests: 2
        }
    );
    sink.wait_for(6).await;

    // After four weeks Anna's grace period is over.
    let after_grace = monday + Duration::days(28);
    let sent = reminders::run(&s.storage, &mailer, &config, after_grace)
        .await
        .unwrap();
    assert_eq!(sent.employees, 2, "{sent:?}");
    let mails = sink.wait_for(10).await;
    assert_eq!(to(&mails, "anna@kommun.se").len(), 1);

    // Turned off: nothing.
    let res = c
        .post("/admin/coverage/reminders", &[("enabled", "off")])
        .await;
    assert_eq!(res.status(), 303);
    let off = reminders::run(&s.storage, &mailer, &config, monday + Duration::days(42))
        .await
        .unwrap();
    assert_eq!(off, Sent::default());
    assert!(c
        .page("/admin/coverage")
        .await
        .contains("Påminnelser är avstängda"));
}
