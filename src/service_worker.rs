//! Registers the service worker, tells the UI when a new version waits, and asks the
//! browser to keep our storage (`navigator.storage.persist()`).

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = "
export function register_sw(on_waiting) {
  if (!('serviceWorker' in navigator)) return;
  let reloading = false;
  // Only reload for a takeover the user asked for; a first install must not reload the page.
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (window.__vaksamUpdateRequested && !reloading) { reloading = true; window.location.reload(); }
  });
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).then((reg) => {
    const watch = (worker) => {
      if (!worker) return;
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) on_waiting();
      });
    };
    if (reg.waiting && navigator.serviceWorker.controller) on_waiting();
    watch(reg.installing);
    reg.addEventListener('updatefound', () => watch(reg.installing));
    // Look for a new version now and then while the app stays open.
    setInterval(() => reg.update().catch(() => {}), 60 * 60 * 1000);
  }).catch((e) => console.warn('service worker registration failed', e));
}
export function apply_update() {
  window.__vaksamUpdateRequested = true;
  navigator.serviceWorker.getRegistration().then((reg) => {
    if (reg && reg.waiting) reg.waiting.postMessage({ type: 'SKIP_WAITING' });
    else window.location.reload();
  });
}
export async function persist_storage() {
  if (!navigator.storage || !navigator.storage.persist) return null;
  if (await navigator.storage.persisted()) return true;
  return await navigator.storage.persist();
}
")]
extern "C" {
    fn register_sw(on_waiting: &js_sys::Function);
    /// Lets the waiting version take over; the page reloads when it has.
    pub fn apply_update();
    fn persist_storage() -> js_sys::Promise;
}

/// Registers the worker; `update_ready` turns true when a new version waits.
pub fn register(update_ready: RwSignal<bool>) {
    let on_waiting = Closure::<dyn Fn()>::new(move || update_ready.set(true));
    register_sw(on_waiting.as_ref().unchecked_ref());
    on_waiting.forget();
}

/// Asks for persistent storage; `Some(false)` when refused, `None` when the browser cannot say.
pub async fn request_persistence() -> Option<bool> {
    let value = wasm_bindgen_futures::JsFuture::from(persist_storage())
        .await
        .ok()?;
    value.as_bool()
}
