//! The always-visible sync line.
//!
//! Offline is a normal state: what waits is safe on the phone, so it is told calmly (a
//! clock, no red, no "!"). Red is kept for what needs the user: a refused record, a
//! phone that must enroll again, storage that fails.

use crate::components::icon::{Icon, IconSvg};
use crate::ctx;
use crate::i18n::{self, T};
use crate::sync::SyncStatus;
use crate::tr;
use leptos::prelude::*;

/// How the line looks: `data-state` on the box.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Look {
    Ok,
    Sending,
    Waiting,
    Problem,
}

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
    // The browser's own idea of the network, for the wording (the engine decides on its own).
    let online = RwSignal::new(sync.browser_online());
    let on = window_event_listener(leptos::ev::online, move |_| online.set(true));
    let off = window_event_listener(leptos::ev::offline, move |_| online.set(false));
    // What "Skicka nu" answered while offline; cleared when the network is back.
    let told_offline = RwSignal::new(false);
    Effect::new(move |_| {
        if online.get() && told_offline.get_untracked() {
            told_offline.set(false);
        }
    });
    on_cleanup(move || {
        if let Some(h) = handle {
            h.clear();
        }
        on.remove();
        off.remove();
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
                T::refused_waiting(lang, sync.refused.get())
            }
            _ if waiting == 0 => T::AllSent.in_(lang).to_owned(),
            SyncStatus::Failed {
                reason: i18n::FailReason::NoContact,
                ..
            } if !online.get() => i18n::waiting(lang, waiting, true, reports),
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
            SyncStatus::Idle => i18n::waiting(lang, waiting, !online.get(), reports),
        }
    };
    let look = move || match sync.status.get() {
        SyncStatus::Sending => Look::Sending,
        SyncStatus::NeedsEnrollment => Look::Problem,
        SyncStatus::Failed {
            reason: i18n::FailReason::Storage(_),
            ..
        } => Look::Problem,
        _ if sync.waiting.get() == 0 && sync.refused.get() > 0 => Look::Problem,
        _ if sync.waiting.get() == 0 => Look::Ok,
        // Offline, a busy server, a server that does not answer: the items are safe and go
        // by themselves later. Nothing for the user to fix.
        _ => Look::Waiting,
    };
    let state = move || match look() {
        Look::Ok => "ok",
        Look::Sending => "sending",
        Look::Waiting => "waiting",
        Look::Problem => "problem",
    };
    let icon = move || match look() {
        Look::Ok => view! { <IconSvg icon=Icon::Check/> }.into_any(),
        Look::Sending => view! { <span>"↻"</span> }.into_any(),
        Look::Waiting => view! { <IconSvg icon=Icon::Clock/> }.into_any(),
        Look::Problem => view! { <span>"!"</span> }.into_any(),
    };
    let waiting_offline = move || look() == Look::Waiting && !online.get();
    let send_now = move |_| {
        let offline = !online.get_untracked();
        if told_offline.get_untracked() != offline {
            // Nothing can go offline; say so instead of a tap that seems to do nothing.
            told_offline.set(offline);
        }
        if !offline {
            sync.send_now();
        }
    };
    view! {
        <div class="sync-status" data-state=state>
            <span class="sync-icon" aria-hidden="true">{icon}</span>
            <div class="sync-text">
                <p role="status" aria-live="polite" data-testid="sync-status">{text}</p>
                <Show when=waiting_offline>
                    <p class="sync-detail">{tr(T::SyncSavedOffline)}</p>
                </Show>
                <p class="sync-detail" role="status" data-testid="send-now-answer">
                    {move || told_offline.get().then(|| ctx.t(T::SendNowOffline))}
                </p>
            </div>
            <Show when=move || sync.status.get() == SyncStatus::NeedsEnrollment>
                <a class="button small" href="/enroll">{tr(T::EnrollAgain)}</a>
            </Show>
            <Show when=move || {
                sync.waiting.get() > 0 && !matches!(sync.status.get(), SyncStatus::Sending | SyncStatus::NeedsEnrollment)
            }>
                <button type="button" class="button small" on:click=send_now>
                    {tr(T::SendNow)}
                </button>
            </Show>
        </div>
    }
}
