//! Pieces every form uses: field errors tied to their field, the draft's auto-save and its failure, focus.

use crate::ctx;
use crate::i18n::{self, T};
use leptos::prelude::*;
use vaksam_core::validation::FieldError;

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
