//! What the console records about cases: triage (assignee, decisions, CERT-SE category,
//! closing summary, the message to the employee), notes and handovers; and the
//! authorities' names. Every change writes its audit entry in the same transaction.

use super::accounts::{append_audit, NewAudit};
use super::sql::{parse_ts, parse_uuid, ts, SqlStorage};
use super::StorageError;
use sqlx::Row;
use std::collections::HashMap;
use std::future::Future;
use time::OffsetDateTime;
use uuid::Uuid;
use vaksam_core::console::triage::{BreachDecision, Handover, Nis2Decision, Routine};
use vaksam_core::protocol::CaseStatus;
use vaksam_core::{CaseNumber, Kommunkod};

/// A case's triage as recorded (the default for a case nobody has touched).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Triage {
    /// Who works on it.
    pub assignee: Option<Uuid>,
    /// The GDPR decision.
    pub breach: BreachDecision,
    /// The cybersäkerhetslag's decision.
    pub nis2: Nis2Decision,
    /// The CERT-SE category's code.
    pub cert_se: Option<String>,
    /// What the case came to (when closed).
    pub closing_summary: String,
    /// The message the employee's phone shows.
    pub employee_message: Option<String>,
    /// When the message was written.
    pub employee_message_at: Option<OffsetDateTime>,
}

/// An internal note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Who wrote it.
    pub author: String,
    /// When.
    pub at: OffsetDateTime,
    /// What.
    pub text: String,
}

/// A recorded handover.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoverEntry {
    /// The handover.
    pub handover: Handover,
    /// Who recorded it.
    pub author: String,
}

/// An authority the console names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authority {
    /// Its key (`imy`, `cert_se`).
    pub key: String,
    /// Swedish name.
    pub name_sv: String,
    /// English name.
    pub name_en: String,
    /// Web address.
    pub url: String,
}

/// One change to a case.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Move the case to a status (checked by the core first); `expected` is the status the
    /// admin saw, so two people changing it at once cannot overwrite each other unseen.
    Status {
        /// What the admin saw.
        expected: CaseStatus,
        /// Where it goes.
        to: CaseStatus,
        /// The closing summary (kept when closing).
        summary: String,
    },
    /// Assign (or unassign) the case to an admin of the municipality.
    Assign(Option<Uuid>),
    /// Record the GDPR decision.
    Breach(BreachDecision),
    /// Record the cybersäkerhetslag's decision.
    Nis2(Nis2Decision),
    /// Set the CERT-SE category.
    CertSe(Option<String>),
    /// Set the message for the employee.
    Message(String),
    /// Add an internal note.
    Note(String),
    /// Record a handover.
    Handover(Handover),
}

/// What applying a [`Change`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    /// Done and audited.
    Done,
    /// No such case in this municipality.
    NoCase,
    /// The status changed meanwhile: nothing was done.
    Stale,
    /// The assignee is not an admin of this municipality.
    NoSuchAdmin,
}

/// The console's case storage.
pub trait Cases: Clone + Send + Sync + 'static {
    /// The triage of every case of a municipality that has one, by incident id.
    fn triages(
        &self,
        kommunkod: &Kommunkod,
    ) -> impl Future<Output = Result<HashMap<Uuid, Triage>, StorageError>> + Send;

    /// A case's notes and handovers, oldest first.
    fn case_log(
        &self,
        kommunkod: &Kommunkod,
        incident_id: Uuid,
    ) -> impl Future<Output = Result<(Vec<Note>, Vec<HandoverEntry>), StorageError>> + Send;

    /// Applies a change to the case with this number and writes `audit` with it, in one
    /// transaction.
    fn change_case(
        &self,
        kommunkod: &Kommunkod,
        case_number: CaseNumber,
        change: Change,
        audit: NewAudit,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<Applied, StorageError>> + Send;

    /// The authorities the console names.
    fn authorities(&self) -> impl Future<Output = Result<Vec<Authority>, StorageError>> + Send;
}

fn corrupt(e: serde_json::Error) -> StorageError {
    StorageError::Corrupt(e.to_string())
}

fn opt_ts(text: Option<String>) -> Result<Option<OffsetDateTime>, StorageError> {
    text.as_deref().map(parse_ts).transpose()
}

impl Cases for SqlStorage {
    async fn triages(&self, kommunkod: &Kommunkod) -> Result<HashMap<Uuid, Triage>, StorageError> {
        let rows = sqlx::query(
            "SELECT incident_id, assignee_id, breach, nis2, cert_se, closing_summary, \
                    employee_message, employee_message_at \
             FROM case_triage WHERE kommunkod = $1",
        )
        .bind(kommunkod.as_str())
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    parse_uuid(r.get(0))?,
                    Triage {
                        assignee: r
                            .get::<Option<String>, _>(1)
                            .as_deref()
                            .map(parse_uuid)
                            .transpose()?,
                        breach: serde_json::from_str(r.get(2)).map_err(corrupt)?,
                        nis2: serde_json::from_str(r.get(3)).map_err(corrupt)?,
                        cert_se: r.get(4),
                        closing_summary: r.get(5),
                        employee_message: r.get(6),
                        employee_message_at: opt_ts(r.get(7))?,
                    },
                ))
            })
            .collect()
    }

    async fn case_log(
        &self,
        kommunkod: &Kommunkod,
        incident_id: Uuid,
    ) -> Result<(Vec<Note>, Vec<HandoverEntry>), StorageError> {
        let notes = sqlx::query(
            "SELECT author, at, text FROM case_notes \
             WHERE kommunkod = $1 AND incident_id = $2 ORDER BY id",
        )
        .bind(kommunkod.as_str())
        .bind(incident_id.to_string())
        .fetch_all(&self.read)
        .await?
        .iter()
        .map(|r| {
            Ok(Note {
                author: r.get(0),
                at: parse_ts(r.get(1))?,
                text: r.get(2),
            })
        })
        .collect::<Result<Vec<_>, StorageError>>()?;
        let handovers = sqlx::query(
            "SELECT routine, recipient, at, note, author FROM case_handovers \
             WHERE kommunkod = $1 AND incident_id = $2 ORDER BY id",
        )
        .bind(kommunkod.as_str())
        .bind(incident_id.to_string())
        .fetch_all(&self.read)
        .await?
        .iter()
        .map(|r| {
            let routine: String = r.get(0);
            Ok(HandoverEntry {
                handover: Handover {
                    routine: Routine::parse(&routine)
                        .ok_or_else(|| StorageError::Corrupt(format!("routine {routine:?}")))?,
                    to: r.get(1),
                    at: parse_ts(r.get(2))?,
                    note: r.get(3),
                },
                author: r.get(4),
            })
        })
        .collect::<Result<Vec<_>, StorageError>>()?;
        Ok((notes, handovers))
    }

    async fn change_case(
        &self,
        kommunkod: &Kommunkod,
        case_number: CaseNumber,
        change: Change,
        audit: NewAudit,
        now: OffsetDateTime,
    ) -> Result<Applied, StorageError> {
        let result = self
            .change_case_tx(kommunkod, case_number, change, audit, now)
            .await;
        self.health.note(&result, now);
        result
    }

    async fn authorities(&self) -> Result<Vec<Authority>, StorageError> {
        Ok(
            sqlx::query("SELECT key, name_sv, name_en, url FROM authorities ORDER BY key")
                .fetch_all(&self.read)
                .await?
                .iter()
                .map(|r| Authority {
                    key: r.get(0),
                    name_sv: r.get(1),
                    name_en: r.get(2),
                    url: r.get(3),
                })
                .collect(),
        )
    }
}

impl SqlStorage {
    async fn change_case_tx(
        &self,
        kommunkod: &Kommunkod,
        case_number: CaseNumber,
        change: Change,
        audit: NewAudit,
        now: OffsetDateTime,
    ) -> Result<Applied, StorageError> {
        let mut tx = self.begin().await?;
        // Read with the incident's row lock (a no-op UPDATE): a change in another instance,
        // or a supplement reopening the case, comes wholly before or after, so `expected`
        // is checked against the status this change replaces.
        let case = sqlx::query(
            "UPDATE incidents SET status = status \
             WHERE kommunkod = $1 AND case_year = $2 AND case_seq = $3 RETURNING id, status",
        )
        .bind(kommunkod.as_str())
        .bind(i64::from(case_number.year))
        .bind(i64::from(case_number.sequence))
        .fetch_optional(&mut *tx)
        .await?;
        let Some(case) = case else {
            tx.rollback().await?;
            return Ok(Applied::NoCase);
        };
        let id: String = case.get(0);
        let status: String = case.get(1);
        let k = kommunkod.as_str();
        let stamp = ts(now)?;
        // The triage row exists from the first change on.
        sqlx::query(
            "INSERT INTO case_triage (incident_id, kommunkod, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (incident_id) DO UPDATE SET updated_at = excluded.updated_at",
        )
        .bind(&id)
        .bind(k)
        .bind(&stamp)
        .execute(&mut *tx)
        .await?;
        let set = |column: &'static str| {
            format!("UPDATE case_triage SET {column} = $1 WHERE incident_id = $2")
        };
        match change {
            Change::Status {
                expected,
                to,
                summary,
            } => {
                if status != expected.as_str() {
                    tx.rollback().await?;
                    return Ok(Applied::Stale);
                }
                if status != to.as_str() {
                    sqlx::query(
                        "UPDATE incidents SET status = $1, status_changed_at = $2 WHERE id = $3",
                    )
                    .bind(to.as_str())
                    .bind(&stamp)
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?;
                }
                if to == CaseStatus::Closed {
                    sqlx::query(&set("closing_summary"))
                        .bind(summary)
                        .bind(&id)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            Change::Assign(admin) => {
                if let Some(admin) = admin {
                    let ok: Option<i64> = sqlx::query_scalar(
                        "SELECT 1 FROM admins WHERE id = $1 AND kommunkod = $2 AND disabled_at IS NULL",
                    )
                    .bind(admin.to_string())
                    .bind(k)
                    .fetch_optional(&mut *tx)
                    .await?;
                    if ok.is_none() {
                        tx.rollback().await?;
                        return Ok(Applied::NoSuchAdmin);
                    }
                }
                sqlx::query(&set("assignee_id"))
                    .bind(admin.map(|a| a.to_string()))
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?;
            }
            Change::Breach(d) => {
                sqlx::query(&set("breach"))
                    .bind(serde_json::to_string(&d).map_err(corrupt)?)
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?;
            }
            Change::Nis2(d) => {
                sqlx::query(&set("nis2"))
                    .bind(serde_json::to_string(&d).map_err(corrupt)?)
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?;
            }
            Change::CertSe(code) => {
                sqlx::query(&set("cert_se"))
                    .bind(code)
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?;
            }
            Change::Message(text) => {
                sqlx::query(
                    "UPDATE case_triage SET employee_message = $1, employee_message_at = $2 \
                     WHERE incident_id = $3",
                )
                .bind(text)
                .bind(&stamp)
                .bind(&id)
                .execute(&mut *tx)
                .await?;
            }
            Change::Note(text) => {
                sqlx::query(
                    "INSERT INTO case_notes (incident_id, kommunkod, admin_id, author, at, text) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(&id)
                .bind(k)
                .bind(audit.admin_id.map(|a| a.to_string()))
                .bind(&audit.actor)
                .bind(&stamp)
                .bind(text)
                .execute(&mut *tx)
                .await?;
            }
            Change::Handover(h) => {
                sqlx::query(
                    "INSERT INTO case_handovers (incident_id, kommunkod, routine, recipient, at, \
                     note, admin_id, author, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(&id)
                .bind(k)
                .bind(h.routine.as_str())
                .bind(h.to)
                .bind(ts(h.at)?)
                .bind(h.note)
                .bind(audit.admin_id.map(|a| a.to_string()))
                .bind(&audit.actor)
                .bind(&stamp)
                .execute(&mut *tx)
                .await?;
            }
        }
        append_audit(&mut tx, &audit, now).await?;
        tx.commit().await?;
        Ok(Applied::Done)
    }
}
