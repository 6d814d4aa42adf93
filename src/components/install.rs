//! Installing Vaksam: the browser's own install prompt where it offers one
//! (`beforeinstallprompt`, caught by a small script in `index.html` so that an early event
//! is not lost), and on iPhone and iPad a short "Lägg till på hemskärmen" guide, since
//! Safari offers no prompt and may delete a site's data after seven days without use.

use crate::components::icon::{Icon, IconSvg};
use crate::i18n::T;
use crate::tr;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

const IOS_GUIDE_HIDDEN_KEY: &str = "vaksam.iosGuideHidden";

#[wasm_bindgen(inline_js = "
export function install_offered() { return !!window.__vaksamInstall; }
export function on_install_change(cb) { window.addEventListener('vaksam-installable', () => cb()); }
export async function prompt_install() {
  const e = window.__vaksamInstall;
  if (!e) return false;
  window.__vaksamInstall = null;
  window.dispatchEvent(new Event('vaksam-installable'));
  await e.prompt();
  const choice = e.userChoice ? await e.userChoice : null;
  return !!choice && choice.outcome === 'accepted';
}
export function ios_browser_tab() {
  const ua = navigator.userAgent || '';
  const ios = /iPhone|iPad|iPod/.test(ua) || (ua.includes('Macintosh') && navigator.maxTouchPoints > 1);
  const standalone = navigator.standalone === true || window.matchMedia('(display-mode: standalone)').matches;
  return ios && !standalone;
}
")]
extern "C" {
    fn install_offered() -> bool;
    fn on_install_change(cb: &js_sys::Function);
    fn prompt_install() -> js_sys::Promise;
    fn ios_browser_tab() -> bool;
}

thread_local! {
    /// Whether the browser offers to install Vaksam right now: one signal for the whole
    /// app, fed by one `vaksam-installable` listener added on the first visit to home.
    static OFFERED: ArcRwSignal<bool> = {
        let offered = ArcRwSignal::new(install_offered());
        let set = offered.clone();
        let changed = Closure::<dyn Fn()>::new(move || {
            let now = install_offered();
            if set.get_untracked() != now {
                set.set(now);
            }
        });
        on_install_change(changed.as_ref().unchecked_ref());
        // One listener for the life of the page, not one per visit.
        changed.forget();
        offered
    };
}

/// Whether the browser offers to install Vaksam right now (tracked).
fn offered() -> ArcReadSignal<bool> {
    OFFERED.with(|o| o.read_only())
}

/// "Installera Vaksam" where the browser offers it; the iOS guide in Safari on an iPhone.
#[component]
pub fn InstallCard() -> impl IntoView {
    let offered = offered();
    let ios = ios_browser_tab();
    let ios_hidden = RwSignal::new({
        use gloo_storage::Storage;
        gloo_storage::LocalStorage::get::<bool>(IOS_GUIDE_HIDDEN_KEY).unwrap_or(false)
    });
    let install = move |_| {
        leptos::task::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(prompt_install()).await;
        });
    };
    let hide_ios = move |_| {
        use gloo_storage::Storage;
        let _ = gloo_storage::LocalStorage::set(IOS_GUIDE_HIDDEN_KEY, true);
        ios_hidden.set(true);
    };
    view! {
        <Show when=move || offered.get()>
            <section class="card install" aria-labelledby="install-title" data-testid="install-card">
                <h2 id="install-title"><IconSvg icon=Icon::Download/>{tr(T::InstallTitle)}</h2>
                <p>{tr(T::InstallText)}</p>
                <button type="button" class="button primary" on:click=install>{tr(T::InstallButton)}</button>
            </section>
        </Show>
        <Show when=move || ios && !ios_hidden.get()>
            <section class="card install" aria-labelledby="ios-install-title" data-testid="ios-install">
                <h2 id="ios-install-title"><IconSvg icon=Icon::Share/>{tr(T::IosInstallTitle)}</h2>
                <p>{tr(T::IosInstallSteps)}</p>
                <p class="hint">{tr(T::IosInstallWhy)}</p>
                <button type="button" class="button small" on:click=hide_ios>{tr(T::Hide)}</button>
            </section>
        </Show>
    }
}
