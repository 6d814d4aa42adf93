//! A kind of information and a place, each opening on its answer card; the levels and the
//! reasons behind them are one tap away ("Varför?"), in words.

use super::card::{class_words, kinds_card, places_card, AnswerCard, CardRows};
use super::search::ShowAll;
use super::{has_matrix, with_matrix, with_progress, AskSector, LookupNotYet};
use crate::components::source::{falls_back, in_swedish_note};
use crate::components::{Origin, PageSources};
use crate::ctx;
use crate::i18n::{self, Lang, T};
use crate::router::use_params_map;
use crate::tr;
use leptos::prelude::*;
use vaksam_core::quiz::Progress;

/// The route's `:id` (tracked).
fn route_id() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()))
}

/// "Varför?": the reasons and levels, folded away.
#[component]
fn Why(lines: Vec<String>, lang: Lang) -> impl IntoView {
    view! {
        <details class="why" data-testid="why">
            <summary>{T::CardWhy.in_(lang)}</summary>
            <h2>{T::CardAssessed.in_(lang)}</h2>
            <ul class="class-words" data-testid="class">
                {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
        </details>
    }
}

/// What a kind's or a place's screen shows, in one language: `None` for an unknown id.
#[derive(Debug, Clone, PartialEq)]
struct Screen {
    title: String,
    /// Under the title (a place's "what it is").
    about: Option<String>,
    in_swedish: bool,
    rows: CardRows,
    why: Vec<String>,
    /// Items of other work hidden (a place's screen).
    hidden: usize,
    origins: Vec<Origin>,
}

/// Draws a kind's or a place's screen from its memo: the card, "Varför?", one "Källor".
/// `extra`: what goes between the title and the card (the sector question) and right
/// under the card ("Visa allt").
fn screen_view(
    screen: Memo<Option<Option<Screen>>>,
    before_card: impl Fn() -> AnyView + Send + Sync + 'static,
    after_card: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let origins = Signal::derive(move || {
        screen.with(|s| {
            s.as_ref()
                .and_then(|s| s.as_ref())
                .map(|s| s.origins.clone())
                .unwrap_or_default()
        })
    });
    let body = move || {
        let lang = ctx().lang.get();
        match screen.get() {
            None => view! { <LookupNotYet/> }.into_any(),
            Some(None) => view! { <crate::pages::NotFound/> }.into_any(),
            Some(Some(s)) => view! {
                <h1>{s.title}
                    {(s.in_swedish && s.about.is_none()).then(|| view! { " " {in_swedish_note(lang)} })}
                </h1>
                {s.about.map(|a| view! {
                    <p class="muted">{a}{s.in_swedish.then(|| view! { " " {in_swedish_note(lang)} })}</p>
                })}
                {before_card()}
                <AnswerCard rows=s.rows lang/>
                {after_card()}
                <Why lines=s.why lang/>
            }
            .into_any(),
        }
    };
    view! {
        {body}
        <PageSources origins/>
    }
}

/// One kind of information: where it may go, where only if, where not, for the
/// employee's work (a kind of several sectors: the other work's places behind "Visa allt");
/// why, folded.
#[component]
pub fn KindPage() -> impl IntoView {
    view! {
        <section class="page lookup">
            <Show when=has_matrix fallback=|| view! { <LookupNotYet/> }>
                {with_progress(|progress| view! { <KindBody progress/> })}
            </Show>
        </section>
    }
}

#[component]
fn KindBody(progress: RwSignal<Progress>) -> impl IntoView {
    let ctx = ctx();
    let id = route_id();
    let sector = super::sector_of(progress);
    let show_all = RwSignal::new(false);
    let screen = Memo::new(move |_| {
        let lang = ctx.lang.get();
        let id = id.get();
        let sector = sector.get();
        let all = show_all.get();
        with_matrix(|_, m| {
            m.kind(&id).map(|k| {
                let tag = lang.tag();
                let mut card = m.card(k);
                let mine = |a: &vaksam_core::classification::Answer<'_>| a.place.is_for(sector);
                if !all {
                    card.yes.retain(mine);
                    card.only_if.retain(mine);
                    card.no.retain(mine);
                }
                let hidden = m.card(k);
                let hidden = [&hidden.yes, &hidden.only_if, &hidden.no]
                    .into_iter()
                    .flatten()
                    .filter(|a| !mine(a))
                    .count();
                let rows = places_card(&card, Some(k), lang);
                let mut origins = rows.origins.clone();
                origins.push(Origin::of(k));
                let mut why = vec![k.why.get(tag).to_owned()];
                why.extend(class_words(&k.class, lang));
                Screen {
                    title: k.name.get(tag).to_owned(),
                    about: None,
                    in_swedish: falls_back(lang, &[&k.name, &k.why]),
                    rows,
                    why,
                    hidden,
                    origins,
                }
            })
        })
    });
    let hidden = Signal::derive(move || {
        screen.with(|s| s.as_ref().and_then(|s| s.as_ref()).map_or(0, |s| s.hidden))
    });
    screen_view(
        screen,
        move || view! { <AskSector progress/> }.into_any(),
        move || view! { <ShowAll show_all hidden/> }.into_any(),
    )
}

/// One place: which kinds of information of the employee's work may go there, only if, or
/// not (others behind "Visa allt").
#[component]
pub fn PlacePage() -> impl IntoView {
    view! {
        <section class="page lookup">
            <Show when=has_matrix fallback=|| view! { <LookupNotYet/> }>
                {with_progress(|progress| view! { <PlaceBody progress/> })}
            </Show>
        </section>
    }
}

#[component]
fn PlaceBody(progress: RwSignal<Progress>) -> impl IntoView {
    let ctx = ctx();
    let id = route_id();
    let sector = super::sector_of(progress);
    let show_all = RwSignal::new(false);
    let screen = Memo::new(move |_| {
        let lang = ctx.lang.get();
        let id = id.get();
        let sector = sector.get();
        let all = show_all.get();
        with_matrix(|_, m| {
            m.place(&id).map(|place| {
                let tag = lang.tag();
                let rows = kinds_card(m, place, |k| all || k.is_for(sector), lang);
                let hidden = m
                    .kinds_for(place)
                    .iter()
                    .filter(|(k, _)| !k.is_for(sector))
                    .count();
                let why = place
                    .max
                    .levels()
                    .map(|(a, l)| i18n::place_takes(lang, a, l.get()))
                    .collect();
                Screen {
                    title: T::may_i_use(lang, place.name.get(tag)),
                    about: Some(place.about.get(tag).to_owned()),
                    in_swedish: falls_back(lang, &[&place.name, &place.about]),
                    origins: rows.origins.clone(),
                    rows,
                    why,
                    hidden,
                }
            })
        })
    });
    let hidden = Signal::derive(move || {
        screen.with(|s| s.as_ref().and_then(|s| s.as_ref()).map_or(0, |s| s.hidden))
    });
    view! {
        {screen_view(
            screen,
            move || view! { <AskSector progress/> }.into_any(),
            move || view! { <ShowAll show_all hidden/> }.into_any(),
        )}
        <p><a href="/lookup/guide" class="button guide-link">{tr(T::GuideLink)}</a></p>
    }
}
