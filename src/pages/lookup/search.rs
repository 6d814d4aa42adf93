//! The search screen: a box, hits as you type (each with its short answer), the places of
//! the employee's work, and the guided path. The query lives in the URL (`?q=`), so "back"
//! from a result shows the same hits.

use super::{
    has_matrix, lang, with_matrix, with_progress, AskSector, LookupNotYet, SecurityNotice,
};
use crate::components::{Origin, PageSources};
use crate::ctx;
use crate::i18n::{Lang, T};
use crate::router::NavigateOptions;
use crate::router::{use_navigate, use_query_map};
use crate::tr;
use leptos::prelude::*;
use vaksam_core::classification::{Matrix, Sector};
use vaksam_core::quiz::Progress;
use vaksam_core::search::{Hit, Index, Target};

/// Most hits shown for a query.
const MAX_HITS: usize = 8;
/// Places named in a hit's short answer.
const NAMED: usize = 2;

/// Search with a performance measure around it (bench/search_latency.mjs reads it).
fn timed_search(index: &Index, query: &str) -> Vec<Hit> {
    let performance = web_sys::window().and_then(|w| w.performance());
    if let Some(p) = &performance {
        let _ = p.mark("vaksam-search-start");
    }
    let hits = index.search(query, MAX_HITS);
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark("vaksam-search", "vaksam-search-start");
    }
    hits
}

/// One hit, drawn in one language.
#[derive(Debug, Clone, PartialEq)]
struct HitRow {
    /// Unique per hit and language (the keyed list redraws a row when either changes).
    key: String,
    href: String,
    title: String,
    /// "Ja: …" for a kind, what it is for a place.
    yes: Option<String>,
    /// "Nej: …" for a kind.
    no: Option<String>,
    /// Belongs to the employee's work (others wait behind "Visa allt").
    mine: bool,
    origin: Origin,
}

/// "Ja: A, B" / "Nej: A, B, C …": the first few names.
fn named(lang: Lang, word: T, names: &[String]) -> Option<String> {
    (!names.is_empty()).then(|| {
        let more = if names.len() > NAMED { " …" } else { "" };
        let list = names[..NAMED.min(names.len())].join(", ");
        format!("{}: {list}{more}", word.in_(lang))
    })
}

fn hit_row(m: &Matrix, target: Target, sector: Option<Sector>, lang: Lang) -> Option<HitRow> {
    let tag = lang.tag();
    match target {
        Target::Kind(i) => {
            let k = m.kinds.get(i)?;
            let card = m.card(k);
            let names = |list: &[vaksam_core::classification::Answer<'_>]| {
                list.iter()
                    .map(|a| a.place.name.get(tag).to_owned())
                    .collect::<Vec<_>>()
            };
            let mut yes = names(&card.yes);
            yes.extend(names(&card.only_if));
            Some(HitRow {
                key: format!("kind/{}/{tag}", k.id),
                href: format!("/lookup/kind/{}", k.id),
                title: k.name.get(tag).to_owned(),
                yes: named(lang, T::Yes, &yes),
                no: named(lang, T::No, &names(&card.no)),
                mine: k.is_for(sector),
                origin: Origin::of(k),
            })
        }
        Target::Place(i) => {
            let p = m.places.get(i)?;
            Some(HitRow {
                key: format!("place/{}/{tag}", p.id),
                href: format!("/lookup/place/{}", p.id),
                title: T::may_i_use(lang, p.name.get(tag)),
                yes: Some(p.about.get(tag).to_owned()),
                no: None,
                mine: p.is_for(sector),
                origin: Origin::of(p),
            })
        }
        Target::Security => None,
    }
}

/// The search screen.
#[component]
pub fn LookupPage() -> impl IntoView {
    view! {
        <section class="page lookup">
            <h1>{tr(T::FnClassify)}</h1>
            <Show when=has_matrix fallback=|| view! { <LookupNotYet/> }>
                {with_progress(|progress| view! { <Search progress/> })}
            </Show>
        </section>
    }
}

#[component]
fn Search(progress: RwSignal<Progress>) -> impl IntoView {
    let ctx = ctx();
    let sector = super::sector_of(progress);
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|p| p.get("q").unwrap_or_default()));
    let navigate = use_navigate();
    let on_input = move |ev| {
        let q = event_target_value(&ev);
        let url = if q.is_empty() {
            "/lookup".to_owned()
        } else {
            format!("/lookup?q={}", js_sys::encode_uri_component(&q))
        };
        let options = NavigateOptions {
            replace: true,
            scroll: false,
        };
        navigate(&url, options);
    };
    let index = Memo::new(move |_| {
        let lang = ctx.lang.get();
        with_matrix(|_, m| Index::new(m, lang.tag()))
    });
    let hits = Memo::new(move |_| {
        let q = query.get();
        if q.trim().is_empty() {
            return Vec::new();
        }
        index.with(|i| i.as_ref().map(|i| timed_search(i, &q)).unwrap_or_default())
    });
    let rows = Memo::new(move |_| {
        let lang = lang();
        let sector = sector.get();
        let list = hits.get();
        with_matrix(|_, m| {
            list.iter()
                .filter_map(|h| hit_row(m, h.target, sector, lang))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let security =
        Memo::new(move |_| hits.with(|h| h.iter().any(|h| h.target == Target::Security)));
    let show_all = RwSignal::new(false);
    let shown = move || {
        let all = show_all.get();
        rows.get()
            .into_iter()
            .filter(|r| all || r.mine)
            .collect::<Vec<_>>()
    };
    let hidden = move || rows.with(|r| r.iter().filter(|r| !r.mine).count());
    let count = move || {
        let lang = lang();
        let typed = !query.with(|q| q.trim().is_empty());
        let n = rows.with(|r| r.iter().filter(|r| show_all.get() || r.mine).count())
            + usize::from(security.get());
        typed.then(|| match n {
            0 if hidden() == 0 => T::NoHits.in_(lang).to_owned(),
            n => T::hits(lang, n),
        })
    };
    let origins = Signal::derive(move || {
        let mut list: Vec<Origin> = rows.with(|r| r.iter().map(|r| r.origin.clone()).collect());
        if security.get() {
            list.extend(super::security_origin());
        }
        list
    });
    view! {
        <label for="lookup-q">{tr(T::SearchLabel)}</label>
        <p class="hint" id="lookup-hint">{tr(T::SearchHint)}</p>
        <input id="lookup-q" type="search" class="search" autocomplete="off" enterkeyhint="search"
            aria-describedby="lookup-hint" prop:value=move || query.get() on:input=on_input/>
        <AskSector progress/>
        <p class="muted" role="status" aria-live="polite" data-testid="hit-count">{count}</p>
        {move || security.get().then(|| view! { <SecurityNotice/> })}
        <ul class="hits" data-testid="hits">
            <For each=shown key=|r| r.key.clone() let:row>
                <HitLine row/>
            </For>
        </ul>
        <ShowAll show_all hidden=Signal::derive(hidden)/>
        <p><a href="/lookup/guide" class="button guide-link">{tr(T::GuideLink)}</a></p>
        <h2>{tr(T::PlacesTitle)}</h2>
        <Places sector/>
        <PageSources origins/>
    }
}

/// One hit: a block row that links to the answer, with the short answer under the name.
#[component]
fn HitLine(row: HitRow) -> impl IntoView {
    let is_kind = row.no.is_some() || row.href.starts_with("/lookup/kind/");
    view! {
        <li class="hit" data-mine=row.mine.to_string()>
            <a href=row.href class="hit-link">
                <span class="hit-title">{row.title}</span>
                {row.yes.map(|t| view! { <span class=if is_kind { "hit-answer yes" } else { "hit-answer" }>{t}</span> })}
                {row.no.map(|t| view! { <span class="hit-answer no">{t}</span> })}
            </a>
        </li>
    }
}

/// "Visa allt (3 till, för annat arbete)" when items of other work are hidden, and back.
#[component]
pub(super) fn ShowAll(
    show_all: RwSignal<bool>,
    #[prop(into)] hidden: Signal<usize>,
) -> impl IntoView {
    let ctx = ctx();
    move || {
        let n = hidden.get();
        let all = show_all.get();
        (n > 0).then(|| {
            let label = if all {
                ctx.t(T::ShowMine).to_owned()
            } else {
                T::show_all(ctx.lang.get(), n)
            };
            view! {
                <p><button type="button" class="button show-all" aria-pressed=all.to_string()
                    on:click=move |_| show_all.update(|s| *s = !*s)>{label}</button></p>
            }
        })
    }
}

/// The places of the employee's work as chips (others behind their own "Visa allt").
#[component]
fn Places(sector: Signal<Option<Sector>>) -> impl IntoView {
    let show_all = RwSignal::new(false);
    let hidden = Signal::derive(move || {
        let sector = sector.get();
        with_matrix(|_, m| m.places.iter().filter(|p| !p.is_for(sector)).count()).unwrap_or(0)
    });
    let chips = move || {
        let lang = lang();
        let sector = sector.get();
        let all = show_all.get();
        with_matrix(|_, m| {
            m.places
                .iter()
                .filter(|p| all || p.is_for(sector))
                .map(|p| {
                    let name = p.name.get(lang.tag()).to_owned();
                    view! { <li><a href=format!("/lookup/place/{}", p.id)>{name}</a></li> }
                })
                .collect_view()
        })
    };
    view! {
        <ul class="place-list" data-testid="places">{chips}</ul>
        <ShowAll show_all hidden/>
    }
}
