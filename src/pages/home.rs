//! The home screen: one large "Rapportera" button first (visible without scrolling on a
//! 360×640 phone), the other functions as rows with icons, one compact to-do card, the
//! sync status, and the notices that matter (old unsent reports, storage, install).

use crate::components::{Icon, IconSvg, InstallCard, SyncStatusLine, TodoCard};
use crate::ctx;
use crate::i18n::T;
use crate::tr;
use leptos::prelude::*;

const STORAGE_NOTICE_HIDDEN_KEY: &str = "vaksam.storageNoticeHidden";

/// One function row: icon, title, hint, chevron; the whole row is the link.
#[component]
fn Row(title: T, hint: T, href: &'static str, icon: Icon) -> impl IntoView {
    view! {
        <li>
            <a href=href class="row">
                <IconSvg icon/>
                <span class="row-text">
                    <span class="row-title">{tr(title)}</span>
                    <span class="row-hint">{tr(hint)}</span>
                </span>
                <IconSvg icon=Icon::Chevron/>
            </a>
        </li>
    }
}

/// "Webbläsaren kan rensa osända rapporter…", until the user hides it.
#[component]
fn StorageNotice() -> impl IntoView {
    use gloo_storage::Storage;
    let ctx = ctx();
    let hidden = RwSignal::new(
        gloo_storage::LocalStorage::get::<bool>(STORAGE_NOTICE_HIDDEN_KEY).unwrap_or(false),
    );
    let hide = move |_| {
        let _ = gloo_storage::LocalStorage::set(STORAGE_NOTICE_HIDDEN_KEY, true);
        hidden.set(true);
    };
    view! {
        <Show when=move || ctx.persisted.get() == Some(false) && !hidden.get()>
            <div class="notice dismissible" data-testid="storage-notice">
                <p>{tr(T::StorageNotPersisted)}</p>
                <button type="button" class="button small" on:click=hide>{tr(T::Hide)}</button>
            </div>
        </Show>
    }
}

/// Start page.
#[component]
pub fn HomePage() -> impl IntoView {
    let ctx = ctx();
    let old_unsent = move || {
        // Browsers may evict the data of sites left unused for days (Safari: 7).
        const THREE_DAYS_MS: f64 = 3.0 * 24.0 * 3600.0 * 1000.0;
        ctx.sync
            .oldest_waiting_ms
            .get()
            .is_some_and(|t| js_sys::Date::now() - t > THREE_DAYS_MS)
    };
    view! {
        <section class="page home">
            // The top bar names the app and the municipality; the heading is for screen
            // readers' heading navigation only.
            <h1 class="visually-hidden">{tr(T::AppName)}</h1>
            <a href="/report" class="report-button">
                <IconSvg icon=Icon::Alert/>
                <span class="row-text">
                    <span class="report-title">{tr(T::FnReport)}</span>
                    <span class="report-hint">{tr(T::FnReportHint)}</span>
                </span>
            </a>
            <Show when=old_unsent>
                <p class="notice" role="alert">{tr(T::OldUnsentWarning)}</p>
            </Show>
            <nav aria-label=tr(T::HomeMore)>
                <ul class="rows">
                    <Row title=T::FnClassify hint=T::FnClassifyHint href="/lookup" icon=Icon::Search/>
                    <Row title=T::FnPolicy hint=T::FnPolicyHint href="/policy" icon=Icon::Book/>
                    <Row title=T::FnQuiz hint=T::FnQuizHint href="/quiz" icon=Icon::Award/>
                    <Row title=T::FnMyReports hint=T::FnMyReportsHint href="/reports" icon=Icon::FileText/>
                </ul>
            </nav>
            <TodoCard/>
            <SyncStatusLine/>
            <StorageNotice/>
            <InstallCard/>
        </section>
    }
}
