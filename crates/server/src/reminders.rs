//! Reminders by e-mail: to each employee whose signature or training is late (when it
//! becomes late, then every two weeks, at most three times per due date:
//! `vaksam_core::coverage::reminder_due`), and a weekly digest to each workplace's managers
//! with the counts of their workplaces (from Monday 07:00 Swedish time:
//! `vaksam_core::coverage::digest_week`). Municipalities may turn them off.
//!
//! A mail carries no personal data beyond the recipient's own: an employee reads what they
//! themselves have left to do; a manager reads counts, and signs in to the console for
//! names. A reminder is recorded after the SMTP server has accepted it, so a crash in
//! between may send it twice, never lose it; one that fails is tried in the next round.

use crate::console::i18n::{text, Lang};
use crate::coverage::inputs;
use crate::storage::{instance_id, Storage};
use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::collections::BTreeMap;
use std::time::Duration as StdDuration;
use time::OffsetDateTime;
use vaksam_core::console::sweden_time;
use vaksam_core::coverage::{digest_week, reminder_due, sending_hours, Counts, Signing, Training};
use vaksam_core::Kommunkod;

use crate::notify::MailConfig;

/// How often reminders are looked at.
pub const ROUND: StdDuration = StdDuration::from_secs(15 * 60);
/// Most mails one municipality sends in a round: a relay (Exchange Online allows about
/// 30 a minute) is never flooded; the rest go in the next rounds.
pub const PER_ROUND: u32 = 200;

/// What one round sent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sent {
    /// Reminders to employees.
    pub employees: u32,
    /// Digests to managers.
    pub digests: u32,
}

/// The job lease of the reminder rounds.
const LEASE: &str = "reminders";
/// How long the rounds' lease lasts: longer than a round, so that a second instance starts
/// no round of its own while one runs.
const LEASE_TTL: time::Duration = time::Duration::minutes(40);

/// Starts the reminder rounds; they run until the process ends.
pub fn spawn<S: Storage>(
    storage: S,
    config: MailConfig,
    clock: fn() -> OffsetDateTime,
) -> Result<tokio::task::JoinHandle<()>, String> {
    let mailer = mailer(&config)?;
    Ok(tokio::spawn(async move {
        loop {
            match run(&storage, &mailer, &config, clock()).await {
                Ok(sent) if sent != Sent::default() => {
                    tracing::info!(
                        "reminders: {} to employees, {} digests",
                        sent.employees,
                        sent.digests
                    )
                }
                Ok(_) => {}
                Err(e) => tracing::error!("reminders: {e}"),
            }
            tokio::time::sleep(ROUND).await;
        }
    }))
}

/// The SMTP transport of `config`.
pub fn mailer(config: &MailConfig) -> Result<AsyncSmtpTransport<Tokio1Executor>, String> {
    Ok(
        AsyncSmtpTransport::<Tokio1Executor>::from_url(&config.smtp_url)
            .map_err(|e| format!("--smtp-url {}: {e}", config.smtp_url))?
            .timeout(Some(StdDuration::from_secs(20)))
            .build(),
    )
}

/// One round over every municipality: sends what is due at `now`.
pub async fn run<S: Storage>(
    storage: &S,
    mailer: &AsyncSmtpTransport<Tokio1Executor>,
    config: &MailConfig,
    now: OffsetDateTime,
) -> Result<Sent, String> {
    let mut sent = Sent::default();
    if !sending_hours(now) {
        return Ok(sent);
    }
    for (k, pack) in storage.current_packs().await.map_err(|e| e.to_string())? {
        // With several instances on one database, the one holding the lease sends; it
        // renews the lease before each municipality.
        let held = storage.hold_lease(LEASE, instance_id(), now, LEASE_TTL);
        if !held.await.map_err(|e| e.to_string())? {
            break;
        }
        // One municipality's trouble never stops the others' reminders.
        let one = async {
            if !storage
                .reminders_enabled(&k)
                .await
                .map_err(|e| e.to_string())?
            {
                return Ok(Sent::default());
            }
            let municipality = pack.municipality_name().map_err(|e| e.to_string())?;
            municipality_round(storage, mailer, config, &k, &municipality, now).await
        }
        .await;
        match one {
            Ok(one) => {
                sent.employees += one.employees;
                sent.digests += one.digests;
            }
            Err(e) => tracing::error!("reminders for {k}: {e}"),
        }
    }
    Ok(sent)
}

async fn send(
    mailer: &AsyncSmtpTransport<Tokio1Executor>,
    config: &MailConfig,
    to: &str,
    subject: &str,
    body: String,
) -> Result<(), String> {
    let message = Message::builder()
        .from(config.from.parse().map_err(|e| format!("{e}"))?)
        .to(to.parse().map_err(|e| format!("{to}: {e}"))?)
        .subject(subject)
        .header(ContentType::TEXT_PLAIN)
        .body(body)
        .map_err(|e| e.to_string())?;
    mailer
        .send(message)
        .await
        .map(|_| ())
        .map_err(|e| e.to_string())
}

async fn municipality_round<S: Storage>(
    storage: &S,
    mailer: &AsyncSmtpTransport<Tokio1Executor>,
    config: &MailConfig,
    k: &Kommunkod,
    municipality: &str,
    now: OffsetDateTime,
) -> Result<Sent, String> {
    let mut sent = Sent::default();
    let inputs = inputs(storage, k).await.map_err(|e| e.to_string())?;
    let Some(snap) = inputs.at(now) else {
        return Ok(sent);
    };
    let app = format!("{}/", config.origin.trim_end_matches('/'));
    let day = |t: OffsetDateTime| sweden_time::format(t)[..10].to_owned();
    for row in &snap.rows {
        if sent.employees >= PER_ROUND {
            break;
        }
        let Some(email) = &row.employee.person.email else {
            continue;
        };
        let Some(late) = row.standing.late_since(now) else {
            continue;
        };
        // Counted per set of late items: something newly late starts a count of its own.
        let sign_due = row
            .standing
            .sign_due
            .filter(|_| row.standing.sign_late(now));
        let train_due = Some(row.standing.training_due).filter(|_| row.standing.training.is_late());
        let prefix = format!(
            "sign:{}|train:{}#",
            sign_due.map_or("-".to_owned(), day),
            train_due.map_or("-".to_owned(), day)
        );
        let sent_at: Vec<OffsetDateTime> = storage
            .reminders_sent(k, "employee", email, &prefix)
            .await
            .map_err(|e| e.to_string())?
            .into_iter()
            .map(|(_, at)| at)
            .collect();
        let Some(n) = reminder_due(late, &sent_at, now) else {
            continue;
        };
        let sign = row.standing.sign_late(now);
        let train = row.standing.training.is_late();
        let mut body = String::new();
        for lang in [Lang::Sv, Lang::En] {
            body.push_str(&text(
                lang,
                "reminder.hello",
                &[("name", &row.employee.person.name)],
            ));
            body.push_str("\n\n");
            if sign {
                body.push_str(&text(lang, "reminder.sign", &[]));
                body.push('\n');
            }
            if train {
                body.push_str(&text(lang, "reminder.train", &[]));
                body.push('\n');
            }
            body.push('\n');
            body.push_str(&text(lang, "reminder.open", &[("link", &app)]));
            body.push_str("\n\n");
            body.push_str(&text(
                lang,
                "reminder.why",
                &[("municipality", municipality)],
            ));
            body.push_str("\n\n-- \n\n");
        }
        let subject = text(Lang::Sv, "reminder.subject", &[]);
        match send(mailer, config, email, &subject, body).await {
            Ok(()) => {
                storage
                    .record_reminder(k, "employee", email, &format!("{prefix}{n}"), now)
                    .await
                    .map_err(|e| e.to_string())?;
                sent.employees += 1;
            }
            Err(e) => tracing::warn!("reminder not sent: {e}"),
        }
    }

    let Some(week) = digest_week(now) else {
        return Ok(sent);
    };
    // Each manager: the counts of each workplace they manage.
    let mut managed: BTreeMap<&str, Vec<(&str, Counts)>> = BTreeMap::new();
    for w in &inputs.workplaces {
        let mut counts = Counts::default();
        for r in snap
            .rows
            .iter()
            .filter(|r| r.employee.workplace_id == Some(w.id))
        {
            counts.add(&r.standing);
        }
        for m in &w.managers {
            managed.entry(m).or_default().push((&w.name, counts));
        }
    }
    let console = format!("{}/admin/coverage", config.origin.trim_end_matches('/'));
    for (manager, workplaces) in managed {
        if sent.employees + sent.digests >= PER_ROUND {
            break;
        }
        if !storage
            .reminders_sent(k, "digest", manager, &week)
            .await
            .map_err(|e| e.to_string())?
            .is_empty()
        {
            continue;
        }
        let mut body = String::new();
        for lang in [Lang::Sv, Lang::En] {
            body.push_str(&text(
                lang,
                "digest.intro",
                &[("municipality", municipality)],
            ));
            body.push_str("\n\n");
            for (name, c) in &workplaces {
                body.push_str(&format!("{name}\n"));
                body.push_str(&text(
                    lang,
                    "digest.line",
                    &[
                        ("total", &c.total.to_string()),
                        ("signed", &c.signing(Signing::Current).to_string()),
                        ("percent", &c.signed_percent().to_string()),
                        ("trained", &c.trained.to_string()),
                        (
                            "late",
                            &(c.training(Training::Overdue) + c.training(Training::NeverStarted))
                                .to_string(),
                        ),
                    ],
                ));
                body.push_str("\n\n");
            }
            body.push_str(&text(lang, "digest.open", &[("link", &console)]));
            body.push_str("\n\n");
            body.push_str(&text(lang, "digest.no_names", &[]));
            body.push_str("\n\n-- \n\n");
        }
        let subject = text(Lang::Sv, "digest.subject", &[("week", &week)]);
        match send(mailer, config, manager, &subject, body).await {
            Ok(()) => {
                storage
                    .record_reminder(k, "digest", manager, &week, now)
                    .await
                    .map_err(|e| e.to_string())?;
                sent.digests += 1;
            }
            Err(e) => tracing::warn!("digest not sent: {e}"),
        }
    }
    Ok(sent)
}
