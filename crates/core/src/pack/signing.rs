//! What a signature covers: the text shown, and digests that decide "sign again".
//!
//! The signature's `text_sha256` is the hash of exactly what the employee read, in the
//! language shown. Whether someone must sign again is decided by digests, which are
//! versioned: version 2 (format-2 packs) covers only the Swedish texts, so adding or fixing
//! a translation never asks anyone to sign again; version 1 (signatures made before format
//! 2) covered Swedish and English and is still checked the old way.

use super::Pack;
use crate::protocol::sha256_hex;
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// How a digest was computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DigestVersion {
    /// Swedish and English, written as plain hex (format-1 packs).
    V1,
    /// Swedish only, written `2:<hex>`.
    V2,
}

impl DigestVersion {
    /// The version a digest was written in.
    pub fn of(digest: &str) -> DigestVersion {
        if digest.starts_with("2:") {
            DigestVersion::V2
        } else {
            DigestVersion::V1
        }
    }

    /// The version new signatures use.
    pub const CURRENT: DigestVersion = DigestVersion::V2;
}

/// A section's id and fingerprint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionDigest {
    /// Section id.
    pub id: String,
    /// The digest of its title and text ([`DigestVersion`]).
    pub sha256: String,
}

fn digest_texts(texts: &[&Text], version: DigestVersion) -> String {
    let mut joined = String::new();
    for t in texts {
        joined.push_str(t.swedish().trim());
        joined.push('\u{0}');
        if version == DigestVersion::V1 {
            // Exactly as format 1 computed it: the English text, whatever it was.
            let en = if t.has("en") { t.get("en") } else { "" };
            joined.push_str(en.trim());
            joined.push('\u{0}');
        }
    }
    let hex = sha256_hex(joined.as_bytes());
    match version {
        DigestVersion::V1 => hex,
        DigestVersion::V2 => format!("2:{hex}"),
    }
}

impl Pack {
    /// The exact text an employee reads and signs, in `lang` (each text falling back to
    /// Swedish where it has no translation): the policy summary, then the undertaking. Its
    /// SHA-256 goes into the signature; the app shows these same pieces.
    pub fn signing_text(&self, lang: &str) -> String {
        let mut out = String::new();
        let p = &self.policy;
        out.push_str(p.title.get(lang));
        out.push('\n');
        out.push_str(&p.version.label);
        out.push_str("\n\n");
        for s in &p.sections {
            out.push_str(s.title.get(lang));
            out.push('\n');
            out.push_str(s.text.get(lang).trim());
            out.push_str("\n\n");
        }
        let u = &self.undertaking;
        out.push_str(u.title.get(lang));
        out.push('\n');
        out.push_str(&u.version);
        out.push('\n');
        out.push_str(u.intro.get(lang).trim());
        out.push('\n');
        for s in &u.statements {
            out.push_str("- ");
            out.push_str(s.text.get(lang).trim());
            out.push('\n');
        }
        out
    }

    /// Hex SHA-256 of [`Pack::signing_text`].
    pub fn signing_hash(&self, lang: &str) -> String {
        sha256_hex(self.signing_text(lang).as_bytes())
    }

    /// The digest version this pack's signatures use: 2, or 1 for a format-1 pack.
    pub fn digest_version(&self) -> DigestVersion {
        if self.format >= 2 {
            DigestVersion::V2
        } else {
            DigestVersion::V1
        }
    }

    /// A fingerprint of each policy section, in this pack's digest version.
    pub fn section_digests(&self) -> Vec<SectionDigest> {
        self.section_digests_as(self.digest_version())
    }

    /// A fingerprint of each policy section in `version`.
    pub fn section_digests_as(&self, version: DigestVersion) -> Vec<SectionDigest> {
        self.policy
            .sections
            .iter()
            .map(|s| SectionDigest {
                id: s.id.clone(),
                sha256: digest_texts(&[&s.title, &s.text], version),
            })
            .collect()
    }

    /// A fingerprint of the undertaking, in this pack's digest version.
    pub fn undertaking_digest(&self) -> String {
        self.undertaking_digest_as(self.digest_version())
    }

    /// A fingerprint of the undertaking in `version`.
    pub fn undertaking_digest_as(&self, version: DigestVersion) -> String {
        let u = &self.undertaking;
        let mut texts = vec![&u.title, &u.intro];
        texts.extend(u.statements.iter().map(|s| &s.text));
        digest_texts(&texts, version)
    }
}
