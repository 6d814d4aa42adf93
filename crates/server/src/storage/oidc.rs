//! Sign-in with the municipality's own account (OpenID Connect): each municipality's
//! provider settings, the sign-ins in progress, and what a sign-in finds or makes in the
//! console's accounts and the staff directory. The trait and its SQLite implementation.
//!
//! Contracts, beside the module-level ones of [`super`]:
//! - a flow is taken once: [`Oidc::take_oidc_flow`] deletes it whether or not it has
//!   expired, so a replayed `state` finds nothing;
//! - a sign-in never enables a disabled admin, and never matches a removed employee.

use super::accounts::{admin_from, append_audit, AdminAccount, NewAudit};
use super::sql::{lock_current_employee, parse_kommunkod, parse_ts, parse_uuid, ts, SqlStorage};
use super::StorageError;
use sqlx::Row;
use std::collections::BTreeMap;
use std::future::Future;
use time::OffsetDateTime;
use uuid::Uuid;
use vaksam_core::console::roles::Role;
use vaksam_core::directory::tidy;
use vaksam_core::Kommunkod;

/// The names of the claims a municipality's provider carries each value in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimNames {
    /// The person's name (default `name`).
    pub name: String,
    /// Their e-mail address (default `email`).
    pub email: String,
    /// Their employee id (anställningsnummer), if the provider has one.
    pub employee_id: Option<String>,
    /// Their workplace (enhet) by name, if the provider has one.
    pub workplace: Option<String>,
}

/// A municipality's identity provider, as `oidc set` stored it.
#[derive(Clone, PartialEq, Eq)]
pub struct ProviderSettings {
    /// The municipality.
    pub kommunkod: Kommunkod,
    /// The issuer URL (discovery is at `{issuer}/.well-known/openid-configuration`).
    pub issuer: String,
    /// Vaksam's client id at the provider.
    pub client_id: String,
    /// Vaksam's client secret at the provider.
    pub client_secret: String,
    /// The domains (folded) an e-mail address must be in, e.g. `vingaker.se`.
    pub email_domains: Vec<String>,
    /// Scopes asked for beside `openid email profile`.
    pub extra_scopes: Vec<String>,
    /// Which claim carries what.
    pub claims: ClaimNames,
    /// The claim that lists the person's groups; `None`: roles are not taken from groups.
    pub group_claim: Option<String>,
    /// Group → console role.
    pub group_roles: BTreeMap<String, Role>,
}

impl std::fmt::Debug for ProviderSettings {
    /// Everything but the secret.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProviderSettings")
            .field("kommunkod", &self.kommunkod)
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("client_secret", &"[redacted]")
            .field("email_domains", &self.email_domains)
            .field("extra_scopes", &self.extra_scopes)
            .field("claims", &self.claims)
            .field("group_claim", &self.group_claim)
            .field("group_roles", &self.group_roles)
            .finish()
    }
}

/// What a sign-in is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlowKind {
    /// Signing in to the console.
    Console,
    /// Enrolling a phone: the sign-in ends in a one-time enrollment code.
    Enroll,
}

impl FlowKind {
    /// Its name in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            FlowKind::Console => "console",
            FlowKind::Enroll => "enroll",
        }
    }

    fn parse(name: &str) -> Result<FlowKind, StorageError> {
        match name {
            "console" => Ok(FlowKind::Console),
            "enroll" => Ok(FlowKind::Enroll),
            other => Err(StorageError::Corrupt(format!("flow kind {other:?}"))),
        }
    }
}

/// A sign-in in progress, between the redirect to the provider and its answer.
#[derive(Clone, PartialEq, Eq)]
pub struct PendingFlow {
    /// The SHA-256 of the `state` the browser carries.
    pub state_hash: String,
    /// The municipality whose provider it goes to.
    pub kommunkod: Kommunkod,
    /// What it is for.
    pub kind: FlowKind,
    /// The nonce the ID token must carry.
    pub nonce: String,
    /// The PKCE verifier sent with the code.
    pub pkce_verifier: String,
    /// The SHA-256 of the cookie that binds it to the browser that started it.
    pub browser_hash: String,
    /// Where a console sign-in goes afterwards (a console path).
    pub next: String,
    /// When it lapses.
    pub expires_at: OffsetDateTime,
}

impl std::fmt::Debug for PendingFlow {
    /// Without the nonce and the verifier.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PendingFlow")
            .field("kommunkod", &self.kommunkod)
            .field("kind", &self.kind)
            .field("next", &self.next)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

/// Who the provider says signed in, mapped from its claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The provider's subject (`sub`).
    pub subject: String,
    /// Their name.
    pub name: String,
    /// Their e-mail address, folded.
    pub email: String,
    /// Their employee id, trimmed.
    pub employee_number: Option<String>,
    /// Their workplace's name, tidied.
    pub workplace: Option<String>,
}

/// The directory's employee a sign-in enrolls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedEmployee {
    /// Employee id.
    pub id: Uuid,
    /// Whether the sign-in made the row (no employee matched).
    pub created: bool,
}

/// What signing in did to the console's admin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AdminOutcome {
    /// An admin with that e-mail in the municipality, unchanged.
    Found(AdminAccount),
    /// Made now, with the role from their group.
    Created(AdminAccount),
    /// Their role changed to the one their group gives.
    RoleChanged(AdminAccount, Role),
}

impl AdminOutcome {
    /// The admin.
    pub fn admin(&self) -> &AdminAccount {
        match self {
            AdminOutcome::Found(a) | AdminOutcome::Created(a) | AdminOutcome::RoleChanged(a, _) => {
                a
            }
        }
    }
}

/// Settings, flows and what sign-ins find or make.
pub trait Oidc: Clone + Send + Sync + 'static {
    /// Sets (or replaces) a municipality's provider.
    fn set_oidc_provider(
        &self,
        settings: &ProviderSettings,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// A municipality's provider, if it has one.
    fn oidc_provider(
        &self,
        kommunkod: &Kommunkod,
    ) -> impl Future<Output = Result<Option<ProviderSettings>, StorageError>> + Send;

    /// Every municipality's provider, by kommunkod.
    fn oidc_providers(
        &self,
    ) -> impl Future<Output = Result<Vec<ProviderSettings>, StorageError>> + Send;

    /// Removes a municipality's provider and its sign-ins in progress; `false` if it had
    /// none.
    fn remove_oidc_provider(
        &self,
        kommunkod: &Kommunkod,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// Keeps a flow until its answer comes (at most until it expires); lapsed flows are
    /// swept as new ones start.
    fn save_oidc_flow(
        &self,
        flow: &PendingFlow,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Takes the flow with this state hash, once: it is deleted whether or not it has
    /// expired (the caller checks `expires_at`).
    fn take_oidc_flow(
        &self,
        state_hash: &str,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<Option<PendingFlow>, StorageError>> + Send;

    /// The admin with this e-mail (folded) in the municipality.
    fn admin_by_email(
        &self,
        kommunkod: &Kommunkod,
        email: &str,
    ) -> impl Future<Output = Result<Option<AdminAccount>, StorageError>> + Send;

    /// The admin with this e-mail in the municipality, created with `role` or given it
    /// (with an audit entry by `actor` in the same transaction when anything changed). A
    /// disabled admin is returned as it is, still disabled.
    fn admin_with_role(
        &self,
        kommunkod: &Kommunkod,
        email: &str,
        name: &str,
        role: Role,
        actor: &str,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<AdminOutcome, StorageError>> + Send;

    /// The municipality's employee this person is: by employee id, else by e-mail (a
    /// current one), else a removed one with that id or e-mail (for whom no code can be
    /// made: offboarded stays offboarded), else a new employee (with their workplace by
    /// name, created if missing). Notes the sign-in either way.
    fn employee_for(
        &self,
        kommunkod: &Kommunkod,
        person: &Person,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<SignedEmployee, StorageError>> + Send;

    /// Stores a one-time enrollment code (its hash) for an existing employee who is not
    /// removed; `false` (and nothing stored) otherwise.
    fn add_enrollment_code(
        &self,
        employee_id: Uuid,
        code_hash: &str,
        now: OffsetDateTime,
        expires_at: OffsetDateTime,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;
}

const PROVIDER_COLUMNS: &str = "kommunkod, issuer, client_id, client_secret, email_domains, \
     extra_scopes, claim_name, claim_email, claim_employee_id, claim_workplace, group_claim, \
     group_roles";

fn provider_from(r: &sqlx::any::AnyRow) -> Result<ProviderSettings, StorageError> {
    let corrupt = |what: &str, e: &dyn std::fmt::Display| {
        StorageError::Corrupt(format!("oidc_providers.{what}: {e}"))
    };
    let domains: String = r.get(4);
    let roles: String = r.get(11);
    let roles: BTreeMap<String, String> =
        serde_json::from_str(&roles).map_err(|e| corrupt("group_roles", &e))?;
    let group_roles = roles
        .into_iter()
        .map(|(group, role)| {
            Role::parse(&role)
                .map(|r| (group, r))
                .ok_or_else(|| corrupt("group_roles", &role))
        })
        .collect::<Result<_, _>>()?;
    let scopes: String = r.get(5);
    Ok(ProviderSettings {
        kommunkod: parse_kommunkod(r.get(0))?,
        issuer: r.get(1),
        client_id: r.get(2),
        client_secret: r.get(3),
        email_domains: serde_json::from_str(&domains).map_err(|e| corrupt("email_domains", &e))?,
        extra_scopes: scopes.split_whitespace().map(str::to_owned).collect(),
        claims: ClaimNames {
            name: r.get(6),
            email: r.get(7),
            employee_id: r.get(8),
            workplace: r.get(9),
        },
        group_claim: r.get(10),
        group_roles,
    })
}

const ADMIN_COLUMNS: &str = "a.id, a.kommunkod, a.email, a.name, a.role, a.disabled_at";

impl Oidc for SqlStorage {
    async fn set_oidc_provider(
        &self,
        s: &ProviderSettings,
        now: OffsetDateTime,
    ) -> Result<(), StorageError> {
        let roles: BTreeMap<&str, &str> = s
            .group_roles
            .iter()
            .map(|(g, r)| (g.as_str(), r.as_str()))
            .collect();
        let roles = serde_json::to_string(&roles)
            .map_err(|e| StorageError::Corrupt(format!("group roles: {e}")))?;
        let domains = serde_json::to_string(&s.email_domains)
            .map_err(|e| StorageError::Corrupt(format!("domains: {e}")))?;
        self.write(now, async |tx| {
            sqlx::query(&format!(
                "INSERT INTO oidc_providers ({PROVIDER_COLUMNS}, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) \
                 ON CONFLICT (kommunkod) DO UPDATE SET issuer = excluded.issuer, \
                 client_id = excluded.client_id, client_secret = excluded.client_secret, \
                 email_domains = excluded.email_domains, extra_scopes = excluded.extra_scopes, \
                 claim_name = excluded.claim_name, claim_email = excluded.claim_email, \
                 claim_employee_id = excluded.claim_employee_id, \
                 claim_workplace = excluded.claim_workplace, group_claim = excluded.group_claim, \
                 group_roles = excluded.group_roles, updated_at = excluded.updated_at"
            ))
            .bind(s.kommunkod.as_str())
            .bind(&s.issuer)
            .bind(&s.client_id)
            .bind(&s.client_secret)
            .bind(domains)
            .bind(s.extra_scopes.join(" "))
            .bind(&s.claims.name)
            .bind(&s.claims.email)
            .bind(&s.claims.employee_id)
            .bind(&s.claims.workplace)
            .bind(&s.group_claim)
            .bind(roles)
            .bind(ts(now)?)
            .execute(&mut **tx)
            .await?;
            Ok(())
        })
        .await
    }

    async fn oidc_provider(
        &self,
        kommunkod: &Kommunkod,
    ) -> Result<Option<ProviderSettings>, StorageError> {
        sqlx::query(&format!(
            "SELECT {PROVIDER_COLUMNS} FROM oidc_providers WHERE kommunkod = $1"
        ))
        .bind(kommunkod.as_str())
        .fetch_optional(&self.read)
        .await?
        .as_ref()
        .map(provider_from)
        .transpose()
    }

    async fn oidc_providers(&self) -> Result<Vec<ProviderSettings>, StorageError> {
        sqlx::query(&format!(
            "SELECT {PROVIDER_COLUMNS} FROM oidc_providers ORDER BY kommunkod"
        ))
        .fetch_all(&self.read)
        .await?
        .iter()
        .map(provider_from)
        .collect()
    }

    async fn remove_oidc_provider(
        &self,
        kommunkod: &Kommunkod,
        now: OffsetDateTime,
    ) -> Result<bool, StorageError> {
        self.write(now, async |tx| {
            let removed = sqlx::query("DELETE FROM oidc_providers WHERE kommunkod = $1")
                .bind(kommunkod.as_str())
                .execute(&mut **tx)
                .await?
                .rows_affected();
            sqlx::query("DELETE FROM oidc_flows WHERE kommunkod = $1")
                .bind(kommunkod.as_str())
                .execute(&mut **tx)
                .await?;
            Ok(removed == 1)
        })
        .await
    }

    async fn save_oidc_flow(
        &self,
        flow: &PendingFlow,
        now: OffsetDateTime,
    ) -> Result<(), StorageError> {
        self.write(now, async |tx| {
            sqlx::query("DELETE FROM oidc_flows WHERE expires_at < $1")
                .bind(ts(now)?)
                .execute(&mut **tx)
                .await?;
            sqlx::query(
                "INSERT INTO oidc_flows (state_hash, kommunkod, kind, nonce, pkce_verifier, \
                 browser_hash, next, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(&flow.state_hash)
            .bind(flow.kommunkod.as_str())
            .bind(flow.kind.as_str())
            .bind(&flow.nonce)
            .bind(&flow.pkce_verifier)
            .bind(&flow.browser_hash)
            .bind(&flow.next)
            .bind(ts(now)?)
            .bind(ts(flow.expires_at)?)
            .execute(&mut **tx)
            .await?;
            Ok(())
        })
        .await
    }

    async fn take_oidc_flow(
        &self,
        state_hash: &str,
        now: OffsetDateTime,
    ) -> Result<Option<PendingFlow>, StorageError> {
        // Taken once: the row is gone when the transaction commits, and read after.
        let row = self
            .write(now, async |tx| {
                Ok(sqlx::query(
                    "DELETE FROM oidc_flows WHERE state_hash = $1 RETURNING kommunkod, kind, \
                     nonce, pkce_verifier, browser_hash, next, expires_at",
                )
                .bind(state_hash)
                .fetch_optional(&mut **tx)
                .await?)
            })
            .await?;
        let Some(r) = row else { return Ok(None) };
        Ok(Some(PendingFlow {
            state_hash: state_hash.to_owned(),
            kommunkod: parse_kommunkod(r.get(0))?,
            kind: FlowKind::parse(r.get(1))?,
            nonce: r.get(2),
            pkce_verifier: r.get(3),
            browser_hash: r.get(4),
            next: r.get(5),
            expires_at: parse_ts(r.get(6))?,
        }))
    }

    async fn admin_by_email(
        &self,
        kommunkod: &Kommunkod,
        email: &str,
    ) -> Result<Option<AdminAccount>, StorageError> {
        sqlx::query(&format!(
            "SELECT {ADMIN_COLUMNS} FROM admins a WHERE a.kommunkod = $1 AND a.email = $2"
        ))
        .bind(kommunkod.as_str())
        .bind(email)
        .fetch_optional(&self.read)
        .await?
        .as_ref()
        .map(admin_from)
        .transpose()
    }

    async fn admin_with_role(
        &self,
        kommunkod: &Kommunkod,
        email: &str,
        name: &str,
        role: Role,
        actor: &str,
        now: OffsetDateTime,
    ) -> Result<AdminOutcome, StorageError> {
        self.write(now, async |tx| {
            let existing = sqlx::query(&format!(
                "SELECT {ADMIN_COLUMNS} FROM admins a WHERE a.kommunkod = $1 AND a.email = $2"
            ))
            .bind(kommunkod.as_str())
            .bind(email)
            .fetch_optional(&mut **tx)
            .await?;
            let audit = |admin: &AdminAccount, detail: String| NewAudit {
                kommunkod: Some(kommunkod.clone()),
                admin_id: Some(admin.id),
                actor: actor.to_owned(),
                action: "admin.oidc_role".into(),
                target: email.to_owned(),
                detail,
            };
            let outcome = match existing {
                Some(row) => {
                    let admin = admin_from(&row)?;
                    if admin.role == role || admin.disabled {
                        return Ok(AdminOutcome::Found(admin));
                    }
                    sqlx::query("UPDATE admins SET role = $1 WHERE id = $2")
                        .bind(role.as_str())
                        .bind(admin.id.to_string())
                        .execute(&mut **tx)
                        .await?;
                    let before = admin.role;
                    let admin = AdminAccount { role, ..admin };
                    append_audit(
                        tx,
                        &audit(&admin, format!("{} → {}", before.as_str(), role.as_str())),
                        now,
                    )
                    .await?;
                    AdminOutcome::RoleChanged(admin, before)
                }
                None => {
                    let admin = AdminAccount {
                        id: Uuid::now_v7(),
                        kommunkod: Some(kommunkod.clone()),
                        email: email.to_owned(),
                        name: name.to_owned(),
                        role,
                        disabled: false,
                    };
                    sqlx::query(
                        "INSERT INTO admins (id, kommunkod, email, name, role, created_at) \
                         VALUES ($1, $2, $3, $4, $5, $6)",
                    )
                    .bind(admin.id.to_string())
                    .bind(kommunkod.as_str())
                    .bind(email)
                    .bind(name)
                    .bind(role.as_str())
                    .bind(ts(now)?)
                    .execute(&mut **tx)
                    .await?;
                    append_audit(
                        tx,
                        &audit(&admin, format!("created as {}", role.as_str())),
                        now,
                    )
                    .await?;
                    AdminOutcome::Created(admin)
                }
            };
            Ok(outcome)
        })
        .await
    }

    async fn employee_for(
        &self,
        kommunkod: &Kommunkod,
        person: &Person,
        now: OffsetDateTime,
    ) -> Result<SignedEmployee, StorageError> {
        let k = kommunkod.as_str();
        self.write(now, async |tx| {
            self.lock_directory(tx, kommunkod).await?;
            let mut found: Option<String> = None;
            if let Some(number) = &person.employee_number {
                found = sqlx::query_scalar(
                    "SELECT id FROM employees WHERE kommunkod = $1 AND employee_number = $2 \
                     AND removed_at IS NULL",
                )
                .bind(k)
                .bind(number)
                .fetch_optional(&mut **tx)
                .await?;
            }
            if found.is_none() {
                found = sqlx::query_scalar(
                    "SELECT id FROM employees WHERE kommunkod = $1 AND email = $2 \
                     AND removed_at IS NULL",
                )
                .bind(k)
                .bind(&person.email)
                .fetch_optional(&mut **tx)
                .await?;
            }
            if found.is_none() {
                // Someone the municipality removed (offboarded) stays removed: their account
                // at the municipality does not bring them back. The removed row is returned
                // and no code can be made for it; a coordinator who re-employs them adds
                // them again.
                found = sqlx::query_scalar(
                    "SELECT id FROM employees WHERE kommunkod = $1 AND removed_at IS NOT NULL \
                     AND (email = $2 OR (employee_number IS NOT NULL AND employee_number = $3)) \
                     AND NOT EXISTS (SELECT 1 FROM employees c WHERE c.kommunkod = $4 \
                         AND c.removed_at IS NULL AND (c.email = $5 OR c.employee_number = $6)) \
                     ORDER BY removed_at DESC LIMIT 1",
                )
                .bind(k)
                .bind(&person.email)
                .bind(&person.employee_number)
                .bind(k)
                .bind(&person.email)
                .bind(&person.employee_number)
                .fetch_optional(&mut **tx)
                .await?;
            }
            let created = found.is_none();
            let id = match found {
                Some(id) => parse_uuid(&id)?,
                None => {
                    let workplace_id = match &person.workplace {
                        Some(name) => Some(workplace(tx, kommunkod, name, now).await?),
                        None => None,
                    };
                    let id = Uuid::now_v7();
                    sqlx::query(
                        "INSERT INTO employees (id, kommunkod, name, created_at, email, \
                         employee_number, workplace_id, updated_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    )
                    .bind(id.to_string())
                    .bind(k)
                    .bind(&person.name)
                    .bind(ts(now)?)
                    .bind(&person.email)
                    .bind(&person.employee_number)
                    .bind(workplace_id)
                    .bind(ts(now)?)
                    .execute(&mut **tx)
                    .await?;
                    id
                }
            };
            sqlx::query(
                "INSERT INTO oidc_employees (employee_id, kommunkod, subject, created, \
                 first_seen_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (employee_id) DO UPDATE SET subject = excluded.subject, \
                 last_seen_at = excluded.last_seen_at",
            )
            .bind(id.to_string())
            .bind(k)
            .bind(&person.subject)
            .bind(i64::from(created))
            .bind(ts(now)?)
            .bind(ts(now)?)
            .execute(&mut **tx)
            .await?;
            Ok(SignedEmployee { id, created })
        })
        .await
    }

    async fn add_enrollment_code(
        &self,
        employee_id: Uuid,
        code_hash: &str,
        now: OffsetDateTime,
        expires_at: OffsetDateTime,
    ) -> Result<bool, StorageError> {
        self.write(now, async |tx| {
            // The employee's row lock first, as offboarding takes it: a code is never added
            // to someone being removed at this moment.
            if !lock_current_employee(tx, &employee_id.to_string()).await? {
                return Ok(false);
            }
            let added = sqlx::query(
                "INSERT INTO enrollment_codes (code_hash, employee_id, created_at, expires_at) \
                 SELECT $1, id, $2, $3 FROM employees WHERE id = $4 AND removed_at IS NULL",
            )
            .bind(code_hash)
            .bind(ts(now)?)
            .bind(ts(expires_at)?)
            .bind(employee_id.to_string())
            .execute(&mut **tx)
            .await?
            .rows_affected();
            Ok(added == 1)
        })
        .await
    }
}

/// The id of the municipality's workplace with this name (folded), created if missing.
async fn workplace(
    conn: &mut sqlx::AnyConnection,
    kommunkod: &Kommunkod,
    name: &str,
    now: OffsetDateTime,
) -> Result<String, StorageError> {
    Ok(
        super::directory::workplace_id(conn, kommunkod, &tidy(name), now)
            .await?
            .to_string(),
    )
}
