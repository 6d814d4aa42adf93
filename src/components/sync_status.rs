//! The always-visible sync line.

use crate::ctx;
use crate::i18n::{self, T};
use crate::sync::SyncStatus;
use leptos::prelude::*;

/// The always-visible sync line, with "Skicka nu" while something waits.
#[component]
pub fn SyncStatusLine() -> impl IntoView {
    let ctx = ctx();
    let sync = ctx.sync;
    let now = RwSignal::new(js_sys::Date::now());
    // Keep the "trying again in N s" countdown current.
    let handle = set_interval_with_handle(
        move || now.set(js_sys::Date::now()),
        std::time::Duration::from_secs(1),
    )
    .ok();
    on_cleanup(move || {
        if let Some(h) = handle {
            h.clear();
        }
    });
    let text = move || {
        let lang = ctx.lang.get();
        let waiting = sync.waiting.get();
        let reports = sync.waiting_reports_only.get();
        match sync.status.get() {
            SyncStatus::Sending => T::Sending.in_(lang).to_owned(),
            SyncStatus::NeedsEnrollment => T::NeedsEnrollAgain.in_(lang).to_owned(),
            // A storage problem is told even when nothing waits: a receipt may not have
            // fitted, and the next report will not either.
            SyncStatus::Failed {
                reason: i18n::FailReason::Storage(kind),
                ..
            } => match waiting {
                0 => i18n::storage_problem(lang, kind).to_owned(),
                n => format!(
                    "{} {}",
                    i18n::storage_problem(lang, kind),
                    i18n::waiting(lang, n, false, reports)
                ),
            },
            _ if waiting == 0 && sync.refused.get() > 0 => {
                i18n::refused_waiting(lang, sync.refused.get())
            }
            _ if waiting == 0 => T::AllSent.in_(lang).to_owned(),
            SyncStatus::Failed {
                reason: i18n::FailReason::NoContact,
                ..
            } if !sync.browser_online() => i18n::waiting(lang, waiting, true, reports),
            SyncStatus::Failed {
                reason,
                retry_at_ms,
            } => {
                let secs = ((retry_at_ms - now.get()) / 1000.0).ceil().max(0.0) as u64;
                // Two sentences: what waits, then why it did not go.
                format!(
                    "{}. {}",
                    i18n::waiting(lang, waiting, false, reports),
                    i18n::send_failed(lang, &reason.in_(lang), Some(secs))
                )
            }
            SyncStatus::Idle => i18n::waiting(lang, waiting, !sync.browser_online(), reports),
        }
    };
    let state = move || match sync.status.get() {
        SyncStatus::Sending => "sending",
        SyncStatus::NeedsEnrollment => "problem",
        SyncStatus::Failed {
            reason: i18n::FailReason::Storage(_),
            ..
        } => "problem",
        _ if sync.waiting.get() == 0 && sync.refused.get() > 0 => "problem",
        _ if sync.waiting.get() == 0 => "ok",
        SyncStatus::Failed { .. } => "problem",
        _ => "waiting",
    };
    let icon = move || match state() {
        "ok" => "✓",
        "sending" => "↻",
        "problem" => "!",
        _ => "…",
    };
    view! {
        <div class="sync-status" data-state=state>
            <span class="sync-icon" aria-hidden="true">{icon}</span>
            <p role="status" aria-live="polite" data-testid="sync-status">{text}</p>
            <Show when=move || sync.status.get() == SyncStatus::NeedsEnrollment>
                <a class="button small" href="/enroll">{move || ctx.t(T::EnrollAgain)}</a>
            </Show>
            <Show when=move || {
                sync.waiting.get() > 0 && !matches!(sync.status.get(), SyncStatus::Sending | SyncStatus::NeedsEnrollment)
            }>
                <button type="button" class="button small" on:click=move |_| sync.send_now()>
                    {move || ctx.t(T::SendNow)}
                </button>
            </Show>
        </div>
    }
}
