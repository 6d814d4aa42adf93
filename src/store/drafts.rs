//! In-progress forms, saved on every change so that a reload, an app update or a killed tab
//! loses nothing typed.

use super::{committed, from_js, to_js, transaction, StoreResult};
use rexie::TransactionMode;
use serde::{Deserialize, Serialize};
use vaksam_core::IncidentDraft;
use wasm_bindgen::JsValue;

/// Store name.
pub const STORE: &str = "drafts";
/// Key of the incident form's draft.
pub const INCIDENT_KEY: &str = "incident";

/// The incident form's draft and the question the user was on.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SavedDraft {
    /// The form's content.
    pub draft: IncidentDraft,
    /// Index of the question shown.
    pub step: usize,
}

/// The saved incident draft, if any.
pub async fn load_incident() -> StoreResult<Option<SavedDraft>> {
    let tx = transaction(&[STORE], TransactionMode::ReadOnly).await?;
    let value = tx
        .store(STORE)?
        .get(JsValue::from_str(INCIDENT_KEY))
        .await?;
    value
        .filter(|v| !v.is_undefined())
        .map(|v| from_js(&v))
        .transpose()
}

/// Saves the incident draft.
pub async fn save_incident(d: &SavedDraft) -> StoreResult<()> {
    let tx = transaction(&[STORE], TransactionMode::ReadWrite).await?;
    tx.store(STORE)?
        .put(&to_js(d)?, Some(&JsValue::from_str(INCIDENT_KEY)))
        .await?;
    committed(tx).await
}
