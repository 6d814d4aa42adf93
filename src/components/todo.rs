//! What the employee still has to do: sign the current policy, take the training.

use crate::i18n::{self, T};
use crate::store::training;
use crate::tr;
use crate::{clock, ctx};
use leptos::prelude::*;
use vaksam_core::quiz::CourseStatus;
use vaksam_core::signature::{signing_status, SigningStatus};

/// Where the employee stands with the current pack.
pub fn status() -> Option<SigningStatus> {
    let ctx = ctx();
    let last = ctx.sync.signature.get();
    ctx.sync.pack.with(|p| {
        p.as_ref()
            .map(|p| signing_status(last.as_ref().map(|l| &l.record), p))
    })
}

/// A short line and link about signing, for the home and policy screens.
#[component]
pub fn SignStatusLine(
    /// The link to sign names what is signed, as the pack calls it ("Läs och skriv under:
    /// Bekräftelse"): on home, where nothing else says it.
    #[prop(optional)]
    named: bool,
) -> impl IntoView {
    let ctx = ctx();
    let title = move || {
        ctx.sync.pack.with(|p| {
            p.as_ref()
                .map(|p| crate::components::source::pick(&p.undertaking.title))
        })
    };
    move || {
        let (text, class, link, href) = match status()? {
            SigningStatus::NotSigned => (T::SignStatusNone, "notice", T::SignAgainButton, "/sign"),
            SigningStatus::SignAgain { .. } => {
                (T::SignStatusAgain, "notice", T::SignAgainButton, "/sign")
            }
            SigningStatus::Current => (T::SignStatusCurrent, "ok", T::ViewReceipt, "/signed"),
        };
        Some(view! {
            <p class=class data-testid="sign-status">
                {tr(text)}" "
                <a href=href>
                    {tr(link)}
                    {move || {
                        (named && href == "/sign")
                            .then(title)
                            .flatten()
                            .map(|t| format!(": {t}"))
                    }}
                </a>
            </p>
        })
    }
}

/// The status line for home and the quiz start: when training is due, and a nudge when
/// it is overdue or not started.
#[component]
pub fn TrainingStatusLine() -> impl IntoView {
    let ctx = ctx();
    let progress = crate::load::load(|| async { training::progress().await.unwrap_or_default() });
    move || {
        let progress = progress.get()?;
        let lang = ctx.lang.get();
        ctx.sync.pack.with(|p| {
            let p = p.as_ref()?;
            let bank = p.quiz.as_ref()?;
            let status = progress.status(bank, p.training.interval_months, clock::now());
            let nudge = !matches!(status, CourseStatus::Done { .. });
            let class = if nudge { "notice" } else { "ok" };
            Some(view! {
                <p class=class data-testid="training-status">
                    {i18n::course_status(lang, status)}" "
                    {nudge.then(|| view! { <a href="/quiz">{tr(T::QuizStart)}</a> })}
                </p>
            })
        })
    }
}

/// Home's one compact "Att göra" card: signing and training, each one line with its link.
#[component]
pub fn TodoCard() -> impl IntoView {
    view! {
        <section class="card todo" aria-labelledby="todo-title" data-testid="todo">
            <h2 id="todo-title">{tr(T::HomeTodo)}</h2>
            <SignStatusLine named=true/>
            <TrainingStatusLine/>
        </section>
    }
}
