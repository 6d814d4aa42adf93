//! What a screen shows while the phone has no content pack yet.

use crate::ctx;
use crate::i18n::T;
use leptos::prelude::*;

/// Shown where a screen needs the pack and the phone has none yet.
#[component]
pub fn NoPackYet() -> impl IntoView {
    let ctx = ctx();
    view! { <p class="notice" data-testid="no-pack">{move || ctx.t(T::PolicyNotYet)}</p> }
}
