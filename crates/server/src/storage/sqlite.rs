//! SQLite storage: one file, WAL, migrations at start.
//!
//! Writes go through a pool of exactly one connection. SQLite allows one writer at a time
//! anyway; funnelling writes through one connection avoids the "database is locked" error a
//! deferred transaction gets when two connections both try to upgrade to writing.

use super::{
    Device, Enrolled, LogEntry, NewRecord, Origin, Published, RedeemError, RegisterEntry,
    SignatureLog, Signer, Storage, StorageError, Stored, StoredPack, Trainee,
};
use crate::chain;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Row, SqlitePool};
use std::str::FromStr;
use std::time::Duration;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use uuid::Uuid;
use vaksam_core::protocol::Receipt;
use vaksam_core::protocol::RecordKind;
use vaksam_core::{CaseNumber, Kommunkod};

/// SQLite-backed [`Storage`].
#[derive(Clone)]
pub struct SqliteStorage {
    write: SqlitePool,
    read: SqlitePool,
}

fn ts(t: OffsetDateTime) -> String {
    t.to_offset(time::UtcOffset::UTC)
        .format(&Rfc3339)
        .unwrap_or_default()
}

fn parse_ts(text: &str) -> Result<OffsetDateTime, StorageError> {
    OffsetDateTime::parse(text, &Rfc3339).map_err(|e| StorageError::Corrupt(format!("{text}: {e}")))
}

fn parse_uuid(text: &str) -> Result<Uuid, StorageError> {
    Uuid::parse_str(text).map_err(|e| StorageError::Corrupt(format!("{text}: {e}")))
}

fn parse_kommunkod(text: &str) -> Result<Kommunkod, StorageError> {
    text.parse()
        .map_err(|e| StorageError::Corrupt(format!("{e}")))
}

impl SqliteStorage {
    /// Opens (creating if needed) the database at `url` (e.g. `sqlite://vaksam.db`) and
    /// runs migrations.
    pub async fn open(url: &str) -> Result<Self, StorageError> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a receipt is only sent after the commit is on disk.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options.clone())
            .await?;
        sqlx::migrate!("./migrations").run(&write).await?;
        let read = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options.read_only(true))
            .await?;
        Ok(Self { write, read })
    }

    /// The write pool, for tests and admin checks that count rows.
    pub fn pool(&self) -> &SqlitePool {
        &self.write
    }
}

fn receipt_from(year: i64, seq: i64, received_at: &str) -> Result<Receipt, StorageError> {
    let case_number = CaseNumber {
        year: i32::try_from(year).map_err(|e| StorageError::Corrupt(e.to_string()))?,
        sequence: u32::try_from(seq).map_err(|e| StorageError::Corrupt(e.to_string()))?,
    };
    Ok(Receipt {
        case_number: Some(case_number),
        log_entry: None,
        received_at: parse_ts(received_at)?,
    })
}

fn log_receipt(seq: i64, received_at: &str) -> Result<Receipt, StorageError> {
    Ok(Receipt {
        case_number: None,
        log_entry: Some(u64::try_from(seq).map_err(|e| StorageError::Corrupt(e.to_string()))?),
        received_at: parse_ts(received_at)?,
    })
}

fn stored_pack(r: &sqlx::sqlite::SqliteRow) -> StoredPack {
    StoredPack {
        version: r.get(0),
        body: r.get(1),
        etag: r.get(2),
        published_at: r.get(3),
        origin: Origin::from_db(r.get(4)),
    }
}

impl SqliteStorage {
    /// Appends one signature to its municipality's log, inside the batch transaction.
    async fn append_signature(
        tx: &mut sqlx::SqliteConnection,
        device: &Device,
        record: &NewRecord,
        received_at: &str,
    ) -> Result<Stored, StorageError> {
        let id = record.id.to_string();
        let kommunkod = device.kommunkod.as_str();
        if let Some(earlier) = earlier(
            tx,
            "signatures",
            "seq, received_at",
            record,
            kommunkod,
            |r| log_receipt(r.get(2), r.get(3)),
        )
        .await?
        {
            return Ok(earlier);
        }
        let head =
            sqlx::query("SELECT last_seq, last_hash FROM signature_heads WHERE kommunkod = ?")
                .bind(kommunkod)
                .fetch_optional(&mut *tx)
                .await?;
        let (last_seq, prev_hash) = match head {
            Some(r) => (r.get::<i64, _>(0), r.get::<String, _>(1)),
            None => (0, chain::GENESIS.to_owned()),
        };
        let seq = last_seq + 1;
        let mut entry = LogEntry {
            seq: seq as u64,
            id,
            kommunkod: kommunkod.to_owned(),
            device_id: device.id.to_string(),
            employee_id: device.employee_id.to_string(),
            content_hash: record.content_hash.clone(),
            payload: record.payload.clone(),
            device_created_at: ts(record.device_created_at),
            received_at: received_at.to_owned(),
            prev_hash,
            entry_hash: String::new(),
        };
        entry.entry_hash = chain::entry_hash(&entry.prev_hash, &entry);
        sqlx::query(
            "INSERT INTO signatures (kommunkod, seq, id, device_id, employee_id, content_hash, \
             payload, device_created_at, received_at, prev_hash, entry_hash) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
        sqlx::query(
            "INSERT INTO signature_heads (kommunkod, last_seq, last_hash) VALUES (?, ?, ?) \
             ON CONFLICT (kommunkod) DO UPDATE SET last_seq = excluded.last_seq, \
             last_hash = excluded.last_hash",
        )
        .bind(kommunkod)
        .bind(seq)
        .bind(&entry.entry_hash)
        .execute(&mut *tx)
        .await?;
        Ok(Stored::New(log_receipt(seq, received_at)?))
    }

    /// Stores one training result inside the batch transaction; a resend of the same
    /// content answers with the first receipt.
    async fn store_training(
        tx: &mut sqlx::SqliteConnection,
        device: &Device,
        record: &NewRecord,
        received_at: &str,
    ) -> Result<Stored, StorageError> {
        let id = record.id.to_string();
        let kommunkod = device.kommunkod.as_str();
        if let Some(earlier) = earlier(
            tx,
            "training_sessions",
            "received_at",
            record,
            kommunkod,
            |r| plain_receipt(r.get(2)),
        )
        .await?
        {
            return Ok(earlier);
        }
        sqlx::query(
            "INSERT INTO training_sessions (id, kommunkod, device_id, employee_id, content_hash, \
             bank_version, payload, device_created_at, received_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&id)
        .bind(kommunkod)
        .bind(device.id.to_string())
        .bind(device.employee_id.to_string())
        .bind(&record.content_hash)
        .bind(&record.label)
        .bind(&record.payload)
        .bind(ts(record.device_created_at))
        .bind(received_at)
        .execute(&mut *tx)
        .await?;
        Ok(Stored::New(plain_receipt(received_at)?))
    }
}

/// A receipt with no number: the record is held, received then.
fn plain_receipt(received_at: &str) -> Result<Receipt, StorageError> {
    Ok(Receipt {
        case_number: None,
        log_entry: None,
        received_at: parse_ts(received_at)?,
    })
}

/// Every table that holds records sent through the outbox; an id is unique across them.
const RECORD_TABLES: [&str; 3] = ["incidents", "signatures", "training_sessions"];

/// What a record's id already stands for: a resend when `table` has it with the same
/// municipality and content (answered with `receipt` of that row, whose columns after
/// `kommunkod, content_hash` are `receipt_columns`); a conflict when it has other content
/// or another record table has the id; `None` when the id is new.
async fn earlier(
    tx: &mut sqlx::SqliteConnection,
    table: &str,
    receipt_columns: &str,
    record: &NewRecord,
    kommunkod: &str,
    receipt: impl Fn(&sqlx::sqlite::SqliteRow) -> Result<Receipt, StorageError>,
) -> Result<Option<Stored>, StorageError> {
    let id = record.id.to_string();
    let sql =
        format!("SELECT kommunkod, content_hash, {receipt_columns} FROM {table} WHERE id = ?");
    if let Some(row) = sqlx::query(&sql).bind(&id).fetch_optional(&mut *tx).await? {
        let same =
            row.get::<String, _>(0) == kommunkod && row.get::<String, _>(1) == record.content_hash;
        return Ok(Some(if same {
            Stored::Existing(receipt(&row)?)
        } else {
            Stored::Conflict
        }));
    }
    for other in RECORD_TABLES.iter().filter(|t| **t != table) {
        if id_taken(&mut *tx, other, &id).await? {
            return Ok(Some(Stored::Conflict));
        }
    }
    Ok(None)
}

/// Whether `id` is already used in `table` (ids are unique across record kinds).
async fn id_taken(
    conn: &mut sqlx::SqliteConnection,
    table: &str,
    id: &str,
) -> Result<bool, StorageError> {
    let sql = format!("SELECT 1 FROM {table} WHERE id = ?");
    Ok(sqlx::query(&sql)
        .bind(id)
        .fetch_optional(conn)
        .await?
        .is_some())
}

impl Storage for SqliteStorage {
    async fn create_enrollment(
        &self,
        kommunkod: &Kommunkod,
        employee_name: &str,
        code_hash: &str,
        now: OffsetDateTime,
        expires_at: OffsetDateTime,
    ) -> Result<Uuid, StorageError> {
        let employee_id = Uuid::now_v7();
        let mut tx = self.write.begin().await?;
        sqlx::query("INSERT INTO employees (id, kommunkod, name, created_at) VALUES (?, ?, ?, ?)")
            .bind(employee_id.to_string())
            .bind(kommunkod.as_str())
            .bind(employee_name)
            .bind(ts(now))
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO enrollment_codes (code_hash, employee_id, created_at, expires_at) \
             VALUES (?, ?, ?, ?)",
        )
        .bind(code_hash)
        .bind(employee_id.to_string())
        .bind(ts(now))
        .bind(ts(expires_at))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(employee_id)
    }

    async fn redeem_code(
        &self,
        code_hash: &str,
        token_hash: &str,
        now: OffsetDateTime,
    ) -> Result<Enrolled, RedeemError> {
        let device_id = Uuid::now_v7();
        let mut tx = self.write.begin().await.map_err(StorageError::from)?;
        // Timestamps are stored as UTC RFC 3339 text, which sorts like time.
        let row = sqlx::query(
            "UPDATE enrollment_codes SET used_at = ?1, device_id = ?2 \
             WHERE code_hash = ?3 AND used_at IS NULL AND expires_at > ?1 \
             RETURNING employee_id",
        )
        .bind(ts(now))
        .bind(device_id.to_string())
        .bind(code_hash)
        .fetch_optional(&mut *tx)
        .await
        .map_err(StorageError::from)?;
        let Some(row) = row else {
            return Err(RedeemError::InvalidCode);
        };
        let employee_id: String = row.get(0);
        let employee = sqlx::query("SELECT kommunkod, name FROM employees WHERE id = ?")
            .bind(&employee_id)
            .fetch_one(&mut *tx)
            .await
            .map_err(StorageError::from)?;
        let kommunkod: String = employee.get(0);
        let employee_name: String = employee.get(1);
        sqlx::query(
            "INSERT INTO devices (id, employee_id, kommunkod, token_hash, created_at) \
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(device_id.to_string())
        .bind(&employee_id)
        .bind(&kommunkod)
        .bind(token_hash)
        .bind(ts(now))
        .execute(&mut *tx)
        .await
        .map_err(StorageError::from)?;
        tx.commit().await.map_err(StorageError::from)?;
        Ok(Enrolled {
            device: Device {
                id: device_id,
                employee_id: parse_uuid(&employee_id)?,
                kommunkod: parse_kommunkod(&kommunkod)?,
            },
            employee_name,
        })
    }

    async fn device_by_token(&self, token_hash: &str) -> Result<Option<Device>, StorageError> {
        let row = sqlx::query(
            "SELECT id, employee_id, kommunkod FROM devices \
             WHERE token_hash = ? AND revoked_at IS NULL",
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
        let done =
            sqlx::query("UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .bind(ts(now))
                .bind(device_id.to_string())
                .execute(&self.write)
                .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn store_records(
        &self,
        device: &Device,
        records: &[NewRecord],
        now: OffsetDateTime,
    ) -> Result<Vec<Stored>, StorageError> {
        let kommunkod = device.kommunkod.as_str();
        let received_at = ts(now);
        let year = i64::from(now.year());
        let mut outcomes = Vec::with_capacity(records.len());
        let mut tx = self.write.begin().await?;
        for record in records {
            if record.kind == RecordKind::Signature {
                outcomes.push(Self::append_signature(&mut tx, device, record, &received_at).await?);
                continue;
            }
            if record.kind == RecordKind::Quiz {
                outcomes.push(Self::store_training(&mut tx, device, record, &received_at).await?);
                continue;
            }
            let id = record.id.to_string();
            let cols = "case_year, case_seq, received_at";
            if let Some(earlier) = earlier(&mut tx, "incidents", cols, record, kommunkod, |r| {
                receipt_from(r.get(2), r.get(3), r.get(4))
            })
            .await?
            {
                outcomes.push(earlier);
                continue;
            }
            let seq: i64 = sqlx::query_scalar(
                "INSERT INTO case_counters (kommunkod, year, last) VALUES (?, ?, 1) \
                 ON CONFLICT (kommunkod, year) DO UPDATE SET last = last + 1 RETURNING last",
            )
            .bind(kommunkod)
            .bind(year)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO incidents (id, kommunkod, device_id, case_year, case_seq, \
                 content_hash, category, payload, device_created_at, received_at) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(&id)
            .bind(kommunkod)
            .bind(device.id.to_string())
            .bind(year)
            .bind(seq)
            .bind(&record.content_hash)
            .bind(&record.label)
            .bind(&record.payload)
            .bind(ts(record.device_created_at))
            .bind(&received_at)
            .execute(&mut *tx)
            .await?;
            outcomes.push(Stored::New(receipt_from(year, seq, &received_at)?));
        }
        tx.commit().await?;
        Ok(outcomes)
    }

    async fn receipt(
        &self,
        kommunkod: &Kommunkod,
        id: Uuid,
    ) -> Result<Option<Receipt>, StorageError> {
        let row = sqlx::query(
            "SELECT case_year, case_seq, received_at FROM incidents WHERE id = ? AND kommunkod = ?",
        )
        .bind(id.to_string())
        .bind(kommunkod.as_str())
        .fetch_optional(&self.read)
        .await?;
        if let Some(r) = row {
            return receipt_from(r.get(0), r.get(1), r.get(2)).map(Some);
        }
        let row =
            sqlx::query("SELECT seq, received_at FROM signatures WHERE id = ? AND kommunkod = ?")
                .bind(id.to_string())
                .bind(kommunkod.as_str())
                .fetch_optional(&self.read)
                .await?;
        if let Some(r) = row {
            return log_receipt(r.get(0), r.get(1)).map(Some);
        }
        let row =
            sqlx::query("SELECT received_at FROM training_sessions WHERE id = ? AND kommunkod = ?")
                .bind(id.to_string())
                .bind(kommunkod.as_str())
                .fetch_optional(&self.read)
                .await?;
        row.map(|r| plain_receipt(r.get(0))).transpose()
    }

    async fn trainees(&self, kommunkod: &Kommunkod) -> Result<Vec<Trainee>, StorageError> {
        let rows = sqlx::query(
            "SELECT e.id, e.name, t.payload FROM employees e \
             LEFT JOIN training_sessions t ON t.employee_id = e.id \
             WHERE e.kommunkod = ? ORDER BY e.name, e.id, t.received_at, t.id",
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
        let mut tx = self.write.begin().await?;
        let existing = sqlx::query("SELECT etag FROM packs WHERE kommunkod = ? AND version = ?")
            .bind(kommunkod.as_str())
            .bind(&pack.version)
            .fetch_optional(&mut *tx)
            .await?;
        if let Some(row) = existing {
            return Ok(if row.get::<String, _>(0) == pack.etag {
                Published::Unchanged
            } else {
                Published::VersionTaken
            });
        }
        sqlx::query(
            "INSERT INTO packs (kommunkod, version, body, etag, published_at, origin) \
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(kommunkod.as_str())
        .bind(&pack.version)
        .bind(&pack.body)
        .bind(&pack.etag)
        .bind(&pack.published_at)
        .bind(pack.origin.as_str())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Published::New)
    }

    async fn current_pack(
        &self,
        kommunkod: &Kommunkod,
    ) -> Result<Option<StoredPack>, StorageError> {
        let row = sqlx::query(
            "SELECT version, body, etag, published_at, origin FROM packs WHERE kommunkod = ? \
             ORDER BY id DESC LIMIT 1",
        )
        .bind(kommunkod.as_str())
        .fetch_optional(&self.read)
        .await?;
        Ok(row.as_ref().map(stored_pack))
    }

    async fn pack_version(
        &self,
        kommunkod: &Kommunkod,
        version: &str,
    ) -> Result<Option<StoredPack>, StorageError> {
        let row = sqlx::query(
            "SELECT version, body, etag, published_at, origin FROM packs \
             WHERE kommunkod = ? AND version = ?",
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
             FROM signatures WHERE kommunkod = ? ORDER BY seq",
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
            sqlx::query("SELECT last_seq, last_hash FROM signature_heads WHERE kommunkod = ?")
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
             WHERE e.kommunkod = ? ORDER BY e.name, e.id",
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
                    i.device_created_at, e.name, i.payload \
             FROM incidents i JOIN devices d ON d.id = i.device_id \
             JOIN employees e ON e.id = d.employee_id \
             WHERE i.kommunkod = ? ORDER BY i.case_year, i.case_seq",
        )
        .bind(kommunkod.as_str())
        .fetch_all(&self.read)
        .await?;
        rows.into_iter()
            .map(|r| {
                let receipt = receipt_from(r.get(0), r.get(1), r.get(4))?;
                let payload: String = r.get(7);
                Ok(RegisterEntry {
                    case_number: receipt
                        .case_number
                        .map(|c| c.to_string())
                        .unwrap_or_default(),
                    id: r.get(2),
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
}
