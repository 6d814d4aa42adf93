//! Whole-app notices: a new version, a database outdated or blocked by another tab, no usable storage.

use crate::i18n::{self, T};
use crate::tr;
use crate::{ctx, service_worker};
use leptos::prelude::*;

/// "A new version is available – Uppdatera".
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ctx = ctx();
    view! {
        <Show when=move || ctx.update_ready.get()>
            <div class="banner" role="status">
                <span>{tr(T::UpdateAvailable)}</span>
                <button type="button" class="button small" on:click=move |_| service_worker::apply_update()>
                    {tr(T::UpdateNow)}
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
                <span>{tr(T::DbOutdated)}</span>
                <button type="button" class="button small" on:click=move |_| {
                    let _ = window().location().reload();
                }>{tr(T::Reload)}</button>
            </div>
        </Show>
    }
}

/// Opening the database waits for another tab that holds an older version open.
#[component]
pub fn DbBlocked() -> impl IntoView {
    view! {
        <section class="page" role="alert">
            <h1>{tr(T::DbBlockedTitle)}</h1>
            <p>{tr(T::DbBlockedText)}</p>
        </section>
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
            <h1>{tr(T::NoStorageTitle)}</h1>
            <p>{text}</p>
        </section>
    }
}
