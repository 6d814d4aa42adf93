//! What a screen reads from the phone (IndexedDB): a signal that is `None` until the first
//! read is in, and keeps the last value while a newer read runs.

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

/// Runs `read` at once, and again whenever a signal that `read` itself reads changes (not
/// one read inside the future it returns, which runs later); the latest read wins, an
/// older one that finishes later is dropped. What Leptos' `LocalResource` (with
/// `Transition`) did for these screens, without its async machinery, which the compiler
/// copied for every value type (BENCHMARKS.md: the size).
pub fn load<T, F>(read: impl Fn() -> F + 'static) -> ReadSignal<Option<T>>
where
    T: Send + Sync + 'static,
    F: Future<Output = T> + 'static,
{
    let value = RwSignal::new(None);
    let latest = Rc::new(Cell::new(0u64));
    Effect::new(move |_| {
        let reading = read();
        let this = latest.get() + 1;
        latest.set(this);
        let latest = latest.clone();
        spawn_local(async move {
            let read = reading.await;
            // The screen may be gone (the signal with it), or a newer read under way.
            if latest.get() == this {
                value.try_set(Some(read));
            }
        });
    });
    value.read_only()
}
