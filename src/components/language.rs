//! The language picker (enrollment and settings).

use crate::i18n::{Lang, T};
use crate::{ctx, set_lang};
use leptos::prelude::*;

/// Radio buttons for the UI language.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let ctx = ctx();
    let option = move |lang: Lang, label: &'static str| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="lang"
                    prop:checked=move || ctx.lang.get() == lang
                    on:change=move |_| set_lang(lang)
                />
                <span lang=lang.tag()>{label}</span>
            </label>
        }
    };
    view! {
        <fieldset class="field">
            <legend>{move || ctx.t(T::Language)}</legend>
            {option(Lang::Sv, "Svenska")}
            {option(Lang::En, "English")}
        </fieldset>
    }
}
