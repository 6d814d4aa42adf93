//! A supplement: what an employee adds to a report after sending it ("what else
//! happened"), sent through the same outbox and stored by the municipality with the same
//! case.
//!
//! The same three stages as the incident: [`SupplementDraft`] is form input,
//! [`Supplement`] is valid by construction (only [`Supplement::validate`] makes one), and
//! [`SupplementReport`] is the wire format. Every field is optional, but a supplement must
//! add something; each field is checked like the incident's field of the same name.

use crate::incident::{
    check_personal_data, Answer, IncidentReport, PersonalData, MAX_ACTIONS_CHARS,
    MAX_DESCRIPTION_CHARS, MAX_PLACE_CHARS,
};
use crate::validation::{check_max_chars, FieldError, FieldErrorCode};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

/// A supplement as it travels from the app to the server (the wire format). Unset answers
/// and empty texts are left out of the JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupplementReport {
    /// The client record id of the incident this adds to.
    pub incident_id: Uuid,
    /// What else happened, in the reporter's words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Where it happened, if it was not said (or was wrong).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place: String,
    /// What the reporter has done since.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub actions_taken: String,
    /// A new, whole answer about personal data (replaces the report's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_data: Option<PersonalData>,
    /// A new answer: may a care recipient or pupil be harmed?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub harm_to_person: Option<Answer>,
    /// A new answer: is it still going on?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ongoing: Option<Answer>,
}

/// What a supplement adds, one wire field name per part given (for listings).
pub const FIELDS: [&str; 6] = [
    "description",
    "place",
    "actions_taken",
    "personal_data",
    "harm_to_person",
    "ongoing",
];

impl SupplementReport {
    /// The wire names of the fields this supplement gives, in [`FIELDS`] order.
    pub fn added(&self) -> Vec<&'static str> {
        let given = [
            !self.description.trim().is_empty(),
            !self.place.trim().is_empty(),
            !self.actions_taken.trim().is_empty(),
            self.personal_data.is_some(),
            self.harm_to_person.is_some(),
            self.ongoing.is_some(),
        ];
        FIELDS
            .into_iter()
            .zip(given)
            .filter_map(|(f, g)| g.then_some(f))
            .collect()
    }
}

/// A supplement that passed [`Supplement::validate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Supplement(SupplementReport);

impl Supplement {
    /// Checks every rule of a supplement. It has no times of its own, so no clock.
    pub fn validate(report: SupplementReport) -> Result<Self, Vec<FieldError>> {
        let errors = supplement_errors(&report);
        if errors.is_empty() {
            Ok(Self(report))
        } else {
            Err(errors)
        }
    }

    /// The validated supplement.
    pub fn report(&self) -> &SupplementReport {
        &self.0
    }

    /// The supplement, to send or store.
    pub fn into_report(self) -> SupplementReport {
        self.0
    }

    /// The incident it adds to.
    pub fn incident_id(&self) -> Uuid {
        self.0.incident_id
    }

    /// Whether it says personal data are or may be involved: the IMY deadline then applies,
    /// counted from the incident's discovery (not from the supplement).
    pub fn may_involve_personal_data(&self) -> bool {
        self.0
            .personal_data
            .as_ref()
            .is_some_and(|p| p.involved != Answer::No)
    }
}

/// The personal-data answer that holds now: the report's, replaced by each supplement
/// that gives one, in order (oldest first).
pub fn current_personal_data<'a>(
    report: &'a IncidentReport,
    supplements: impl IntoIterator<Item = &'a SupplementReport>,
) -> &'a PersonalData {
    supplements
        .into_iter()
        .filter_map(|s| s.personal_data.as_ref())
        .last()
        .unwrap_or(&report.personal_data)
}

/// When IMY must have been notified, by the answer that holds now
/// ([`current_personal_data`]): counted from the report's discovery, also when a
/// supplement is what says personal data are or may be involved.
pub fn imy_deadline<'a>(
    report: &'a IncidentReport,
    supplements: impl IntoIterator<Item = &'a SupplementReport>,
) -> Option<OffsetDateTime> {
    (current_personal_data(report, supplements).involved != Answer::No)
        .then(|| crate::deadline::imy_notification_due(report.discovered_at))
}

fn supplement_errors(r: &SupplementReport) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if r.added().is_empty() {
        errors.push(FieldError::new(
            "description",
            FieldErrorCode::Required,
            "a supplement must add something: a text, the place, what was done or an answer",
        ));
    }
    check_max_chars(&mut errors, "place", &r.place, MAX_PLACE_CHARS);
    if let Some(p) = &r.personal_data {
        check_personal_data(&mut errors, p);
    }
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
    errors
}

/// What the supplement form holds while the user fills it in, saved as a draft (key
/// `supplement:<incident id>`) so nothing typed is lost. `None` answers are unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SupplementDraft {
    /// What else happened.
    pub description: String,
    /// Where.
    pub place: String,
    /// Done since.
    pub actions_taken: String,
    /// A new answer about personal data, if the user gives one.
    pub personal_data: Option<PersonalData>,
    /// A new answer about harm to a person.
    pub harm_to_person: Option<Answer>,
    /// A new answer about whether it is still going on.
    pub ongoing: Option<Answer>,
}

impl SupplementDraft {
    /// Turns the draft into a valid supplement to the incident `incident_id` (its client
    /// record id), or says what is wrong with each field. Texts are trimmed.
    pub fn validate(&self, incident_id: Uuid) -> Result<Supplement, Vec<FieldError>> {
        Supplement::validate(SupplementReport {
            incident_id,
            description: self.description.trim().to_owned(),
            place: self.place.trim().to_owned(),
            actions_taken: self.actions_taken.trim().to_owned(),
            personal_data: self.personal_data.clone(),
            harm_to_person: self.harm_to_person,
            ongoing: self.ongoing,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::incident::{Category, Incident, IncidentReport, PeopleAffected, PersonalDataKind};
    use time::macros::datetime;

    fn incident_id() -> Uuid {
        crate::record_id::new_v7(1_763_900_000_000, [7; 10])
    }

    fn codes(errors: &[FieldError]) -> Vec<(&str, FieldErrorCode)> {
        errors.iter().map(|e| (e.field.as_str(), e.code)).collect()
    }

    #[test]
    fn a_supplement_must_add_something() {
        let empty = SupplementDraft {
            description: "   ".into(),
            ..Default::default()
        };
        let errors = empty.validate(incident_id()).unwrap_err();
        assert_eq!(codes(&errors), [("description", FieldErrorCode::Required)]);

        let answer_only = SupplementDraft {
            ongoing: Some(Answer::No),
            ..Default::default()
        };
        let s = answer_only.validate(incident_id()).unwrap();
        assert_eq!(s.report().added(), ["ongoing"]);
        assert_eq!(s.incident_id(), incident_id());
    }

    #[test]
    fn texts_are_trimmed_and_limited_like_the_incidents() {
        let d = SupplementDraft {
            description: "  Telefonen hittades i bilen.  ".into(),
            ..Default::default()
        };
        assert_eq!(
            d.validate(incident_id()).unwrap().report().description,
            "Telefonen hittades i bilen."
        );
        let long = SupplementDraft {
            place: "x".repeat(MAX_PLACE_CHARS + 1),
            actions_taken: "y".repeat(MAX_ACTIONS_CHARS + 1),
            description: "å".repeat(MAX_DESCRIPTION_CHARS + 1),
            ..Default::default()
        };
        let errors = long.validate(incident_id()).unwrap_err();
        assert_eq!(
            codes(&errors),
            [
                ("place", FieldErrorCode::TooLong),
                ("actions_taken", FieldErrorCode::TooLong),
                ("description", FieldErrorCode::TooLong),
            ]
        );
    }

    fn incident_with(personal_data: PersonalData) -> IncidentReport {
        IncidentReport {
            category: Category::LostDevice,
            occurred_at: datetime!(2026-11-23 09:30 +01:00),
            discovered_at: datetime!(2026-11-23 13:10 +01:00),
            place: String::new(),
            aspects: Vec::new(),
            personal_data,
            harm_to_person: Answer::No,
            ongoing: Answer::No,
            actions_taken: String::new(),
            description: String::new(),
        }
    }

    /// A supplement's personal-data answer is held to exactly the incident's rules.
    #[test]
    fn personal_data_rules_agree_with_the_incidents() {
        let now = datetime!(2026-11-23 14:00 +01:00);
        let cases = [
            PersonalData::default(),
            PersonalData {
                involved: Answer::Yes,
                kinds: vec![PersonalDataKind::Health, PersonalDataKind::Health],
                people: Some(PeopleAffected::Few),
                sensitive: Answer::Yes,
                secrecy: Answer::Unknown,
            },
            PersonalData {
                involved: Answer::No,
                kinds: vec![PersonalDataKind::Identity, PersonalDataKind::Identity],
                people: Some(PeopleAffected::One),
                sensitive: Answer::Yes,
                secrecy: Answer::Yes,
            },
            PersonalData {
                involved: Answer::No,
                sensitive: Answer::Unknown,
                ..Default::default()
            },
            PersonalData {
                involved: Answer::No,
                secrecy: Answer::Yes,
                ..Default::default()
            },
        ];
        for p in cases {
            let from_incident = match Incident::validate(incident_with(p.clone()), now) {
                Ok(_) => Vec::new(),
                Err(e) => e,
            };
            let from_supplement = match Supplement::validate(SupplementReport {
                incident_id: incident_id(),
                description: String::new(),
                place: String::new(),
                actions_taken: String::new(),
                personal_data: Some(p.clone()),
                harm_to_person: None,
                ongoing: None,
            }) {
                Ok(_) => Vec::new(),
                Err(e) => e,
            };
            assert_eq!(from_supplement, from_incident, "{p:?}");
        }
    }

    #[test]
    fn personal_data_that_may_be_involved_brings_the_deadline() {
        let with = |involved| {
            SupplementDraft {
                personal_data: Some(PersonalData {
                    involved,
                    ..Default::default()
                }),
                ..Default::default()
            }
            .validate(incident_id())
            .unwrap()
            .may_involve_personal_data()
        };
        assert!(with(Answer::Yes));
        assert!(with(Answer::Unknown));
        assert!(!with(Answer::No));
        let text_only = SupplementDraft {
            description: "Mer".into(),
            ..Default::default()
        };
        assert!(!text_only
            .validate(incident_id())
            .unwrap()
            .may_involve_personal_data());
    }

    #[test]
    fn a_supplement_saying_personal_data_may_be_involved_brings_the_deadline_from_discovery() {
        let report = incident_with(PersonalData {
            involved: Answer::No,
            ..Default::default()
        });
        let says = |involved| SupplementReport {
            incident_id: incident_id(),
            description: String::new(),
            place: String::new(),
            actions_taken: String::new(),
            personal_data: Some(PersonalData {
                involved,
                ..Default::default()
            }),
            harm_to_person: None,
            ongoing: None,
        };
        let text_only = SupplementReport {
            personal_data: None,
            description: "Mer".into(),
            ..says(Answer::No)
        };
        assert_eq!(imy_deadline(&report, [&text_only]), None);
        let due = datetime!(2026-11-26 13:10 +01:00);
        let unknown = says(Answer::Unknown);
        assert_eq!(imy_deadline(&report, [&unknown, &text_only]), Some(due));
        let no = says(Answer::No);
        assert_eq!(imy_deadline(&report, [&unknown, &no]), None);
    }

    #[test]
    fn the_wire_format_leaves_out_what_was_not_added_and_refuses_unknown_fields() {
        let s = SupplementDraft {
            description: "Mer".into(),
            harm_to_person: Some(Answer::Yes),
            ..Default::default()
        }
        .validate(incident_id())
        .unwrap();
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "incident_id": incident_id().to_string(),
                "description": "Mer",
                "harm_to_person": "yes",
            })
        );
        assert_eq!(
            serde_json::from_value::<SupplementReport>(json.clone()).unwrap(),
            *s.report()
        );
        let mut extra = json;
        extra["ssn"] = "19121212-1212".into();
        assert!(serde_json::from_value::<SupplementReport>(extra).is_err());
    }
}
