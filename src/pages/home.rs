//! The home screen: the five functions as large buttons and the sync status.

use crate::components::SyncStatusLine;
use crate::ctx;
use crate::i18n::T;
use leptos::prelude::*;
use leptos_router::components::A;

/// One function tile: a large link with a hint.
#[component]
fn Tile(title: T, hint: T, href: &'static str) -> impl IntoView {
    let ctx = ctx();
    view! {
        <li>
            <A href=href attr:class="tile">
                <span class="tile-title">{move || ctx.t(title)}</span>
                <span class="tile-hint">{move || ctx.t(hint)}</span>
            </A>
        </li>
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
    let sign_title = move || {
        ctx.sync
            .pack
            .with(|p| {
                p.as_ref()
                    .map(|p| crate::components::source::pick(&p.undertaking.title))
            })
            .unwrap_or_else(|| ctx.t(T::FnSign).to_owned())
    };
    view! {
        <section class="page">
            <h1>{move || ctx.t(T::AppName)}</h1>
            <p class="lead">{move || ctx.t(T::Tagline)}</p>
            <p class="who">{who}</p>
            <SyncStatusLine/>
            <crate::components::SignStatusLine/>
            <crate::components::TrainingStatusLine/>
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
                <Tile title=T::FnReport hint=T::FnReportHint href="/report"/>
                <Tile title=T::FnMyReports hint=T::FnMyReportsHint href="/reports"/>
                <Tile title=T::FnClassify hint=T::FnClassifyHint href="/lookup"/>
                <li>
                    // The pack names what is signed ("Bekräftelse", "Ansvarsförbindelse").
                    <A href="/sign" attr:class="tile">
                        <span class="tile-title">{sign_title}</span>
                        <span class="tile-hint">{move || ctx.t(T::FnSignHint)}</span>
                    </A>
                </li>
                <Tile title=T::FnPolicy hint=T::FnPolicyHint href="/policy"/>
                <Tile title=T::FnQuiz hint=T::FnQuizHint href="/quiz"/>

            </ul>
        </section>
    }
}
