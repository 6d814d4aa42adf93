//! Signing in to the console with a passkey (WebAuthn), and registering one through a
//! one-time invite.
//!
//! - An invite (`vaksam-server admin invite …`) is a link `ORIGIN/admin/invite#token=…`: the
//!   token is in the fragment, so it never reaches a server or proxy log; the page's script
//!   posts it. Only its SHA-256 is stored; an unknown, used or expired token gets one answer.
//! - Registration asks for a discoverable credential with user verification, so signing in
//!   needs no user name: the browser offers the passkeys it has for this site.
//! - A ceremony's state stays in the database between its two requests, is used once and
//!   lapses after five minutes.
//! - Signing in is rate-limited per client address.

use super::page::{self, Ctx, OrPage, Page};
use super::session::{self, Signed};
use super::{ConsoleState, PREFIX};
use crate::http::{self, ClientIp};
use crate::storage::accounts::{Ceremony, NewAudit, StoredPasskey};
use crate::storage::Storage;
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use base64::Engine;
use serde::Deserialize;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;
use vaksam_core::protocol::sha256_hex;
use webauthn_rs::prelude::{
    CreationChallengeResponse, DiscoverableAuthentication, Passkey, PasskeyRegistration,
    PublicKeyCredential, RegisterPublicKeyCredential, Webauthn, WebauthnBuilder,
};

/// How long a ceremony may take.
const CEREMONY_TTL: Duration = Duration::minutes(5);

/// The routes of signing in and registering a passkey.
pub fn routes<S: Storage>(ip: ClientIp) -> axum::Router<ConsoleState<S>> {
    let limited = http::rate_limit(ip, http::ENROLL_RATE);
    Router::new()
        .route("/sign-in", get(sign_in_page::<S>))
        .route(
            "/sign-in/start",
            post(sign_in_start::<S>).layer(limited.clone()),
        )
        .route(
            "/sign-in/finish",
            post(sign_in_finish::<S>).layer(limited.clone()),
        )
        .route("/invite", get(invite_page))
        .route(
            "/invite/start",
            post(invite_start::<S>).layer(limited.clone()),
        )
        .route("/invite/finish", post(invite_finish::<S>).layer(limited))
        .route("/account", get(account::<S>))
        .route("/account/passkeys/remove", post(remove_passkey::<S>))
}

/// The relying party for the console's origin.
fn relying_party(origin: &str) -> Result<Webauthn, String> {
    let url = url::Url::parse(origin).map_err(|e| format!("{origin}: {e}"))?;
    let host = url
        .host_str()
        .ok_or_else(|| format!("{origin} has no host"))?
        .to_owned();
    WebauthnBuilder::new(&host, &url)
        .map_err(|e| format!("{origin}: {e}"))?
        .rp_name("Vaksam")
        .build()
        .map_err(|e| format!("{origin}: {e}"))
}

/// A JSON failure of a ceremony endpoint: `{"error": code, "message": text}`.
fn failure(ctx: &Ctx, status: StatusCode, key: &str) -> Response {
    (
        status,
        Json(serde_json::json!({ "error": key, "message": ctx.t(key) })),
    )
        .into_response()
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

// ---------------------------------------------------------------------------------------
// Signing in

/// `?next=` of the sign-in page.
#[derive(Debug, Deserialize)]
pub struct Next {
    next: Option<String>,
    signed_out: Option<String>,
}

/// The sign-in page.
#[derive(askama::Template)]
#[template(path = "console/sign_in.html")]
pub struct SignInPage {
    ctx: Ctx,
    next: String,
    signed_out: bool,
    /// Sign-in with the municipality's account: (link, municipality's name), one per
    /// municipality that has it.
    oidc: Vec<(String, String)>,
}

async fn sign_in_page<S: Storage>(
    State(state): State<ConsoleState<S>>,
    ctx: Ctx,
    Query(q): Query<Next>,
) -> Result<Response, Response> {
    let next = page::safe_next(q.next.as_deref());
    if ctx.signed.is_some() {
        return Ok(Redirect::to(&next).into_response());
    }
    let oidc = super::oidc::municipalities(&state.storage, false)
        .await
        .or_page()?
        .into_iter()
        .map(|(k, name)| {
            (
                format!("/oidc/console?kommun={k}&next={}", page::url_encode(&next)),
                name,
            )
        })
        .collect();
    Ok(Page::new(SignInPage {
        ctx,
        next,
        signed_out: q.signed_out.is_some(),
        oidc,
    }))
}

async fn sign_in_start<S: Storage>(
    State(state): State<ConsoleState<S>>,
    ctx: Ctx,
) -> Result<Response, Response> {
    let webauthn = relying_party(&state.config.origin).map_err(|e| internal(&ctx, &e))?;
    let (options, auth) = webauthn
        .start_discoverable_authentication()
        .map_err(|e| internal(&ctx, &e.to_string()))?;
    let now = state.now();
    let ceremony = Ceremony {
        id: Uuid::now_v7(),
        admin_id: None,
        kind: "authenticate".into(),
        state: serde_json::to_string(&auth).map_err(|e| internal(&ctx, &e.to_string()))?,
        expires_at: now + CEREMONY_TTL,
    };
    state
        .storage
        .save_ceremony(&ceremony, now)
        .await
        .map_err(json_storage(&ctx))?;
    Ok(Json(serde_json::json!({ "ceremony": ceremony.id, "options": options })).into_response())
}

/// The second step of a ceremony: its id and what the authenticator answered.
#[derive(Debug, Deserialize)]
pub struct Finish<T> {
    ceremony: Uuid,
    credential: T,
    #[serde(default)]
    next: Option<String>,
    #[serde(default)]
    token: Option<String>,
    #[serde(default)]
    label: Option<String>,
}

async fn sign_in_finish<S: Storage>(
    State(state): State<ConsoleState<S>>,
    ctx: Ctx,
    body: Result<Json<Finish<PublicKeyCredential>>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, Response> {
    let refused = || failure(&ctx, StatusCode::UNAUTHORIZED, "auth.failed");
    let Ok(Json(finish)) = body else {
        return Err(failure(&ctx, StatusCode::BAD_REQUEST, "auth.failed"));
    };
    let now = state.now();
    let Some(ceremony) = state
        .storage
        .take_ceremony(finish.ceremony, "authenticate", now)
        .await
        .map_err(json_storage(&ctx))?
    else {
        return Err(refused());
    };
    let webauthn = relying_party(&state.config.origin).map_err(|e| internal(&ctx, &e))?;
    let auth: DiscoverableAuthentication =
        serde_json::from_str(&ceremony.state).map_err(|e| internal(&ctx, &e.to_string()))?;
    let Ok((admin_id, credential_id)) =
        webauthn.identify_discoverable_authentication(&finish.credential)
    else {
        return Err(refused());
    };
    let credential_id = b64(credential_id);
    let Some(admin) = state
        .storage
        .admin(admin_id)
        .await
        .map_err(json_storage(&ctx))?
    else {
        return Err(refused());
    };
    if admin.disabled {
        return Err(refused());
    }
    let passkeys = state
        .storage
        .passkeys(admin.id)
        .await
        .map_err(json_storage(&ctx))?;
    let Some(stored) = passkeys.iter().find(|p| p.credential_id == credential_id) else {
        return Err(refused());
    };
    let mut passkey: Passkey =
        serde_json::from_str(&stored.passkey).map_err(|e| internal(&ctx, &e.to_string()))?;
    let result =
        match webauthn.finish_discoverable_authentication_v2(&finish.credential, auth, &passkey) {
            Ok(result) if result.user_verified() => result,
            _ => {
                state
                    .storage
                    .audit(
                        NewAudit::by(&admin, "session.refused", &admin.email, ""),
                        now,
                    )
                    .await
                    .map_err(json_storage(&ctx))?;
                return Err(refused());
            }
        };
    passkey.update_credential(&result);
    state
        .storage
        .passkey_used(
            &credential_id,
            &serde_json::to_string(&passkey).map_err(|e| internal(&ctx, &e.to_string()))?,
            now,
        )
        .await
        .map_err(json_storage(&ctx))?;
    let cookie = session::start(&state, &admin)
        .await
        .map_err(json_storage(&ctx))?;
    let next = page::safe_next(finish.next.as_deref());
    let mut response = Json(serde_json::json!({ "next": next })).into_response();
    response.headers_mut().insert(header::SET_COOKIE, cookie);
    Ok(response)
}

fn internal(ctx: &Ctx, e: &str) -> Response {
    tracing::error!("passkey ceremony: {e}");
    failure(ctx, StatusCode::INTERNAL_SERVER_ERROR, "error.internal")
}

fn json_storage(ctx: &Ctx) -> impl Fn(crate::storage::StorageError) -> Response + '_ {
    move |e| {
        tracing::error!("passkey ceremony storage: {e}");
        let (status, key) = match e.trouble() {
            crate::storage::Trouble::Internal => {
                (StatusCode::INTERNAL_SERVER_ERROR, "error.internal")
            }
            _ => (StatusCode::SERVICE_UNAVAILABLE, "error.busy"),
        };
        failure(ctx, status, key)
    }
}

// ---------------------------------------------------------------------------------------
// Invites

/// The invite page: its script reads the token from the fragment.
#[derive(askama::Template)]
#[template(path = "console/invite.html")]
pub struct InvitePage {
    ctx: Ctx,
}

async fn invite_page(ctx: Ctx) -> Response {
    Page::new(InvitePage { ctx })
}

/// The first step of registering: the invite's token.
#[derive(Debug, Deserialize)]
pub struct InviteStart {
    token: String,
}

async fn invite_start<S: Storage>(
    State(state): State<ConsoleState<S>>,
    ctx: Ctx,
    body: Result<Json<InviteStart>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, Response> {
    let invalid = || failure(&ctx, StatusCode::BAD_REQUEST, "invite.invalid");
    let Ok(Json(start)) = body else {
        return Err(invalid());
    };
    let now = state.now();
    let Some(admin) = state
        .storage
        .invite(&sha256_hex(start.token.as_bytes()), now)
        .await
        .map_err(json_storage(&ctx))?
    else {
        return Err(invalid());
    };
    let webauthn = relying_party(&state.config.origin).map_err(|e| internal(&ctx, &e))?;
    let existing: Vec<_> = state
        .storage
        .passkeys(admin.id)
        .await
        .map_err(json_storage(&ctx))?
        .iter()
        .filter_map(|p| serde_json::from_str::<Passkey>(&p.passkey).ok())
        .map(|p| p.cred_id().clone())
        .collect();
    let (options, registration): (CreationChallengeResponse, PasskeyRegistration) = webauthn
        .start_passkey_registration(admin.id, &admin.email, &admin.name, Some(existing))
        .map_err(|e| internal(&ctx, &e.to_string()))?;
    // A discoverable credential, so signing in needs no user name.
    let mut options = serde_json::to_value(&options).map_err(|e| internal(&ctx, &e.to_string()))?;
    options["publicKey"]["authenticatorSelection"]["residentKey"] = "required".into();
    options["publicKey"]["authenticatorSelection"]["requireResidentKey"] = true.into();
    let ceremony = Ceremony {
        id: Uuid::now_v7(),
        admin_id: Some(admin.id),
        kind: "register".into(),
        state: serde_json::to_string(&registration).map_err(|e| internal(&ctx, &e.to_string()))?,
        expires_at: now + CEREMONY_TTL,
    };
    state
        .storage
        .save_ceremony(&ceremony, now)
        .await
        .map_err(json_storage(&ctx))?;
    Ok(Json(serde_json::json!({
        "ceremony": ceremony.id,
        "options": options,
        "name": admin.name,
        "email": admin.email,
    }))
    .into_response())
}

async fn invite_finish<S: Storage>(
    State(state): State<ConsoleState<S>>,
    ctx: Ctx,
    body: Result<
        Json<Finish<RegisterPublicKeyCredential>>,
        axum::extract::rejection::JsonRejection,
    >,
) -> Result<Response, Response> {
    let invalid = || failure(&ctx, StatusCode::BAD_REQUEST, "invite.invalid");
    let Ok(Json(finish)) = body else {
        return Err(invalid());
    };
    let now = state.now();
    let Some(token) = finish.token.as_deref() else {
        return Err(invalid());
    };
    let token_hash = sha256_hex(token.as_bytes());
    let Some(ceremony) = state
        .storage
        .take_ceremony(finish.ceremony, "register", now)
        .await
        .map_err(json_storage(&ctx))?
    else {
        return Err(invalid());
    };
    let Some(admin) = state
        .storage
        .invite(&token_hash, now)
        .await
        .map_err(json_storage(&ctx))?
    else {
        return Err(invalid());
    };
    if ceremony.admin_id != Some(admin.id) {
        return Err(invalid());
    }
    let webauthn = relying_party(&state.config.origin).map_err(|e| internal(&ctx, &e))?;
    let registration: PasskeyRegistration =
        serde_json::from_str(&ceremony.state).map_err(|e| internal(&ctx, &e.to_string()))?;
    let passkey = match webauthn.finish_passkey_registration(&finish.credential, &registration) {
        Ok(p) => p,
        Err(e) => {
            tracing::warn!("passkey registration refused: {e}");
            return Err(failure(&ctx, StatusCode::BAD_REQUEST, "invite.refused"));
        }
    };
    let label = finish
        .label
        .map(|l| l.trim().chars().take(80).collect::<String>())
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| ctx.t("account.default_label"));
    let stored = StoredPasskey {
        admin_id: admin.id,
        credential_id: b64(passkey.cred_id().as_ref()),
        passkey: serde_json::to_string(&passkey).map_err(|e| internal(&ctx, &e.to_string()))?,
        label,
        created_at: now,
        last_used_at: None,
    };
    if !state
        .storage
        .redeem_invite(&token_hash, &stored, now)
        .await
        .map_err(json_storage(&ctx))?
    {
        return Err(invalid());
    }
    state
        .storage
        .audit(
            NewAudit::by(&admin, "passkey.register", &admin.email, &stored.label),
            now,
        )
        .await
        .map_err(json_storage(&ctx))?;
    let cookie = session::start(&state, &admin)
        .await
        .map_err(json_storage(&ctx))?;
    let mut response = Json(serde_json::json!({ "next": PREFIX })).into_response();
    response.headers_mut().insert(header::SET_COOKIE, cookie);
    Ok(response)
}

#[allow(clippy::too_many_arguments)]
/// Creates (or finds) an admin and a one-time invite link for them, valid `valid`: what
/// `vaksam-server admin invite` prints. Returns the link.
pub async fn invite<S: Storage>(
    storage: &S,
    origin: &str,
    kommunkod: Option<&vaksam_core::Kommunkod>,
    email: &str,
    name: &str,
    role: vaksam_core::console::roles::Role,
    valid: Duration,
    by: Option<&crate::storage::accounts::AdminAccount>,
    now: OffsetDateTime,
) -> Result<String, String> {
    let email = email.trim().to_lowercase();
    if !email.contains('@') || email.len() > 254 {
        return Err(format!("{email:?} is not an e-mail address"));
    }
    if role.is_municipal() != kommunkod.is_some() {
        return Err("a sysadmin has no municipality; every other role needs --kommunkod".into());
    }
    let admin = storage
        .create_admin(kommunkod, &email, name.trim(), role, now)
        .await
        .map_err(|e| e.to_string())?;
    if admin.role != role {
        return Err(format!(
            "{email} is already a {} here; roles are not changed by an invite",
            admin.role.as_str()
        ));
    }
    let token = session::random_token();
    storage
        .create_invite(admin.id, &sha256_hex(token.as_bytes()), now, now + valid)
        .await
        .map_err(|e| e.to_string())?;
    storage
        .audit(
            NewAudit {
                kommunkod: kommunkod.cloned(),
                admin_id: by.map(|a| a.id),
                actor: by
                    .map(|a| format!("{} <{}>", a.name, a.email))
                    .unwrap_or_else(|| "vaksam-server admin invite".into()),
                action: "admin.invite".into(),
                target: email.clone(),
                detail: role.as_str().into(),
            },
            now,
        )
        .await
        .map_err(|e| e.to_string())?;
    Ok(format!(
        "{}{PREFIX}/invite#token={token}",
        origin.trim_end_matches('/')
    ))
}

// ---------------------------------------------------------------------------------------
// The account page

/// A passkey as the account page lists it.
pub struct PasskeyRow {
    /// Its credential id.
    pub id: String,
    /// Its name.
    pub label: String,
    /// Registered.
    pub created: String,
    /// Last used.
    pub used: String,
}

/// My account: passkeys, sign out everywhere.
#[derive(askama::Template)]
#[template(path = "console/account.html")]
pub struct AccountPage {
    ctx: Ctx,
    signed: Signed,
    passkeys: Vec<PasskeyRow>,
    refused: bool,
}

/// `?refused=1` after trying to remove the last passkey.
#[derive(Debug, Deserialize)]
pub struct AccountQuery {
    refused: Option<String>,
}

async fn account<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
    Query(q): Query<AccountQuery>,
) -> Result<Response, Response> {
    let passkeys = state
        .storage
        .passkeys(signed.admin.id)
        .await
        .or_page()?
        .into_iter()
        .map(|p| PasskeyRow {
            id: p.credential_id,
            label: p.label,
            created: vaksam_core::console::sweden_time::format(p.created_at),
            used: p
                .last_used_at
                .map(vaksam_core::console::sweden_time::format)
                .unwrap_or_default(),
        })
        .collect();
    Ok(Page::new(AccountPage {
        ctx,
        signed,
        passkeys,
        refused: q.refused.is_some(),
    }))
}

/// The form that removes a passkey.
#[derive(Debug, Deserialize)]
pub struct RemoveForm {
    id: String,
}

async fn remove_passkey<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    Form(form): Form<RemoveForm>,
) -> Result<Response, Response> {
    let audit = NewAudit::by(
        &signed.admin,
        "passkey.remove",
        &signed.admin.email,
        &form.id,
    );
    let removed = state
        .storage
        .remove_passkey(signed.admin.id, &form.id, audit, state.now())
        .await
        .or_page()?;
    Ok(super::see_other(if removed {
        "/account"
    } else {
        "/account?refused=1"
    }))
}
