//! Moving an installation from SQLite to PostgreSQL (`vaksam-server migrate-db`): every
//! table, in an order that keeps the foreign keys, copied row for row in one target
//! transaction while the source's write lock keeps its servers from changing it; then the
//! counts and every municipality's signature chain are checked on the target. Rows the
//! target already has (by primary key) are left as they are, so running it again is safe.

use super::sql::{Backend, SqlStorage};
use super::{Storage, StorageError};
use crate::chain;
use sqlx::Row;

/// Every table, parents before children. A test checks that both schemas have exactly
/// these tables, so a new table cannot be forgotten here.
pub const TABLES: [&str; 34] = [
    "workplaces",
    "workplace_managers",
    "employees",
    "enrollment_codes",
    "devices",
    "records",
    "case_counters",
    "incidents",
    "packs",
    "signatures",
    "signature_heads",
    "training_sessions",
    "municipality_limits",
    "write_probe",
    "supplements",
    "admins",
    "admin_invites",
    "admin_passkeys",
    "webauthn_ceremonies",
    "admin_sessions",
    "audit_log",
    "case_triage",
    "case_notes",
    "case_handovers",
    "authorities",
    "mail_settings",
    "mail_state",
    "notifications",
    "reminder_settings",
    "reminders_sent",
    "oidc_providers",
    "oidc_flows",
    "oidc_employees",
    "job_leases",
];

/// The identity columns whose sequences must continue after the copied ids.
const IDENTITIES: [(&str, &str); 4] = [
    ("packs", "id"),
    ("audit_log", "seq"),
    ("case_notes", "id"),
    ("case_handovers", "id"),
];

/// Rows read from the source at a time.
const PAGE: i64 = 1000;

/// What a migration did, table by table.
#[derive(Debug, Default)]
pub struct Migrated {
    /// (table, rows in the source, rows this run added to the target).
    pub tables: Vec<(&'static str, i64, u64)>,
    /// (kommunkod, signatures) of every chain verified on the target.
    pub chains: Vec<(String, u64)>,
}

/// Whether a column is an integer or text, as the target declares it.
#[derive(Clone, Copy)]
enum Type {
    Integer,
    Text,
}

/// Copies everything from `from` (SQLite) to `to` (PostgreSQL) and verifies the result.
/// Servers may keep running on the source: they wait for its write lock until the copy is
/// done (then stop them and point them at the target). Fails, leaving the target as it
/// was, when anything does not match.
pub async fn migrate(from: &SqlStorage, to: &SqlStorage) -> Result<Migrated, StorageError> {
    if from.backend() != Backend::Sqlite || to.backend() != Backend::Postgres {
        return Err(StorageError::Unsupported(
            "migrate-db moves a SQLite database (--from sqlite://…) to PostgreSQL \
             (--to postgres://…)"
                .into(),
        ));
    }
    // The source's write lock for the whole copy: what is copied is one moment of it.
    let mut source = from.begin().await?;
    let mut target = to.begin().await?;
    let mut migrated = Migrated::default();
    for table in TABLES {
        let columns = target_columns(&mut target, table).await?;
        let names: Vec<&str> = columns.iter().map(|(n, _)| n.as_str()).collect();
        let list = names.join(", ");
        let per_row = columns.len();
        // PostgreSQL takes at most 65,535 parameters a statement.
        let rows_per_insert = (60_000 / per_row).min(PAGE as usize);
        let mut after = 0i64;
        let mut added = 0u64;
        loop {
            let page = sqlx::query(&format!(
                "SELECT {list}, rowid FROM {table} WHERE rowid > $1 ORDER BY rowid LIMIT $2"
            ))
            .bind(after)
            .bind(PAGE)
            .fetch_all(&mut *source)
            .await?;
            let Some(last) = page.last() else { break };
            after = last.try_get(per_row)?;
            for chunk in page.chunks(rows_per_insert) {
                let values = (0..chunk.len())
                    .map(|r| {
                        let marks = (1..=per_row)
                            .map(|c| format!("${}", r * per_row + c))
                            .collect::<Vec<_>>()
                            .join(", ");
                        format!("({marks})")
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                let sql =
                    format!("INSERT INTO {table} ({list}) VALUES {values} ON CONFLICT DO NOTHING");
                let mut insert = sqlx::query(&sql);
                for row in chunk {
                    for (i, (_, kind)) in columns.iter().enumerate() {
                        insert = match kind {
                            Type::Integer => insert.bind(row.try_get::<Option<i64>, _>(i)?),
                            Type::Text => insert.bind(row.try_get::<Option<String>, _>(i)?),
                        };
                    }
                }
                added += insert.execute(&mut *target).await?.rows_affected();
            }
        }
        let count = format!("SELECT COUNT(*) FROM {table}");
        let in_source: i64 = sqlx::query_scalar(&count).fetch_one(&mut *source).await?;
        let in_target: i64 = sqlx::query_scalar(&count).fetch_one(&mut *target).await?;
        if in_source != in_target {
            return Err(StorageError::Corrupt(format!(
                "{table}: {in_source} rows in the source, {in_target} in the target \
                 (the target held other data before: migrate into an empty database)"
            )));
        }
        migrated.tables.push((table, in_source, added));
    }
    for (table, column) in IDENTITIES {
        sqlx::query(&format!(
            "SELECT setval(pg_get_serial_sequence('{table}', '{column}'), \
             COALESCE(MAX({column}), 0) + 1, false) FROM {table}"
        ))
        .execute(&mut *target)
        .await?;
    }
    let heads = sqlx::query("SELECT kommunkod, last_seq, last_hash FROM signature_heads")
        .fetch_all(&mut *source)
        .await?
        .iter()
        .map(|r| {
            Ok((
                r.try_get(0)?,
                (r.try_get::<i64, _>(1)? as u64, r.try_get(2)?),
            ))
        })
        .collect::<Result<std::collections::BTreeMap<String, (u64, String)>, StorageError>>()?;
    target.commit().await?;
    source.rollback().await?;
    migrated.chains = verify_chains(to, &heads).await?;
    Ok(migrated)
}

/// The target table's columns in order, with their types.
async fn target_columns(
    target: &mut sqlx::AnyConnection,
    table: &str,
) -> Result<Vec<(String, Type)>, StorageError> {
    let rows = sqlx::query(
        "SELECT column_name::text, data_type::text FROM information_schema.columns \
         WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
    )
    .bind(table)
    .fetch_all(&mut *target)
    .await?;
    if rows.is_empty() {
        return Err(StorageError::Corrupt(format!(
            "the target has no table {table}"
        )));
    }
    rows.iter()
        .map(|r| {
            let name: String = r.try_get(0)?;
            let kind = match r.try_get::<String, _>(1)?.as_str() {
                "bigint" | "integer" | "smallint" => Type::Integer,
                "text" | "character varying" => Type::Text,
                other => {
                    return Err(StorageError::Corrupt(format!(
                        "{table}.{name}: type {other} has no copy rule"
                    )))
                }
            };
            Ok((name, kind))
        })
        .collect()
}

/// Every municipality's signature chain verified on the target, with the head the source
/// had when it was copied.
async fn verify_chains(
    to: &SqlStorage,
    heads: &std::collections::BTreeMap<String, (u64, String)>,
) -> Result<Vec<(String, u64)>, StorageError> {
    let mut chains = Vec::new();
    for (code, source_head) in heads {
        let kommunkod = super::sql::parse_kommunkod(code)?;
        let (entries, head) = to.signature_log(&kommunkod).await?;
        if head.as_ref() != Some(source_head) {
            return Err(StorageError::Corrupt(format!(
                "{code}: the target's signature head {head:?} is not the source's {source_head:?}"
            )));
        }
        let n = chain::verify(&entries, head.as_ref().map(|(n, h)| (*n, h.as_str()))).map_err(
            |broken| StorageError::Corrupt(format!("{code}: the copied signature log: {broken:?}")),
        )?;
        chains.push((code.clone(), n));
    }
    Ok(chains)
}
