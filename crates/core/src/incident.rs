//! The incident report (DESIGN.md §1): what the form collects, what a valid report is, and
//! what follows from it (the IMY deadline, the lex Sarah route).
//!
//! Three types, one per stage: [`IncidentDraft`] is raw form input (local time strings,
//! unanswered questions), [`IncidentReport`] is the wire format, and [`Incident`] is a report
//! that passed validation. Only [`Incident::validate`] makes an `Incident`, so one that exists
//! is valid.

use crate::deadline;
use crate::validation::{check_max_chars, check_required_text, FieldError, FieldErrorCode};
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime, PrimitiveDateTime, UtcOffset};

/// Longest place description, in characters.
pub const MAX_PLACE_CHARS: usize = 200;
/// Longest "what has been done" text, in characters.
pub const MAX_ACTIONS_CHARS: usize = 2_000;
/// Longest free-text description, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 4_000;
/// How far ahead of "now" a time may lie before it counts as in the future (clock drift).
pub const FUTURE_TOLERANCE: Duration = Duration::minutes(5);

/// What happened (DESIGN.md §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// A phone, tablet or computer is lost or stolen.
    LostDevice,
    /// A card, tag or key is lost (e.g. a key to a care recipient's home).
    LostCardOrKey,
    /// E-mail, letter or SMS went to the wrong recipient.
    WrongRecipient,
    /// A printout came out at the wrong printer.
    WrongPrinter,
    /// Someone saw or reached information they should not.
    UnauthorizedAccess,
    /// Access rights are wrong (too much or too little).
    WrongAccessRights,
    /// Phishing or another suspicious message.
    Phishing,
    /// Malware or a virus.
    Malware,
    /// A system is unavailable.
    SystemUnavailable,
    /// Information was changed or destroyed by mistake.
    DataChangedOrDestroyed,
    /// Anything else.
    Other,
}

impl Category {
    /// Every category, in the order the form lists them.
    pub const ALL: [Category; 11] = [
        Category::LostDevice,
        Category::LostCardOrKey,
        Category::WrongRecipient,
        Category::WrongPrinter,
        Category::UnauthorizedAccess,
        Category::WrongAccessRights,
        Category::Phishing,
        Category::Malware,
        Category::SystemUnavailable,
        Category::DataChangedOrDestroyed,
        Category::Other,
    ];

    /// The wire name, e.g. `lost_device`.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::LostDevice => "lost_device",
            Category::LostCardOrKey => "lost_card_or_key",
            Category::WrongRecipient => "wrong_recipient",
            Category::WrongPrinter => "wrong_printer",
            Category::UnauthorizedAccess => "unauthorized_access",
            Category::WrongAccessRights => "wrong_access_rights",
            Category::Phishing => "phishing",
            Category::Malware => "malware",
            Category::SystemUnavailable => "system_unavailable",
            Category::DataChangedOrDestroyed => "data_changed_or_destroyed",
            Category::Other => "other",
        }
    }

    /// The category with this wire name.
    pub fn from_wire(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == name)
    }

    /// The answer to "were personal data involved?" before the reporter gives one.
    ///
    /// "No" where personal data rarely are (a key tag, a phishing mail not clicked, a system
    /// that is down), so the form does not suggest a breach that is not there; "don't know"
    /// where they often are (a lost phone, an e-mail to the wrong person), so the 72-hour
    /// advice is given until the reporter says otherwise.
    pub fn personal_data_default(self) -> Answer {
        match self {
            Category::LostCardOrKey | Category::Phishing | Category::SystemUnavailable => {
                Answer::No
            }
            Category::LostDevice
            | Category::WrongRecipient
            | Category::WrongPrinter
            | Category::UnauthorizedAccess
            | Category::WrongAccessRights
            | Category::Malware
            | Category::DataChangedOrDestroyed
            | Category::Other => Answer::Unknown,
        }
    }
}

/// The protection aspects an incident can hit (KLASSA's K/R/T plus spårbarhet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aspect {
    /// Konfidentialitet: the wrong people saw or could see it.
    Confidentiality,
    /// Riktighet: it became wrong or was changed.
    Integrity,
    /// Tillgänglighet: it could not be reached when needed.
    Availability,
    /// Spårbarhet: who did what cannot be traced.
    Traceability,
}

impl Aspect {
    /// All aspects in form order.
    pub const ALL: [Aspect; 4] = [
        Aspect::Confidentiality,
        Aspect::Integrity,
        Aspect::Availability,
        Aspect::Traceability,
    ];
}

/// An answer that allows "I don't know", which is an honest answer in a hurry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Yes.
    Yes,
    /// No.
    No,
    /// Don't know (the default for a question left unanswered).
    #[default]
    Unknown,
}

/// Kinds of personal data that may be involved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonalDataKind {
    /// Names, personal identity numbers.
    Identity,
    /// Addresses, phone numbers, e-mail.
    ContactDetails,
    /// Health, medication, care needs.
    Health,
    /// Social services: decisions, support, care plans.
    SocialServices,
    /// Pupils: grades, support measures, absence.
    PupilRecords,
    /// Protected personal data (skyddade personuppgifter).
    ProtectedIdentity,
    /// Money, bank details, benefits.
    Financial,
    /// Photos or video of people.
    Images,
    /// Log-in details: passwords, codes.
    Credentials,
}

impl PersonalDataKind {
    /// All kinds in form order.
    pub const ALL: [PersonalDataKind; 9] = [
        PersonalDataKind::Identity,
        PersonalDataKind::ContactDetails,
        PersonalDataKind::Health,
        PersonalDataKind::SocialServices,
        PersonalDataKind::PupilRecords,
        PersonalDataKind::ProtectedIdentity,
        PersonalDataKind::Financial,
        PersonalDataKind::Images,
        PersonalDataKind::Credentials,
    ];

    /// Whether this kind is sensitive by its nature (GDPR art. 9 or similar protection).
    pub fn is_sensitive(self) -> bool {
        matches!(
            self,
            PersonalDataKind::Health
                | PersonalDataKind::SocialServices
                | PersonalDataKind::ProtectedIdentity
        )
    }
}

/// Roughly how many people's data is involved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeopleAffected {
    /// One person.
    One,
    /// 2–10 people.
    Few,
    /// 11–100 people.
    Many,
    /// More than 100 people.
    VeryMany,
    /// Not known.
    Unknown,
}

impl PeopleAffected {
    /// All choices in form order.
    pub const ALL: [PeopleAffected; 5] = [
        PeopleAffected::One,
        PeopleAffected::Few,
        PeopleAffected::Many,
        PeopleAffected::VeryMany,
        PeopleAffected::Unknown,
    ];
}

/// The personal-data part of a report.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonalData {
    /// Were personal data involved?
    pub involved: Answer,
    /// Which kinds (may be empty when not known).
    #[serde(default)]
    pub kinds: Vec<PersonalDataKind>,
    /// About how many people.
    #[serde(default)]
    pub people: Option<PeopleAffected>,
    /// Sensitive data, such as health?
    #[serde(default)]
    pub sensitive: Answer,
    /// Covered by secrecy under OSL (offentlighets- och sekretesslagen)?
    #[serde(default)]
    pub secrecy: Answer,
}

impl PersonalData {
    /// The answer to "were personal data involved?" with nothing else said.
    pub fn answered(involved: Answer) -> Self {
        Self {
            involved,
            ..Self::default()
        }
    }

    /// Answers "were personal data involved?"; anything but "yes" drops the details, which
    /// the form shows only after a "yes" (a "no" with details is refused).
    pub fn set_involved(&mut self, involved: Answer) {
        if involved != Answer::Yes {
            *self = Self::answered(involved);
        }
        self.involved = involved;
    }

    /// Ticks or unticks a kind. A kind that is sensitive by nature (health, social
    /// services, protected identity) answers "sensitive?" with "yes", so it is not asked
    /// twice; unticking the last such kind makes it a question again.
    pub fn set_kind(&mut self, kind: PersonalDataKind, on: bool) {
        let implied_before = self.sensitive_implied();
        self.kinds.retain(|k| *k != kind);
        if on {
            self.kinds.push(kind);
        }
        if self.sensitive_implied() {
            self.sensitive = Answer::Yes;
        } else if implied_before {
            self.sensitive = Answer::Unknown;
        }
    }

    /// Whether a chosen kind already says the data are sensitive.
    pub fn sensitive_implied(&self) -> bool {
        self.kinds.iter().any(|k| k.is_sensitive())
    }
}

/// An incident report as it travels from the app to the server (the wire format).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncidentReport {
    /// What happened.
    pub category: Category,
    /// When it happened (device clock, with the device's UTC offset).
    #[serde(with = "crate::timestamp::rfc3339")]
    pub occurred_at: OffsetDateTime,
    /// When it was discovered; the IMY deadline counts from here.
    #[serde(with = "crate::timestamp::rfc3339")]
    pub discovered_at: OffsetDateTime,
    /// Where it happened, in the reporter's words.
    #[serde(default)]
    pub place: String,
    /// Which protection aspects were hit.
    #[serde(default)]
    pub aspects: Vec<Aspect>,
    /// Personal data involved.
    #[serde(default)]
    pub personal_data: PersonalData,
    /// May a care recipient or pupil be harmed (routes to lex Sarah / avvikelse)?
    #[serde(default)]
    pub harm_to_person: Answer,
    /// Is it still going on?
    #[serde(default)]
    pub ongoing: Answer,
    /// What the reporter has already done.
    #[serde(default)]
    pub actions_taken: String,
    /// Free text.
    #[serde(default)]
    pub description: String,
}

/// A report that passed [`Incident::validate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Incident(IncidentReport);

impl Incident {
    /// Checks every rule of a report; `now` is the validating side's clock.
    pub fn validate(report: IncidentReport, now: OffsetDateTime) -> Result<Self, Vec<FieldError>> {
        let errors = report_errors(&report, now);
        if errors.is_empty() {
            Ok(Self(report))
        } else {
            Err(errors)
        }
    }

    /// The validated report.
    pub fn report(&self) -> &IncidentReport {
        &self.0
    }

    /// The report, to send or store.
    pub fn into_report(self) -> IncidentReport {
        self.0
    }

    /// When IMY must have been notified, if personal data are or may be involved.
    /// "Don't know" counts as possibly involved: missing a deadline is worse than a
    /// needless reminder.
    pub fn imy_deadline(&self) -> Option<OffsetDateTime> {
        (self.0.personal_data.involved != Answer::No)
            .then(|| deadline::imy_notification_due(self.0.discovered_at))
    }

    /// Whether the report must also go to the lex Sarah / avvikelse process.
    pub fn may_harm_person(&self) -> bool {
        self.0.harm_to_person == Answer::Yes
    }
}

fn report_errors(r: &IncidentReport, now: OffsetDateTime) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let times = [
        ("occurred_at", r.occurred_at),
        ("discovered_at", r.discovered_at),
    ];
    for (field, t) in times {
        if let Err(e) = crate::timestamp::in_range(t) {
            errors.push(FieldError::new(
                field,
                FieldErrorCode::Invalid,
                e.to_string(),
            ));
        }
    }
    // A time out of range says so alone: comparing it with "now" or the other means nothing.
    if errors.is_empty() {
        check_times(&mut errors, r, now);
    }
    check_max_chars(&mut errors, "place", &r.place, MAX_PLACE_CHARS);
    check_unique(&mut errors, "aspects", &r.aspects);
    check_personal_data(&mut errors, &r.personal_data);
    check_max_chars(
        &mut errors,
        "actions_taken",
        &r.actions_taken,
        MAX_ACTIONS_CHARS,
    );
    check_max_chars(
        &mut errors,
        "description",
        &r.description,
        MAX_DESCRIPTION_CHARS,
    );
    if r.category == Category::Other {
        check_required_text(&mut errors, "description", &r.description);
    }
    errors
}

/// Neither time in the future (beyond the clock tolerance), discovery not before occurrence.
fn check_times(errors: &mut Vec<FieldError>, r: &IncidentReport, now: OffsetDateTime) {
    let latest = now + FUTURE_TOLERANCE;
    if r.occurred_at > latest {
        errors.push(FieldError::new(
            "occurred_at",
            FieldErrorCode::InFuture,
            "lies in the future",
        ));
    }
    if r.discovered_at > latest {
        errors.push(FieldError::new(
            "discovered_at",
            FieldErrorCode::InFuture,
            "lies in the future",
        ));
    } else if r.discovered_at < r.occurred_at {
        errors.push(FieldError::new(
            "discovered_at",
            FieldErrorCode::BeforeOccurred,
            "is earlier than occurred_at",
        ));
    }
}

fn check_unique<T: PartialEq>(errors: &mut Vec<FieldError>, field: &str, items: &[T]) {
    let dup = items
        .iter()
        .enumerate()
        .any(|(i, a)| items[..i].contains(a));
    if dup {
        errors.push(FieldError::new(
            field,
            FieldErrorCode::Duplicate,
            "lists a choice twice",
        ));
    }
}

/// The personal-data rules (no choice twice; no details beside "no"); supplements check
/// their answer with the same rules.
pub(crate) fn check_personal_data(errors: &mut Vec<FieldError>, p: &PersonalData) {
    check_unique(errors, "personal_data.kinds", &p.kinds);
    if p.involved != Answer::No {
        return;
    }
    let inconsistent = |field: &str| {
        FieldError::new(
            format!("personal_data.{field}"),
            FieldErrorCode::Inconsistent,
            "given although personal_data.involved is \"no\"",
        )
    };
    if !p.kinds.is_empty() {
        errors.push(inconsistent("kinds"));
    }
    if p.people.is_some() {
        errors.push(inconsistent("people"));
    }
    if p.sensitive == Answer::Yes {
        errors.push(inconsistent("sensitive"));
    }
    if p.secrecy == Answer::Yes {
        errors.push(inconsistent("secrecy"));
    }
}

/// What the form holds while the user fills it in: possibly incomplete, times as the
/// `datetime-local` input gives them (`YYYY-MM-DDTHH:MM`, local time). Saved as a draft so
/// that nothing typed is lost on reload.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct IncidentDraft {
    /// Chosen category, if any.
    pub category: Option<Category>,
    /// Local time it happened.
    pub occurred_at: String,
    /// Local time it was discovered.
    pub discovered_at: String,
    /// Where.
    pub place: String,
    /// Aspects hit.
    pub aspects: Vec<Aspect>,
    /// Personal data.
    pub personal_data: PersonalData,
    /// Harm to a care recipient or pupil.
    pub harm_to_person: Answer,
    /// Still going on.
    pub ongoing: Answer,
    /// Done already.
    pub actions_taken: String,
    /// Free text.
    pub description: String,
}

/// Formats a time for a `datetime-local` input, in the time's own offset.
pub fn to_local_input(t: OffsetDateTime) -> String {
    crate::timestamp::write_local(PrimitiveDateTime::new(t.date(), t.time()))
}

fn parse_local(text: &str) -> Option<PrimitiveDateTime> {
    crate::timestamp::read_local(text.trim())
}

impl IncidentDraft {
    /// A fresh draft with both times set to `now` (the form's defaults).
    pub fn new(now: OffsetDateTime) -> Self {
        let local = to_local_input(now);
        Self {
            occurred_at: local.clone(),
            discovered_at: local,
            ..Self::default()
        }
    }

    /// Chooses what happened. The personal-data answer follows the category's default
    /// ([`Category::personal_data_default`]) while the reporter has not changed it, i.e.
    /// while it is still the previous category's default with no details.
    pub fn choose(&mut self, category: Category) {
        let untouched_default = self
            .category
            .map_or(Answer::Unknown, Category::personal_data_default);
        if self.personal_data == PersonalData::answered(untouched_default) {
            self.personal_data = PersonalData::answered(category.personal_data_default());
        }
        self.category = Some(category);
    }

    /// Adds what a classification lookup knows when information already sits in a place
    /// it may not (category "other" with a note, the place, the aspects at risk), without
    /// overwriting anything the user typed. Adding the same note twice changes nothing.
    pub fn add_misplaced(&mut self, note: &str, place: &str, aspects: &[Aspect]) {
        if self.category.is_none() {
            self.category = Some(Category::Other);
        }
        if self.place.trim().is_empty() {
            self.place = place.to_owned();
        }
        for a in aspects {
            if !self.aspects.contains(a) {
                self.aspects.push(*a);
            }
        }
        if !self.description.contains(note) {
            if !self.description.trim().is_empty() {
                self.description.push('\n');
            }
            self.description.push_str(note);
        }
    }

    /// Turns the draft into a valid incident or says what is wrong with each field.
    ///
    /// `offset_at` gives the device's UTC offset at a local time (it differs across daylight
    /// saving changes, so one offset for "now" is not enough).
    pub fn validate(
        &self,
        now: OffsetDateTime,
        offset_at: impl Fn(PrimitiveDateTime) -> UtcOffset,
    ) -> Result<Incident, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut time_field = |field: &str, text: &str| -> Option<OffsetDateTime> {
            if text.trim().is_empty() {
                errors.push(FieldError::new(
                    field,
                    FieldErrorCode::Required,
                    "a time is needed",
                ));
                return None;
            }
            match parse_local(text) {
                Some(local) => Some(local.assume_offset(offset_at(local))),
                None => {
                    errors.push(FieldError::new(
                        field,
                        FieldErrorCode::Invalid,
                        "not a date and time (YYYY-MM-DDTHH:MM)",
                    ));
                    None
                }
            }
        };
        let occurred_at = time_field("occurred_at", &self.occurred_at);
        let discovered_at = time_field("discovered_at", &self.discovered_at);
        if self.category.is_none() {
            errors.push(FieldError::new(
                "category",
                FieldErrorCode::Required,
                "choose what happened",
            ));
        }
        let (Some(category), Some(occurred_at), Some(discovered_at)) =
            (self.category, occurred_at, discovered_at)
        else {
            return Err(errors);
        };
        let report = IncidentReport {
            category,
            occurred_at,
            discovered_at,
            place: self.place.trim().to_owned(),
            aspects: self.aspects.clone(),
            personal_data: self.personal_data.clone(),
            harm_to_person: self.harm_to_person,
            ongoing: self.ongoing,
            actions_taken: self.actions_taken.trim().to_owned(),
            description: self.description.trim().to_owned(),
        };
        Incident::validate(report, now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{datetime, offset};

    const NOW: OffsetDateTime = datetime!(2026-11-23 14:00 +01:00);

    #[test]
    fn a_misplaced_finding_fills_gaps_and_keeps_what_was_typed() {
        let mut d = IncidentDraft::new(NOW);
        d.add_misplaced(
            "Foto på brukare i kamerarullen.",
            "Kamerarullen",
            &[Aspect::Confidentiality],
        );
        assert_eq!(d.category, Some(Category::Other));
        assert_eq!(d.place, "Kamerarullen");
        assert_eq!(d.aspects, vec![Aspect::Confidentiality]);
        assert!(d.validate(NOW, |_| offset!(+01:00)).is_ok());

        let mut typed = IncidentDraft::new(NOW);
        typed.category = Some(Category::LostDevice);
        typed.place = "Hemtjänst Norr".into();
        typed.description = "Telefonen låg i bilen.".into();
        typed.add_misplaced("Foto på brukare i kamerarullen.", "Kamerarullen", &[]);
        typed.add_misplaced("Foto på brukare i kamerarullen.", "Kamerarullen", &[]);
        assert_eq!(typed.category, Some(Category::LostDevice));
        assert_eq!(typed.place, "Hemtjänst Norr");
        assert_eq!(
            typed.description,
            "Telefonen låg i bilen.\nFoto på brukare i kamerarullen."
        );
    }

    #[test]
    fn personal_data_default_follows_the_category_until_the_reporter_answers() {
        let mut d = IncidentDraft::new(NOW);
        d.choose(Category::LostCardOrKey);
        assert_eq!(d.personal_data.involved, Answer::No);
        d.choose(Category::LostDevice);
        assert_eq!(d.personal_data.involved, Answer::Unknown);
        d.choose(Category::Phishing);
        assert_eq!(d.personal_data.involved, Answer::No);
        d.choose(Category::WrongRecipient);
        assert_eq!(d.personal_data.involved, Answer::Unknown);

        // Once answered, choosing another category keeps the answer.
        d.personal_data.set_involved(Answer::Yes);
        d.choose(Category::LostCardOrKey);
        assert_eq!(d.personal_data.involved, Answer::Yes);
        let mut d = IncidentDraft::new(NOW);
        d.choose(Category::Phishing);
        d.personal_data.set_involved(Answer::Unknown);
        d.choose(Category::SystemUnavailable);
        assert_eq!(d.personal_data.involved, Answer::Unknown);
        // A lookup's finding ("other") asks like any other category.
        assert_eq!(Category::Other.personal_data_default(), Answer::Unknown);
    }

    #[test]
    fn a_sensitive_kind_answers_sensitive_and_no_drops_the_details() {
        let mut p = PersonalData::answered(Answer::Yes);
        p.set_kind(PersonalDataKind::Identity, true);
        assert_eq!(p.sensitive, Answer::Unknown);
        p.set_kind(PersonalDataKind::Health, true);
        assert_eq!(p.sensitive, Answer::Yes);
        assert!(p.sensitive_implied());
        p.set_kind(PersonalDataKind::Health, false);
        assert_eq!(p.sensitive, Answer::Unknown);
        assert_eq!(p.kinds, [PersonalDataKind::Identity]);
        // A "no" given by hand stays when a kind that says nothing about it is ticked.
        p.sensitive = Answer::No;
        p.set_kind(PersonalDataKind::ContactDetails, true);
        assert_eq!(p.sensitive, Answer::No);

        p.people = Some(PeopleAffected::One);
        p.set_involved(Answer::No);
        assert_eq!(p, PersonalData::answered(Answer::No));
        let mut r = report();
        r.personal_data = p;
        assert!(Incident::validate(r, NOW).is_ok());
    }

    fn report() -> IncidentReport {
        IncidentReport {
            category: Category::LostDevice,
            occurred_at: datetime!(2026-11-23 09:30 +01:00),
            discovered_at: datetime!(2026-11-23 13:10 +01:00),
            place: "Brukarens kök".into(),
            aspects: vec![Aspect::Confidentiality],
            personal_data: PersonalData {
                involved: Answer::Yes,
                kinds: vec![PersonalDataKind::Health],
                people: Some(PeopleAffected::Few),
                sensitive: Answer::Yes,
                secrecy: Answer::Yes,
            },
            harm_to_person: Answer::No,
            ongoing: Answer::No,
            actions_taken: "Ringt IT".into(),
            description: String::new(),
        }
    }

    fn codes(errors: &[FieldError]) -> Vec<(&str, FieldErrorCode)> {
        errors.iter().map(|e| (e.field.as_str(), e.code)).collect()
    }

    #[test]
    fn complete_report_is_valid() {
        assert!(Incident::validate(report(), NOW).is_ok());
    }

    #[test]
    fn future_times_are_refused_beyond_clock_tolerance() {
        let mut r = report();
        r.occurred_at = NOW + Duration::minutes(4);
        r.discovered_at = NOW + Duration::minutes(4);
        assert!(Incident::validate(r.clone(), NOW).is_ok());
        r.occurred_at = NOW + Duration::hours(1);
        r.discovered_at = NOW + Duration::hours(1);
        let errors = Incident::validate(r, NOW).unwrap_err();
        assert_eq!(
            codes(&errors),
            [
                ("occurred_at", FieldErrorCode::InFuture),
                ("discovered_at", FieldErrorCode::InFuture)
            ]
        );
    }

    #[test]
    fn times_outside_the_accepted_range_are_refused_per_field() {
        let mut r = report();
        r.occurred_at = datetime!(1999-12-31 23:59 UTC);
        r.place = "x".repeat(MAX_PLACE_CHARS + 1);
        let errors = Incident::validate(r.clone(), NOW).unwrap_err();
        assert_eq!(
            codes(&errors),
            [
                ("occurred_at", FieldErrorCode::Invalid),
                ("place", FieldErrorCode::TooLong)
            ]
        );
        assert!(errors[0].message.contains("outside the range"));
        r.place.clear();
        r.occurred_at = report().occurred_at;
        r.discovered_at = datetime!(9999-12-31 23:59:59 -00:01);
        let errors = Incident::validate(r, NOW).unwrap_err();
        assert_eq!(codes(&errors), [("discovered_at", FieldErrorCode::Invalid)]);
    }

    #[test]
    fn discovery_before_occurrence_is_refused() {
        let mut r = report();
        r.discovered_at = r.occurred_at - Duration::minutes(1);
        let errors = Incident::validate(r, NOW).unwrap_err();
        assert_eq!(
            codes(&errors),
            [("discovered_at", FieldErrorCode::BeforeOccurred)]
        );
    }

    #[test]
    fn overlong_texts_are_refused_per_field() {
        let mut r = report();
        r.place = "x".repeat(MAX_PLACE_CHARS + 1);
        r.description = "å".repeat(MAX_DESCRIPTION_CHARS + 1);
        r.actions_taken = "y".repeat(MAX_ACTIONS_CHARS);
        let errors = Incident::validate(r, NOW).unwrap_err();
        assert_eq!(
            codes(&errors),
            [
                ("place", FieldErrorCode::TooLong),
                ("description", FieldErrorCode::TooLong)
            ]
        );
    }

    #[test]
    fn other_category_needs_a_description() {
        let mut r = report();
        r.category = Category::Other;
        let errors = Incident::validate(r.clone(), NOW).unwrap_err();
        assert_eq!(codes(&errors), [("description", FieldErrorCode::Required)]);
        r.description = "Dörren till arkivet stod öppen".into();
        assert!(Incident::validate(r, NOW).is_ok());
    }

    #[test]
    fn personal_data_details_contradicting_no_are_refused() {
        let mut r = report();
        r.personal_data.involved = Answer::No;
        let errors = Incident::validate(r, NOW).unwrap_err();
        assert_eq!(
            codes(&errors),
            [
                ("personal_data.kinds", FieldErrorCode::Inconsistent),
                ("personal_data.people", FieldErrorCode::Inconsistent),
                ("personal_data.sensitive", FieldErrorCode::Inconsistent),
                ("personal_data.secrecy", FieldErrorCode::Inconsistent),
            ]
        );
    }

    #[test]
    fn duplicate_choices_are_refused() {
        let mut r = report();
        r.aspects = vec![Aspect::Integrity, Aspect::Integrity];
        r.personal_data.kinds = vec![PersonalDataKind::Health, PersonalDataKind::Health];
        let errors = Incident::validate(r, NOW).unwrap_err();
        assert_eq!(
            codes(&errors),
            [
                ("aspects", FieldErrorCode::Duplicate),
                ("personal_data.kinds", FieldErrorCode::Duplicate)
            ]
        );
    }

    #[test]
    fn imy_deadline_applies_when_personal_data_is_or_may_be_involved() {
        let mut r = report();
        let due = datetime!(2026-11-26 13:10 +01:00);
        assert_eq!(
            Incident::validate(r.clone(), NOW).unwrap().imy_deadline(),
            Some(due)
        );
        r.personal_data = PersonalData {
            involved: Answer::Unknown,
            ..Default::default()
        };
        assert_eq!(
            Incident::validate(r.clone(), NOW).unwrap().imy_deadline(),
            Some(due)
        );
        r.personal_data.involved = Answer::No;
        assert_eq!(Incident::validate(r, NOW).unwrap().imy_deadline(), None);
    }

    #[test]
    fn draft_with_local_times_becomes_incident_with_offsets() {
        let mut d = IncidentDraft::new(NOW);
        assert_eq!(d.occurred_at, "2026-11-23T14:00");
        d.category = Some(Category::Phishing);
        d.occurred_at = "2026-10-24T12:00".into();
        d.place = "  Skolan  ".into();
        let swedish = |t: PrimitiveDateTime| {
            if t < datetime!(2026-10-25 03:00) {
                offset!(+2)
            } else {
                offset!(+1)
            }
        };
        let incident = d.validate(NOW, swedish).unwrap();
        let r = incident.report();
        assert_eq!(r.occurred_at, datetime!(2026-10-24 12:00 +02:00));
        assert_eq!(r.discovered_at, datetime!(2026-11-23 14:00 +01:00));
        assert_eq!(r.place, "Skolan");
    }

    #[test]
    fn draft_reports_missing_and_unreadable_fields() {
        let d = IncidentDraft {
            occurred_at: "igår".into(),
            discovered_at: String::new(),
            ..IncidentDraft::default()
        };
        let errors = d.validate(NOW, |_| UtcOffset::UTC).unwrap_err();
        assert_eq!(
            codes(&errors),
            [
                ("occurred_at", FieldErrorCode::Invalid),
                ("discovered_at", FieldErrorCode::Required),
                ("category", FieldErrorCode::Required),
            ]
        );
    }

    #[test]
    fn report_round_trips_through_json_and_refuses_unknown_fields() {
        let r = report();
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["category"], "lost_device");
        assert_eq!(json["occurred_at"], "2026-11-23T09:30:00+01:00");
        assert_eq!(json["personal_data"]["kinds"][0], "health");
        assert_eq!(
            serde_json::from_value::<IncidentReport>(json.clone()).unwrap(),
            r
        );
        let mut extra = json;
        extra["ssn"] = "19121212-1212".into();
        let err = serde_json::from_value::<IncidentReport>(extra).unwrap_err();
        assert!(err.to_string().contains("unknown field `ssn`"), "{err}");
    }

    #[test]
    fn category_wire_names_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::from_wire(c.as_str()), Some(c));
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
        }
    }
}
