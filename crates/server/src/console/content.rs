//! The municipality's content in the console: its overlay (the short municipal file over
//! Vaksam's base), checked with errors at their line, previewed as employees will see it
//! with the differences from the published version and how many employees must sign again,
//! and published. Coordinators of the municipality only; every publish is in the audit log,
//! written in the same transaction as the new version.
//!
//! Resolution, checks, diffs and publishing are the CLI's (`packs::prepare_or_errors`,
//! `pack::diff`, `coordinator::render_diff`, `Storage::publish_pack`); this module shows
//! them. The overlay is resolved with the base built into this Vaksam (`--base` trials are
//! for the CLI).

use super::page::{self, Ctx, OrPage, Page};
use super::session::Signed;
use super::ConsoleState;
use crate::coordinator;
use crate::packs;
use crate::storage::accounts::NewAudit;
use crate::storage::{Origin, Published, Storage, StorageError, StoredPack};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::{Form, Router};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use vaksam_core::classification::{answer, Verdict};
use vaksam_core::console::roles::{may, Action};
use vaksam_core::console::sweden_time;
use vaksam_core::pack::resolve::PackFile;
use vaksam_core::pack::PackError;
use vaksam_core::signature::{signing_status, SignatureRecord, SigningStatus};
use vaksam_core::{Kommunkod, Pack};

/// The name the overlay has in errors (the form's text has no file name).
const FILE: &str = "kommun.toml";
/// The largest overlay taken: the shipped ones are under 30 KB; the guard allows 2 MB forms.
pub const MAX_OVERLAY_BYTES: usize = 512 * 1024;
/// The edit page's script (fills the text from a chosen file, moves to an error's line),
/// served as `/admin/assets/content.js`.
pub const SCRIPT: &str = include_str!("../../console/content.js");
/// How many answers of "Var får jag spara?" the preview shows.
const LOOKUPS: usize = 6;
/// How far back the overview looks in the audit log for who published the current version.
const AUDIT_LOOKBACK: u32 = 500;

/// The routes of this part.
pub fn routes<S: Storage>() -> Router<ConsoleState<S>> {
    Router::new()
        .route("/content", get(overview::<S>))
        .route("/content/edit", get(edit::<S>).post(act::<S>))
}

/// The content page: what is published, and what the municipality should confirm.
#[derive(askama::Template)]
#[template(path = "console/content.html")]
pub struct ContentPage {
    ctx: Ctx,
    current: Option<Current>,
    unconfirmed: usize,
    groups: Vec<Group>,
}

/// Unconfirmed defaults of one list of the file, e.g. `classification.kinds`.
pub struct Group {
    /// The list's path in the file.
    pub path: String,
    /// The items (ids, with the defaulted fields in brackets), in pack order.
    pub items: Vec<String>,
}

/// `Pack::unconfirmed_defaults` grouped by list (`contacts`, `classification.kinds`, …), so
/// a hundred paths read as a dozen lines.
fn grouped(paths: Vec<String>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for full in paths {
        let (path, fields) = match full.split_once(" (") {
            Some((p, f)) => (p, Some(f.trim_end_matches(')'))),
            None => (full.as_str(), None),
        };
        let depth = match path.split('.').next() {
            Some("classification" | "quiz") => 2,
            _ => 1,
        };
        let parts: Vec<&str> = path.splitn(depth + 1, '.').collect();
        let (list, id) = if parts.len() > depth {
            (parts[..depth].join("."), parts[depth].to_owned())
        } else {
            (path.to_owned(), String::new())
        };
        let item = match (id.is_empty(), fields) {
            (true, Some(f)) => format!("({f})"),
            (false, Some(f)) => format!("{id} ({f})"),
            (_, None) => id,
        };
        match groups.iter_mut().find(|g| g.path == list) {
            Some(g) => g.items.push(item),
            None => groups.push(Group {
                path: list,
                items: vec![item],
            }),
        }
    }
    groups
}

/// The published version as the overview shows it.
pub struct Current {
    /// The pack's version (`<overlay>+<base>`).
    pub version: String,
    /// When, in Swedish time.
    pub published_at: String,
    /// Who or what published it, in words.
    pub by: String,
    /// The base's version, if recorded.
    pub base_version: Option<String>,
}

/// The edit page, with what the last action found.
#[derive(askama::Template)]
#[template(path = "console/content_edit.html")]
pub struct EditPage {
    ctx: Ctx,
    overlay: String,
    errors: Vec<ShownError>,
    checked: Option<String>,
    published: Option<String>,
    review: Option<Review>,
}

/// One problem of the file, as the page lists it.
pub struct ShownError {
    /// The overlay's line, when the problem is there (the script moves the cursor to it).
    pub line: Option<usize>,
    /// Where and what, in words: "Rad 12: policy.sections[1].cite: …".
    pub text: String,
}

/// What a preview shows.
pub struct Review {
    /// The re-sign sentence; `None` when nothing is published yet.
    pub resign: Option<String>,
    /// `pack diff`'s text against the published version.
    pub diff: Option<String>,
    /// The policy's sections.
    pub sections: Vec<Entry>,
    /// Contacts.
    pub contacts: Vec<Entry>,
    /// Report categories with their "do now" steps.
    pub categories: Vec<Category>,
    /// A few answers of "Var får jag spara?".
    pub lookups: Vec<Entry>,
}

/// A heading and its text.
pub struct Entry {
    /// The heading.
    pub title: String,
    /// The text under it.
    pub text: String,
}

/// A report category and what to do at once.
pub struct Category {
    /// Its name.
    pub name: String,
    /// The steps, in order.
    pub steps: Vec<String>,
}

/// The municipality whose content the signed-in admin may manage, if any.
fn managed_by(signed: &Signed) -> Option<Kommunkod> {
    if may(signed.admin.role, Action::ManageContent, None) {
        signed.admin.kommunkod.clone()
    } else {
        None
    }
}

fn served(stored: &StoredPack) -> Result<Pack, Response> {
    serde_json::from_str(&stored.body)
        .map_err(|e| page::storage_error(StorageError::Corrupt(e.to_string())))
}

async fn overview<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
) -> Result<Response, Response> {
    let Some(k) = managed_by(&signed) else {
        return Ok(page::error(ctx, StatusCode::FORBIDDEN, "error.forbidden"));
    };
    let Some(stored) = state.storage.current_pack(&k).await.or_page()? else {
        return Ok(Page::new(ContentPage {
            ctx,
            current: None,
            unconfirmed: 0,
            groups: Vec::new(),
        }));
    };
    let unconfirmed = served(&stored)?.unconfirmed_defaults();
    let by = publisher(&state, &ctx, &k, &stored).await?;
    let published_at = OffsetDateTime::parse(&stored.published_at, &Rfc3339)
        .map(sweden_time::format)
        .unwrap_or_else(|_| stored.published_at.clone());
    Ok(Page::new(ContentPage {
        ctx,
        current: Some(Current {
            version: stored.version,
            published_at,
            by,
            base_version: stored.base_version,
        }),
        unconfirmed: unconfirmed.len(),
        groups: grouped(unconfirmed),
    }))
}

/// Who published `stored`: the admin named in its audit entry, else its origin.
async fn publisher<S: Storage>(
    state: &ConsoleState<S>,
    ctx: &Ctx,
    k: &Kommunkod,
    stored: &StoredPack,
) -> Result<String, Response> {
    if stored.origin == Origin::Admin {
        let log = state
            .storage
            .audit_log(Some(k), None, AUDIT_LOOKBACK)
            .await
            .or_page()?;
        if let Some(e) = log
            .iter()
            .find(|e| e.action == "pack.publish" && e.target == stored.version)
        {
            return Ok(ctx.tf1("content.by_admin", "name", &e.actor));
        }
    }
    Ok(ctx.t(match stored.origin {
        Origin::Shipped => "content.by_shipped",
        Origin::Admin => "content.by_cli",
        Origin::Unknown => "content.by_unknown",
    }))
}

async fn edit<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
) -> Result<Response, Response> {
    let Some(k) = managed_by(&signed) else {
        return Ok(page::error(ctx, StatusCode::FORBIDDEN, "error.forbidden"));
    };
    let published = state.storage.current_pack(&k).await.or_page()?;
    // A municipality with nothing published starts from `pack new`'s file.
    let overlay = match published.and_then(|p| p.overlay) {
        Some(text) => text,
        None => coordinator::new_overlay(&k).unwrap_or_default(),
    };
    Ok(Page::new(EditPage {
        ctx,
        overlay,
        errors: Vec::new(),
        checked: None,
        published: None,
        review: None,
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
    let Some(k) = managed_by(&signed) else {
        return Ok(page::error(ctx, StatusCode::FORBIDDEN, "error.forbidden"));
    };
    if !matches!(form.action.as_str(), "check" | "preview" | "publish") {
        return Ok(page::error(
            ctx,
            StatusCode::BAD_REQUEST,
            "content.unknown_action",
        ));
    }
    // Whatever happens, the page shows the text as it was sent.
    let mut page = EditPage {
        ctx,
        overlay: form.overlay,
        errors: Vec::new(),
        checked: None,
        published: None,
        review: None,
    };
    let refuse = |mut page: EditPage, key: &str, name: &str, value: &str| {
        let text = page.ctx.tf1(key, name, value);
        page.errors.push(ShownError { line: None, text });
        Ok(page::render(&page, StatusCode::UNPROCESSABLE_ENTITY))
    };
    if page.overlay.len() > MAX_OVERLAY_BYTES {
        let limit = format!("{} KB", MAX_OVERLAY_BYTES / 1024);
        return refuse(page, "content.too_large", "limit", &limit);
    }
    let now = state.now();
    let overlay = PackFile {
        name: FILE,
        text: &page.overlay,
    };
    let prepared = match packs::prepare_or_errors(packs::shipped_base(), overlay, now) {
        Ok(p) => p,
        Err(errors) => {
            page.errors = errors.iter().map(|e| shown(&page.ctx, e)).collect();
            return Ok(page::render(&page, StatusCode::UNPROCESSABLE_ENTITY));
        }
    };
    if prepared.kommunkod != k {
        return refuse(
            page,
            "content.other_municipality",
            "kommunkod",
            prepared.kommunkod.as_str(),
        );
    }
    let version = prepared.stored.version.clone();
    page.checked = Some(page.ctx.tf1("content.valid", "version", &version));
    match form.action.as_str() {
        "preview" => {
            let current = state.storage.current_pack(&k).await.or_page()?;
            let old = current.as_ref().map(served).transpose()?;
            page.review = Some(review(&state, &page.ctx, &k, old.as_ref(), &prepared.pack).await?);
        }
        "publish" => {
            let entry = NewAudit::by(&signed.admin, "pack.publish", &version, "console");
            let outcome = state
                .storage
                .publish_pack_audited(&k, &prepared.stored, &entry, now)
                .await
                .or_page()?;
            let key = match outcome {
                Published::New => "content.published",
                Published::Unchanged => "content.unchanged",
                Published::VersionTaken => {
                    return refuse(page, "content.version_taken", "version", &version);
                }
            };
            page.published = Some(page.ctx.tf1(key, "version", &version));
        }
        _ => {}
    }
    Ok(page::render(&page, StatusCode::OK))
}

/// A resolution error in words: the overlay's line as "Rad 12", the base's named as such.
fn shown(ctx: &Ctx, e: &PackError) -> ShownError {
    let in_overlay = e.file == FILE;
    let place = match (in_overlay, e.line) {
        (true, Some(line)) => ctx.tf1("content.at_line", "line", line),
        (true, None) => ctx.t("content.in_file"),
        (false, Some(line)) => ctx.tf(
            "content.at_base_line",
            &[("file", &e.file), ("line", &line)],
        ),
        (false, None) => ctx.tf1("content.in_base", "file", &e.file),
    };
    let what = if e.path.is_empty() {
        e.message.clone()
    } else {
        format!("{}: {}", e.path, e.message)
    };
    ShownError {
        line: e.line.filter(|_| in_overlay),
        text: format!("{place}: {what}"),
    }
}

/// The preview: what employees will see in `new`, and, against the published `old`, the
/// differences and who must sign again.
async fn review<S: Storage>(
    state: &ConsoleState<S>,
    ctx: &Ctx,
    k: &Kommunkod,
    old: Option<&Pack>,
    new: &Pack,
) -> Result<Review, Response> {
    let lang = ctx.lang.tag();
    let (resign, diff) = match old {
        Some(old) => {
            let diff = coordinator::render_diff(&vaksam_core::pack::diff::diff(old, new));
            (Some(resign(state, ctx, k, old, new).await?), Some(diff))
        }
        None => (None, None),
    };
    let contact = |id: &str| {
        new.contacts.iter().find(|c| c.id == id).map(|c| {
            let reach = c.phone.as_deref().or(c.email.as_deref());
            match reach {
                Some(r) => format!("{} ({r})", c.role.get(lang)),
                None => c.role.get(lang).to_owned(),
            }
        })
    };
    Ok(Review {
        resign,
        diff,
        sections: new
            .policy
            .sections
            .iter()
            .map(|s| Entry {
                title: s.title.get(lang).to_owned(),
                text: s.text.get(lang).to_owned(),
            })
            .collect(),
        contacts: new
            .contacts
            .iter()
            .map(|c| Entry {
                title: c.role.get(lang).to_owned(),
                text: [
                    c.phone.clone(),
                    c.email.clone(),
                    Some(c.when.get(lang).to_owned()).filter(|w| !w.is_empty()),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · "),
            })
            .collect(),
        categories: new
            .categories
            .iter()
            .map(|c| Category {
                name: ctx.tk("category", c.id.as_str()),
                steps: c
                    .steps
                    .iter()
                    .map(|s| {
                        let text = s.text.get(lang).to_owned();
                        match s.contact.as_deref().and_then(contact) {
                            Some(who) => format!("{text} – {who}"),
                            None => text,
                        }
                    })
                    .collect(),
            })
            .collect(),
        lookups: lookups(ctx, new),
    })
}

/// The sentence on signatures: how many employees whose latest signature covers the
/// published pack would be asked to sign again with `new`, and why.
async fn resign<S: Storage>(
    state: &ConsoleState<S>,
    ctx: &Ctx,
    k: &Kommunkod,
    old: &Pack,
    new: &Pack,
) -> Result<String, Response> {
    let lang = ctx.lang.tag();
    let mut count = 0usize;
    let mut sections: Vec<String> = Vec::new();
    let (mut undertaking, mut policy_version) = (false, false);
    for signer in state.storage.signers(k).await.or_page()? {
        let Some((payload, ..)) = signer.latest else {
            continue;
        };
        let Ok(record) = serde_json::from_str::<SignatureRecord>(&payload) else {
            continue;
        };
        // Those who have not signed the published texts are asked to sign already.
        if signing_status(Some(&record), old) != SigningStatus::Current {
            continue;
        }
        let SigningStatus::SignAgain {
            undertaking_changed,
            policy_version_changed,
            sections: changed,
        } = signing_status(Some(&record), new)
        else {
            continue;
        };
        count += 1;
        undertaking |= undertaking_changed;
        policy_version |= policy_version_changed;
        for c in changed {
            let title = c.title.map(|t| t.get(lang).to_owned()).unwrap_or(c.id);
            if !sections.contains(&title) {
                sections.push(title);
            }
        }
    }
    if count == 0 {
        return Ok(ctx.t("content.resign_none"));
    }
    let quoted: Vec<String> = sections.iter().map(|s| format!("”{s}”")).collect();
    if !undertaking && !policy_version && !quoted.is_empty() {
        return Ok(ctx.tf(
            if count == 1 {
                "content.resign_one"
            } else {
                "content.resign"
            },
            &[("n", &count), ("sections", &quoted.join(", "))],
        ));
    }
    let mut what = Vec::new();
    if !quoted.is_empty() {
        what.push(ctx.tf1("content.reason_sections", "sections", quoted.join(", ")));
    }
    if policy_version {
        what.push(ctx.t("content.reason_policy_version"));
    }
    if undertaking {
        what.push(ctx.t("content.reason_undertaking"));
    }
    Ok(ctx.tf(
        if count == 1 {
            "content.resign_why_one"
        } else {
            "content.resign_why"
        },
        &[("n", &count), ("what", &what.join(", "))],
    ))
}

/// A few answers of "Var får jag spara?" from the new pack: kinds spread over the list,
/// each at an everyday place that serves it, every other one where it may go.
fn lookups(ctx: &Ctx, pack: &Pack) -> Vec<Entry> {
    let lang = ctx.lang.tag();
    let Some(m) = &pack.classification else {
        return Vec::new();
    };
    let everyday: Vec<_> = m.places.iter().filter(|p| p.everyday).collect();
    let places = if everyday.is_empty() {
        m.places.iter().collect()
    } else {
        everyday
    };
    let n = m.kinds.len().min(LOOKUPS);
    (0..n)
        .filter_map(|i| {
            let kind = &m.kinds[i * m.kinds.len() / n];
            let serving: Vec<_> = (0..places.len())
                .map(|j| places[(i + j) % places.len()])
                .filter(|p| p.serves(&kind.sectors))
                .collect();
            // Every other answer where the kind may go, so the sample is not all "no".
            let a = serving
                .iter()
                .map(|p| answer(&kind.class, p))
                .find(|a| i % 2 == 1 || a.verdict != Verdict::No)
                .or_else(|| serving.first().map(|p| answer(&kind.class, p)))?;
            let place = a.place;
            let verdict = ctx.t(match a.verdict {
                Verdict::Yes => "content.yes",
                Verdict::OnlyIf => "content.only_if",
                Verdict::No => "content.no",
            });
            let condition = a
                .condition
                .map(|c| c.text.get(lang))
                .or(a.always.map(|t| t.get(lang)))
                .filter(|_| a.verdict == Verdict::OnlyIf);
            Some(Entry {
                title: ctx.tf(
                    "content.lookup_question",
                    &[
                        ("kind", &kind.name.get(lang)),
                        ("place", &place.name.get(lang)),
                    ],
                ),
                // Conditions are often written "Bara om …" already.
                text: match condition {
                    Some(c) if c.starts_with(verdict.as_str()) => c.to_owned(),
                    Some(c) => format!("{verdict}: {c}"),
                    None => verdict,
                },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::grouped;

    #[test]
    fn unconfirmed_defaults_are_grouped_by_list_in_order() {
        let groups = grouped(
            [
                "policy.version",
                "contacts.manager (when)",
                "contacts.it",
                "training (interval_months)",
                "classification.places.paper.conditions[0]",
                "classification.places.usb",
            ]
            .map(str::to_owned)
            .to_vec(),
        );
        let shown: Vec<(String, Vec<String>)> =
            groups.into_iter().map(|g| (g.path, g.items)).collect();
        assert_eq!(
            shown,
            vec![
                ("policy".into(), vec!["version".into()]),
                (
                    "contacts".into(),
                    vec!["manager (when)".into(), "it".into()]
                ),
                ("training".into(), vec!["(interval_months)".into()]),
                (
                    "classification.places".into(),
                    vec!["paper.conditions[0]".into(), "usb".into()]
                ),
            ]
        );
    }
}
