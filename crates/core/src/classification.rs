//! "Where may I store or send this?": the classification matrix of a pack, and the answer
//! for a kind of information and a place.
//!
//! A pack gives each kind of information its levels on SKR's KLASSA scale (0–3 per aspect)
//! and each place or channel the highest level it accepts per aspect, plus conditions that
//! let it take more. The answer for a pair is computed here from those levels; nobody types
//! a yes or no per pair, so a new kind or place is answered everywhere at once.

use crate::check::Checker;
use crate::incident::Aspect;
use crate::source::sourced;
use crate::text::Text;
pub use crate::text::Words;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;
use std::str::FromStr;

/// A level on the KLASSA scale: 0 ingen/försumbar, 1 måttlig, 2 betydande, 3 allvarlig.
/// Level 4 (national-security classified, säkerhetsskydd) is outside Vaksam.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Level(u8);

impl Level {
    /// The level `n`, if it is 0–3.
    pub fn new(n: u8) -> Option<Level> {
        (n <= 3).then_some(Level(n))
    }

    /// 0–3.
    pub fn get(self) -> u8 {
        self.0
    }
}

/// The letter KLASSA and Swedish matrices use for an aspect: K, R, T, S.
pub fn letter(aspect: Aspect) -> char {
    match aspect {
        Aspect::Confidentiality => 'K',
        Aspect::Integrity => 'R',
        Aspect::Availability => 'T',
        Aspect::Traceability => 'S',
    }
}

fn index(aspect: Aspect) -> usize {
    match aspect {
        Aspect::Confidentiality => 0,
        Aspect::Integrity => 1,
        Aspect::Availability => 2,
        Aspect::Traceability => 3,
    }
}

/// Levels per aspect, written the way matrices write them: `"K3 R2 T2 S2"`. For a kind of
/// information it is its class; for a place, the most it accepts (an aspect left out is not
/// limited by that place).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Class([Option<Level>; 4]);

impl Class {
    /// The level for `aspect`, if set.
    pub fn get(&self, aspect: Aspect) -> Option<Level> {
        self.0[index(aspect)]
    }

    /// Sets the level for `aspect`.
    pub fn with(mut self, aspect: Aspect, level: Level) -> Class {
        self.0[index(aspect)] = Some(level);
        self
    }

    /// Whether no aspect is set.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }

    /// The aspects that are set, with their levels, in K R T S order.
    pub fn levels(&self) -> impl Iterator<Item = (Aspect, Level)> + '_ {
        Aspect::ALL
            .into_iter()
            .filter_map(|a| self.get(a).map(|l| (a, l)))
    }
}

/// Why a class text could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClassError {
    /// A part that is not a letter and a digit.
    #[error("{0:?} is not a level: write a letter K, R, T or S and a digit 0–3, e.g. \"K2\"")]
    Malformed(String),
    /// Level 4.
    #[error("{0:?}: level 4 is säkerhetsskydd (national security) and outside Vaksam; use 0–3 and point to whom to ask in `security`")]
    SecurityLevel(String),
    /// The same aspect twice.
    #[error("{0} is given twice")]
    Repeated(char),
}

impl FromStr for Class {
    type Err = ClassError;

    fn from_str(s: &str) -> Result<Class, ClassError> {
        let mut class = Class::default();
        for part in s.split_whitespace() {
            let mut chars = part.chars();
            let (Some(l), Some(d), None) = (chars.next(), chars.next(), chars.next()) else {
                return Err(ClassError::Malformed(part.to_owned()));
            };
            let l = l.to_ascii_uppercase();
            let aspect = Aspect::ALL
                .into_iter()
                .find(|a| letter(*a) == l)
                .ok_or_else(|| ClassError::Malformed(part.to_owned()))?;
            let n = d
                .to_digit(10)
                .ok_or_else(|| ClassError::Malformed(part.to_owned()))?;
            if n == 4 {
                return Err(ClassError::SecurityLevel(part.to_owned()));
            }
            let level =
                Level::new(n as u8).ok_or_else(|| ClassError::Malformed(part.to_owned()))?;
            if class.get(aspect).is_some() {
                return Err(ClassError::Repeated(l));
            }
            class = class.with(aspect, level);
        }
        Ok(class)
    }
}

impl fmt::Display for Class {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .levels()
            .map(|(a, l)| format!("{}{}", letter(a), l.0))
            .collect();
        f.write_str(&parts.join(" "))
    }
}

impl Serialize for Class {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Class {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Class, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Class {
    fn schema_name() -> String {
        "Class".to_owned()
    }

    fn json_schema(_: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        schemars::schema::SchemaObject {
            instance_type: Some(schemars::schema::InstanceType::String.into()),
            string: Some(Box::new(schemars::schema::StringValidation {
                pattern: Some("^\\s*([KRTSkrts][0-3]\\s*)*$".to_owned()),
                ..Default::default()
            })),
            ..Default::default()
        }
        .into()
    }
}

/// Which part of the municipality a kind of information or a place belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    /// Everyone.
    #[default]
    General,
    /// Home care and other care.
    HomeCare,
    /// School.
    School,
}

/// Storage or a way of sending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PlaceGroup {
    /// Where information is kept: a system, a cloud folder, paper, a device.
    Storage,
    /// How information is sent: e-mail, SMS, chat, publishing.
    Channel,
}

/// The pack's classification matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Matrix {
    /// The municipality's own rule that handling and storage follow the classification.
    pub principle: crate::pack::Sourced,
    /// What to do with säkerhetsskydd (level 4), which Vaksam does not handle.
    pub security: Security,
    /// Kinds of information with their class.
    pub kinds: Vec<Kind>,
    /// Places and channels with the most each accepts.
    pub places: Vec<Place>,
}

sourced! {
    /// National-security classified information (KLASSA level 4): out of scope, with whom to ask.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct Security {
        /// What to do instead.
        pub text: Text,
        /// Whom to ask (a contact id).
        pub contact: String,
        /// Words that should find this advice, e.g. "säkerhetsskydd", "hemlig".
        #[serde(default, skip_serializing_if = "Words::is_empty")]
        pub synonyms: Words
    }
}

sourced! {
    /// A kind of information, e.g. "genomförandeplan".
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct Kind {
        /// Stable id.
        pub id: String,
        /// Its name.
        pub name: Text,
        /// Other words people use for it.
        #[serde(default, skip_serializing_if = "Words::is_empty")]
        pub synonyms: Words,
        /// Whose work it belongs to: a care or school system is offered only for these
        /// (none: anyone's information). Format 1 wrote one `sector`.
        #[serde(default, alias = "sector", deserialize_with = "one_or_many", skip_serializing_if = "Vec::is_empty")]
        pub sectors: Vec<Sector>,
        /// Its levels, e.g. "K3 R3 T2 S3".
        pub class: Class,
        /// Why it has these levels, in plain words.
        pub why: Text,
        /// The places people ask about for it (place ids, e.g. `["camera_roll"]` for a
        /// photo), most asked first: their answer leads the list of "no"s.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub asked_about: Vec<String>
    }
}

sourced! {
    /// A place or channel, e.g. OneDrive or SMS.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct Place {
        /// Stable id.
        pub id: String,
        /// Its name, e.g. "Teams".
        pub name: Text,
        /// Other words people use for it.
        #[serde(default, skip_serializing_if = "Words::is_empty")]
        pub synonyms: Words,
        /// Storage or channel.
        pub group: PlaceGroup,
        /// The sector whose information it is for (`general`: everyone's).
        #[serde(default)]
        pub sector: Sector,
        /// What it is for, in plain words.
        pub about: Text,
        /// A place people reach for without thinking (their own phone, the camera roll, SMS,
        /// chat apps): its "no" comes before the "no"s of the municipality's systems.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        pub everyday: bool,
        /// Why information it cannot take must not go here, in words an employee can act on
        /// ("Bilder i kamerarullen kopieras ofta till molnet. Radera bilden …"); without it
        /// the lookup says which protection the place lacks ([`Answer::why_not`]).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub why_not: Option<Text>,
        /// The most it accepts per aspect; an aspect left out is not limited here.
        pub max: Class,
        /// Something that always applies, even to information within `max`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub always: Option<Text>,
        /// Ways to let it take more than `max`.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub conditions: Vec<Condition>
    }
}

sourced! {
    /// "Only if …": with it, a place accepts up to `up_to`.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct Condition {
        /// The most the place accepts with the condition met (aspects left out keep `max`).
        pub up_to: Class,
        /// The condition, in plain words.
        pub text: Text
    }
}

impl Place {
    /// Whether information of a kind in `sectors` can be kept or sent here at all: a place
    /// for everyone serves every kind; a care system only kinds of care work, whatever
    /// their levels.
    pub fn serves(&self, sectors: &[Sector]) -> bool {
        self.sector == Sector::General || sectors.contains(&self.sector)
    }

    /// Whether the place belongs to the work of an employee in `sector` (`None`: not chosen
    /// yet, everything is theirs; `General`: only the places for everyone).
    pub fn is_for(&self, sector: Option<Sector>) -> bool {
        sector.is_none_or(|s| self.serves(&[s]))
    }
}

impl Kind {
    /// Whether the kind belongs to the work of an employee in `sector` (`None`: not chosen
    /// yet, everything is theirs; `General`: only anyone's information).
    pub fn is_for(&self, sector: Option<Sector>) -> bool {
        match sector {
            None => true,
            Some(s) => self.sectors.is_empty() || self.sectors.contains(&s),
        }
    }
}

/// Reads a list of sectors, or one sector as format 1 wrote it (`"general"` is none).
fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Sector>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(Sector),
        Many(Vec<Sector>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(Sector::General) => Vec::new(),
        OneOrMany::One(s) => vec![s],
        OneOrMany::Many(list) => list,
    })
}

/// Yes, no, or only if.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Allowed.
    Yes,
    /// Allowed only if the conditions shown are met.
    OnlyIf,
    /// Not allowed.
    No,
}

/// An aspect where the information needs more than the place gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Over {
    /// The aspect.
    pub aspect: Aspect,
    /// The information's level.
    pub level: Level,
    /// The most the place accepts.
    pub max: Level,
}

/// The answer for one class of information and one place, with its reasons and sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer<'a> {
    /// Yes, no or only if.
    pub verdict: Verdict,
    /// The place.
    pub place: &'a Place,
    /// Where the information needs more than the place's `max`, in K R T S order. Empty for
    /// a yes.
    pub over: Vec<Over>,
    /// For an "only if": the condition that lets the place take it.
    pub condition: Option<&'a Condition>,
    /// The place's `always` text, if it has one (it makes a yes an "only if").
    pub always: Option<&'a Text>,
}

impl Answer<'_> {
    /// Why the answer is no, as a sentence an employee can act on: the place's own
    /// `why_not`, else what the place lacks for the first aspect over its limit, in plain
    /// words (never levels). `None` unless the verdict is no.
    pub fn why_not(&self) -> Option<Text> {
        if self.verdict != Verdict::No {
            return None;
        }
        if let Some(t) = &self.place.why_not {
            return Some(t.clone());
        }
        let aspect = self
            .over
            .first()
            .map_or(Aspect::Confidentiality, |o| o.aspect);
        Some(lacks(aspect))
    }
}

/// What a place lacks when the information needs more of `aspect` than it gives.
fn lacks(aspect: Aspect) -> Text {
    let (sv, en) = match aspect {
        Aspect::Confidentiality => (
            "Här kan fler än de som behöver uppgifterna komma åt dem.",
            "Here more people than those who need the information can reach it.",
        ),
        Aspect::Integrity => (
            "Här kan uppgifterna ändras eller bli fel utan att någon märker det.",
            "Here the information can be changed or become wrong without anyone noticing.",
        ),
        Aspect::Availability => (
            "Här finns uppgifterna inte säkert kvar när någon behöver dem.",
            "Here the information is not sure to be there when someone needs it.",
        ),
        Aspect::Traceability => (
            "Här går det inte att se vem som har läst eller ändrat uppgifterna.",
            "Here no one can see who read or changed the information.",
        ),
    };
    Text::sv_en(sv, en)
}

/// The answer card for one kind of information (or one class): the places it may go, may go
/// only if, and must not go, each list in the order an employee needs it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Card<'a> {
    /// Yes, in the pack's order.
    pub yes: Vec<Answer<'a>>,
    /// Only if, in the pack's order.
    pub only_if: Vec<Answer<'a>>,
    /// No, the places people are most likely asking about first (see [`Matrix::card`]).
    pub no: Vec<Answer<'a>>,
}

/// The answers grouped into a card; the "no"s ranked: the places named in `asked_about`
/// (in that order), then everyday places, then the rest, each in the pack's order.
fn card<'a>(answers: Vec<Answer<'a>>, asked_about: &[String]) -> Card<'a> {
    let mut card = Card::default();
    for a in answers {
        match a.verdict {
            Verdict::Yes => card.yes.push(a),
            Verdict::OnlyIf => card.only_if.push(a),
            Verdict::No => card.no.push(a),
        }
    }
    // A stable sort keeps the pack's order within each rank.
    card.no.sort_by_key(|a| {
        let asked = asked_about.iter().position(|id| *id == a.place.id);
        (asked.unwrap_or(usize::MAX), !a.place.everyday)
    });
    card
}

/// The answer for information of `class` in `place`: yes when every level is within the
/// place's `max`; "only if" when the first condition that covers every level applies (or
/// the place has an `always`); no otherwise. An aspect the class does not set counts as 0.
pub fn answer<'a>(class: &Class, place: &'a Place) -> Answer<'a> {
    let level = |a: Aspect| class.get(a).unwrap_or(Level(0));
    let over: Vec<Over> = Aspect::ALL
        .into_iter()
        .filter_map(|aspect| {
            let max = place.max.get(aspect)?;
            (level(aspect) > max).then_some(Over {
                aspect,
                level: level(aspect),
                max,
            })
        })
        .collect();
    let always = place.always.as_ref();
    if over.is_empty() {
        let verdict = if always.is_some() {
            Verdict::OnlyIf
        } else {
            Verdict::Yes
        };
        return Answer {
            verdict,
            place,
            over,
            condition: None,
            always,
        };
    }
    let covers = |c: &Condition| {
        Aspect::ALL
            .into_iter()
            .all(|a| match c.up_to.get(a).or(place.max.get(a)) {
                Some(limit) => level(a) <= limit,
                None => true,
            })
    };
    let condition = place.conditions.iter().find(|c| covers(c));
    Answer {
        verdict: if condition.is_some() {
            Verdict::OnlyIf
        } else {
            Verdict::No
        },
        place,
        over,
        condition,
        always,
    }
}

impl Matrix {
    /// The kind with this id.
    pub fn kind(&self, id: &str) -> Option<&Kind> {
        self.kinds.iter().find(|k| k.id == id)
    }

    /// The place with this id.
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }

    /// Every place that serves information of `sectors` (all places for `None`), answered
    /// for `class`: yes first, then "only if", then no; the pack's order within each.
    pub fn answers(&self, class: &Class, sectors: Option<&[Sector]>) -> Vec<Answer<'_>> {
        let mut answers: Vec<Answer<'_>> = self
            .places
            .iter()
            .filter(|p| sectors.is_none_or(|s| p.serves(s)))
            .map(|p| answer(class, p))
            .collect();
        answers.sort_by_key(|a| a.verdict);
        answers
    }

    /// The answer card for a kind: every place that serves its sectors, grouped, the "no"s
    /// people most likely ask about first (the kind's `asked_about`, then everyday places).
    pub fn card(&self, kind: &Kind) -> Card<'_> {
        card(
            self.answers(&kind.class, Some(&kind.sectors)),
            &kind.asked_about,
        )
    }

    /// The answer card for a class no kind names (the guided path): the places for an
    /// employee in `sector` (all for `None`), everyday places first among the "no"s.
    pub fn card_for_class(&self, class: &Class, sector: Option<Sector>) -> Card<'_> {
        let answers = self
            .places
            .iter()
            .filter(|p| p.is_for(sector))
            .map(|p| answer(class, p))
            .collect();
        card(answers, &[])
    }

    /// For one place: every kind it serves, with the answer; yes first, then "only if",
    /// then no; the pack's order within each.
    pub fn kinds_for<'a>(&'a self, place: &'a Place) -> Vec<(&'a Kind, Answer<'a>)> {
        let mut kinds: Vec<_> = self
            .kinds
            .iter()
            .filter(|k| place.serves(&k.sectors))
            .map(|k| (k, answer(&k.class, place)))
            .collect();
        kinds.sort_by_key(|(_, a)| a.verdict);
        kinds
    }
}

/// The questions of the guided path, for information the list does not name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Question {
    /// Can it be linked to a person?
    PersonalData,
    /// Sensitive personal data, e.g. health (GDPR art. 9)?
    Sensitive,
    /// Covered by secrecy under offentlighets- och sekretesslagen (OSL)?
    Secrecy,
    /// Must it be at hand at once, e.g. in an emergency?
    Emergency,
    /// Would a change or a mistake in it harm someone?
    Harm,
}

/// Answers given so far on the guided path.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guide {
    /// Personal data?
    pub personal_data: Option<bool>,
    /// Sensitive personal data?
    pub sensitive: Option<bool>,
    /// Secrecy (OSL)?
    pub secrecy: Option<bool>,
    /// Needed in an emergency?
    pub emergency: Option<bool>,
    /// Would a change harm someone?
    pub harm: Option<bool>,
}

impl Guide {
    /// The next question to ask, or `None` when the class is known. "Sensitive" is asked
    /// only about personal data.
    pub fn next(&self) -> Option<Question> {
        if self.personal_data.is_none() {
            return Some(Question::PersonalData);
        }
        if self.personal_data == Some(true) && self.sensitive.is_none() {
            return Some(Question::Sensitive);
        }
        [
            (Question::Secrecy, self.secrecy),
            (Question::Emergency, self.emergency),
            (Question::Harm, self.harm),
        ]
        .into_iter()
        .find_map(|(q, a)| a.is_none().then_some(q))
    }

    /// The guide with `question` answered (and answers that no longer apply dropped).
    pub fn answer(mut self, question: Question, yes: bool) -> Guide {
        match question {
            Question::PersonalData => {
                self.personal_data = Some(yes);
                if !yes {
                    self.sensitive = None;
                }
            }
            Question::Sensitive => self.sensitive = Some(yes),
            Question::Secrecy => self.secrecy = Some(yes),
            Question::Emergency => self.emergency = Some(yes),
            Question::Harm => self.harm = Some(yes),
        }
        self
    }

    /// The guide with `question` and every answer given after it cleared, so that it is
    /// asked again (changing an early answer can change which questions follow).
    pub fn reopen(self, question: Question) -> Guide {
        let mut fresh = Guide::default();
        for (asked, yes) in self.answered() {
            if asked == question {
                break;
            }
            fresh = fresh.answer(asked, yes);
        }
        fresh
    }

    /// The questions answered so far, in the order asked.
    pub fn answered(&self) -> Vec<(Question, bool)> {
        [
            (Question::PersonalData, self.personal_data),
            (Question::Sensitive, self.sensitive),
            (Question::Secrecy, self.secrecy),
            (Question::Emergency, self.emergency),
            (Question::Harm, self.harm),
        ]
        .into_iter()
        .filter_map(|(q, a)| a.map(|a| (q, a)))
        .collect()
    }

    /// The class the answers point to, once every question is answered. It is guidance, a
    /// cautious reading of KLASSA, not the information owner's classification:
    /// - K: 1 for any work information (not meant for the public), 2 with personal data or
    ///   secrecy, 3 with sensitive personal data or personal data under secrecy;
    /// - R: 1, or 2 if a change would harm someone, 3 if it would and the data are sensitive;
    /// - T: 1, or 2 if it is needed in an emergency;
    /// - S: 0; 1 with personal data; 2 with sensitive personal data or personal data under
    ///   secrecy (who read or changed them must be traceable).
    pub fn class(&self) -> Option<Class> {
        if self.next().is_some() {
            return None;
        }
        let personal = self.personal_data == Some(true);
        let sensitive = personal && self.sensitive == Some(true);
        let secrecy = self.secrecy == Some(true);
        let harm = self.harm == Some(true);
        let k = if sensitive || (personal && secrecy) {
            3
        } else if personal || secrecy {
            2
        } else {
            1
        };
        let r = match (harm, sensitive) {
            (true, true) => 3,
            (true, false) => 2,
            _ => 1,
        };
        let t = if self.emergency == Some(true) { 2 } else { 1 };
        let s = if sensitive || (personal && secrecy) {
            2
        } else if personal {
            1
        } else {
            0
        };
        Some(
            Class::default()
                .with(Aspect::Confidentiality, Level(k))
                .with(Aspect::Integrity, Level(r))
                .with(Aspect::Availability, Level(t))
                .with(Aspect::Traceability, Level(s)),
        )
    }
}

impl Matrix {
    /// Checks the matrix: texts, ids, levels, conditions and sources; `contacts` are the
    /// pack's contact ids.
    pub(crate) fn check(&self, c: &mut Checker, contacts: &HashSet<String>) {
        let p = &self.principle;
        c.text("classification.principle.text", &p.text);
        c.source("classification.principle", p, &["text"]);
        let s = &self.security;
        c.text("classification.security.text", &s.text);
        c.contact_ref("classification.security.contact", &s.contact, contacts);
        c.words("classification.security.synonyms", &s.synonyms);
        c.source("classification.security", s, &["text", "contact"]);

        if self.kinds.is_empty() {
            c.error(
                "classification.kinds",
                "at least one kind of information is needed",
            );
        }
        let mut ids = HashSet::new();
        for (i, k) in self.kinds.iter().enumerate() {
            let path = format!("classification.kinds[{i}]");
            c.id(&path, &k.id, &mut ids);
            c.text(&format!("{path}.name"), &k.name);
            c.words(&format!("{path}.synonyms"), &k.synonyms);
            c.text(&format!("{path}.why"), &k.why);
            c.source(
                &path,
                k,
                &["name", "class", "why", "sectors", "asked_about"],
            );
            for (j, id) in k.asked_about.iter().enumerate() {
                if self.place(id).is_none() {
                    c.error(
                        format!("{path}.asked_about[{j}]"),
                        format!("{id:?} is not the id of a place in `classification.places`"),
                    );
                } else if k.asked_about[..j].contains(id) {
                    c.error(
                        format!("{path}.asked_about[{j}]"),
                        format!("{id:?} is named twice"),
                    );
                }
            }
            if k.sectors.contains(&Sector::General) {
                c.error(
                    format!("{path}.sectors"),
                    "leave `sectors` out for anyone's information (\"general\" is not a sector to list)",
                );
            }
            // Every pack uses all four aspects (see `aspects`), so every kind gives all four.
            for a in Aspect::ALL {
                if k.class.get(a).is_none() {
                    c.error(
                        format!("{path}.class"),
                        format!("{:?} has no {} level", k.class.to_string(), letter(a)),
                    );
                }
            }
        }

        if self.places.is_empty() {
            c.error("classification.places", "at least one place is needed");
        }
        let mut ids = HashSet::new();
        for (i, pl) in self.places.iter().enumerate() {
            let path = format!("classification.places[{i}]");
            c.id(&path, &pl.id, &mut ids);
            c.text(&format!("{path}.name"), &pl.name);
            c.words(&format!("{path}.synonyms"), &pl.synonyms);
            c.text(&format!("{path}.about"), &pl.about);
            if let Some(t) = &pl.always {
                c.text(&format!("{path}.always"), t);
            }
            if let Some(t) = &pl.why_not {
                c.text(&format!("{path}.why_not"), t);
            }
            c.source(
                &path,
                pl,
                &[
                    "name", "about", "max", "always", "sector", "why_not", "everyday",
                ],
            );
            for (j, cond) in pl.conditions.iter().enumerate() {
                let cpath = format!("{path}.conditions[{j}]");
                c.text(&format!("{cpath}.text"), &cond.text);
                c.source(&cpath, cond, &["up_to", "text"]);
                if !raises(&pl.max, &cond.up_to) {
                    c.error(
                        format!("{cpath}.up_to"),
                        format!(
                            "{:?} allows nothing more than max {:?}; a condition must raise a limit",
                            cond.up_to.to_string(),
                            pl.max.to_string()
                        ),
                    );
                }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn class(s: &str) -> Class {
        s.parse().unwrap()
    }

    fn text(s: &str) -> Text {
        Text::sv_en(s, s)
    }

    fn place(max: &str, conditions: &[&str]) -> Place {
        Place {
            id: "p".into(),
            name: text("P"),
            synonyms: Words::default(),
            group: PlaceGroup::Storage,
            sector: Sector::General,
            about: text("about"),
            everyday: false,
            why_not: None,
            max: class(max),
            always: None,
            conditions: conditions
                .iter()
                .map(|up| Condition {
                    up_to: class(up),
                    text: text(up),
                    cite: Default::default(),
                    default: true,
                    default_fields: Vec::new(),
                    confirmed: false,
                })
                .collect(),
            cite: Default::default(),
            default: true,
            default_fields: Vec::new(),
            confirmed: false,
        }
    }

    fn named(id: &str, max: &str) -> Place {
        Place {
            id: id.into(),
            name: text(id),
            ..place(max, &[])
        }
    }

    fn kind(sectors: &[Sector], class_text: &str, asked_about: &[&str]) -> Kind {
        Kind {
            id: "k".into(),
            name: text("K"),
            synonyms: Words::default(),
            sectors: sectors.to_vec(),
            class: class(class_text),
            why: text("why"),
            asked_about: asked_about.iter().map(|s| s.to_string()).collect(),
            cite: Default::default(),
            default: true,
            default_fields: Vec::new(),
            confirmed: false,
        }
    }

    fn ids<'a>(answers: &[Answer<'a>]) -> Vec<&'a str> {
        answers.iter().map(|a| a.place.id.as_str()).collect()
    }

    fn matrix(places: Vec<Place>) -> Matrix {
        let principle: crate::pack::Sourced =
            serde_json::from_str(r#"{"text": {"sv": "p"}, "default": true}"#).unwrap();
        Matrix {
            principle,
            security: Security {
                text: text("s"),
                contact: "c".into(),
                synonyms: Words::default(),
                cite: Default::default(),
                default: true,
                default_fields: Vec::new(),
                confirmed: false,
            },
            kinds: Vec::new(),
            places,
        }
    }

    #[test]
    fn a_card_puts_the_asked_about_no_first_then_everyday_places() {
        let mut sms = named("sms", "K1");
        sms.everyday = true;
        let mut camera = named("camera_roll", "K0");
        camera.everyday = true;
        let m = matrix(vec![
            named("system", "K3"),
            named("onedrive", "K1"),
            named("teams", "K2"),
            sms,
            named("usb", "K1"),
            camera,
        ]);
        let photo = kind(&[], "K3", &["camera_roll"]);
        let card = m.card(&photo);
        assert_eq!(ids(&card.yes), ["system"]);
        assert_eq!(
            ids(&card.no),
            ["camera_roll", "sms", "onedrive", "teams", "usb"]
        );
        // Without `asked_about`, everyday places still come first, in the pack's order.
        let plain = kind(&[], "K3", &[]);
        assert_eq!(
            ids(&m.card(&plain).no),
            ["sms", "camera_roll", "onedrive", "teams", "usb"]
        );
    }

    #[test]
    fn the_sector_filter_keeps_anyones_items_and_the_employees_own() {
        let mut care = named("care_system", "K3");
        care.sector = Sector::HomeCare;
        let mut school = named("school_system", "K3");
        school.sector = Sector::School;
        let teams = named("teams", "K2");
        assert!(care.is_for(Some(Sector::HomeCare)) && !care.is_for(Some(Sector::School)));
        assert!(!care.is_for(Some(Sector::General)) && care.is_for(None));
        assert!(teams.is_for(Some(Sector::School)) && teams.is_for(Some(Sector::General)));

        let pupil = kind(&[Sector::School], "K2", &[]);
        let anyones = kind(&[], "K1", &[]);
        let both = kind(&[Sector::HomeCare, Sector::School], "K3", &[]);
        assert!(!pupil.is_for(Some(Sector::HomeCare)) && pupil.is_for(Some(Sector::School)));
        assert!(anyones.is_for(Some(Sector::HomeCare)) && anyones.is_for(Some(Sector::General)));
        assert!(both.is_for(Some(Sector::HomeCare)) && !both.is_for(Some(Sector::General)));
        assert!(pupil.is_for(None));

        let m = matrix(vec![care, school, teams]);
        let card = m.card_for_class(&class("K3 R1 T1 S1"), Some(Sector::HomeCare));
        assert_eq!(ids(&card.yes), ["care_system"]);
        assert_eq!(ids(&card.no), ["teams"]);
    }

    #[test]
    fn a_no_is_said_in_words_the_places_own_first() {
        let mut camera = named("camera_roll", "K0 T1 S0");
        let a = answer(&class("K3 R1 T1 S2"), &camera);
        assert_eq!(
            a.why_not().map(|t| t.get("sv").to_owned()).as_deref(),
            Some("Här kan fler än de som behöver uppgifterna komma åt dem.")
        );
        camera.why_not = Some(text("Radera bilden."));
        let a = answer(&class("K3 R1 T1 S2"), &camera);
        assert_eq!(
            a.why_not().map(|t| t.get("sv").to_owned()).as_deref(),
            Some("Radera bilden.")
        );
        // Only a missing log: the sentence says so, with no levels.
        let p = named("drive", "K3 S1");
        let why = answer(&class("K2 S2"), &p).why_not().unwrap();
        assert_eq!(
            why.get("en"),
            "Here no one can see who read or changed the information."
        );
        assert!(!why.get("sv").chars().any(|c| c.is_ascii_digit()));
        // A yes has no reason against it.
        assert_eq!(answer(&class("K0"), &p).why_not(), None);
    }

    #[test]
    fn class_text_round_trips_in_klassa_order() {
        assert_eq!(class("s2 T1 K3 R2").to_string(), "K3 R2 T1 S2");
        assert_eq!(class("").to_string(), "");
    }

    #[test]
    fn level_four_and_garbage_are_refused_with_the_part_named() {
        assert_eq!(
            "K4 R1".parse::<Class>(),
            Err(ClassError::SecurityLevel("K4".into()))
        );
        assert_eq!(
            "X1".parse::<Class>(),
            Err(ClassError::Malformed("X1".into()))
        );
        assert_eq!(
            "K12".parse::<Class>(),
            Err(ClassError::Malformed("K12".into()))
        );
        assert_eq!("K1 k2".parse::<Class>(), Err(ClassError::Repeated('K')));
    }

    #[test]
    fn within_every_limit_is_yes() {
        let p = place("K1 S1", &[]);
        let a = answer(&class("K1 R2 T1 S0"), &p);
        assert_eq!(a.verdict, Verdict::Yes);
        assert!(a.over.is_empty());
    }

    #[test]
    fn above_a_limit_is_no_and_names_the_aspect() {
        let p = place("K2 S2", &[]);
        let a = answer(&class("K3 R1 T1 S2"), &p);
        assert_eq!(a.verdict, Verdict::No);
        assert_eq!(
            a.over,
            vec![Over {
                aspect: Aspect::Confidentiality,
                level: Level(3),
                max: Level(2)
            }]
        );
    }

    #[test]
    fn a_condition_that_covers_every_level_gives_only_if() {
        let p = place("K1 S0", &["K2", "K3 S2"]);
        let a = answer(&class("K2 S0"), &p);
        assert_eq!(a.verdict, Verdict::OnlyIf);
        assert_eq!(a.condition.map(|c| c.up_to), Some(class("K2")));
        // K2 alone does not cover S2, so the second condition is the one that applies.
        let b = answer(&class("K2 S2"), &p);
        assert_eq!(b.condition.map(|c| c.up_to), Some(class("K3 S2")));
        assert_eq!(answer(&class("K3 S3"), &p).verdict, Verdict::No);
    }

    #[test]
    fn always_makes_a_yes_conditional_but_not_a_no_allowed() {
        let mut p = place("K0", &[]);
        p.always = Some(text("only approved services"));
        assert_eq!(answer(&class("K0"), &p).verdict, Verdict::OnlyIf);
        assert_eq!(answer(&class("K1"), &p).verdict, Verdict::No);
    }

    #[test]
    fn guided_path_asks_sensitive_only_for_personal_data() {
        let g = Guide::default().answer(Question::PersonalData, false);
        assert_eq!(g.next(), Some(Question::Secrecy));
        let g = Guide::default().answer(Question::PersonalData, true);
        assert_eq!(g.next(), Some(Question::Sensitive));
        // Changing the first answer to no drops the follow-up.
        let g = g
            .answer(Question::Sensitive, true)
            .answer(Question::PersonalData, false);
        assert_eq!(g.sensitive, None);
    }

    #[test]
    fn reopening_a_question_clears_it_and_what_followed() {
        let g = Guide::default()
            .answer(Question::PersonalData, true)
            .answer(Question::Sensitive, false)
            .answer(Question::Secrecy, true);
        let r = g.reopen(Question::Sensitive);
        assert_eq!(r.personal_data, Some(true));
        assert_eq!((r.sensitive, r.secrecy), (None, None));
        assert_eq!(r.next(), Some(Question::Sensitive));
    }

    fn guided(answers: &[(Question, bool)]) -> String {
        let g = answers
            .iter()
            .fold(Guide::default(), |g, (q, y)| g.answer(*q, *y));
        g.class().map(|c| c.to_string()).unwrap_or_default()
    }

    #[test]
    fn guided_path_levels() {
        use Question::*;
        // A meeting note with no personal data.
        assert_eq!(
            guided(&[
                (PersonalData, false),
                (Secrecy, false),
                (Emergency, false),
                (Harm, false)
            ]),
            "K1 R1 T1 S0"
        );
        // A client's medication list: health data under secrecy, needed at once, harmful if wrong.
        assert_eq!(
            guided(&[
                (PersonalData, true),
                (Sensitive, true),
                (Secrecy, true),
                (Emergency, true),
                (Harm, true)
            ]),
            "K3 R3 T2 S2"
        );
        // A staff phone list: personal data, nothing more.
        assert_eq!(
            guided(&[
                (PersonalData, true),
                (Sensitive, false),
                (Secrecy, false),
                (Emergency, false),
                (Harm, false)
            ]),
            "K2 R1 T1 S1"
        );
        // Secrecy without personal data, e.g. a security plan for a building.
        assert_eq!(
            guided(&[
                (PersonalData, false),
                (Secrecy, true),
                (Emergency, true),
                (Harm, true)
            ]),
            "K2 R2 T2 S0"
        );
        // Unfinished: no class yet.
        assert_eq!(guided(&[(PersonalData, true)]), "");
    }
}
