//! A kind of information and a place, each opening on its answer card; the levels and the
//! reasons behind them are one tap away ("Varför?"), in words.

use super::card::{class_words, kinds_card, places_card, AnswerCard, CardRows};
use super::search::ShowAll;
use super::{has_matrix, with_matrix, with_progress, AskSector, LookupNotYet};
use crate::components::source::{falls_back, in_swedish_note};
use crate::components::{Origin, PageSources};
use crate::ctx;
use crate::i18n::{self, Lang, T};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
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

/// One kind of information: where it may go, where only if, where not; why, folded.
#[component]
pub fn KindPage() -> impl IntoView {
    let ctx = ctx();
    let id = route_id();
    let origins = RwSignal::new(Vec::<Origin>::new());
    let body = move || {
        let lang = ctx.lang.get();
        let id = id.get();
        with_matrix(|_, m| {
            let Some(k) = m.kind(&id) else {
                return view! { <crate::pages::NotFound/> }.into_any();
            };
            let rows = places_card(&m.card(k), Some(k), lang);
            let mut list = rows.origins.clone();
            list.push(Origin::of(k));
            if origins.with_untracked(|o| *o != list) {
                origins.set(list);
            }
            let tag = lang.tag();
            let mut why = vec![k.why.get(tag).to_owned()];
            why.extend(class_words(&k.class, lang));
            view! {
                <h1>{k.name.get(tag).to_owned()}
                    {falls_back(lang, &[&k.name, &k.why]).then(|| view! { " " {in_swedish_note(lang)} })}
                </h1>
                <AnswerCard rows lang/>
                <Why lines=why lang/>
            }
            .into_any()
        })
        .unwrap_or_else(|| view! { <LookupNotYet/> }.into_any())
    };
    view! {
        <section class="page lookup">
            {body}
            <PageSources origins/>
        </section>
    }
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
    let hidden = RwSignal::new(0usize);
    let origins = RwSignal::new(Vec::<Origin>::new());
    let body = move || {
        let lang = ctx.lang.get();
        let id = id.get();
        let sector = sector.get();
        let all = show_all.get();
        with_matrix(|_, m| {
            let Some(place) = m.place(&id) else {
                return view! { <crate::pages::NotFound/> }.into_any();
            };
            let rows: CardRows = kinds_card(m, place, |k| all || k.is_for(sector), lang);
            let others = m
                .kinds_for(place)
                .iter()
                .filter(|(k, _)| !k.is_for(sector))
                .count();
            if hidden.get_untracked() != others {
                hidden.set(others);
            }
            if origins.with_untracked(|o| *o != rows.origins) {
                origins.set(rows.origins.clone());
            }
            let tag = lang.tag();
            let mut why = vec![place.about.get(tag).to_owned()];
            why.extend(
                place
                    .max
                    .levels()
                    .map(|(a, l)| i18n::place_takes(lang, a, l.get())),
            );
            view! {
                <h1>{i18n::may_i_use(lang, place.name.get(tag))}</h1>
                <p class="muted">{place.about.get(tag).to_owned()}
                    {falls_back(lang, &[&place.name, &place.about]).then(|| view! { " " {in_swedish_note(lang)} })}
                </p>
                <AskSector progress/>
                <AnswerCard rows lang/>
                <ShowAll show_all hidden/>
                <Why lines=why lang/>
            }
            .into_any()
        })
        .unwrap_or_else(|| view! { <LookupNotYet/> }.into_any())
    };
    view! {
        {body}
        <p><A href="/lookup/guide" attr:class="button guide-link">{move || ctx.t(T::GuideLink)}</A></p>
        <PageSources origins/>
    }
}
