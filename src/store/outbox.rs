//! The outbox: every record the user saves, until the server has committed it.
//!
//! Invariant: a record leaves the outbox only after the server answered `stored` or
//! `already_stored`, in the same transaction that writes its receipt; only when storage is
//! too full for that does it leave first and its receipt follow if it fits (the server
//! holds the record, and a full phone must not resend it forever).

use super::receipts::{self, LocalReceipt, SupplementReceipt};
use super::reference::{self, LocalSignature};
use super::{device, drafts};
use super::{finish, from_js, get_value, to_js, transaction, StoreResult};
use rexie::TransactionMode;
use serde::{Deserialize, Serialize};
use vaksam_core::guidance::{self, Step};
use vaksam_core::pack::Guidance;
use vaksam_core::protocol::{OutboxRecord, RecordKind, RecordOutcome, RecordResult};
use vaksam_core::quiz::QuizResult;
use vaksam_core::signature::SignatureRecord;
use vaksam_core::validation::FieldError;
use vaksam_core::{Incident, IncidentReport, Pack, Supplement, SupplementReport};
use wasm_bindgen::JsValue;

/// Store name.
pub const STORE: &str = "outbox";

/// Where an outbox entry stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum EntryState {
    /// Saved here, to be sent.
    Waiting,
    /// The server refused it; resending will not help. Kept so nothing is lost.
    Rejected {
        /// Why.
        errors: Vec<FieldError>,
    },
    /// The id is taken by other content on the server.
    Conflict {
        /// Server's explanation.
        message: String,
    },
}

/// One saved record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxEntry {
    /// UUIDv7, also the IndexedDB key.
    pub id: String,
    /// The record as it will be sent.
    pub record: OutboxRecord,
    /// State.
    #[serde(flatten)]
    pub state: EntryState,
    /// IMY deadline computed at save (RFC 3339), carried to the receipt.
    pub imy_deadline: Option<String>,
    /// "What to do now" (Vaksam defaults), when no pack was cached at save.
    #[serde(default)]
    pub steps: Vec<Step>,
    /// "What to do now" from the municipality's pack, computed at save.
    #[serde(default)]
    pub guidance: Option<Guidance>,
}

impl OutboxEntry {
    /// A waiting entry for a validated incident.
    pub fn for_incident(
        record_id: uuid::Uuid,
        incident: &Incident,
        pack: Option<&Pack>,
        now: time::OffsetDateTime,
    ) -> StoreResult<Self> {
        let payload = serde_json::to_value(incident)?;
        Ok(Self {
            id: record_id.to_string(),
            record: OutboxRecord {
                id: record_id,
                kind: RecordKind::Incident,
                created_at: now,
                payload,
            },
            state: EntryState::Waiting,
            imy_deadline: incident.imy_deadline().map(crate::clock::rfc3339),
            steps: match pack {
                Some(_) => Vec::new(),
                None => guidance::steps_for(incident.report()),
            },
            guidance: pack.map(|p| p.guidance_for(incident.report())),
        })
    }

    /// A waiting entry for a signature.
    pub fn for_signature(
        record_id: uuid::Uuid,
        signature: &SignatureRecord,
        now: time::OffsetDateTime,
    ) -> StoreResult<Self> {
        Self::plain(
            record_id,
            RecordKind::Signature,
            serde_json::to_value(signature)?,
            now,
        )
    }

    /// A waiting entry for a finished quiz session.
    pub fn for_quiz(
        record_id: uuid::Uuid,
        result: &QuizResult,
        now: time::OffsetDateTime,
    ) -> StoreResult<Self> {
        Self::plain(
            record_id,
            RecordKind::Quiz,
            serde_json::to_value(result)?,
            now,
        )
    }

    /// A waiting entry for a supplement to a report already saved.
    pub fn for_supplement(
        record_id: uuid::Uuid,
        supplement: &Supplement,
        now: time::OffsetDateTime,
    ) -> StoreResult<Self> {
        Self::plain(
            record_id,
            RecordKind::Supplement,
            serde_json::to_value(supplement)?,
            now,
        )
    }

    /// A waiting entry with no incident extras.
    fn plain(
        record_id: uuid::Uuid,
        kind: RecordKind,
        payload: serde_json::Value,
        now: time::OffsetDateTime,
    ) -> StoreResult<Self> {
        Ok(Self {
            id: record_id.to_string(),
            record: OutboxRecord {
                id: record_id,
                kind,
                created_at: now,
                payload,
            },
            state: EntryState::Waiting,
            imy_deadline: None,
            steps: Vec::new(),
            guidance: None,
        })
    }

    /// The incident report inside, if it is one.
    pub fn incident(&self) -> Option<IncidentReport> {
        match self.record.kind {
            RecordKind::Incident => serde_json::from_value(self.record.payload.clone()).ok(),
            RecordKind::Signature | RecordKind::Quiz | RecordKind::Supplement => None,
        }
    }

    /// The supplement inside, if it is one.
    pub fn supplement(&self) -> Option<SupplementReport> {
        match self.record.kind {
            RecordKind::Supplement => serde_json::from_value(self.record.payload.clone()).ok(),
            _ => None,
        }
    }
}

/// Saves an entry and, in the same transaction, deletes the form draft it came from, so a
/// crash can leave either the draft or the entry but never both (no double report). A
/// corrected report names the refused entry it `replaces`, which goes in the same
/// transaction. Returns once the transaction has committed: only then may the UI say "saved".
///
/// Supplements waiting for (or refused with) the refused report are moved to the corrected
/// one in the same transaction and wait to be sent again: the server never stored them (it
/// holds no supplement to a report it refused), so their ids are still free. So is a
/// supplement draft (`supplement:<old id>` becomes `supplement:<new id>`).
pub async fn add_from_draft(entry: &OutboxEntry, replaces: Option<&str>) -> StoreResult<()> {
    let tx = transaction(&[STORE, drafts::STORE], TransactionMode::ReadWrite).await?;
    let body = async {
        let outbox = tx.store(STORE)?;
        if let Some(old) = replaces {
            outbox.delete(JsValue::from_str(old)).await?;
            let draft_store = tx.store(drafts::STORE)?;
            let old_key = JsValue::from_str(&super::supplements::draft_key(old));
            if let Some(draft) = draft_store
                .get(old_key.clone())
                .await?
                .filter(|v| !v.is_undefined())
            {
                let new_key = super::supplements::draft_key(&entry.id);
                draft_store
                    .put(&draft, Some(&JsValue::from_str(&new_key)))
                    .await?;
                draft_store.delete(old_key).await?;
            }
            for value in outbox.get_all(None, None).await? {
                let mut moved: OutboxEntry = from_js(&value)?;
                let Some(mut supplement) = moved.supplement() else {
                    continue;
                };
                if supplement.incident_id.to_string() != old {
                    continue;
                }
                supplement.incident_id = entry.record.id;
                moved.record.payload = serde_json::to_value(&supplement)?;
                moved.state = EntryState::Waiting;
                outbox.put(&to_js(&moved)?, None).await?;
            }
        }
        outbox.add(&to_js(entry)?, None).await?;
        tx.store(drafts::STORE)?
            .delete(JsValue::from_str(drafts::INCIDENT_KEY))
            .await?;
        Ok(())
    }
    .await;
    finish(tx, body).await
}

/// Saves a signature: the outbox entry, the phone's copy of what was signed, and the end of
/// the form's draft, in one transaction. A signature the server refused is replaced by the
/// new one in the same transaction.
pub async fn add_signature(entry: &OutboxEntry, local: &LocalSignature) -> StoreResult<()> {
    let tx = transaction(
        &[STORE, drafts::STORE, device::STORE],
        TransactionMode::ReadWrite,
    )
    .await?;
    let body = async {
        let outbox = tx.store(STORE)?;
        for value in outbox.get_all(None, None).await? {
            let old: OutboxEntry = from_js(&value)?;
            if old.record.kind == RecordKind::Signature && old.state != EntryState::Waiting {
                outbox.delete(JsValue::from_str(&old.id)).await?;
            }
        }
        outbox.add(&to_js(entry)?, None).await?;
        tx.store(device::STORE)?
            .put(
                &to_js(local)?,
                Some(&JsValue::from_str(reference::SIGNATURE_KEY)),
            )
            .await?;
        tx.store(drafts::STORE)?
            .delete(JsValue::from_str(drafts::SIGNATURE_KEY))
            .await?;
        Ok(())
    }
    .await;
    finish(tx, body).await
}

/// Saves a supplement and, in the same transaction, deletes its form's draft
/// (`supplement:<incident id>`), like [`add_from_draft`]. The sync engine sends entries in
/// order of creation, so a supplement never goes before its report. Returns once the
/// transaction has committed.
pub async fn add_supplement(entry: &OutboxEntry) -> StoreResult<()> {
    let Some(supplement) = entry.supplement() else {
        return Err(super::StoreError::other("not a supplement"));
    };
    let draft_key = super::supplements::draft_key(&supplement.incident_id.to_string());
    let tx = transaction(&[STORE, drafts::STORE], TransactionMode::ReadWrite).await?;
    let body = async {
        tx.store(STORE)?.add(&to_js(entry)?, None).await?;
        tx.store(drafts::STORE)?
            .delete(JsValue::from_str(&draft_key))
            .await?;
        Ok(())
    }
    .await;
    finish(tx, body).await
}

/// All entries, oldest first (UUIDv7 keys sort by creation).
pub async fn all() -> StoreResult<Vec<OutboxEntry>> {
    let tx = transaction(&[STORE], TransactionMode::ReadOnly).await?;
    let values = tx.store(STORE)?.get_all(None, None).await?;
    values.iter().map(from_js).collect()
}

/// One entry.
pub async fn get(id: &str) -> StoreResult<Option<OutboxEntry>> {
    get_value(STORE, id).await
}

/// Removes an entry the user chose to discard. A report's supplements still in the outbox
/// and its supplement draft go with it, in the same transaction: the server holds no
/// supplement to a report it never stored.
pub async fn discard(id: &str) -> StoreResult<()> {
    let tx = transaction(&[STORE, drafts::STORE], TransactionMode::ReadWrite).await?;
    let body = async {
        let outbox = tx.store(STORE)?;
        let gone: Option<OutboxEntry> = outbox
            .get(JsValue::from_str(id))
            .await?
            .filter(|v| !v.is_undefined())
            .map(|v| from_js(&v))
            .transpose()?;
        outbox.delete(JsValue::from_str(id)).await?;
        if let Some(report) = gone.filter(|e| e.record.kind == RecordKind::Incident) {
            for value in outbox.get_all(None, None).await? {
                let other: OutboxEntry = from_js(&value)?;
                if other
                    .supplement()
                    .is_some_and(|s| s.incident_id == report.record.id)
                {
                    outbox.delete(JsValue::from_str(&other.id)).await?;
                }
            }
            tx.store(drafts::STORE)?
                .delete(JsValue::from_str(&super::supplements::draft_key(id)))
                .await?;
        }
        Ok(())
    }
    .await;
    finish(tx, body).await
}

/// Opens a refused incident report for correction: its content becomes the report form's
/// draft, with the server's reasons and the id it will replace when sent again. Answers
/// `false` (and changes nothing) if the entry is gone or is not a refused incident.
pub async fn reopen(id: &str) -> StoreResult<bool> {
    let correcting = drafts::load_incident().await?;
    if correcting.is_some_and(|d| d.rejected.is_some_and(|r| r.id == id)) {
        // A correction of this report is under way: keep what was already changed.
        return Ok(true);
    }
    let Some(entry) = get(id).await? else {
        return Ok(false);
    };
    let (Some(report), EntryState::Rejected { errors }) = (entry.incident(), entry.state) else {
        return Ok(false);
    };
    let draft = crate::clock::draft_from(&report);
    let saved = drafts::SavedDraft {
        step: 0,
        rejected: Some(drafts::Rejected {
            id: entry.id,
            errors,
            draft: draft.clone(),
        }),
        draft,
    };
    drafts::save_incident(&saved).await?;
    Ok(true)
}

/// What applying the server's answers changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Applied {
    /// Entries delivered (gone from the outbox).
    pub delivered: usize,
    /// Entries delivered, refused or in conflict: every entry the answers covered.
    pub settled: usize,
}

/// Applies the server's answers: delivered entries become receipts (and their details are
/// deleted); refused ones are marked and kept. Normally one transaction. If that fails for
/// lack of space (or any reason but unusable storage), the delivered entries are deleted on
/// their own first, since deleting needs no space and the server holds them, and then the
/// receipts and marks are written if they fit. The error is still returned, so the user is
/// told, but nothing delivered is left to be resent. (A delivered report whose receipt did
/// not fit then leaves no trace on the phone; the municipality has it.)
pub async fn apply_results(sent: &[OutboxEntry], results: &[RecordResult]) -> StoreResult<Applied> {
    match apply_all(sent, results).await {
        Ok(applied) => Ok(applied),
        Err(e) => {
            // A fresh connection: Firefox keeps one read-only after a QuotaExceededError,
            // and Chrome may report a full disk as an UnknownError. Deleting is worth a try
            // whatever the error was; if storage is unusable it fails as well.
            super::forget_connection();
            delete_delivered(sent, results)
                .await
                .map_err(|_| e.clone())?;
            // Deleting freed some space: the receipts may fit now.
            apply_all(sent, results).await.map_err(|_| e)
        }
    }
}

fn delivered(result: &RecordResult) -> bool {
    matches!(
        result.outcome,
        RecordOutcome::Stored(_) | RecordOutcome::AlreadyStored(_)
    )
}

/// Deletes every entry the server holds, and nothing else.
async fn delete_delivered(sent: &[OutboxEntry], results: &[RecordResult]) -> StoreResult<()> {
    let tx = transaction(&[STORE], TransactionMode::ReadWrite).await?;
    let body = async {
        let outbox = tx.store(STORE)?;
        for result in results.iter().filter(|r| delivered(r)) {
            if let Some(entry) = sent.iter().find(|e| e.record.id == result.id) {
                outbox.delete(JsValue::from_str(&entry.id)).await?;
            }
        }
        Ok(())
    }
    .await;
    finish(tx, body).await
}

/// Receipts, deletions and marks in one transaction.
async fn apply_all(sent: &[OutboxEntry], results: &[RecordResult]) -> StoreResult<Applied> {
    let tx = transaction(
        &[STORE, receipts::STORE, device::STORE],
        TransactionMode::ReadWrite,
    )
    .await?;
    let body = apply_in(&tx, sent, results).await;
    finish(tx, body).await
}

async fn apply_in(
    tx: &rexie::Transaction,
    sent: &[OutboxEntry],
    results: &[RecordResult],
) -> StoreResult<Applied> {
    let outbox = tx.store(STORE)?;
    let receipt_store = tx.store(receipts::STORE)?;
    let meta = tx.store(device::STORE)?;
    let mut applied = Applied::default();
    for result in results {
        let Some(entry) = sent.iter().find(|e| e.record.id == result.id) else {
            continue;
        };
        applied.settled += 1;
        match &result.outcome {
            RecordOutcome::Stored(receipt) | RecordOutcome::AlreadyStored(receipt)
                if entry.record.kind == RecordKind::Signature =>
            {
                let key = JsValue::from_str(reference::SIGNATURE_KEY);
                let stored = meta.get(key.clone()).await?;
                if let Some(mut local) = stored
                    .filter(|v| !v.is_undefined())
                    .map(|v| from_js::<LocalSignature>(&v))
                    .transpose()?
                    .filter(|l| l.id == entry.id)
                {
                    local.received_at = Some(crate::clock::rfc3339(receipt.received_at));
                    local.log_entry = receipt.log_entry;
                    meta.put(&to_js(&local)?, Some(&key)).await?;
                }
                outbox.delete(JsValue::from_str(&entry.id)).await?;
                applied.delivered += 1;
            }
            // A training result needs no receipt on the phone: the progress was saved
            // with it, and the municipality's report is on the server.
            RecordOutcome::Stored(_) | RecordOutcome::AlreadyStored(_)
                if entry.record.kind == RecordKind::Quiz =>
            {
                outbox.delete(JsValue::from_str(&entry.id)).await?;
                applied.delivered += 1;
            }
            RecordOutcome::Stored(receipt) | RecordOutcome::AlreadyStored(receipt)
                if entry.record.kind == RecordKind::Supplement =>
            {
                outbox.delete(JsValue::from_str(&entry.id)).await?;
                if let Some(supplement) = entry.supplement() {
                    add_to_receipt(&receipt_store, entry, supplement, receipt).await?;
                }
                applied.delivered += 1;
            }
            RecordOutcome::Stored(receipt) | RecordOutcome::AlreadyStored(receipt) => {
                let report = entry.incident();
                // A receipt already there (another tab applied the same answer) keeps
                // what came after it: supplements and the status.
                let earlier: Option<LocalReceipt> = receipt_store
                    .get(JsValue::from_str(&entry.id))
                    .await?
                    .filter(|v| !v.is_undefined())
                    .map(|v| from_js(&v))
                    .transpose()?;
                let local = LocalReceipt {
                    id: entry.id.clone(),
                    category: report
                        .as_ref()
                        .map(|r| r.category)
                        .unwrap_or(vaksam_core::incident::Category::Other),
                    saved_at: crate::clock::rfc3339(entry.record.created_at),
                    case_number: receipt.case_number,
                    guidance: entry.guidance.clone(),
                    received_at: crate::clock::rfc3339(receipt.received_at),
                    imy_deadline: earlier
                        .as_ref()
                        .and_then(|e| e.imy_deadline.clone())
                        .or_else(|| entry.imy_deadline.clone()),
                    steps: entry.steps.clone(),
                    discovered_at: report
                        .as_ref()
                        .map(|r| crate::clock::rfc3339(r.discovered_at))
                        .or_else(|| earlier.as_ref().and_then(|e| e.discovered_at.clone())),
                    report,
                    case_status: receipt.case_status,
                    status_changed_at: earlier.as_ref().and_then(|e| e.status_changed_at.clone()),
                    message: earlier.as_ref().and_then(|e| e.message.clone()),
                    message_at: earlier.as_ref().and_then(|e| e.message_at.clone()),
                    supplements: earlier.map(|e| e.supplements).unwrap_or_default(),
                };
                // Deleted first: if the receipt does not fit, the whole transaction is
                // retried after the deletions alone (see `apply_results`).
                outbox.delete(JsValue::from_str(&entry.id)).await?;
                receipt_store.put(&to_js(&local)?, None).await?;
                applied.delivered += 1;
            }
            // Marked only if the entry is still there as it was sent: one discarded (or
            // corrected, or changed by another tab) while the batch was under way must
            // not come back as the stale copy.
            RecordOutcome::Rejected { errors } => {
                if still_as_sent(&outbox, entry).await? {
                    let marked = OutboxEntry {
                        state: EntryState::Rejected {
                            errors: errors.clone(),
                        },
                        ..entry.clone()
                    };
                    outbox.put(&to_js(&marked)?, None).await?;
                }
            }
            RecordOutcome::Conflict { message } => {
                if still_as_sent(&outbox, entry).await? {
                    let marked = OutboxEntry {
                        state: EntryState::Conflict {
                            message: message.clone(),
                        },
                        ..entry.clone()
                    };
                    outbox.put(&to_js(&marked)?, None).await?;
                }
            }
        }
    }
    Ok(applied)
}

/// Whether the outbox still holds `entry` unchanged (read in the answer's transaction).
async fn still_as_sent(outbox: &rexie::Store, entry: &OutboxEntry) -> StoreResult<bool> {
    let stored: Option<OutboxEntry> = outbox
        .get(JsValue::from_str(&entry.id))
        .await?
        .filter(|v| !v.is_undefined())
        .map(|v| from_js(&v))
        .transpose()?;
    Ok(stored.as_ref() == Some(entry))
}

/// Adds a delivered supplement to its report's receipt (once, however often the answer is
/// applied). The IMY deadline follows the personal-data answer that holds now (the core's
/// `supplement::imy_deadline`: counted from the report's discovery), while the report's
/// details are kept; after they are purged, a supplement saying personal data may be
/// involved sets it from the receipt's `discovered_at`. A report whose
/// receipt is gone (it did not fit) gets no trace of it either; the municipality has both.
async fn add_to_receipt(
    receipt_store: &rexie::Store,
    entry: &OutboxEntry,
    supplement: SupplementReport,
    receipt: &vaksam_core::protocol::Receipt,
) -> StoreResult<()> {
    let key = JsValue::from_str(&supplement.incident_id.to_string());
    let Some(value) = receipt_store.get(key).await?.filter(|v| !v.is_undefined()) else {
        return Ok(());
    };
    let mut local: LocalReceipt = from_js(&value)?;
    let may_involve = supplement
        .personal_data
        .as_ref()
        .is_some_and(|p| p.involved != vaksam_core::incident::Answer::No);
    local.case_status = receipt.case_status;
    local.supplements.retain(|s| s.id != entry.id);
    local.supplements.push(SupplementReceipt {
        id: entry.id.clone(),
        saved_at: crate::clock::rfc3339(entry.record.created_at),
        received_at: crate::clock::rfc3339(receipt.received_at),
        report: Some(supplement),
    });
    local.supplements.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    if let Some(report) = &local.report {
        let added = local.supplements.iter().filter_map(|s| s.report.as_ref());
        local.imy_deadline =
            vaksam_core::supplement::imy_deadline(report, added).map(crate::clock::rfc3339);
    } else if may_involve {
        // The details are purged: the deadline still counts from the discovery.
        if let Some(discovered) = local.discovered_at.as_deref().and_then(crate::clock::parse) {
            local.imy_deadline = Some(crate::clock::rfc3339(
                vaksam_core::deadline::imy_notification_due(discovered),
            ));
        }
    }
    receipt_store.put(&to_js(&local)?, None).await?;
    Ok(())
}
