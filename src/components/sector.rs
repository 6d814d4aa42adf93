//! "Var arbetar du?": the employee's sector, asked once and kept with the training progress.

use crate::ctx;
use crate::i18n::{self, T};
use crate::store::training;
use crate::tr;
use leptos::prelude::*;
use leptos::task::spawn_local;
use vaksam_core::classification::Sector;
use vaksam_core::quiz::Progress;

/// The three answers to "Var arbetar du?"; "Annat arbete" is `General` (chosen, and only
/// the questions for everyone), unlike `None` (not asked yet).
const SECTORS: [(Sector, T); 3] = [
    (Sector::HomeCare, T::SectorCare),
    (Sector::School, T::SectorSchool),
    (Sector::General, T::SectorOther),
];

/// "Var arbetar du?": one tap keeps the answer in the employee's progress, so the course is
/// the questions for everyone plus their sector's. Shown once before the quiz, and in settings.
#[component]
pub fn SectorChoice(
    progress: RwSignal<Progress>,
    /// On the settings screen (the hint then does not point to settings).
    #[prop(optional)]
    in_settings: bool,
) -> impl IntoView {
    let ctx = ctx();
    let failed = RwSignal::new(None::<crate::store::StoreErrorKind>);
    let choose = move |sector: Sector| {
        let before = progress.get_untracked();
        let mut after = before.clone();
        after.sector = Some(sector);
        progress.set(after.clone());
        spawn_local(async move {
            match training::save_progress(&after).await {
                Ok(()) => failed.set(None),
                Err(e) => {
                    progress.set(before);
                    failed.set(Some(e.kind));
                }
            }
        });
    };
    view! {
        <fieldset class="field sector" data-testid="sector">
            <legend>{tr(T::SectorQuestion)}</legend>
            <p class="hint">{tr(if in_settings { T::SectorHintSettings } else { T::SectorHint })}</p>
            <div class="sector-choices">
                {SECTORS.into_iter().map(|(sector, label)| {
                    let chosen = move || progress.with(|p| p.sector) == Some(sector);
                    view! {
                        <button type="button" class="button" aria-pressed=move || chosen().to_string()
                            on:click=move |_| choose(sector)>
                            <span aria-hidden="true">{move || if chosen() { "✓ " } else { "" }}</span>
                            {tr(label)}
                        </button>
                    }
                }).collect_view()}
            </div>
            {move || failed.get().map(|kind| view! {
                <p class="error" role="alert">{i18n::storage_problem(ctx.lang.get(), kind)}</p>
            })}
        </fieldset>
    }
}
