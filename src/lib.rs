//! Vaksam's app: a Leptos client-side PWA that works offline and syncs through an outbox.
//!
//! The app decides nothing of its own: rules live in `vaksam-core`; this crate moves data
//! between the core, IndexedDB (`store`), the server (`api`, `sync`) and the DOM (`pages`).

pub mod api;
pub mod clock;
pub mod components;
pub mod crash;
pub mod i18n;
pub mod pages;
pub mod service_worker;
pub mod store;
pub mod sync;

use i18n::{Lang, T};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use store::device::Enrollment;

const LANG_KEY: &str = "vaksam.lang";

/// App-wide state, provided as context.
#[derive(Clone, Copy)]
pub struct AppCtx {
    /// UI language.
    pub lang: RwSignal<Lang>,
    /// This phone's enrollment, once loaded; `None` inside means not enrolled.
    pub enrollment: RwSignal<Option<Option<Enrollment>>>,
    /// Whether IndexedDB accepted a test write, or why not (`None` while checking).
    pub storage: RwSignal<Option<Result<(), store::StoreErrorKind>>>,
    /// The database opener's news: waiting for other tabs, or outdated by a newer tab.
    pub db: RwSignal<Option<store::DbEvent>>,
    /// Whether storage is persistent (`None`: unknown).
    pub persisted: RwSignal<Option<bool>>,
    /// A new app version waits.
    pub update_ready: RwSignal<bool>,
    /// The sync engine.
    pub sync: sync::Sync,
}

impl AppCtx {
    /// Translates a fixed text in the current language (tracked).
    pub fn t(&self, key: T) -> &'static str {
        key.in_(self.lang.get())
    }
}

/// The app context; every page lives under [`App`], which provides it.
pub fn ctx() -> AppCtx {
    expect_context::<AppCtx>()
}

fn saved_lang() -> Lang {
    use gloo_storage::Storage;
    gloo_storage::LocalStorage::get(LANG_KEY).unwrap_or_default()
}

/// Switches and remembers the language.
pub fn set_lang(lang: Lang) {
    use gloo_storage::Storage;
    let _ = gloo_storage::LocalStorage::set(LANG_KEY, lang);
    ctx().lang.set(lang);
}

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let ctx = AppCtx {
        lang: RwSignal::new(saved_lang()),
        enrollment: RwSignal::new(None),
        storage: RwSignal::new(None),
        db: RwSignal::new(None),
        persisted: RwSignal::new(None),
        update_ready: RwSignal::new(false),
        sync: sync::Sync::new(),
    };
    provide_context(ctx);
    store::on_db_event(move |event| {
        use store::DbEvent;
        let now = ctx.db.get_untracked();
        match event {
            DbEvent::Outdated => ctx.db.set(Some(DbEvent::Outdated)),
            DbEvent::Blocked if now != Some(DbEvent::Outdated) => ctx.db.set(Some(event)),
            DbEvent::Settled if now == Some(DbEvent::Blocked) => ctx.db.set(None),
            _ => {}
        }
    });
    service_worker::register(ctx.update_ready);
    // index.html's static "Vaksam startar…" frame stands in until the app mounts.
    if let Some(splash) = document().get_element_by_id("splash") {
        splash.remove();
    }
    Effect::new(move |_| {
        let tag = ctx.lang.get().tag();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", tag);
        }
    });
    spawn_local(async move {
        // Storage first: the engine, the enrollment and every screen depend on it.
        let checked = store::check_writable().await;
        let enrollment = match checked {
            Ok(()) => store::device::enrollment().await,
            Err(e) => Err(e),
        };
        match enrollment {
            Ok(enrollment) => {
                ctx.storage.set(Some(Ok(())));
                ctx.enrollment.set(Some(enrollment));
            }
            Err(e) => {
                ctx.storage.set(Some(Err(e.kind)));
                // A full phone can still send what waits, and sending only frees space:
                // start the engine behind the explanation whenever the enrollment reads.
                if e.kind != store::StoreErrorKind::Unavailable {
                    if let Ok(Some(enrollment)) = store::device::enrollment().await {
                        ctx.enrollment.set(Some(Some(enrollment)));
                        ctx.sync.start();
                    }
                }
                return;
            }
        }
        ctx.sync.start();
        ctx.sync.load_pack().await;
        ctx.sync.refresh_counts().await;
        ctx.persisted
            .set(service_worker::request_persistence().await);
    });

    view! {
        <Router>
            <a class="skip" href="#main">{move || ctx.t(T::SkipToContent)}</a>
            <components::AppBar/>
            <components::UpdateBanner/>
            <components::OutdatedBanner/>
            <main id="main" tabindex="-1">
                {move || match (ctx.storage.get(), ctx.enrollment.get()) {
                    _ if ctx.db.get() == Some(store::DbEvent::Blocked) => view! { <components::DbBlocked/> }.into_any(),
                    (Some(Err(kind)), _) => view! { <components::NoStorage kind/> }.into_any(),
                    (None, _) | (_, None) => view! { <p class="loading" aria-busy="true">"…"</p> }.into_any(),
                    (_, Some(None)) => view! { <pages::enroll::EnrollPage/> }.into_any(),
                    (_, Some(Some(_))) => view! {
                        <Routes fallback=|| view! { <pages::NotFound/> }>
                            <Route path=path!("/") view=pages::home::HomePage/>
                            <Route path=path!("/report") view=pages::incident::IncidentPage/>
                            <Route path=path!("/report/saved/:id") view=pages::incident::SavedPage/>
                            <Route path=path!("/reports") view=pages::reports::ReportsPage/>
                            <Route path=path!("/reports/:id") view=pages::reports::ReportPage/>
                            <Route path=path!("/reports/:id/add") view=pages::reports::AddInformationPage/>
                            <Route path=path!("/settings") view=pages::settings::SettingsPage/>
                            <Route path=path!("/policy") view=pages::policy::PolicyPage/>
                            <Route path=path!("/sign") view=pages::policy::SignPage/>
                            <Route path=path!("/signed") view=pages::policy::SignedPage/>
                            <Route path=path!("/quiz") view=pages::quiz::QuizPage/>
                            <Route path=path!("/lookup") view=pages::lookup::LookupPage/>
                            <Route path=path!("/lookup/guide") view=pages::lookup::GuidePage/>
                            <Route path=path!("/lookup/kind/:id") view=pages::lookup::KindPage/>
                            <Route path=path!("/lookup/place/:id") view=pages::lookup::PlacePage/>
                            <Route path=path!("/enroll") view=pages::enroll::EnrollPage/>
                        </Routes>
                    }.into_any(),
                }}
            </main>
        </Router>
    }
}
