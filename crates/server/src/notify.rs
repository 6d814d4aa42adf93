//! Mail to the municipality when a report arrives: a background task that sends what the
//! queue ([`crate::storage::mail`]) says is due, through SMTP (lettre), and records each
//! outcome. A mail names the case, the category, whether personal data may be involved
//! (with the IMY deadline) and links to the console; it carries no personal data and none
//! of the employee's words. A failing SMTP server never touches the phones' receipts: the
//! mail is tried again later, with growing pauses.

use crate::console::i18n::{text, Lang};
use crate::storage::mail::Due;
use crate::storage::{instance_id, Storage};
use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration as StdDuration;
use time::{Duration, OffsetDateTime};
use vaksam_core::console::sweden_time;
use vaksam_core::incident::Answer;
use vaksam_core::IncidentReport;

/// How often the queue is looked at.
pub const POLL: StdDuration = StdDuration::from_secs(3);
/// Most mails sent in one round.
const ROUND: u32 = 50;

/// How mail leaves this installation.
#[derive(Debug, Clone)]
pub struct MailConfig {
    /// `smtp://host:port` (plain, for a relay on the same host or network),
    /// `smtp://host:587?tls=required` (STARTTLS) or `smtps://host:465`; user and password
    /// may be in the URL (`smtps://user:pass@host`).
    pub smtp_url: String,
    /// The sender, e.g. `Vaksam <vaksam@kommun.se>`.
    pub from: String,
    /// The console's origin, for the links.
    pub origin: String,
}

/// Starts the sender; it runs until the process ends.
pub fn spawn<S: Storage>(
    storage: S,
    config: MailConfig,
    clock: fn() -> OffsetDateTime,
) -> Result<tokio::task::JoinHandle<()>, String> {
    let mailer = AsyncSmtpTransport::<Tokio1Executor>::from_url(&config.smtp_url)
        .map_err(|e| format!("--smtp-url {}: {e}", config.smtp_url))?
        .timeout(Some(StdDuration::from_secs(20)))
        .build();
    config
        .from
        .parse::<lettre::message::Mailbox>()
        .map_err(|e| format!("--mail-from {}: {e}", config.from))?;
    Ok(tokio::spawn(async move {
        while let Err(e) = storage.start_mail(clock()).await {
            tracing::error!("mail: cannot start: {e}");
            tokio::time::sleep(POLL).await;
        }
        loop {
            if let Err(e) = send_due(&storage, &mailer, &config, clock).await {
                tracing::error!("mail: {e}");
            }
            tokio::time::sleep(POLL).await;
        }
    }))
}

/// The job lease of the mail sender.
const LEASE: &str = "mail";
/// How long the sender's lease lasts: it is renewed before each mail, so another
/// instance takes over a minute after the sender stops.
const LEASE_TTL: Duration = Duration::seconds(60);

/// Sends what is due now; answers how many were sent.
pub async fn send_due<S: Storage>(
    storage: &S,
    mailer: &AsyncSmtpTransport<Tokio1Executor>,
    config: &MailConfig,
    clock: fn() -> OffsetDateTime,
) -> Result<usize, String> {
    let due = storage
        .mail_due(clock(), ROUND)
        .await
        .map_err(|e| e.to_string())?;
    let mut sent = 0;
    for d in due {
        // With several instances on one database, the one holding the lease sends; it is
        // taken or renewed before each mail, so an idle poll writes nothing.
        let holder = storage.hold_lease(LEASE, instance_id(), clock(), LEASE_TTL);
        if !holder.await.map_err(|e| e.to_string())? {
            break;
        }
        let outcome = match compose(&d, config) {
            Ok(message) => mailer
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string()),
            Err(e) => Err(e),
        };
        let now = clock();
        let recorded = match outcome {
            Ok(()) => {
                sent += 1;
                Ok(())
            }
            Err(e) => {
                tracing::warn!(case = %d.case_number, "mail not sent: {e}");
                Err((e, now + retry_after(d.attempts)))
            }
        };
        storage
            .mail_done(d.incident_id, d.admin_id, recorded, now)
            .await
            .map_err(|e| e.to_string())?;
    }
    Ok(sent)
}

/// The pause before trying a failed mail again: 10 s, doubling, at most an hour.
pub fn retry_after(attempts: i64) -> Duration {
    let seconds = 10i64.saturating_mul(1 << attempts.clamp(0, 12));
    Duration::seconds(seconds.min(3600))
}

/// The mail for one report and recipient.
pub fn compose(d: &Due, config: &MailConfig) -> Result<Message, String> {
    let report: IncidentReport =
        serde_json::from_str(&d.payload).map_err(|e| format!("report {}: {e}", d.incident_id))?;
    let case = d.case_number.to_string();
    let link = format!(
        "{}/admin/incidents/{case}",
        config.origin.trim_end_matches('/')
    );
    let category = report.category.as_str();
    let personal = report.personal_data.involved != Answer::No;
    let ongoing = report.ongoing == Answer::Yes;
    let deadline = sweden_time::format(vaksam_core::deadline::imy_notification_due(
        report.discovered_at,
    ));
    let mut body = String::new();
    for lang in [Lang::Sv, Lang::En] {
        let t = |key: &str| text(lang, key, &[]);
        body.push_str(&text(
            lang,
            "mail.new",
            &[("kommunkod", d.kommunkod.as_str())],
        ));
        body.push_str("\n\n");
        body.push_str(&format!("{}: {case}\n", t("incidents.case")));
        body.push_str(&format!(
            "{}: {}\n",
            t("report.category"),
            t(&format!("category.{category}"))
        ));
        if personal {
            body.push_str(&text(
                lang,
                "mail.personal_data",
                &[("deadline", &deadline)],
            ));
            body.push('\n');
        }
        if ongoing {
            body.push_str(&t("mail.ongoing"));
            body.push('\n');
        }
        body.push('\n');
        body.push_str(&text(lang, "mail.open", &[("link", &link)]));
        body.push_str("\n\n");
        body.push_str(&t("mail.no_personal_data"));
        body.push_str("\n\n-- \n\n");
    }
    let subject = text(Lang::Sv, "mail.subject", &[("case", &case)]);
    let subject = if personal || ongoing {
        format!("{} {subject}", text(Lang::Sv, "mail.urgent", &[]))
    } else {
        subject
    };
    Message::builder()
        .from(config.from.parse().map_err(|e| format!("{e}"))?)
        .to(d.email.parse().map_err(|e| format!("{}: {e}", d.email))?)
        .subject(subject)
        .header(ContentType::TEXT_PLAIN)
        .body(body)
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failed_mails_wait_longer_each_time_up_to_an_hour() {
        assert_eq!(retry_after(0), Duration::seconds(10));
        assert_eq!(retry_after(1), Duration::seconds(20));
        assert_eq!(retry_after(3), Duration::seconds(80));
        assert_eq!(retry_after(40), Duration::hours(1));
    }
}
