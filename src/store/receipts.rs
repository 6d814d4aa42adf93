//! What the phone keeps once the municipality has a report: the receipt, not the details.

use super::{from_js, transaction, StoreResult};
use rexie::TransactionMode;
use serde::{Deserialize, Serialize};
use vaksam_core::guidance::Step;
use vaksam_core::incident::Category;
use vaksam_core::CaseNumber;

/// Store name.
pub const STORE: &str = "receipts";

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
    /// The IMY deadline, when personal data were or may have been involved (RFC 3339).
    pub imy_deadline: Option<String>,
    /// "What to do now" as shown after saving.
    #[serde(default)]
    pub steps: Vec<Step>,
    /// "What to do now" from the municipality's pack, as shown after saving.
    #[serde(default)]
    pub guidance: Option<vaksam_core::pack::Guidance>,
}

/// All receipts, newest first.
pub async fn all() -> StoreResult<Vec<LocalReceipt>> {
    let tx = transaction(&[STORE], TransactionMode::ReadOnly).await?;
    let values = tx.store(STORE)?.get_all(None, None).await?;
    let mut list = values
        .iter()
        .map(from_js)
        .collect::<StoreResult<Vec<LocalReceipt>>>()?;
    list.sort_by(|a, b| b.id.cmp(&a.id));
    Ok(list)
}
