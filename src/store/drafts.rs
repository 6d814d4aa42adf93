//! In-progress forms, saved on every change so that a reload, an app update or a killed tab
//! loses nothing typed.

use super::{get_value, put_value, StoreResult};
use serde::{Deserialize, Serialize};
use vaksam_core::validation::FieldError;
use vaksam_core::IncidentDraft;

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
    /// When correcting a report the server refused: which, why, and what it said.
    #[serde(default)]
    pub rejected: Option<Rejected>,
}

/// A refused report being corrected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejected {
    /// The refused outbox entry, replaced when the corrected report is saved.
    pub id: String,
    /// The server's reasons (fields as the server names them, `payload.…`).
    pub errors: Vec<FieldError>,
    /// The refused report as a draft: a reason stays shown while its field is unchanged.
    pub draft: IncidentDraft,
}

/// The saved incident draft, if any.
pub async fn load_incident() -> StoreResult<Option<SavedDraft>> {
    get_value(STORE, INCIDENT_KEY).await
}

/// Saves the incident draft.
pub async fn save_incident(d: &SavedDraft) -> StoreResult<()> {
    put_value(STORE, INCIDENT_KEY, d).await
}

/// Key of the signature form's draft.
pub const SIGNATURE_KEY: &str = "signature";

/// The saved signature form, if any.
pub async fn load_signature() -> StoreResult<Option<vaksam_core::signature::SignatureDraft>> {
    get_value(STORE, SIGNATURE_KEY).await
}

/// Saves the signature form.
pub async fn save_signature(d: &vaksam_core::signature::SignatureDraft) -> StoreResult<()> {
    put_value(STORE, SIGNATURE_KEY, d).await
}

/// The draft under `key`, if any (any form's; see `components::form::use_persisted_draft`).
pub async fn load<T: serde::de::DeserializeOwned>(key: &str) -> StoreResult<Option<T>> {
    get_value(STORE, key).await
}

/// Saves the draft under `key`; returns once committed.
pub async fn save<T: Serialize>(key: &str, value: &T) -> StoreResult<()> {
    put_value(STORE, key, value).await
}

/// Deletes the draft under `key` (nothing happens when there is none); returns once committed.
pub async fn delete(key: &str) -> StoreResult<()> {
    let tx = super::transaction(&[STORE], rexie::TransactionMode::ReadWrite).await?;
    let body = async {
        tx.store(STORE)?
            .delete(wasm_bindgen::JsValue::from_str(key))
            .await?;
        Ok(())
    }
    .await;
    super::finish(tx, body).await
}
