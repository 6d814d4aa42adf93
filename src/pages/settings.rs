//! Settings: language, where the employee works (for the training and the lookup), this
//! phone's enrollment, storage protection, what Vaksam keeps about the employee, the version.

use crate::components::{LanguagePicker, SectorChoice};
use crate::ctx;
use crate::i18n::T;
use crate::tr;
use leptos::prelude::*;

/// The settings screen.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let ctx = ctx();
    let enrollment = move || ctx.enrollment.get().flatten();
    // The sector is kept with the training progress; offered once the progress is read.
    let progress = crate::load::load(|| async { crate::store::training::progress().await.ok() });
    let persisted = move || match ctx.persisted.get() {
        // A positive fact is said as one, not in warning yellow.
        Some(true) => ("ok", T::StoragePersisted),
        Some(false) => ("notice", T::StorageNotPersisted),
        None => ("plain", T::StorageUnknown),
    };
    view! {
        <section class="page settings">
            <h1>{tr(T::SettingsTitle)}</h1>
            <LanguagePicker/>
            {move || {
                progress
                    .get()
                    .flatten()
                    .map(|p| view! { <SectorChoice progress=RwSignal::new(p) in_settings=true/> })
            }}
            <h2>{tr(T::Device)}</h2>
            <dl class="facts">
                <dt>{tr(T::Employee)}</dt>
                <dd>{move || enrollment().map(|e| e.employee_name).unwrap_or_default()}</dd>
                <dt>{tr(T::Municipality)}</dt>
                <dd>{move || enrollment().map(|e| e.municipality_name).unwrap_or_default()}</dd>
                <dt>{tr(T::AppVersion)}</dt>
                <dd data-testid="app-version">{env!("CARGO_PKG_VERSION")}</dd>
            </dl>
            <h2>{tr(T::StorageTitle)}</h2>
            <p class=move || persisted().0 data-testid="persist-status">
                {move || persisted().1.in_(ctx.lang.get())}
            </p>
            <h2>{tr(T::PrivacyTitle)}</h2>
            <p data-testid="privacy">{tr(T::PrivacyText)}</p>
        </section>
    }
}
