//! SQL storage: one implementation of every storage trait over sqlx's `Any` driver, for
//! both backends. SQLite (one file, WAL) is the embedded default; PostgreSQL serves large
//! installations with many server instances on one database. The SQL is written once, in
//! the dialect both accept (`$n` parameters, `ON CONFLICT`, `RETURNING`, text times and
//! ids); the few places that differ ask [`Backend`].
//!
//! SQLite: writes go through a pool of exactly one connection, each in a transaction begun
//! with `BEGIN IMMEDIATE` ([`WriteTx`]): SQLite allows one writer at a time anyway, and an
//! immediate transaction waits for the lock (`busy_timeout`) where a deferred one that
//! reads first fails at once when another process (an admin command) writes in between.
//!
//! PostgreSQL: reads and writes share one pool of `--db-pool` connections, transactions
//! are READ COMMITTED, and nothing relies on a single writer: every write that must not
//! race takes its row lock or unique key in SQL (the record ledger, the case counter, the
//! signature head; see the [`super::Storage`] contracts).
//!
//! In both, a write that does not commit closes its connection instead of returning it to
//! the pool.

use super::{
    Device, Enrolled, LogEntry, NewRecord, Origin, OverLimit, Published, RedeemError,
    RegisterEntry, SignatureLog, Signer, Storage, StorageError, Stored, StoredPack,
    SupplementEntry, Trainee, Trouble, DEFAULT_RECORDS_PER_DAY,
};
use crate::chain;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyPool, ConnectOptions, Executor, Row};
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use uuid::Uuid;
use vaksam_core::protocol::{CaseStatus, Receipt, RecordKind, RecordStatus};
use vaksam_core::validation::{FieldError, FieldErrorCode};
use vaksam_core::{CaseNumber, Kommunkod};

/// Which database a [`SqlStorage`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// One SQLite file: the embedded default.
    Sqlite,
    /// A PostgreSQL server, possibly shared by several Vaksam instances.
    Postgres,
}

impl Backend {
    /// The backend a database URL names, or `None` for another scheme.
    pub fn of_url(url: &str) -> Option<Backend> {
        if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }
}

/// How [`SqlStorage::open`] sizes its pools.
#[derive(Debug, Clone, Copy)]
pub struct PoolSize {
    /// PostgreSQL: connections this instance keeps at most (reads and writes share them).
    /// SQLite always writes through one connection and reads through four.
    pub postgres: u32,
}

impl Default for PoolSize {
    fn default() -> Self {
        PoolSize { postgres: 16 }
    }
}

/// [`Storage`] over SQLite or PostgreSQL.
#[derive(Clone)]
pub struct SqlStorage {
    write: AnyPool,
    pub(crate) read: AnyPool,
    pub(crate) backend: Backend,
    pub(crate) health: Arc<WriteHealth>,
}

/// What the server knows about its writes, for `/health`.
#[derive(Default)]
pub(crate) struct WriteHealth {
    /// The last write failed because the database could not be written.
    failing: AtomicBool,
    /// Unix time of the last write that committed.
    last_ok: AtomicI64,
    /// Unix time of the last probe `/health` made: at most one a second, whoever asks.
    last_probe: AtomicI64,
}

/// How long `/health` trusts the last committed write before it writes a probe itself.
const HEALTH_TRUST_SECS: i64 = 30;

impl WriteHealth {
    /// Remembers how a write ended.
    pub(crate) fn note<T>(&self, result: &Result<T, StorageError>, now: OffsetDateTime) {
        self.saw(result.as_ref().map(|_| ()).map_err(|e| e.trouble()), now);
    }

    fn saw(&self, outcome: Result<(), Trouble>, now: OffsetDateTime) {
        match outcome {
            Ok(()) => {
                self.failing.store(false, Ordering::SeqCst);
                self.last_ok.store(now.unix_timestamp(), Ordering::SeqCst);
            }
            Err(Trouble::Unavailable) => self.failing.store(true, Ordering::SeqCst),
            Err(_) => {}
        }
    }
}

/// A write transaction on a connection of the write pool: `BEGIN IMMEDIATE` on SQLite,
/// `BEGIN` (READ COMMITTED) on PostgreSQL.
///
/// Unless it commits or rolls back cleanly, its connection is closed, not returned to the
/// pool, and the pool opens a fresh one for the next write. After a failed COMMIT (disk
/// full, I/O error) SQLite may already have rolled back on its own, and sqlx 0.8's own
/// transactions then lose count of their depth: every later "transaction" became a
/// savepoint inside one that never committed, and the server acknowledged records it had
/// not stored (review finding C1). Owning BEGIN and COMMIT here, and never reusing a
/// connection whose transaction state is unknown, rules that out. Dropping a `WriteTx`
/// (an error with `?`, or a request cancelled mid-write) closes the connection, which makes
/// the database roll the transaction back.
pub(crate) struct WriteTx {
    conn: Option<PoolConnection<Any>>,
}

impl WriteTx {
    async fn begin(pool: &AnyPool, backend: Backend) -> Result<WriteTx, StorageError> {
        // The connection belongs to the WriteTx before BEGIN is sent, so a request
        // cancelled at any await below drops it through `Drop`, which closes it.
        let mut tx = WriteTx {
            conn: Some(pool.acquire().await?),
        };
        let begin = match backend {
            Backend::Sqlite => "BEGIN IMMEDIATE",
            Backend::Postgres => "BEGIN",
        };
        sqlx::query(begin).execute(&mut *tx).await?;
        Ok(tx)
    }

    /// Ends the transaction with `sql` (COMMIT or ROLLBACK). The connection goes back to
    /// the pool only once that has worked; on an error, or if the caller is cancelled while
    /// it runs, `self` is dropped and the connection closed.
    async fn end(mut self, sql: &str) -> Result<(), StorageError> {
        sqlx::query(sql).execute(&mut *self).await?;
        drop(self.conn.take());
        Ok(())
    }

    pub(crate) async fn commit(self) -> Result<(), StorageError> {
        self.end("COMMIT").await
    }

    pub(crate) async fn rollback(self) -> Result<(), StorageError> {
        self.end("ROLLBACK").await
    }
}

impl std::ops::Deref for WriteTx {
    type Target = sqlx::AnyConnection;
    fn deref(&self) -> &Self::Target {
        self.conn
            .as_ref()
            .expect("a WriteTx holds its connection until it ends")
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        self.conn
            .as_mut()
            .expect("a WriteTx holds its connection until it ends")
    }
}

impl Drop for WriteTx {
    fn drop(&mut self) {
        if let Some(mut conn) = self.conn.take() {
            conn.close_on_drop();
        }
    }
}

/// A time as stored: UTC RFC 3339 text, which sorts like time. Times outside what RFC 3339
/// can write (the core refuses them at the edge) are an error, never an empty string.
pub(crate) fn ts(t: OffsetDateTime) -> Result<String, StorageError> {
    t.checked_to_offset(time::UtcOffset::UTC)
        .and_then(|utc| utc.format(&Rfc3339).ok())
        .ok_or_else(|| StorageError::Corrupt(format!("time out of range: {t}")))
}

pub(crate) fn parse_ts(text: &str) -> Result<OffsetDateTime, StorageError> {
    OffsetDateTime::parse(text, &Rfc3339).map_err(|e| StorageError::Corrupt(format!("{text}: {e}")))
}

pub(crate) fn parse_uuid(text: &str) -> Result<Uuid, StorageError> {
    Uuid::parse_str(text).map_err(|e| StorageError::Corrupt(format!("{text}: {e}")))
}

pub(crate) fn parse_kommunkod(text: &str) -> Result<Kommunkod, StorageError> {
    text.parse()
        .map_err(|e| StorageError::Corrupt(format!("{e}")))
}

/// `url` with SQLite's open `mode` (`rwc`: create if missing; `ro`: read only).
fn with_mode(url: &str, mode: &str) -> String {
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}mode={mode}")
}

/// Every SQLite connection: FULL sync (a receipt is only sent after the commit is on
/// disk), foreign keys, and a wait of 5 s for another writer's lock.
async fn sqlite_pragmas(conn: &mut sqlx::AnyConnection) -> Result<(), sqlx::Error> {
    conn.execute(
        "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;",
    )
    .await?;
    Ok(())
}

/// Runs SQLite's pending migrations in one `BEGIN IMMEDIATE` transaction, keeping sqlx's
/// `_sqlx_migrations` table as sqlx's own runner would.
///
/// sqlx's runner takes no lock on SQLite and commits each migration on its own, so two
/// processes that open a fresh file at once (two instances, or an admin command and a
/// starting server) both found a migration pending and the second failed on a table the
/// first had just created. Here the second waits for the first's write lock, then reads
/// what the first applied. The whole upgrade is also all or nothing: a failing migration
/// leaves the file as it was.
async fn migrate_sqlite(pool: &AnyPool) -> Result<(), StorageError> {
    use sqlx::migrate::MigrateError;
    let migrator = sqlx::migrate!("./migrations/sqlite");
    // Another opener's upgrade may take longer than a request's 5 s wait.
    sqlx::query("PRAGMA busy_timeout = 60000")
        .execute(pool)
        .await?;
    let mut tx = WriteTx::begin(pool, Backend::Sqlite).await?;
    tx.execute(
        "CREATE TABLE IF NOT EXISTS _sqlx_migrations (
            version BIGINT PRIMARY KEY,
            description TEXT NOT NULL,
            installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
            success BOOLEAN NOT NULL,
            checksum BLOB NOT NULL,
            execution_time BIGINT NOT NULL
        )",
    )
    .await?;
    let applied: Vec<(i64, Vec<u8>, i64)> = sqlx::query_as(
        "SELECT version, checksum, CAST(success AS INTEGER) FROM _sqlx_migrations ORDER BY version",
    )
    .fetch_all(&mut *tx)
    .await?;
    // sqlx's order of checks: a half-applied migration first, then versions this build
    // does not have (a newer binary upgraded the file), then changed ones.
    if let Some((version, ..)) = applied.iter().find(|(.., success)| *success == 0) {
        return Err(MigrateError::Dirty(*version).into());
    }
    let ups = || {
        migrator
            .iter()
            .filter(|m| !m.migration_type.is_down_migration())
    };
    let mut done = std::collections::HashSet::new();
    for (version, checksum, _) in &applied {
        let Some(ours) = ups().find(|m| m.version == *version) else {
            return Err(MigrateError::VersionMissing(*version).into());
        };
        if *ours.checksum != **checksum {
            return Err(MigrateError::VersionMismatch(*version).into());
        }
        done.insert(*version);
    }
    for migration in ups() {
        if done.contains(&migration.version) {
            continue;
        }
        let start = std::time::Instant::now();
        tx.execute(&*migration.sql)
            .await
            .map_err(|e| MigrateError::ExecuteMigration(e, migration.version))?;
        sqlx::query(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
             VALUES (?, ?, TRUE, ?, ?)",
        )
        .bind(migration.version)
        .bind(&*migration.description)
        .bind(&*migration.checksum)
        .bind(i64::try_from(start.elapsed().as_nanos()).unwrap_or(i64::MAX))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    sqlx::query("PRAGMA busy_timeout = 5000")
        .execute(pool)
        .await?;
    Ok(())
}

impl SqlStorage {
    /// Opens the database at `url` (`sqlite://vaksam.db`, created if needed, or
    /// `postgres://user@host/db`) and runs its backend's migrations.
    pub async fn open(url: &str) -> Result<Self, StorageError> {
        Self::open_with(url, PoolSize::default()).await
    }

    /// [`Self::open`] with the PostgreSQL pool sized by `size`.
    pub async fn open_with(url: &str, size: PoolSize) -> Result<Self, StorageError> {
        sqlx::any::install_default_drivers();
        let backend = Backend::of_url(url).ok_or_else(|| {
            StorageError::Corrupt(format!(
                "unsupported database URL {url:?}: use sqlite://path/to/file.db or \
                 postgres://user@host/database"
            ))
        })?;
        // A request waits at most this long for a connection, then answers 503.
        let acquire = Duration::from_secs(10);
        let (write, read) = match backend {
            Backend::Sqlite => {
                let create = AnyConnectOptions::from_str(&with_mode(url, "rwc"))?;
                let write = AnyPoolOptions::new()
                    .max_connections(1)
                    .acquire_timeout(acquire)
                    .after_connect(|conn, _| Box::pin(sqlite_pragmas(conn)))
                    .connect_with(create)
                    .await?;
                sqlx::query("PRAGMA journal_mode = WAL")
                    .execute(&write)
                    .await?;
                migrate_sqlite(&write).await?;
                let read = AnyPoolOptions::new()
                    .max_connections(4)
                    .acquire_timeout(acquire)
                    .after_connect(|conn, _| Box::pin(sqlite_pragmas(conn)))
                    .connect_with(AnyConnectOptions::from_str(&with_mode(url, "ro"))?)
                    .await?;
                (write, read)
            }
            Backend::Postgres => {
                let options = AnyConnectOptions::from_str(url)?.disable_statement_logging();
                let pool = AnyPoolOptions::new()
                    .max_connections(size.postgres.max(2))
                    .acquire_timeout(acquire)
                    // Like SQLite's busy timeout: a write that waits this long for a row
                    // lock fails as busy (55P03, answered 503) instead of waiting forever.
                    .after_connect(|conn, _| {
                        Box::pin(async move {
                            conn.execute("SET lock_timeout = '10s'").await?;
                            Ok(())
                        })
                    })
                    .connect_with(options)
                    .await?;
                // sqlx holds an advisory lock while it migrates: instances that start
                // together migrate once.
                sqlx::migrate!("./migrations/postgres").run(&pool).await?;
                (pool.clone(), pool)
            }
        };
        Ok(Self {
            write,
            read,
            backend,
            health: Arc::default(),
        })
    }

    /// Serialises the writes of one municipality's directory (an import against the digest
    /// its preview was made from, hand edits, offboarding, letters' codes, sign-ins that
    /// make employees): on PostgreSQL a transaction-scoped advisory lock, held until commit;
    /// SQLite's one writer already serialises them.
    pub(crate) async fn lock_directory(
        &self,
        tx: &mut WriteTx,
        kommunkod: &Kommunkod,
    ) -> Result<(), StorageError> {
        if self.backend == Backend::Postgres {
            sqlx::query("SELECT pg_advisory_xact_lock(hashtext($1))")
                .bind(format!("vaksam.directory.{}", kommunkod.as_str()))
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }

    /// Which database this is.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The write pool, for tests and admin checks that count rows.
    pub fn pool(&self) -> &AnyPool {
        &self.write
    }

    pub(crate) async fn begin(&self) -> Result<WriteTx, StorageError> {
        WriteTx::begin(&self.write, self.backend).await
    }

    /// One write transaction: `work` runs inside it, which commits when `work` succeeds and
    /// rolls back (the connection is closed) when it fails; the outcome is noted in the
    /// write health. `work` that decides to write nothing just returns: an empty commit.
    pub(crate) async fn write<T>(
        &self,
        now: OffsetDateTime,
        work: impl AsyncFnOnce(&mut WriteTx) -> Result<T, StorageError>,
    ) -> Result<T, StorageError> {
        let result = async {
            let mut tx = self.begin().await?;
            let value = work(&mut tx).await?;
            tx.commit().await?;
            Ok(value)
        }
        .await;
        self.health.note(&result, now);
        result
    }
}

fn receipt_from(
    year: i64,
    seq: i64,
    received_at: &str,
    status: &str,
) -> Result<Receipt, StorageError> {
    let case_number = CaseNumber {
        year: i32::try_from(year).map_err(|e| StorageError::Corrupt(e.to_string()))?,
        sequence: u32::try_from(seq).map_err(|e| StorageError::Corrupt(e.to_string()))?,
    };
    Ok(Receipt {
        case_number: Some(case_number),
        log_entry: None,
        received_at: parse_ts(received_at)?,
        case_status: parse_status(status)?,
    })
}

fn parse_status(text: &str) -> Result<CaseStatus, StorageError> {
    CaseStatus::from_wire(text).ok_or_else(|| StorageError::Corrupt(format!("status {text:?}")))
}

fn log_receipt(seq: i64, received_at: &str) -> Result<Receipt, StorageError> {
    Ok(Receipt {
        case_number: None,
        log_entry: Some(u64::try_from(seq).map_err(|e| StorageError::Corrupt(e.to_string()))?),
        received_at: parse_ts(received_at)?,
        case_status: CaseStatus::default(),
    })
}

fn stored_pack(r: &sqlx::any::AnyRow) -> StoredPack {
    StoredPack {
        version: r.get(0),
        body: r.get(1),
        etag: r.get(2),
        published_at: r.get(3),
        origin: Origin::from_db(r.get(4)),
        overlay: r.get(5),
        base_version: r.get(6),
    }
}

impl SqlStorage {
    /// Appends one new signature (its id claimed) to its municipality's log, inside the batch
    /// transaction, which holds the head's lock.
    async fn append_signature(
        tx: &mut sqlx::AnyConnection,
        device: &Device,
        record: &NewRecord,
        received_at: &str,
    ) -> Result<Stored, StorageError> {
        let id = record.id.to_string();
        let kommunkod = device.kommunkod.as_str();
        // The batch took the head row's lock (`lock_signature_head`) before any append and
        // holds it to commit, so a concurrent append (another instance on PostgreSQL) waits
        // for this transaction and then reads this entry's hash as its previous one.
        let head = sqlx::query(
            "UPDATE signature_heads SET last_seq = last_seq + 1 WHERE kommunkod = $1 \
             RETURNING last_seq, last_hash",
        )
        .bind(kommunkod)
        .fetch_one(&mut *tx)
        .await?;
        let (seq, prev_hash): (i64, String) = (head.try_get(0)?, head.try_get(1)?);
        let mut entry = LogEntry {
            seq: seq as u64,
            id,
            kommunkod: kommunkod.to_owned(),
            device_id: device.id.to_string(),
            employee_id: device.employee_id.to_string(),
            content_hash: record.content_hash.clone(),
            payload: record.payload.clone(),
            device_created_at: ts(record.device_created_at)?,
            received_at: received_at.to_owned(),
            prev_hash,
            entry_hash: String::new(),
        };
        entry.entry_hash = chain::entry_hash(&entry.prev_hash, &entry);
        sqlx::query(
            "INSERT INTO signatures (kommunkod, seq, id, device_id, employee_id, content_hash, \
             payload, device_created_at, received_at, prev_hash, entry_hash) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(&entry.kommunkod)
        .bind(seq)
        .bind(&entry.id)
        .bind(&entry.device_id)
        .bind(&entry.employee_id)
        .bind(&entry.content_hash)
        .bind(&entry.payload)
        .bind(&entry.device_created_at)
        .bind(&entry.received_at)
        .bind(&entry.prev_hash)
        .bind(&entry.entry_hash)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE signature_heads SET last_hash = $1 WHERE kommunkod = $2")
            .bind(&entry.entry_hash)
            .bind(kommunkod)
            .execute(&mut *tx)
            .await?;
        Ok(Stored::New(log_receipt(seq, received_at)?))
    }

    /// Stores one new training result (its id claimed) inside the batch transaction.
    async fn store_training(
        tx: &mut sqlx::AnyConnection,
        device: &Device,
        record: &NewRecord,
        received_at: &str,
    ) -> Result<Stored, StorageError> {
        let id = record.id.to_string();
        let kommunkod = device.kommunkod.as_str();
        sqlx::query(
            "INSERT INTO training_sessions (id, kommunkod, device_id, employee_id, content_hash, \
             bank_version, payload, device_created_at, received_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&id)
        .bind(kommunkod)
        .bind(device.id.to_string())
        .bind(device.employee_id.to_string())
        .bind(&record.content_hash)
        .bind(&record.label)
        .bind(&record.payload)
        .bind(ts(record.device_created_at)?)
        .bind(received_at)
        .execute(&mut *tx)
        .await?;
        Ok(Stored::New(plain_receipt(received_at)?))
    }
}

/// Makes sure the municipality's signature head row exists and takes its row lock, held
/// until the transaction ends.
async fn lock_signature_head(
    tx: &mut sqlx::AnyConnection,
    kommunkod: &str,
) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO signature_heads (kommunkod, last_seq, last_hash) VALUES ($1, 0, $2) \
         ON CONFLICT (kommunkod) DO NOTHING",
    )
    .bind(kommunkod)
    .bind(chain::GENESIS)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE signature_heads SET last_seq = last_seq WHERE kommunkod = $1")
        .bind(kommunkod)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// A receipt with no number: the record is held, received then.
fn plain_receipt(received_at: &str) -> Result<Receipt, StorageError> {
    Ok(Receipt {
        case_number: None,
        log_entry: None,
        received_at: parse_ts(received_at)?,
        case_status: CaseStatus::default(),
    })
}

/// Every table that holds records sent through the outbox (an id is unique across them),
/// by kind, with the columns a receipt is read from ([`receipt_at`]). Supplements are read
/// through the view `supplement_receipts`, which adds their incident's case number and
/// status; they are written to `supplements`.
const RECORD_TABLES: [(RecordKind, &str, &str); 4] = [
    (
        RecordKind::Incident,
        "incidents",
        "case_year, case_seq, received_at, status",
    ),
    (RecordKind::Signature, "signatures", "seq, received_at"),
    (RecordKind::Quiz, "training_sessions", "received_at"),
    (
        RecordKind::Supplement,
        "supplement_receipts",
        "case_year, case_seq, received_at, status",
    ),
];

/// The table of `kind` and its receipt columns.
fn record_table(kind: RecordKind) -> (&'static str, &'static str) {
    RECORD_TABLES
        .iter()
        .find(|(k, ..)| *k == kind)
        .map(|(_, table, columns)| (*table, *columns))
        .expect("every record kind has a table")
}

/// The receipt of a `kind` record from `row`, whose receipt columns (see [`RECORD_TABLES`])
/// start at index `first`.
fn receipt_at(
    kind: RecordKind,
    row: &sqlx::any::AnyRow,
    first: usize,
) -> Result<Receipt, StorageError> {
    match kind {
        RecordKind::Incident | RecordKind::Supplement => receipt_from(
            row.try_get(first)?,
            row.try_get(first + 1)?,
            row.try_get(first + 2)?,
            row.try_get(first + 3)?,
        ),
        RecordKind::Signature => log_receipt(row.try_get(first)?, row.try_get(first + 1)?),
        RecordKind::Quiz => plain_receipt(row.try_get(first)?),
    }
}

/// Claims a record's id in the `records` ledger, or says what it already stands for: a
/// resend when the ledger has it with the same kind, municipality and content (answered
/// with that record's first receipt); a conflict when it holds anything else; `None` when
/// the id was free and is now this record's (the caller stores the record in the same
/// transaction).
///
/// The ledger's key decides between concurrent writers: on PostgreSQL a second
/// transaction inserting the same id waits until the first ends, then finds the id taken
/// (and the first's record committed) or free (the first rolled back).
async fn earlier(
    tx: &mut sqlx::AnyConnection,
    record: &NewRecord,
    kommunkod: &str,
) -> Result<Option<Stored>, StorageError> {
    let id = record.id.to_string();
    let claimed = sqlx::query(
        "INSERT INTO records (id, kind, kommunkod, content_hash) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(&id)
    .bind(record.kind.as_str())
    .bind(kommunkod)
    .bind(&record.content_hash)
    .execute(&mut *tx)
    .await?;
    if claimed.rows_affected() == 1 {
        return Ok(None);
    }
    let row = sqlx::query("SELECT kind, kommunkod, content_hash FROM records WHERE id = $1")
        .bind(&id)
        .fetch_one(&mut *tx)
        .await?;
    let same = row.try_get::<String, _>(0)? == record.kind.as_str()
        && row.try_get::<String, _>(1)? == kommunkod
        && row.try_get::<String, _>(2)? == record.content_hash;
    if !same {
        return Ok(Some(Stored::Conflict));
    }
    let (table, columns) = record_table(record.kind);
    let sql = format!("SELECT {columns} FROM {table} WHERE id = $1");
    let row = sqlx::query(&sql).bind(&id).fetch_one(&mut *tx).await?;
    Ok(Some(Stored::Existing(receipt_at(record.kind, &row, 0)?)))
}

/// The ledger rows of `count` ids (`$2…`) that are one municipality's (`$1`).
fn ledger_sql(count: usize) -> String {
    format!(
        "SELECT id, kind, content_hash FROM records WHERE id IN ({}) AND kommunkod = $1",
        parameters(2, count)
    )
}

/// Takes the row lock of an employee who has not been removed; `false` when there is no
/// such employee. Offboarding updates the same row first, so whatever takes this lock
/// (redeeming a code, adding one) runs wholly before or wholly after a removal.
pub(crate) async fn lock_current_employee(
    conn: &mut sqlx::AnyConnection,
    employee_id: &str,
) -> Result<bool, StorageError> {
    let locked = sqlx::query(
        "UPDATE employees SET updated_at = updated_at WHERE id = $1 AND removed_at IS NULL",
    )
    .bind(employee_id)
    .execute(conn)
    .await?;
    Ok(locked.rows_affected() == 1)
}

/// `$first, $first+1, …`: `count` numbered parameters for an `IN (…)` list.
fn parameters(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The write methods, each one transaction; the [`Storage`] methods wrap them to keep
/// [`WriteHealth`] up to date.
impl SqlStorage {
    async fn create_enrollment_tx(
        &self,
        kommunkod: &Kommunkod,
        employee_name: &str,
        code_hash: &str,
        now: OffsetDateTime,
        expires_at: OffsetDateTime,
    ) -> Result<Uuid, StorageError> {
        let employee_id = Uuid::now_v7();
        let mut tx = self.begin().await?;
        sqlx::query(
            "INSERT INTO employees (id, kommunkod, name, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(employee_id.to_string())
        .bind(kommunkod.as_str())
        .bind(employee_name)
        .bind(ts(now)?)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO enrollment_codes (code_hash, employee_id, created_at, expires_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(code_hash)
        .bind(employee_id.to_string())
        .bind(ts(now)?)
        .bind(ts(expires_at)?)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(employee_id)
    }

    async fn redeem_code_tx(
        &self,
        code_hash: &str,
        token_hash: &str,
        now: OffsetDateTime,
    ) -> Result<Enrolled, RedeemError> {
        let device_id = Uuid::now_v7();
        // Unknown, used and expired codes are refused through the read pool, so a flood of
        // guesses never queues for the writer.
        let usable = sqlx::query(
            "SELECT 1 FROM enrollment_codes WHERE code_hash = $1 AND used_at IS NULL \
             AND expires_at > $2",
        )
        .bind(code_hash)
        .bind(ts(now)?)
        .fetch_optional(&self.read)
        .await
        .map_err(StorageError::from)?;
        if usable.is_none() {
            return Err(RedeemError::InvalidCode);
        }
        let mut tx = self.begin().await?;
        // The employee's row lock before the code's, in the order offboarding takes them:
        // a removal either comes first (and this finds no current employee) or waits and
        // then revokes the device made here.
        let employee_id: Option<String> =
            sqlx::query_scalar("SELECT employee_id FROM enrollment_codes WHERE code_hash = $1")
                .bind(code_hash)
                .fetch_optional(&mut *tx)
                .await
                .map_err(StorageError::from)?;
        let Some(employee_id) = employee_id else {
            tx.rollback().await?;
            return Err(RedeemError::InvalidCode);
        };
        if !lock_current_employee(&mut tx, &employee_id).await? {
            tx.rollback().await?;
            return Err(RedeemError::InvalidCode);
        }
        // Timestamps are stored as UTC RFC 3339 text, which sorts like time.
        let row = sqlx::query(
            "UPDATE enrollment_codes SET used_at = $1, device_id = $2 \
             WHERE code_hash = $3 AND used_at IS NULL AND expires_at > $1 \
             RETURNING employee_id",
        )
        .bind(ts(now)?)
        .bind(device_id.to_string())
        .bind(code_hash)
        .fetch_optional(&mut *tx)
        .await
        .map_err(StorageError::from)?;
        if row.is_none() {
            // Used by a concurrent redeem since the check above.
            tx.rollback().await?;
            return Err(RedeemError::InvalidCode);
        }
        let employee = sqlx::query("SELECT kommunkod, name FROM employees WHERE id = $1")
            .bind(&employee_id)
            .fetch_one(&mut *tx)
            .await
            .map_err(StorageError::from)?;
        let kommunkod: String = employee.get(0);
        let employee_name: String = employee.get(1);
        sqlx::query(
            "INSERT INTO devices (id, employee_id, kommunkod, token_hash, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(device_id.to_string())
        .bind(&employee_id)
        .bind(&kommunkod)
        .bind(token_hash)
        .bind(ts(now)?)
        .execute(&mut *tx)
        .await
        .map_err(StorageError::from)?;
        tx.commit().await?;
        Ok(Enrolled {
            device: Device {
                id: device_id,
                employee_id: parse_uuid(&employee_id)?,
                kommunkod: parse_kommunkod(&kommunkod)?,
            },
            employee_name,
        })
    }

    async fn revoke_device_tx(
        &self,
        device_id: Uuid,
        now: OffsetDateTime,
    ) -> Result<bool, StorageError> {
        let mut tx = self.begin().await?;
        let done =
            sqlx::query("UPDATE devices SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
                .bind(ts(now)?)
                .bind(device_id.to_string())
                .execute(&mut *tx)
                .await?;
        tx.commit().await?;
        Ok(done.rows_affected() == 1)
    }

    async fn store_records_tx(
        &self,
        device: &Device,
        records: &[NewRecord],
        now: OffsetDateTime,
    ) -> Result<Result<Vec<Stored>, OverLimit>, StorageError> {
        let kommunkod = device.kommunkod.as_str();
        let received_at = ts(now)?;
        let year = i64::from(now.year());
        let mut outcomes = Vec::with_capacity(records.len());
        let mut tx = self.begin().await?;
        // The device's row lock: its batches are counted against its daily limit one after
        // the other, however many instances receive them.
        sqlx::query("UPDATE devices SET revoked_at = revoked_at WHERE id = $1")
            .bind(device.id.to_string())
            .execute(&mut *tx)
            .await?;
        let limit = records_per_day(&mut tx, kommunkod).await?;
        let window_start = ts(now - time::Duration::days(1))?;
        let recent: i64 = sqlx::query_scalar(
            "SELECT (SELECT COUNT(*) FROM incidents WHERE device_id = $1 AND received_at > $2) \
             + (SELECT COUNT(*) FROM signatures WHERE device_id = $1 AND received_at > $2) \
             + (SELECT COUNT(*) FROM training_sessions WHERE device_id = $1 AND received_at > $2) \
             + (SELECT COUNT(*) FROM supplements WHERE device_id = $1 AND received_at > $2)",
        )
        .bind(device.id.to_string())
        .bind(&window_start)
        .fetch_one(&mut *tx)
        .await?;
        let mut room = i64::from(limit) - recent;
        // First every id is claimed (or found to be a resend or a conflict), before any lock
        // the whole municipality shares: those are held from here to the commit, so what
        // runs under them is kept short.
        let mut claims = Vec::with_capacity(records.len());
        for record in records {
            claims.push(earlier(&mut tx, record, kommunkod).await?);
        }
        let new_of = |kind: RecordKind| {
            records
                .iter()
                .zip(&claims)
                .filter(|(r, c)| r.kind == kind && c.is_none())
                .count()
        };
        // The municipality's locks, in one order for every batch (the signature head, then
        // the case counter), so that two batches never wait for each other in a cycle (a
        // deadlock PostgreSQL would break by failing one).
        if new_of(RecordKind::Signature) > 0 {
            lock_signature_head(&mut tx, kommunkod).await?;
        }
        let incidents = new_of(RecordKind::Incident);
        let mut next_seq = 0;
        if incidents > 0 {
            // The batch's case numbers at once; the counter row stays locked until the
            // commit (or a rollback gives the numbers back), so numbers stay gapless.
            let count =
                i64::try_from(incidents).map_err(|e| StorageError::Corrupt(e.to_string()))?;
            let last: i64 = sqlx::query_scalar(
                "INSERT INTO case_counters (kommunkod, year, last) VALUES ($1, $2, $3) \
                 ON CONFLICT (kommunkod, year) DO UPDATE SET last = case_counters.last + $3 \
                 RETURNING last",
            )
            .bind(kommunkod)
            .bind(year)
            .bind(count)
            .fetch_one(&mut *tx)
            .await?;
            next_seq = last - count + 1;
        }
        for (record, claim) in records.iter().zip(claims) {
            let outcome = match (claim, record.kind) {
                (Some(earlier), _) => earlier,
                (None, RecordKind::Signature) => {
                    Self::append_signature(&mut tx, device, record, &received_at).await?
                }
                (None, RecordKind::Quiz) => {
                    Self::store_training(&mut tx, device, record, &received_at).await?
                }
                (None, RecordKind::Supplement) => {
                    Self::store_supplement(&mut tx, device, record, &received_at).await?
                }
                (None, RecordKind::Incident) => {
                    let seq = next_seq;
                    next_seq += 1;
                    Self::store_incident(&mut tx, device, record, &received_at, year, seq).await?
                }
            };
            if matches!(outcome, Stored::New(_)) {
                room -= 1;
                if room < 0 {
                    tx.rollback().await?;
                    return Ok(Err(OverLimit {
                        limit,
                        retry_after_secs: 3600,
                    }));
                }
            }
            outcomes.push(outcome);
        }
        tx.commit().await?;
        Ok(Ok(outcomes))
    }

    /// Stores one new incident (its id claimed) inside the batch transaction, with case
    /// number `seq` of its municipality and year (allocated by the batch).
    async fn store_incident(
        tx: &mut sqlx::AnyConnection,
        device: &Device,
        record: &NewRecord,
        received_at: &str,
        year: i64,
        seq: i64,
    ) -> Result<Stored, StorageError> {
        let kommunkod = device.kommunkod.as_str();
        let id = record.id.to_string();
        sqlx::query(
            "INSERT INTO incidents (id, kommunkod, device_id, case_year, case_seq, \
             content_hash, category, payload, device_created_at, received_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(&id)
        .bind(kommunkod)
        .bind(device.id.to_string())
        .bind(year)
        .bind(seq)
        .bind(&record.content_hash)
        .bind(&record.label)
        .bind(&record.payload)
        .bind(ts(record.device_created_at)?)
        .bind(received_at)
        .execute(&mut *tx)
        .await?;
        Ok(Stored::New(receipt_from(
            year,
            seq,
            received_at,
            CaseStatus::Received.as_str(),
        )?))
    }

    /// Stores one supplement inside the batch transaction, under its incident, which must
    /// have been sent by this same device (earlier in this batch counts: it is in the same
    /// transaction); any other id is refused the same way, saying nothing of it. A
    /// supplement to a closed case reopens it as received (new information, maybe personal
    /// data, must not sit under a case nobody looks at). Its receipt carries the incident's
    /// case number and (new) status.
    async fn store_supplement(
        tx: &mut sqlx::AnyConnection,
        device: &Device,
        record: &NewRecord,
        received_at: &str,
    ) -> Result<Stored, StorageError> {
        let kommunkod = device.kommunkod.as_str();
        let incident_id = record.incident_id.map(|id| id.to_string());
        // One statement finds the incident (this device's, this municipality's), reopens it
        // if closed, and holds its row lock to commit: a status set in the console at the
        // same moment comes wholly before or after.
        let case = sqlx::query(
            "UPDATE incidents SET \
             status_changed_at = CASE WHEN status = 'closed' THEN $1 ELSE status_changed_at END, \
             status = CASE WHEN status = 'closed' THEN 'received' ELSE status END \
             WHERE id = $2 AND kommunkod = $3 AND device_id = $4 \
             RETURNING case_year, case_seq, status",
        )
        .bind(received_at)
        .bind(&incident_id)
        .bind(kommunkod)
        .bind(device.id.to_string())
        .fetch_optional(&mut *tx)
        .await?;
        let Some(case) = case else {
            // The id was claimed in the ledger for this record; refused, it stays free.
            sqlx::query("DELETE FROM records WHERE id = $1")
                .bind(record.id.to_string())
                .execute(&mut *tx)
                .await?;
            return Ok(Stored::Rejected(vec![FieldError::new(
                "payload.incident_id",
                FieldErrorCode::Invalid,
                "this device has sent no report with this id (it must be sent first)",
            )]));
        };
        let status: String = case.try_get(2)?;
        sqlx::query(
            "INSERT INTO supplements (id, incident_id, kommunkod, device_id, content_hash, \
             payload, device_created_at, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(record.id.to_string())
        .bind(&incident_id)
        .bind(kommunkod)
        .bind(device.id.to_string())
        .bind(&record.content_hash)
        .bind(&record.payload)
        .bind(ts(record.device_created_at)?)
        .bind(received_at)
        .execute(&mut *tx)
        .await?;
        Ok(Stored::New(receipt_from(
            case.try_get(0)?,
            case.try_get(1)?,
            received_at,
            &status,
        )?))
    }

    async fn set_case_status_tx(
        &self,
        kommunkod: &Kommunkod,
        case_number: CaseNumber,
        status: CaseStatus,
        now: OffsetDateTime,
    ) -> Result<bool, StorageError> {
        let mut tx = self.begin().await?;
        // With the incident's row lock: two identical sets at once change the time once.
        let current: Option<String> = sqlx::query_scalar(
            "UPDATE incidents SET status = status \
             WHERE kommunkod = $1 AND case_year = $2 AND case_seq = $3 RETURNING status",
        )
        .bind(kommunkod.as_str())
        .bind(i64::from(case_number.year))
        .bind(i64::from(case_number.sequence))
        .fetch_optional(&mut *tx)
        .await?;
        let Some(current) = current else {
            tx.rollback().await?;
            return Ok(false);
        };
        if current != status.as_str() {
            sqlx::query(
                "UPDATE incidents SET status = $1, status_changed_at = $2 \
                 WHERE kommunkod = $3 AND case_year = $4 AND case_seq = $5",
            )
            .bind(status.as_str())
            .bind(ts(now)?)
            .bind(kommunkod.as_str())
            .bind(i64::from(case_number.year))
            .bind(i64::from(case_number.sequence))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(true)
    }
}

impl SqlStorage {
    /// Publishes `pack` unless its version exists; with `audit`, the entry is written in the
    /// same transaction as the new version.
    async fn publish_pack_with(
        &self,
        kommunkod: &Kommunkod,
        pack: &StoredPack,
        audit: Option<(&super::accounts::NewAudit, OffsetDateTime)>,
    ) -> Result<Published, StorageError> {
        let mut tx = self.begin().await?;
        // Insert first: instances starting together publish the same shipped version, and
        // the key decides which one did (the other finds it and answers Unchanged).
        let inserted = sqlx::query(
            "INSERT INTO packs (kommunkod, version, body, etag, published_at, origin, \
             overlay, base_version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (kommunkod, version) DO NOTHING",
        )
        .bind(kommunkod.as_str())
        .bind(&pack.version)
        .bind(&pack.body)
        .bind(&pack.etag)
        .bind(&pack.published_at)
        .bind(pack.origin.as_str())
        .bind(&pack.overlay)
        .bind(&pack.base_version)
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 0 {
            let etag: String =
                sqlx::query_scalar("SELECT etag FROM packs WHERE kommunkod = $1 AND version = $2")
                    .bind(kommunkod.as_str())
                    .bind(&pack.version)
                    .fetch_one(&mut *tx)
                    .await?;
            tx.rollback().await?;
            return Ok(if etag == pack.etag {
                Published::Unchanged
            } else {
                Published::VersionTaken
            });
        }
        if let Some((entry, now)) = audit {
            super::accounts::append_audit(&mut tx, entry, now).await?;
        }
        tx.commit().await?;
        Ok(Published::New)
    }
}

impl Storage for SqlStorage {
    async fn create_enrollment(
        &self,
        kommunkod: &Kommunkod,
        employee_name: &str,
        code_hash: &str,
        now: OffsetDateTime,
        expires_at: OffsetDateTime,
    ) -> Result<Uuid, StorageError> {
        let result = self
            .create_enrollment_tx(kommunkod, employee_name, code_hash, now, expires_at)
            .await;
        self.health.note(&result, now);
        result
    }

    async fn redeem_code(
        &self,
        code_hash: &str,
        token_hash: &str,
        now: OffsetDateTime,
    ) -> Result<Enrolled, RedeemError> {
        let result = self.redeem_code_tx(code_hash, token_hash, now).await;
        match &result {
            Ok(_) => self.health.saw(Ok(()), now),
            Err(RedeemError::Storage(e)) => self.health.saw(Err(e.trouble()), now),
            Err(RedeemError::InvalidCode) => {}
        }
        result
    }

    async fn device_by_token(&self, token_hash: &str) -> Result<Option<Device>, StorageError> {
        let row = sqlx::query(
            "SELECT id, employee_id, kommunkod FROM devices \
             WHERE token_hash = $1 AND revoked_at IS NULL",
        )
        .bind(token_hash)
        .fetch_optional(&self.read)
        .await?;
        row.map(|r| {
            Ok(Device {
                id: parse_uuid(r.get(0))?,
                employee_id: parse_uuid(r.get(1))?,
                kommunkod: parse_kommunkod(r.get(2))?,
            })
        })
        .transpose()
    }

    async fn revoke_device(
        &self,
        device_id: Uuid,
        now: OffsetDateTime,
    ) -> Result<bool, StorageError> {
        let result = self.revoke_device_tx(device_id, now).await;
        self.health.note(&result, now);
        result
    }

    async fn store_records(
        &self,
        device: &Device,
        records: &[NewRecord],
        now: OffsetDateTime,
    ) -> Result<Result<Vec<Stored>, OverLimit>, StorageError> {
        let result = self.store_records_tx(device, records, now).await;
        self.health.note(&result, now);
        result
    }

    async fn receipt(
        &self,
        kommunkod: &Kommunkod,
        id: Uuid,
    ) -> Result<Option<Receipt>, StorageError> {
        for (kind, table, columns) in RECORD_TABLES {
            let sql = format!("SELECT {columns} FROM {table} WHERE id = $1 AND kommunkod = $2");
            let row = sqlx::query(&sql)
                .bind(id.to_string())
                .bind(kommunkod.as_str())
                .fetch_optional(&self.read)
                .await?;
            if let Some(row) = row {
                return receipt_at(kind, &row, 0).map(Some);
            }
        }
        Ok(None)
    }

    async fn trainees(&self, kommunkod: &Kommunkod) -> Result<Vec<Trainee>, StorageError> {
        let rows = sqlx::query(
            "SELECT e.id, e.name, t.payload FROM employees e \
             LEFT JOIN training_sessions t ON t.employee_id = e.id \
             WHERE e.kommunkod = $1 ORDER BY e.name, e.id, t.received_at, t.id",
        )
        .bind(kommunkod.as_str())
        .fetch_all(&self.read)
        .await?;
        let mut trainees: Vec<Trainee> = Vec::new();
        for r in rows {
            let id: String = r.get(0);
            if trainees.last().is_none_or(|t| t.employee_id != id) {
                trainees.push(Trainee {
                    employee_id: id,
                    name: r.get(1),
                    results: Vec::new(),
                });
            }
            if let (Some(t), Some(payload)) = (trainees.last_mut(), r.get::<Option<String>, _>(2)) {
                t.results.push(payload);
            }
        }
        Ok(trainees)
    }

    async fn publish_pack(
        &self,
        kommunkod: &Kommunkod,
        pack: &StoredPack,
    ) -> Result<Published, StorageError> {
        self.publish_pack_with(kommunkod, pack, None).await
    }

    async fn publish_pack_audited(
        &self,
        kommunkod: &Kommunkod,
        pack: &StoredPack,
        audit: &super::accounts::NewAudit,
        now: OffsetDateTime,
    ) -> Result<Published, StorageError> {
        let result = self
            .publish_pack_with(kommunkod, pack, Some((audit, now)))
            .await;
        self.health.note(&result, now);
        result
    }

    async fn current_pack(
        &self,
        kommunkod: &Kommunkod,
    ) -> Result<Option<StoredPack>, StorageError> {
        let row = sqlx::query(
            "SELECT version, body, etag, published_at, origin, overlay, base_version FROM packs \
             WHERE kommunkod = $1 ORDER BY id DESC LIMIT 1",
        )
        .bind(kommunkod.as_str())
        .fetch_optional(&self.read)
        .await?;
        Ok(row.as_ref().map(stored_pack))
    }

    async fn current_packs(&self) -> Result<Vec<(Kommunkod, StoredPack)>, StorageError> {
        let rows = sqlx::query(
            "SELECT p.version, p.body, p.etag, p.published_at, p.origin, p.overlay, \
             p.base_version, p.kommunkod FROM packs p \
             WHERE p.id = (SELECT MAX(id) FROM packs WHERE kommunkod = p.kommunkod) \
             ORDER BY p.kommunkod",
        )
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                let code: String = r.get(7);
                let k =
                    code.parse()
                        .map_err(|e: vaksam_core::municipality::ParseKommunkodError| {
                            StorageError::Corrupt(e.to_string())
                        })?;
                Ok((k, stored_pack(r)))
            })
            .collect()
    }

    async fn pack_version(
        &self,
        kommunkod: &Kommunkod,
        version: &str,
    ) -> Result<Option<StoredPack>, StorageError> {
        let row = sqlx::query(
            "SELECT version, body, etag, published_at, origin, overlay, base_version FROM packs \
             WHERE kommunkod = $1 AND version = $2",
        )
        .bind(kommunkod.as_str())
        .bind(version)
        .fetch_optional(&self.read)
        .await?;
        Ok(row.as_ref().map(stored_pack))
    }

    async fn signature_log(&self, kommunkod: &Kommunkod) -> Result<SignatureLog, StorageError> {
        let rows = sqlx::query(
            "SELECT seq, id, kommunkod, device_id, employee_id, content_hash, payload, \
             device_created_at, received_at, prev_hash, entry_hash \
             FROM signatures WHERE kommunkod = $1 ORDER BY seq",
        )
        .bind(kommunkod.as_str())
        .fetch_all(&self.read)
        .await?;
        let entries = rows
            .into_iter()
            .map(|r| LogEntry {
                seq: r.get::<i64, _>(0) as u64,
                id: r.get(1),
                kommunkod: r.get(2),
                device_id: r.get(3),
                employee_id: r.get(4),
                content_hash: r.get(5),
                payload: r.get(6),
                device_created_at: r.get(7),
                received_at: r.get(8),
                prev_hash: r.get(9),
                entry_hash: r.get(10),
            })
            .collect();
        let head =
            sqlx::query("SELECT last_seq, last_hash FROM signature_heads WHERE kommunkod = $1")
                .bind(kommunkod.as_str())
                .fetch_optional(&self.read)
                .await?
                .map(|r| (r.get::<i64, _>(0) as u64, r.get::<String, _>(1)));
        Ok((entries, head))
    }

    async fn signers(&self, kommunkod: &Kommunkod) -> Result<Vec<Signer>, StorageError> {
        let rows = sqlx::query(
            "SELECT e.id, e.name, s.payload, s.received_at, s.seq FROM employees e \
             LEFT JOIN signatures s ON s.employee_id = e.id AND s.seq = \
               (SELECT MAX(seq) FROM signatures WHERE employee_id = e.id) \
             WHERE e.kommunkod = $1 ORDER BY e.name, e.id",
        )
        .bind(kommunkod.as_str())
        .fetch_all(&self.read)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| Signer {
                employee_id: r.get(0),
                name: r.get(1),
                latest: r
                    .get::<Option<String>, _>(2)
                    .map(|payload| (payload, r.get::<String, _>(3), r.get::<i64, _>(4) as u64)),
            })
            .collect())
    }

    async fn incident_register(
        &self,
        kommunkod: &Kommunkod,
    ) -> Result<Vec<RegisterEntry>, StorageError> {
        let rows = sqlx::query(
            "SELECT i.case_year, i.case_seq, i.id, i.category, i.received_at, \
                    i.device_created_at, e.name, i.payload, i.status, i.status_changed_at \
             FROM incidents i JOIN devices d ON d.id = i.device_id \
             JOIN employees e ON e.id = d.employee_id \
             WHERE i.kommunkod = $1 ORDER BY i.case_year, i.case_seq",
        )
        .bind(kommunkod.as_str())
        .fetch_all(&self.read)
        .await?;
        let mut supplements: std::collections::HashMap<String, Vec<SupplementEntry>> =
            Default::default();
        let supplement_rows = sqlx::query(
            "SELECT incident_id, id, received_at, device_created_at, payload FROM supplements \
             WHERE kommunkod = $1 ORDER BY received_at, id",
        )
        .bind(kommunkod.as_str())
        .fetch_all(&self.read)
        .await?;
        for r in supplement_rows {
            let payload: String = r.get(4);
            supplements
                .entry(r.get(0))
                .or_default()
                .push(SupplementEntry {
                    id: r.get(1),
                    received_at: r.get(2),
                    device_created_at: r.get(3),
                    supplement: serde_json::from_str(&payload)
                        .map_err(|e| StorageError::Corrupt(e.to_string()))?,
                });
        }
        rows.into_iter()
            .map(|r| {
                let receipt = receipt_from(r.get(0), r.get(1), r.get(4), r.get(8))?;
                let payload: String = r.get(7);
                let id: String = r.get(2);
                let supplements = supplements.remove(&id).unwrap_or_default();
                let imy_deadline = register_deadline(&payload, &supplements)?;
                Ok(RegisterEntry {
                    case_number: receipt
                        .case_number
                        .map(|c| c.to_string())
                        .unwrap_or_default(),
                    supplements,
                    imy_deadline,
                    id,
                    status: receipt.case_status,
                    status_changed_at: r.get(9),
                    category: r.get(3),
                    received_at: r.get(4),
                    device_created_at: r.get(5),
                    reported_by: r.get(6),
                    report: serde_json::from_str(&payload)
                        .map_err(|e| StorageError::Corrupt(e.to_string()))?,
                })
            })
            .collect()
    }
    async fn resends(
        &self,
        kommunkod: &Kommunkod,
        records: &[(Uuid, RecordKind, String)],
    ) -> Result<Vec<Option<Receipt>>, StorageError> {
        if records.is_empty() {
            return Ok(Vec::new());
        }
        // The ledger by primary key first; receipts only for the ids that are this
        // municipality's with the same kind and content.
        let sql = ledger_sql(records.len());
        let mut query = sqlx::query(&sql).bind(kommunkod.as_str());
        for (id, ..) in records {
            query = query.bind(id.to_string());
        }
        let mut held: std::collections::HashMap<String, (String, String)> = Default::default();
        for row in query.fetch_all(&self.read).await? {
            held.insert(row.try_get(0)?, (row.try_get(1)?, row.try_get(2)?));
        }
        let mut receipts = Vec::with_capacity(records.len());
        for (id, kind, hash) in records {
            let id = id.to_string();
            let resend = held
                .get(&id)
                .is_some_and(|(k, h)| k == kind.as_str() && h == hash);
            receipts.push(if resend {
                let (table, columns) = record_table(*kind);
                let sql = format!("SELECT {columns} FROM {table} WHERE id = $1");
                let row = sqlx::query(&sql).bind(&id).fetch_one(&self.read).await?;
                Some(receipt_at(*kind, &row, 0)?)
            } else {
                None
            });
        }
        Ok(receipts)
    }

    async fn statuses(
        &self,
        device: &Device,
        ids: &[Uuid],
    ) -> Result<Vec<RecordStatus>, StorageError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let marks = parameters(3, ids.len());
        // SQLite: the unary `+` keeps it from choosing the municipality index over the
        // primary key with bound parameters (it then read every row of the municipality).
        let plus = match self.backend {
            Backend::Sqlite => "+",
            Backend::Postgres => "",
        };
        let mut found = Vec::new();
        // Only what this device sent: another phone of the municipality learns nothing of
        // a case it did not report. The columns follow `record_table`'s receipt columns.
        for (kind, sql) in [
            (
                RecordKind::Incident,
                format!(
                    "SELECT i.id, i.content_hash, i.case_year, i.case_seq, i.received_at, \
                     i.status, i.status_changed_at, NULL AS incident_id, \
                     t.employee_message, t.employee_message_at \
                     FROM incidents i LEFT JOIN case_triage t ON t.incident_id = i.id \
                     WHERE {plus}i.kommunkod = $1 AND i.device_id = $2 AND i.id IN ({marks})"
                ),
            ),
            (
                RecordKind::Supplement,
                format!(
                    "SELECT s.id, s.content_hash, i.case_year, i.case_seq, s.received_at, \
                     i.status, i.status_changed_at, s.incident_id, NULL, NULL \
                     FROM supplements s JOIN incidents i ON i.id = s.incident_id \
                     WHERE {plus}s.kommunkod = $1 AND s.device_id = $2 AND s.id IN ({marks})"
                ),
            ),
        ] {
            let mut query = sqlx::query(&sql)
                .bind(device.kommunkod.as_str())
                .bind(device.id.to_string());
            for id in ids {
                query = query.bind(id.to_string());
            }
            for row in query.fetch_all(&self.read).await? {
                let changed: Option<String> = row.try_get(6)?;
                let incident_id: Option<String> = row.try_get(7)?;
                found.push(RecordStatus {
                    id: parse_uuid(row.try_get(0)?)?,
                    kind,
                    receipt: receipt_at(kind, &row, 2)?,
                    status_changed_at: changed.as_deref().map(parse_ts).transpose()?,
                    incident_id: incident_id.as_deref().map(parse_uuid).transpose()?,
                    message: row.try_get(8)?,
                    message_at: row
                        .try_get::<Option<String>, _>(9)?
                        .as_deref()
                        .map(parse_ts)
                        .transpose()?,
                });
            }
        }
        Ok(found)
    }

    async fn set_case_status(
        &self,
        kommunkod: &Kommunkod,
        case_number: CaseNumber,
        status: CaseStatus,
        now: OffsetDateTime,
    ) -> Result<bool, StorageError> {
        let result = self
            .set_case_status_tx(kommunkod, case_number, status, now)
            .await;
        self.health.note(&result, now);
        result
    }

    async fn probe_write(&self, now: OffsetDateTime) -> Result<(), StorageError> {
        let result = async {
            let mut tx = self.begin().await?;
            sqlx::query("UPDATE write_probe SET written_at = $1 WHERE id = 1")
                .bind(ts(now)?)
                .execute(&mut *tx)
                .await?;
            tx.commit().await
        }
        .await;
        self.health.note(&result, now);
        result
    }

    async fn write_health(&self, now: OffsetDateTime) -> Result<(), StorageError> {
        let failing = self.health.failing.load(Ordering::SeqCst);
        let quiet = now.unix_timestamp() - self.health.last_ok.load(Ordering::SeqCst);
        if !failing && quiet < HEALTH_TRUST_SECS {
            return Ok(());
        }
        let second = now.unix_timestamp();
        if self.health.last_probe.swap(second, Ordering::SeqCst) == second {
            // Another probe ran this second: answer from what it found.
            return if self.health.failing.load(Ordering::SeqCst) {
                Err(StorageError::Unwritable("the last probe failed".into()))
            } else {
                Ok(())
            };
        }
        self.probe_write(now).await
    }

    async fn records_per_day(&self, kommunkod: &Kommunkod) -> Result<u32, StorageError> {
        let mut conn = self.read.acquire().await?;
        records_per_day(&mut conn, kommunkod.as_str()).await
    }

    async fn set_records_per_day(
        &self,
        kommunkod: &Kommunkod,
        limit: u32,
    ) -> Result<(), StorageError> {
        let result = async {
            let mut tx = self.begin().await?;
            sqlx::query(
                "INSERT INTO municipality_limits (kommunkod, records_per_device_per_day) \
                 VALUES ($1, $2) ON CONFLICT (kommunkod) DO UPDATE \
                 SET records_per_device_per_day = excluded.records_per_device_per_day",
            )
            .bind(kommunkod.as_str())
            .bind(i64::from(limit))
            .execute(&mut *tx)
            .await?;
            tx.commit().await
        }
        .await;
        self.health.note(&result, crate::system_clock());
        result
    }

    async fn hold_lease(
        &self,
        job: &str,
        holder: &str,
        now: OffsetDateTime,
        ttl: time::Duration,
    ) -> Result<bool, StorageError> {
        let until = (now + ttl).unix_timestamp();
        self.write(now, async |tx| {
            let held = sqlx::query(
                "INSERT INTO job_leases (name, holder, expires_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, \
                 expires_at = excluded.expires_at \
                 WHERE job_leases.holder = excluded.holder OR job_leases.expires_at <= $4",
            )
            .bind(job)
            .bind(holder)
            .bind(until)
            .bind(now.unix_timestamp())
            .execute(&mut **tx)
            .await?;
            Ok(held.rows_affected() == 1)
        })
        .await
    }

    async fn backup(&self, path: &std::path::Path) -> Result<(), StorageError> {
        if self.backend == Backend::Postgres {
            return Err(StorageError::Unsupported(
                "a PostgreSQL database is backed up with pg_dump or continuous archiving \
                 (see ARCHITECTURE.md, Backups)"
                    .into(),
            ));
        }
        // VACUUM INTO reads one consistent snapshot (a read transaction; WAL lets writers go
        // on) and writes a compact, self-contained database file.
        let target = path.to_str().ok_or_else(|| {
            StorageError::Corrupt(format!("{}: not a UTF-8 path", path.display()))
        })?;
        sqlx::query("VACUUM INTO $1")
            .bind(target)
            .execute(&self.read)
            .await?;
        Ok(())
    }
}

/// The IMY deadline of a stored report with its supplements (the core's rule).
fn register_deadline(
    payload: &str,
    supplements: &[SupplementEntry],
) -> Result<Option<String>, StorageError> {
    let corrupt = |e: serde_json::Error| StorageError::Corrupt(e.to_string());
    let report: vaksam_core::IncidentReport = serde_json::from_str(payload).map_err(corrupt)?;
    let added = supplements
        .iter()
        .map(|s| serde_json::from_value(s.supplement.clone()).map_err(corrupt))
        .collect::<Result<Vec<vaksam_core::SupplementReport>, _>>()?;
    vaksam_core::supplement::imy_deadline(&report, &added)
        .map(ts)
        .transpose()
}

/// A municipality's limit of records per device in 24 hours, or the default.
async fn records_per_day(
    conn: &mut sqlx::AnyConnection,
    kommunkod: &str,
) -> Result<u32, StorageError> {
    let limit: Option<i64> = sqlx::query_scalar(
        "SELECT records_per_device_per_day FROM municipality_limits WHERE kommunkod = $1",
    )
    .bind(kommunkod)
    .fetch_optional(conn)
    .await?;
    Ok(limit
        .and_then(|l| u32::try_from(l).ok())
        .unwrap_or(DEFAULT_RECORDS_PER_DAY))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The resend look-up reads the ledger by primary key, never a municipality's rows.
    #[tokio::test]
    async fn the_resend_lookup_finds_ids_by_primary_key() {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("plan.db").display());
        let storage = SqlStorage::open(&url).await.expect("open");
        let sql = format!("EXPLAIN QUERY PLAN {}", ledger_sql(10));
        let mut query = sqlx::query(&sql);
        for i in 0..11 {
            query = query.bind(i.to_string());
        }
        let plan: Vec<String> = query
            .fetch_all(storage.pool())
            .await
            .expect("plan")
            .iter()
            .map(|row| row.get::<String, _>(3))
            .collect();
        assert!(
            plan.iter()
                .all(|step| step.contains("INDEX sqlite_autoindex_records_1 (id=?)")),
            "{plan:?}"
        );
    }
}
