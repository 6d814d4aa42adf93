//! Repeat training (DESIGN.md §3): about five questions, one per screen, each answered with
//! its explanation at once, then a summary. The session is saved after every step, so a
//! reload resumes it; the result goes through the outbox with the new progress.

use crate::components::source::{
    falls_back, in_swedish_note, AdviceMark, AdviceNote, Origin, SourceLine,
};
use crate::components::NoPackYet;
use crate::components::{SectorChoice, SyncStatusLine, TrainingStatusLine};
use crate::i18n::{self, T};
use crate::store::outbox::OutboxEntry;
use crate::store::training::{self, SavedSession};
use crate::{clock, ctx};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use vaksam_core::quiz::{Bank, CourseStatus, Progress, Session};
use vaksam_core::Pack;

/// Whether some questions are asked only of some sectors (then the sector matters).
fn asks_sector(bank: &Bank) -> bool {
    bank.questions.iter().any(|q| !q.sectors.is_empty())
}

/// What the quiz screen shows.
#[derive(Clone, PartialEq)]
enum Screen {
    /// Loading from IndexedDB.
    Loading,
    /// No session: the start screen.
    Start,
    /// A session under way.
    Running(SavedSession),
    /// Finished: right answers of total, and the course status after it.
    Done(usize, usize, CourseStatus),
}

/// The quiz.
#[component]
pub fn QuizPage() -> impl IntoView {
    let ctx = ctx();
    let screen = RwSignal::new(Screen::Loading);
    let progress = RwSignal::new(Progress::default());
    let error = RwSignal::new(None::<T>);
    // When the current question was shown (ms since the epoch), for the answer's time.
    let shown_at = StoredValue::new(js_sys::Date::now());

    spawn_local(async move {
        progress.set(training::progress().await.unwrap_or_default());
        screen.set(match training::session().await.ok().flatten() {
            Some(saved) => Screen::Running(saved),
            None => Screen::Start,
        });
    });

    let save = move |saved: SavedSession| {
        screen.set(Screen::Running(saved.clone()));
        spawn_local(async move {
            let _ = training::save_session(&saved).await;
        });
    };
    let start = move |practice: bool| {
        let started = ctx.sync.pack.with_untracked(|p| {
            p.as_ref()
                .and_then(|p| Session::start(p, &progress.get_untracked(), practice, clock::now()))
        });
        if let Some(session) = started {
            shown_at.set_value(js_sys::Date::now());
            save(SavedSession {
                session,
                picked: Vec::new(),
                reviewing: false,
            });
            crate::components::focus_later("#question");
        }
    };
    let answer = move |_| {
        let Screen::Running(mut saved) = screen.get_untracked() else {
            return;
        };
        if saved.picked.is_empty() {
            error.set(Some(T::QuizPickSomething));
            crate::components::focus_later("#quiz-error");
            return;
        }
        error.set(None);
        let ms = (js_sys::Date::now() - shown_at.get_value()).max(0.0) as u32;
        let picked = std::mem::take(&mut saved.picked);
        let answered = ctx.sync.pack.with_untracked(|p| {
            let bank = p.as_ref()?.quiz.as_ref()?;
            saved.session.answer(bank, picked, ms)
        });
        if answered.is_some() {
            saved.reviewing = true;
            save(saved);
            crate::components::focus_later("#feedback");
        }
    };
    let next = move |_| {
        let Screen::Running(mut saved) = screen.get_untracked() else {
            return;
        };
        if !saved.session.is_finished() {
            saved.reviewing = false;
            shown_at.set_value(js_sys::Date::now());
            save(saved);
            crate::components::focus_later("#question");
            return;
        }
        let now = clock::now();
        let mut updated = progress.get_untracked();
        let finished = ctx.sync.pack.with_untracked(|p| {
            let p = p.as_ref()?;
            let result = saved.session.finish(p, &mut updated, now)?;
            let status = updated.status(p.quiz.as_ref()?, p.training.interval_months, now);
            Some((result, status))
        });
        let Some((result, status)) = finished else {
            return;
        };
        let right = result.answers.iter().filter(|a| a.correct).count();
        let total = result.answers.len();
        spawn_local(async move {
            let saved_ok = match OutboxEntry::for_quiz(clock::new_record_id(), &result, now) {
                Ok(entry) => training::finish(&entry, &updated).await.is_ok(),
                Err(_) => false,
            };
            if saved_ok {
                progress.set(updated);
                screen.set(Screen::Done(right, total, status));
                ctx.sync.saved().await;
                crate::components::focus_later("#question");
            } else {
                error.set(Some(T::QuizSaveFailed));
            }
        });
    };

    let body = move || {
        let lang = ctx.lang.get();
        let Some(pack) = ctx.sync.pack.get() else {
            return view! { <NoPackYet/> }.into_any();
        };
        if pack.quiz.is_none() {
            return view! { <p class="notice">{move || ctx.t(T::QuizNoBank)}</p> }.into_any();
        }
        match screen.get() {
            Screen::Loading => view! { <p class="loading" aria-busy="true">"…"</p> }.into_any(),
            Screen::Start => {
                let asks = pack.quiz.as_ref().is_some_and(asks_sector);
                if asks && progress.with(|p| p.sector.is_none()) {
                    return view! { <SectorChoice progress/> }.into_any();
                }
                let due = Session::start(&pack, &progress.get(), false, clock::now()).is_some();
                view! {
                    <p>{move || ctx.t(T::QuizIntro)}</p>
                    <TrainingStatusLine/>
                    <button type="button" class="button primary" on:click=move |_| start(!due)>
                        {move || ctx.t(if due { T::QuizStart } else { T::QuizPractice })}
                    </button>
                }
                .into_any()
            }
            Screen::Running(saved) => running(&pack, saved, lang, answer, next, screen, save),
            Screen::Done(right, total, status) => view! {
                <h2 id="question" tabindex="-1">{move || ctx.t(T::QuizResultTitle)}</h2>
                <p class="score" data-testid="score">{i18n::score(lang, right, total)}</p>
                <p class=if matches!(status, CourseStatus::Done { .. }) { "ok" } else { "notice" }>
                    {i18n::course_status(lang, status)}
                </p>
                <p>{move || ctx.t(T::QuizSaved)}</p>
                <SyncStatusLine/>
                <p><A href="/" attr:class="button">{move || ctx.t(T::ToHome)}</A></p>
            }
            .into_any(),
        }
    };
    view! {
        <section class="page quiz">
            <h1>{move || ctx.t(T::FnQuiz)}</h1>
            {body}
            <Show when=move || error.get().is_some()>
                <p id="quiz-error" class="error" role="alert" tabindex="-1">
                    {move || error.get().map(|e| ctx.t(e))}
                </p>
            </Show>
        </section>
    }
}

/// One question, or its feedback once answered.
fn running(
    pack: &Pack,
    saved: SavedSession,
    lang: crate::i18n::Lang,
    answer: impl Fn(leptos::ev::MouseEvent) + Copy + 'static,
    next: impl Fn(leptos::ev::MouseEvent) + Copy + 'static,
    screen: RwSignal<Screen>,
    save: impl Fn(SavedSession) + Copy + 'static,
) -> AnyView {
    let ctx = ctx();
    let Some(bank) = pack.quiz.as_ref() else {
        return ().into_any();
    };
    let session = &saved.session;
    let index = if saved.reviewing {
        session.answers.len().saturating_sub(1)
    } else {
        session.answers.len()
    };
    let Some(question) = session
        .questions
        .get(index)
        .and_then(|id| bank.question(id))
    else {
        return ().into_any();
    };
    let progress_text = i18n::step_of(lang, index + 1, session.questions.len());
    let tag = lang.tag();
    let scenario = question.scenario.get(tag).to_owned();
    let section = question
        .section
        .as_ref()
        .and_then(|id| pack.policy.sections.iter().find(|s| s.id == *id))
        .map(|s| (s.id.clone(), s.title.get(tag).to_owned()));
    let origin = Origin::of(question);

    if saved.reviewing {
        let last = session.answers.last().cloned();
        let right = last.as_ref().is_some_and(|a| a.correct);
        let right_options: Vec<String> = question
            .options
            .iter()
            .filter(|o| o.correct)
            .map(|o| o.text.get(tag).to_owned())
            .collect();
        let explanation = question.explanation.get(tag).to_owned();
        let finished = session.is_finished();
        let mut texts = vec![&question.scenario, &question.explanation];
        texts.extend(question.options.iter().map(|o| &o.text));
        let in_swedish = falls_back(lang, &texts);
        return view! {
            <p class="progress">{progress_text}</p>
            <p class="scenario">{scenario}</p>
            <div id="feedback" tabindex="-1" class=if right { "feedback right" } else { "feedback wrong" } data-testid="feedback">
                <p class="feedback-verdict">
                    <span aria-hidden="true">{if right { "✓ " } else { "✕ " }}</span>
                    {move || ctx.t(if right { T::QuizRight } else { T::QuizWrong })}
                </p>
                <p>{move || ctx.t(T::QuizRightWas)}</p>
                <ul>{right_options.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}</ul>
                <p>{explanation}{origin.advice.then(|| view! { " " <AdviceMark/> })}</p>
                {in_swedish.then(|| in_swedish_note(lang))}
                <SourceLine origin=Origin { advice: false, ..origin.clone() }/>
                {section.map(|(id, title)| view! {
                    <p><a href=format!("/policy#section-{id}") data-testid="read-in-policy">
                        {move || ctx.t(T::ReadInPolicy)}": "{title}
                    </a></p>
                })}
            </div>
            <AdviceNote show=origin.advice/>
            <div class="actions">
                <button type="button" class="button primary" on:click=next>
                    {move || ctx.t(if finished { T::QuizSeeResult } else { T::QuizNext })}
                </button>
            </div>
        }
        .into_any();
    }

    let mut texts = vec![&question.scenario];
    texts.extend(question.options.iter().map(|o| &o.text));
    let in_swedish = falls_back(lang, &texts);
    let multiple = question.is_multiple();
    let hint = if multiple {
        T::QuizChooseAll
    } else {
        T::QuizChooseOne
    };
    let options = question
        .options
        .iter()
        .map(|o| {
            let id = o.id.clone();
            let input_id = format!("opt-{}", o.id);
            let text = o.text.get(tag).to_owned();
            let checked = saved.picked.contains(&id);
            let toggle = {
                let id = id.clone();
                move |ev: leptos::ev::Event| {
                    let on = event_target_checked(&ev);
                    let Screen::Running(mut s) = screen.get_untracked() else {
                        return;
                    };
                    if multiple {
                        s.picked.retain(|p| *p != id);
                        if on {
                            s.picked.push(id.clone());
                        }
                    } else {
                        s.picked = vec![id.clone()];
                    }
                    save(s);
                }
            };
            view! {
                <div class="choice">
                    <input type=if multiple { "checkbox" } else { "radio" } id=input_id.clone()
                        name="quiz-option" prop:checked=checked on:change=toggle/>
                    <label for=input_id>{text}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <p class="progress">{progress_text}</p>
        <fieldset class="field question">
            <legend id="question" tabindex="-1">{scenario}</legend>
            <p class="hint">{move || ctx.t(hint)}" "{in_swedish.then(|| in_swedish_note(lang))}</p>
            {options}
        </fieldset>
        <div class="actions">
            <button type="button" class="button primary" on:click=answer>{move || ctx.t(T::QuizAnswer)}</button>
        </div>
    }
    .into_any()
}
