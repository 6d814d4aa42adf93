//! The pack checker: collects problems with the path of the item at fault.
//!
//! Each pack type checks itself with these helpers (`check` next to the type); the pack
//! only orchestrates. The path (`contacts[3].phone`) is turned into a file and line by
//! whoever read the files (`pack::resolve`). A leaf of the core above `text` and `source`.

use crate::source::HasSource;
use crate::text::{Text, Words};
use std::collections::HashSet;

/// Longest text in a pack, in characters (a summary section, not a whole document).
pub const MAX_TEXT_CHARS: usize = 4_000;

/// One problem: where in the resolved pack, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Path inside the pack, e.g. `categories[2].tell[0]`; empty for the whole pack.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

/// What sources may be cited: the document's headings, or nothing (the base).
pub enum Citable<'a> {
    /// A municipality's pack: each cited section must be one of these.
    Headings(&'a HashSet<String>),
    /// A format-1 pack without headings: any non-empty section name.
    Anything,
}

/// Collects problems while walking a pack.
pub struct Checker<'a> {
    /// What may be cited.
    pub citable: Citable<'a>,
    /// The problems found so far.
    pub problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    /// A checker for a pack whose cites must be among `citable`.
    pub fn new(citable: Citable<'a>) -> Checker<'a> {
        Checker {
            citable,
            problems: Vec::new(),
        }
    }

    /// Records a problem at `path`.
    pub fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    /// A required plain string: not blank, not too long.
    pub fn plain(&mut self, path: &str, text: &str) {
        if text.trim().is_empty() {
            self.error(path, "is empty");
        } else if text.chars().count() > MAX_TEXT_CHARS {
            self.error(path, format!("is longer than {MAX_TEXT_CHARS} characters"));
        }
    }

    /// A text: Swedish required, every language given is not blank and not too long.
    pub fn text(&mut self, path: &str, text: &Text) {
        if !text.has("sv") {
            self.error(
                path,
                "has no Swedish text (write `sv = \"…\"`, or the text as a plain string)",
            );
        }
        for (lang, t) in text.languages() {
            self.plain(&format!("{path}.{lang}"), t);
        }
    }

    /// Search words: each must have something to search for.
    pub fn words(&mut self, path: &str, words: &Words) {
        for (lang, list) in words.languages() {
            for (i, w) in list.iter().enumerate() {
                if crate::text::fold(w).trim().is_empty() {
                    self.error(
                        format!("{path}.{lang}[{i}]"),
                        "has no letters to search for",
                    );
                }
            }
        }
    }

    /// An id: well formed and unique among `seen`.
    pub fn id(&mut self, path: &str, id: &str, seen: &mut HashSet<String>) {
        if !is_id(id) {
            self.error(
                format!("{path}.id"),
                format!("{id:?} is not an id (lowercase letters, digits, - and _)"),
            );
        } else if !seen.insert(id.to_owned()) {
            self.error(format!("{path}.id"), format!("duplicate id {id:?}"));
        }
    }

    /// An item's source: exactly one of `cite` and `default = true`; cited sections among
    /// the document's headings; `default_fields` only on a cited item and naming `fields`;
    /// `confirmed` only where there is a default to confirm.
    pub fn source(&mut self, path: &str, item: &dyn HasSource, fields: &[&str]) {
        let s = item.source();
        match (s.cite.is_empty(), s.default) {
            (false, true) => self.error(
                path,
                "has both `cite` and `default = true`; a rule either comes from the document or is Vaksam's",
            ),
            (true, false) => self.error(
                path,
                "says nothing about its source: add `cite = \"<section>\"` or mark it `default = true`",
            ),
            _ => {}
        }
        for (i, section) in s.cite.sections().iter().enumerate() {
            let at = if s.cite.sections().len() == 1 {
                format!("{path}.cite")
            } else {
                format!("{path}.cite[{i}]")
            };
            match &self.citable {
                _ if section.trim().is_empty() => self.error(at, "is empty"),
                Citable::Headings(headings) if !headings.contains(section.as_str()) => {
                    let mut known: Vec<&str> = headings.iter().map(String::as_str).collect();
                    known.sort_unstable();
                    self.error(
                        at,
                        format!(
                            "{section:?} is not one of policy.headings ({})",
                            known.join(", ")
                        ),
                    );
                }
                _ => {}
            }
        }
        if !s.default_fields.is_empty() {
            if s.default {
                self.error(
                    format!("{path}.default_fields"),
                    "is for a cited item; with `default = true` the whole item is already Vaksam's",
                );
            }
            for f in s.default_fields {
                if !fields.contains(&f.as_str()) {
                    self.error(
                        format!("{path}.default_fields"),
                        format!(
                            "{f:?} is not a field of this item (fields: {})",
                            fields.join(", ")
                        ),
                    );
                }
            }
        }
        if s.confirmed && !s.default && s.default_fields.is_empty() {
            self.error(
                format!("{path}.confirmed"),
                "confirms nothing: the item is cited and has no default fields",
            );
        }
    }

    /// A reference to a contact id.
    pub fn contact_ref(&mut self, path: &str, id: &str, contacts: &HashSet<String>) {
        if !contacts.contains(id) {
            self.error(path, format!("unknown contact {id:?}"));
        }
    }
}

/// Whether `id` is lowercase letters, digits, `-` and `_`, and not empty.
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}
