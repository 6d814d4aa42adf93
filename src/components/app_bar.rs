//! The top bar on every screen: a way back (installed apps have no browser back button),
//! the municipality's name and the settings button.

use crate::components::icon::{Icon, IconSvg};
use crate::ctx;
use crate::i18n::T;
use crate::router::{use_location, use_navigate};
use crate::tr;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// The screen a "Tillbaka" leads to from `path` when there is no in-app page to go back
/// to (a deep link, a fresh start of the installed app); `None` on home.
pub fn parent(path: &str) -> Option<String> {
    let path = path.trim_end_matches('/');
    if path.is_empty() {
        return None;
    }
    if path.starts_with("/lookup/") {
        Some("/lookup".to_owned())
    } else if let Some(report) = path
        .strip_prefix("/reports/")
        .and_then(|rest| rest.strip_suffix("/add"))
    {
        Some(format!("/reports/{report}"))
    } else if path.starts_with("/reports/") {
        Some("/reports".to_owned())
    } else {
        // "/report/saved/x" leads home too: the report is sent, going "back" into the form
        // would only offer to write it again.
        Some("/".to_owned())
    }
}

/// Screens shown after something is done (sent, signed, added): "Tillbaka" goes to the
/// parent, never back into the finished form.
fn after_done(path: &str, search: &str) -> bool {
    path.starts_with("/report/saved/") || path == "/signed" || search.contains("added=")
}

#[wasm_bindgen(inline_js = "
const KEY = 'vaksamIdx';
function idx() {
  const s = window.history.state;
  return s && typeof s === 'object' && typeof s[KEY] === 'number' ? s[KEY] : 0;
}
function tag(state, i) {
  const s = state && typeof state === 'object' ? Object.assign({}, state) : {};
  s[KEY] = i;
  return s;
}
export function track_history() {
  if (window.__vaksamHistory) return;
  window.__vaksamHistory = true;
  const h = window.history;
  const push = h.pushState.bind(h);
  const replace = h.replaceState.bind(h);
  h.pushState = (state, title, url) => push(tag(state, idx() + 1), title, url);
  h.replaceState = (state, title, url) => replace(tag(state, idx()), title, url);
}
export function in_app_back() { return idx() > 0; }
")]
extern "C" {
    /// Numbers the history entries this page adds (`history.state.vaksamIdx`, kept across
    /// replaces and reloads), so that "Tillbaka" knows whether the entry before is ours.
    fn track_history();
    /// Whether the entry before the current one was opened inside the app.
    fn in_app_back() -> bool;
}

/// The top bar. Before enrollment it shows only the name: there is nowhere to go back
/// to and nothing to set but the language, which the enrollment screen offers first.
#[component]
pub fn AppBar() -> impl IntoView {
    let ctx = ctx();
    let location = use_location();
    let navigate = use_navigate();
    let enrolled = move || matches!(ctx.enrollment.get(), Some(Some(_)));
    track_history();
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
                            let done = location.pathname.with_untracked(|p| {
                                location.search.with_untracked(|q| after_done(p, q))
                            });
                            if !done && in_app_back() {
                                // Back to where the employee was: the search with its
                                // words, the report they added to.
                                if let Ok(history) = window().history() {
                                    let _ = history.back();
                                }
                            } else if let Some(to) = back_to.get_untracked() {
                                navigate(&to, Default::default());
                            }
                        }
                    }
                >
                    <span class="mirror" aria-hidden="true">"‹"</span>" "
                    {tr(T::Back)}
                </button>
            </Show>
            <a href="/" class="brand">
                <span class="brand-name">{tr(T::AppName)}</span>
                {move || municipality().map(|m| view! { <span class="brand-place">{m}</span> })}
            </a>
            <Show when=enrolled>
                <a href="/settings" class="icon-button" aria-label=tr(T::Settings)>
                    <IconSvg icon=Icon::Sliders/>
                </a>
            </Show>
        </header>
    }
}
