//! The screens, one module each; what several screens show is in `crate::components`.

pub mod enroll;
pub mod home;
pub mod incident;
pub mod lookup;
pub mod policy;
pub mod quiz;
pub mod reports;
pub mod settings;

use crate::ctx;
use crate::i18n::T;
use leptos::prelude::*;

/// Unknown route.
#[component]
pub fn NotFound() -> impl IntoView {
    let ctx = ctx();
    view! {
        <section class="page">
            <h1>{move || ctx.t(T::NotFoundTitle)}</h1>
            <p><a href="/">{move || ctx.t(T::NotFoundText)}</a></p>
        </section>
    }
}
