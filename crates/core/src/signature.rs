//! Signing the ansvarsförbindelse (DESIGN.md §2): what a signature holds, when it is
//! valid, and when the employee must sign again.

use crate::municipality::Kommunkod;
use crate::pack::{DigestVersion, Pack, SectionDigest};
use crate::text::{Lang, Text};
use crate::validation::{check_max_chars, check_required_text, FieldError, FieldErrorCode};
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

/// Longest name, in characters.
pub const MAX_NAME_CHARS: usize = 120;
/// Longest employee id or e-mail, in characters.
pub const MAX_EMPLOYEE_REF_CHARS: usize = 120;
/// Longest workplace, in characters.
pub const MAX_WORKPLACE_CHARS: usize = 160;

/// How long before the server checks it a signature may say it was signed.
///
/// The phone saves a signature to the outbox the moment it is made, so its `signed_at` is
/// old only when the phone stayed offline since; 90 days covers any holiday with the phone
/// switched off. An older date is refused (a backdated signature, review L4), and the
/// employee signs again. When the server checks, "now" is its own clock, or the phone's
/// save time if that runs up to a day ahead (`ingest::MAX_CLOCK_SKEW`). A bound by the
/// named pack's publication would be tighter, but the core does not know when that was.
pub const MAX_SIGNATURE_AGE: Duration = Duration::days(90);

/// A signature as it travels through the outbox (`kind = "signature"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureRecord {
    /// The municipality whose pack was signed.
    pub kommunkod: Kommunkod,
    /// The pack version shown.
    pub pack_version: String,
    /// The policy's date or version.
    pub policy_version: String,
    /// The undertaking's version.
    pub undertaking_version: String,
    /// Language of the text shown, e.g. "sv", "en", "sv-x-lattlast".
    pub lang: Lang,
    /// Hex SHA-256 of [`Pack::signing_text`] in `lang`: exactly what was shown.
    pub text_sha256: String,
    /// Fingerprints of the policy sections, to show later what changed (digest version 2,
    /// `2:<hex>`, or 1 for signatures of format-1 packs; see [`DigestVersion`]).
    pub sections: Vec<SectionDigest>,
    /// Fingerprint of the undertaking, in the same digest version.
    pub undertaking_sha256: String,
    /// The statements confirmed (all of them, in order).
    pub confirmed: Vec<String>,
    /// The employee's name.
    pub name: String,
    /// Employee id or work e-mail.
    pub employee_ref: String,
    /// Workplace, e.g. "Hemtjänst Norr".
    pub workplace: String,
    /// When it was signed, device time.
    #[serde(with = "crate::timestamp::rfc3339")]
    pub signed_at: OffsetDateTime,
}

/// What the employee types in the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignatureDraft {
    /// Name.
    pub name: String,
    /// Employee id or e-mail.
    pub employee_ref: String,
    /// Workplace.
    pub workplace: String,
    /// Ids of the statements ticked so far.
    pub confirmed: Vec<String>,
}

/// Whether `text` looks like an e-mail address (one @, something on each side, a dot after).
pub fn looks_like_email(text: &str) -> bool {
    let mut parts = text.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(local), Some(domain), None) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !text.chars().any(char::is_whitespace)
        }
        _ => false,
    }
}

/// The signer's typed details: name, employee id or e-mail, workplace.
fn check_signer(errors: &mut Vec<FieldError>, name: &str, employee_ref: &str, workplace: &str) {
    check_required_text(errors, "name", name);
    check_max_chars(errors, "name", name, MAX_NAME_CHARS);
    check_required_text(errors, "employee_ref", employee_ref);
    check_max_chars(errors, "employee_ref", employee_ref, MAX_EMPLOYEE_REF_CHARS);
    let r = employee_ref.trim();
    if r.contains('@') && !looks_like_email(r) {
        errors.push(FieldError::new(
            "employee_ref",
            FieldErrorCode::Invalid,
            "not an e-mail address",
        ));
    }
    check_required_text(errors, "workplace", workplace);
    check_max_chars(errors, "workplace", workplace, MAX_WORKPLACE_CHARS);
}

impl SignatureDraft {
    /// Turns the form into a signature of `pack` in `lang`, or says per field what is wrong.
    pub fn sign(
        &self,
        pack: &Pack,
        lang: &Lang,
        now: OffsetDateTime,
    ) -> Result<SignatureRecord, Vec<FieldError>> {
        let mut errors = Vec::new();
        check_signer(&mut errors, &self.name, &self.employee_ref, &self.workplace);
        let statements: Vec<String> = pack
            .undertaking
            .statements
            .iter()
            .map(|s| s.id.clone())
            .collect();
        for (i, id) in statements.iter().enumerate() {
            if !self.confirmed.contains(id) {
                errors.push(FieldError::new(
                    format!("confirmed.{i}"),
                    FieldErrorCode::Required,
                    format!("statement {id:?} is not confirmed"),
                ));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(SignatureRecord {
            kommunkod: pack.municipality.kommunkod.clone(),
            pack_version: pack.version.clone(),
            policy_version: pack.policy.version.label.clone(),
            undertaking_version: pack.undertaking.version.clone(),
            lang: lang.clone(),
            text_sha256: pack.signing_hash(lang.as_str()),
            sections: pack.section_digests(),
            undertaking_sha256: pack.undertaking_digest(),
            confirmed: statements,
            name: self.name.trim().to_owned(),
            employee_ref: self.employee_ref.trim().to_owned(),
            workplace: self.workplace.trim().to_owned(),
            signed_at: now,
        })
    }
}

impl SignatureRecord {
    /// The digest version this signature's fingerprints were written in.
    pub fn digest_version(&self) -> DigestVersion {
        DigestVersion::of(&self.undertaking_sha256)
    }

    /// Checks a received signature against the pack version it claims to sign: the same
    /// municipality, the exact text, every statement confirmed, and the typed fields.
    pub fn validate(&self, pack: &Pack, now: OffsetDateTime) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let mismatch = |errors: &mut Vec<FieldError>, field: &str, what: &str| {
            errors.push(FieldError::new(
                field,
                FieldErrorCode::Inconsistent,
                format!("does not match {what} of pack version {}", pack.version),
            ))
        };
        if self.kommunkod != pack.municipality.kommunkod {
            mismatch(&mut errors, "kommunkod", "the municipality");
        }
        if self.policy_version != pack.policy.version.label {
            mismatch(&mut errors, "policy_version", "the policy version");
        }
        if self.undertaking_version != pack.undertaking.version {
            mismatch(
                &mut errors,
                "undertaking_version",
                "the undertaking version",
            );
        }
        if self.text_sha256 != pack.signing_hash(self.lang.as_str()) {
            mismatch(&mut errors, "text_sha256", "the text");
        }
        let version = self.digest_version();
        if self.sections != pack.section_digests_as(version) {
            mismatch(&mut errors, "sections", "the sections");
        }
        if self.undertaking_sha256 != pack.undertaking_digest_as(version) {
            mismatch(&mut errors, "undertaking_sha256", "the undertaking");
        }
        let expected: Vec<&str> = pack
            .undertaking
            .statements
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        if self.confirmed.iter().map(String::as_str).ne(expected) {
            errors.push(FieldError::new(
                "confirmed",
                FieldErrorCode::Required,
                "every statement must be confirmed",
            ));
        }
        check_signer(&mut errors, &self.name, &self.employee_ref, &self.workplace);
        if self.signed_at > now + crate::incident::FUTURE_TOLERANCE {
            errors.push(FieldError::new(
                "signed_at",
                FieldErrorCode::InFuture,
                "lies in the future",
            ));
        } else if self.signed_at < now - MAX_SIGNATURE_AGE {
            errors.push(FieldError::new(
                "signed_at",
                FieldErrorCode::Invalid,
                format!(
                    "more than {} days before it was received; sign again",
                    MAX_SIGNATURE_AGE.whole_days()
                ),
            ));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// How a policy section changed since the last signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// New section.
    Added,
    /// Same id, different text.
    Changed,
    /// The section is gone.
    Removed,
}

/// One changed section, with its current title (or its id if it was removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionChange {
    /// Section id.
    pub id: String,
    /// Current title, if the section still exists.
    pub title: Option<Text>,
    /// What happened.
    pub change: Change,
}

/// Where the employee stands with the current pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SigningStatus {
    /// Never signed on this phone.
    NotSigned,
    /// The last signature covers the current texts.
    Current,
    /// A newer policy or undertaking needs a new signature.
    SignAgain {
        /// The undertaking's text or version changed.
        undertaking_changed: bool,
        /// The policy's version changed.
        policy_version_changed: bool,
        /// Policy sections added, changed or removed, in the current order (removed last).
        sections: Vec<SectionChange>,
    },
}

/// Compares the last signature with the current pack. Texts count, not only version labels:
/// an edit published without raising a version still asks for a new signature.
pub fn signing_status(last: Option<&SignatureRecord>, pack: &Pack) -> SigningStatus {
    let Some(last) = last else {
        return SigningStatus::NotSigned;
    };
    // Compare in the signature's own digest version: a version-1 signature (Swedish and
    // English) against version-1 digests of today's pack, so an upgrade alone never looks
    // like a change; new signatures use version 2 (Swedish only).
    let version = last.digest_version();
    let current = pack.section_digests_as(version);
    let mut sections = Vec::new();
    for (digest, section) in current.iter().zip(&pack.policy.sections) {
        let change = match last.sections.iter().find(|d| d.id == digest.id) {
            None => Some(Change::Added),
            Some(old) if old.sha256 != digest.sha256 => Some(Change::Changed),
            Some(_) => None,
        };
        if let Some(change) = change {
            sections.push(SectionChange {
                id: digest.id.clone(),
                title: Some(section.title.clone()),
                change,
            });
        }
    }
    for old in &last.sections {
        if !current.iter().any(|d| d.id == old.id) {
            sections.push(SectionChange {
                id: old.id.clone(),
                title: None,
                change: Change::Removed,
            });
        }
    }
    let undertaking_changed = last.undertaking_version != pack.undertaking.version
        || last.undertaking_sha256 != pack.undertaking_digest_as(version);
    let policy_version_changed = last.policy_version != pack.policy.version.label;
    if sections.is_empty()
        && !undertaking_changed
        && !policy_version_changed
        && last.kommunkod == pack.municipality.kommunkod
    {
        SigningStatus::Current
    } else {
        SigningStatus::SignAgain {
            undertaking_changed,
            policy_version_changed,
            sections,
        }
    }
}
