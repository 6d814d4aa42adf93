//! "Where may I store or send this?" (DESIGN.md §4), answers first: search the
//! municipality's classification matrix and open a kind, a place or the guided path on its
//! answer card ("Ja, här / Nej, inte här / Bara om …") for the employee's own sector, the
//! levels folded away in words. It reads only the cached pack, so it works offline; every
//! answer is computed by `vaksam_core::classification`.
//!
//! `search` is the search screen, `detail` the kind and place screens, `guide` the guided
//! path, `card` the answer card they share.

mod card;
mod detail;
mod guide;
mod search;

pub use detail::{KindPage, PlacePage};
pub use guide::GuidePage;
pub use search::LookupPage;

use crate::components::source::{falls_back, in_swedish_note, Origin};
use crate::components::{NoPackYet, SectorChoice};
use crate::ctx;
use crate::i18n::{Lang, T};
use crate::store::training;
use crate::tr;
use leptos::prelude::*;
use vaksam_core::classification::{Matrix, Sector};
use vaksam_core::quiz::Progress;
use vaksam_core::Pack;

/// Runs `f` with the cached pack and its matrix (tracked), or gives `None` without them.
fn with_matrix<R>(f: impl FnOnce(&Pack, &Matrix) -> R) -> Option<R> {
    ctx().sync.pack.with(|p| {
        p.as_ref()
            .and_then(|p| p.classification.as_ref().map(|m| f(p, m)))
    })
}

/// Whether the phone has a matrix to answer from (tracked).
fn has_matrix() -> bool {
    with_matrix(|_, _| ()).is_some()
}

/// The employee's progress, read once from the phone (it keeps the sector), then handed to
/// `body` as a signal that "Var arbetar du?" updates. A storage error reads as "not chosen".
fn with_progress<V: IntoView + 'static>(
    body: impl Fn(RwSignal<Progress>) -> V + Send + Sync + Clone + 'static,
) -> impl IntoView {
    let stored = crate::load::load(training::progress);
    move || {
        let body = body.clone();
        stored
            .get()
            .map(move |p| body(RwSignal::new(p.unwrap_or_default())))
    }
}

/// The sector the lookup filters by (`None`: not chosen yet, nothing is hidden).
fn sector_of(progress: RwSignal<Progress>) -> Signal<Option<Sector>> {
    Signal::derive(move || progress.with(|p| p.sector))
}

/// "Var arbetar du?" once, inline, until the employee has answered (here, in the training
/// or in settings); the answer is kept with the training progress.
#[component]
fn AskSector(progress: RwSignal<Progress>) -> impl IntoView {
    move || {
        progress.with(|p| p.sector.is_none()).then(|| {
            view! {
                <div class="ask-sector" data-testid="ask-sector">
                    <SectorChoice progress/>
                    <p class="hint">{tr(T::AskSector)}</p>
                </div>
            }
        })
    }
}

/// Before the pack (or its matrix) has reached the phone.
#[component]
fn LookupNotYet() -> impl IntoView {
    let ctx = ctx();
    move || {
        if ctx.sync.pack.with(Option::is_none) {
            view! { <NoPackYet/> }.into_any()
        } else {
            view! { <p class="notice" data-testid="no-pack">{tr(T::LookupNotYet)}</p> }.into_any()
        }
    }
}

/// The säkerhetsskydd advice: out of scope, and whom to ask. `folded`: a closed toggle under
/// the guided path's question, so it does not push the first answer down.
#[component]
fn SecurityNotice(#[prop(optional)] folded: bool) -> impl IntoView {
    let ctx = ctx();
    move || {
        let lang = ctx.lang.get();
        with_matrix(|pack, m| {
            let s = &m.security;
            let contact = pack.contact(&s.contact);
            let role = contact.map(|c| c.role.get(lang.tag()).to_owned());
            let phone = contact.and_then(|c| c.phone.clone().zip(c.tel()));
            let mut texts = vec![&s.text];
            texts.extend(contact.map(|c| &c.role));
            let in_swedish = falls_back(lang, &texts);
            let body = view! {
                <p>{s.text.get(lang.tag()).to_owned()}</p>
                {role.map(|r| view! {
                    <p>{T::AskLabel.in_(lang)}" "{r}
                        {phone.map(|(n, tel)| view! { " " <a class="number" href=format!("tel:{tel}")>{n}</a> })}
                    </p>
                })}
                {in_swedish.then(|| view! { <p>{in_swedish_note(lang)}</p> })}
            };
            if folded {
                view! {
                    <details class="security-note" data-testid="security">
                        <summary>{T::SecurityTitle.in_(lang)}</summary>
                        {body}
                    </details>
                }
                .into_any()
            } else {
                view! {
                    <div class="notice" data-testid="security">
                        <p><strong>{T::SecurityTitle.in_(lang)}</strong></p>
                        {body}
                    </div>
                }
                .into_any()
            }
        })
    }
}

/// Where the security advice comes from (for the screen's one "Källor" toggle).
fn security_origin() -> Vec<Origin> {
    with_matrix(|_, m| vec![Origin::of(&m.security)]).unwrap_or_default()
}

/// The language the views below are drawn in (tracked).
fn lang() -> Lang {
    ctx().lang.get()
}
