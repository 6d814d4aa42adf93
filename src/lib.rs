//! Vaksam's app: a Leptos client-side PWA that works offline and syncs through an outbox.
//!
//! The app decides nothing of its own: rules live in `vaksam-core`; this crate moves data
//! between the core, IndexedDB (`store`), the server (`api`, `sync`) and the DOM (`pages`).

pub mod api;
pub mod clock;
pub mod components;
pub mod crash;
pub mod i18n;
pub mod load;
pub mod pages;
pub mod router;
pub mod service_worker;
pub mod store;
pub mod sync;

use i18n::{Lang, T};
use leptos::prelude::*;
use leptos::task::spawn_local;
use store::device::Enrollment;

/// App-wide state, provided as context.
#[derive(Clone, Copy)]
pub struct AppCtx {
    /// UI language.
    pub lang: RwSignal<Lang>,
    /// A language asked for whose texts could not be loaded (offline before they were
    /// cached, or a page older than the app's current version).
    pub lang_failed: RwSignal<Option<Lang>>,
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

/// A fixed text in the current language, for a view or an attribute. One function, so one
/// closure type for every text of the app: each distinct closure in a view is compiled
/// into its own rendering code, and hundreds of them were a good part of the wasm.
pub fn tr(key: T) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = ctx().lang;
    move || key.in_(lang.get())
}

/// The app context; every page lives under [`App`], which provides it.
pub fn ctx() -> AppCtx {
    expect_context::<AppCtx>()
}

thread_local! {
    /// The latest language asked for: a slower load for an earlier tap must not win.
    static LANG_ASKED: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Switches and remembers the language: its catalog is loaded first (from the service
/// worker's cache when offline), then every text changes at once. Nothing typed is lost:
/// only the texts around the fields change. If the catalog cannot be had, the language
/// stays, the picker shows it again and says so (`AppCtx::lang_failed`).
pub fn set_lang(lang: Lang) {
    let ctx = ctx();
    let asked = LANG_ASKED.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    ctx.lang_failed.set(None);
    spawn_local(async move {
        let loaded = i18n::load(lang).await;
        if LANG_ASKED.with(|n| n.get()) != asked {
            return;
        }
        match loaded {
            Ok(()) => {
                i18n::save(lang);
                ctx.lang.set(lang);
            }
            Err(e) => {
                web_sys::console::warn_1(&format!("Vaksam: {e}").into());
                ctx.lang_failed.set(Some(lang));
                // The radio the user tapped is checked by the browser: show the language
                // that is really in use again.
                ctx.lang.notify();
            }
        }
    });
}

/// The app's routes, in the order they are tried (see [`router::routes`]).
pub(crate) const ROUTES: &[router::Route] = &[
    ("/", || pages::home::HomePage().into_any()),
    ("/report", || pages::incident::IncidentPage().into_any()),
    ("/report/saved/:id", || {
        pages::incident::SavedPage().into_any()
    }),
    ("/reports", || pages::reports::ReportsPage().into_any()),
    ("/reports/:id", || pages::reports::ReportPage().into_any()),
    ("/reports/:id/add", || {
        pages::reports::AddInformationPage().into_any()
    }),
    ("/settings", || pages::settings::SettingsPage().into_any()),
    ("/policy", || pages::policy::PolicyPage().into_any()),
    ("/sign", || pages::policy::SignPage().into_any()),
    ("/signed", || pages::policy::SignedPage().into_any()),
    ("/quiz", || pages::quiz::QuizPage().into_any()),
    ("/lookup", || pages::lookup::LookupPage().into_any()),
    ("/lookup/guide", || pages::lookup::GuidePage().into_any()),
    ("/lookup/kind/:id", || pages::lookup::KindPage().into_any()),
    ("/lookup/place/:id", || {
        pages::lookup::PlacePage().into_any()
    }),
    ("/enroll", || pages::enroll::EnrollPage().into_any()),
];

/// Starts the app: the language's texts first (see [`i18n::start`]), then the views;
/// without any texts, the crash screen (it has its own) instead of an app without words.
pub async fn run() {
    match i18n::start().await {
        Some(lang) => leptos::mount::mount_to_body(move || view! { <App lang/> }),
        None => crash::show_screen(),
    }
}

/// Whether this browser has enrolled: `index.html` reads it to paint the enrollment
/// screen's heading before the wasm has loaded, but only where that is the first screen.
const ENROLLED_HINT: &str = "vaksam.enrolled";

/// The root component, in the language [`run`] loaded.
#[component]
pub fn App(lang: Lang) -> impl IntoView {
    let ctx = AppCtx {
        lang: RwSignal::new(lang),
        lang_failed: RwSignal::new(None),
        enrollment: RwSignal::new(None),
        storage: RwSignal::new(None),
        db: RwSignal::new(None),
        persisted: RwSignal::new(None),
        update_ready: RwSignal::new(false),
        sync: sync::Sync::new(),
    };
    provide_context(ctx);
    router::provide();
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
    // index.html's frame and first screen stand in until the app knows what to show (the
    // app's own elements wait hidden behind it, see app.css), so nothing jumps; a few
    // seconds at most, whatever happens.
    let remove_splash = || {
        if let Some(splash) = document().get_element_by_id("splash") {
            splash.remove();
        }
    };
    Effect::new(move |_| {
        if ctx.storage.get().is_some() || ctx.db.get().is_some() {
            remove_splash();
        }
    });
    set_timeout(remove_splash, std::time::Duration::from_secs(3));
    Effect::new(move |_| {
        let lang = ctx.lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.tag());
            let _ = root.set_attribute("dir", lang.dir());
        }
    });
    Effect::new(move |_| {
        use gloo_storage::Storage;
        match ctx.enrollment.get() {
            Some(Some(_)) => {
                let _ = gloo_storage::LocalStorage::set(ENROLLED_HINT, true);
            }
            Some(None) => gloo_storage::LocalStorage::delete(ENROLLED_HINT),
            None => {}
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
            <a class="skip" href="#main">{tr(T::SkipToContent)}</a>
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
                        {router::routes(|| view! { <pages::NotFound/> }.into_any())}
                    }.into_any(),
                }}
            </main>
    }
}
