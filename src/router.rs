//! The app's router: a handful of flat routes, the address kept in two signals, links
//! followed in the page, and the browser's history.
//!
//! Written for this app instead of `leptos_router`, whose general machinery (nested routes,
//! route matching and view choice compiled once per route's view type) cost 43 KB of the
//! brotli-compressed wasm (BENCHMARKS.md). What it does:
//! - [`routes`] shows the page whose pattern matches the path (`:name` matches one
//!   segment), or the fallback; a new path opens a new page, a new query does not;
//! - a click on any `<a href>` of this origin is followed in the page (no reload) unless it
//!   asks the browser to handle it: another button or a modifier key, a `target`,
//!   `download` or `rel="external"`; a fragment on the current page (the skip link) is
//!   focused in the same history entry;
//! - [`use_navigate`] goes to a path, adding a history entry or replacing the current one,
//!   and scrolls to the top unless told not to; the browser's back and forward are
//!   followed (`popstate`).

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The current address, as the pages read it.
#[derive(Debug, Clone, Copy)]
pub struct Location {
    /// `/reports/0190…`.
    pub pathname: ReadSignal<String>,
    /// `?q=teams`, or empty.
    pub search: ReadSignal<String>,
}

/// The writable side, kept by the router.
#[derive(Debug, Clone, Copy)]
struct Address {
    pathname: RwSignal<String>,
    search: RwSignal<String>,
}

impl Address {
    /// Takes the browser's current address (after a navigation or `popstate`); a signal is
    /// set only when its value changes, so a fragment alone opens nothing anew.
    fn read_window(self) {
        let location = window().location();
        let pathname = location.pathname().unwrap_or_else(|_| "/".to_owned());
        let search = location.search().unwrap_or_default();
        if self.pathname.get_untracked() != pathname {
            self.pathname.set(pathname);
        }
        if self.search.get_untracked() != search {
            self.search.set(search);
        }
    }
}

/// How to go somewhere.
#[derive(Debug, Clone, Copy)]
pub struct NavigateOptions {
    /// Replace the current history entry instead of adding one.
    pub replace: bool,
    /// Scroll to the top of the new page.
    pub scroll: bool,
}

impl Default for NavigateOptions {
    fn default() -> Self {
        Self {
            replace: false,
            scroll: true,
        }
    }
}

/// Starts the router for this app: its address signals, and listeners for clicks on
/// links and for the history (once, for the page's life).
pub fn provide() {
    let address = Address {
        pathname: RwSignal::new(String::new()),
        search: RwSignal::new(String::new()),
    };
    address.read_window();
    provide_context(address);
    provide_context(Location {
        pathname: address.pathname.read_only(),
        search: address.search.read_only(),
    });
    let on_popstate = Closure::<dyn Fn()>::new(move || address.read_window());
    let on_click = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if let Some(ev) = ev.dyn_ref::<web_sys::MouseEvent>() {
            follow(address, ev);
        }
    });
    // On the window, as leptos_router did: a click reaches it after the handlers on the
    // elements (Leptos attaches `on:click` to the element itself; this build has no event
    // delegation), so a handler's preventDefault is seen here.
    let window = window();
    for (event, listener) in [
        ("popstate", on_popstate.as_ref()),
        ("click", on_click.as_ref()),
    ] {
        let _ = window.add_event_listener_with_callback(event, listener.unchecked_ref());
    }
    on_popstate.forget();
    on_click.forget();
}

/// The current address.
pub fn use_location() -> Location {
    expect_context::<Location>()
}

/// Goes to `to` (a path with its query): `navigate("/reports", Default::default())`.
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone + 'static {
    let address = expect_context::<Address>();
    move |to, options| go(address, to, options)
}

fn go(address: Address, to: &str, options: NavigateOptions) {
    let window = window();
    let location = window.location();
    let here = format!(
        "{}{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
        location.hash().unwrap_or_default()
    );
    // The address the page is at already adds no second history entry (after enrolling
    // on `/`, going to `/`), as in the browser.
    let replace = options.replace || to == here;
    if let Ok(history) = window.history() {
        let _ = if replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(to))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(to))
        };
    }
    address.read_window();
    if options.scroll {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// A click on a link of this origin, followed in the page unless the browser should
/// handle it (see the module's list).
fn follow(address: Address, ev: &web_sys::MouseEvent) {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.alt_key()
        || ev.ctrl_key()
        || ev.shift_key()
    {
        return;
    }
    let path = ev.composed_path();
    let Some(link) =
        (0..path.length()).find_map(|i| path.get(i).dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    let external = link
        .get_attribute("rel")
        .is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r == "external"));
    if !link.target().is_empty()
        || link.has_attribute("download")
        || external
        || !link.has_attribute("href")
    {
        return;
    }
    let here = window().location();
    if link.origin() != here.origin().unwrap_or_default() {
        return;
    }
    let (pathname, search, hash) = (link.pathname(), link.search(), link.hash());
    let same_page =
        here.pathname().is_ok_and(|p| p == pathname) && here.search().is_ok_and(|s| s == search);
    let to = format!("{pathname}{search}{hash}");
    ev.prevent_default();
    if same_page && !hash.is_empty() {
        // A fragment on this page (the skip link): what the browser would do, focus the
        // target (which scrolls to it), but in the same history entry, whose state keeps
        // the app's history index ("Tillbaka" in the top bar reads it).
        go(
            address,
            &to,
            NavigateOptions {
                replace: true,
                scroll: false,
            },
        );
        let id = decode(hash.trim_start_matches('#'));
        if let Some(target) = window().document().and_then(|d| d.get_element_by_id(&id)) {
            match target.dyn_ref::<web_sys::HtmlElement>() {
                Some(element) if element.tab_index() >= 0 || element.has_attribute("tabindex") => {
                    let _ = element.focus();
                }
                _ => target.scroll_into_view(),
            }
        }
        return;
    }
    go(address, &to, NavigateOptions::default());
}

/// A route: its pattern (`/reports/:id`) and its page.
pub type Route = (&'static str, fn() -> AnyView);

/// The page of the first route in [`crate::ROUTES`] that matches the path, or
/// `fallback`'s. A new path opens a new page (the same route with another `:id` too); a
/// new query alone does not: the page reads it.
pub fn routes(fallback: fn() -> AnyView) -> impl IntoView {
    let location = use_location();
    move || {
        let page = location.pathname.with(|path| {
            crate::ROUTES
                .iter()
                .find(|(pattern, _)| matches(pattern, path).is_some())
                .map_or(fallback, |(_, page)| *page)
        });
        untrack(page)
    }
}

/// The parameters a pattern takes from a path (`/reports/:id` and `/reports/42`: id = 42),
/// or `None` where it does not match. A trailing slash is ignored.
pub fn matches(pattern: &str, path: &str) -> Option<ParamsMap> {
    let trim = |p: &'_ str| -> String {
        let t = p.trim_end_matches('/');
        if t.is_empty() {
            "/".to_owned()
        } else {
            t.to_owned()
        }
    };
    let (pattern, path) = (trim(pattern), trim(path));
    let (wanted, given): (Vec<&str>, Vec<&str>) =
        (pattern.split('/').collect(), path.split('/').collect());
    if wanted.len() != given.len() {
        return None;
    }
    let mut params = ParamsMap::default();
    for (w, g) in wanted.iter().zip(&given) {
        match w.strip_prefix(':') {
            Some(name) if !g.is_empty() => params.0.push((name.to_owned(), decode(g))),
            Some(_) => return None,
            None if w == g => {}
            None => return None,
        }
    }
    Some(params)
}

/// Names and values from a path or a query.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParamsMap(Vec<(String, String)>);

impl ParamsMap {
    /// The (first) value of `key`.
    pub fn get(&self, key: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }
}

/// Percent-decoded; text that is not valid percent-encoding stays as it is.
fn decode(text: &str) -> String {
    js_sys::decode_uri_component(text)
        .ok()
        .and_then(|d| d.as_string())
        .unwrap_or_else(|| text.to_owned())
}

/// The current route's parameters (`:id`).
pub fn use_params_map() -> Memo<ParamsMap> {
    let location = use_location();
    Memo::new(move |_| {
        location.pathname.with(|path| {
            crate::ROUTES
                .iter()
                .find_map(|(pattern, _)| matches(pattern, path))
                .unwrap_or_default()
        })
    })
}

/// The query (`?q=teams&added=1`) of the current address.
pub fn use_query_map() -> Memo<ParamsMap> {
    let location = use_location();
    Memo::new(move |_| location.search.with(|search| ParamsMap::from_query(search)))
}

impl ParamsMap {
    /// A query's names and values (`?q=bild+p%C3%A5&added=1`), percent-decoded, a `+` read
    /// as a space.
    pub fn from_query(search: &str) -> Self {
        ParamsMap(
            search
                .trim_start_matches('?')
                .split('&')
                .filter(|pair| !pair.is_empty())
                .map(|pair| {
                    let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                    (decode(&k.replace('+', " ")), decode(&v.replace('+', " ")))
                })
                .collect(),
        )
    }
}
