//! The language picker (enrollment and settings): each language in its own name, with a
//! quiet note where no native speaker has reviewed the translation yet.

use crate::i18n::{Lang, T};
use crate::tr;
use crate::{ctx, set_lang};
use leptos::prelude::*;

/// Radio buttons for the UI language.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let ctx = ctx();
    let option = move |lang: Lang| {
        let note = (!lang.reviewed()).then(|| {
            view! { <span class="lang-review" data-testid="not-reviewed">{tr(T::LanguageNotReviewed)}</span> }
        });
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="lang"
                    value=lang.tag()
                    prop:checked=move || ctx.lang.get() == lang
                    on:change=move |_| set_lang(lang)
                />
                <span>
                    <span lang=lang.tag() dir=lang.dir()>{lang.own_name()}</span>
                    {note}
                </span>
            </label>
        }
    };
    view! {
        <fieldset class="field">
            <legend>{tr(T::Language)}</legend>
            {Lang::ALL.into_iter().map(option).collect_view()}
            <Show when=move || ctx.lang_failed.get().is_some()>
                <p class="notice" role="alert" data-testid="language-failed">{tr(T::LanguageFailed)}</p>
            </Show>
        </fieldset>
    }
}
