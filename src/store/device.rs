//! The enrolled device and other small facts, in the `meta` store.

use super::{committed, from_js, to_js, transaction, StoreResult};
use rexie::TransactionMode;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// Store name.
pub const STORE: &str = "meta";
const DEVICE_KEY: &str = "device";

/// What enrollment gave this phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrollment {
    /// Device id on the server.
    pub device_id: String,
    /// Bearer token.
    pub token: String,
    /// Employee name.
    pub employee_name: String,
    /// Kommunkod.
    pub kommunkod: String,
    /// Municipality name.
    pub municipality_name: String,
}

/// Writes a small value under `key`.
pub async fn put_meta<T: Serialize>(key: &str, value: &T) -> StoreResult<()> {
    let tx = transaction(&[STORE], TransactionMode::ReadWrite).await?;
    tx.store(STORE)?
        .put(&to_js(value)?, Some(&JsValue::from_str(key)))
        .await?;
    committed(tx).await
}

/// Reads a small value.
pub async fn get_meta<T: DeserializeOwned>(key: &str) -> StoreResult<Option<T>> {
    let tx = transaction(&[STORE], TransactionMode::ReadOnly).await?;
    let value = tx.store(STORE)?.get(JsValue::from_str(key)).await?;
    value
        .filter(|v| !v.is_undefined())
        .map(|v| from_js(&v))
        .transpose()
}

/// The enrollment, if this phone has one.
pub async fn enrollment() -> StoreResult<Option<Enrollment>> {
    get_meta(DEVICE_KEY).await
}

/// Saves the enrollment.
pub async fn save_enrollment(e: &Enrollment) -> StoreResult<()> {
    put_meta(DEVICE_KEY, e).await
}
