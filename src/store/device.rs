//! The enrolled device and other small facts, in the `meta` store.

use super::{get_value, put_value, StoreResult};
use serde::{Deserialize, Serialize};

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
    put_value(STORE, key, value).await
}

/// The enrollment, if this phone has one.
pub async fn enrollment() -> StoreResult<Option<Enrollment>> {
    get_value(STORE, DEVICE_KEY).await
}

/// Saves the enrollment.
pub async fn save_enrollment(e: &Enrollment) -> StoreResult<()> {
    put_meta(DEVICE_KEY, e).await
}
