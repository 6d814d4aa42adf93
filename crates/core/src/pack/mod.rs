//! Content packs: everything that differs between municipalities, as data.
//!
//! A pack is a TOML file that a municipality's information-security coordinator can edit
//! (`packs/*.toml`, format in `packs/FORMAT.md`, JSON Schema in `packs/pack.schema.json`).
//! The server reads and validates it, publishes it as JSON, and the app caches that JSON.
//!
//! Every rule-like item says where it comes from: `cite` names the section of the
//! municipality's own document, or `default = true` marks a Vaksam default that the
//! municipality has not set; the app labels those "standardvärde – bekräftas av kommunen".

use crate::classification::{Class, Matrix, Words};
use crate::incident::{Answer, Aspect, Category, IncidentReport};
use crate::protocol::sha256_hex;
use crate::quiz::Bank;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;

/// The pack format this build reads. A pack with another `format` is refused.
pub const FORMAT_VERSION: u32 = 1;
/// Longest text in a pack, in characters (a summary section, not a whole document).
pub const MAX_TEXT_CHARS: usize = 4_000;
/// Longest training interval a pack may set, in months.
pub const MAX_INTERVAL_MONTHS: u32 = 60;

/// A text in Swedish and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Swedish (the first language).
    pub sv: String,
    /// English.
    pub en: String,
}

impl Text {
    /// The text in `lang` ("sv" or "en"; anything else gives Swedish).
    pub fn get(&self, lang: &str) -> &str {
        if lang == "en" {
            &self.en
        } else {
            &self.sv
        }
    }
}

/// One content pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// Pack format; must be [`FORMAT_VERSION`].
    pub format: u32,
    /// This pack's own version, e.g. "2026.11.1". Raise it on every publish.
    pub version: String,
    /// Which municipality the pack is for.
    pub municipality: Municipality,
    /// The policy and its summary for employees.
    pub policy: Policy,
    /// The four protection aspects in the municipality's wording.
    pub aspects: Vec<AspectText>,
    /// Who to contact for what.
    pub contacts: Vec<Contact>,
    /// The incident categories offered, in form order, with what to do now.
    pub categories: Vec<CategoryRoute>,
    /// Extra steps when a report says it is ongoing, may harm a person, or involves personal data.
    #[serde(default)]
    pub situations: Vec<Situation>,
    /// The undertaking (ansvarsförbindelse) employees sign.
    pub undertaking: Undertaking,
    /// How often training is due.
    pub training: Training,
    /// The training question bank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiz: Option<Bank>,
    /// The classification matrix: kinds of information, places, and their levels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classification: Option<Matrix>,
}

/// The municipality.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Municipality {
    /// Four-digit kommunkod, e.g. "0428".
    pub kommunkod: String,
    /// Name, e.g. "Vingåkers kommun".
    pub name: String,
}

/// The policy document and its summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// The document's title.
    pub title: Text,
    /// Who adopted it, e.g. the municipal council.
    pub adopted_by: Sourced,
    /// Date or version of the document; signatures refer to it.
    pub version: Version,
    /// How often it is revised.
    pub revision: Sourced,
    /// The summary for employees, in sections.
    pub sections: Vec<Section>,
}

/// A text with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Sourced {
    /// The text.
    pub text: Text,
    /// Section of the source document this comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cite: Option<String>,
    /// A Vaksam default the municipality has not set.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub default: bool,
}

/// A version label with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Version {
    /// E.g. "2022-05-13".
    pub label: String,
    /// Where the document states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cite: Option<String>,
    /// Vaksam's label, because the document states no date or version.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub default: bool,
}

/// One section of the policy summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable id, e.g. "responsibility"; used to show what changed between versions.
    pub id: String,
    /// Heading.
    pub title: Text,
    /// Our summary, in our own words.
    pub text: Text,
    /// Section of the source document, e.g. "§4" or "2.6".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cite: Option<String>,
    /// A Vaksam default the municipality has not set.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub default: bool,
}

/// One protection aspect in the municipality's wording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AspectText {
    /// Which aspect: confidentiality, integrity, availability or traceability.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub id: Aspect,
    /// The municipality's name for it, e.g. "Sekretess".
    pub name: Text,
    /// What it means, in our words after the document.
    pub meaning: Text,
    /// Section of the source document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cite: Option<String>,
    /// A Vaksam default the municipality has not set.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub default: bool,
}

/// Someone to contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Stable id, referred to by steps, e.g. "it".
    pub id: String,
    /// The role, e.g. "IT-support".
    pub role: Text,
    /// When to contact them.
    pub when: Text,
    /// Phone number, if the municipality has given one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// E-mail address, if the municipality has given one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Section of the source document naming this role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cite: Option<String>,
    /// A Vaksam default the municipality has not set.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub default: bool,
}

/// One step to take now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// What to do.
    pub text: Text,
    /// Whom to call for it (a contact id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
}

/// An incident category the form offers, and what follows from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CategoryRoute {
    /// One of the categories Vaksam knows, e.g. "lost_device".
    pub id: String,
    /// What to do now, most urgent first.
    #[serde(default)]
    pub steps: Vec<Step>,
    /// Who is told (contact ids).
    #[serde(default)]
    pub tell: Vec<String>,
    /// Section of the source document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cite: Option<String>,
    /// A Vaksam default the municipality has not set.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub default: bool,
}

/// When a situation's steps apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum When {
    /// The incident is still going on.
    Ongoing,
    /// A care recipient or pupil may be harmed.
    HarmToPerson,
    /// Personal data are or may be involved.
    PersonalData,
}

/// Steps that apply to any category in a situation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Situation {
    /// When.
    pub when: When,
    /// What to do.
    #[serde(default)]
    pub steps: Vec<Step>,
    /// Who is told in addition (contact ids).
    #[serde(default)]
    pub tell: Vec<String>,
    /// Section of the source document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cite: Option<String>,
    /// A Vaksam default the municipality has not set.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub default: bool,
}

/// The undertaking (ansvarsförbindelse).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Undertaking {
    /// Version of the undertaking text; signatures refer to it.
    pub version: String,
    /// Heading.
    pub title: Text,
    /// Lead text.
    pub intro: Text,
    /// The statements the employee confirms one by one.
    pub statements: Vec<Statement>,
    /// Section of the source document requiring it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cite: Option<String>,
    /// The municipality's document does not require an undertaking; this is Vaksam's.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub default: bool,
}

/// One statement of the undertaking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// Stable id.
    pub id: String,
    /// The statement.
    pub text: Text,
    /// Section of the source document it rests on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cite: Option<String>,
    /// A Vaksam default the municipality has not set.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub default: bool,
}

/// The training cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Training {
    /// Months between courses.
    pub interval_months: u32,
    /// Why this interval, in plain words.
    pub note: Text,
    /// Section of the source document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cite: Option<String>,
    /// A Vaksam default the municipality has not set.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub default: bool,
}

/// One problem in a pack: which file, where in it, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackError {
    /// File name as given by the caller.
    pub file: String,
    /// Path inside the pack, e.g. `categories[2].tell[0]`; empty for the whole file.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}: {}: {}", self.file, self.path, self.message)
        }
    }
}

/// Reads a pack from TOML and validates it. `file` names the file in errors.
#[cfg(feature = "toml")]
pub fn from_toml(file: &str, text: &str) -> Result<Pack, Vec<PackError>> {
    let deserializer = toml::Deserializer::parse(text).map_err(|e| {
        vec![PackError {
            file: file.to_owned(),
            path: String::new(),
            message: located(text, &e),
        }]
    })?;
    let pack: Pack = serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let path = e.path().to_string();
        vec![PackError {
            file: file.to_owned(),
            path: if path == "." { String::new() } else { path },
            message: located(text, e.inner()),
        }]
    })?;
    pack.validate(file)?;
    Ok(pack)
}

/// "line 14, column 1: missing field `sections`".
#[cfg(feature = "toml")]
fn located(text: &str, e: &toml::de::Error) -> String {
    let message = e.message().trim();
    match e.span() {
        Some(span) => {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!("line {line}, column {column}: {message}")
        }
        None => message.to_owned(),
    }
}

/// Collects errors with their paths while walking a pack.
struct Checker<'a> {
    file: &'a str,
    errors: Vec<PackError>,
}

impl Checker<'_> {
    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(PackError {
            file: self.file.to_owned(),
            path: path.into(),
            message: message.into(),
        });
    }

    fn plain(&mut self, path: &str, text: &str) {
        if text.trim().is_empty() {
            self.error(path, "is empty");
        } else if text.chars().count() > MAX_TEXT_CHARS {
            self.error(path, format!("is longer than {MAX_TEXT_CHARS} characters"));
        }
    }

    fn text(&mut self, path: &str, text: &Text) {
        self.plain(&format!("{path}.sv"), &text.sv);
        self.plain(&format!("{path}.en"), &text.en);
    }

    fn source(&mut self, path: &str, cite: &Option<String>, default: bool) {
        match (cite, default) {
            (Some(c), false) if !c.trim().is_empty() => {}
            (Some(_), false) => self.error(format!("{path}.cite"), "is empty"),
            (Some(_), true) => self.error(
                path,
                "has both `cite` and `default = true`; a rule either comes from the document or is a default",
            ),
            (None, false) => self.error(
                path,
                "says nothing about its source: add `cite = \"<section>\"` or mark it `default = true`",
            ),
            (None, true) => {}
        }
    }

    fn id(&mut self, path: &str, id: &str, seen: &mut HashSet<String>) {
        let well_formed = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if !well_formed {
            self.error(
                format!("{path}.id"),
                format!("{id:?} is not an id (lowercase letters, digits, - and _)"),
            );
        } else if !seen.insert(id.to_owned()) {
            self.error(format!("{path}.id"), format!("duplicate id {id:?}"));
        }
    }

    fn contact_ref(&mut self, path: &str, id: &str, contacts: &HashSet<String>) {
        if !contacts.contains(id) {
            self.error(path, format!("unknown contact {id:?}"));
        }
    }

    fn steps(&mut self, path: &str, steps: &[Step], tell: &[String], contacts: &HashSet<String>) {
        for (i, step) in steps.iter().enumerate() {
            self.text(&format!("{path}.steps[{i}].text"), &step.text);
            if let Some(c) = &step.contact {
                self.contact_ref(&format!("{path}.steps[{i}].contact"), c, contacts);
            }
        }
        let mut told = HashSet::new();
        for (i, c) in tell.iter().enumerate() {
            self.contact_ref(&format!("{path}.tell[{i}]"), c, contacts);
            if !told.insert(c) {
                self.error(
                    format!("{path}.tell[{i}]"),
                    format!("{c:?} is listed twice"),
                );
            }
        }
    }
}

impl Checker<'_> {
    fn words(&mut self, path: &str, words: &Words) {
        for (lang, list) in [("sv", &words.sv), ("en", &words.en)] {
            for (i, w) in list.iter().enumerate() {
                if crate::search::fold(w).trim().is_empty() {
                    self.error(
                        format!("{path}.{lang}[{i}]"),
                        "has no letters to search for",
                    );
                }
            }
        }
    }

    fn matrix(&mut self, m: &Matrix, contacts: &HashSet<String>) {
        let p = &m.principle;
        self.text("classification.principle.text", &p.text);
        self.source("classification.principle", &p.cite, p.default);
        let s = &m.security;
        self.text("classification.security.text", &s.text);
        self.contact_ref("classification.security.contact", &s.contact, contacts);
        self.words("classification.security.synonyms", &s.synonyms);
        self.source("classification.security", &s.cite, s.default);

        if m.kinds.is_empty() {
            self.error(
                "classification.kinds",
                "at least one kind of information is needed",
            );
        }
        let mut ids = HashSet::new();
        for (i, k) in m.kinds.iter().enumerate() {
            let path = format!("classification.kinds[{i}]");
            self.id(&path, &k.id, &mut ids);
            self.text(&format!("{path}.name"), &k.name);
            self.words(&format!("{path}.synonyms"), &k.synonyms);
            self.text(&format!("{path}.why"), &k.why);
            self.source(&path, &k.cite, k.default);
            // Every pack uses all four aspects (see `aspects`), so every kind gives all four.
            for a in Aspect::ALL {
                if k.class.get(a).is_none() {
                    self.error(
                        format!("{path}.class"),
                        format!(
                            "{:?} has no {} level",
                            k.class.to_string(),
                            crate::classification::letter(a)
                        ),
                    );
                }
            }
        }

        if m.places.is_empty() {
            self.error("classification.places", "at least one place is needed");
        }
        let mut ids = HashSet::new();
        for (i, pl) in m.places.iter().enumerate() {
            let path = format!("classification.places[{i}]");
            self.id(&path, &pl.id, &mut ids);
            self.text(&format!("{path}.name"), &pl.name);
            self.words(&format!("{path}.synonyms"), &pl.synonyms);
            self.text(&format!("{path}.about"), &pl.about);
            if let Some(t) = &pl.always {
                self.text(&format!("{path}.always"), t);
            }
            self.source(&path, &pl.cite, pl.default);
            for (j, c) in pl.conditions.iter().enumerate() {
                let cpath = format!("{path}.conditions[{j}]");
                self.text(&format!("{cpath}.text"), &c.text);
                self.source(&cpath, &c.cite, c.default);
                if !raises(&pl.max, &c.up_to) {
                    self.error(
                        format!("{cpath}.up_to"),
                        format!(
                            "{:?} allows nothing more than max {:?}; a condition must raise a limit",
                            c.up_to.to_string(),
                            pl.max.to_string()
                        ),
                    );
                }
            }
        }
    }
}

impl Checker<'_> {
    fn bank(&mut self, bank: &Bank, sections: &HashSet<String>) {
        self.plain("quiz.version", &bank.version);
        if bank.questions.is_empty() {
            self.error("quiz.questions", "at least one question is needed");
        }
        let mut ids = HashSet::new();
        for (i, q) in bank.questions.iter().enumerate() {
            let path = format!("quiz.questions[{i}]");
            self.id(&path, &q.id, &mut ids);
            if !sections.contains(&q.section) {
                self.error(
                    format!("{path}.section"),
                    format!("{:?} is not a section of policy.sections", q.section),
                );
            }
            self.text(&format!("{path}.scenario"), &q.scenario);
            self.text(&format!("{path}.explanation"), &q.explanation);
            if !crate::quiz::OPTIONS.contains(&q.options.len()) {
                self.error(
                    format!("{path}.options"),
                    format!("has {} options; a question has 3 or 4", q.options.len()),
                );
            }
            let mut option_ids = HashSet::new();
            for (j, o) in q.options.iter().enumerate() {
                let opath = format!("{path}.options[{j}]");
                self.id(&opath, &o.id, &mut option_ids);
                self.text(&format!("{opath}.text"), &o.text);
            }
            let right = q.options.iter().filter(|o| o.correct).count();
            if right == 0 {
                self.error(
                    format!("{path}.options"),
                    "no option is marked `correct = true`",
                );
            } else if right == q.options.len() {
                self.error(
                    format!("{path}.options"),
                    "every option is correct; at least one must be wrong",
                );
            }
        }
    }
}

/// Whether `up_to` lets a place with `max` take more in some aspect.
fn raises(max: &Class, up_to: &Class) -> bool {
    up_to
        .levels()
        .any(|(a, l)| max.get(a).is_some_and(|m| l > m))
}

impl Pack {
    /// Checks everything serde cannot: ids, references, sources, texts. `file` names the
    /// file in the errors.
    pub fn validate(&self, file: &str) -> Result<(), Vec<PackError>> {
        let mut c = Checker {
            file,
            errors: Vec::new(),
        };
        if self.format != FORMAT_VERSION {
            c.error(
                "format",
                format!(
                    "format {} is not supported (this Vaksam reads format {FORMAT_VERSION})",
                    self.format
                ),
            );
        }
        c.plain("version", &self.version);
        match self.municipality.kommunkod.parse::<crate::Kommunkod>() {
            Err(e) => c.error("municipality.kommunkod", e.to_string()),
            Ok(k) if crate::municipality::name_of(&k).is_none() => c.error(
                "municipality.kommunkod",
                format!("{k} is not one of the municipalities this Vaksam serves"),
            ),
            Ok(_) => {}
        }
        c.plain("municipality.name", &self.municipality.name);

        let p = &self.policy;
        c.text("policy.title", &p.title);
        c.text("policy.adopted_by.text", &p.adopted_by.text);
        c.source(
            "policy.adopted_by",
            &p.adopted_by.cite,
            p.adopted_by.default,
        );
        c.plain("policy.version.label", &p.version.label);
        c.source("policy.version", &p.version.cite, p.version.default);
        c.text("policy.revision.text", &p.revision.text);
        c.source("policy.revision", &p.revision.cite, p.revision.default);
        if p.sections.is_empty() {
            c.error("policy.sections", "the summary needs at least one section");
        }
        let mut ids = HashSet::new();
        for (i, s) in p.sections.iter().enumerate() {
            let path = format!("policy.sections[{i}]");
            c.id(&path, &s.id, &mut ids);
            c.text(&format!("{path}.title"), &s.title);
            c.text(&format!("{path}.text"), &s.text);
            c.source(&path, &s.cite, s.default);
        }

        let mut seen_aspects = HashSet::new();
        for (i, a) in self.aspects.iter().enumerate() {
            let path = format!("aspects[{i}]");
            if !seen_aspects.insert(a.id) {
                c.error(
                    format!("{path}.id"),
                    format!("aspect {:?} is listed twice", a.id),
                );
            }
            c.text(&format!("{path}.name"), &a.name);
            c.text(&format!("{path}.meaning"), &a.meaning);
            c.source(&path, &a.cite, a.default);
        }
        for aspect in Aspect::ALL {
            if !seen_aspects.contains(&aspect) {
                c.error("aspects", format!("missing aspect {aspect:?}"));
            }
        }

        let mut contacts = HashSet::new();
        for (i, k) in self.contacts.iter().enumerate() {
            let path = format!("contacts[{i}]");
            c.id(&path, &k.id, &mut contacts);
            c.text(&format!("{path}.role"), &k.role);
            c.text(&format!("{path}.when"), &k.when);
            if let Some(phone) = &k.phone {
                let digits = phone.bytes().filter(u8::is_ascii_digit).count();
                let ok = phone
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b" +-()".contains(&b))
                    && (3..=15).contains(&digits);
                if !ok {
                    c.error(
                        format!("{path}.phone"),
                        format!("{phone:?} is not a phone number"),
                    );
                }
            }
            if let Some(email) = &k.email {
                if !crate::signature::looks_like_email(email) {
                    c.error(
                        format!("{path}.email"),
                        format!("{email:?} is not an e-mail address"),
                    );
                }
            }
            c.source(&path, &k.cite, k.default);
        }

        if self.categories.is_empty() {
            c.error("categories", "at least one incident category is needed");
        }
        let mut cats = HashSet::new();
        for (i, r) in self.categories.iter().enumerate() {
            let path = format!("categories[{i}]");
            if Category::from_wire(&r.id).is_none() {
                let known: Vec<_> = Category::ALL.iter().map(|c| c.as_str()).collect();
                c.error(
                    format!("{path}.id"),
                    format!("unknown category {:?} (known: {})", r.id, known.join(", ")),
                );
            } else if !cats.insert(r.id.clone()) {
                c.error(format!("{path}.id"), format!("duplicate id {:?}", r.id));
            }
            c.steps(&path, &r.steps, &r.tell, &contacts);
            c.source(&path, &r.cite, r.default);
        }
        if !self.categories.is_empty() && !cats.contains(Category::Other.as_str()) {
            c.error(
                "categories",
                "the category \"other\" is needed so that anything can be reported",
            );
        }
        let mut whens = HashSet::new();
        for (i, s) in self.situations.iter().enumerate() {
            let path = format!("situations[{i}]");
            if !whens.insert(s.when) {
                c.error(
                    format!("{path}.when"),
                    format!("{:?} is listed twice", s.when),
                );
            }
            c.steps(&path, &s.steps, &s.tell, &contacts);
            c.source(&path, &s.cite, s.default);
        }

        let u = &self.undertaking;
        c.plain("undertaking.version", &u.version);
        c.text("undertaking.title", &u.title);
        c.text("undertaking.intro", &u.intro);
        c.source("undertaking", &u.cite, u.default);
        if u.statements.is_empty() {
            c.error("undertaking.statements", "at least one statement is needed");
        }
        let mut statements = HashSet::new();
        for (i, s) in u.statements.iter().enumerate() {
            let path = format!("undertaking.statements[{i}]");
            c.id(&path, &s.id, &mut statements);
            c.text(&format!("{path}.text"), &s.text);
            c.source(&path, &s.cite, s.default);
        }

        let t = &self.training;
        if !(1..=MAX_INTERVAL_MONTHS).contains(&t.interval_months) {
            c.error(
                "training.interval_months",
                format!(
                    "{} is not between 1 and {MAX_INTERVAL_MONTHS} months",
                    t.interval_months
                ),
            );
        }
        c.text("training.note", &t.note);
        c.source("training", &t.cite, t.default);

        if let Some(bank) = &self.quiz {
            let sections: HashSet<String> = p.sections.iter().map(|s| s.id.clone()).collect();
            c.bank(bank, &sections);
        }
        if let Some(m) = &self.classification {
            c.matrix(m, &contacts);
        }

        if c.errors.is_empty() {
            Ok(())
        } else {
            Err(c.errors)
        }
    }

    /// The contact with this id.
    pub fn contact(&self, id: &str) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.id == id)
    }

    /// The route for a category, if the pack offers it.
    pub fn category(&self, category: Category) -> Option<&CategoryRoute> {
        self.categories.iter().find(|c| c.id == category.as_str())
    }

    /// The categories the form offers, in the pack's order.
    pub fn offered_categories(&self) -> Vec<Category> {
        self.categories
            .iter()
            .filter_map(|c| Category::from_wire(&c.id))
            .collect()
    }

    /// The municipality's wording of an aspect.
    pub fn aspect(&self, aspect: Aspect) -> Option<&AspectText> {
        self.aspects.iter().find(|a| a.id == aspect)
    }

    /// "What to do now" for a report: the ongoing situation first, then the category's
    /// steps, then harm and personal data; and everyone who is told, without repeats.
    pub fn guidance_for(&self, report: &IncidentReport) -> Guidance {
        let situation = |when: When| self.situations.iter().find(|s| s.when == when);
        let personal = report.personal_data.involved != Answer::No;
        let mut parts: Vec<(&[Step], &[String], bool)> = Vec::new();
        if report.ongoing == Answer::Yes {
            if let Some(s) = situation(When::Ongoing) {
                parts.push((&s.steps, &s.tell, s.default));
            }
        }
        if let Some(r) = self.category(report.category) {
            parts.push((&r.steps, &r.tell, r.default));
        }
        if report.harm_to_person == Answer::Yes {
            if let Some(s) = situation(When::HarmToPerson) {
                parts.push((&s.steps, &s.tell, s.default));
            }
        }
        if personal {
            if let Some(s) = situation(When::PersonalData) {
                parts.push((&s.steps, &s.tell, s.default));
            }
        }
        let mut guidance = Guidance::default();
        for (steps, tell, default) in parts {
            for step in steps {
                let contact = step.contact.as_deref().and_then(|id| self.contact(id));
                guidance.steps.push(GuidanceStep {
                    text: step.text.clone(),
                    call: contact.map(|c| c.role.clone()),
                    phone: contact.and_then(|c| c.phone.clone()),
                    default,
                });
            }
            for id in tell {
                if let Some(c) = self.contact(id) {
                    if !guidance.told.contains(&c.role) {
                        guidance.told.push(c.role.clone());
                    }
                }
            }
        }
        guidance
    }

    /// The exact text an employee reads and signs, in `lang`: the policy summary, then the
    /// undertaking. Its SHA-256 goes into the signature; the app shows these same pieces.
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

    /// A fingerprint of each policy section in both languages, to tell later which changed.
    pub fn section_digests(&self) -> Vec<SectionDigest> {
        self.policy
            .sections
            .iter()
            .map(|s| SectionDigest {
                id: s.id.clone(),
                sha256: digest_texts(&[&s.title, &s.text]),
            })
            .collect()
    }

    /// A fingerprint of the undertaking in both languages.
    pub fn undertaking_digest(&self) -> String {
        let u = &self.undertaking;
        let mut texts = vec![&u.title, &u.intro];
        texts.extend(u.statements.iter().map(|s| &s.text));
        digest_texts(&texts)
    }
}

fn digest_texts(texts: &[&Text]) -> String {
    let mut joined = String::new();
    for t in texts {
        joined.push_str(t.sv.trim());
        joined.push('\u{0}');
        joined.push_str(t.en.trim());
        joined.push('\u{0}');
    }
    sha256_hex(joined.as_bytes())
}

/// A section's id and fingerprint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionDigest {
    /// Section id.
    pub id: String,
    /// Hex SHA-256 of its title and text in both languages.
    pub sha256: String,
}

/// "What to do now", resolved from a pack for one report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guidance {
    /// Steps, most urgent first.
    pub steps: Vec<GuidanceStep>,
    /// Who is told.
    pub told: Vec<Text>,
}

/// One resolved step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuidanceStep {
    /// What to do.
    pub text: Text,
    /// Whom to call (role).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call: Option<Text>,
    /// Their number, if the municipality gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// A Vaksam default, not the municipality's rule.
    #[serde(default)]
    pub default: bool,
}
