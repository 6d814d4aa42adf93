//! Mail to the municipality about new reports: who is due a mail, and what became of it.
//! Delivery is at least once: a mail is recorded as sent after the SMTP server accepted it,
//! so a crash in between sends it again.

use super::sql::{parse_kommunkod, parse_uuid, ts, Backend, SqlStorage};
use super::StorageError;
use sqlx::Row;
use std::future::Future;
use time::OffsetDateTime;
use uuid::Uuid;
use vaksam_core::{CaseNumber, Kommunkod};

/// A mail due: one report for one recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    /// The report.
    pub incident_id: Uuid,
    /// Its municipality.
    pub kommunkod: Kommunkod,
    /// Its case number.
    pub case_number: CaseNumber,
    /// The report as stored (JSON), for the category, the personal-data answer and times.
    pub payload: String,
    /// The recipient.
    pub admin_id: Uuid,
    /// Their address.
    pub email: String,
    /// Attempts so far.
    pub attempts: i64,
}

/// The mail queue.
pub trait Mail: Clone + Send + Sync + 'static {
    /// Notes when sending began, the first time only; reports received earlier are never
    /// mailed.
    fn start_mail(
        &self,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// The mails due at `now`, at most `limit`.
    fn mail_due(
        &self,
        now: OffsetDateTime,
        limit: u32,
    ) -> impl Future<Output = Result<Vec<Due>, StorageError>> + Send;

    /// Records a mail as sent, or failed with `error` and to be tried again at `retry_at`.
    fn mail_done(
        &self,
        incident_id: Uuid,
        admin_id: Uuid,
        outcome: Result<(), (String, OffsetDateTime)>,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;
}

impl Mail for SqlStorage {
    async fn start_mail(&self, now: OffsetDateTime) -> Result<(), StorageError> {
        let result = async {
            let mut tx = self.begin().await?;
            sqlx::query("INSERT INTO mail_state (id, since) VALUES (1, $1) ON CONFLICT DO NOTHING")
                .bind(ts(now)?)
                .execute(&mut *tx)
                .await?;
            tx.commit().await
        }
        .await;
        self.health.note(&result, now);
        result
    }

    async fn mail_due(&self, now: OffsetDateTime, limit: u32) -> Result<Vec<Due>, StorageError> {
        // Urgent: personal data yes or unknown, or still going on. Recipients by role, from
        // the municipality's settings or the default; disabled admins get nothing.
        // The same query in both dialects; only reading the report's JSON, comparing the
        // times and finding a role in the list are spelled differently.
        let (urgent, since, role_listed) = match self.backend {
            Backend::Sqlite => (
                "json_extract(i.payload, '$.personal_data.involved') IN ('yes', 'unknown') \
                 OR json_extract(i.payload, '$.ongoing') = 'yes'",
                "julianday(i.received_at) >= julianday(m.since)",
                "instr",
            ),
            Backend::Postgres => (
                "(i.payload::jsonb #>> '{personal_data,involved}') IN ('yes', 'unknown') \
                 OR (i.payload::jsonb ->> 'ongoing') = 'yes'",
                "i.received_at::timestamptz >= m.since::timestamptz",
                "strpos",
            ),
        };
        let rows = sqlx::query(&format!(
            "WITH reports AS ( \
                SELECT i.id, i.kommunkod, i.case_year, i.case_seq, i.payload, \
                       ({urgent}) AS urgent \
                FROM incidents i, mail_state m \
                WHERE m.id = 1 AND {since} \
             ) \
             SELECT r.id, r.kommunkod, r.case_year, r.case_seq, r.payload, a.id, a.email, \
                    COALESCE(n.attempts, 0) \
             FROM reports r \
             JOIN admins a ON a.kommunkod = r.kommunkod AND a.disabled_at IS NULL \
             LEFT JOIN mail_settings s ON s.kommunkod = r.kommunkod \
             LEFT JOIN notifications n ON n.incident_id = r.id AND n.admin_id = a.id \
             WHERE COALESCE(s.enabled, 1) = 1 \
               AND {role_listed}(',' || CASE WHEN r.urgent THEN COALESCE(s.urgent_roles, 'coordinator,dpo') \
                                     ELSE COALESCE(s.other_roles, 'coordinator') END || ',', \
                         ',' || a.role || ',') > 0 \
               AND n.sent_at IS NULL \
               AND (n.next_attempt_at IS NULL OR n.next_attempt_at <= $1) \
             ORDER BY r.urgent DESC, r.case_year, r.case_seq LIMIT $2"
        ))
        .bind(ts(now)?)
        .bind(i64::from(limit))
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Due {
                    incident_id: parse_uuid(r.get(0))?,
                    kommunkod: parse_kommunkod(r.get(1))?,
                    case_number: CaseNumber {
                        year: r.get::<i64, _>(2) as i32,
                        sequence: r.get::<i64, _>(3) as u32,
                    },
                    payload: r.get(4),
                    admin_id: parse_uuid(r.get(5))?,
                    email: r.get(6),
                    attempts: r.get(7),
                })
            })
            .collect()
    }

    async fn mail_done(
        &self,
        incident_id: Uuid,
        admin_id: Uuid,
        outcome: Result<(), (String, OffsetDateTime)>,
        now: OffsetDateTime,
    ) -> Result<(), StorageError> {
        let result = async {
            let mut tx = self.begin().await?;
            let (sent, error, retry) = match outcome {
                Ok(()) => (Some(ts(now)?), None, None),
                Err((e, at)) => (None, Some(e), Some(ts(at)?)),
            };
            sqlx::query(
                "INSERT INTO notifications (incident_id, admin_id, attempts, sent_at, next_attempt_at, last_error) \
                 VALUES ($1, $2, 1, $3, $4, $5) \
                 ON CONFLICT (incident_id, admin_id) DO UPDATE SET attempts = notifications.attempts + 1, \
                 sent_at = excluded.sent_at, next_attempt_at = excluded.next_attempt_at, \
                 last_error = excluded.last_error",
            )
            .bind(incident_id.to_string())
            .bind(admin_id.to_string())
            .bind(sent)
            .bind(retry)
            .bind(error)
            .execute(&mut *tx)
            .await?;
            tx.commit().await
        }
        .await;
        self.health.note(&result, now);
        result
    }
}
