//! Coverage at any moment: who had signed the policy version current then, and whose
//! training was valid, from what the server holds (the directory, the signature log, the
//! training results and every published pack version). The rules are the core's
//! (`vaksam_core::coverage`); this module gathers the facts.
//!
//! Everything is computed from stored records, never from snapshots, so the yearly report
//! can look back: the signature log and the pack versions are append-only, training results
//! are counted from their `finished_at`. An employee's workplace is the one the directory
//! holds now (the directory keeps no history of moves).

use crate::storage::directory::{Employee, Workplace};
use crate::storage::{Storage, StorageError};
use std::collections::BTreeMap;
use time::OffsetDateTime;
use uuid::Uuid;
use vaksam_core::coverage::{
    standing, Facts, Rules, Signing, Standing, DEFAULT_NEW_EMPLOYEE_WEEKS,
};
use vaksam_core::quiz::{proven_completion, QuizResult};
use vaksam_core::signature::{signing_status, SignatureRecord, SigningStatus};
use vaksam_core::{Kommunkod, Pack};

/// A published pack version, read.
pub struct PackVersion {
    /// The pack.
    pub pack: Pack,
    /// When it was published.
    pub published_at: OffsetDateTime,
}

/// Everything coverage is computed from, for one municipality.
pub struct Inputs {
    /// Every employee, removed ones too (they count for the months they were employed).
    pub employees: Vec<Employee>,
    /// The workplaces.
    pub workplaces: Vec<Workplace>,
    /// Every published pack version, oldest first.
    pub packs: Vec<PackVersion>,
    /// Signatures per employee: (received, the record), in log order.
    pub signatures: BTreeMap<Uuid, Vec<(OffsetDateTime, SignatureRecord)>>,
    /// Training results per employee, by `finished_at`.
    pub results: BTreeMap<Uuid, Vec<QuizResult>>,
}

/// One employee's standing at a moment.
pub struct Row<'a> {
    /// The employee.
    pub employee: &'a Employee,
    /// Where they stood.
    pub standing: Standing,
}

/// Coverage at one moment.
pub struct Snapshot<'a> {
    /// The pack current then.
    pub pack: &'a Pack,
    /// The rules it set.
    pub rules: Rules,
    /// Whether the grace period is Vaksam's default (the pack sets none).
    pub default_weeks: bool,
    /// Every employee employed then, by name.
    pub rows: Vec<Row<'a>>,
}

fn corrupt(what: &str, e: impl std::fmt::Display) -> StorageError {
    StorageError::Corrupt(format!("{what}: {e}"))
}

/// Whether a signature of `a` is still current for `b`.
fn same_signature(a: &Pack, b: &Pack) -> bool {
    a.policy.version.label == b.policy.version.label
        && a.undertaking.version == b.undertaking.version
        && a.section_digests() == b.section_digests()
        && a.undertaking_digest() == b.undertaking_digest()
}

/// Reads what coverage needs.
pub async fn inputs<S: Storage>(
    storage: &S,
    kommunkod: &Kommunkod,
) -> Result<Inputs, StorageError> {
    let employees = storage.employees(kommunkod, true).await?;
    let workplaces = storage.workplaces(kommunkod).await?;
    let mut packs = Vec::new();
    for (version, body, published_at) in storage.pack_history(kommunkod).await? {
        let pack: Pack =
            serde_json::from_str(&body).map_err(|e| corrupt(&format!("pack {version}"), e))?;
        packs.push(PackVersion { pack, published_at });
    }
    let mut signatures: BTreeMap<Uuid, Vec<(OffsetDateTime, SignatureRecord)>> = BTreeMap::new();
    let (log, _) = storage.signature_log(kommunkod).await?;
    for entry in log {
        let employee =
            Uuid::parse_str(&entry.employee_id).map_err(|e| corrupt("employee id", e))?;
        let received = OffsetDateTime::parse(
            &entry.received_at,
            &time::format_description::well_known::Rfc3339,
        )
        .map_err(|e| corrupt("received_at", e))?;
        let record: SignatureRecord = serde_json::from_str(&entry.payload)
            .map_err(|e| corrupt(&format!("log entry {}", entry.seq), e))?;
        signatures
            .entry(employee)
            .or_default()
            .push((received, record));
    }
    let mut results: BTreeMap<Uuid, Vec<QuizResult>> = BTreeMap::new();
    for t in storage.trainees(kommunkod).await? {
        let employee = Uuid::parse_str(&t.employee_id).map_err(|e| corrupt("employee id", e))?;
        // A stored result that no longer reads cannot be a real session (see export.rs).
        let mut list: Vec<QuizResult> = t
            .results
            .iter()
            .filter_map(|p| serde_json::from_str(p).ok())
            .collect();
        if !list.is_empty() {
            // In time order, so a moment's results are a prefix (stable: ties keep the
            // order received, as `proven_completion` expects).
            list.sort_by_key(|r| r.finished_at);
            results.insert(employee, list);
        }
    }
    Ok(Inputs {
        employees,
        workplaces,
        packs,
        signatures,
        results,
    })
}

impl Inputs {
    /// Coverage at `t`; `None` before the municipality's first pack.
    pub fn at(&self, t: OffsetDateTime) -> Option<Snapshot<'_>> {
        let current = self.packs.iter().rposition(|p| p.published_at <= t)?;
        let pack = &self.packs[current].pack;
        // What employees sign became current with the first of the latest run of versions
        // asking for the same signature (the same label, section texts and undertaking: what
        // `signing_status` compares), so a new text under an old label gives everyone the
        // grace period too.
        let mut first = current;
        while first > 0 && same_signature(&self.packs[first - 1].pack, pack) {
            first -= 1;
        }
        let weeks = pack.training.new_employee_weeks;
        let rules = Rules {
            interval_months: pack.training.interval_months,
            new_employee_weeks: weeks.unwrap_or(DEFAULT_NEW_EMPLOYEE_WEEKS),
            policy_published_at: self.packs[first].published_at,
        };
        let by_version: BTreeMap<&str, &Pack> = self.packs[..=current]
            .iter()
            .map(|p| (p.pack.version.as_str(), &p.pack))
            .collect();
        let rows = self
            .employees
            .iter()
            .filter(|e| e.created_at <= t && e.removed_at.is_none_or(|r| r > t))
            .map(|e| {
                let latest = self
                    .signatures
                    .get(&e.id)
                    .and_then(|list| list.iter().rev().find(|(at, _)| *at <= t))
                    .map(|(_, r)| r);
                let signing = match signing_status(latest, pack) {
                    SigningStatus::Current => Signing::Current,
                    SigningStatus::SignAgain { .. } => Signing::SignAgain,
                    SigningStatus::NotSigned => Signing::Never,
                };
                let done: &[QuizResult] = self
                    .results
                    .get(&e.id)
                    .map(|list| &list[..list.partition_point(|r| r.finished_at <= t)])
                    .unwrap_or_default();
                let completed =
                    proven_completion(done, |r| by_version.get(r.pack_version.as_str()).copied());
                let facts = Facts {
                    signing,
                    completed_at: completed.map(|c| c.completed_at),
                    started_training: !done.is_empty(),
                    started: e.started(),
                };
                Row {
                    employee: e,
                    standing: standing(&facts, &rules, t),
                }
            })
            .collect();
        Some(Snapshot {
            pack,
            rules,
            default_weeks: weeks.is_none(),
            rows,
        })
    }
}
