//! The guided path: a few yes/no questions, then the answer card for the class they point
//! to (labelled as guidance), the levels folded away in words.

use super::card::{class_words, places_card, AnswerCard};
use super::{
    has_matrix, security_origin, with_matrix, with_progress, LookupNotYet, SecurityNotice,
};
use crate::components::{focus_later, PageSources};
use crate::ctx;
use crate::i18n::T;
use crate::tr;
use leptos::prelude::*;
use vaksam_core::classification::{Guide, Question};
use vaksam_core::quiz::Progress;

fn question_text(q: Question) -> (T, T) {
    match q {
        Question::PersonalData => (T::GqPersonalData, T::GhPersonalData),
        Question::Sensitive => (T::GqSensitive, T::GhSensitive),
        Question::Secrecy => (T::GqSecrecy, T::GhSecrecy),
        Question::Emergency => (T::GqEmergency, T::GhEmergency),
        Question::Harm => (T::GqHarm, T::GhHarm),
    }
}

/// The guided path.
#[component]
pub fn GuidePage() -> impl IntoView {
    view! {
        <section class="page lookup guide">
            <h1>{tr(T::GuideTitle)}</h1>
            <Show when=has_matrix fallback=|| view! { <LookupNotYet/> }>
                {with_progress(|progress| view! { <GuideBody progress/> })}
            </Show>
        </section>
    }
}

#[component]
fn GuideBody(progress: RwSignal<Progress>) -> impl IntoView {
    let ctx = ctx();
    let guide = RwSignal::new(Guide::default());
    // The answer card once every question is answered, in the current language.
    let result = Memo::new(move |_| {
        let class = guide.with(Guide::class)?;
        let lang = ctx.lang.get();
        let sector = progress.with(|p| p.sector);
        with_matrix(|_, m| places_card(&m.card_for_class(&class, sector), None, lang))
            .map(|rows| (class, rows))
    });
    let origins = Signal::derive(move || {
        let mut list = security_origin();
        result.with(|r| list.extend(r.iter().flat_map(|(_, rows)| rows.origins.iter().cloned())));
        list
    });
    let answer = move |q: Question, yes: bool| {
        guide.update(|g| *g = g.answer(q, yes));
        focus_later("#guide-step");
    };
    let asked = move || {
        let answered = guide.get().answered();
        (!answered.is_empty()).then(|| {
            view! {
                <h2>{tr(T::YourAnswers)}</h2>
                <dl class="facts guide-answers">
                    {answered.into_iter().map(|(q, yes)| {
                        let (text, _) = question_text(q);
                        view! {
                            <dt>{tr(text)}</dt>
                            <dd>{tr(if yes { T::Yes } else { T::No })}" "
                                <button type="button" class="link edit" on:click=move |_| {
                                    guide.update(|g| *g = g.reopen(q));
                                    focus_later("#guide-step");
                                }>{tr(T::Edit)}</button>
                            </dd>
                        }
                    }).collect_view()}
                </dl>
            }
        })
    };
    let step = move || {
        let g = guide.get();
        if let Some(q) = g.next() {
            let (text, hint) = question_text(q);
            return view! {
                <fieldset class="question">
                    <legend id="guide-step" tabindex="-1">{tr(text)}</legend>
                    <p class="hint">{tr(hint)}</p>
                    <div class="answer-buttons">
                        <button type="button" class="button" on:click=move |_| answer(q, true)>{tr(T::Yes)}</button>
                        <button type="button" class="button" on:click=move |_| answer(q, false)>{tr(T::No)}</button>
                    </div>
                </fieldset>
            }
            .into_any();
        }
        let Some((class, rows)) = result.get() else {
            return ().into_any();
        };
        let lang = ctx.lang.get();
        let words = class_words(&class, lang);
        view! {
            <h2 id="guide-step" tabindex="-1">{T::GuideResult.in_(lang)}</h2>
            <p class="tag" data-testid="guidance-label">{T::GuideLabel.in_(lang)}</p>
            <AnswerCard rows lang/>
            <details class="why" data-testid="why">
                <summary>{T::CardWhy.in_(lang)}</summary>
                <h2>{T::CardAssessed.in_(lang)}</h2>
                <ul class="class-words" data-testid="class">
                    {words.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                </ul>
            </details>
            <p><button type="button" class="button" on:click=move |_| guide.set(Guide::default())>
                {T::StartOver.in_(lang)}
            </button></p>
        }
        .into_any()
    };
    let done = move || guide.with(|g| g.next().is_none());
    view! {
        {move || (!done()).then(|| view! { <p class="hint">{tr(T::GuideIntro)}</p> })}
        {step}
        {asked}
        <SecurityNotice folded=true/>
        <PageSources origins/>
    }
}
