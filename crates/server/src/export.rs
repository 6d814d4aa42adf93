//! Exports for the municipality's information-security staff: the incident register, who
//! has signed, and who has completed training.

use crate::storage::{RegisterEntry, Signer, Storage, Trainee};
use std::collections::{BTreeMap, BTreeSet};
use vaksam_core::quiz::{add_months, completion, proven_completion, Completion, QuizResult};
use vaksam_core::signature::{signing_status, SignatureRecord, SigningStatus};
use vaksam_core::{Kommunkod, Pack};

/// Columns of the CSV export, in order.
pub const CSV_COLUMNS: [&str; 17] = [
    "case_number",
    "category",
    "received_at",
    "device_created_at",
    "occurred_at",
    "discovered_at",
    "reported_by",
    "place",
    "personal_data",
    "harm_to_person",
    "ongoing",
    "actions_taken",
    "description",
    "status",
    "status_changed_at",
    "imy_deadline",
    "supplements",
];

/// One supplement as a line of the register's `supplements` cell: when it was received
/// and what it added, field by field (`received_at: field=value; …`).
fn supplement_line(s: &crate::storage::SupplementEntry) -> String {
    let added = vaksam_core::supplement::FIELDS
        .iter()
        .filter(|f| !s.supplement[**f].is_null())
        .map(|f| {
            let value = match *f {
                "personal_data" => personal_data_text(&s.supplement["personal_data"]),
                _ => text_at(&s.supplement, &[f]),
            };
            format!("{f}={value}")
        })
        .collect::<Vec<_>>()
        .join("; ");
    format!("{}: {added}", s.received_at)
}

/// A supplement's whole personal-data answer: whether any are involved, then the kinds,
/// how many people, sensitive and secrecy (`unknown, kinds: health/contact, people: one,
/// sensitive: no, secrecy: unknown`); parts not given are left out.
fn personal_data_text(p: &serde_json::Value) -> String {
    let mut parts = vec![text_at(p, &["involved"])];
    if let Some(kinds) = p["kinds"].as_array().filter(|k| !k.is_empty()) {
        let names: Vec<String> = kinds.iter().map(|k| text_at(k, &[])).collect();
        parts.push(format!("kinds: {}", names.join("/")));
    }
    for key in ["people", "sensitive", "secrecy"] {
        if !p[key].is_null() {
            parts.push(format!("{key}: {}", text_at(p, &[key])));
        }
    }
    parts.join(", ")
}

/// One CSV field: quoted when needed, and defused against spreadsheet formula injection
/// (OWASP): a cell whose first character is `=`, `+`, `-`, `@`, a tab or a carriage return,
/// or whose first character after leading whitespace is one of `= + - @`, gets a leading
/// apostrophe, so a spreadsheet shows it as text instead of evaluating it.
pub(crate) fn csv_field(text: &str) -> String {
    const TRIGGERS: [char; 4] = ['=', '+', '-', '@'];
    let risky = text.starts_with(['\t', '\r']) || text.trim_start().starts_with(TRIGGERS);
    let defused = if risky {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if defused.contains([',', '"', '\n', '\r']) || defused.starts_with(' ') {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

pub(crate) fn text_at(report: &serde_json::Value, path: &[&str]) -> String {
    let mut v = report;
    for key in path {
        v = &v[*key];
    }
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The register as CSV with a header row.
pub fn to_csv(entries: &[RegisterEntry]) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push('\n');
    for e in entries {
        let r = &e.report;
        let row = [
            e.case_number.clone(),
            e.category.clone(),
            e.received_at.clone(),
            e.device_created_at.clone(),
            text_at(r, &["occurred_at"]),
            text_at(r, &["discovered_at"]),
            e.reported_by.clone(),
            text_at(r, &["place"]),
            text_at(r, &["personal_data", "involved"]),
            text_at(r, &["harm_to_person"]),
            text_at(r, &["ongoing"]),
            text_at(r, &["actions_taken"]),
            text_at(r, &["description"]),
            e.status.as_str().to_owned(),
            e.status_changed_at.clone().unwrap_or_default(),
            e.imy_deadline.clone().unwrap_or_default(),
            e.supplements
                .iter()
                .map(supplement_line)
                .collect::<Vec<_>>()
                .join("\n"),
        ];
        push_row(&mut out, &row);
    }
    out
}

/// Columns of the "who has signed" CSV, in order.
pub const SIGNERS_COLUMNS: [&str; 11] = [
    "employee_id",
    "name",
    "status",
    "signed_policy_version",
    "signed_undertaking_version",
    "signed_at",
    "received_at",
    "log_entry",
    "employee_ref",
    "workplace",
    "current_policy_version",
];

pub(crate) fn push_row(out: &mut String, row: &[String]) {
    out.push_str(
        &row.iter()
            .map(|f| csv_field(f))
            .collect::<Vec<_>>()
            .join(","),
    );
    out.push('\n');
}

/// Who has signed the current pack (`signed`), an older one (`sign_again`), or nothing
/// (`not_signed`), one row per employee. "Current" is decided by the same rule the app
/// uses to ask again.
pub fn signers_csv(pack: &Pack, signers: &[Signer]) -> Result<String, String> {
    let mut out = SIGNERS_COLUMNS.join(",");
    out.push('\n');
    let current = format!(
        "{} / {}",
        pack.policy.version.label, pack.undertaking.version
    );
    for s in signers {
        let mut row = vec![s.employee_id.clone(), s.name.clone()];
        match &s.latest {
            None => {
                row.push("not_signed".into());
                row.extend(std::iter::repeat_n(String::new(), 7));
            }
            Some((payload, received_at, entry)) => {
                let record: SignatureRecord =
                    serde_json::from_str(payload).map_err(|e| format!("log entry {entry}: {e}"))?;
                let status = match signing_status(Some(&record), pack) {
                    SigningStatus::Current => "signed",
                    _ => "sign_again",
                };
                row.extend([
                    status.to_owned(),
                    record.policy_version.clone(),
                    record.undertaking_version.clone(),
                    record
                        .signed_at
                        .format(&time::format_description::well_known::Rfc3339)
                        .unwrap_or_default(),
                    received_at.clone(),
                    entry.to_string(),
                    record.employee_ref.clone(),
                    record.workplace.clone(),
                ]);
            }
        }
        row.push(current.clone());
        push_row(&mut out, &row);
    }
    Ok(out)
}

/// Columns of the training status export.
pub const TRAINING_COLUMNS: [&str; 7] = [
    "employee_id",
    "name",
    "status",
    "completed_at",
    "due_at",
    "bank_version",
    "sessions",
];

fn rfc3339(t: time::OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// The trainee's results that can be read, in the order received. A stored result that no
/// longer reads (a time outside the range accepted since, sent before that check existed)
/// cannot be a real session and is left out rather than stopping the whole report.
fn results(t: &Trainee) -> Vec<QuizResult> {
    t.results
        .iter()
        .filter_map(|p| serde_json::from_str(p).ok())
        .collect()
}

/// Every pack version the trainees' results name, parsed: their answers are scored and
/// scheduled against these banks, as the phone did.
pub async fn named_packs<S: Storage>(
    storage: &S,
    kommunkod: &Kommunkod,
    trainees: &[Trainee],
) -> Result<BTreeMap<String, Pack>, String> {
    let versions: BTreeSet<String> = trainees
        .iter()
        .flat_map(results)
        .map(|r| r.pack_version)
        .collect();
    let mut packs = BTreeMap::new();
    for version in versions {
        let Some(stored) = storage
            .pack_version(kommunkod, &version)
            .await
            .map_err(|e| e.to_string())?
        else {
            continue;
        };
        let pack = serde_json::from_str(&stored.body)
            .map_err(|e| format!("pack version {version}: {e}"))?;
        packs.insert(version, pack);
    }
    Ok(packs)
}

/// Per employee: `completed` (within the current pack's training interval), `overdue`
/// (completed longer ago) or `not_completed`, with the last completion, when it is due
/// again, and the bank version of that completion.
///
/// Completion is what the employee's stored answers prove, replayed by the core's own
/// rules against the banks in `named` (the pack versions the results name, from
/// [`named_packs`]); what a phone claims (`course_completed_at`) is never read.
pub fn training_csv(
    pack: &Pack,
    named: &BTreeMap<String, Pack>,
    trainees: &[Trainee],
    now: time::OffsetDateTime,
) -> Result<String, String> {
    let months = pack.training.interval_months;
    let mut out = TRAINING_COLUMNS.join(",");
    out.push('\n');
    for t in trainees {
        let last = proven_completion(&results(t), |r| named.get(&r.pack_version));
        let status = match completion(last.as_ref().map(|c| c.completed_at), months, now) {
            Completion::Completed => "completed",
            Completion::Overdue => "overdue",
            Completion::NotCompleted => "not_completed",
        };
        let (completed_at, due_at, bank_version) = match last {
            Some(c) => (
                rfc3339(c.completed_at),
                rfc3339(add_months(c.completed_at, months)),
                c.bank_version,
            ),
            None => Default::default(),
        };
        let row = vec![
            t.employee_id.clone(),
            t.name.clone(),
            status.to_owned(),
            completed_at,
            due_at,
            bank_version,
            t.results.len().to_string(),
        ];
        push_row(&mut out, &row);
    }
    Ok(out)
}

/// Columns of the most-missed questions export.
pub const QUESTION_COLUMNS: [&str; 5] =
    ["question", "answered", "wrong", "wrong_percent", "scenario"];

/// Every question answered, most missed first (then by share missed, then id), with its
/// scenario from the current bank.
///
/// Counted per employee, so no one can skew it by answering often: `answered` is how many
/// employees have answered the question, `wrong` how many of them have answered it wrong
/// at least once.
pub fn questions_csv(pack: &Pack, trainees: &[Trainee]) -> Result<String, String> {
    let mut counts: BTreeMap<String, (u64, u64)> = Default::default();
    for t in trainees {
        let mut missed: BTreeMap<String, bool> = BTreeMap::new();
        for r in results(t) {
            for a in r.answers {
                *missed.entry(a.question).or_default() |= !a.correct;
            }
        }
        for (question, wrong) in missed {
            let c = counts.entry(question).or_default();
            c.0 += 1;
            c.1 += u64::from(wrong);
        }
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|(a_id, (a_n, a_w)), (b_id, (b_n, b_w))| {
        b_w.cmp(a_w)
            .then((b_w * a_n).cmp(&(a_w * b_n)))
            .then(a_id.cmp(b_id))
    });
    let mut out = QUESTION_COLUMNS.join(",");
    out.push('\n');
    for (id, (answered, wrong)) in rows {
        let scenario = pack
            .quiz
            .as_ref()
            .and_then(|b| b.question(&id))
            .map(|q| q.scenario.swedish().to_owned())
            .unwrap_or_default();
        let row = vec![
            id,
            answered.to_string(),
            wrong.to_string(),
            (wrong * 100 / answered.max(1)).to_string(),
            scenario,
        ];
        push_row(&mut out, &row);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_defuses_fields() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(csv_field("line\nbreak"), "\"line\nbreak\"");
    }

    /// The review's cells (L3) and their relatives: a formula behind a tab, a carriage
    /// return or whitespace is still a formula to a spreadsheet.
    #[test]
    fn csv_defuses_formulas_behind_tabs_returns_and_spaces() {
        assert_eq!(
            csv_field("\t=HYPERLINK(\"http://evil\",\"x\")"),
            "\"'\t=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\""
        );
        assert_eq!(csv_field("\r=1+1"), "\"'\r=1+1\"");
        assert_eq!(csv_field(" =2+2"), "' =2+2");
        assert_eq!(csv_field("  \t@SUM(1)"), "'  \t@SUM(1)");
        assert_eq!(csv_field("\n-1+1"), "\"'\n-1+1\"");
        assert_eq!(csv_field("\u{a0}+1"), "'\u{a0}+1");
        // A tab or return alone starts a cell a spreadsheet may read as a formula too.
        assert_eq!(csv_field("\tplain"), "'\tplain");
        // Ordinary text that merely contains the characters is left alone.
        assert_eq!(csv_field("a = b"), "a = b");
        assert_eq!(csv_field(" indented"), "\" indented\"");
        assert_eq!(csv_field("2026-0042"), "2026-0042");
    }
}
