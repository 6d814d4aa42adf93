//! Signing in with the municipality's own account (OpenID Connect), for the console and for
//! enrolling a phone. Served under `/oidc` (the provider's redirect URI is
//! `ORIGIN/oidc/callback`) behind the console's guard. The protocol is [`crate::oidc`].
//!
//! - `GET /oidc/console?kommun=0428[&next=/admin/…]` and `GET /oidc/enroll?kommun=0428`
//!   start a flow: the state, nonce and PKCE verifier are kept in the database (one use,
//!   ten minutes), the browser gets the state in the redirect and a short-lived cookie
//!   that binds the flow to it.
//! - `GET /oidc/callback` takes the flow (once), checks the cookie, redeems the code and
//!   checks the ID token, maps the claims and refuses addresses outside the municipality's
//!   domains. A console sign-in starts a session exactly as a passkey does; an enrollment
//!   makes a one-time code (15 minutes) and sends the browser to `/enroll#code=…` (in the
//!   fragment: never in a log).
//! - Every refusal that reaches a known municipality is in its audit log; the log lines
//!   carry no token, code, secret or address.

use super::i18n::Lang;
use super::page::{self, Ctx, OrPage};
use super::{session, ConsoleState};
use crate::enrollment;
use crate::http::{self, ClientIp};
use crate::oidc::{self as protocol, ClaimsRefusal, ProtocolError};
use crate::storage::accounts::{AdminAccount, NewAudit};
use crate::storage::oidc::{AdminOutcome, FlowKind, PendingFlow, ProviderSettings};
use crate::storage::Storage;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use time::Duration;
use vaksam_core::protocol::sha256_hex;
use vaksam_core::Kommunkod;

/// How long a sign-in may take at the provider.
pub const FLOW_TTL: Duration = Duration::minutes(10);

/// The path of the redirect URI, under the public origin.
pub const CALLBACK_PATH: &str = "/oidc/callback";

/// The routes, to be nested under `/oidc`. Each asks the provider something, so each is
/// rate-limited per client address.
pub fn routes<S: Storage>(ip: ClientIp) -> Router<ConsoleState<S>> {
    let limited = http::rate_limit(ip, http::ENROLL_RATE);
    Router::new()
        .route("/console", get(start_console::<S>).layer(limited.clone()))
        .route("/enroll", get(enroll::<S>).layer(limited.clone()))
        .route("/callback", get(callback::<S>).layer(limited))
}

/// The redirect URI the provider must know for this installation.
pub fn redirect_uri(origin: &str) -> String {
    format!("{}{CALLBACK_PATH}", origin.trim_end_matches('/'))
}

// ---------------------------------------------------------------------------------------
// What can go wrong, as the person sees it

/// Why a sign-in did not go through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The municipality has no provider (or is unknown).
    NotConfigured,
    /// The municipality has no published pack: Vaksam does not serve it.
    NotServed,
    /// The provider could not be reached.
    Unreachable,
    /// No such flow: unknown, or already used.
    FlowUnknown,
    /// The flow lapsed.
    FlowExpired,
    /// The flow began in another browser (its cookie is missing or different).
    OtherBrowser,
    /// The provider answered with an error (e.g. the person cancelled).
    ProviderSaidNo,
    /// The code could not be redeemed or the ID token failed a check.
    BadToken,
    /// No usable e-mail address.
    NoEmail,
    /// The e-mail address is outside the municipality's domains.
    DomainNotAllowed,
    /// No admin with that address, and no group that gives a role.
    NotAdmin,
    /// The admin is disabled.
    Disabled,
    /// The employee could not be found or made.
    NoEmployee,
}

impl Refusal {
    /// Every refusal (for the test that each has its texts).
    pub const ALL: [Refusal; 13] = [
        Refusal::NotConfigured,
        Refusal::NotServed,
        Refusal::Unreachable,
        Refusal::FlowUnknown,
        Refusal::FlowExpired,
        Refusal::OtherBrowser,
        Refusal::ProviderSaidNo,
        Refusal::BadToken,
        Refusal::NoEmail,
        Refusal::DomainNotAllowed,
        Refusal::NotAdmin,
        Refusal::Disabled,
        Refusal::NoEmployee,
    ];

    /// A stable code, for the audit log and the access log.
    pub fn code(self) -> &'static str {
        match self {
            Refusal::NotConfigured => "not_configured",
            Refusal::NotServed => "not_served",
            Refusal::Unreachable => "unreachable",
            Refusal::FlowUnknown => "flow_unknown",
            Refusal::FlowExpired => "flow_expired",
            Refusal::OtherBrowser => "other_browser",
            Refusal::ProviderSaidNo => "provider_error",
            Refusal::BadToken => "bad_token",
            Refusal::NoEmail => "no_email",
            Refusal::DomainNotAllowed => "domain_not_allowed",
            Refusal::NotAdmin => "not_admin",
            Refusal::Disabled => "disabled",
            Refusal::NoEmployee => "no_employee",
        }
    }

    /// The key of its text in the console's files.
    fn key(self) -> String {
        format!("oidc.refused.{}", self.code())
    }

    fn status(self) -> StatusCode {
        match self {
            Refusal::NotConfigured | Refusal::NotServed => StatusCode::NOT_FOUND,
            Refusal::Unreachable => StatusCode::BAD_GATEWAY,
            Refusal::FlowUnknown
            | Refusal::FlowExpired
            | Refusal::OtherBrowser
            | Refusal::ProviderSaidNo => StatusCode::BAD_REQUEST,
            Refusal::BadToken
            | Refusal::NoEmail
            | Refusal::DomainNotAllowed
            | Refusal::NotAdmin
            | Refusal::Disabled
            | Refusal::NoEmployee => StatusCode::FORBIDDEN,
        }
    }
}

impl From<&ProtocolError> for Refusal {
    fn from(e: &ProtocolError) -> Self {
        match e {
            ProtocolError::Unreachable(_) | ProtocolError::Config(_) => Refusal::Unreachable,
            ProtocolError::Token(_) | ProtocolError::IdToken(_) => Refusal::BadToken,
        }
    }
}

impl From<&ClaimsRefusal> for Refusal {
    fn from(e: &ClaimsRefusal) -> Self {
        match e {
            ClaimsRefusal::NoEmail(_) | ClaimsRefusal::EmailNotVerified => Refusal::NoEmail,
            ClaimsRefusal::DomainNotAllowed(_) => Refusal::DomainNotAllowed,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Pages: Swedish first, then English

/// A link on an OIDC page.
pub struct Link {
    /// Where.
    pub href: String,
    /// The text.
    pub label: String,
}

/// A page of the sign-in flows, in Swedish and then English.
#[derive(askama::Template)]
#[template(path = "console/oidc.html")]
pub struct OidcPage {
    sv: Ctx,
    en: Ctx,
    /// Title key.
    title: String,
    /// Message key (empty: none).
    message: String,
    /// Links to offer (in Swedish, then English), as (href, key).
    actions: Vec<(String, String)>,
    /// Municipalities to choose from (enrollment).
    choices: Vec<Link>,
    /// Go on to this console path at once (after signing in).
    refresh: Option<String>,
}

fn ctx(lang: Lang) -> Ctx {
    Ctx {
        lang,
        signed: None,
        path: String::new(),
    }
}

fn oidc_page(title: &str, message: &str) -> OidcPage {
    OidcPage {
        sv: ctx(Lang::Sv),
        en: ctx(Lang::En),
        title: title.to_owned(),
        message: message.to_owned(),
        actions: Vec::new(),
        choices: Vec::new(),
        refresh: None,
    }
}

/// The page that says what went wrong, with a way to start over.
fn refusal_page(refusal: Refusal, again: Option<String>) -> Response {
    let mut page = oidc_page("oidc.refused.title", &refusal.key());
    if let Some(href) = again {
        page.actions.push((href, "oidc.start_over".into()));
    }
    page::render(&page, refusal.status())
}

/// Where "start over" leads for a flow of `kind` in `kommunkod`.
fn start_over(kind: FlowKind, kommunkod: Option<&Kommunkod>) -> Option<String> {
    let k = kommunkod.map(Kommunkod::as_str);
    Some(match (kind, k) {
        (FlowKind::Console, Some(k)) => format!("/oidc/console?kommun={k}"),
        (FlowKind::Console, None) => format!("{}/sign-in", super::PREFIX),
        (FlowKind::Enroll, Some(k)) => format!("/oidc/enroll?kommun={k}"),
        (FlowKind::Enroll, None) => "/oidc/enroll".to_owned(),
    })
}

// ---------------------------------------------------------------------------------------
// The cookie that binds a flow to its browser

fn cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-vaksam-oidc"
    } else {
        "vaksam-oidc"
    }
}

/// `Set-Cookie` for a new flow: lax (it must come back with the provider's top-level
/// redirect), HttpOnly, as long as the flow; `__Host-` and Secure over https.
fn flow_cookie(https: bool, value: &str) -> HeaderValue {
    let secure = if https { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
        cookie_name(https),
        FLOW_TTL.whole_seconds()
    ))
    .expect("a base64 token is a valid header value")
}

fn clear_flow_cookie(https: bool) -> HeaderValue {
    let secure = if https { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}",
        cookie_name(https)
    ))
    .expect("a static cookie is a valid header value")
}

// ---------------------------------------------------------------------------------------
// Starting a flow

/// `?kommun=…&next=…`.
#[derive(Debug, Deserialize)]
pub struct StartQuery {
    kommun: Option<String>,
    next: Option<String>,
}

async fn start_console<S: Storage>(
    State(state): State<ConsoleState<S>>,
    Query(q): Query<StartQuery>,
) -> Result<Response, Response> {
    let next = page::safe_next(q.next.as_deref());
    let Some(k) = q
        .kommun
        .as_deref()
        .and_then(|k| k.parse::<Kommunkod>().ok())
    else {
        return Err(refusal_page(
            Refusal::NotConfigured,
            start_over(FlowKind::Console, None),
        ));
    };
    start(&state, &k, FlowKind::Console, next).await
}

/// `GET /oidc/enroll`: with `?kommun=` the flow starts; without, the municipalities to
/// choose from (or straight to the only one).
async fn enroll<S: Storage>(
    State(state): State<ConsoleState<S>>,
    Query(q): Query<StartQuery>,
) -> Result<Response, Response> {
    if let Some(k) = q.kommun.as_deref() {
        let Ok(k) = k.parse::<Kommunkod>() else {
            return Err(refusal_page(
                Refusal::NotConfigured,
                start_over(FlowKind::Enroll, None),
            ));
        };
        return start(&state, &k, FlowKind::Enroll, String::new()).await;
    }
    let choices = municipalities(&state.storage, true).await.or_page()?;
    if let [only] = choices.as_slice() {
        let k = only.0.clone();
        return start(&state, &k, FlowKind::Enroll, String::new()).await;
    }
    let mut page = oidc_page("oidc.enroll.title", "oidc.enroll.intro");
    page.choices = choices
        .into_iter()
        .map(|(k, name)| Link {
            href: format!("/oidc/enroll?kommun={k}"),
            label: name,
        })
        .collect();
    if page.choices.is_empty() {
        page.message = "oidc.enroll.none".into();
    }
    page.actions
        .push(("/enroll".into(), "oidc.enroll.have_code".into()));
    Ok(page::render(&page, StatusCode::OK))
}

/// The municipalities with a provider, with their names (from their packs); `served`:
/// only those with a published pack.
pub async fn municipalities<S: Storage>(
    storage: &S,
    served: bool,
) -> Result<Vec<(Kommunkod, String)>, crate::storage::StorageError> {
    let mut out = Vec::new();
    for settings in storage.oidc_providers().await? {
        let k = settings.kommunkod;
        let pack = storage.current_pack(&k).await?;
        if served && pack.is_none() {
            continue;
        }
        let name = pack
            .and_then(|p| p.municipality_name().ok())
            .or_else(|| vaksam_core::municipality::name_of(&k).map(str::to_owned))
            .unwrap_or_else(|| k.to_string());
        out.push((k, name));
    }
    Ok(out)
}

async fn start<S: Storage>(
    state: &ConsoleState<S>,
    k: &Kommunkod,
    kind: FlowKind,
    next: String,
) -> Result<Response, Response> {
    let Some(settings) = state.storage.oidc_provider(k).await.or_page()? else {
        return Err(refusal_page(Refusal::NotConfigured, start_over(kind, None)));
    };
    if kind == FlowKind::Enroll && state.storage.current_pack(k).await.or_page()?.is_none() {
        return Err(refuse_in(state, k, kind, Refusal::NotServed, "", "no published pack").await);
    }
    let authorization = match protocol::authorize(
        &settings,
        &redirect_uri(&state.config.origin),
        session::random_token(),
        session::random_token(),
    )
    .await
    {
        Ok(a) => a,
        Err(e) => return Err(refuse_in(state, k, kind, (&e).into(), "", &e.to_string()).await),
    };
    let browser = session::random_token();
    let now = state.now();
    let flow = PendingFlow {
        state_hash: sha256_hex(authorization.state.as_bytes()),
        kommunkod: k.clone(),
        kind,
        nonce: authorization.nonce,
        pkce_verifier: authorization.pkce_verifier,
        browser_hash: sha256_hex(browser.as_bytes()),
        next,
        expires_at: now + FLOW_TTL,
    };
    state.storage.save_oidc_flow(&flow, now).await.or_page()?;
    let mut response = Redirect::to(&authorization.url).into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        flow_cookie(state.config.https(), &browser),
    );
    Ok(response)
}

// ---------------------------------------------------------------------------------------
// The provider's answer

/// What the provider sends back.
#[derive(Debug, Deserialize)]
pub struct CallbackQuery {
    state: Option<String>,
    code: Option<String>,
    error: Option<String>,
    /// The issuer of the answer (RFC 9207), when the provider says: it must be ours, so
    /// an answer from another provider cannot be passed off as our provider's.
    iss: Option<String>,
}

async fn callback<S: Storage>(
    State(state): State<ConsoleState<S>>,
    headers: HeaderMap,
    Query(q): Query<CallbackQuery>,
) -> Response {
    let https = state.config.https();
    let mut response = match answer(&state, &headers, q).await {
        Ok(response) | Err(response) => response,
    };
    response
        .headers_mut()
        .append(header::SET_COOKIE, clear_flow_cookie(https));
    response
}

/// A refusal: the page, and for a known municipality an audit entry (`target`: the
/// address, when known; `detail`: the reason in words, never a token).
async fn refuse<S: Storage>(
    state: &ConsoleState<S>,
    flow: &PendingFlow,
    refusal: Refusal,
    target: &str,
    detail: &str,
) -> Response {
    refuse_in(state, &flow.kommunkod, flow.kind, refusal, target, detail).await
}

/// [`refuse`] for a municipality known before any flow exists.
async fn refuse_in<S: Storage>(
    state: &ConsoleState<S>,
    k: &Kommunkod,
    kind: FlowKind,
    refusal: Refusal,
    target: &str,
    detail: &str,
) -> Response {
    tracing::warn!(
        "oidc: {k}: {} sign-in refused: {}{}{detail}",
        kind.as_str(),
        refusal.code(),
        if detail.is_empty() { "" } else { ": " },
    );
    let entry = NewAudit {
        kommunkod: Some(k.clone()),
        admin_id: None,
        actor: "OpenID Connect".into(),
        action: format!("oidc.{}.refused", kind.as_str()),
        target: if target.is_empty() {
            "-".into()
        } else {
            target.into()
        },
        detail: if detail.is_empty() {
            refusal.code().to_owned()
        } else {
            format!("{}: {detail}", refusal.code())
        },
    };
    if let Err(e) = state.storage.audit(entry, state.now()).await {
        tracing::error!("oidc: the refusal could not be written to the audit log: {e}");
    }
    refusal_page(refusal, start_over(kind, Some(k)))
}

async fn answer<S: Storage>(
    state: &ConsoleState<S>,
    headers: &HeaderMap,
    q: CallbackQuery,
) -> Result<Response, Response> {
    let now = state.now();
    let Some(sent_state) = q.state.filter(|s| !s.is_empty()) else {
        return Err(refusal_page(
            Refusal::FlowUnknown,
            start_over(FlowKind::Console, None),
        ));
    };
    let Some(flow) = state
        .storage
        .take_oidc_flow(&sha256_hex(sent_state.as_bytes()), now)
        .await
        .or_page()?
    else {
        tracing::warn!("oidc: a sign-in came back with an unknown or used state");
        return Err(refusal_page(
            Refusal::FlowUnknown,
            start_over(FlowKind::Console, None),
        ));
    };
    let browser = session::cookie(headers, cookie_name(state.config.https()));
    if browser.map(|b| sha256_hex(b.as_bytes())).as_deref() != Some(flow.browser_hash.as_str()) {
        return Err(refuse(state, &flow, Refusal::OtherBrowser, "", "").await);
    }
    if flow.expires_at <= now {
        return Err(refuse(state, &flow, Refusal::FlowExpired, "", "").await);
    }
    if let Some(error) = q.error {
        let error: String = error
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
            .take(64)
            .collect();
        return Err(refuse(state, &flow, Refusal::ProviderSaidNo, "", &error).await);
    }
    let Some(code) = q.code.filter(|c| !c.is_empty()) else {
        return Err(refuse(state, &flow, Refusal::ProviderSaidNo, "", "no code").await);
    };
    let Some(settings) = state
        .storage
        .oidc_provider(&flow.kommunkod)
        .await
        .or_page()?
    else {
        return Err(refuse(
            state,
            &flow,
            Refusal::NotConfigured,
            "",
            "removed meanwhile",
        )
        .await);
    };
    if q.iss.as_deref().is_some_and(|iss| iss != settings.issuer) {
        return Err(refuse(
            state,
            &flow,
            Refusal::BadToken,
            "",
            "the answer names another issuer",
        )
        .await);
    }
    let claims = match protocol::finish(
        &settings,
        &redirect_uri(&state.config.origin),
        &code,
        &flow.nonce,
        &flow.pkce_verifier,
    )
    .await
    {
        Ok(claims) => claims,
        Err(e) => return Err(refuse(state, &flow, (&e).into(), "", &e.to_string()).await),
    };
    let person = match protocol::person(&settings, &claims) {
        Ok(person) => person,
        Err(e) => {
            let target = claims
                .get(&settings.claims.email)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .chars()
                .take(254)
                .collect::<String>();
            return Err(refuse(state, &flow, (&e).into(), &target, &e.to_string()).await);
        }
    };
    match flow.kind {
        FlowKind::Console => sign_in(state, &flow, &settings, &claims, &person).await,
        FlowKind::Enroll => enroll_phone(state, &flow, &person).await,
    }
}

/// Signs the admin in: the admin with this address, or (with a group claim) the admin
/// their group makes them.
async fn sign_in<S: Storage>(
    state: &ConsoleState<S>,
    flow: &PendingFlow,
    settings: &ProviderSettings,
    claims: &serde_json::Map<String, serde_json::Value>,
    person: &crate::storage::oidc::Person,
) -> Result<Response, Response> {
    let k = &flow.kommunkod;
    let now = state.now();
    let (admin, how): (AdminAccount, String) = if settings.group_claim.is_some() {
        let Some(role) = protocol::role_from_groups(settings, claims) else {
            return Err(refuse(
                state,
                flow,
                Refusal::NotAdmin,
                &person.email,
                "no group that gives a role",
            )
            .await);
        };
        let outcome = state
            .storage
            .admin_with_role(
                k,
                &person.email,
                &person.name,
                role,
                &format!("OpenID Connect ({})", settings.issuer),
                now,
            )
            .await
            .or_page()?;
        let how = match &outcome {
            AdminOutcome::Found(_) => format!("group gives {}", role.as_str()),
            AdminOutcome::Created(_) => format!("created as {} from group", role.as_str()),
            AdminOutcome::RoleChanged(_, before) => {
                format!("role {} → {} from group", before.as_str(), role.as_str())
            }
        };
        (outcome.admin().clone(), how)
    } else {
        match state
            .storage
            .admin_by_email(k, &person.email)
            .await
            .or_page()?
        {
            Some(admin) => (admin, "matched by e-mail".to_owned()),
            None => {
                return Err(refuse(
                    state,
                    flow,
                    Refusal::NotAdmin,
                    &person.email,
                    "no such admin",
                )
                .await)
            }
        }
    };
    if admin.disabled {
        return Err(refuse(state, flow, Refusal::Disabled, &admin.email, "").await);
    }
    state
        .storage
        .audit(
            NewAudit::by(&admin, "oidc.console.sign_in", &admin.email, how),
            now,
        )
        .await
        .or_page()?;
    let cookie = session::start(state, &admin).await.or_page()?;
    // A page that goes on to the console, not a redirect: the session cookie is
    // SameSite=Strict, and browsers do not send it on a redirect chain that began at the
    // provider's site; a navigation from our own page carries it.
    let mut page = oidc_page("oidc.signed_in.title", "oidc.signed_in.intro");
    page.refresh = Some(page::safe_next(Some(&flow.next)));
    page.actions.push((
        page::safe_next(Some(&flow.next)),
        "oidc.signed_in.continue".into(),
    ));
    let mut response = page::render(&page, StatusCode::OK);
    response.headers_mut().append(header::SET_COOKIE, cookie);
    Ok(response)
}

/// Finds or makes the employee and sends the phone on with a fresh one-time code.
async fn enroll_phone<S: Storage>(
    state: &ConsoleState<S>,
    flow: &PendingFlow,
    person: &crate::storage::oidc::Person,
) -> Result<Response, Response> {
    let k = &flow.kommunkod;
    let now = state.now();
    let employee = state.storage.employee_for(k, person, now).await.or_page()?;
    let code = match enrollment::create_code_for_employee(
        &state.storage,
        k,
        employee.id,
        now,
        enrollment::SIGNED_IN_CODE_VALIDITY,
    )
    .await
    {
        Ok(Some(code)) => code,
        Ok(None) => {
            return Err(refuse(state, flow, Refusal::NoEmployee, &person.email, "removed").await)
        }
        Err(enrollment::CreateError::Storage(e)) => return Err(page::storage_error(e)),
        Err(e) => {
            return Err(refuse(
                state,
                flow,
                Refusal::NotServed,
                &person.email,
                &e.to_string(),
            )
            .await)
        }
    };
    state
        .storage
        .audit(
            NewAudit {
                kommunkod: Some(k.clone()),
                admin_id: None,
                actor: "OpenID Connect".into(),
                action: "oidc.enroll.code".into(),
                target: person.email.clone(),
                detail: if employee.created {
                    "new employee".into()
                } else {
                    "directory employee".into()
                },
            },
            now,
        )
        .await
        .or_page()?;
    // 303 to the app's enrollment page; the code rides in the fragment, which no server
    // or proxy sees, and lives 15 minutes.
    Ok((
        StatusCode::SEE_OTHER,
        [(header::LOCATION, format!("/enroll#code={code}"))],
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::console::i18n::text;

    #[test]
    fn every_refusal_has_its_text_in_both_languages() {
        for refusal in Refusal::ALL {
            for lang in [Lang::Sv, Lang::En] {
                let key = refusal.key();
                assert!(
                    super::super::i18n::parse(match lang {
                        Lang::Sv => super::super::i18n::SV,
                        Lang::En => super::super::i18n::EN,
                    })
                    .contains_key(key.as_str()),
                    "{key} missing in {}",
                    lang.tag()
                );
            }
        }
        // Keys this module passes to its template as data.
        for key in [
            "oidc.refused.title",
            "oidc.start_over",
            "oidc.signed_in.title",
            "oidc.signed_in.intro",
            "oidc.signed_in.continue",
            "oidc.enroll.title",
            "oidc.enroll.intro",
            "oidc.enroll.choose",
            "oidc.enroll.choose_above",
            "oidc.enroll.none",
            "oidc.enroll.have_code",
        ] {
            for lang in [Lang::Sv, Lang::En] {
                assert!(!text(lang, key, &[]).starts_with('⟦'), "{key}");
            }
        }
    }

    #[test]
    fn the_flow_cookie_is_host_only_and_secure_over_https() {
        let c = flow_cookie(true, "abc");
        let c = c.to_str().unwrap();
        assert!(c.starts_with("__Host-vaksam-oidc=abc; Path=/; HttpOnly; SameSite=Lax"));
        assert!(c.ends_with("; Secure"));
        let plain = flow_cookie(false, "abc");
        assert!(!plain.to_str().unwrap().contains("Secure"));
        assert_eq!(redirect_uri("https://v.se/"), "https://v.se/oidc/callback");
    }
}
