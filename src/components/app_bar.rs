//! The top bar on every screen: a way back (installed apps have no browser back button),
//! the municipality's name and the settings button.

use crate::components::icon::{Icon, IconSvg};
use crate::ctx;
use crate::i18n::T;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};

/// The screen a "Tillbaka" leads to from `path`, derived from the path alone so that it
/// works on a deep link and in an installed app; `None` on home.
pub fn parent(path: &str) -> Option<&'static str> {
    let path = path.trim_end_matches('/');
    if path.is_empty() {
        return None;
    }
    if path.starts_with("/lookup/") {
        Some("/lookup")
    } else if path.starts_with("/reports/") {
        Some("/reports")
    } else {
        // "/report/saved/x" leads home too: the report is sent, going "back" into the form
        // would only offer to write it again.
        Some("/")
    }
}

/// The top bar. Before enrollment it shows only the name: there is nowhere to go back
/// to and nothing to set but the language, which the enrollment screen offers first.
#[component]
pub fn AppBar() -> impl IntoView {
    let ctx = ctx();
    let location = use_location();
    let navigate = use_navigate();
    let enrolled = move || matches!(ctx.enrollment.get(), Some(Some(_)));
    let back_to = Memo::new(move |_| location.pathname.with(|p| parent(p)));
    let municipality = move || {
        ctx.enrollment.with(|e| {
            e.as_ref()
                .and_then(|e| e.as_ref())
                .map(|e| e.municipality_name.clone())
        })
    };
    view! {
        <header class="topbar">
            <Show when=move || enrolled() && back_to.get().is_some()>
                <button
                    type="button"
                    class="back"
                    data-testid="back"
                    on:click={
                        let navigate = navigate.clone();
                        move |_| {
                            if let Some(to) = back_to.get_untracked() {
                                navigate(to, Default::default());
                            }
                        }
                    }
                >
                    <span aria-hidden="true">"‹ "</span>
                    {move || ctx.t(T::Back)}
                </button>
            </Show>
            <A href="/" attr:class="brand">
                <span class="brand-name">{move || ctx.t(T::AppName)}</span>
                {move || municipality().map(|m| view! { <span class="brand-place">{m}</span> })}
            </A>
            <Show when=enrolled>
                <A href="/settings" attr:class="icon-button" attr:aria-label=move || ctx.t(T::Settings)>
                    <IconSvg icon=Icon::Sliders/>
                </A>
            </Show>
        </header>
    }
}
