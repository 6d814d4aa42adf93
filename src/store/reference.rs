//! Reference data from the server, kept for offline use: the municipality's content pack,
//! and what this phone last signed. Both live in the `meta` store.

use super::device::put_meta;
use super::{get_value, StoreResult};
use serde::{Deserialize, Serialize};
use vaksam_core::signature::SignatureRecord;
use vaksam_core::Pack;

const PACK_KEY: &str = "pack";
/// Key of the last signature in the `meta` store.
pub const SIGNATURE_KEY: &str = "signature";

/// The pack as stored: the server's JSON text as received, and its ETag. Keeping the text
/// (not a structured copy) means the app decodes a pack with one decoder only, serde_json,
/// which keeps the wasm smaller (BENCHMARKS.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredPack {
    /// Entity tag, sent back as `If-None-Match`.
    pub etag: String,
    /// The pack as JSON.
    pub body: String,
}

/// The cached pack, decoded, if one was ever fetched and still reads.
pub async fn pack() -> StoreResult<Option<Pack>> {
    let stored: Option<StoredPack> = get_value(super::device::STORE, PACK_KEY).await?;
    Ok(stored.and_then(|s| serde_json::from_str(&s.body).ok()))
}

/// The ETag of the cached pack, if any.
pub async fn pack_etag() -> StoreResult<Option<String>> {
    let stored: Option<StoredPack> = get_value(super::device::STORE, PACK_KEY).await?;
    Ok(stored.map(|s| s.etag))
}

/// Replaces the cached pack.
pub async fn save_pack(stored: &StoredPack) -> StoreResult<()> {
    put_meta(PACK_KEY, stored).await
}

/// The last signature made on this phone, and whether the municipality has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalSignature {
    /// The outbox record id.
    pub id: String,
    /// What was signed.
    pub record: SignatureRecord,
    /// Server time of receipt (RFC 3339), once delivered.
    #[serde(default)]
    pub received_at: Option<String>,
    /// Entry number in the municipality's signature log, once delivered.
    #[serde(default)]
    pub log_entry: Option<u64>,
}

/// The last signature, if any.
pub async fn signature() -> StoreResult<Option<LocalSignature>> {
    get_value(super::device::STORE, SIGNATURE_KEY).await
}
