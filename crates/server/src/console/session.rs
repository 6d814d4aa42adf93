//! Console sessions: the cookie, who is signed in, CSRF, sign-out.
//!
//! The cookie (`__Host-` prefixed: Secure, Path=/, no Domain; HttpOnly; SameSite=Strict)
//! carries a random token; the database keeps only its SHA-256 (see
//! [`crate::storage::accounts`]). Each session has its own CSRF token, which every form
//! sends back as the field `csrf` (or a script as the header `X-CSRF-Token`).

use super::{ConsoleState, PREFIX};
use crate::storage::accounts::{AdminAccount, NewAudit};
use crate::storage::Storage;
use axum::body::Body;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use time::OffsetDateTime;
use vaksam_core::protocol::sha256_hex;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "__Host-vaksam-admin";

/// Largest form the console takes: a staff file of a large municipality (20 000 rows, about
/// 2.5 MB url-encoded) fits several times over. Only a signed-in admin's body is read.
pub const MAX_FORM_BYTES: usize = 16 * 1024 * 1024;

/// The signed-in admin of a request, with the session's CSRF token. As an extractor it
/// sends a visitor who is not signed in to the sign-in page.
#[derive(Debug, Clone)]
pub struct Signed {
    /// Who.
    pub admin: AdminAccount,
    /// The CSRF token forms must carry.
    pub csrf: String,
    /// The SHA-256 of the session's cookie token.
    pub token_hash: String,
    /// When the session ends at the latest.
    pub expires_at: OffsetDateTime,
}

impl<S: Send + Sync> FromRequestParts<S> for Signed {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        match parts.extensions.get::<Signed>() {
            Some(signed) => Ok(signed.clone()),
            None => Err(to_sign_in(parts)),
        }
    }
}

/// Where a visitor who must sign in is sent: the sign-in page, which returns them to
/// where they were going (a path of the console only, never another site).
fn to_sign_in(parts: &Parts) -> Response {
    let path = crate::console::page::original_path(parts);
    let next = if parts.method == Method::GET {
        path.as_str()
    } else {
        PREFIX
    };
    let target = format!(
        "{PREFIX}/sign-in?next={}",
        crate::console::page::url_encode(next)
    );
    Redirect::to(&target).into_response()
}

/// A session cookie's token, if the request carries one.
pub fn cookie_token(headers: &HeaderMap) -> Option<String> {
    cookie(headers, SESSION_COOKIE)
}

/// The value of the cookie `name`, if sent.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
        .filter(|v| !v.is_empty())
}

/// A random token for a cookie or CSRF field: 32 bytes, URL-safe base64.
pub fn random_token() -> String {
    use base64::Engine;
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system's random source works");
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The `Set-Cookie` value that starts a session with `token`.
pub fn session_cookie(token: &str) -> HeaderValue {
    HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}={token}; Path=/; Secure; HttpOnly; SameSite=Strict"
    ))
    .expect("a base64 token is a valid header value")
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn clear_cookie() -> HeaderValue {
    HeaderValue::from_static(
        "__Host-vaksam-admin=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0",
    )
}

/// Starts a session for `admin`: stores it and returns the `Set-Cookie` value.
pub async fn start<S: Storage>(
    state: &ConsoleState<S>,
    admin: &AdminAccount,
) -> Result<HeaderValue, crate::storage::StorageError> {
    let token = random_token();
    let now = state.now();
    state
        .storage
        .create_session(
            admin.id,
            &sha256_hex(token.as_bytes()),
            &random_token(),
            now,
            state.config.sessions,
        )
        .await?;
    state
        .storage
        .audit(NewAudit::by(admin, "session.start", &admin.email, ""), now)
        .await?;
    Ok(session_cookie(&token))
}

/// Resolves the request's session (put in its extensions as [`Signed`]) and, for a request
/// that changes something, checks that it comes from the console's own pages:
/// - `Sec-Fetch-Site: cross-site` and an `Origin` other than ours are refused;
/// - with a session, the CSRF token must match (field `csrf` of a url-encoded form, or the
///   header `X-CSRF-Token`).
///
/// The body of a url-encoded form is read (at most [`MAX_FORM_BYTES`]) and put back.
pub async fn resolve<S: Storage>(
    state: &ConsoleState<S>,
    request: Request,
) -> Result<Request, Response> {
    let (mut parts, body) = request.into_parts();
    let signed = match cookie_token(&parts.headers) {
        Some(token) => {
            let token_hash = sha256_hex(token.as_bytes());
            match state
                .storage
                .session(&token_hash, state.now(), state.config.sessions)
                .await
            {
                Ok(Some(session)) => Some(Signed {
                    admin: session.admin,
                    csrf: session.csrf,
                    token_hash,
                    expires_at: session.expires_at,
                }),
                Ok(None) => None,
                Err(e) => return Err(crate::console::page::storage_failure(&parts, e)),
            }
        }
        None => None,
    };
    if let Some(signed) = &signed {
        parts.extensions.insert(signed.clone());
    }
    if matches!(parts.method, Method::GET | Method::HEAD) {
        return Ok(Request::from_parts(parts, body));
    }
    if !same_origin(&parts.headers, &state.config.origin) {
        return Err(refuse(&parts));
    }
    let Some(signed) = signed else {
        return Ok(Request::from_parts(parts, body));
    };
    if let Some(sent) = parts.headers.get("x-csrf-token") {
        return if constant_time_eq(sent.as_bytes(), signed.csrf.as_bytes()) {
            Ok(Request::from_parts(parts, body))
        } else {
            Err(refuse(&parts))
        };
    }
    let form = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !form {
        return Err(refuse(&parts));
    }
    let bytes = match axum::body::to_bytes(body, MAX_FORM_BYTES).await {
        Ok(bytes) => bytes,
        Err(_) => {
            return Err(crate::console::page::error_for(
                &parts,
                StatusCode::PAYLOAD_TOO_LARGE,
                "error.too_large",
            ))
        }
    };
    let sent = form_urlencoded_field(&bytes, "csrf");
    if !sent.is_some_and(|sent| constant_time_eq(sent.as_bytes(), signed.csrf.as_bytes())) {
        return Err(refuse(&parts));
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

/// Whether a changing request comes from our own pages, as far as the browser tells.
/// Browsers that send `Sec-Fetch-Site` (which no page can set) are believed: only
/// `same-origin` (or `none`, a request the user made directly) passes. Otherwise `Origin`,
/// if sent, must be ours (the configured origin, or the `Host` the request was sent to);
/// `null` (what a form sends under `Referrer-Policy: no-referrer`) passes, since every
/// form of a signed-in admin also carries the CSRF token.
fn same_origin(headers: &HeaderMap, ours: &str) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return matches!(site.to_str(), Ok("same-origin" | "none"));
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    if origin == ours || origin == "null" {
        return true;
    }
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    host.is_some_and(|host| {
        origin == format!("http://{host}") || origin == format!("https://{host}")
    })
}

fn refuse(parts: &Parts) -> Response {
    crate::console::page::error_for(parts, StatusCode::FORBIDDEN, "error.csrf")
}

/// The first value of `name` in a url-encoded form.
pub fn form_urlencoded_field(body: &[u8], name: &str) -> Option<String> {
    body.split(|b| *b == b'&')
        .filter_map(|pair| {
            let mut it = pair.splitn(2, |b| *b == b'=');
            Some((it.next()?, it.next().unwrap_or(b"")))
        })
        .find(|(k, _)| percent_decode(k) == name)
        .map(|(_, v)| percent_decode(v))
}

fn percent_decode(bytes: &[u8]) -> String {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// `POST /admin/sign-out`: ends this session, or with `everywhere=1` every session of the
/// admin (on every device), and clears the cookie.
pub async fn sign_out<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Option<Signed>,
    axum::Form(form): axum::Form<SignOutForm>,
) -> Result<Response, Response> {
    let now = state.now();
    if let Some(signed) = signed {
        let everywhere = form.everywhere.as_deref() == Some("1");
        let result = if everywhere {
            state
                .storage
                .end_sessions(signed.admin.id, now)
                .await
                .map(|_| ())
        } else {
            state.storage.end_session(&signed.token_hash, now).await
        };
        let action = if everywhere {
            "session.end_all"
        } else {
            "session.end"
        };
        let audited = match result {
            Ok(()) => {
                state
                    .storage
                    .audit(
                        NewAudit::by(&signed.admin, action, &signed.admin.email, ""),
                        now,
                    )
                    .await
            }
            Err(e) => Err(e),
        };
        if let Err(e) = audited {
            return Err(crate::console::page::storage_error(e));
        }
    }
    let mut response = Redirect::to(&format!("{PREFIX}/sign-in?signed_out=1")).into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, clear_cookie());
    Ok(response)
}

/// The sign-out form.
#[derive(Debug, serde::Deserialize)]
pub struct SignOutForm {
    /// `1`: end every session of the admin.
    pub everywhere: Option<String>,
}

impl<S: Send + Sync> axum::extract::OptionalFromRequestParts<S> for Signed {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Option<Self>, Self::Rejection> {
        Ok(parts.extensions.get::<Signed>().cloned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_fields_are_decoded() {
        let body = b"a=1&csrf=ab%2Bc%3D&note=hej+d%C3%A5";
        assert_eq!(
            form_urlencoded_field(body, "csrf").as_deref(),
            Some("ab+c=")
        );
        assert_eq!(
            form_urlencoded_field(body, "note").as_deref(),
            Some("hej då")
        );
        assert_eq!(form_urlencoded_field(body, "x"), None);
        assert_eq!(
            form_urlencoded_field(b"csrf=%zz%4", "csrf").as_deref(),
            Some("%zz%4")
        );
    }

    #[test]
    fn cross_site_changes_are_refused() {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_static("localhost:8080"));
        assert!(same_origin(&h, "http://localhost:8080"));
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://localhost:8080"),
        );
        assert!(same_origin(&h, "https://vaksam.example"));
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://evil.example"),
        );
        assert!(!same_origin(&h, "http://localhost:8080"));
        let mut h = HeaderMap::new();
        h.insert("sec-fetch-site", HeaderValue::from_static("cross-site"));
        assert!(!same_origin(&h, "http://localhost:8080"));
        h.insert("sec-fetch-site", HeaderValue::from_static("same-site"));
        assert!(!same_origin(&h, "http://localhost:8080"));
        // A form under `no-referrer` sends `Origin: null`; the browser's own
        // Sec-Fetch-Site says where it came from.
        h.insert(header::ORIGIN, HeaderValue::from_static("null"));
        h.insert("sec-fetch-site", HeaderValue::from_static("same-origin"));
        assert!(same_origin(&h, "http://localhost:8080"));
        h.insert("sec-fetch-site", HeaderValue::from_static("cross-site"));
        assert!(!same_origin(&h, "http://localhost:8080"));
    }
}
