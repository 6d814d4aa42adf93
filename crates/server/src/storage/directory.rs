//! The staff directory: employees, workplaces and their managers, imports, offboarding and
//! enrollment letters. The trait and its SQLite implementation.
//!
//! Contracts, beside the module-level ones of [`super`]:
//! - every change writes its audit entry in the same transaction;
//! - an import applies the whole plan or nothing, and only if the directory is still as it
//!   was when the plan was made (the caller passes the plan's digest of it);
//! - removing an employee revokes their devices and voids their unused codes in the same
//!   transaction; the employee's row, signatures and training results stay.

use super::accounts::{append_audit, NewAudit};
use super::sql::{parse_ts, parse_uuid, ts, SqlStorage};
use super::StorageError;
use sha2::{Digest, Sha256};
use sqlx::Row;
use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;
use time::{Date, OffsetDateTime};
use uuid::Uuid;
use vaksam_core::directory::{fold, swedish_order, Existing, Person, Plan};
use vaksam_core::Kommunkod;

/// An employee as the directory holds them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Employee {
    /// Id.
    pub id: Uuid,
    /// Name, keys, workplace and first day.
    pub person: Person,
    /// Their workplace's id.
    pub workplace_id: Option<Uuid>,
    /// When they were added (enrollment code, import, the console or a sign-in).
    pub created_at: OffsetDateTime,
    /// When they were removed (offboarded).
    pub removed_at: Option<OffsetDateTime>,
    /// Devices enrolled and not revoked.
    pub active_devices: u32,
}

impl Employee {
    /// The moment the grace period counts from: the later of the first day of employment
    /// (its start in Swedish time) and the day they were added to Vaksam. Staff employed for
    /// years get the grace period from when the municipality adds them, never a reminder
    /// the day their file is imported; someone added before their first day, from that day.
    pub fn started(&self) -> OffsetDateTime {
        let first_day = self.person.started_on.map(|d| {
            vaksam_core::console::sweden_time::from_local(d.with_time(time::Time::MIDNIGHT))
        });
        first_day.map_or(self.created_at, |d| d.max(self.created_at))
    }
}

/// A workplace with its managers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workplace {
    /// Id.
    pub id: Uuid,
    /// Name as first written.
    pub name: String,
    /// Managers by e-mail (folded).
    pub managers: BTreeSet<String>,
}

/// Why an employee could not be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clash {
    /// Another current employee has this e-mail.
    Email,
    /// Another current employee has this employee id.
    EmployeeNumber,
    /// There is no such current employee in the municipality.
    Unknown,
}

/// What applying an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Applied {
    /// Employees added.
    pub added: u32,
    /// Employees changed.
    pub changed: u32,
    /// Removed employees brought back.
    pub returned: u32,
    /// Employees removed (not in the file, when chosen).
    pub removed: u32,
    /// Workplaces added.
    pub workplaces: u32,
}

/// The directory.
pub trait Directory {
    /// A municipality's employees, current ones only unless `with_removed`, by name in
    /// Swedish order.
    fn employees(
        &self,
        kommunkod: &Kommunkod,
        with_removed: bool,
    ) -> impl Future<Output = Result<Vec<Employee>, StorageError>> + Send;

    /// One employee of a municipality.
    fn employee(
        &self,
        kommunkod: &Kommunkod,
        id: Uuid,
    ) -> impl Future<Output = Result<Option<Employee>, StorageError>> + Send;

    /// A municipality's workplaces with their managers, by name.
    fn workplaces(
        &self,
        kommunkod: &Kommunkod,
    ) -> impl Future<Output = Result<Vec<Workplace>, StorageError>> + Send;

    /// Adds an employee (`id` `None`) or changes one; their workplace is made if new.
    fn save_employee(
        &self,
        kommunkod: &Kommunkod,
        id: Option<Uuid>,
        person: &Person,
        audit: &NewAudit,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<Result<Uuid, Clash>, StorageError>> + Send;

    /// Removes (offboards) a current employee: revokes their devices and voids unused
    /// codes. Returns how many devices were revoked; `None` if there is no such current
    /// employee.
    fn remove_employee(
        &self,
        kommunkod: &Kommunkod,
        id: Uuid,
        audit: &NewAudit,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<Option<u32>, StorageError>> + Send;

    /// Sets a workplace's managers (folded e-mails); `false` if there is no such workplace.
    fn set_managers(
        &self,
        kommunkod: &Kommunkod,
        workplace: Uuid,
        managers: &BTreeSet<String>,
        audit: &NewAudit,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// Applies an import plan made against the directory whose [`directory_digest`] is
    /// `digest`; `None` (nothing written) when the directory has changed since.
    fn apply_import(
        &self,
        kommunkod: &Kommunkod,
        plan: &Plan,
        digest: &str,
        remove_missing: bool,
        audit: &NewAudit,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<Option<Applied>, StorageError>> + Send;

    /// Whether the municipality sends reminders by e-mail (on unless turned off).
    fn reminders_enabled(
        &self,
        kommunkod: &Kommunkod,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// Turns the municipality's reminders on or off.
    fn set_reminders_enabled(
        &self,
        kommunkod: &Kommunkod,
        enabled: bool,
        audit: &NewAudit,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// The reminders of `kind` sent to `recipient` whose period starts with `prefix`:
    /// (period, when sent).
    fn reminders_sent(
        &self,
        kommunkod: &Kommunkod,
        kind: &str,
        recipient: &str,
        prefix: &str,
    ) -> impl Future<Output = Result<Vec<(String, OffsetDateTime)>, StorageError>> + Send;

    /// Records a reminder as sent (once per kind, recipient and period).
    fn record_reminder(
        &self,
        kommunkod: &Kommunkod,
        kind: &str,
        recipient: &str,
        period: &str,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Every published pack version of a municipality, oldest first: (version, body as
    /// JSON, published at).
    fn pack_history(
        &self,
        kommunkod: &Kommunkod,
    ) -> impl Future<Output = Result<Vec<(String, String, OffsetDateTime)>, StorageError>> + Send;

    /// Makes a new one-time code for each of these current employees of the municipality
    /// (`code_hash` per employee, from the caller), voiding their earlier unused codes.
    fn issue_codes(
        &self,
        kommunkod: &Kommunkod,
        codes: &[(Uuid, String)],
        expires_at: OffsetDateTime,
        audit: &NewAudit,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;
}

/// What an import plan is worked out against, for [`plan_inputs`].
pub type PlanInputs = (Vec<Existing>, BTreeMap<String, BTreeSet<String>>);

/// The directory as an import plan needs it: the employees (removed ones too, who come
/// back when a file names them) and the workplaces' managers.
pub fn plan_inputs(employees: &[Employee], workplaces: &[Workplace]) -> PlanInputs {
    let existing = employees
        .iter()
        .map(|e| Existing {
            id: e.id.to_string(),
            person: e.person.clone(),
            removed: e.removed_at.is_some(),
        })
        .collect();
    let managers = workplaces
        .iter()
        .map(|w| (w.name.clone(), w.managers.clone()))
        .collect();
    (existing, managers)
}

/// A digest of everything an import plan depends on, so that applying it can tell whether
/// the directory changed after the preview.
pub fn directory_digest(employees: &[Employee], workplaces: &[Workplace]) -> String {
    let mut h = Sha256::new();
    let mut rows: Vec<String> = employees
        .iter()
        .map(|e| format!("{}|{:?}|{}", e.id, e.person, e.removed_at.is_some()))
        .collect();
    rows.sort();
    for r in rows {
        h.update(r.as_bytes());
        h.update(b"\n");
    }
    let mut wp: Vec<String> = workplaces
        .iter()
        .map(|w| format!("{}|{}|{:?}", w.id, w.name, w.managers))
        .collect();
    wp.sort();
    for w in wp {
        h.update(w.as_bytes());
        h.update(b"\n");
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

const EMPLOYEE_COLUMNS: &str = "e.id, e.name, e.email, e.employee_number, w.name, \
     e.started_on, e.workplace_id, e.created_at, e.removed_at, \
     (SELECT COUNT(*) FROM devices d WHERE d.employee_id = e.id AND d.revoked_at IS NULL)";

fn employee_from(r: &sqlx::any::AnyRow) -> Result<Employee, StorageError> {
    let started_on: Option<String> = r.get(5);
    Ok(Employee {
        id: parse_uuid(r.get(0))?,
        person: Person {
            name: r.get(1),
            email: r.get(2),
            employee_number: r.get(3),
            workplace: r.get(4),
            started_on: started_on
                .as_deref()
                .map(|d| {
                    vaksam_core::directory::parse_date(d)
                        .ok_or_else(|| StorageError::Corrupt(format!("started_on {d:?}")))
                })
                .transpose()?,
        },
        workplace_id: r
            .get::<Option<String>, _>(6)
            .as_deref()
            .map(parse_uuid)
            .transpose()?,
        created_at: parse_ts(r.get(7))?,
        removed_at: r
            .get::<Option<String>, _>(8)
            .as_deref()
            .map(parse_ts)
            .transpose()?,
        active_devices: r.get::<i64, _>(9) as u32,
    })
}

fn date_text(d: Option<Date>) -> Option<String> {
    d.map(|d| format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()))
}

/// The id of the municipality's workplace with this name, made if there is none.
pub(crate) async fn workplace_id(
    conn: &mut sqlx::AnyConnection,
    kommunkod: &Kommunkod,
    name: &str,
    now: OffsetDateTime,
) -> Result<Uuid, StorageError> {
    let key = fold(name);
    if let Some(row) =
        sqlx::query("SELECT id FROM workplaces WHERE kommunkod = $1 AND name_key = $2")
            .bind(kommunkod.as_str())
            .bind(&key)
            .fetch_optional(&mut *conn)
            .await?
    {
        return parse_uuid(row.get(0));
    }
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO workplaces (id, kommunkod, name, name_key, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id.to_string())
    .bind(kommunkod.as_str())
    .bind(name)
    .bind(&key)
    .bind(ts(now)?)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// Which key of `person` another current employee already has.
async fn clash(
    conn: &mut sqlx::AnyConnection,
    kommunkod: &Kommunkod,
    id: Option<Uuid>,
    person: &Person,
) -> Result<Option<Clash>, StorageError> {
    let me = id.map(|i| i.to_string()).unwrap_or_default();
    for (column, value, kind) in [
        ("email", &person.email, Clash::Email),
        (
            "employee_number",
            &person.employee_number,
            Clash::EmployeeNumber,
        ),
    ] {
        let Some(value) = value else { continue };
        let taken = sqlx::query(&format!(
            "SELECT 1 FROM employees WHERE kommunkod = $1 AND {column} = $2 \
             AND removed_at IS NULL AND id <> $3"
        ))
        .bind(kommunkod.as_str())
        .bind(value)
        .bind(&me)
        .fetch_optional(&mut *conn)
        .await?;
        if taken.is_some() {
            return Ok(Some(kind));
        }
    }
    Ok(None)
}

/// Writes an employee's fields (a new row when `id` is new).
async fn write_employee(
    conn: &mut sqlx::AnyConnection,
    kommunkod: &Kommunkod,
    id: Uuid,
    new: bool,
    person: &Person,
    now: OffsetDateTime,
) -> Result<(), StorageError> {
    let workplace = match &person.workplace {
        Some(w) => Some(workplace_id(conn, kommunkod, w, now).await?.to_string()),
        None => None,
    };
    let query = if new {
        sqlx::query(
            "INSERT INTO employees (id, kommunkod, created_at, name, email, employee_number, \
             workplace_id, started_on, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(id.to_string())
        .bind(kommunkod.as_str())
        .bind(ts(now)?)
    } else {
        sqlx::query(
            "UPDATE employees SET name = $1, email = $2, employee_number = $3, \
             workplace_id = $4, started_on = $5, updated_at = $6 WHERE id = $7 AND kommunkod = $8",
        )
    };
    let query = query
        .bind(&person.name)
        .bind(&person.email)
        .bind(&person.employee_number)
        .bind(workplace)
        .bind(date_text(person.started_on))
        .bind(ts(now)?);
    let query = if new {
        query
    } else {
        query.bind(id.to_string()).bind(kommunkod.as_str())
    };
    query.execute(&mut *conn).await?;
    Ok(())
}

/// Whether `id` is a current (not removed) employee of the municipality.
async fn is_current(
    conn: &mut sqlx::AnyConnection,
    kommunkod: &Kommunkod,
    id: &str,
) -> Result<bool, StorageError> {
    Ok(sqlx::query(
        "SELECT 1 FROM employees WHERE kommunkod = $1 AND id = $2 AND removed_at IS NULL",
    )
    .bind(kommunkod.as_str())
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .is_some())
}

/// Ends the employee's unused codes now.
async fn void_codes(
    conn: &mut sqlx::AnyConnection,
    id: &str,
    at: &str,
) -> Result<(), StorageError> {
    sqlx::query(
        "UPDATE enrollment_codes SET expires_at = $1 \
         WHERE employee_id = $2 AND used_at IS NULL AND expires_at > $3",
    )
    .bind(at)
    .bind(id)
    .bind(at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Offboards one employee inside a transaction; the number of devices revoked, or `None`
/// if they are not a current employee of the municipality.
async fn offboard(
    conn: &mut sqlx::AnyConnection,
    kommunkod: &Kommunkod,
    id: &str,
    now: OffsetDateTime,
) -> Result<Option<u32>, StorageError> {
    let at = ts(now)?;
    let done = sqlx::query(
        "UPDATE employees SET removed_at = $1, updated_at = $2 \
         WHERE kommunkod = $3 AND id = $4 AND removed_at IS NULL",
    )
    .bind(&at)
    .bind(&at)
    .bind(kommunkod.as_str())
    .bind(id)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(None);
    }
    let devices = sqlx::query(
        "UPDATE devices SET revoked_at = $1 WHERE employee_id = $2 AND revoked_at IS NULL",
    )
    .bind(&at)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    void_codes(conn, id, &at).await?;
    Ok(Some(devices.rows_affected() as u32))
}

impl SqlStorage {
    async fn managers_of(
        &self,
        kommunkod: &Kommunkod,
    ) -> Result<BTreeMap<String, BTreeSet<String>>, StorageError> {
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for r in sqlx::query(
            "SELECT m.workplace_id, m.email FROM workplace_managers m \
             JOIN workplaces w ON w.id = m.workplace_id WHERE w.kommunkod = $1",
        )
        .bind(kommunkod.as_str())
        .fetch_all(&self.read)
        .await?
        {
            out.entry(r.get(0)).or_default().insert(r.get(1));
        }
        Ok(out)
    }

    /// [`Directory::apply_import`] inside its write transaction.
    async fn apply_import_in(
        tx: &mut sqlx::AnyConnection,
        kommunkod: &Kommunkod,
        plan: &Plan,
        digest: &str,
        remove_missing: bool,
        audit: &NewAudit,
        now: OffsetDateTime,
    ) -> Result<Option<Applied>, StorageError> {
        // Read again inside the write transaction (BEGIN IMMEDIATE: no one writes between
        // this check and the commit).
        let employees = sqlx::query(&format!(
            "SELECT {EMPLOYEE_COLUMNS} FROM employees e LEFT JOIN workplaces w \
             ON w.id = e.workplace_id WHERE e.kommunkod = $1"
        ))
        .bind(kommunkod.as_str())
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(employee_from)
        .collect::<Result<Vec<_>, _>>()?;
        let mut workplaces = Vec::new();
        for r in sqlx::query("SELECT id, name FROM workplaces WHERE kommunkod = $1")
            .bind(kommunkod.as_str())
            .fetch_all(&mut *tx)
            .await?
        {
            let id: String = r.get(0);
            let managers =
                sqlx::query("SELECT email FROM workplace_managers WHERE workplace_id = $1")
                    .bind(&id)
                    .fetch_all(&mut *tx)
                    .await?
                    .iter()
                    .map(|m| m.get::<String, _>(0))
                    .collect();
            workplaces.push(Workplace {
                id: parse_uuid(&id)?,
                name: r.get(1),
                managers,
            });
        }
        if directory_digest(&employees, &workplaces) != digest {
            return Ok(None);
        }
        let mut applied = Applied {
            workplaces: plan.new_workplaces.len() as u32,
            ..Applied::default()
        };
        for (_, person) in &plan.added {
            write_employee(tx, kommunkod, Uuid::now_v7(), true, person, now).await?;
            applied.added += 1;
        }
        for c in &plan.changed {
            write_employee(tx, kommunkod, parse_uuid(&c.id)?, false, &c.after, now).await?;
            applied.changed += 1;
        }
        // Back from being removed: the same row, so their signatures and training count.
        // No current employee holds their keys (the plan matched none), so the unique
        // indexes of current employees hold.
        for c in &plan.returning {
            write_employee(tx, kommunkod, parse_uuid(&c.id)?, false, &c.after, now).await?;
            sqlx::query("UPDATE employees SET removed_at = NULL WHERE kommunkod = $1 AND id = $2")
                .bind(kommunkod.as_str())
                .bind(&c.id)
                .execute(&mut *tx)
                .await?;
            applied.returned += 1;
        }
        for w in &plan.new_workplaces {
            workplace_id(tx, kommunkod, w, now).await?;
        }
        for m in &plan.managers {
            let id = workplace_id(tx, kommunkod, &m.workplace, now).await?;
            for email in &m.removed {
                sqlx::query(
                    "DELETE FROM workplace_managers WHERE workplace_id = $1 AND email = $2",
                )
                .bind(id.to_string())
                .bind(email)
                .execute(&mut *tx)
                .await?;
            }
            for email in &m.added {
                sqlx::query(
                    "INSERT INTO workplace_managers (workplace_id, email) VALUES ($1, $2) \
                     ON CONFLICT DO NOTHING",
                )
                .bind(id.to_string())
                .bind(email)
                .execute(&mut *tx)
                .await?;
            }
        }
        if remove_missing {
            for e in &plan.not_in_file {
                if offboard(tx, kommunkod, &e.id, now).await?.is_some() {
                    applied.removed += 1;
                }
            }
        }
        // Who was changed and removed (employee ids), so a mass change can be traced.
        let changed: Vec<&str> = plan.changed.iter().map(|c| c.id.as_str()).collect();
        let removed: Vec<&str> = if remove_missing {
            plan.not_in_file.iter().map(|e| e.id.as_str()).collect()
        } else {
            Vec::new()
        };
        let returned: Vec<&str> = plan.returning.iter().map(|c| c.id.as_str()).collect();
        let mut audit = audit.clone();
        audit.detail = format!(
            "added {}, changed {} [{}], back {} [{}], removed {} [{}], new workplaces {}",
            applied.added,
            applied.changed,
            changed.join(" "),
            applied.returned,
            returned.join(" "),
            applied.removed,
            removed.join(" "),
            applied.workplaces
        );
        append_audit(tx, &audit, now).await?;
        Ok(Some(applied))
    }
}

impl Directory for SqlStorage {
    async fn employees(
        &self,
        kommunkod: &Kommunkod,
        with_removed: bool,
    ) -> Result<Vec<Employee>, StorageError> {
        let filter = if with_removed {
            ""
        } else {
            "AND e.removed_at IS NULL"
        };
        let mut list = sqlx::query(&format!(
            "SELECT {EMPLOYEE_COLUMNS} FROM employees e LEFT JOIN workplaces w \
             ON w.id = e.workplace_id WHERE e.kommunkod = $1 {filter} ORDER BY e.id"
        ))
        .bind(kommunkod.as_str())
        .fetch_all(&self.read)
        .await?
        .iter()
        .map(employee_from)
        .collect::<Result<Vec<_>, _>>()?;
        list.sort_by_cached_key(|e| swedish_order(&e.person.name));
        Ok(list)
    }

    async fn employee(
        &self,
        kommunkod: &Kommunkod,
        id: Uuid,
    ) -> Result<Option<Employee>, StorageError> {
        sqlx::query(&format!(
            "SELECT {EMPLOYEE_COLUMNS} FROM employees e LEFT JOIN workplaces w \
             ON w.id = e.workplace_id WHERE e.kommunkod = $1 AND e.id = $2"
        ))
        .bind(kommunkod.as_str())
        .bind(id.to_string())
        .fetch_optional(&self.read)
        .await?
        .as_ref()
        .map(employee_from)
        .transpose()
    }

    async fn workplaces(&self, kommunkod: &Kommunkod) -> Result<Vec<Workplace>, StorageError> {
        let mut managers = self.managers_of(kommunkod).await?;
        let mut list =
            sqlx::query("SELECT id, name FROM workplaces WHERE kommunkod = $1 ORDER BY id")
                .bind(kommunkod.as_str())
                .fetch_all(&self.read)
                .await?
                .iter()
                .map(|r| {
                    let id: String = r.get(0);
                    Ok(Workplace {
                        id: parse_uuid(&id)?,
                        name: r.get(1),
                        managers: managers.remove(&id).unwrap_or_default(),
                    })
                })
                .collect::<Result<Vec<_>, StorageError>>()?;
        list.sort_by_cached_key(|w| swedish_order(&w.name));
        Ok(list)
    }

    async fn save_employee(
        &self,
        kommunkod: &Kommunkod,
        id: Option<Uuid>,
        person: &Person,
        audit: &NewAudit,
        now: OffsetDateTime,
    ) -> Result<Result<Uuid, Clash>, StorageError> {
        self.write(now, async |tx| {
            self.lock_directory(tx, kommunkod).await?;
            if let Some(id) = id {
                if !is_current(tx, kommunkod, &id.to_string()).await? {
                    return Ok(Err(Clash::Unknown));
                }
            }
            if let Some(c) = clash(tx, kommunkod, id, person).await? {
                return Ok(Err(c));
            }
            let (employee, new) = match id {
                Some(id) => (id, false),
                None => (Uuid::now_v7(), true),
            };
            write_employee(tx, kommunkod, employee, new, person, now).await?;
            let mut audit = audit.clone();
            audit.target = employee.to_string();
            append_audit(tx, &audit, now).await?;
            Ok(Ok(employee))
        })
        .await
    }

    async fn remove_employee(
        &self,
        kommunkod: &Kommunkod,
        id: Uuid,
        audit: &NewAudit,
        now: OffsetDateTime,
    ) -> Result<Option<u32>, StorageError> {
        self.write(now, async |tx| {
            self.lock_directory(tx, kommunkod).await?;
            let Some(revoked) = offboard(tx, kommunkod, &id.to_string(), now).await? else {
                return Ok(None);
            };
            let mut audit = audit.clone();
            audit.detail = format!("devices revoked: {revoked}");
            append_audit(tx, &audit, now).await?;
            Ok(Some(revoked))
        })
        .await
    }

    async fn set_managers(
        &self,
        kommunkod: &Kommunkod,
        workplace: Uuid,
        managers: &BTreeSet<String>,
        audit: &NewAudit,
        now: OffsetDateTime,
    ) -> Result<bool, StorageError> {
        self.write(now, async |tx| {
            self.lock_directory(tx, kommunkod).await?;
            let known = sqlx::query("SELECT 1 FROM workplaces WHERE kommunkod = $1 AND id = $2")
                .bind(kommunkod.as_str())
                .bind(workplace.to_string())
                .fetch_optional(&mut **tx)
                .await?;
            if known.is_none() {
                return Ok(false);
            }
            sqlx::query("DELETE FROM workplace_managers WHERE workplace_id = $1")
                .bind(workplace.to_string())
                .execute(&mut **tx)
                .await?;
            for email in managers {
                sqlx::query("INSERT INTO workplace_managers (workplace_id, email) VALUES ($1, $2)")
                    .bind(workplace.to_string())
                    .bind(email)
                    .execute(&mut **tx)
                    .await?;
            }
            append_audit(tx, audit, now).await?;
            Ok(true)
        })
        .await
    }

    async fn apply_import(
        &self,
        kommunkod: &Kommunkod,
        plan: &Plan,
        digest: &str,
        remove_missing: bool,
        audit: &NewAudit,
        now: OffsetDateTime,
    ) -> Result<Option<Applied>, StorageError> {
        self.write(now, async |tx| {
            self.lock_directory(tx, kommunkod).await?;
            Self::apply_import_in(tx, kommunkod, plan, digest, remove_missing, audit, now).await
        })
        .await
    }

    async fn reminders_enabled(&self, kommunkod: &Kommunkod) -> Result<bool, StorageError> {
        let row = sqlx::query("SELECT enabled FROM reminder_settings WHERE kommunkod = $1")
            .bind(kommunkod.as_str())
            .fetch_optional(&self.read)
            .await?;
        Ok(row.is_none_or(|r| r.get::<i64, _>(0) == 1))
    }

    async fn set_reminders_enabled(
        &self,
        kommunkod: &Kommunkod,
        enabled: bool,
        audit: &NewAudit,
        now: OffsetDateTime,
    ) -> Result<(), StorageError> {
        self.write(now, async |tx| {
            sqlx::query(
                "INSERT INTO reminder_settings (kommunkod, enabled, updated_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (kommunkod) DO UPDATE SET enabled = excluded.enabled, \
                 updated_at = excluded.updated_at",
            )
            .bind(kommunkod.as_str())
            .bind(i64::from(enabled))
            .bind(ts(now)?)
            .execute(&mut **tx)
            .await?;
            append_audit(tx, audit, now).await?;
            Ok(())
        })
        .await
    }

    async fn reminders_sent(
        &self,
        kommunkod: &Kommunkod,
        kind: &str,
        recipient: &str,
        prefix: &str,
    ) -> Result<Vec<(String, OffsetDateTime)>, StorageError> {
        sqlx::query(
            "SELECT period, sent_at FROM reminders_sent WHERE kommunkod = $1 AND kind = $2 \
             AND recipient = $3 AND substr(period, 1, length($4)) = $5",
        )
        .bind(kommunkod.as_str())
        .bind(kind)
        .bind(recipient)
        .bind(prefix)
        .bind(prefix)
        .fetch_all(&self.read)
        .await?
        .iter()
        .map(|r| Ok((r.get(0), parse_ts(r.get(1))?)))
        .collect()
    }

    async fn record_reminder(
        &self,
        kommunkod: &Kommunkod,
        kind: &str,
        recipient: &str,
        period: &str,
        now: OffsetDateTime,
    ) -> Result<(), StorageError> {
        self.write(now, async |tx| {
            sqlx::query(
                "INSERT INTO reminders_sent (kommunkod, kind, recipient, period, sent_at) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
            )
            .bind(kommunkod.as_str())
            .bind(kind)
            .bind(recipient)
            .bind(period)
            .bind(ts(now)?)
            .execute(&mut **tx)
            .await?;
            Ok(())
        })
        .await
    }

    async fn pack_history(
        &self,
        kommunkod: &Kommunkod,
    ) -> Result<Vec<(String, String, OffsetDateTime)>, StorageError> {
        sqlx::query(
            "SELECT version, body, published_at FROM packs WHERE kommunkod = $1 ORDER BY id",
        )
        .bind(kommunkod.as_str())
        .fetch_all(&self.read)
        .await?
        .iter()
        .map(|r| Ok((r.get(0), r.get(1), parse_ts(r.get(2))?)))
        .collect()
    }

    async fn issue_codes(
        &self,
        kommunkod: &Kommunkod,
        codes: &[(Uuid, String)],
        expires_at: OffsetDateTime,
        audit: &NewAudit,
        now: OffsetDateTime,
    ) -> Result<(), StorageError> {
        self.write(now, async |tx| {
            self.lock_directory(tx, kommunkod).await?;
            let at = ts(now)?;
            for (employee, code_hash) in codes {
                let id = employee.to_string();
                if !is_current(tx, kommunkod, &id).await? {
                    return Err(StorageError::Corrupt(format!(
                        "employee {id} is not a current employee of {kommunkod}"
                    )));
                }
                void_codes(tx, &id, &at).await?;
                sqlx::query(
                    "INSERT INTO enrollment_codes (code_hash, employee_id, created_at, expires_at) \
                     VALUES ($1, $2, $3, $4)",
                )
                .bind(code_hash)
                .bind(&id)
                .bind(&at)
                .bind(ts(expires_at)?)
                .execute(&mut **tx)
                .await?;
            }
            let mut audit = audit.clone();
            audit.detail = format!("codes: {}", codes.len());
            append_audit(tx, &audit, now).await?;
            Ok(())
        })
        .await
    }
}
