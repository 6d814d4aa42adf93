//! Settings: language, where the employee works (for the training), this phone's enrollment
//! and storage protection.

use crate::components::LanguagePicker;
use crate::ctx;
use crate::i18n::T;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The settings screen.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let ctx = ctx();
    let enrollment = move || ctx.enrollment.get().flatten();
    // The sector (kept with the training progress) is offered once the progress is read.
    let loaded = RwSignal::new(vaksam_core::quiz::Progress::default());
    let progress = RwSignal::new(None::<()>);
    spawn_local(async move {
        if let Ok(p) = crate::store::training::progress().await {
            loaded.set(p);
            progress.set(Some(()));
        }
    });
    view! {
        <section class="page">
            <h1>{move || ctx.t(T::SettingsTitle)}</h1>
            <LanguagePicker/>
            {move || progress.get().map(|_| view! { <crate::components::SectorChoice progress=loaded in_settings=true/> })}
            <h2>{move || ctx.t(T::Device)}</h2>
            <dl class="facts">
                <dt>{move || ctx.t(T::Employee)}</dt>
                <dd>{move || enrollment().map(|e| e.employee_name).unwrap_or_default()}</dd>
                <dt>{move || ctx.t(T::Municipality)}</dt>
                <dd>{move || enrollment().map(|e| format!("{} ({})", e.municipality_name, e.kommunkod)).unwrap_or_default()}</dd>
            </dl>
            <p class="notice" data-testid="persist-status">
                {move || match ctx.persisted.get() {
                    Some(true) => ctx.t(T::StoragePersisted),
                    Some(false) => ctx.t(T::StorageNotPersisted),
                    None => ctx.t(T::StorageUnknown),
                }}
            </p>
        </section>
    }
}
