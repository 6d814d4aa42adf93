//! What every console page has: the request's context ([`Ctx`]: language, who is signed
//! in, the CSRF token, navigation), rendering a template, and error pages.

use super::i18n::{self, Lang};
use super::session::Signed;
use super::PREFIX;
use crate::storage::StorageError;
use askama::Template;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use vaksam_core::console::roles::Role;

/// The context of a console request, which every page template has as `ctx`.
#[derive(Debug, Clone)]
pub struct Ctx {
    /// The console's language for this request.
    pub lang: Lang,
    /// Who is signed in, if anyone.
    pub signed: Option<Signed>,
    /// The request's path and query (for "return here" links).
    pub path: String,
}

impl Ctx {
    /// The text with this key in the request's language.
    pub fn t(&self, key: &str) -> String {
        i18n::text(self.lang, key, &[])
    }

    /// The text with this key, its `{ $name }` placeholders filled in.
    pub fn tf(&self, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        let args: Vec<(&str, String)> = args.iter().map(|(k, v)| (*k, v.to_string())).collect();
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        i18n::text(self.lang, key, &args)
    }

    /// The text with the key `prefix.name` (for names from data: `category.lost_device`).
    pub fn tk(&self, prefix: &str, name: &str) -> String {
        self.t(&format!("{prefix}.{name}"))
    }

    /// The text with this key and one placeholder filled in.
    pub fn tf1(&self, key: &str, name: &str, value: impl std::fmt::Display) -> String {
        i18n::text(self.lang, key, &[(name, &value.to_string())])
    }

    /// The text with this key and two placeholders filled in.
    pub fn tf2(
        &self,
        key: &str,
        a: &str,
        a_value: impl std::fmt::Display,
        b: &str,
        b_value: impl std::fmt::Display,
    ) -> String {
        i18n::text(
            self.lang,
            key,
            &[(a, &a_value.to_string()), (b, &b_value.to_string())],
        )
    }

    /// The CSRF token every form carries (empty before sign-in).
    pub fn csrf(&self) -> &str {
        self.signed.as_ref().map(|s| s.csrf.as_str()).unwrap_or("")
    }

    /// The `lang` attribute of the page.
    pub fn lang_tag(&self) -> &'static str {
        self.lang.tag()
    }

    /// The signed-in admin's role, if anyone is signed in.
    pub fn role(&self) -> Option<Role> {
        self.signed.as_ref().map(|s| s.admin.role)
    }

    /// The console's main navigation for the signed-in admin's role.
    pub fn nav(&self) -> Vec<NavItem> {
        let Some(role) = self.role() else {
            return Vec::new();
        };
        let items: &[(&str, &str, &[Role])] = &[
            (
                "/incidents",
                "nav.incidents",
                &[Role::Coordinator, Role::Dpo, Role::Manager],
            ),
            ("/breaches", "nav.breaches", &[Role::Coordinator, Role::Dpo]),
            ("/content", "nav.content", &[Role::Coordinator]),
            (
                "/coverage",
                "nav.coverage",
                &[Role::Coordinator, Role::Dpo, Role::Manager],
            ),
            ("/people", "nav.people", &[Role::Coordinator]),
            ("/audit", "nav.audit", &[Role::Coordinator]),
            (
                "/admins",
                "nav.admins",
                &[Role::Coordinator, Role::Sysadmin],
            ),
        ];
        items
            .iter()
            .filter(|(_, _, roles)| roles.contains(&role))
            .map(|(path, key, _)| {
                let href = format!("{PREFIX}{path}");
                NavItem {
                    current: self.path == href || self.path.starts_with(&format!("{href}/")),
                    href,
                    label: self.t(key),
                }
            })
            .collect()
    }

    /// The other language the console speaks, for the language switch.
    pub fn other_lang(&self) -> Lang {
        match self.lang {
            Lang::Sv => Lang::En,
            Lang::En => Lang::Sv,
        }
    }
}

/// A link of the main navigation.
#[derive(Debug, Clone)]
pub struct NavItem {
    /// Where it goes.
    pub href: String,
    /// What it says.
    pub label: String,
    /// Whether the page shown is (under) it.
    pub current: bool,
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ctx_of(parts))
    }
}

fn ctx_of(parts: &Parts) -> Ctx {
    Ctx {
        lang: i18n::lang_of(&parts.headers),
        signed: parts.extensions.get::<Signed>().cloned(),
        path: original_path(parts),
    }
}

/// The request's path and query as the browser sent it (outside the console's nesting).
pub fn original_path(parts: &Parts) -> String {
    let uri = parts
        .extensions
        .get::<axum::extract::OriginalUri>()
        .map(|o| &o.0)
        .unwrap_or(&parts.uri);
    uri.path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_default()
}

/// A rendered page as a response; a template that fails to render is a 500.
pub struct Page;

impl Page {
    /// Renders `template` (whose `ctx` field carries the request's context).
    #[allow(clippy::new_ret_no_self)]
    pub fn new<T: Template>(template: T) -> Response {
        render(&template, StatusCode::OK)
    }
}

/// Renders `template` with `status`.
pub fn render<T: Template>(template: &T, status: StatusCode) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!("a console template failed to render: {e}");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                "Något gick fel. / Something went wrong.",
            )
                .into_response()
        }
    }
}

/// An error page.
#[derive(Template)]
#[template(path = "console/error.html")]
pub struct ErrorPage {
    /// The request's context.
    pub ctx: Ctx,
    /// The HTTP status.
    pub status: u16,
    /// The key of the message.
    pub message: String,
}

/// An error page in the request's language, with `status` and the message `key`.
pub fn error(ctx: Ctx, status: StatusCode, key: &str) -> Response {
    render(
        &ErrorPage {
            ctx,
            status: status.as_u16(),
            message: key.to_owned(),
        },
        status,
    )
}

/// [`error`] for a request that has not reached a handler.
pub fn error_for(parts: &Parts, status: StatusCode, key: &str) -> Response {
    error(ctx_of(parts), status, key)
}

/// The page for a storage failure: busy or unavailable say to try again shortly (with
/// `Retry-After`), anything else is a 500; nothing was saved either way.
pub fn storage_failure(parts: &Parts, e: StorageError) -> Response {
    storage_response(ctx_of(parts), e)
}

/// [`storage_failure`] without the request's context (Swedish).
pub fn storage_error(e: StorageError) -> Response {
    storage_response(
        Ctx {
            lang: Lang::Sv,
            signed: None,
            path: String::new(),
        },
        e,
    )
}

fn storage_response(ctx: Ctx, e: StorageError) -> Response {
    use crate::storage::Trouble;
    let trouble = e.trouble();
    tracing::error!("console storage: {e}");
    let (status, key, retry) = match trouble {
        Trouble::Busy => (StatusCode::SERVICE_UNAVAILABLE, "error.busy", Some(2)),
        Trouble::Unavailable => (
            StatusCode::SERVICE_UNAVAILABLE,
            "error.unavailable",
            Some(30),
        ),
        Trouble::Internal => (StatusCode::INTERNAL_SERVER_ERROR, "error.internal", None),
    };
    let mut response = error(ctx, status, key);
    if let Some(seconds) = retry {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, axum::http::HeaderValue::from(seconds));
    }
    response
}

/// A storage result as the page's error when it failed (for `?` in handlers that return
/// `Result<Response, Response>`).
pub trait OrPage<T> {
    /// `Ok` as it is; a storage error as its page.
    fn or_page(self) -> Result<T, Response>;
}

impl<T> OrPage<T> for Result<T, StorageError> {
    fn or_page(self) -> Result<T, Response> {
        self.map_err(storage_error)
    }
}

/// Percent-encodes a text for a URL's query.
pub fn url_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A `next=` target as a console path, or the console's start: never another site.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with(PREFIX) && !n.starts_with("//") && !n.contains('\\') => {
            n.to_owned()
        }
        _ => PREFIX.to_owned(),
    }
}
