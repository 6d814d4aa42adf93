//! The municipality's console under `/admin`: server-rendered HTML (askama templates in
//! `templates/console/`), usable with no JavaScript and progressively enhanced. Handlers
//! are thin: the rules (who may do what, the legal clocks, how a case moves) are in
//! `vaksam_core::console`.
//!
//! Every route goes through [`guard`]: a request that changes something must come from the
//! console's own pages (its `Origin`, when sent, is ours; with a session it carries the
//! session's CSRF token). Pages set their own Content-Security-Policy, which allows only the
//! console's own script and style.

// Handlers answer `Result<Response, Response>`: an error is a page like any other.
#![allow(clippy::result_large_err)]

pub mod admins;
pub mod audit;
pub mod auth;
pub mod content;
pub mod coverage;
pub mod i18n;
pub mod incidents;
pub mod letters;
pub mod oidc;
pub mod page;
pub mod people;
pub mod session;

use crate::storage::Storage;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use std::sync::Arc;
use time::OffsetDateTime;

pub use page::{Ctx, Page};
pub use session::{Signed, SESSION_COOKIE};

/// Where the console is served.
pub const PREFIX: &str = "/admin";

/// How the console is set up for this installation.
#[derive(Debug, Clone)]
pub struct ConsoleConfig {
    /// The origin people reach the console at, e.g. `https://vaksam.kommun.se` or
    /// `http://localhost:8080`: the WebAuthn relying party, and the links in e-mails.
    pub origin: String,
    /// Session lengths.
    pub sessions: crate::storage::accounts::SessionLimits,
}

impl ConsoleConfig {
    /// Whether the console is reached over https (cookies are `Secure` either way: browsers
    /// keep them on `http://localhost`, which counts as a secure context).
    pub fn https(&self) -> bool {
        self.origin.starts_with("https://")
    }
}

/// Shared state of the console's handlers.
#[derive(Clone)]
pub struct ConsoleState<S> {
    /// Persistence.
    pub storage: S,
    /// The server clock, injectable so tests can move time.
    pub clock: fn() -> OffsetDateTime,
    /// The installation's set-up.
    pub config: Arc<ConsoleConfig>,
}

impl<S> ConsoleState<S> {
    /// Now, by the server clock.
    pub fn now(&self) -> OffsetDateTime {
        (self.clock)()
    }
}

/// The console's router, to be nested under [`PREFIX`].
pub fn router<S: Storage>(state: ConsoleState<S>, ip: crate::http::ClientIp) -> Router {
    Router::new()
        .route("/", get(home))
        .route("/sign-out", post(session::sign_out::<S>))
        .route("/language", post(i18n::choose))
        .route("/assets/{file}", get(asset))
        .merge(auth::routes(ip))
        .merge(admins::routes())
        .merge(audit::routes())
        .merge(incidents::routes())
        .merge(content::routes())
        .merge(people::routes())
        .merge(coverage::routes())
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(state.clone(), guard::<S>))
        .with_state(state)
}

/// The routes of signing in with the municipality's account, to be nested under `/oidc`
/// (outside [`PREFIX`]: the provider's redirect URI is `/oidc/callback`), behind the same
/// [`guard`] as every console route.
pub fn oidc_router<S: Storage>(state: ConsoleState<S>, ip: crate::http::ClientIp) -> Router {
    oidc::routes(ip)
        .layer(middleware::from_fn_with_state(state.clone(), guard::<S>))
        .with_state(state)
}

/// `GET /admin`: where a signed-in admin starts; others are sent to sign in.
async fn home(signed: Signed, ctx: Ctx) -> Response {
    Page::new(HomePage { ctx, signed })
}

/// The start page.
#[derive(askama::Template)]
#[template(path = "console/home.html")]
pub struct HomePage {
    ctx: Ctx,
    signed: Signed,
}

async fn not_found(ctx: Ctx) -> Response {
    page::error(ctx, StatusCode::NOT_FOUND, "error.not_found")
}

const CSS: &str = include_str!("../../console/console.css");
const JS: &str = include_str!("../../console/console.js");

async fn asset(axum::extract::Path(file): axum::extract::Path<String>) -> Response {
    let (body, kind) = match file.as_str() {
        "console.css" => (CSS, "text/css; charset=utf-8"),
        "console.js" => (JS, "text/javascript; charset=utf-8"),
        "content.js" => (content::SCRIPT, "text/javascript; charset=utf-8"),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

/// The console's Content-Security-Policy: its own script and style only, forms only to
/// itself, never in a frame.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
     connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// What every console request goes through: a change must come from the console's own
/// pages, and every page gets the console's CSP and is never stored in a cache.
async fn guard<S: Storage>(
    State(state): State<ConsoleState<S>>,
    request: Request,
    next: Next,
) -> Response<Body> {
    let request = match session::resolve(&state, request).await {
        Ok(request) => request,
        Err(refusal) => return refusal,
    };
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    response
}

/// Sends the browser to a console page after a form (303: the next request is a GET).
pub fn see_other(path: &str) -> Response {
    Redirect::to(&format!("{PREFIX}{path}")).into_response()
}
