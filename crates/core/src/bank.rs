//! The training question bank: questions, options, what each is for, and its check.
//!
//! Apart from the quiz session ([`crate::quiz`]) so that the pack, which holds a bank, does
//! not depend on scheduling, and scheduling does not sit inside the pack.

use crate::check::Checker;
use crate::classification::Sector;
use crate::source::sourced;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The fewest and most options a question may have.
pub const OPTIONS: std::ops::RangeInclusive<usize> = 3..=4;

/// The pack's question bank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Bank {
    /// The bank's version; completion records name it.
    pub version: String,
    /// The questions, basics first is a good habit but not required.
    pub questions: Vec<Question>,
}

sourced! {
    /// One question: a short scenario, options, and an explanation that teaches. Its own
    /// source: `cite` only where the municipality's document says what it teaches.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct Question {
        /// Stable id; results refer to it.
        pub id: String,
        /// A policy summary section to read more in (an id in `policy.sections`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub section: Option<String>,
        /// Whose work it is about: asked only of employees in these sectors (none: everyone).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub sectors: Vec<Sector>,
        /// Part of what a new employee is asked first.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        pub basics: bool,
        /// The situation and the question.
        pub scenario: Text,
        /// Three or four options; one or more are correct.
        pub options: Vec<Choice>,
        /// Why the right answer is right, and what to do instead.
        pub explanation: Text
    }
}

/// One option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stable id within the question, e.g. "a".
    pub id: String,
    /// The option.
    pub text: Text,
    /// Whether choosing it is right.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub correct: bool,
}

impl Question {
    /// Whether more than one option is correct (the app then asks for all that apply).
    pub fn is_multiple(&self) -> bool {
        self.options.iter().filter(|o| o.correct).count() > 1
    }

    /// Whether `chosen` is exactly the set of correct options (order and repeats aside).
    pub fn is_right(&self, chosen: &[String]) -> bool {
        self.options
            .iter()
            .all(|o| o.correct == chosen.contains(&o.id))
            && chosen
                .iter()
                .all(|c| self.options.iter().any(|o| o.id == *c))
    }
}

impl Bank {
    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}

impl Question {
    /// Whether an employee of `sector` is asked this question (`None`: sector not chosen,
    /// so only questions for everyone).
    pub fn asked_of(&self, sector: Option<Sector>) -> bool {
        self.sectors.is_empty() || sector.is_some_and(|s| self.sectors.contains(&s))
    }
}

impl Bank {
    /// The questions an employee of `sector` is asked, in bank order.
    pub fn questions_for(&self, sector: Option<Sector>) -> impl Iterator<Item = &Question> {
        self.questions.iter().filter(move |q| q.asked_of(sector))
    }

    /// Checks ids, options, texts and sources; `sections` are the policy's section ids.
    pub(crate) fn check(&self, c: &mut Checker, sections: &HashSet<String>) {
        c.plain("quiz.version", &self.version);
        if self.questions.is_empty() {
            c.error("quiz.questions", "at least one question is needed");
        }
        let mut ids = HashSet::new();
        for (i, q) in self.questions.iter().enumerate() {
            let path = format!("quiz.questions[{i}]");
            c.id(&path, &q.id, &mut ids);
            if let Some(section) = &q.section {
                if !sections.contains(section) {
                    c.error(
                        format!("{path}.section"),
                        format!("{section:?} is not a section of policy.sections"),
                    );
                }
            }
            if q.sectors.contains(&Sector::General) {
                c.error(
                    format!("{path}.sectors"),
                    "leave `sectors` out for a question asked of everyone (\"general\" is not a sector to list)",
                );
            }
            c.text(&format!("{path}.scenario"), &q.scenario);
            c.text(&format!("{path}.explanation"), &q.explanation);
            c.source(&path, q, &["scenario", "options", "explanation"]);
            if !OPTIONS.contains(&q.options.len()) {
                c.error(
                    format!("{path}.options"),
                    format!("has {} options; a question has 3 or 4", q.options.len()),
                );
            }
            let mut option_ids = HashSet::new();
            for (j, o) in q.options.iter().enumerate() {
                let opath = format!("{path}.options[{j}]");
                c.id(&opath, &o.id, &mut option_ids);
                c.text(&format!("{opath}.text"), &o.text);
            }
            let right = q.options.iter().filter(|o| o.correct).count();
            if right == 0 {
                c.error(
                    format!("{path}.options"),
                    "no option is marked `correct = true`",
                );
            } else if right == q.options.len() {
                c.error(
                    format!("{path}.options"),
                    "every option is correct; at least one must be wrong",
                );
            }
        }
    }
}
