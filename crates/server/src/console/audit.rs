//! The audit log, for coordinators: every view of an incident and every change in their
//! municipality, newest first.

use super::page::{self, Ctx, OrPage, Page};
use super::session::Signed;
use super::ConsoleState;
use crate::storage::accounts::AuditEntry;
use crate::storage::Storage;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use vaksam_core::console::roles::{may, Action};

/// Entries per page.
pub const PAGE: u32 = 50;

/// The routes of this part.
pub fn routes<S: Storage>() -> Router<ConsoleState<S>> {
    Router::new().route("/audit", get(log::<S>))
}

/// `?before=` a seq, for older entries.
#[derive(Debug, serde::Deserialize)]
pub struct Before {
    before: Option<i64>,
}

/// The audit log page.
#[derive(askama::Template)]
#[template(path = "console/audit.html")]
pub struct AuditPage {
    ctx: Ctx,
    entries: Vec<AuditEntry>,
    older: Option<i64>,
}

impl AuditPage {
    /// A time as the console shows it.
    pub fn when(&self, e: &AuditEntry) -> String {
        vaksam_core::console::sweden_time::format(e.at)
    }
}

async fn log<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
    Query(q): Query<Before>,
) -> Result<Response, Response> {
    let Some(kommunkod) = signed.admin.kommunkod.clone() else {
        return Ok(page::error(ctx, StatusCode::FORBIDDEN, "error.forbidden"));
    };
    if !may(signed.admin.role, Action::ViewAudit, None) {
        return Ok(page::error(ctx, StatusCode::FORBIDDEN, "error.forbidden"));
    }
    let entries = state
        .storage
        .audit_log(Some(&kommunkod), q.before, PAGE)
        .await
        .or_page()?;
    let older = (entries.len() == PAGE as usize)
        .then(|| entries.last().map(|e| e.seq))
        .flatten();
    Ok(Page::new(AuditPage {
        ctx,
        entries,
        older,
    }))
}
