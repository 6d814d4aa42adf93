//! The console's accounts, sessions and audit log: the trait and its SQLite implementation.
//!
//! Contracts, beside the module-level ones of [`super`]:
//! - a session is valid only while it is not ended, before its absolute expiry, within the
//!   idle timeout since it was last seen, and while its admin is not disabled;
//! - the audit log is append-only (the database refuses updates and deletes), and a change
//!   made through the console writes its audit entry in the same transaction
//!   ([`append_audit`]).

use super::sql::{parse_kommunkod, parse_ts, parse_uuid, ts, SqlStorage};
use super::StorageError;
use sqlx::Row;
use std::future::Future;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;
use vaksam_core::console::roles::Role;
use vaksam_core::Kommunkod;

/// An administrator of the console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminAccount {
    /// Admin id.
    pub id: Uuid,
    /// The municipality; `None` for a sysadmin.
    pub kommunkod: Option<Kommunkod>,
    /// E-mail address (how invites and notifications reach them).
    pub email: String,
    /// Name as shown in the console and the audit log.
    pub name: String,
    /// What they may do.
    pub role: Role,
    /// Whether the account was disabled (its sessions no longer work).
    pub disabled: bool,
}

/// A valid session, as its cookie resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The signed-in admin.
    pub admin: AdminAccount,
    /// The session's CSRF token, which every form must send back.
    pub csrf: String,
    /// When the session began.
    pub created_at: OffsetDateTime,
    /// When it ends at the latest, whatever happens.
    pub expires_at: OffsetDateTime,
}

/// An entry to append to the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAudit {
    /// The municipality it concerns; `None` for an installation-wide event.
    pub kommunkod: Option<Kommunkod>,
    /// Who did it (`None`: the server itself or the CLI, named in `actor`).
    pub admin_id: Option<Uuid>,
    /// Who did it, as a name that stays readable if the account goes.
    pub actor: String,
    /// What was done, a stable code (`incident.view`, `incident.status`, `pack.publish`, …).
    pub action: String,
    /// What it was done to (a case number, a pack version, an admin's e-mail).
    pub target: String,
    /// Details in words or JSON (never personal data beyond what the target needs).
    pub detail: String,
}

impl NewAudit {
    /// An entry for what `admin` did.
    pub fn by(
        admin: &AdminAccount,
        action: &str,
        target: impl Into<String>,
        detail: impl Into<String>,
    ) -> Self {
        Self {
            kommunkod: admin.kommunkod.clone(),
            admin_id: Some(admin.id),
            actor: format!("{} <{}>", admin.name, admin.email),
            action: action.to_owned(),
            target: target.into(),
            detail: detail.into(),
        }
    }
}

/// An entry of the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// Its place in the log (increasing, installation-wide).
    pub seq: i64,
    /// The municipality it concerns.
    pub kommunkod: Option<Kommunkod>,
    /// When.
    pub at: OffsetDateTime,
    /// Who, by id.
    pub admin_id: Option<Uuid>,
    /// Who, by name.
    pub actor: String,
    /// What (a stable code).
    pub action: String,
    /// To what.
    pub target: String,
    /// Details.
    pub detail: String,
}

/// A WebAuthn ceremony in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ceremony {
    /// Its id, given to the browser.
    pub id: Uuid,
    /// The admin it is for (a registration), if known.
    pub admin_id: Option<Uuid>,
    /// `register` or `authenticate`.
    pub kind: String,
    /// The library's state, as JSON.
    pub state: String,
    /// When it lapses.
    pub expires_at: OffsetDateTime,
}

/// A registered passkey.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPasskey {
    /// The admin it belongs to.
    pub admin_id: Uuid,
    /// The credential id (base64url).
    pub credential_id: String,
    /// The library's passkey, as JSON.
    pub passkey: String,
    /// A name the admin recognises it by.
    pub label: String,
    /// When it was registered.
    pub created_at: OffsetDateTime,
    /// When it was last used to sign in.
    pub last_used_at: Option<OffsetDateTime>,
}

/// How long a session lasts: at most `absolute` after sign-in, and `idle` after the last
/// request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionLimits {
    /// Ends the session this long after its last request.
    pub idle: Duration,
    /// Ends the session this long after sign-in, whatever happens.
    pub absolute: Duration,
}

impl Default for SessionLimits {
    /// 30 minutes idle, 10 hours in all (a working day).
    fn default() -> Self {
        Self {
            idle: Duration::minutes(30),
            absolute: Duration::hours(10),
        }
    }
}

/// A session's `last_seen_at` is written at most this often, so reading pages does not
/// turn every request into a write.
const TOUCH_EVERY: Duration = Duration::seconds(60);

/// The console's accounts, sessions and audit log.
pub trait Accounts: Clone + Send + Sync + 'static {
    /// Creates an admin; an admin with the same e-mail in the same municipality is
    /// returned as it is (its role unchanged).
    fn create_admin(
        &self,
        kommunkod: Option<&Kommunkod>,
        email: &str,
        name: &str,
        role: Role,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<AdminAccount, StorageError>> + Send;

    /// The admin with this id.
    fn admin(
        &self,
        id: Uuid,
    ) -> impl Future<Output = Result<Option<AdminAccount>, StorageError>> + Send;

    /// Every admin of a municipality (`None`: the sysadmins), by name.
    fn admins(
        &self,
        kommunkod: Option<&Kommunkod>,
    ) -> impl Future<Output = Result<Vec<AdminAccount>, StorageError>> + Send;

    /// Starts a session for `admin_id` with the token and CSRF token given (only the
    /// token's hash is stored).
    fn create_session(
        &self,
        admin_id: Uuid,
        token_hash: &str,
        csrf: &str,
        now: OffsetDateTime,
        limits: SessionLimits,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// The valid session with this token hash, noting that it was seen now.
    fn session(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
        limits: SessionLimits,
    ) -> impl Future<Output = Result<Option<Session>, StorageError>> + Send;

    /// Ends one session (sign-out).
    fn end_session(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Ends every session of an admin (sign-out everywhere); returns how many were open.
    fn end_sessions(
        &self,
        admin_id: Uuid,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<u64, StorageError>> + Send;

    /// Appends an entry to the audit log on its own (for views; a change writes its entry
    /// in its own transaction with [`append_audit`]).
    fn audit(
        &self,
        entry: NewAudit,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Stores a one-time invite for `admin_id` (only the token's hash), valid until
    /// `expires_at`.
    fn create_invite(
        &self,
        admin_id: Uuid,
        token_hash: &str,
        now: OffsetDateTime,
        expires_at: OffsetDateTime,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// The admin an unused, unexpired invite is for.
    fn invite(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<Option<AdminAccount>, StorageError>> + Send;

    /// Keeps a WebAuthn ceremony's state until it finishes (at most until `expires_at`).
    fn save_ceremony(
        &self,
        ceremony: &Ceremony,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Takes a ceremony's state, once: it is deleted whether or not it has expired; an
    /// expired one or one of another kind gives `None`.
    fn take_ceremony(
        &self,
        id: Uuid,
        kind: &str,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<Option<Ceremony>, StorageError>> + Send;

    /// Uses up the invite and stores the admin's new passkey, in one transaction; `false`
    /// (and nothing stored) if the invite was used or expired meanwhile. Ends the admin's
    /// sessions: whoever held the account before the new invite is signed out.
    fn redeem_invite(
        &self,
        token_hash: &str,
        passkey: &StoredPasskey,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// The passkeys of every enabled admin with this e-mail (in any municipality), with
    /// their admin.
    fn passkeys_for_email(
        &self,
        email: &str,
    ) -> impl Future<Output = Result<Vec<(AdminAccount, StoredPasskey)>, StorageError>> + Send;

    /// One admin's passkeys.
    fn passkeys(
        &self,
        admin_id: Uuid,
    ) -> impl Future<Output = Result<Vec<StoredPasskey>, StorageError>> + Send;

    /// Notes a sign-in with a passkey (its new state, e.g. the counter) and starts nothing.
    fn passkey_used(
        &self,
        credential_id: &str,
        passkey: &str,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Removes one of an admin's passkeys, never the last; `false` if it was the last or
    /// not theirs.
    fn remove_passkey(
        &self,
        admin_id: Uuid,
        credential_id: &str,
        audit: NewAudit,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// Disables an admin (their sessions end at once); `false` if no such admin in the
    /// municipality.
    fn disable_admin(
        &self,
        kommunkod: Option<&Kommunkod>,
        admin_id: Uuid,
        audit: NewAudit,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// A municipality's audit log, newest first, at most `limit` entries before `before`
    /// (a `seq`; `None`: from the newest).
    fn audit_log(
        &self,
        kommunkod: Option<&Kommunkod>,
        before: Option<i64>,
        limit: u32,
    ) -> impl Future<Output = Result<Vec<AuditEntry>, StorageError>> + Send;
}

/// Appends an audit entry inside a transaction that makes a change, so the two commit
/// together or not at all.
pub async fn append_audit(
    conn: &mut sqlx::AnyConnection,
    entry: &NewAudit,
    now: OffsetDateTime,
) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO audit_log (kommunkod, at, admin_id, actor, action, target, detail) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(entry.kommunkod.as_ref().map(Kommunkod::as_str))
    .bind(ts(now)?)
    .bind(entry.admin_id.map(|id| id.to_string()))
    .bind(&entry.actor)
    .bind(&entry.action)
    .bind(&entry.target)
    .bind(&entry.detail)
    .execute(conn)
    .await?;
    Ok(())
}

const ADMIN_COLUMNS: &str = "a.id, a.kommunkod, a.email, a.name, a.role, a.disabled_at";

/// An admin from a row whose first columns are [`ADMIN_COLUMNS`].
pub(crate) fn admin_from(r: &sqlx::any::AnyRow) -> Result<AdminAccount, StorageError> {
    let role: String = r.get(4);
    Ok(AdminAccount {
        id: parse_uuid(r.get(0))?,
        kommunkod: r
            .get::<Option<String>, _>(1)
            .as_deref()
            .map(parse_kommunkod)
            .transpose()?,
        email: r.get(2),
        name: r.get(3),
        role: Role::parse(&role).ok_or_else(|| StorageError::Corrupt(format!("role {role:?}")))?,
        disabled: r.get::<Option<String>, _>(5).is_some(),
    })
}

/// A passkey from a row whose columns from `at` are: credential id, passkey, label,
/// created, last used; the admin id is column 0.
fn passkey_from(r: &sqlx::any::AnyRow, at: usize) -> Result<StoredPasskey, StorageError> {
    Ok(StoredPasskey {
        admin_id: parse_uuid(r.get(0))?,
        credential_id: r.get(at),
        passkey: r.get(at + 1),
        label: r.get(at + 2),
        created_at: parse_ts(r.get(at + 3))?,
        last_used_at: r
            .get::<Option<String>, _>(at + 4)
            .as_deref()
            .map(parse_ts)
            .transpose()?,
    })
}

impl SqlStorage {
    async fn admin_where(
        &self,
        condition: &str,
        binds: &[Option<&str>],
    ) -> Result<Option<AdminAccount>, StorageError> {
        let sql = format!("SELECT {ADMIN_COLUMNS} FROM admins a WHERE {condition}");
        let mut query = sqlx::query(&sql);
        for b in binds {
            query = query.bind(*b);
        }
        query
            .fetch_optional(&self.read)
            .await?
            .as_ref()
            .map(admin_from)
            .transpose()
    }
}

impl Accounts for SqlStorage {
    async fn create_admin(
        &self,
        kommunkod: Option<&Kommunkod>,
        email: &str,
        name: &str,
        role: Role,
        now: OffsetDateTime,
    ) -> Result<AdminAccount, StorageError> {
        let result = async {
            let mut tx = self.begin().await?;
            let k = kommunkod.map(Kommunkod::as_str);
            let existing = sqlx::query(&format!(
                "SELECT {ADMIN_COLUMNS} FROM admins a \
                 WHERE COALESCE(a.kommunkod, '') = COALESCE($1, '') AND a.email = $2"
            ))
            .bind(k)
            .bind(email)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(row) = existing {
                let admin = admin_from(&row)?;
                tx.rollback().await?;
                return Ok(admin);
            }
            let id = Uuid::now_v7();
            sqlx::query(
                "INSERT INTO admins (id, kommunkod, email, name, role, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id.to_string())
            .bind(k)
            .bind(email)
            .bind(name)
            .bind(role.as_str())
            .bind(ts(now)?)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(AdminAccount {
                id,
                kommunkod: kommunkod.cloned(),
                email: email.to_owned(),
                name: name.to_owned(),
                role,
                disabled: false,
            })
        }
        .await;
        self.health.note(&result, now);
        result
    }

    async fn admin(&self, id: Uuid) -> Result<Option<AdminAccount>, StorageError> {
        self.admin_where("a.id = $1", &[Some(&id.to_string())])
            .await
    }

    async fn admins(
        &self,
        kommunkod: Option<&Kommunkod>,
    ) -> Result<Vec<AdminAccount>, StorageError> {
        sqlx::query(&format!(
            "SELECT {ADMIN_COLUMNS} FROM admins a \
             WHERE COALESCE(a.kommunkod, '') = COALESCE($1, '') ORDER BY a.name, a.email"
        ))
        .bind(kommunkod.map(Kommunkod::as_str))
        .fetch_all(&self.read)
        .await?
        .iter()
        .map(admin_from)
        .collect()
    }

    async fn create_session(
        &self,
        admin_id: Uuid,
        token_hash: &str,
        csrf: &str,
        now: OffsetDateTime,
        limits: SessionLimits,
    ) -> Result<(), StorageError> {
        let result = async {
            let mut tx = self.begin().await?;
            sqlx::query(
                "INSERT INTO admin_sessions \
                 (token_hash, admin_id, csrf, created_at, last_seen_at, expires_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(token_hash)
            .bind(admin_id.to_string())
            .bind(csrf)
            .bind(ts(now)?)
            .bind(ts(now)?)
            .bind(ts(now + limits.absolute)?)
            .execute(&mut *tx)
            .await?;
            tx.commit().await
        }
        .await;
        self.health.note(&result, now);
        result
    }

    async fn session(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
        limits: SessionLimits,
    ) -> Result<Option<Session>, StorageError> {
        let row = sqlx::query(&format!(
            "SELECT {ADMIN_COLUMNS}, s.csrf, s.created_at, s.last_seen_at, s.expires_at \
             FROM admin_sessions s JOIN admins a ON a.id = s.admin_id \
             WHERE s.token_hash = $1 AND s.ended_at IS NULL AND a.disabled_at IS NULL"
        ))
        .bind(token_hash)
        .fetch_optional(&self.read)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let admin = admin_from(&row)?;
        let created_at = parse_ts(row.get(7))?;
        let last_seen_at = parse_ts(row.get(8))?;
        let expires_at = parse_ts(row.get(9))?;
        if now >= expires_at || now - last_seen_at >= limits.idle {
            return Ok(None);
        }
        if now - last_seen_at >= TOUCH_EVERY {
            let result = async {
                let mut tx = self.begin().await?;
                sqlx::query(
                    "UPDATE admin_sessions SET last_seen_at = $1 \
                     WHERE token_hash = $2 AND ended_at IS NULL",
                )
                .bind(ts(now)?)
                .bind(token_hash)
                .execute(&mut *tx)
                .await?;
                tx.commit().await
            }
            .await;
            self.health.note(&result, now);
            result?;
        }
        Ok(Some(Session {
            admin,
            csrf: row.get(6),
            created_at,
            expires_at,
        }))
    }

    async fn end_session(&self, token_hash: &str, now: OffsetDateTime) -> Result<(), StorageError> {
        let result = async {
            let mut tx = self.begin().await?;
            sqlx::query(
                "UPDATE admin_sessions SET ended_at = $1 WHERE token_hash = $2 AND ended_at IS NULL",
            )
            .bind(ts(now)?)
            .bind(token_hash)
            .execute(&mut *tx)
            .await?;
            tx.commit().await
        }
        .await;
        self.health.note(&result, now);
        result
    }

    async fn end_sessions(&self, admin_id: Uuid, now: OffsetDateTime) -> Result<u64, StorageError> {
        let result = async {
            let mut tx = self.begin().await?;
            let ended = sqlx::query(
                "UPDATE admin_sessions SET ended_at = $1 WHERE admin_id = $2 AND ended_at IS NULL",
            )
            .bind(ts(now)?)
            .bind(admin_id.to_string())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            tx.commit().await?;
            Ok(ended)
        }
        .await;
        self.health.note(&result, now);
        result
    }

    async fn audit(&self, entry: NewAudit, now: OffsetDateTime) -> Result<(), StorageError> {
        let result = async {
            let mut tx = self.begin().await?;
            append_audit(&mut tx, &entry, now).await?;
            tx.commit().await
        }
        .await;
        self.health.note(&result, now);
        result
    }

    async fn create_invite(
        &self,
        admin_id: Uuid,
        token_hash: &str,
        now: OffsetDateTime,
        expires_at: OffsetDateTime,
    ) -> Result<(), StorageError> {
        let result = async {
            let mut tx = self.begin().await?;
            sqlx::query(
                "INSERT INTO admin_invites (token_hash, admin_id, created_at, expires_at) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(token_hash)
            .bind(admin_id.to_string())
            .bind(ts(now)?)
            .bind(ts(expires_at)?)
            .execute(&mut *tx)
            .await?;
            tx.commit().await
        }
        .await;
        self.health.note(&result, now);
        result
    }

    async fn invite(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
    ) -> Result<Option<AdminAccount>, StorageError> {
        let row = sqlx::query(&format!(
            "SELECT {ADMIN_COLUMNS}, i.expires_at FROM admin_invites i \
             JOIN admins a ON a.id = i.admin_id \
             WHERE i.token_hash = $1 AND i.used_at IS NULL AND a.disabled_at IS NULL"
        ))
        .bind(token_hash)
        .fetch_optional(&self.read)
        .await?;
        match row {
            Some(r) if parse_ts(r.get(6))? > now => Ok(Some(admin_from(&r)?)),
            _ => Ok(None),
        }
    }

    async fn save_ceremony(&self, c: &Ceremony, now: OffsetDateTime) -> Result<(), StorageError> {
        let result = async {
            let mut tx = self.begin().await?;
            // Lapsed ceremonies are swept as new ones start.
            sqlx::query("DELETE FROM webauthn_ceremonies WHERE expires_at < $1")
                .bind(ts(now)?)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO webauthn_ceremonies (id, admin_id, kind, state, expires_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(c.id.to_string())
            .bind(c.admin_id.map(|a| a.to_string()))
            .bind(&c.kind)
            .bind(&c.state)
            .bind(ts(c.expires_at)?)
            .execute(&mut *tx)
            .await?;
            tx.commit().await
        }
        .await;
        self.health.note(&result, now);
        result
    }

    async fn take_ceremony(
        &self,
        id: Uuid,
        kind: &str,
        now: OffsetDateTime,
    ) -> Result<Option<Ceremony>, StorageError> {
        let result = async {
            let mut tx = self.begin().await?;
            let row = sqlx::query(
                "DELETE FROM webauthn_ceremonies WHERE id = $1 \
                 RETURNING admin_id, kind, state, expires_at",
            )
            .bind(id.to_string())
            .fetch_optional(&mut *tx)
            .await?;
            tx.commit().await?;
            let Some(r) = row else { return Ok(None) };
            let expires_at = parse_ts(r.get(3))?;
            let found_kind: String = r.get(1);
            if expires_at <= now || found_kind != kind {
                return Ok(None);
            }
            Ok(Some(Ceremony {
                id,
                admin_id: r
                    .get::<Option<String>, _>(0)
                    .as_deref()
                    .map(parse_uuid)
                    .transpose()?,
                kind: found_kind,
                state: r.get(2),
                expires_at,
            }))
        }
        .await;
        self.health.note(&result, now);
        result
    }

    async fn redeem_invite(
        &self,
        token_hash: &str,
        passkey: &StoredPasskey,
        now: OffsetDateTime,
    ) -> Result<bool, StorageError> {
        let result = async {
            let mut tx = self.begin().await?;
            let used = sqlx::query(
                "UPDATE admin_invites SET used_at = $1 \
                 WHERE token_hash = $2 AND admin_id = $3 AND used_at IS NULL AND expires_at > $4",
            )
            .bind(ts(now)?)
            .bind(token_hash)
            .bind(passkey.admin_id.to_string())
            .bind(ts(now)?)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if used != 1 {
                tx.rollback().await?;
                return Ok(false);
            }
            sqlx::query(
                "INSERT INTO admin_passkeys (credential_id, admin_id, passkey, label, created_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&passkey.credential_id)
            .bind(passkey.admin_id.to_string())
            .bind(&passkey.passkey)
            .bind(&passkey.label)
            .bind(ts(now)?)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "UPDATE admin_sessions SET ended_at = $1 WHERE admin_id = $2 AND ended_at IS NULL",
            )
            .bind(ts(now)?)
            .bind(passkey.admin_id.to_string())
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(true)
        }
        .await;
        self.health.note(&result, now);
        result
    }

    async fn passkeys_for_email(
        &self,
        email: &str,
    ) -> Result<Vec<(AdminAccount, StoredPasskey)>, StorageError> {
        sqlx::query(&format!(
            "SELECT {ADMIN_COLUMNS}, p.credential_id, p.passkey, p.label, p.created_at, \
                    p.last_used_at \
             FROM admin_passkeys p JOIN admins a ON a.id = p.admin_id \
             WHERE a.email = $1 AND a.disabled_at IS NULL"
        ))
        .bind(email)
        .fetch_all(&self.read)
        .await?
        .iter()
        .map(|r| Ok((admin_from(r)?, passkey_from(r, 6)?)))
        .collect()
    }

    async fn passkeys(&self, admin_id: Uuid) -> Result<Vec<StoredPasskey>, StorageError> {
        sqlx::query(
            "SELECT admin_id, credential_id, passkey, label, created_at, last_used_at \
             FROM admin_passkeys WHERE admin_id = $1 ORDER BY created_at",
        )
        .bind(admin_id.to_string())
        .fetch_all(&self.read)
        .await?
        .iter()
        .map(|r| passkey_from(r, 1))
        .collect()
    }

    async fn passkey_used(
        &self,
        credential_id: &str,
        passkey: &str,
        now: OffsetDateTime,
    ) -> Result<(), StorageError> {
        let result = async {
            let mut tx = self.begin().await?;
            sqlx::query(
                "UPDATE admin_passkeys SET passkey = $1, last_used_at = $2 WHERE credential_id = $3",
            )
            .bind(passkey)
            .bind(ts(now)?)
            .bind(credential_id)
            .execute(&mut *tx)
            .await?;
            tx.commit().await
        }
        .await;
        self.health.note(&result, now);
        result
    }

    async fn remove_passkey(
        &self,
        admin_id: Uuid,
        credential_id: &str,
        audit: NewAudit,
        now: OffsetDateTime,
    ) -> Result<bool, StorageError> {
        let result = async {
            let mut tx = self.begin().await?;
            // The admin's row lock: two removals at once must not both see two passkeys
            // and leave none.
            sqlx::query("UPDATE admins SET name = name WHERE id = $1")
                .bind(admin_id.to_string())
                .execute(&mut *tx)
                .await?;
            let count: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM admin_passkeys WHERE admin_id = $1")
                    .bind(admin_id.to_string())
                    .fetch_one(&mut *tx)
                    .await?;
            let removed = if count > 1 {
                sqlx::query("DELETE FROM admin_passkeys WHERE admin_id = $1 AND credential_id = $2")
                    .bind(admin_id.to_string())
                    .bind(credential_id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected()
            } else {
                0
            };
            if removed != 1 {
                tx.rollback().await?;
                return Ok(false);
            }
            append_audit(&mut tx, &audit, now).await?;
            tx.commit().await?;
            Ok(true)
        }
        .await;
        self.health.note(&result, now);
        result
    }

    async fn disable_admin(
        &self,
        kommunkod: Option<&Kommunkod>,
        admin_id: Uuid,
        audit: NewAudit,
        now: OffsetDateTime,
    ) -> Result<bool, StorageError> {
        let result = async {
            let mut tx = self.begin().await?;
            let changed = sqlx::query(
                "UPDATE admins SET disabled_at = $1 WHERE id = $2 \
                 AND COALESCE(kommunkod, '') = COALESCE($3, '') AND disabled_at IS NULL",
            )
            .bind(ts(now)?)
            .bind(admin_id.to_string())
            .bind(kommunkod.map(Kommunkod::as_str))
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed != 1 {
                tx.rollback().await?;
                return Ok(false);
            }
            sqlx::query(
                "UPDATE admin_sessions SET ended_at = $1 WHERE admin_id = $2 AND ended_at IS NULL",
            )
            .bind(ts(now)?)
            .bind(admin_id.to_string())
            .execute(&mut *tx)
            .await?;
            append_audit(&mut tx, &audit, now).await?;
            tx.commit().await?;
            Ok(true)
        }
        .await;
        self.health.note(&result, now);
        result
    }

    async fn audit_log(
        &self,
        kommunkod: Option<&Kommunkod>,
        before: Option<i64>,
        limit: u32,
    ) -> Result<Vec<AuditEntry>, StorageError> {
        sqlx::query(
            "SELECT seq, kommunkod, at, admin_id, actor, action, target, detail FROM audit_log \
             WHERE COALESCE(kommunkod, '') = COALESCE($1, '') AND seq < $2 \
             ORDER BY seq DESC LIMIT $3",
        )
        .bind(kommunkod.map(Kommunkod::as_str))
        .bind(before.unwrap_or(i64::MAX))
        .bind(i64::from(limit))
        .fetch_all(&self.read)
        .await?
        .iter()
        .map(|r| {
            Ok(AuditEntry {
                seq: r.get(0),
                kommunkod: r
                    .get::<Option<String>, _>(1)
                    .as_deref()
                    .map(parse_kommunkod)
                    .transpose()?,
                at: parse_ts(r.get(2))?,
                admin_id: r
                    .get::<Option<String>, _>(3)
                    .as_deref()
                    .map(parse_uuid)
                    .transpose()?,
                actor: r.get(4),
                action: r.get(5),
                target: r.get(6),
                detail: r.get(7),
            })
        })
        .collect()
    }
}
