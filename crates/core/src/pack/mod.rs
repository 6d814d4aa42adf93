//! Content packs: everything that differs between municipalities, as data.
//!
//! A municipality's content is Vaksam's shared base (`packs/base.toml`) plus the
//! municipality's own overlay (`packs/<name>.toml`); [`resolve`] merges the two into one
//! [`Pack`], which is what is validated, published, hashed, signed and sent to phones
//! (format in `packs/FORMAT.md`, JSON Schema in `packs/pack.schema.json`).
//!
//! This module only orchestrates: texts and languages live in [`crate::text`], sources in
//! [`crate::source`], the checker in [`crate::check`], and each part checks itself next to
//! its type (the matrix in [`crate::classification`], the question bank in
//! [`crate::bank`]). What a signature covers is in [`signing`].

pub mod copying;
pub mod diff;
#[cfg(feature = "toml")]
pub mod resolve;
pub mod signing;

use crate::bank::Bank;
use crate::check::{Checker, Citable, Problem};
use crate::classification::Matrix;
use crate::incident::{Answer, Aspect, Category, IncidentReport};
use crate::municipality::Kommunkod;
use crate::source::sourced;
use crate::source::HasSource;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;

pub use crate::check::MAX_TEXT_CHARS;
pub use crate::text::{Lang, Text};
pub use signing::{DigestVersion, SectionDigest};

/// The pack format this build writes. Format-1 packs (stored before the upgrade, cached on
/// phones) are still read; a pack file with another `format` is refused.
pub const FORMAT_VERSION: u32 = 2;
/// Longest grace period for new employees a pack may set, in weeks.
pub const MAX_NEW_EMPLOYEE_WEEKS: u32 = 52;
/// Longest training interval a pack may set, in months.
pub const MAX_INTERVAL_MONTHS: u32 = 60;

/// One content pack, resolved (base + overlay).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// Pack format: [`FORMAT_VERSION`] (1 for packs published before format 2).
    pub format: u32,
    /// The resolved pack's version, `"<overlay version>+<base version>"`, e.g.
    /// "2026.12.1+2026.12.1"; signatures and training results name it.
    pub version: String,
    /// The version of Vaksam's base it was resolved with (none before format 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
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
    /// What employees confirm (a confirmation, or the municipality's undertaking).
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
    /// Four-digit kommunkod, e.g. "0428"; one of Sweden's 290.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub kommunkod: Kommunkod,
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
    /// The document has no title of its own; `title` is our description of it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub untitled: bool,
    /// Where employees read the whole document (https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Date of adoption, YYYY-MM-DD, where the document gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted: Option<String>,
    /// The document's registration number (diarienummer), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diarienummer: Option<String>,
    /// Who adopted it, e.g. the municipal council.
    pub adopted_by: Sourced,
    /// Date or version of the document; signatures refer to it.
    pub version: Version,
    /// How often it is revised.
    pub revision: Sourced,
    /// The document's sections as cited: every `cite` must be one of these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headings: Vec<String>,
    /// The summary for employees, in sections.
    pub sections: Vec<Section>,
}

sourced! {
    /// A text with its source.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct Sourced {
        /// The text.
        pub text: Text
    }
}

sourced! {
    /// A version label with its source.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct Version {
        /// E.g. "2022-05-13".
        pub label: String
    }
}

sourced! {
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
        pub text: Text
    }
}

sourced! {
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
        pub meaning: Text
    }
}

sourced! {
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
        pub email: Option<String>
    }
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

sourced! {
    /// An incident category the form offers, and what follows from it.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct CategoryRoute {
        /// One of the categories Vaksam knows, e.g. "lost_device".
        #[cfg_attr(feature = "schema", schemars(with = "String"))]
        pub id: Category,
        /// What to do now, most urgent first.
        #[serde(default)]
        pub steps: Vec<Step>,
        /// Who is told (contact ids).
        #[serde(default)]
        pub tell: Vec<String>
    }
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

sourced! {
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
        pub tell: Vec<String>
    }
}

sourced! {
    /// What employees confirm: Vaksam's confirmation, or the municipality's undertaking.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct Undertaking {
        /// Version of the text; signatures refer to it.
        pub version: String,
        /// Heading.
        pub title: Text,
        /// Lead text.
        pub intro: Text,
        /// The statements the employee confirms one by one.
        pub statements: Vec<Statement>
    }
}

sourced! {
    /// One statement of the undertaking.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct Statement {
        /// Stable id.
        pub id: String,
        /// The statement.
        pub text: Text
    }
}

sourced! {
    /// The training cycle.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct Training {
        /// Months between courses.
        pub interval_months: u32,
        /// Weeks a new employee has, from their first day, to sign the policy and complete
        /// the training; absent: Vaksam's default
        /// ([`crate::coverage::DEFAULT_NEW_EMPLOYEE_WEEKS`]). Only the console reads it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub new_employee_weeks: Option<u32>,
        /// Why this interval, in plain words.
        pub note: Text
    }
}

/// One problem in a pack: which file, which line, where in the pack, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackError {
    /// File name as given by the caller.
    pub file: String,
    /// Line in that file, where known.
    pub line: Option<usize>,
    /// Path inside the resolved pack, e.g. `categories[2].tell[0]`; empty for the whole file.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if self.path.is_empty() {
            write!(f, ": {}", self.message)
        } else {
            write!(f, ": {}: {}", self.path, self.message)
        }
    }
}

impl Pack {
    /// Checks everything serde cannot: ids, references, sources, texts. Problems carry the
    /// path of the item at fault; [`resolve`] turns paths into files and lines.
    pub fn check(&self) -> Vec<Problem> {
        let headings: HashSet<String> = self.policy.headings.iter().cloned().collect();
        let citable = if self.format >= 2 {
            Citable::Headings(&headings)
        } else {
            Citable::Anything
        };
        let mut c = Checker::new(citable);
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
        if crate::municipality::name_of(&self.municipality.kommunkod).is_none() {
            c.error(
                "municipality.kommunkod",
                format!(
                    "{} is not the kommunkod of a Swedish municipality",
                    self.municipality.kommunkod
                ),
            );
        }
        c.plain("municipality.name", &self.municipality.name);
        self.policy.check(&mut c);
        check_aspects(&mut c, &self.aspects);

        let mut contacts = HashSet::new();
        for (i, k) in self.contacts.iter().enumerate() {
            k.check(&mut c, &format!("contacts[{i}]"), &mut contacts);
        }

        if self.categories.is_empty() {
            c.error("categories", "at least one incident category is needed");
        }
        let mut cats = HashSet::new();
        for (i, r) in self.categories.iter().enumerate() {
            let path = format!("categories[{i}]");
            if !cats.insert(r.id) {
                c.error(
                    format!("{path}.id"),
                    format!("duplicate id {:?}", r.id.as_str()),
                );
            }
            check_steps(&mut c, &path, &r.steps, &r.tell, &contacts);
            c.source(&path, r, &["steps", "tell"]);
        }
        if !self.categories.is_empty() && !cats.contains(&Category::Other) {
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
            check_steps(&mut c, &path, &s.steps, &s.tell, &contacts);
            c.source(&path, s, &["steps", "tell"]);
        }

        self.undertaking.check(&mut c);
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
        if t.new_employee_weeks
            .is_some_and(|w| !(1..=MAX_NEW_EMPLOYEE_WEEKS).contains(&w))
        {
            c.error(
                "training.new_employee_weeks",
                format!(
                    "{} is not between 1 and {MAX_NEW_EMPLOYEE_WEEKS} weeks",
                    t.new_employee_weeks.unwrap_or_default()
                ),
            );
        }
        c.text("training.note", &t.note);
        c.source("training", t, &["interval_months", "note"]);

        if let Some(bank) = &self.quiz {
            let sections: HashSet<String> =
                self.policy.sections.iter().map(|s| s.id.clone()).collect();
            bank.check(&mut c, &sections);
        }
        if let Some(m) = &self.classification {
            m.check(&mut c, &contacts);
        }
        c.problems
    }

    /// [`Pack::check`] for a pack read from one file (no base): problems name `file` and
    /// the path, without a line.
    pub fn validate(&self, file: &str) -> Result<(), Vec<PackError>> {
        let problems = self.check();
        if problems.is_empty() {
            return Ok(());
        }
        Err(problems
            .into_iter()
            .map(|p| PackError {
                file: file.to_owned(),
                line: None,
                path: p.path,
                message: p.message,
            })
            .collect())
    }

    /// Every default an employee would see marked as Vaksam's advice, by path, for the
    /// coordinator to confirm or replace (`pack validate` lists them).
    pub fn unconfirmed_defaults(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut note = |path: String, s: &dyn HasSource| {
            let s = s.source();
            if s.is_unconfirmed_default() {
                if s.default {
                    out.push(path);
                } else {
                    out.push(format!("{path} ({})", s.default_fields.join(", ")));
                }
            }
        };
        let p = &self.policy;
        note("policy.adopted_by".into(), &p.adopted_by);
        note("policy.version".into(), &p.version);
        note("policy.revision".into(), &p.revision);
        for s in &p.sections {
            note(format!("policy.sections.{}", s.id), s);
        }
        for a in &self.aspects {
            note(format!("aspects.{:?}", a.id).to_lowercase(), a);
        }
        for k in &self.contacts {
            note(format!("contacts.{}", k.id), k);
        }
        for r in &self.categories {
            note(format!("categories.{}", r.id.as_str()), r);
        }
        for s in &self.situations {
            note(format!("situations.{}", when_str(s.when)), s);
        }
        note("undertaking".into(), &self.undertaking);
        for s in &self.undertaking.statements {
            note(format!("undertaking.statements.{}", s.id), s);
        }
        note("training".into(), &self.training);
        if let Some(m) = &self.classification {
            note("classification.principle".into(), &m.principle);
            note("classification.security".into(), &m.security);
            for k in &m.kinds {
                note(format!("classification.kinds.{}", k.id), k);
            }
            for pl in &m.places {
                note(format!("classification.places.{}", pl.id), pl);
                for (i, c) in pl.conditions.iter().enumerate() {
                    note(
                        format!("classification.places.{}.conditions[{i}]", pl.id),
                        c,
                    );
                }
            }
        }
        if let Some(b) = &self.quiz {
            for q in &b.questions {
                note(format!("quiz.questions.{}", q.id), q);
            }
        }
        out
    }

    /// The contact with this id.
    pub fn contact(&self, id: &str) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.id == id)
    }

    /// The route for a category, if the pack offers it.
    pub fn category(&self, category: Category) -> Option<&CategoryRoute> {
        self.categories.iter().find(|c| c.id == category)
    }

    /// The categories the form offers, in the pack's order.
    pub fn offered_categories(&self) -> Vec<Category> {
        self.categories.iter().map(|c| c.id).collect()
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
                parts.push((&s.steps, &s.tell, s.source().is_vaksam_advice()));
            }
        }
        if let Some(r) = self.category(report.category) {
            parts.push((&r.steps, &r.tell, r.source().is_vaksam_advice()));
        }
        if report.harm_to_person == Answer::Yes {
            if let Some(s) = situation(When::HarmToPerson) {
                parts.push((&s.steps, &s.tell, s.source().is_vaksam_advice()));
            }
        }
        if personal {
            if let Some(s) = situation(When::PersonalData) {
                parts.push((&s.steps, &s.tell, s.source().is_vaksam_advice()));
            }
        }
        let mut guidance = Guidance::default();
        for (steps, tell, default) in parts {
            for step in steps {
                let contact = step.contact.as_deref().and_then(|id| self.contact(id));
                guidance.steps.push(GuidanceStep {
                    text: step.text.clone(),
                    contact: contact.map(|c| c.id.clone()),
                    call: contact.map(|c| c.role.clone()),
                    phone: contact.and_then(|c| c.phone.clone()),
                    tel: contact.and_then(Contact::tel),
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
    /// The contact's id, if the step names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// Whom to call (role).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call: Option<Text>,
    /// Their number as the municipality wrote it, if it gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The same number for a `tel:` link (digits and a leading +).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tel: Option<String>,
    /// Vaksam's advice, not the municipality's rule (and not confirmed by it).
    #[serde(default)]
    pub default: bool,
}

/// The JSON Schema of pack files (`packs/pack.schema.json`), for editors: the resolved
/// pack's shape with nothing required (a municipality's file gives only what is its own, and
/// overrides only some fields of a base item), plus the overlay's `[omit]`.
#[cfg(feature = "schema")]
pub fn schema_json() -> String {
    fn optional(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                map.remove("required");
                map.values_mut().for_each(optional);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(optional),
            _ => {}
        }
    }
    let mut schema = serde_json::to_value(schemars::schema_for!(Pack)).unwrap_or_default();
    optional(&mut schema);
    // Texts stay Swedish-first: keep `sv` required inside a text's language table.
    if let Some(text) = schema.pointer_mut("/definitions/Text/anyOf/1") {
        text["required"] = serde_json::json!(["sv"]);
    }
    let lists: serde_json::Map<String, serde_json::Value> = [
        "contacts",
        "categories",
        "situations",
        "statements",
        "kinds",
        "places",
        "questions",
    ]
    .iter()
    .map(|k| {
        let ids = serde_json::json!({"type": "array", "items": {"type": "string"}});
        ((*k).to_owned(), ids)
    })
    .collect();
    if let Some(props) = schema.pointer_mut("/properties") {
        props["omit"] = serde_json::json!({
            "description": "Base items this municipality leaves out, by id (an overlay only).",
            "type": "object",
            "additionalProperties": false,
            "properties": lists,
        });
    }
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// The wire name of a situation's `when`.
pub fn when_str(when: When) -> &'static str {
    match when {
        When::Ongoing => "ongoing",
        When::HarmToPerson => "harm_to_person",
        When::PersonalData => "personal_data",
    }
}

impl Policy {
    fn check(&self, c: &mut Checker) {
        c.text("policy.title", &self.title);
        if let Some(url) = &self.url {
            let ok = url.starts_with("https://")
                && url.len() > "https://".len() + 3
                && !url.chars().any(char::is_whitespace);
            if !ok {
                c.error("policy.url", format!("{url:?} is not an https:// address"));
            }
        }
        if let Some(date) = &self.adopted {
            if crate::timestamp::read_date_text(date).is_none() {
                c.error(
                    "policy.adopted",
                    format!("{date:?} is not a date (YYYY-MM-DD)"),
                );
            }
        }
        if let Some(d) = &self.diarienummer {
            c.plain("policy.diarienummer", d);
        }
        let mut headings = HashSet::new();
        for (i, h) in self.headings.iter().enumerate() {
            c.plain(&format!("policy.headings[{i}]"), h);
            if !headings.insert(h) {
                c.error(
                    format!("policy.headings[{i}]"),
                    format!("{h:?} is listed twice"),
                );
            }
        }
        c.text("policy.adopted_by.text", &self.adopted_by.text);
        c.source("policy.adopted_by", &self.adopted_by, &["text"]);
        c.plain("policy.version.label", &self.version.label);
        c.source("policy.version", &self.version, &["label"]);
        c.text("policy.revision.text", &self.revision.text);
        c.source("policy.revision", &self.revision, &["text"]);
        if self.sections.is_empty() {
            c.error("policy.sections", "the summary needs at least one section");
        }
        let mut ids = HashSet::new();
        for (i, s) in self.sections.iter().enumerate() {
            let path = format!("policy.sections[{i}]");
            c.id(&path, &s.id, &mut ids);
            c.text(&format!("{path}.title"), &s.title);
            c.text(&format!("{path}.text"), &s.text);
            c.source(&path, s, &["title", "text"]);
        }
    }
}

fn check_aspects(c: &mut Checker, aspects: &[AspectText]) {
    let mut seen = HashSet::new();
    for (i, a) in aspects.iter().enumerate() {
        let path = format!("aspects[{i}]");
        if !seen.insert(a.id) {
            c.error(
                format!("{path}.id"),
                format!("aspect {:?} is listed twice", a.id),
            );
        }
        c.text(&format!("{path}.name"), &a.name);
        c.text(&format!("{path}.meaning"), &a.meaning);
        c.source(&path, a, &["name", "meaning"]);
    }
    for aspect in Aspect::ALL {
        if !seen.contains(&aspect) {
            c.error("aspects", format!("missing aspect {aspect:?}"));
        }
    }
}

impl Contact {
    fn check(&self, c: &mut Checker, path: &str, ids: &mut HashSet<String>) {
        c.id(path, &self.id, ids);
        c.text(&format!("{path}.role"), &self.role);
        c.text(&format!("{path}.when"), &self.when);
        if let Some(phone) = &self.phone {
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
        if let Some(email) = &self.email {
            if !crate::signature::looks_like_email(email) {
                c.error(
                    format!("{path}.email"),
                    format!("{email:?} is not an e-mail address"),
                );
            }
        }
        c.source(path, self, &["role", "when", "phone", "email"]);
    }

    /// The number as a `tel:` link target: digits and a leading +, nothing else.
    pub fn tel(&self) -> Option<String> {
        let phone = self.phone.as_deref()?;
        let mut out: String = phone.chars().filter(char::is_ascii_digit).collect();
        if phone.trim_start().starts_with('+') {
            out.insert(0, '+');
        }
        Some(out)
    }
}

fn check_steps(
    c: &mut Checker,
    path: &str,
    steps: &[Step],
    tell: &[String],
    contacts: &HashSet<String>,
) {
    for (i, step) in steps.iter().enumerate() {
        c.text(&format!("{path}.steps[{i}].text"), &step.text);
        if let Some(k) = &step.contact {
            c.contact_ref(&format!("{path}.steps[{i}].contact"), k, contacts);
        }
    }
    let mut told = HashSet::new();
    for (i, k) in tell.iter().enumerate() {
        c.contact_ref(&format!("{path}.tell[{i}]"), k, contacts);
        if !told.insert(k) {
            c.error(
                format!("{path}.tell[{i}]"),
                format!("{k:?} is listed twice"),
            );
        }
    }
}

impl Undertaking {
    fn check(&self, c: &mut Checker) {
        c.plain("undertaking.version", &self.version);
        c.text("undertaking.title", &self.title);
        c.text("undertaking.intro", &self.intro);
        c.source("undertaking", self, &["title", "intro"]);
        if self.statements.is_empty() {
            c.error("undertaking.statements", "at least one statement is needed");
        }
        let mut ids = HashSet::new();
        for (i, s) in self.statements.iter().enumerate() {
            let path = format!("undertaking.statements[{i}]");
            c.id(&path, &s.id, &mut ids);
            c.text(&format!("{path}.text"), &s.text);
            c.source(&path, s, &["text"]);
        }
    }
}
