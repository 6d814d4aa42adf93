//! Persistence behind one small trait. SQLite is the embedded default; PostgreSQL serves
//! large installations; one implementation ([`sql::SqlStorage`]) speaks to both, and the
//! handlers do not know which.
//!
//! Contracts every backend keeps:
//! - a write either commits or leaves nothing behind, and a method that writes returns
//!   `Ok` only after its transaction has committed;
//! - after a failed write the next write starts from a clean connection (no transaction
//!   of the failed one can stay open and swallow later writes);
//! - errors say whether trying again later can help ([`StorageError::trouble`]);
//! - none of the following relies on a single writer: several server processes may write
//!   one PostgreSQL database at once, and SQLite's one writer is only a special case:
//!   - a batch of records is atomic: all of it commits, or none of it;
//!   - a record id is stored once across every kind: the `records` ledger has the id as
//!     its key, and the first transaction to insert it owns it (a concurrent one waits on
//!     the key, then sees it);
//!   - a resend of the same content answers with the first receipt; other content under
//!     a taken id is a conflict;
//!   - case numbers are unique and gapless per municipality and year: the counter row is
//!     incremented in the batch's transaction, which holds its lock until it commits or
//!     rolls back (and a rollback takes the number back);
//!   - a municipality's signature log is appended under the lock of its head row, claimed
//!     with an UPDATE before the previous hash is read, so the chain never forks;
//!   - background work that must happen once (mail, reminders) runs on the instance that
//!     holds its lease ([`Storage::hold_lease`]).

pub mod accounts;
pub mod cases;
pub mod directory;
pub mod mail;
pub mod migrate;
pub mod oidc;
pub mod sql;

use std::future::Future;
use time::OffsetDateTime;
use uuid::Uuid;
use vaksam_core::protocol::{CaseStatus, Receipt, RecordKind, RecordStatus};
use vaksam_core::validation::FieldError;
use vaksam_core::{CaseNumber, Kommunkod};

pub use crate::chain::LogEntry;

/// This process's id as a holder of job leases ([`Storage::hold_lease`]).
pub fn instance_id() -> &'static str {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(|| Uuid::new_v4().to_string())
}

/// A storage failure: the request fails as a whole and nothing is stored.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The database said no.
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// Migrations could not run.
    #[error("migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A stored value could not be read back.
    #[error("corrupt row: {0}")]
    Corrupt(String),
    /// The backend cannot do this (e.g. `backup` on PostgreSQL, which has its own tools).
    #[error("{0}")]
    Unsupported(String),
    /// Writes were failing a moment ago and have not been tried again yet.
    #[error("the database could not be written: {0}")]
    Unwritable(String),
}

/// What kind of trouble a [`StorageError`] is, for the answer a client gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trouble {
    /// Another writer holds the database for now: try again in a moment.
    Busy,
    /// The database cannot be written (disk full, I/O error, read-only, cannot open): try
    /// again later; the server recovers by itself when the cause is gone.
    Unavailable,
    /// A bug or corrupt data: trying again will not help.
    Internal,
}

impl StorageError {
    /// Whether trying again can help, and how soon.
    pub fn trouble(&self) -> Trouble {
        match self {
            StorageError::Database(e) => trouble_of(e),
            StorageError::Migrate(sqlx::migrate::MigrateError::Execute(e)) => trouble_of(e),
            StorageError::Unwritable(_) => Trouble::Unavailable,
            StorageError::Migrate(_) | StorageError::Corrupt(_) | StorageError::Unsupported(_) => {
                Trouble::Internal
            }
        }
    }
}

/// What a PostgreSQL SQLSTATE means for trying again.
fn postgres_trouble(sqlstate: &str) -> Trouble {
    match sqlstate {
        // serialization failure, deadlock, lock not available, query cancelled, too many
        // connections: passing.
        "40001" | "40P01" | "55P03" | "57014" | "53300" => Trouble::Busy,
        // disk full, out of memory, read-only (a replica or a failover in progress),
        // shutting down, cannot connect now.
        "53100" | "53200" | "25006" | "57P01" | "57P02" | "57P03" => Trouble::Unavailable,
        // connection exceptions.
        code if code.starts_with("08") => Trouble::Unavailable,
        _ => Trouble::Internal,
    }
}

fn trouble_of(e: &sqlx::Error) -> Trouble {
    match e {
        sqlx::Error::PoolTimedOut => Trouble::Busy,
        sqlx::Error::Io(_) | sqlx::Error::PoolClosed | sqlx::Error::WorkerCrashed => {
            Trouble::Unavailable
        }
        sqlx::Error::Database(db) => match db.code() {
            Some(code) => match code.parse::<i32>() {
                // SQLite's extended result code; the primary code is its low byte.
                Ok(code) => match code & 0xff {
                    // BUSY, LOCKED, NOMEM, PROTOCOL, SCHEMA: passing; try again soon.
                    5 | 6 | 7 | 15 | 17 => Trouble::Busy,
                    // READONLY, IOERR, FULL, CANTOPEN, NOTADB: the database cannot be written.
                    8 | 10 | 13 | 14 | 26 => Trouble::Unavailable,
                    _ => Trouble::Internal,
                },
                // PostgreSQL's SQLSTATE.
                Err(_) => postgres_trouble(&code),
            },
            None => Trouble::Internal,
        },
        _ => Trouble::Internal,
    }
}

/// Vaksam's default limit on records one device may deliver in 24 hours, for a
/// municipality that has set none. Far above honest use (a report, a signature and a few
/// training sessions a day); it stops one stolen or hostile phone from burying the register
/// or filling the disk.
pub const DEFAULT_RECORDS_PER_DAY: u32 = 500;

/// A device over its municipality's daily limit: nothing of the batch was stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverLimit {
    /// The municipality's limit.
    pub limit: u32,
    /// Seconds to wait before trying again (an hour: the window moves slowly).
    pub retry_after_secs: u64,
}

/// An enrolled, unrevoked device, as the token resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Device {
    /// Device id.
    pub id: Uuid,
    /// The employee it belongs to.
    pub employee_id: Uuid,
    /// The municipality every request of this device is scoped to.
    pub kommunkod: Kommunkod,
}

/// What a redeemed enrollment code yields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrolled {
    /// The new device.
    pub device: Device,
    /// The employee's name.
    pub employee_name: String,
}

/// A record that passed validation, ready to store.
#[derive(Debug, Clone)]
pub struct NewRecord {
    /// Client-made id.
    pub id: Uuid,
    /// Kind.
    pub kind: RecordKind,
    /// [`vaksam_core::protocol::OutboxRecord::content_hash`].
    pub content_hash: String,
    /// Short label: the incident's category, a signature's or quiz result's pack or bank
    /// version, a supplement's incident id.
    pub label: String,
    /// For a supplement: the incident it adds to (which must be this municipality's).
    pub incident_id: Option<Uuid>,
    /// The validated payload as JSON text.
    pub payload: String,
    /// Device's creation time (advisory).
    pub device_created_at: OffsetDateTime,
}

/// What storing one record did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// Stored now.
    New(Receipt),
    /// Already there with the same content.
    Existing(Receipt),
    /// The id is taken by different content (or by another municipality).
    Conflict,
    /// Refused for what only storage knows: a supplement whose incident this municipality
    /// does not hold (not even earlier in the same batch). The errors reveal nothing about
    /// other municipalities.
    Rejected(Vec<FieldError>),
}

/// One row of the incident register, for listing and export.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RegisterEntry {
    /// Case number, e.g. 2026-0042.
    pub case_number: String,
    /// Record id.
    pub id: String,
    /// Category (wire name).
    pub category: String,
    /// Server receive time.
    pub received_at: String,
    /// Device time of saving.
    pub device_created_at: String,
    /// Reporting employee's name.
    pub reported_by: String,
    /// The full report.
    pub report: serde_json::Value,
    /// Where the municipality stands with the case.
    pub status: CaseStatus,
    /// When the status last changed (`None`: never).
    pub status_changed_at: Option<String>,
    /// What the employee added after sending, oldest first.
    pub supplements: Vec<SupplementEntry>,
    /// When IMY must have been notified, by the personal-data answer that holds now (a
    /// supplement's replaces the report's), counted from the discovery; `None` when
    /// personal data are not involved.
    pub imy_deadline: Option<String>,
}

/// A supplement in the register, under its incident.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SupplementEntry {
    /// Record id.
    pub id: String,
    /// Server receive time.
    pub received_at: String,
    /// Device time of saving.
    pub device_created_at: String,
    /// What was added (a `SupplementReport`).
    pub supplement: serde_json::Value,
}

/// A municipality's signature log in order, and its head row (last entry number and hash).
pub type SignatureLog = (Vec<LogEntry>, Option<(u64, String)>);

/// Who published a pack version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// `serve`, from the packs built into the binary.
    Shipped,
    /// An administrator with `pack publish`.
    Admin,
    /// Published before the origin was recorded.
    Unknown,
}

impl Origin {
    /// Its name in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Shipped => "shipped",
            Origin::Admin => "admin",
            Origin::Unknown => "unknown",
        }
    }

    /// The origin with this database name (anything else is `Unknown`).
    pub fn from_db(name: &str) -> Origin {
        match name {
            "shipped" => Origin::Shipped,
            "admin" => Origin::Admin,
            _ => Origin::Unknown,
        }
    }
}

/// A published pack version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPack {
    /// The pack's version.
    pub version: String,
    /// The pack as JSON, as served.
    pub body: String,
    /// Its entity tag (quoted).
    pub etag: String,
    /// When it was published (RFC 3339).
    pub published_at: String,
    /// Who published it.
    pub origin: Origin,
    /// The municipality's overlay (TOML) it was resolved from; `None` for a format-1 pack.
    pub overlay: Option<String>,
    /// The version of Vaksam's base it was resolved with; `None` for a format-1 pack.
    pub base_version: Option<String>,
}

impl StoredPack {
    /// The municipality's name as the pack gives it (the list of municipalities Vaksam
    /// serves is the set of published packs, and each pack names its municipality).
    pub fn municipality_name(&self) -> Result<String, StorageError> {
        #[derive(serde::Deserialize)]
        struct Named {
            municipality: Name,
        }
        #[derive(serde::Deserialize)]
        struct Name {
            name: String,
        }
        serde_json::from_str::<Named>(&self.body)
            .map(|n| n.municipality.name)
            .map_err(|e| StorageError::Corrupt(format!("pack {}: {e}", self.version)))
    }
}

/// What publishing a pack did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    /// A new version is now current.
    New,
    /// This exact version was already published; nothing changed.
    Unchanged,
    /// The version is already published with different content.
    VersionTaken,
}

/// An employee and their latest signature, for "who has signed".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signer {
    /// Employee id.
    pub employee_id: String,
    /// Name given at enrollment.
    pub name: String,
    /// Latest signature: payload JSON, server receive time, log entry.
    pub latest: Option<(String, String, u64)>,
}

/// An employee and every training result they have sent, for the training reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trainee {
    /// Employee id.
    pub employee_id: String,
    /// Name given at enrollment.
    pub name: String,
    /// Each result's payload JSON (a `QuizResult`), oldest first.
    pub results: Vec<String>,
}

/// Why an enrollment code was refused. Deliberately one case: telling "used" from
/// "unknown" would help someone guessing codes.
#[derive(Debug, thiserror::Error)]
pub enum RedeemError {
    /// Unknown, used or expired.
    #[error("the code is unknown, already used or expired")]
    InvalidCode,
    /// Storage failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Everything the server persists. The console's parts are traits of their own, one per
/// area, each with its SQLite implementation beside it.
pub trait Storage:
    accounts::Accounts
    + cases::Cases
    + directory::Directory
    + mail::Mail
    + oidc::Oidc
    + Clone
    + Send
    + Sync
    + 'static
{
    /// Creates an employee and a one-time code (stored as `code_hash`); returns the employee id.
    fn create_enrollment(
        &self,
        kommunkod: &Kommunkod,
        employee_name: &str,
        code_hash: &str,
        now: OffsetDateTime,
        expires_at: OffsetDateTime,
    ) -> impl Future<Output = Result<Uuid, StorageError>> + Send;

    /// Uses up a code and registers a device with `token_hash`, atomically.
    fn redeem_code(
        &self,
        code_hash: &str,
        token_hash: &str,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<Enrolled, RedeemError>> + Send;

    /// The unrevoked device holding the token with this hash.
    fn device_by_token(
        &self,
        token_hash: &str,
    ) -> impl Future<Output = Result<Option<Device>, StorageError>> + Send;

    /// Revokes a device; `false` if there was no such active device.
    fn revoke_device(
        &self,
        device_id: Uuid,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// Stores a batch in one transaction and returns per-record outcomes in order. Returns
    /// only after the transaction has committed. If the new records would take the device
    /// over its municipality's limit for the last 24 hours, stores nothing and says so.
    fn store_records(
        &self,
        device: &Device,
        records: &[NewRecord],
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<Result<Vec<Stored>, OverLimit>, StorageError>> + Send;

    /// The first receipts of records this municipality already holds with exactly this id,
    /// kind and content hash (resends), so a resend is answered before it is validated again.
    fn resends(
        &self,
        kommunkod: &Kommunkod,
        records: &[(Uuid, RecordKind, String)],
    ) -> impl Future<Output = Result<Vec<Option<Receipt>>, StorageError>> + Send;

    /// Proves the database can be written now, with a real write that commits.
    fn probe_write(
        &self,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Whether writes work: the last write's outcome, checked again with
    /// [`Storage::probe_write`] when writes were failing or nothing was written for a while.
    fn write_health(
        &self,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// A municipality's limit of records per device in 24 hours (the default if unset).
    fn records_per_day(
        &self,
        kommunkod: &Kommunkod,
    ) -> impl Future<Output = Result<u32, StorageError>> + Send;

    /// Sets a municipality's limit of records per device in 24 hours.
    fn set_records_per_day(
        &self,
        kommunkod: &Kommunkod,
        limit: u32,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Writes a consistent copy of the whole database to `path` (which must not exist),
    /// while the server keeps running.
    fn backup(
        &self,
        path: &std::path::Path,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// The receipt of a record, if it exists in this municipality.
    fn receipt(
        &self,
        kommunkod: &Kommunkod,
        id: Uuid,
    ) -> impl Future<Output = Result<Option<Receipt>, StorageError>> + Send;

    /// Publishes a pack version and makes it current.
    fn publish_pack(
        &self,
        kommunkod: &Kommunkod,
        pack: &StoredPack,
    ) -> impl Future<Output = Result<Published, StorageError>> + Send;

    /// [`Self::publish_pack`] with the audit entry of an administrator's publish, written in
    /// the same transaction when a new version is published (nothing is written otherwise).
    fn publish_pack_audited(
        &self,
        kommunkod: &Kommunkod,
        pack: &StoredPack,
        audit: &accounts::NewAudit,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<Published, StorageError>> + Send;

    /// The current (latest published) pack of a municipality.
    fn current_pack(
        &self,
        kommunkod: &Kommunkod,
    ) -> impl Future<Output = Result<Option<StoredPack>, StorageError>> + Send;

    /// The current pack of every municipality that has one: the municipalities Vaksam
    /// serves, by kommunkod.
    fn current_packs(
        &self,
    ) -> impl Future<Output = Result<Vec<(Kommunkod, StoredPack)>, StorageError>> + Send;

    /// A given published version of a municipality's pack.
    fn pack_version(
        &self,
        kommunkod: &Kommunkod,
        version: &str,
    ) -> impl Future<Output = Result<Option<StoredPack>, StorageError>> + Send;

    /// A municipality's signature log in order, and its head row (last seq and hash).
    fn signature_log(
        &self,
        kommunkod: &Kommunkod,
    ) -> impl Future<Output = Result<SignatureLog, StorageError>> + Send;

    /// Every employee of a municipality with their latest signature, by name.
    fn signers(
        &self,
        kommunkod: &Kommunkod,
    ) -> impl Future<Output = Result<Vec<Signer>, StorageError>> + Send;

    /// Every employee of a municipality with their training results, by name.
    fn trainees(
        &self,
        kommunkod: &Kommunkod,
    ) -> impl Future<Output = Result<Vec<Trainee>, StorageError>> + Send;

    /// Where the incidents and supplements with these ids that `device` itself sent stand;
    /// other ids (unknown, another kind, another device or municipality) are left out.
    fn statuses(
        &self,
        device: &Device,
        ids: &[Uuid],
    ) -> impl Future<Output = Result<Vec<RecordStatus>, StorageError>> + Send;

    /// Sets the status of a municipality's case; `false` if it has no such case. Setting
    /// the status it already has changes nothing (not even the time it changed).
    fn set_case_status(
        &self,
        kommunkod: &Kommunkod,
        case_number: CaseNumber,
        status: CaseStatus,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// Takes or renews the lease on background job `job` for `holder` (an instance id) until
    /// `now + ttl`; `true` when `holder` holds it now. A lease that ran out is free to take,
    /// so the job moves to another instance when its holder stops.
    fn hold_lease(
        &self,
        job: &str,
        holder: &str,
        now: OffsetDateTime,
        ttl: time::Duration,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// The incident register of a municipality, oldest first, each case with its status
    /// and supplements.
    fn incident_register(
        &self,
        kommunkod: &Kommunkod,
    ) -> impl Future<Output = Result<Vec<RegisterEntry>, StorageError>> + Send;
}
