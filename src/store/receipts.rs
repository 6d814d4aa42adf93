//! What the phone keeps once the municipality has a report: the receipt, and for
//! [`DETAILS_KEPT_DAYS`] what was sent, so the employee can see what they reported (and
//! what they added). After that only the category, the dates, the case number, the steps
//! and the status stay; the details are at the municipality.

use super::{finish, from_js, get_value, to_js, transaction, StoreResult};
use rexie::TransactionMode;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use vaksam_core::guidance::Step;
use vaksam_core::incident::Category;
use vaksam_core::protocol::{CaseStatus, RecordKind, RecordStatus};
use vaksam_core::{CaseNumber, IncidentReport, SupplementReport};
use wasm_bindgen::JsValue;

/// Store name.
pub const STORE: &str = "receipts";

/// Days after its receipt that a report's details (what was sent, and what was added)
/// stay on the phone.
pub const DETAILS_KEPT_DAYS: i64 = 30;

/// Days after its receipt that the phone still asks the server for a case's status.
pub const STATUS_ASKED_DAYS: i64 = 60;

/// A delivered report's receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalReceipt {
    /// The record id.
    pub id: String,
    /// Category.
    pub category: Category,
    /// When it was saved on the phone (RFC 3339).
    pub saved_at: String,
    /// The municipality's case number.
    pub case_number: Option<CaseNumber>,
    /// Server receive time (RFC 3339).
    pub received_at: String,
    /// The IMY deadline, when personal data were or may have been involved (RFC 3339);
    /// set later when a supplement says they may be.
    pub imy_deadline: Option<String>,
    /// "What to do now" as shown after saving.
    #[serde(default)]
    pub steps: Vec<Step>,
    /// "What to do now" from the municipality's pack, as shown after saving.
    #[serde(default)]
    pub guidance: Option<vaksam_core::pack::Guidance>,
    /// What was sent; `None` for receipts from before this was kept, and once
    /// [`DETAILS_KEPT_DAYS`] have passed since `received_at`.
    #[serde(default)]
    pub report: Option<IncidentReport>,
    /// Where the municipality stands with the case, as last heard.
    #[serde(default)]
    pub case_status: CaseStatus,
    /// When the municipality last changed the status (RFC 3339), as last heard.
    #[serde(default)]
    pub status_changed_at: Option<String>,
    /// The municipality's short message about the case, as last heard. Kept like the
    /// status (also after the report's details are purged): it is the municipality's
    /// words to the employee, not what the employee reported.
    #[serde(default)]
    pub message: Option<String>,
    /// When the message was written (RFC 3339).
    #[serde(default)]
    pub message_at: Option<String>,
    /// Supplements delivered for this report, oldest first.
    #[serde(default)]
    pub supplements: Vec<SupplementReceipt>,
    /// When the incident was discovered (RFC 3339): kept when the details are purged, so
    /// a later supplement saying personal data may be involved still gets its IMY
    /// deadline. `None` for receipts from before this was kept.
    #[serde(default)]
    pub discovered_at: Option<String>,
}

/// A delivered supplement, kept with its report's receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplementReceipt {
    /// The supplement's record id.
    pub id: String,
    /// When it was saved on the phone (RFC 3339).
    pub saved_at: String,
    /// Server receive time (RFC 3339).
    pub received_at: String,
    /// What was added; `None` once the report's details are purged.
    #[serde(default)]
    pub report: Option<SupplementReport>,
}

impl LocalReceipt {
    /// Whether the details are past keeping at `now`.
    fn details_expired(&self, now: OffsetDateTime) -> bool {
        crate::clock::parse(&self.received_at)
            .is_some_and(|t| now - t >= time::Duration::days(DETAILS_KEPT_DAYS))
    }

    /// Whether it still holds details.
    fn has_details(&self) -> bool {
        self.report.is_some() || self.supplements.iter().any(|s| s.report.is_some())
    }

    /// Whether the phone should still ask for its status at `now`: received less than
    /// [`STATUS_ASKED_DAYS`] ago. Closed cases too: a supplement (from this phone) reopens
    /// a closed case as received.
    pub fn status_worth_asking(&self, now: OffsetDateTime) -> bool {
        crate::clock::parse(&self.received_at)
            .is_some_and(|t| now - t < time::Duration::days(STATUS_ASKED_DAYS))
    }
}

/// All receipts, newest first.
pub async fn all() -> StoreResult<Vec<LocalReceipt>> {
    let tx = transaction(&[STORE], TransactionMode::ReadOnly).await?;
    let values = tx.store(STORE)?.get_all(None, None).await?;
    let mut list = values
        .iter()
        .map(from_js)
        .collect::<StoreResult<Vec<LocalReceipt>>>()?;
    list.sort_unstable_by(|a, b| b.id.cmp(&a.id));
    Ok(list)
}

/// One receipt.
pub async fn get(id: &str) -> StoreResult<Option<LocalReceipt>> {
    get_value(STORE, id).await
}

/// Forgets the details of every report received [`DETAILS_KEPT_DAYS`] or more before
/// `now`, keeping the rest of its receipt. Run at start. Answers how many were purged.
pub async fn purge_details(now: OffsetDateTime) -> StoreResult<usize> {
    let tx = transaction(&[STORE], TransactionMode::ReadWrite).await?;
    let body = async {
        let store = tx.store(STORE)?;
        let mut purged = 0;
        for value in store.get_all(None, None).await? {
            let mut receipt: LocalReceipt = from_js(&value)?;
            if receipt.has_details() && receipt.details_expired(now) {
                receipt.report = None;
                for s in &mut receipt.supplements {
                    s.report = None;
                }
                store.put(&to_js(&receipt)?, None).await?;
                purged += 1;
            }
        }
        Ok(purged)
    }
    .await;
    finish(tx, body).await
}

/// The ids to ask the server about at `now`: each report worth asking about
/// ([`LocalReceipt::status_worth_asking`]), newest first, at most `max`.
pub async fn status_ids(now: OffsetDateTime, max: usize) -> StoreResult<Vec<String>> {
    Ok(all()
        .await?
        .into_iter()
        .filter(|r| r.status_worth_asking(now))
        .map(|r| r.id)
        .take(max)
        .collect())
}

/// Writes what the server says about each report's case into its receipt, in one
/// transaction. Answers whether anything changed (so lists reload only then).
pub async fn apply_statuses(statuses: &[RecordStatus]) -> StoreResult<bool> {
    let tx = transaction(&[STORE], TransactionMode::ReadWrite).await?;
    let body = async {
        let store = tx.store(STORE)?;
        let mut changed = false;
        for status in statuses.iter().filter(|s| s.kind == RecordKind::Incident) {
            let Some(value) = store
                .get(JsValue::from_str(&status.id.to_string()))
                .await?
                .filter(|v| !v.is_undefined())
            else {
                continue;
            };
            let mut receipt: LocalReceipt = from_js(&value)?;
            let changed_at = status.status_changed_at.map(crate::clock::rfc3339);
            let message_at = status.message_at.map(crate::clock::rfc3339);
            if receipt.case_status != status.receipt.case_status
                || receipt.status_changed_at != changed_at
                || receipt.message != status.message
                || receipt.message_at != message_at
            {
                receipt.case_status = status.receipt.case_status;
                receipt.status_changed_at = changed_at;
                receipt.message = status.message.clone();
                receipt.message_at = message_at;
                store.put(&to_js(&receipt)?, None).await?;
                changed = true;
            }
        }
        Ok(changed)
    }
    .await;
    finish(tx, body).await
}
