//! The screens, one module each, and the small pieces several of them show.

pub mod enroll;
pub mod home;
pub mod incident;
pub mod lookup;
pub mod policy;
pub mod quiz;
pub mod reports;
pub mod settings;
pub mod source;

use crate::i18n::{self, T};
use crate::sync::SyncStatus;
use crate::{ctx, service_worker};
use leptos::prelude::*;
use vaksam_core::validation::FieldError;

/// "A new version is available – Uppdatera".
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ctx = ctx();
    view! {
        <Show when=move || ctx.update_ready.get()>
            <div class="banner" role="status">
                <span>{move || ctx.t(T::UpdateAvailable)}</span>
                <button type="button" class="button small" on:click=move |_| service_worker::apply_update()>
                    {move || ctx.t(T::UpdateNow)}
                </button>
            </div>
        </Show>
    }
}

/// "Vaksam har uppdaterats – ladda om": another tab opened a newer version of the
/// database, so this page closed its connection and can no longer save.
#[component]
pub fn OutdatedBanner() -> impl IntoView {
    let ctx = ctx();
    view! {
        <Show when=move || ctx.db.get() == Some(crate::store::DbEvent::Outdated)>
            <div class="banner" role="alert" data-testid="outdated">
                <span>{move || ctx.t(T::DbOutdated)}</span>
                <button type="button" class="button small" on:click=move |_| {
                    let _ = window().location().reload();
                }>{move || ctx.t(T::Reload)}</button>
            </div>
        </Show>
    }
}

/// "What you type could not be saved on this phone", with why; shown while the latest
/// auto-save of a form failed.
#[component]
pub fn DraftNotSaved(failed: RwSignal<Option<crate::store::StoreErrorKind>>) -> impl IntoView {
    let ctx = ctx();
    move || {
        failed.get().map(|kind| {
            view! {
                <p class="storage-problem" role="alert" data-testid="draft-not-saved">
                    {move || ctx.t(T::DraftNotSaved)}" "{move || i18n::storage_problem(ctx.lang.get(), kind)}
                </p>
            }
        })
    }
}

/// Saves a form's draft in the background; only the latest save's outcome reaches
/// `failed`, so an older save finishing late cannot hide a newer failure.
pub fn autosave<F>(
    generation: StoredValue<u64>,
    failed: RwSignal<Option<crate::store::StoreErrorKind>>,
    save: F,
) where
    F: std::future::Future<Output = crate::store::StoreResult<()>> + 'static,
{
    let mine = generation.get_value() + 1;
    generation.set_value(mine);
    leptos::task::spawn_local(async move {
        let saved = save.await;
        if generation.get_value() != mine {
            return;
        }
        match saved {
            Ok(()) => failed.set(None),
            Err(e) => {
                // Firefox leaves the connection read-only after a quota error.
                if e.kind == crate::store::StoreErrorKind::Quota {
                    crate::store::forget_connection();
                }
                failed.set(Some(e.kind));
            }
        }
    });
}

/// Opening the database waits for another tab that holds an older version open.
#[component]
pub fn DbBlocked() -> impl IntoView {
    let ctx = ctx();
    view! {
        <section class="page" role="alert">
            <h1>{move || ctx.t(T::DbBlockedTitle)}</h1>
            <p>{move || ctx.t(T::DbBlockedText)}</p>
        </section>
    }
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

/// Shown when IndexedDB cannot be written: private mode or disabled storage, a full
/// phone, or another failure, each in its own words.
#[component]
pub fn NoStorage(kind: crate::store::StoreErrorKind) -> impl IntoView {
    use crate::store::StoreErrorKind;
    let ctx = ctx();
    let text = move || match kind {
        StoreErrorKind::Unavailable => ctx.t(T::NoStorageText),
        other => i18n::storage_problem(ctx.lang.get(), other),
    };
    view! {
        <section class="page" role="alert">
            <h1>{move || ctx.t(T::NoStorageTitle)}</h1>
            <p>{text}</p>
        </section>
    }
}

/// Unknown route.
#[component]
pub fn NotFound() -> impl IntoView {
    let ctx = ctx();
    view! {
        <section class="page">
            <h1>{move || ctx.t(T::NotFoundTitle)}</h1>
            <p><a href="/">{move || ctx.t(T::NotFoundText)}</a></p>
        </section>
    }
}

/// Errors of one field (or of fields under a prefix), tied to it by id.
#[component]
pub fn FieldErrors(
    #[prop(into)] errors: Signal<Vec<FieldError>>,
    #[prop(into)] field: String,
) -> impl IntoView {
    let ctx = ctx();
    let id = format!("err-{}", field.replace('.', "-"));
    let prefix = format!("{field}.");
    let mine = move || {
        errors.with(|list| {
            list.iter()
                .filter(|e| e.field == field || e.field.starts_with(&prefix))
                .map(|e| i18n::field_error(ctx.lang.get(), e.code, &e.field))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div id=id class="errors" aria-live="polite">
            {move || mine().into_iter().map(|m| view! {
                <p class="error"><span class="error-mark" aria-hidden="true">"⚠ "</span>{m}</p>
            }).collect_view()}
        </div>
    }
}

/// Moves keyboard and screen-reader focus to the first element matching `selector`, after
/// the next frame (once the view has rendered it).
pub fn focus_later(selector: &'static str) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let el = document().query_selector(selector).ok().flatten();
        if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}
