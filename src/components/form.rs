//! Pieces every form uses: the draft kept on the phone while the user types
//! ([`use_persisted_draft`]), its failure ([`DraftNotSaved`]), field errors tied to their
//! field, the error summary at the top of a form, and focus.
//!
//! # The draft helper
//!
//! ```ignore
//! // In the form's component (T: Serialize + DeserializeOwned + Clone + PartialEq + Default
//! // + Send + Sync, i.e. plain data):
//! let draft = use_persisted_draft::<SignatureDraft>(drafts::SIGNATURE_KEY);
//! // or, when a fresh form starts from something other than T::default():
//! let draft = use_persisted_draft_or(drafts::SIGNATURE_KEY, move || defaults_from_last_time());
//!
//! draft.value            // RwSignal<T>: read it in the view, write it on input
//! draft.is_loaded()      // false until the stored draft (or the fresh value) is in `value`
//! draft.had_draft()      // Some(true) when a stored draft was found ("Fortsätt"), once loaded
//! draft.failed           // RwSignal<Option<StoreErrorKind>>: <DraftNotSaved failed=draft.failed/>
//! draft.discard()        // forget the stored draft and start again from the fresh value
//! draft.stop()           // before the save transaction that deletes the draft ...
//! draft.resume()         // ... and again if that save failed (the draft is kept)
//! ```
//!
//! Invariants:
//! - The stored draft is read once (`crate::load::load`); until it is in, nothing is saved,
//!   so a slow read can never be overwritten by the empty form.
//! - Every change of `value` is saved (`drafts` store, under the key), only when it differs
//!   from what was last saved or loaded; the latest save wins: an older save finishing late
//!   cannot hide a newer failure (see [`autosave`]).
//! - After [`PersistedDraft::stop`] nothing is saved until [`PersistedDraft::resume`]: a
//!   form calls `stop()` as its save begins, so a keystroke during the save cannot bring
//!   the draft back after the save's transaction deleted it ("after a successful save the
//!   page stops auto-saving").

use crate::ctx;
use crate::i18n::{self, T};
use crate::store::{drafts, StoreErrorKind};
use crate::tr;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::rc::Rc;
use vaksam_core::validation::FieldError;

/// A form's draft kept in the `drafts` store while the user types; see the module docs.
pub struct PersistedDraft<T: 'static> {
    /// The draft as the form shows it.
    pub value: RwSignal<T>,
    /// The outcome of the latest save (or of the first read), for [`DraftNotSaved`].
    pub failed: RwSignal<Option<StoreErrorKind>>,
    /// `None` while loading; then whether a stored draft was found.
    found: RwSignal<Option<bool>>,
    key: StoredValue<String>,
    stopped: StoredValue<bool>,
    generation: StoredValue<u64>,
    /// What is known to be stored (`None`: nothing known yet).
    stored: StoredValue<Option<T>, LocalStorage>,
    fresh: StoredValue<Rc<dyn Fn() -> T>, LocalStorage>,
}

impl<T: 'static> Clone for PersistedDraft<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for PersistedDraft<T> {}

/// The draft under `key`, starting from `T::default()` when none is stored.
pub fn use_persisted_draft<T>(key: impl Into<String>) -> PersistedDraft<T>
where
    T: Serialize + DeserializeOwned + Clone + PartialEq + Default + Send + Sync + 'static,
{
    use_persisted_draft_or(key, T::default)
}

/// The draft under `key`, starting from `fresh()` when none is stored (and after
/// [`PersistedDraft::discard`]); `fresh` runs untracked, once the read is done.
pub fn use_persisted_draft_or<T>(
    key: impl Into<String>,
    fresh: impl Fn() -> T + 'static,
) -> PersistedDraft<T>
where
    T: Serialize + DeserializeOwned + Clone + PartialEq + Default + Send + Sync + 'static,
{
    let draft = PersistedDraft {
        value: RwSignal::new(T::default()),
        failed: RwSignal::new(None),
        found: RwSignal::new(None),
        key: StoredValue::new(key.into()),
        stopped: StoredValue::new(false),
        generation: StoredValue::new(0),
        stored: StoredValue::new_local(None),
        fresh: StoredValue::new_local(Rc::new(fresh) as Rc<dyn Fn() -> T>),
    };
    let read = crate::load::load(move || {
        let key = draft.key.get_value();
        async move { drafts::load::<T>(&key).await }
    });
    Effect::new(move |_| {
        let Some(read) = read.get() else { return };
        if draft.found.get_untracked().is_some() {
            return;
        }
        let (value, found) = match read {
            Ok(Some(saved)) => (saved, true),
            Ok(None) => (draft.fresh_value(), false),
            Err(e) => {
                draft.failed.set(Some(e.kind));
                (draft.fresh_value(), false)
            }
        };
        // A fresh form is not worth storing until the user changes it.
        draft.stored.set_value(Some(value.clone()));
        draft.set_if_changed(value);
        draft.found.set(Some(found));
    });
    Effect::new(move |_| {
        let value = draft.value.get();
        if draft.found.get_untracked().is_none() || draft.stopped.get_value() {
            return;
        }
        if draft.stored.with_value(|s| s.as_ref() == Some(&value)) {
            return;
        }
        draft.stored.set_value(Some(value.clone()));
        let key = draft.key.get_value();
        autosave(draft.generation, draft.failed, async move {
            drafts::save(&key, &value).await
        });
    });
    draft
}

impl<T> PersistedDraft<T>
where
    T: Serialize + DeserializeOwned + Clone + PartialEq + Default + Send + Sync + 'static,
{
    fn fresh_value(&self) -> T {
        self.fresh.with_value(|f| untrack(|| f()))
    }

    fn set_if_changed(&self, value: T) {
        if self.value.with_untracked(|v| *v != value) {
            self.value.set(value);
        }
    }

    /// Whether the stored draft (or the fresh value) is in [`Self::value`] (tracked).
    pub fn is_loaded(&self) -> bool {
        self.found.with(Option::is_some)
    }

    /// `None` while loading; then whether a stored draft was found (tracked). Stays as it
    /// was loaded: a form that offers "continue or start again" reads it once.
    pub fn had_draft(&self) -> Option<bool> {
        self.found.get()
    }

    /// Forgets the stored draft and puts the fresh value back in the form. Saving goes on
    /// with the next change (unless stopped).
    pub fn discard(&self) {
        let fresh = self.fresh_value();
        self.stored.set_value(Some(fresh.clone()));
        self.set_if_changed(fresh);
        let key = self.key.get_value();
        autosave(self.generation, self.failed, async move {
            drafts::delete(&key).await
        });
    }

    /// Saves nothing more until [`Self::resume`]; call it as the form's save (whose
    /// transaction deletes the draft) begins.
    pub fn stop(&self) {
        self.stopped.set_value(true);
        // A save still under way may not report into a form that has moved on.
        self.generation.update_value(|g| *g += 1);
    }

    /// Saves again: after a failed save, or when the form starts over (a new quiz round).
    /// What was deleted is treated as not stored, so the next change is saved.
    pub fn resume(&self) {
        self.stopped.set_value(false);
        self.stored.set_value(None);
    }
}

/// "What you type could not be saved on this phone", with why; shown while the latest
/// auto-save of a form failed.
#[component]
pub fn DraftNotSaved(failed: RwSignal<Option<StoreErrorKind>>) -> impl IntoView {
    let ctx = ctx();
    move || {
        failed.get().map(|kind| {
            view! {
                <p class="storage-problem" role="alert" data-testid="draft-not-saved">
                    {tr(T::DraftNotSaved)}" "{move || i18n::storage_problem(ctx.lang.get(), kind)}
                </p>
            }
        })
    }
}

/// Saves a form's draft in the background; only the latest save's outcome reaches
/// `failed`, so an older save finishing late cannot hide a newer failure.
pub fn autosave<F>(generation: StoredValue<u64>, failed: RwSignal<Option<StoreErrorKind>>, save: F)
where
    F: std::future::Future<Output = crate::store::StoreResult<()>> + 'static,
{
    let mine = generation.get_value() + 1;
    generation.set_value(mine);
    leptos::task::spawn_local(async move {
        let saved = save.await;
        if let Err(e) = &saved {
            // Firefox leaves the connection read-only after a quota error.
            if e.kind == StoreErrorKind::Quota {
                crate::store::forget_connection();
            }
        }
        // The form may be gone by now (the user left mid-save): its signals are disposed,
        // and there is no one left to tell.
        if generation.try_get_value() != Some(mine) {
            return;
        }
        match saved {
            Ok(()) => {
                if failed.try_with_untracked(Option::is_some) == Some(true) {
                    failed.try_set(None);
                }
            }
            Err(e) => {
                failed.try_set(Some(e.kind));
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
