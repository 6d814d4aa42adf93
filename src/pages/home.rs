//! The home screen: the five functions as large buttons and the sync status.

use super::SyncStatusLine;
use crate::ctx;
use crate::i18n::T;
use leptos::prelude::*;
use leptos_router::components::A;

/// One function tile: a link when built, a labelled placeholder when not.
#[component]
fn Tile(title: T, hint: T, href: Option<&'static str>) -> impl IntoView {
    let ctx = ctx();
    match href {
        Some(href) => view! {
            <li>
                <A href=href attr:class="tile">
                    <span class="tile-title">{move || ctx.t(title)}</span>
                    <span class="tile-hint">{move || ctx.t(hint)}</span>
                </A>
            </li>
        }
        .into_any(),
        None => view! {
            <li>
                <div class="tile tile-coming">
                    <span class="tile-title">{move || ctx.t(title)}</span>
                    <span class="tile-hint">{move || ctx.t(hint)}</span>
                    <span class="tag">{move || ctx.t(T::ComingSoon)}</span>
                </div>
            </li>
        }
        .into_any(),
    }
}

/// Start page.
#[component]
pub fn HomePage() -> impl IntoView {
    let ctx = ctx();
    let who = move || {
        ctx.enrollment
            .get()
            .flatten()
            .map(|e| format!("{} · {}", e.employee_name, e.municipality_name))
            .unwrap_or_default()
    };
    view! {
        <section class="page">
            <h1>{move || ctx.t(T::AppName)}</h1>
            <p class="lead">{move || ctx.t(T::Tagline)}</p>
            <p class="who">{who}</p>
            <SyncStatusLine/>
            <super::policy::SignStatusLine/>
            <super::quiz::TrainingStatusLine/>
            <Show when=move || {
                // Browsers may evict the data of sites left unused for days (Safari: 7).
                const THREE_DAYS_MS: f64 = 3.0 * 24.0 * 3600.0 * 1000.0;
                ctx.sync.oldest_waiting_ms.get().is_some_and(|t| js_sys::Date::now() - t > THREE_DAYS_MS)
            }>
                <p class="notice" role="alert">{move || ctx.t(T::OldUnsentWarning)}</p>
            </Show>
            <Show when=move || ctx.persisted.get() == Some(false)>
                <p class="notice">{move || ctx.t(T::StorageNotPersisted)}</p>
            </Show>
            <ul class="tiles">
                <Tile title=T::FnReport hint=T::FnReportHint href=Some("/report")/>
                <Tile title=T::FnMyReports hint=T::FnMyReportsHint href=Some("/reports")/>
                <Tile title=T::FnClassify hint=T::FnClassifyHint href=Some("/lookup")/>
                <Tile title=T::FnSign hint=T::FnSignHint href=Some("/sign")/>
                <Tile title=T::FnPolicy hint=T::FnPolicyHint href=Some("/policy")/>
                <Tile title=T::FnQuiz hint=T::FnQuizHint href=Some("/quiz")/>

            </ul>
        </section>
    }
}
