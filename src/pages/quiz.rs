//! Repeat training (DESIGN.md §3): about five questions, one per screen, each answered with
//! its explanation at once (the employee's own answer beside the right one), then a result
//! that lists what went wrong. The session is the page's draft (`use_persisted_draft`), so a
//! reload offers to continue it; the result goes through the outbox with the new progress.

use crate::components::source::{falls_back, in_swedish_note, Origin};
use crate::components::{
    focus_later, use_persisted_draft, DraftNotSaved, NoPackYet, PageSources, PersistedDraft,
    SectorChoice, SyncStatusLine,
};
use crate::i18n::{self, Lang, T};
use crate::store::outbox::OutboxEntry;
use crate::store::training::{self, SavedSession};
use crate::tr;
use crate::{clock, ctx};
use leptos::prelude::*;
use vaksam_core::bank::Question;
use vaksam_core::quiz::{Bank, CourseStatus, Progress, QuizAnswer, QuizResult, Session};
use vaksam_core::Pack;

/// Whether some questions are asked only of some sectors (then the sector matters).
fn asks_sector(bank: &Bank) -> bool {
    bank.questions.iter().any(|q| !q.sectors.is_empty())
}

/// A finished round as the result screen shows it.
#[derive(Debug, Clone, PartialEq)]
struct Finished {
    answers: Vec<QuizAnswer>,
    status: CourseStatus,
}

/// What the quiz screen shows; the question's options read the draft themselves, so
/// ticking one does not redraw the screen.
#[derive(Debug, Clone, PartialEq)]
enum Phase {
    /// Reading the phone's storage.
    Loading,
    /// "Var arbetar du?" first.
    Sector,
    /// A round was under way when the page opened: continue it or start over.
    Resume { at: usize, of: usize },
    /// No round: the start screen.
    Start,
    /// Question `index` of the round.
    Question(usize),
    /// The answer to question `index` and why.
    Feedback(usize),
    /// The round is over.
    Done(Finished),
}

/// The text of a question's hint, unless the question already says it ("Välj alla som
/// stämmer." ends many multiple-choice scenarios).
fn hint_for(lang: Lang, question: &Question) -> Option<&'static str> {
    let hint = if question.is_multiple() {
        T::QuizChooseAll
    } else {
        T::QuizChooseOne
    }
    .in_(lang);
    let scenario = question.scenario.get(lang.tag()).trim().to_lowercase();
    (!scenario.ends_with(&hint.to_lowercase())).then_some(hint)
}

/// The policy section a question points to: its anchor id and title.
fn section_of(pack: &Pack, question: &Question, lang: Lang) -> Option<(String, String)> {
    let id = question.section.as_ref()?;
    let s = pack.policy.sections.iter().find(|s| s.id == *id)?;
    Some((s.id.clone(), s.title.get(lang.tag()).to_owned()))
}

/// The round's question at `index`.
fn question_at(pack: &Pack, saved: &SavedSession, index: usize) -> Option<Question> {
    let bank = pack.quiz.as_ref()?;
    let id = saved.session.questions.get(index)?;
    bank.question(id).cloned()
}

/// Saves a finished round: its result into the outbox, the new progress, the end of the
/// session draft, in one transaction.
async fn save_round(result: QuizResult, progress: Progress) -> bool {
    let now = result.finished_at;
    match OutboxEntry::for_quiz(clock::new_record_id(), &result, now) {
        Ok(entry) => training::finish(&entry, &progress).await.is_ok(),
        Err(_) => false,
    }
}

/// The quiz.
#[component]
pub fn QuizPage() -> impl IntoView {
    let ctx = ctx();
    let draft = use_persisted_draft::<Option<SavedSession>>(training::SESSION_KEY);
    let stored_progress =
        crate::load::load(|| async { training::progress().await.unwrap_or_default() });
    let progress = RwSignal::new(Progress::default());
    let progress_loaded = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(p) = stored_progress.get() {
            if progress.with_untracked(|old| *old != p) {
                progress.set(p);
            }
            progress_loaded.set(true);
        }
    });
    let finished = RwSignal::new(None::<Finished>);
    // A round found on opening is shown as "Fortsätt" until the employee chooses.
    let continued = RwSignal::new(false);
    let error = RwSignal::new(None::<T>);
    // When the current question was shown (ms since the epoch), for the answer's time.
    let shown_at = StoredValue::new(js_sys::Date::now());

    let phase = Memo::new(move |_| {
        if !draft.is_loaded() || !progress_loaded.get() {
            return Phase::Loading;
        }
        if let Some(done) = finished.get() {
            return Phase::Done(done);
        }
        let asks = ctx.sync.pack.with(|p| {
            p.as_ref()
                .and_then(|p| p.quiz.as_ref())
                .is_some_and(asks_sector)
        });
        draft.value.with(|saved| match saved {
            None if asks && progress.with(|p| p.sector.is_none()) => Phase::Sector,
            None => Phase::Start,
            Some(s) if draft.had_draft() == Some(true) && !continued.get() => Phase::Resume {
                at: (s.session.answers.len() + 1).min(s.session.questions.len()),
                of: s.session.questions.len(),
            },
            Some(s) if s.reviewing => Phase::Feedback(s.session.answers.len().saturating_sub(1)),
            Some(s) => Phase::Question(s.session.answers.len()),
        })
    });

    let start = move |practice: bool| {
        let started = ctx.sync.pack.with_untracked(|p| {
            p.as_ref()
                .and_then(|p| Session::start(p, &progress.get_untracked(), practice, clock::now()))
        });
        if let Some(session) = started {
            shown_at.set_value(js_sys::Date::now());
            error.set(None);
            finished.set(None);
            continued.set(true);
            draft.resume();
            draft.value.set(Some(SavedSession {
                session,
                picked: Vec::new(),
                reviewing: false,
            }));
            focus_later("#question");
        }
    };
    let start_over = move || {
        continued.set(true);
        draft.discard();
        focus_later("#quiz-start");
    };
    let go_on = move || {
        continued.set(true);
        shown_at.set_value(js_sys::Date::now());
        focus_later("#question, #feedback");
    };
    let answer = move || {
        let Some(mut saved) = draft.value.get_untracked() else {
            return;
        };
        if saved.picked.is_empty() {
            error.set(Some(T::QuizPickSomething));
            focus_later("#quiz-error");
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
            draft.value.set(Some(saved));
            focus_later("#feedback");
            scroll_top();
        }
    };
    let finish = Action::new_local(
        move |(result, updated, status): &(QuizResult, Progress, CourseStatus)| {
            let (result, updated, status) = (result.clone(), updated.clone(), *status);
            async move {
                let answers = result.answers.clone();
                save_round(result, updated.clone())
                    .await
                    .then_some((updated, Finished { answers, status }))
            }
        },
    );
    let next = move || {
        let Some(mut saved) = draft.value.get_untracked() else {
            return;
        };
        if !saved.session.is_finished() {
            saved.reviewing = false;
            shown_at.set_value(js_sys::Date::now());
            draft.value.set(Some(saved));
            focus_later("#question");
            scroll_top();
            return;
        }
        let mut updated = progress.get_untracked();
        let now = clock::now();
        let finished_round = ctx.sync.pack.with_untracked(|p| {
            let p = p.as_ref()?;
            let result = saved.session.finish(p, &mut updated, now)?;
            let status = updated.status(p.quiz.as_ref()?, p.training.interval_months, now);
            Some((result, status))
        });
        if let Some((result, status)) = finished_round {
            error.set(None);
            draft.stop();
            finish.dispatch_local((result, updated, status));
        }
    };
    Effect::new(move |_| match finish.value().get() {
        Some(Some((updated, done))) => {
            progress.set(updated);
            finished.set(Some(done));
            // Stopped: the round's transaction already deleted the stored session.
            draft.value.set(None);
            leptos::task::spawn_local(ctx.sync.saved());
            focus_later("#question");
            scroll_top();
        }
        // Nothing was saved: the session stays stored and on screen; try again.
        Some(None) => {
            draft.resume();
            error.set(Some(T::QuizSaveFailed));
        }
        None => {}
    });

    let body = move || {
        // Drawn again in the other language when it changes.
        ctx.lang.track();
        let Some(pack) = ctx.sync.pack.get() else {
            return view! { <NoPackYet/> }.into_any();
        };
        if pack.quiz.is_none() {
            return view! { <p class="notice">{tr(T::QuizNoBank)}</p> }.into_any();
        }
        match phase.get() {
            Phase::Loading => view! { <p class="loading" aria-busy="true">"…"</p> }.into_any(),
            Phase::Sector => view! { <SectorChoice progress/> }.into_any(),
            Phase::Resume { at, of } => view! {
                <div class="resume" data-testid="quiz-resume">
                    <p>{move || T::quiz_resume_note(ctx.lang.get(), at, of)}</p>
                    <div class="actions">
                        <button type="button" class="button primary big" on:click=move |_| go_on()>
                            {tr(T::QuizContinueButton)}
                        </button>
                        <button type="button" class="button" on:click=move |_| start_over()>
                            {tr(T::QuizStartOver)}
                        </button>
                    </div>
                </div>
            }
            .into_any(),
            Phase::Start => {
                let due = Session::start(&pack, &progress.get(), false, clock::now()).is_some();
                let status = pack.quiz.as_ref().map(|bank| {
                    progress.with(|p| p.status(bank, pack.training.interval_months, clock::now()))
                });
                view! {
                    <p>{tr(T::QuizIntro)}</p>
                    {status.map(|s| view! {
                        <p class="quiet" data-testid="training-status">{move || i18n::course_status(ctx.lang.get(), s)}</p>
                    })}
                    <button type="button" id="quiz-start" class="button primary big" on:click=move |_| start(!due)>
                        {tr(if due { T::QuizStart } else { T::QuizPractice })}
                    </button>
                }
                .into_any()
            }
            Phase::Question(index) => {
                let saved = draft.value.get_untracked();
                match saved.as_ref().and_then(|s| question_at(&pack, s, index)) {
                    Some(question) => {
                        let of = saved.map_or(0, |s| s.session.questions.len());
                        view! { <QuestionView question index of draft on_answer=answer/> }
                            .into_any()
                    }
                    None => ().into_any(),
                }
            }
            Phase::Feedback(index) => {
                let saved = draft.value.get_untracked();
                let found = saved.as_ref().and_then(|s| {
                    Some((
                        question_at(&pack, s, index)?,
                        s.session.answers.get(index)?.clone(),
                    ))
                });
                match (saved, found) {
                    (Some(saved), Some((question, given))) => {
                        let of = saved.session.questions.len();
                        let last = saved.session.is_finished();
                        let section = section_of(&pack, &question, ctx.lang.get_untracked());
                        view! {
                            <FeedbackView question given index of last section
                                pending=finish.pending() on_next=next/>
                        }
                        .into_any()
                    }
                    _ => ().into_any(),
                }
            }
            Phase::Done(done) => match pack.quiz.clone() {
                Some(bank) => {
                    view! { <ResultView done bank on_practice=move || start(true)/> }.into_any()
                }
                None => ().into_any(),
            },
        }
    };
    // The sources of what is on screen: the question asked or answered, or the ones the
    // result lists as wrong.
    let origins = move || {
        let ids: Vec<String> = match phase.get() {
            Phase::Question(i) | Phase::Feedback(i) => draft.value.with_untracked(|s| {
                s.as_ref()
                    .and_then(|s| s.session.questions.get(i).cloned())
                    .into_iter()
                    .collect()
            }),
            Phase::Done(done) => done
                .answers
                .iter()
                .filter(|a| !a.correct)
                .map(|a| a.question.clone())
                .collect(),
            _ => Vec::new(),
        };
        ctx.sync.pack.with(|p| {
            let Some(bank) = p.as_ref().and_then(|p| p.quiz.as_ref()) else {
                return Vec::new();
            };
            ids.iter()
                .filter_map(|id| bank.question(id))
                .map(Origin::of)
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="page quiz">
            <h1>{tr(T::FnQuiz)}</h1>
            {body}
            <Show when=move || error.get().is_some()>
                <p id="quiz-error" class="error" role="alert" tabindex="-1">
                    {move || error.get().map(|e| ctx.t(e))}
                </p>
            </Show>
            <DraftNotSaved failed=draft.failed/>
            <PageSources origins=Signal::derive(origins)/>
        </section>
    }
}

/// Brings the top of the page into view (a new question, an answer's feedback).
fn scroll_top() {
    request_animation_frame(|| window().scroll_to_with_x_and_y(0.0, 0.0));
}

/// One question: the scenario, the options as whole-row choices, and "Svara".
#[component]
fn QuestionView(
    question: Question,
    index: usize,
    of: usize,
    draft: PersistedDraft<Option<SavedSession>>,
    on_answer: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let ctx = ctx();
    let lang = ctx.lang.get_untracked();
    let tag = lang.tag();
    let mut texts = vec![&question.scenario];
    texts.extend(question.options.iter().map(|o| &o.text));
    let in_swedish = falls_back(lang, &texts);
    let multiple = question.is_multiple();
    let hint = hint_for(lang, &question);
    let options = question
        .options
        .iter()
        .map(|o| {
            let id = o.id.clone();
            let text = o.text.get(tag).to_owned();
            let checked = {
                let id = id.clone();
                move || {
                    draft
                        .value
                        .with(|s| s.as_ref().is_some_and(|s| s.picked.contains(&id)))
                }
            };
            let toggle = move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                draft.value.update(|s| {
                    let Some(s) = s else { return };
                    if multiple {
                        s.picked.retain(|p| *p != id);
                        if on {
                            s.picked.push(id.clone());
                        }
                    } else {
                        s.picked = vec![id.clone()];
                    }
                });
            };
            view! {
                <label class="choice">
                    <input type=if multiple { "checkbox" } else { "radio" }
                        name="quiz-option" prop:checked=checked on:change=toggle/>
                    <span>{text}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <p class="progress">{T::step_of(lang, index + 1, of)}</p>
        <fieldset class="field question">
            <legend id="question" tabindex="-1">{question.scenario.get(tag).to_owned()}</legend>
            {(hint.is_some() || in_swedish).then(|| view! {
                <p class="hint">{hint}" "{in_swedish.then(|| in_swedish_note(lang))}</p>
            })}
            {options}
        </fieldset>
        <div class="actions sticky-actions">
            <button type="button" class="button primary big" on:click=move |_| on_answer()>{tr(T::QuizAnswer)}</button>
        </div>
    }
}

/// The answer to a question: right or not, every option with the employee's own choice
/// and the right ones marked, why, and "Nästa fråga" kept in view.
#[component]
fn FeedbackView(
    question: Question,
    given: QuizAnswer,
    index: usize,
    of: usize,
    last: bool,
    section: Option<(String, String)>,
    #[prop(into)] pending: Signal<bool>,
    on_next: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let ctx = ctx();
    let lang = ctx.lang.get_untracked();
    let tag = lang.tag();
    let right = given.correct;
    let mut texts = vec![&question.scenario, &question.explanation];
    texts.extend(question.options.iter().map(|o| &o.text));
    let in_swedish = falls_back(lang, &texts);
    let options = question
        .options
        .iter()
        .map(|o| {
            let chosen = given.chosen.contains(&o.id);
            let class = match (o.correct, chosen) {
                (true, _) => "answer-option right",
                (false, true) => "answer-option wrong",
                (false, false) => "answer-option",
            };
            view! {
                <li class=class data-chosen=chosen.to_string() data-correct=o.correct.to_string()>
                    <span class="option-text">{o.text.get(tag).to_owned()}</span>
                    <span class="option-marks">
                        {chosen.then(|| view! { <span class="mark chosen">{T::QuizYourAnswer.in_(lang)}</span> })}
                        {o.correct.then(|| view! { <span class="mark right"><span aria-hidden="true">"✓ "</span>{T::QuizRightAnswer.in_(lang)}</span> })}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="progress">{T::step_of(lang, index + 1, of)}</p>
        <p class="scenario">{question.scenario.get(tag).to_owned()}</p>
        <div id="feedback" tabindex="-1" class=if right { "feedback right" } else { "feedback wrong" } data-testid="feedback">
            <p class="feedback-verdict">
                <span aria-hidden="true">{if right { "✓ " } else { "✕ " }}</span>
                {if right { T::QuizRight.in_(lang) } else { T::QuizWrong.in_(lang) }}
            </p>
            <ul class="answer-options" data-testid="answer-options">{options}</ul>
            <p>{question.explanation.get(tag).to_owned()}</p>
            {in_swedish.then(|| in_swedish_note(lang))}
            {section.map(|(id, title)| view! {
                <p><a href=format!("/policy#section-{id}") data-testid="read-in-policy">
                    {T::ReadInPolicy.in_(lang)}": "{title}
                </a></p>
            })}
        </div>
        <div class="actions sticky-actions">
            <button type="button" class="button primary big" data-testid="quiz-next"
                disabled=move || pending.get() on:click=move |_| on_next()>
                {if last { T::QuizSeeResult.in_(lang) } else { T::QuizNext.in_(lang) }}
            </button>
        </div>
    }
}

/// The round's result: the score, the course's status, what went wrong with the right
/// answer, and "Öva 5 till".
#[component]
fn ResultView(
    done: Finished,
    bank: Bank,
    on_practice: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let ctx = ctx();
    let lang = ctx.lang.get_untracked();
    let tag = lang.tag();
    let right = done.answers.iter().filter(|a| a.correct).count();
    let total = done.answers.len();
    let wrong: Vec<_> = done
        .answers
        .iter()
        .filter(|a| !a.correct)
        .filter_map(|a| {
            let q = bank.question(&a.question)?;
            let pick = |ids: &mut dyn Iterator<Item = &vaksam_core::bank::Choice>| {
                ids.map(|o| o.text.get(tag).to_owned())
                    .collect::<Vec<_>>()
                    .join(" · ")
            };
            let yours = pick(&mut q.options.iter().filter(|o| a.chosen.contains(&o.id)));
            let correct = pick(&mut q.options.iter().filter(|o| o.correct));
            Some((q.id.clone(), q.scenario.get(tag).to_owned(), yours, correct))
        })
        .collect();
    let ok = matches!(done.status, CourseStatus::Done { .. });
    view! {
        <h2 id="question" tabindex="-1">{T::QuizResultTitle.in_(lang)}</h2>
        <p class="score" data-testid="score">{T::score(lang, right, total)}</p>
        <p class=if ok { "ok" } else { "notice" }>{i18n::course_status(lang, done.status)}</p>
        {(!wrong.is_empty()).then(|| view! {
            <h3>{T::QuizWrongList.in_(lang)}</h3>
            <ul class="wrong-list" data-testid="wrong-list">
                {wrong.into_iter().map(|(id, scenario, yours, correct)| view! {
                    <li data-question=id>
                        <p class="scenario">{scenario}</p>
                        <p>{T::QuizYourAnswer.in_(lang)}": "{yours}</p>
                        <p class="ok">{T::QuizRightAnswer.in_(lang)}": "{correct}</p>
                    </li>
                }).collect_view()}
            </ul>
        })}
        <SyncStatusLine/>
        <div class="actions">
            <button type="button" class="button primary big" data-testid="practice-more" on:click=move |_| on_practice()>
                {T::QuizPracticeMore.in_(lang)}
            </button>
            <a href="/" class="button">{tr(T::ToHome)}</a>
        </div>
    }
}
