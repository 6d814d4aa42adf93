//! Exports of the incident register for the municipality's information-security staff.

use crate::storage::{RegisterEntry, Signer};
use vaksam_core::signature::{signing_status, SignatureRecord, SigningStatus};
use vaksam_core::Pack;

/// Columns of the CSV export, in order.
pub const CSV_COLUMNS: [&str; 13] = [
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
];

/// One CSV field: quoted when needed, and defused against spreadsheet formula injection
/// (a cell starting with `=`, `+`, `-` or `@` gets a leading apostrophe).
fn csv_field(text: &str) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@']) {
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

fn text_at(report: &serde_json::Value, path: &[&str]) -> String {
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

fn push_row(out: &mut String, row: &[String]) {
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
}
