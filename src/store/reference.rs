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

/// The cached pack and the ETag it came with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CachedPack {
    /// Entity tag, sent back as `If-None-Match`.
    pub etag: String,
    /// The pack.
    pub pack: Pack,
}

/// The cached pack, if one was ever fetched.
pub async fn pack() -> StoreResult<Option<CachedPack>> {
    get_value(super::device::STORE, PACK_KEY).await
}

/// Replaces the cached pack.
pub async fn save_pack(cached: &CachedPack) -> StoreResult<()> {
    put_meta(PACK_KEY, cached).await
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
