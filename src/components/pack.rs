//! What a screen shows while the phone has no content pack yet.

use crate::i18n::T;
use crate::tr;
use leptos::prelude::*;

/// Shown where a screen needs the pack and the phone has none yet.
#[component]
pub fn NoPackYet() -> impl IntoView {
    view! { <p class="notice" data-testid="no-pack">{tr(T::PolicyNotYet)}</p> }
}
