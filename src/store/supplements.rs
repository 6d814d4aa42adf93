//! Supplements on the phone: the form's draft per report, and what was added to one
//! report, waiting in the outbox or delivered (kept with the report's receipt).

use super::outbox::{self, EntryState};
use super::{drafts, get_value, put_value, receipts, StoreResult};
use vaksam_core::validation::FieldError;
use vaksam_core::{SupplementDraft, SupplementReport};

/// The `drafts` key of the supplement form for the report `incident_id`.
pub fn draft_key(incident_id: &str) -> String {
    format!("supplement:{incident_id}")
}

/// The saved supplement form for a report, if any.
pub async fn load_draft(incident_id: &str) -> StoreResult<Option<SupplementDraft>> {
    get_value(drafts::STORE, &draft_key(incident_id)).await
}

/// Saves the supplement form for a report.
pub async fn save_draft(incident_id: &str, draft: &SupplementDraft) -> StoreResult<()> {
    put_value(drafts::STORE, &draft_key(incident_id), draft).await
}

/// Where a supplement stands on the phone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SupplementState {
    /// Saved here, to be sent ("Tillägg sparat").
    Waiting,
    /// The server refused it; sending it again will not help.
    Refused {
        /// Why, per field (`payload.…`).
        errors: Vec<FieldError>,
    },
    /// Its id is taken by other content on the server.
    Conflict,
    /// The municipality has it ("Tillägg skickat").
    Delivered {
        /// Server receive time (RFC 3339).
        received_at: String,
    },
}

/// One supplement to a report, as the report's page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalSupplement {
    /// Its record id.
    pub id: String,
    /// When it was saved on the phone (RFC 3339).
    pub saved_at: String,
    /// What was added; `None` once the report's details are purged.
    pub report: Option<SupplementReport>,
    /// Where it stands.
    pub state: SupplementState,
}

/// Every supplement to the report `incident_id`, delivered ones (from its receipt) and
/// those in the outbox, oldest first.
pub async fn for_incident(incident_id: &str) -> StoreResult<Vec<LocalSupplement>> {
    let mut list: Vec<LocalSupplement> = receipts::get(incident_id)
        .await?
        .map(|r| r.supplements)
        .unwrap_or_default()
        .into_iter()
        .map(|s| LocalSupplement {
            id: s.id,
            saved_at: s.saved_at,
            report: s.report,
            state: SupplementState::Delivered {
                received_at: s.received_at,
            },
        })
        .collect();
    for entry in outbox::all().await? {
        let Some(report) = entry.supplement() else {
            continue;
        };
        if report.incident_id.to_string() != incident_id || list.iter().any(|s| s.id == entry.id) {
            continue;
        }
        list.push(LocalSupplement {
            saved_at: crate::clock::rfc3339(entry.record.created_at),
            state: match entry.state {
                EntryState::Waiting => SupplementState::Waiting,
                EntryState::Rejected { errors } => SupplementState::Refused { errors },
                EntryState::Conflict { .. } => SupplementState::Conflict,
            },
            id: entry.id,
            report: Some(report),
        });
    }
    // UUIDv7 ids sort by creation; each is unique, so no order of equals to keep (and
    // the unstable sort is less code in the wasm).
    list.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    Ok(list)
}
