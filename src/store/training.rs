//! Training on this phone: the employee's progress per question (in `meta`) and the
//! session under way (in `drafts`, saved after every answer so a reload resumes it).

use super::StoreResult;
use super::{committed, device, drafts, get_value, outbox, put_value, to_js, transaction};
use rexie::TransactionMode;
use serde::{Deserialize, Serialize};
use vaksam_core::quiz::{Progress, Session};
use wasm_bindgen::JsValue;

/// Key of the progress in the `meta` store.
pub const PROGRESS_KEY: &str = "quiz-progress";
/// Key of the session under way in the `drafts` store.
pub const SESSION_KEY: &str = "quiz";

/// The session under way and what the screen showed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedSession {
    /// The session.
    pub session: Session,
    /// Options ticked on the current question, not yet answered.
    pub picked: Vec<String>,
    /// The last answer's explanation is on screen.
    pub reviewing: bool,
}

/// The employee's progress (empty for someone who has not started).
pub async fn progress() -> StoreResult<Progress> {
    Ok(get_value(device::STORE, PROGRESS_KEY)
        .await?
        .unwrap_or_default())
}

/// Keeps the progress, e.g. after the employee chose their sector.
pub async fn save_progress(p: &Progress) -> StoreResult<()> {
    put_value(device::STORE, PROGRESS_KEY, p).await
}

/// The session under way, if any.
pub async fn session() -> StoreResult<Option<SavedSession>> {
    get_value(drafts::STORE, SESSION_KEY).await
}

/// Saves the session under way.
pub async fn save_session(s: &SavedSession) -> StoreResult<()> {
    put_value(drafts::STORE, SESSION_KEY, s).await
}

/// Ends a session: its result into the outbox, the new progress, and the end of the draft,
/// in one transaction (a crash leaves either the session to finish or its result, never both).
pub async fn finish(entry: &outbox::OutboxEntry, progress: &Progress) -> StoreResult<()> {
    let tx = transaction(
        &[outbox::STORE, drafts::STORE, device::STORE],
        TransactionMode::ReadWrite,
    )
    .await?;
    tx.store(outbox::STORE)?.add(&to_js(entry)?, None).await?;
    tx.store(device::STORE)?
        .put(&to_js(progress)?, Some(&JsValue::from_str(PROGRESS_KEY)))
        .await?;
    tx.store(drafts::STORE)?
        .delete(JsValue::from_str(SESSION_KEY))
        .await?;
    committed(tx).await
}
