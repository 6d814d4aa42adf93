//! A case in the console: how it moves (new → under investigation → closed) and the
//! decisions the law asks the municipality to record.
//!
//! - GDPR art. 33: a personal-data breach is notified to IMY without undue delay and,
//!   where feasible, within 72 hours of becoming aware, unless it is unlikely to result in
//!   a risk to people; a later notification gives the reason for the delay; every breach is
//!   documented (art. 33(5)), notified or not. Art. 34: a high risk means telling the
//!   people concerned.
//! - Cybersäkerhetslagen (2025:1506): for a significant incident an early warning within
//!   24 hours, an incident notification within 72 hours of becoming aware, and a final
//!   report within one month of the notification.
//! - Lex Sarah, lex Maria and other routines are separate duties; the console records that
//!   the case was handed on, to whom and when.

use crate::protocol::CaseStatus;
use crate::timestamp::rfc3339;
use crate::validation::{check_max_chars, FieldError, FieldErrorCode};
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

/// Most characters of a reason, summary, note or message typed in the console.
pub const MAX_TEXT: usize = 4000;
/// Most characters of the short message the employee sees on their phone.
pub const MAX_MESSAGE: usize = 500;

/// Whether personal data are involved, as the report (or a later supplement) says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonalDataFlag {
    /// Yes.
    Yes,
    /// The employee did not know.
    Unknown,
    /// No.
    No,
}

impl PersonalDataFlag {
    /// Whether the case may be a personal-data breach (yes or unknown).
    pub fn maybe(self) -> bool {
        self != PersonalDataFlag::No
    }

    /// The flag with this wire name (`yes`, `unknown`, `no`).
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "yes" => Some(Self::Yes),
            "unknown" => Some(Self::Unknown),
            "no" => Some(Self::No),
            _ => None,
        }
    }

    /// Its wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Yes => "yes",
            Self::Unknown => "unknown",
            Self::No => "no",
        }
    }
}

/// How likely a breach is to harm the people concerned (GDPR art. 33–34).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Risk {
    /// Unlikely to result in a risk: need not be notified (still documented).
    Unlikely,
    /// A risk: notify IMY.
    Risk,
    /// A high risk: notify IMY and tell the people concerned.
    HighRisk,
}

impl Risk {
    /// Every level, lowest first.
    pub const ALL: [Risk; 3] = [Risk::Unlikely, Risk::Risk, Risk::HighRisk];

    /// Its wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Risk::Unlikely => "unlikely",
            Risk::Risk => "risk",
            Risk::HighRisk => "high_risk",
        }
    }

    /// The level with this wire name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == name)
    }
}

/// The GDPR decision on a case, recorded by a coordinator or the data protection officer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachDecision {
    /// Whether it is a personal-data breach; `None`: not assessed yet.
    pub is_breach: Option<bool>,
    /// The risk to the people concerned.
    pub risk: Option<Risk>,
    /// Whether IMY is (to be) notified; `None`: not decided.
    pub notify_imy: Option<bool>,
    /// Why: required once decided, notified or not (art. 33(5)).
    #[serde(default)]
    pub reason: String,
    /// When IMY was notified.
    #[serde(default, with = "rfc3339::option")]
    pub notified_at: Option<OffsetDateTime>,
    /// Why the notification came after 72 hours (required then).
    #[serde(default)]
    pub delay_reason: String,
    /// Whether the people concerned were told (art. 34; expected for a high risk).
    pub subjects_informed: Option<bool>,
}

/// The cybersäkerhetslag's decision on a case.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Nis2Decision {
    /// Whether it is a significant incident; `None`: not assessed yet.
    pub significant: Option<bool>,
    /// Why.
    #[serde(default)]
    pub reason: String,
    /// When the early warning was sent.
    #[serde(default, with = "rfc3339::option")]
    pub early_warning_at: Option<OffsetDateTime>,
    /// When the incident notification was sent.
    #[serde(default, with = "rfc3339::option")]
    pub notification_at: Option<OffsetDateTime>,
    /// When the final report was sent.
    #[serde(default, with = "rfc3339::option")]
    pub final_report_at: Option<OffsetDateTime>,
}

/// A routine the case was handed on to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Routine {
    /// Lex Sarah (social services: missförhållanden in care).
    LexSarah,
    /// Lex Maria (health care: vårdskador).
    LexMaria,
    /// A police report.
    Police,
    /// Another routine.
    Other,
}

impl Routine {
    /// Every routine.
    pub const ALL: [Routine; 4] = [
        Routine::LexSarah,
        Routine::LexMaria,
        Routine::Police,
        Routine::Other,
    ];

    /// Its wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Routine::LexSarah => "lex_sarah",
            Routine::LexMaria => "lex_maria",
            Routine::Police => "police",
            Routine::Other => "other",
        }
    }

    /// The routine with this wire name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == name)
    }
}

/// A handover of the case to another routine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handover {
    /// Which routine.
    pub routine: Routine,
    /// To whom (a role or a name).
    pub to: String,
    /// When.
    #[serde(with = "rfc3339")]
    pub at: OffsetDateTime,
    /// A note.
    #[serde(default)]
    pub note: String,
}

/// What the rules need to know about one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFacts {
    /// Where the case stands (`Received` is "new").
    pub status: CaseStatus,
    /// When the municipality became aware: the employee's discovery as reported. The
    /// municipality is aware through its employee, so this is the cautious start of every
    /// clock (as [`crate::deadline`] counts on the phone).
    pub aware_at: OffsetDateTime,
    /// Personal data involved, as reported (a supplement's answer replaces the report's).
    pub personal_data: PersonalDataFlag,
    /// The GDPR decision.
    pub breach: BreachDecision,
    /// The cybersäkerhetslag's decision.
    pub nis2: Nis2Decision,
    /// Who works on it (admin id).
    pub assignee: Option<Uuid>,
}

fn error(field: &str, code: FieldErrorCode, message: &str) -> FieldError {
    FieldError::new(field, code, message)
}

/// A time the console records must not be before awareness (a minute's slack for clocks)
/// nor in the future.
fn check_time(
    errors: &mut Vec<FieldError>,
    field: &str,
    t: Option<OffsetDateTime>,
    aware_at: OffsetDateTime,
    now: OffsetDateTime,
) {
    let Some(t) = t else { return };
    if t > now + Duration::minutes(5) {
        errors.push(error(field, FieldErrorCode::InFuture, "is in the future"));
    } else if t < aware_at - Duration::minutes(1) {
        errors.push(error(
            field,
            FieldErrorCode::BeforeOccurred,
            "is before the incident was discovered",
        ));
    }
}

/// Checks a GDPR decision. Errors name fields `breach.<field>`.
pub fn validate_breach(
    d: &BreachDecision,
    aware_at: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    check_max_chars(&mut errors, "breach.reason", &d.reason, MAX_TEXT);
    check_max_chars(
        &mut errors,
        "breach.delay_reason",
        &d.delay_reason,
        MAX_TEXT,
    );
    let reason_needed = d.is_breach == Some(false) || d.notify_imy.is_some();
    if reason_needed && d.reason.trim().is_empty() {
        errors.push(error(
            "breach.reason",
            FieldErrorCode::Required,
            "give the reason for the decision",
        ));
    }
    match d.is_breach {
        None | Some(false) => {
            if d.notify_imy == Some(true) || d.notified_at.is_some() {
                errors.push(error(
                    "breach.notify_imy",
                    FieldErrorCode::Inconsistent,
                    "only a breach is notified",
                ));
            }
        }
        Some(true) => {
            if d.notify_imy.is_some() && d.risk.is_none() {
                errors.push(error(
                    "breach.risk",
                    FieldErrorCode::Required,
                    "assess the risk before deciding on notification",
                ));
            }
            if d.notify_imy == Some(false) && matches!(d.risk, Some(Risk::Risk | Risk::HighRisk)) {
                errors.push(error(
                    "breach.notify_imy",
                    FieldErrorCode::Inconsistent,
                    "a breach that may harm people must be notified (GDPR art. 33)",
                ));
            }
            if d.notify_imy != Some(true) && d.notified_at.is_some() {
                errors.push(error(
                    "breach.notified_at",
                    FieldErrorCode::Inconsistent,
                    "a notification time needs the decision to notify",
                ));
            }
        }
    }
    check_time(
        &mut errors,
        "breach.notified_at",
        d.notified_at,
        aware_at,
        now,
    );
    if let Some(at) = d.notified_at {
        let late = at > aware_at + Duration::hours(crate::deadline::GDPR_NOTIFICATION_HOURS);
        if late && d.delay_reason.trim().is_empty() {
            errors.push(error(
                "breach.delay_reason",
                FieldErrorCode::Required,
                "a notification after 72 hours needs the reason for the delay",
            ));
        }
    }
    if d.risk == Some(Risk::HighRisk)
        && d.subjects_informed == Some(false)
        && d.reason.trim().is_empty()
    {
        errors.push(error(
            "breach.reason",
            FieldErrorCode::Required,
            "say why the people concerned were not told of a high risk",
        ));
    }
    finish(errors)
}

/// Checks a cybersäkerhetslag decision. Errors name fields `nis2.<field>`.
pub fn validate_nis2(
    d: &Nis2Decision,
    aware_at: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    check_max_chars(&mut errors, "nis2.reason", &d.reason, MAX_TEXT);
    if d.significant.is_some() && d.reason.trim().is_empty() {
        errors.push(error(
            "nis2.reason",
            FieldErrorCode::Required,
            "give the reason for the assessment",
        ));
    }
    let reported = [
        ("nis2.early_warning_at", d.early_warning_at),
        ("nis2.notification_at", d.notification_at),
        ("nis2.final_report_at", d.final_report_at),
    ];
    if d.significant != Some(true) {
        for (field, t) in reported {
            if t.is_some() {
                errors.push(error(
                    field,
                    FieldErrorCode::Inconsistent,
                    "only a significant incident is reported",
                ));
            }
        }
    }
    for (field, t) in reported {
        check_time(&mut errors, field, t, aware_at, now);
    }
    if let (Some(warning), Some(notification)) = (d.early_warning_at, d.notification_at) {
        if notification < warning {
            errors.push(error(
                "nis2.notification_at",
                FieldErrorCode::Inconsistent,
                "the notification comes after the early warning",
            ));
        }
    }
    match (d.notification_at, d.final_report_at) {
        (None, Some(_)) => errors.push(error(
            "nis2.final_report_at",
            FieldErrorCode::Inconsistent,
            "the final report follows the incident notification",
        )),
        (Some(notification), Some(report)) if report < notification => errors.push(error(
            "nis2.final_report_at",
            FieldErrorCode::Inconsistent,
            "the final report follows the incident notification",
        )),
        _ => {}
    }
    finish(errors)
}

/// Checks a handover. Errors name fields `handover.<field>`.
pub fn validate_handover(
    h: &Handover,
    aware_at: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    if h.to.trim().is_empty() {
        errors.push(error(
            "handover.to",
            FieldErrorCode::Required,
            "say to whom",
        ));
    }
    check_max_chars(&mut errors, "handover.to", &h.to, 200);
    check_max_chars(&mut errors, "handover.note", &h.note, MAX_TEXT);
    check_time(&mut errors, "handover.at", Some(h.at), aware_at, now);
    finish(errors)
}

/// Checks the short message the employee will see on their phone.
pub fn validate_message(text: &str) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    if text.trim().is_empty() {
        errors.push(error(
            "message",
            FieldErrorCode::Required,
            "write the message",
        ));
    }
    check_max_chars(&mut errors, "message", text, MAX_MESSAGE);
    finish(errors)
}

/// Checks an internal note.
pub fn validate_note(text: &str) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    if text.trim().is_empty() {
        errors.push(error("note", FieldErrorCode::Required, "write the note"));
    }
    check_max_chars(&mut errors, "note", text, MAX_TEXT);
    finish(errors)
}

/// Whether the case may move to `to`; closing needs a summary and the decisions the law
/// asks for. Setting the status it has is allowed (it changes nothing).
///
/// Moves: new → under investigation, new → closed, under investigation → closed, closed →
/// under investigation (reopened). Back to "new" is refused: once someone has taken a case
/// up, the employee has been told so.
pub fn transition(
    facts: &CaseFacts,
    to: CaseStatus,
    closing_summary: &str,
) -> Result<(), Vec<FieldError>> {
    use CaseStatus::*;
    if facts.status == to {
        return Ok(());
    }
    if to == Received {
        return Err(vec![error(
            "status",
            FieldErrorCode::Inconsistent,
            "a case that was taken up cannot become new again",
        )]);
    }
    if to != Closed {
        return Ok(());
    }
    let mut errors = Vec::new();
    if closing_summary.trim().is_empty() {
        errors.push(error(
            "closing_summary",
            FieldErrorCode::Required,
            "sum up the case before closing it",
        ));
    }
    check_max_chars(&mut errors, "closing_summary", closing_summary, MAX_TEXT);
    let b = &facts.breach;
    if facts.personal_data.maybe() && b.is_breach.is_none() {
        errors.push(error(
            "breach.is_breach",
            FieldErrorCode::Required,
            "assess whether it is a personal-data breach before closing",
        ));
    }
    if b.is_breach == Some(true) && b.notify_imy.is_none() {
        errors.push(error(
            "breach.notify_imy",
            FieldErrorCode::Required,
            "decide whether IMY is notified before closing",
        ));
    }
    if b.notify_imy == Some(true) && b.notified_at.is_none() {
        errors.push(error(
            "breach.notified_at",
            FieldErrorCode::Required,
            "record when IMY was notified before closing",
        ));
    }
    let n = &facts.nis2;
    if n.significant == Some(true) {
        for (field, t) in [
            ("nis2.early_warning_at", n.early_warning_at),
            ("nis2.notification_at", n.notification_at),
            ("nis2.final_report_at", n.final_report_at),
        ] {
            if t.is_none() {
                errors.push(error(
                    field,
                    FieldErrorCode::Required,
                    "a significant incident is closed once its three reports are sent",
                ));
            }
        }
    }
    finish(errors)
}

fn finish(errors: Vec<FieldError>) -> Result<(), Vec<FieldError>> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const AWARE: OffsetDateTime = datetime!(2026-03-02 10:00 UTC);
    const NOW: OffsetDateTime = datetime!(2026-03-10 10:00 UTC);

    fn facts(personal_data: PersonalDataFlag) -> CaseFacts {
        CaseFacts {
            status: CaseStatus::InProgress,
            aware_at: AWARE,
            personal_data,
            breach: BreachDecision::default(),
            nis2: Nis2Decision::default(),
            assignee: None,
        }
    }

    fn fields(r: Result<(), Vec<FieldError>>) -> Vec<String> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn every_breach_decision_needs_a_reason_notified_or_not() {
        let d = BreachDecision {
            is_breach: Some(true),
            risk: Some(Risk::Unlikely),
            notify_imy: Some(false),
            ..Default::default()
        };
        assert_eq!(fields(validate_breach(&d, AWARE, NOW)), ["breach.reason"]);
        let d = BreachDecision {
            reason: "Krypterad dator, nyckeln inte röjd.".into(),
            ..d
        };
        assert_eq!(validate_breach(&d, AWARE, NOW), Ok(()));
        let not_a_breach = BreachDecision {
            is_breach: Some(false),
            ..Default::default()
        };
        assert_eq!(
            fields(validate_breach(&not_a_breach, AWARE, NOW)),
            ["breach.reason"]
        );
        assert_eq!(
            validate_breach(&BreachDecision::default(), AWARE, NOW),
            Ok(())
        );
    }

    #[test]
    fn a_breach_that_may_harm_people_is_notified() {
        for risk in [Risk::Risk, Risk::HighRisk] {
            let d = BreachDecision {
                is_breach: Some(true),
                risk: Some(risk),
                notify_imy: Some(false),
                reason: "Vi tycker inte det".into(),
                ..Default::default()
            };
            assert_eq!(
                fields(validate_breach(&d, AWARE, NOW)),
                ["breach.notify_imy"]
            );
        }
        let no_risk_assessed = BreachDecision {
            is_breach: Some(true),
            notify_imy: Some(true),
            reason: "x".into(),
            ..Default::default()
        };
        assert_eq!(
            fields(validate_breach(&no_risk_assessed, AWARE, NOW)),
            ["breach.risk"]
        );
        let not_a_breach_but_notified = BreachDecision {
            is_breach: Some(false),
            notify_imy: Some(true),
            reason: "x".into(),
            ..Default::default()
        };
        assert_eq!(
            fields(validate_breach(&not_a_breach_but_notified, AWARE, NOW)),
            ["breach.notify_imy"]
        );
    }

    #[test]
    fn a_notification_after_72_hours_needs_the_reason_for_the_delay() {
        let d = BreachDecision {
            is_breach: Some(true),
            risk: Some(Risk::Risk),
            notify_imy: Some(true),
            reason: "Hälsouppgifter".into(),
            notified_at: Some(AWARE + Duration::hours(72)),
            ..Default::default()
        };
        assert_eq!(validate_breach(&d, AWARE, NOW), Ok(()));
        let late = BreachDecision {
            notified_at: Some(AWARE + Duration::hours(72) + Duration::minutes(1)),
            ..d.clone()
        };
        assert_eq!(
            fields(validate_breach(&late, AWARE, NOW)),
            ["breach.delay_reason"]
        );
        let explained = BreachDecision {
            delay_reason: "Omfattningen klarnade först efter helgen.".into(),
            ..late
        };
        assert_eq!(validate_breach(&explained, AWARE, NOW), Ok(()));
    }

    #[test]
    fn recorded_times_are_neither_before_discovery_nor_in_the_future() {
        let base = BreachDecision {
            is_breach: Some(true),
            risk: Some(Risk::Risk),
            notify_imy: Some(true),
            reason: "x".into(),
            ..Default::default()
        };
        let early = BreachDecision {
            notified_at: Some(AWARE - Duration::hours(1)),
            ..base.clone()
        };
        let e = validate_breach(&early, AWARE, NOW).unwrap_err();
        assert_eq!(e[0].code, FieldErrorCode::BeforeOccurred);
        let future = BreachDecision {
            notified_at: Some(NOW + Duration::hours(1)),
            ..base
        };
        let e = validate_breach(&future, AWARE, NOW).unwrap_err();
        assert_eq!(e[0].code, FieldErrorCode::InFuture);
    }

    #[test]
    fn nis2_reports_come_in_order_and_only_for_a_significant_incident() {
        let d = Nis2Decision {
            significant: Some(true),
            reason: "Verksamhetssystem nere i hela kommunen".into(),
            early_warning_at: Some(AWARE + Duration::hours(20)),
            notification_at: Some(AWARE + Duration::hours(60)),
            final_report_at: None,
        };
        assert_eq!(validate_nis2(&d, AWARE, NOW), Ok(()));
        let out_of_order = Nis2Decision {
            notification_at: Some(AWARE + Duration::hours(10)),
            ..d.clone()
        };
        assert_eq!(
            fields(validate_nis2(&out_of_order, AWARE, NOW)),
            ["nis2.notification_at"]
        );
        let report_first = Nis2Decision {
            notification_at: None,
            final_report_at: Some(AWARE + Duration::hours(70)),
            ..d.clone()
        };
        assert_eq!(
            fields(validate_nis2(&report_first, AWARE, NOW)),
            ["nis2.final_report_at"]
        );
        let not_significant = Nis2Decision {
            significant: Some(false),
            ..d
        };
        assert_eq!(
            fields(validate_nis2(&not_significant, AWARE, NOW)),
            ["nis2.early_warning_at", "nis2.notification_at"]
        );
        let no_reason = Nis2Decision {
            significant: Some(false),
            ..Default::default()
        };
        assert_eq!(
            fields(validate_nis2(&no_reason, AWARE, NOW)),
            ["nis2.reason"]
        );
    }

    #[test]
    fn cases_move_forward_and_can_be_reopened_but_never_become_new_again() {
        let mut f = facts(PersonalDataFlag::No);
        f.status = CaseStatus::Received;
        assert_eq!(transition(&f, CaseStatus::InProgress, ""), Ok(()));
        assert_eq!(transition(&f, CaseStatus::Received, ""), Ok(()));
        assert_eq!(transition(&f, CaseStatus::Closed, "Falsklarm"), Ok(()));
        f.status = CaseStatus::InProgress;
        assert_eq!(fields(transition(&f, CaseStatus::Received, "")), ["status"]);
        f.status = CaseStatus::Closed;
        assert_eq!(transition(&f, CaseStatus::InProgress, ""), Ok(()));
        assert_eq!(fields(transition(&f, CaseStatus::Received, "")), ["status"]);
    }

    #[test]
    fn closing_needs_a_summary_and_the_decisions_the_law_asks_for() {
        let f = facts(PersonalDataFlag::No);
        assert_eq!(
            fields(transition(&f, CaseStatus::Closed, " ")),
            ["closing_summary"]
        );
        let f = facts(PersonalDataFlag::Unknown);
        assert_eq!(
            fields(transition(&f, CaseStatus::Closed, "Klart")),
            ["breach.is_breach"]
        );
        let mut f = facts(PersonalDataFlag::Yes);
        f.breach.is_breach = Some(true);
        assert_eq!(
            fields(transition(&f, CaseStatus::Closed, "Klart")),
            ["breach.notify_imy"]
        );
        f.breach.notify_imy = Some(true);
        assert_eq!(
            fields(transition(&f, CaseStatus::Closed, "Klart")),
            ["breach.notified_at"]
        );
        f.breach.notified_at = Some(AWARE + Duration::hours(5));
        assert_eq!(transition(&f, CaseStatus::Closed, "Klart"), Ok(()));
        f.nis2.significant = Some(true);
        f.nis2.early_warning_at = Some(AWARE + Duration::hours(5));
        assert_eq!(
            fields(transition(&f, CaseStatus::Closed, "Klart")),
            ["nis2.notification_at", "nis2.final_report_at"]
        );
    }

    #[test]
    fn handovers_messages_and_notes_are_checked() {
        let h = Handover {
            routine: Routine::LexSarah,
            to: "".into(),
            at: AWARE,
            note: String::new(),
        };
        assert_eq!(fields(validate_handover(&h, AWARE, NOW)), ["handover.to"]);
        assert_eq!(Routine::parse("lex_maria"), Some(Routine::LexMaria));
        assert_eq!(fields(validate_message(" ")), ["message"]);
        assert_eq!(fields(validate_message(&"a".repeat(501))), ["message"]);
        assert_eq!(validate_message("Tack, vi har spärrat telefonen."), Ok(()));
        assert_eq!(fields(validate_note("")), ["note"]);
    }

    #[test]
    fn decisions_round_trip_as_json() {
        let d = BreachDecision {
            is_breach: Some(true),
            risk: Some(Risk::HighRisk),
            notify_imy: Some(true),
            reason: "r".into(),
            notified_at: Some(AWARE),
            delay_reason: String::new(),
            subjects_informed: Some(true),
        };
        let json = serde_json::to_string(&d).unwrap();
        assert!(json.contains(r#""risk":"high_risk""#), "{json}");
        assert_eq!(serde_json::from_str::<BreachDecision>(&json).unwrap(), d);
        assert_eq!(
            serde_json::from_str::<Nis2Decision>("{}").unwrap(),
            Nis2Decision::default()
        );
    }
}
