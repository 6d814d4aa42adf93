//! The phone's storage: IndexedDB through rexie. This module alone owns the schema.
//!
//! rexie/idb 0.6 delete every object store that a new version does not declare, and keep an
//! old keyPath silently. So: every store ever created is listed in [`STORES`] for every
//! version, a store's keyPath never changes (make a new store instead), and
//! [`SCHEMA_VERSION`] only grows.

pub mod device;
pub mod drafts;
pub mod outbox;
pub mod receipts;
pub mod reference;
pub mod supplements;
pub mod training;

use rexie::{ObjectStore, Rexie, TransactionMode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsValue;

/// Database name.
pub const DB_NAME: &str = "vaksam";
/// Current schema version. Raise it when adding a store; never remove a store from [`STORES`].
///
/// 2: no new store; the first version opened by [`db`]'s own opener, which answers
/// `versionchange` and `blocked` (a tab still on 1 blocks it and is asked to close).
pub const SCHEMA_VERSION: u32 = 2;

/// Every object store and its keyPath (`None`: keys given on write).
pub const STORES: &[(&str, Option<&str>)] = &[
    (outbox::STORE, Some("id")),
    (receipts::STORE, Some("id")),
    (drafts::STORE, None),
    (device::STORE, None),
];

/// What kind of storage failure: the app words each differently and never as a network or
/// enrollment problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreErrorKind {
    /// The phone or the browser's share of it is full (`QuotaExceededError`).
    Quota,
    /// Storage cannot be used at all right now: private mode, disabled storage, a closed
    /// or outdated connection, a browser failure (`SecurityError`, `InvalidStateError`,
    /// `UnknownError`, `VersionError`, …).
    Unavailable,
    /// Anything else (a transaction aborted for another reason, unreadable data).
    Other,
}

/// A storage failure: its kind, the browser's `DOMException` name (empty when there was
/// none) and the browser's own words for the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreError {
    /// What kind of failure.
    pub kind: StoreErrorKind,
    /// The `DOMException` name, e.g. `QuotaExceededError`.
    pub name: String,
    /// Details, for the log.
    pub detail: String,
}

impl StoreError {
    /// A failure without a `DOMException` behind it.
    pub fn other(detail: impl Into<String>) -> Self {
        Self {
            kind: StoreErrorKind::Other,
            name: String::new(),
            detail: detail.into(),
        }
    }

    /// A failure named by the browser (a `DOMException` or an `Error` with a `name`).
    pub fn named(name: &str, detail: impl Into<String>) -> Self {
        let kind = match name {
            "QuotaExceededError" => StoreErrorKind::Quota,
            "SecurityError" | "InvalidStateError" | "UnknownError" | "VersionError"
            | "NotAllowedError" => StoreErrorKind::Unavailable,
            _ => StoreErrorKind::Other,
        };
        Self {
            kind,
            name: name.to_owned(),
            detail: detail.into(),
        }
    }

    /// Reads the `name` and `message` of a thrown JS value.
    pub fn from_js(value: &JsValue) -> Self {
        let field = |key: &str| {
            js_sys::Reflect::get(value, &JsValue::from_str(key))
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default()
        };
        let name = field("name");
        if name.is_empty() {
            Self::other(format!("{value:?}"))
        } else {
            Self::named(&name, field("message"))
        }
    }

    /// The connection was closed because another tab upgraded the database.
    fn outdated() -> Self {
        Self {
            kind: StoreErrorKind::Unavailable,
            name: "VersionChange".into(),
            detail: "another tab opened a newer version of the database".into(),
        }
    }
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?} {}: {}", self.kind, self.name, self.detail)
    }
}

/// The JS value (a `DOMException`, mostly) behind an idb error, when it carries one.
fn idb_cause(e: &idb::Error) -> Option<JsValue> {
    use idb::Error as E;
    match e {
        E::AddFailed(v)
        | E::ClearFailed(v)
        | E::CountFailed(v)
        | E::DeleteFailed(v)
        | E::GetAllFailed(v)
        | E::GetFailed(v)
        | E::IndexedDbOpenFailed(v)
        | E::IndexedDbNotFound(v)
        | E::IndexedDbDeleteFailed(v)
        | E::ObjectStoreNotFound(v)
        | E::TransactionOpenFailed(v)
        | E::TransactionCommitError(v)
        | E::TransactionAbortError(v)
        | E::UpdateFailed(v) => Some(v.clone()),
        E::DomException(d) => Some(d.clone().into()),
        _ => None,
    }
}

impl From<rexie::Error> for StoreError {
    fn from(e: rexie::Error) -> Self {
        match &e {
            rexie::Error::IdbError(inner) => match idb_cause(inner) {
                Some(cause) => StoreError::from_js(&cause),
                None => StoreError::other(inner.to_string()),
            },
            _ => StoreError::other(e.to_string()),
        }
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError::other(format!("data: {e}"))
    }
}

/// Result of a storage call.
pub type StoreResult<T> = Result<T, StoreError>;

/// What the database's opener tells the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DbEvent {
    /// Opening waits for another tab to close its older connection.
    Blocked,
    /// The open has finished, opened or failed (after a wait, if there was one).
    Settled,
    /// Another tab opened a newer version; this page's connection is closed and the page
    /// must be reloaded to go on.
    Outdated,
}

#[wasm_bindgen(inline_js = "
export function open_db(name, version, stores, on_blocked, on_version_change) {
  return new Promise((ok, fail) => {
    const req = indexedDB.open(name, version);
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const [store, keyPath] of JSON.parse(stores)) {
        if (!db.objectStoreNames.contains(store)) {
          db.createObjectStore(store, keyPath ? { keyPath } : {});
        }
      }
    };
    req.onblocked = () => on_blocked();
    req.onsuccess = () => {
      const db = req.result;
      db.onversionchange = () => { db.close(); on_version_change(); };
      ok(db);
    };
    req.onerror = () => fail(req.error);
  });
}
export function close_db(db) { db.close(); }
export async function storage_nearly_full() {
  try {
    const { usage, quota } = await navigator.storage.estimate();
    return quota > 0 && usage / quota > 0.9;
  } catch (e) { return false; }
}
")]
extern "C" {
    fn open_db(
        name: &str,
        version: u32,
        stores: &str,
        on_blocked: &js_sys::Function,
        on_version_change: &js_sys::Function,
    ) -> js_sys::Promise;
    fn close_db(db: &JsValue);
    fn storage_nearly_full() -> js_sys::Promise;
}

/// How long an open may wait before the app says which tabs to close, even if the browser
/// never fired `blocked`.
const BLOCKED_AFTER_MS: u32 = 4_000;

/// Someone told of [`DbEvent`]s.
type Listener = Box<dyn Fn(DbEvent)>;

thread_local! {
    static DB: RefCell<Option<std::rc::Rc<Rexie>>> = const { RefCell::new(None) };
    /// The opener's own connection: it does the upgrade and hears `versionchange`.
    static OPENING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
    static OUTDATED: Cell<bool> = const { Cell::new(false) };
    static LISTENERS: RefCell<Vec<Listener>> = const { RefCell::new(Vec::new()) };
}

/// Calls `f` on every [`DbEvent`] of this page.
pub fn on_db_event(f: impl Fn(DbEvent) + 'static) {
    LISTENERS.with(|l| l.borrow_mut().push(Box::new(f)));
}

fn tell(event: DbEvent) {
    LISTENERS.with(|l| l.borrow().iter().for_each(|f| f(event)));
}

/// Opens `name` at `version` with `stores`. Public for the upgrade test, which opens a
/// scratch database at two versions.
pub async fn open_with(
    name: &str,
    version: u32,
    stores: &[(&str, Option<&str>)],
) -> StoreResult<Rexie> {
    let mut builder = Rexie::builder(name).version(version);
    for (store, key_path) in stores {
        let mut s = ObjectStore::new(store);
        if let Some(path) = key_path {
            s = s.key_path(path);
        }
        builder = builder.add_object_store(s);
    }
    Ok(builder.build().await?)
}

/// Opens `name` at `version` the way the app does: creates missing `stores` on upgrade
/// (never deletes one), calls `on_blocked` while another connection holds an older
/// version open, and `on_version_change` after closing this connection because another
/// tab asked for a newer version. Answers the raw `IDBDatabase`; close it with
/// [`close_raw`]. Public for the tests.
pub async fn open_raw(
    name: &str,
    version: u32,
    stores: &[(&str, Option<&str>)],
    on_blocked: impl Fn() + 'static,
    on_version_change: impl Fn() + 'static,
) -> StoreResult<JsValue> {
    let stores = serde_json::to_string(stores)?;
    let blocked = Closure::<dyn Fn()>::new(on_blocked);
    let changed = Closure::<dyn Fn()>::new(on_version_change);
    let promise = open_db(
        name,
        version,
        &stores,
        blocked.as_ref().unchecked_ref(),
        changed.as_ref().unchecked_ref(),
    );
    // The callbacks live as long as the page (a connection can be told to close any time).
    blocked.forget();
    changed.forget();
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| StoreError::from_js(&e))
}

/// Closes a connection from [`open_raw`].
pub fn close_raw(db: &JsValue) {
    close_db(db);
}

/// The app's own connection, opened once per page and shared by every caller while it is
/// pending (an open blocked by another tab can wait a long time).
async fn open_app_db() -> StoreResult<()> {
    let pending = OPENING.with(|o| o.borrow().clone());
    let promise = match pending {
        Some(p) => p,
        None => {
            let promise = wasm_bindgen_futures::future_to_promise(async {
                let done = std::rc::Rc::new(Cell::new(false));
                let waiting = done.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    gloo_timers::future::TimeoutFuture::new(BLOCKED_AFTER_MS).await;
                    if !waiting.get() {
                        tell(DbEvent::Blocked);
                    }
                });
                let blocked_seen = std::rc::Rc::new(Cell::new(false));
                let seen = blocked_seen.clone();
                let opened = open_raw(
                    DB_NAME,
                    SCHEMA_VERSION,
                    STORES,
                    move || {
                        seen.set(true);
                        tell(DbEvent::Blocked);
                    },
                    || {
                        OUTDATED.set(true);
                        forget_connection();
                        tell(DbEvent::Outdated);
                    },
                )
                .await;
                done.set(true);
                tell(DbEvent::Settled);
                opened.map_err(|e| {
                    let error = js_sys::Error::new(&e.detail);
                    error.set_name(&e.name);
                    error.into()
                })
            });
            OPENING.with(|o| *o.borrow_mut() = Some(promise.clone()));
            promise
        }
    };
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(_) => Ok(()),
        Err(e) => {
            // A failed open is not kept: the next call tries again.
            OPENING.with(|o| o.borrow_mut().take());
            Err(StoreError::from_js(&e))
        }
    }
}

/// The app's database, opened once per page.
pub async fn db() -> StoreResult<std::rc::Rc<Rexie>> {
    if OUTDATED.get() {
        return Err(StoreError::outdated());
    }
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    open_app_db().await?;
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    // The opener did any upgrade, so this open at the same version never upgrades (and
    // never deletes a store); idb closes it by itself on `versionchange`.
    let db = std::rc::Rc::new(open_with(DB_NAME, SCHEMA_VERSION, STORES).await?);
    if OUTDATED.get() {
        return Err(StoreError::outdated());
    }
    DB.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

/// Drops the cached connection so the next call reopens the database. Firefox leaves a
/// connection read-only after a QuotaExceededError until it is reopened.
pub fn forget_connection() {
    if let Some(db) = DB.with(|d| d.borrow_mut().take()) {
        if let Ok(db) = std::rc::Rc::try_unwrap(db) {
            db.close();
        }
    }
}

/// Checks at start that the browser really lets us write (private modes, disabled storage).
pub async fn check_writable() -> StoreResult<()> {
    device::put_meta("write-check", &js_sys::Date::now()).await
}

/// A Rust value as a plain JS object (via JSON, so maps become objects, not `Map`s).
pub fn to_js<T: Serialize>(value: &T) -> StoreResult<JsValue> {
    let text = serde_json::to_string(value)?;
    js_sys::JSON::parse(&text).map_err(|e| StoreError::from_js(&e))
}

/// A plain JS object back as a Rust value.
pub fn from_js<T: DeserializeOwned>(value: &JsValue) -> StoreResult<T> {
    let text: String = js_sys::JSON::stringify(value)
        .map_err(|e| StoreError::from_js(&e))?
        .into();
    Ok(serde_json::from_str(&text)?)
}

/// Waits for a write transaction to commit; only then is data "saved".
pub async fn committed(tx: rexie::Transaction) -> StoreResult<()> {
    match tx.done().await? {
        rexie::TransactionResult::Committed => Ok(()),
        rexie::TransactionResult::Aborted => Err(aborted().await),
    }
}

/// Why a transaction aborted without an error event. Browsers often report a full disk
/// only as an abort at commit (and rexie does not show the transaction's own error), so
/// the storage estimate decides whether it was for lack of space.
async fn aborted() -> StoreError {
    let full = wasm_bindgen_futures::JsFuture::from(storage_nearly_full())
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    if full {
        StoreError::named(
            "QuotaExceededError",
            "transaction aborted; storage nearly full",
        )
    } else {
        StoreError::other("transaction aborted")
    }
}

/// Ends a write transaction: commits it if `body` succeeded, else aborts it, so that no
/// request made before the failure is committed on its own.
pub async fn finish<T>(tx: rexie::Transaction, body: StoreResult<T>) -> StoreResult<T> {
    match body {
        Ok(value) => committed(tx).await.map(|()| value),
        Err(e) => {
            let _ = tx.abort().await;
            Err(e)
        }
    }
}

/// The value under `key` in `store`, if any.
pub async fn get_value<T: DeserializeOwned>(store: &str, key: &str) -> StoreResult<Option<T>> {
    let tx = transaction(&[store], TransactionMode::ReadOnly).await?;
    let value = tx.store(store)?.get(JsValue::from_str(key)).await?;
    value
        .filter(|v| !v.is_undefined())
        .map(|v| from_js(&v))
        .transpose()
}

/// Writes `value` under the out-of-line `key` of `store`; returns once committed.
pub async fn put_value<T: Serialize>(store: &str, key: &str, value: &T) -> StoreResult<()> {
    let tx = transaction(&[store], TransactionMode::ReadWrite).await?;
    let body = async {
        tx.store(store)?
            .put(&to_js(value)?, Some(&JsValue::from_str(key)))
            .await?;
        Ok(())
    }
    .await;
    finish(tx, body).await
}

/// Opens a transaction over `stores`.
pub async fn transaction(
    stores: &[&str],
    mode: TransactionMode,
) -> StoreResult<rexie::Transaction> {
    Ok(db().await?.transaction(stores, mode)?)
}
