//! Enrollment letters: for a chosen group of employees, a printable page each with a new
//! one-time code and a QR code that opens the app with the code filled in. The code travels
//! in the URL's fragment (`/enroll#code=…`), which browsers never send to a server, so it
//! never lands in an access log. Making letters voids the group's earlier unused codes; the
//! codes are shown only on the page that makes them.

use super::page::{self, Ctx, OrPage};
use super::people::municipality;
use super::session::Signed;
use super::ConsoleState;
use crate::storage::accounts::NewAudit;
use crate::storage::directory::Employee;
use crate::storage::Storage;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::{Form, Router};
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use time::Duration;
use vaksam_core::console::sweden_time;
use vaksam_core::enrollment::{code_from_random, CODE_LEN};
use vaksam_core::protocol::sha256_hex;

/// Longest validity a coordinator may give letters' codes, in days.
pub const MAX_VALID_DAYS: i64 = 90;
/// Most letters made at once: a printable page stays printable (a letter is a few kB of
/// SVG); a larger group is printed a workplace at a time.
pub const MAX_LETTERS: usize = 1000;
/// The validity the form suggests, in days.
pub const DEFAULT_VALID_DAYS: i64 = 30;

/// The routes of this part.
pub fn routes<S: Storage>() -> Router<ConsoleState<S>> {
    Router::new().route("/people/letters", get(form::<S>).post(make::<S>))
}

/// The page choosing whom to make letters for.
#[derive(askama::Template)]
#[template(path = "console/letters.html")]
pub struct LettersForm {
    ctx: Ctx,
    workplaces: Vec<(String, String)>,
    chosen: String,
    only_without_device: bool,
    days: String,
    error: Option<String>,
    /// Where the codes' links go.
    app_url: String,
    /// The installation has no public address: the links work on this computer only.
    local_only: bool,
}

/// One printed letter.
pub struct Letter {
    /// The employee's name.
    pub name: String,
    /// Their workplace.
    pub workplace: String,
    /// The one-time code.
    pub code: String,
    /// The URL the QR code opens.
    pub url: String,
    /// The QR code as inline SVG.
    pub svg: String,
}

/// The printable letters.
#[derive(askama::Template)]
#[template(path = "console/letters_print.html")]
pub struct LettersPage {
    ctx: Ctx,
    municipality: String,
    letters: Vec<Letter>,
    valid_until: String,
    app_url: String,
}

/// What the form sends.
#[derive(Debug, Default, serde::Deserialize)]
pub struct LettersQuery {
    /// A workplace id, `all`, or `none` (employees without a workplace).
    #[serde(default)]
    workplace: String,
    /// Only employees without an enrolled phone.
    #[serde(default)]
    only_without_device: Option<String>,
    /// Days the codes are valid.
    #[serde(default)]
    days: String,
}

async fn render_form<S: Storage>(
    state: &ConsoleState<S>,
    k: &vaksam_core::Kommunkod,
    ctx: Ctx,
    query: LettersQuery,
    error: Option<String>,
) -> Result<Response, Response> {
    let workplaces = state
        .storage
        .workplaces(k)
        .await
        .or_page()?
        .into_iter()
        .map(|w| (w.id.to_string(), w.name))
        .collect();
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let origin = state.config.origin.trim_end_matches('/');
    let local_only = ["http://localhost", "http://127.", "http://[::1]"]
        .iter()
        .any(|p| origin.starts_with(p));
    let page = LettersForm {
        app_url: format!("{origin}/enroll"),
        local_only,
        workplaces,
        chosen: query.workplace,
        only_without_device: query.only_without_device.is_some() || query.days.is_empty(),
        days: if query.days.is_empty() {
            DEFAULT_VALID_DAYS.to_string()
        } else {
            query.days
        },
        error,
        ctx,
    };
    Ok(page::render(&page, status))
}

async fn form<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
) -> Result<Response, Response> {
    let k = municipality(&signed, &ctx)?;
    render_form(&state, &k, ctx, LettersQuery::default(), None).await
}

/// The QR code of `url` as inline SVG (without the XML declaration).
pub fn qr_svg(url: &str) -> String {
    // A URL of this length always fits; medium error correction survives a crease.
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M)
        .expect("an enrollment URL fits in a QR code");
    let image = code
        .render::<svg::Color>()
        .min_dimensions(180, 180)
        .quiet_zone(true)
        .build();
    match image.find("<svg") {
        Some(start) => image[start..].to_owned(),
        None => image,
    }
}

fn random_code() -> String {
    let mut bytes = [0u8; CODE_LEN];
    getrandom::fill(&mut bytes).expect("operating system random source");
    code_from_random(bytes)
}

async fn make<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
    Form(query): Form<LettersQuery>,
) -> Result<Response, Response> {
    let k = municipality(&signed, &ctx)?;
    let days = query.days.trim().parse::<i64>().ok();
    let Some(days) = days.filter(|d| (1..=MAX_VALID_DAYS).contains(d)) else {
        let error = ctx.tf1("letters.error.days", "max", MAX_VALID_DAYS);
        return render_form(&state, &k, ctx, query, Some(error)).await;
    };
    let only_without_device = query.only_without_device.is_some();
    let employees: Vec<Employee> = state
        .storage
        .employees(&k, false)
        .await
        .or_page()?
        .into_iter()
        .filter(|e| match query.workplace.as_str() {
            "all" => true,
            "none" => e.workplace_id.is_none(),
            id => e.workplace_id.map(|w| w.to_string()).as_deref() == Some(id),
        })
        .filter(|e| !only_without_device || e.active_devices == 0)
        .collect();
    if employees.is_empty() {
        let error = ctx.t("letters.error.nobody");
        return render_form(&state, &k, ctx, query, Some(error)).await;
    }
    if employees.len() > MAX_LETTERS {
        let error = ctx.tf2(
            "letters.error.too_many",
            "n",
            employees.len(),
            "max",
            MAX_LETTERS,
        );
        return render_form(&state, &k, ctx, query, Some(error)).await;
    }
    let now = state.now();
    let expires_at = now + Duration::days(days);
    let codes: Vec<(Employee, String)> =
        employees.into_iter().map(|e| (e, random_code())).collect();
    let hashes: Vec<_> = codes
        .iter()
        .map(|(e, code)| (e.id, sha256_hex(code.as_bytes())))
        .collect();
    let audit = NewAudit::by(&signed.admin, "enrollment.letters", &query.workplace, "");
    state
        .storage
        .issue_codes(&k, &hashes, expires_at, &audit, now)
        .await
        .or_page()?;
    let origin = state.config.origin.trim_end_matches('/');
    let letters = codes
        .into_iter()
        .map(|(e, code)| {
            let url = format!("{origin}/enroll#code={code}");
            Letter {
                name: e.person.name,
                workplace: e.person.workplace.unwrap_or_default(),
                svg: qr_svg(&url),
                url,
                code,
            }
        })
        .collect();
    let municipality = state
        .storage
        .current_pack(&k)
        .await
        .or_page()?
        .map(|p| p.municipality_name())
        .transpose()
        .or_page()?
        .unwrap_or_default();
    let page = LettersPage {
        municipality,
        letters,
        valid_until: sweden_time::format(expires_at),
        app_url: format!("{origin}/enroll"),
        ctx,
    };
    Ok(page::render(&page, StatusCode::OK))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_qr_code_is_inline_svg() {
        let svg = qr_svg("https://vaksam.example.se/enroll#code=0123-ZYXW-Z01A");
        assert!(svg.starts_with("<svg"), "{}", &svg[..40]);
        assert!(svg.contains("<path") || svg.contains("<rect"));
    }
}
