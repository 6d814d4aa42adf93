//! The municipality's content in the console: its overlay (the short municipal file over
//! Vaksam's base), checked with errors at their line, previewed against the published
//! version (what changes, and how many employees will be asked to sign again), and
//! published. Coordinators only; every publish is in the audit log.
//!
//! The overlay is resolved with the base built into this Vaksam (`serve --base` trials are
//! for the CLI).

use super::page::{self, Ctx, OrPage, Page};
use super::session::Signed;
use super::ConsoleState;
use crate::packs;
use crate::storage::accounts::NewAudit;
use crate::storage::{Published, Storage};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::{Form, Router};
use vaksam_core::console::roles::{may, Action};
use vaksam_core::pack::resolve::PackFile;
use vaksam_core::signature::{signing_status, SignatureRecord, SigningStatus};
use vaksam_core::{Kommunkod, Pack};

/// The file name errors are reported against.
const FILE: &str = "kommun.toml";
/// The largest overlay taken (the five shipped ones are far smaller).
pub const MAX_OVERLAY_BYTES: usize = 512 * 1024;

/// The routes of this part.
pub fn routes<S: Storage>() -> Router<ConsoleState<S>> {
    Router::new()
        .route("/content", get(overview::<S>))
        .route("/content/edit", get(edit::<S>).post(act::<S>))
}

/// The content page.
#[derive(askama::Template)]
#[template(path = "console/content.html")]
pub struct ContentPage {
    ctx: Ctx,
    version: String,
    published_at: String,
    base_version: String,
    unconfirmed: Vec<String>,
}

/// The edit page, with what the last action found.
#[derive(askama::Template)]
#[template(path = "console/content_edit.html")]
pub struct EditPage {
    ctx: Ctx,
    overlay: String,
    errors: Vec<String>,
    checked: Option<String>,
    diff: Option<String>,
    resign: Option<String>,
    preview: Option<Preview>,
    published: Option<String>,
}

/// What employees will see, in brief.
pub struct Preview {
    /// The policy's sections' titles.
    pub sections: Vec<String>,
    /// Contacts: role, name and number.
    pub contacts: Vec<String>,
    /// Report categories with their first step.
    pub categories: Vec<String>,
}

fn coordinator_of(signed: &Signed) -> Option<Kommunkod> {
    if may(signed.admin.role, Action::ManageContent, None) {
        signed.admin.kommunkod.clone()
    } else {
        None
    }
}

async fn overview<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
) -> Result<Response, Response> {
    let Some(k) = coordinator_of(&signed) else {
        return Ok(page::error(ctx, StatusCode::FORBIDDEN, "error.forbidden"));
    };
    let current = state.storage.current_pack(&k).await.or_page()?;
    let (version, published_at, base_version, unconfirmed) = match current {
        Some(p) => {
            let pack: Pack = serde_json::from_str(&p.body).map_err(|e| {
                page::storage_error(crate::storage::StorageError::Corrupt(e.to_string()))
            })?;
            (
                p.version,
                p.published_at,
                p.base_version.unwrap_or_default(),
                pack.unconfirmed_defaults(),
            )
        }
        None => Default::default(),
    };
    Ok(Page::new(ContentPage {
        ctx,
        version,
        published_at,
        base_version,
        unconfirmed,
    }))
}

async fn edit<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
) -> Result<Response, Response> {
    let Some(k) = coordinator_of(&signed) else {
        return Ok(page::error(ctx, StatusCode::FORBIDDEN, "error.forbidden"));
    };
    let overlay = state
        .storage
        .current_pack(&k)
        .await
        .or_page()?
        .and_then(|p| p.overlay)
        .unwrap_or_default();
    Ok(Page::new(EditPage {
        ctx,
        overlay,
        errors: Vec::new(),
        checked: None,
        diff: None,
        resign: None,
        preview: None,
        published: None,
    }))
}

/// The edit form: the overlay and what to do with it.
#[derive(Debug, serde::Deserialize)]
pub struct EditForm {
    overlay: String,
    /// `check`, `preview` or `publish`.
    action: String,
}

async fn act<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
    Form(form): Form<EditForm>,
) -> Result<Response, Response> {
    let Some(k) = coordinator_of(&signed) else {
        return Ok(page::error(ctx, StatusCode::FORBIDDEN, "error.forbidden"));
    };
    let mut page = EditPage {
        ctx,
        overlay: form.overlay.clone(),
        errors: Vec::new(),
        checked: None,
        diff: None,
        resign: None,
        preview: None,
        published: None,
    };
    if form.overlay.len() > MAX_OVERLAY_BYTES {
        page.errors.push(page.ctx.t("content.too_large"));
        return Ok(page::render(&page, StatusCode::UNPROCESSABLE_ENTITY));
    }
    let now = state.now();
    let prepared = match packs::prepare(
        packs::shipped_base(),
        PackFile {
            name: FILE,
            text: &form.overlay,
        },
        now,
    ) {
        Ok(p) => p,
        Err(errors) => {
            page.errors = errors.lines().map(str::to_owned).collect();
            return Ok(page::render(&page, StatusCode::UNPROCESSABLE_ENTITY));
        }
    };
    if prepared.kommunkod != k {
        page.errors.push(page.ctx.tf1(
            "content.other_municipality",
            "kommunkod",
            &prepared.kommunkod,
        ));
        return Ok(page::render(&page, StatusCode::UNPROCESSABLE_ENTITY));
    }
    page.checked = Some(
        page.ctx
            .tf1("content.valid", "version", &prepared.pack.version),
    );
    let current = state.storage.current_pack(&k).await.or_page()?;
    match form.action.as_str() {
        "check" => {}
        "preview" => {
            if let Some(current) = &current {
                let old: Pack = serde_json::from_str(&current.body).map_err(|e| {
                    page::storage_error(crate::storage::StorageError::Corrupt(e.to_string()))
                })?;
                page.diff = Some(crate::coordinator::render_diff(
                    &vaksam_core::pack::diff::diff(&old, &prepared.pack),
                ));
                let (n, sections) = resign(&state, &k, &old, &prepared.pack).await?;
                page.resign = Some(if n == 0 {
                    page.ctx.t("content.resign_none")
                } else {
                    page.ctx
                        .tf("content.resign", &[("n", &n), ("sections", &sections)])
                });
            }
            page.preview = Some(preview(&page.ctx, &prepared.pack));
        }
        "publish" => match packs::publish(&state.storage, &prepared).await {
            Ok(outcome) => {
                let detail = match outcome {
                    Published::New => "new",
                    _ => "unchanged",
                };
                state
                    .storage
                    .audit(
                        NewAudit::by(
                            &signed.admin,
                            "pack.publish",
                            &prepared.pack.version,
                            detail,
                        ),
                        now,
                    )
                    .await
                    .or_page()?;
                page.published = Some(page.ctx.tf1(
                    if outcome == Published::New {
                        "content.published"
                    } else {
                        "content.unchanged"
                    },
                    "version",
                    &prepared.pack.version,
                ));
            }
            Err(_) => {
                page.errors.push(page.ctx.tf1(
                    "content.version_taken",
                    "version",
                    &prepared.pack.version,
                ));
                return Ok(page::render(&page, StatusCode::UNPROCESSABLE_ENTITY));
            }
        },
        _ => {
            return Ok(page::error(
                page.ctx,
                StatusCode::BAD_REQUEST,
                "error.not_found",
            ))
        }
    }
    Ok(page::render(&page, StatusCode::OK))
}

/// How many employees whose signature covers the published pack would be asked to sign
/// again with the new one, and the sections whose change asks it.
async fn resign<S: Storage>(
    state: &ConsoleState<S>,
    k: &Kommunkod,
    old: &Pack,
    new: &Pack,
) -> Result<(usize, String), Response> {
    let signers = state.storage.signers(k).await.or_page()?;
    let mut count = 0;
    let mut sections: Vec<String> = Vec::new();
    for s in signers {
        let Some((payload, ..)) = s.latest else {
            continue;
        };
        let Ok(record) = serde_json::from_str::<SignatureRecord>(&payload) else {
            continue;
        };
        if signing_status(Some(&record), old) != SigningStatus::Current {
            continue;
        }
        if let SigningStatus::SignAgain {
            sections: changed, ..
        } = signing_status(Some(&record), new)
        {
            count += 1;
            for c in changed {
                let title = c.title.map(|t| t.get("sv").to_owned()).unwrap_or(c.id);
                if !sections.contains(&title) {
                    sections.push(title);
                }
            }
        }
    }
    Ok((count, sections.join(", ")))
}

fn preview(ctx: &Ctx, pack: &Pack) -> Preview {
    let lang = ctx.lang.tag();
    Preview {
        sections: pack
            .policy
            .sections
            .iter()
            .map(|s| s.title.get(lang).to_owned())
            .collect(),
        contacts: pack
            .contacts
            .iter()
            .map(|c| {
                format!(
                    "{}: {}",
                    c.role.get(lang),
                    c.phone
                        .clone()
                        .or_else(|| c.email.clone())
                        .unwrap_or_default()
                )
            })
            .collect(),
        categories: pack
            .categories
            .iter()
            .map(|c| {
                format!(
                    "{}: {}",
                    ctx.tk("category", c.id.as_str()),
                    c.steps
                        .first()
                        .map(|s| s.text.get(lang).to_owned())
                        .unwrap_or_default()
                )
            })
            .collect(),
    }
}
