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
pub mod training;

use rexie::{ObjectStore, Rexie, TransactionMode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::JsValue;

/// Database name.
pub const DB_NAME: &str = "vaksam";
/// Current schema version. Raise it when adding a store; never remove a store from [`STORES`].
pub const SCHEMA_VERSION: u32 = 1;

/// Every object store and its keyPath (`None`: keys given on write).
pub const STORES: &[(&str, Option<&str>)] = &[
    (outbox::STORE, Some("id")),
    (receipts::STORE, Some("id")),
    (drafts::STORE, None),
    (device::STORE, None),
];

/// A storage failure, with the browser's own words for the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreError(pub String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<rexie::Error> for StoreError {
    fn from(e: rexie::Error) -> Self {
        StoreError(e.to_string())
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError(format!("data: {e}"))
    }
}

/// Result of a storage call.
pub type StoreResult<T> = Result<T, StoreError>;

thread_local! {
    static DB: RefCell<Option<std::rc::Rc<Rexie>>> = const { RefCell::new(None) };
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

/// The app's database, opened once per page.
pub async fn db() -> StoreResult<std::rc::Rc<Rexie>> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let db = std::rc::Rc::new(open_with(DB_NAME, SCHEMA_VERSION, STORES).await?);
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
    js_sys::JSON::parse(&text).map_err(|e| StoreError(format!("{e:?}")))
}

/// A plain JS object back as a Rust value.
pub fn from_js<T: DeserializeOwned>(value: &JsValue) -> StoreResult<T> {
    let text: String = js_sys::JSON::stringify(value)
        .map_err(|e| StoreError(format!("{e:?}")))?
        .into();
    Ok(serde_json::from_str(&text)?)
}

/// Waits for a write transaction to commit; only then is data "saved".
pub async fn committed(tx: rexie::Transaction) -> StoreResult<()> {
    match tx.done().await? {
        rexie::TransactionResult::Committed => Ok(()),
        rexie::TransactionResult::Aborted => Err(StoreError("transaction aborted".into())),
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
    tx.store(store)?
        .put(&to_js(value)?, Some(&JsValue::from_str(key)))
        .await?;
    committed(tx).await
}

/// Opens a transaction over `stores`.
pub async fn transaction(
    stores: &[&str],
    mode: TransactionMode,
) -> StoreResult<rexie::Transaction> {
    Ok(db().await?.transaction(stores, mode)?)
}
