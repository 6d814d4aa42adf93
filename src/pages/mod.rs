//! The screens, one module each; what several screens show is in `crate::components`.

pub mod enroll;
pub mod home;
pub mod incident;
pub mod lookup;
pub mod policy;
pub mod quiz;
pub mod reports;
pub mod settings;

use crate::i18n::T;
use crate::tr;
use leptos::prelude::*;

/// Unknown route.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="page">
            <h1>{tr(T::NotFoundTitle)}</h1>
            <p><a href="/">{tr(T::NotFoundText)}</a></p>
        </section>
    }
}
