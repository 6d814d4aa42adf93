//! Coverage: where each employee stands with the policy and the training, the counts per
//! workplace, and when an overdue employee is reminded.
//!
//! Rules:
//! - Signing: `Current` when the latest signature covers the current texts (the rule the
//!   app uses to ask again, [`crate::signature::signing_status`]), `SignAgain` when it
//!   covers an older version, `Never` without any signature.
//! - Training: `Completed` within the pack's interval, `DueSoon` within [`DUE_SOON_DAYS`]
//!   of the due date (or a new employee still within the grace period), `Overdue` after
//!   it, `NeverStarted` past the grace period without a single answer sent.
//! - New employees have the pack's grace period (`training.new_employee_weeks`, Vaksam's
//!   default [`DEFAULT_NEW_EMPLOYEE_WEEKS`]) from their first day, or from the day they were
//!   added when the first day is not known, to sign and complete the training.
//! - A new policy version gives everyone the same grace period from its publication to
//!   sign again.
//! - Reminders: an employee with something late is reminded when it becomes late (or when
//!   reminding starts, for someone late since before), then [`REMINDER_EVERY_DAYS`] days
//!   after the last reminder, at most [`MAX_REMINDERS`] times per due date; missed
//!   reminders are never sent in a burst.

use crate::quiz::add_months;
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

/// Vaksam's default grace period for new employees, in weeks, when the pack sets none.
pub const DEFAULT_NEW_EMPLOYEE_WEEKS: u32 = 4;
/// Training is "due soon" this many days before its due date.
pub const DUE_SOON_DAYS: i64 = 30;
/// Days between reminders about the same due date.
pub const REMINDER_EVERY_DAYS: i64 = 14;
/// Most reminders about one due date.
pub const MAX_REMINDERS: u8 = 3;

/// Where an employee stands with the policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Signing {
    /// Signed the current version.
    Current,
    /// Signed an older version; must sign again.
    SignAgain,
    /// Never signed.
    Never,
}

impl Signing {
    /// Every state, in the order reports list them.
    pub const ALL: [Signing; 3] = [Signing::Current, Signing::SignAgain, Signing::Never];

    /// Its stable name (CSV, URLs).
    pub fn as_str(self) -> &'static str {
        match self {
            Signing::Current => "current",
            Signing::SignAgain => "sign_again",
            Signing::Never => "never",
        }
    }

    /// The state with this name.
    pub fn parse(name: &str) -> Option<Signing> {
        Signing::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

/// Where an employee stands with the training.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Training {
    /// Completed within the interval, not due soon.
    Completed,
    /// Due within [`DUE_SOON_DAYS`], or new and within the grace period.
    DueSoon,
    /// Past its due date.
    Overdue,
    /// Past the grace period and never answered a question.
    NeverStarted,
}

impl Training {
    /// Every state, in the order reports list them.
    pub const ALL: [Training; 4] = [
        Training::Completed,
        Training::DueSoon,
        Training::Overdue,
        Training::NeverStarted,
    ];

    /// Its stable name (CSV, URLs).
    pub fn as_str(self) -> &'static str {
        match self {
            Training::Completed => "completed",
            Training::DueSoon => "due_soon",
            Training::Overdue => "overdue",
            Training::NeverStarted => "never_started",
        }
    }

    /// The state with this name.
    pub fn parse(name: &str) -> Option<Training> {
        Training::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// Whether the employee should have done it by now.
    pub fn is_late(self) -> bool {
        matches!(self, Training::Overdue | Training::NeverStarted)
    }
}

/// The rules of one municipality's current pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// Months between courses.
    pub interval_months: u32,
    /// Weeks a new employee has.
    pub new_employee_weeks: u32,
    /// When the current policy version was published.
    pub policy_published_at: OffsetDateTime,
}

/// What is known of one employee.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    /// Their signing state by the signature rule.
    pub signing: Signing,
    /// Their last proven course completion.
    pub completed_at: Option<OffsetDateTime>,
    /// Whether they have sent any training result at all.
    pub started_training: bool,
    /// Their first day, or when they were added.
    pub started: OffsetDateTime,
}

/// Where one employee stands, with the dates behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    /// Policy.
    pub signing: Signing,
    /// When a signature is (or was) due; `None` when current.
    pub sign_due: Option<OffsetDateTime>,
    /// Training.
    pub training: Training,
    /// When the training is (or was) due.
    pub training_due: OffsetDateTime,
    /// Still within the grace period for new employees.
    pub new: bool,
    /// Completed within the interval (valid now).
    pub trained: bool,
}

impl Standing {
    /// Whether a signature is late.
    pub fn sign_late(&self, now: OffsetDateTime) -> bool {
        self.sign_due.is_some_and(|due| now >= due)
    }

    /// The earliest due date of what is late at `now`, if anything is.
    pub fn late_since(&self, now: OffsetDateTime) -> Option<OffsetDateTime> {
        let sign = self.sign_due.filter(|_| self.sign_late(now));
        let train = Some(self.training_due).filter(|_| self.training.is_late());
        match (sign, train) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

/// Where an employee stands at `now`.
pub fn standing(facts: &Facts, rules: &Rules, now: OffsetDateTime) -> Standing {
    let grace = Duration::weeks(i64::from(rules.new_employee_weeks));
    let grace_end = facts.started + grace;
    let new = now < grace_end;
    let sign_due = match facts.signing {
        Signing::Current => None,
        Signing::Never => Some(grace_end),
        Signing::SignAgain => Some(grace_end.max(rules.policy_published_at + grace)),
    };
    let trained = facts
        .completed_at
        .is_some_and(|done| now < add_months(done, rules.interval_months));
    let (training, training_due) = match facts.completed_at {
        Some(done) => {
            let due = add_months(done, rules.interval_months);
            let state = if now >= due {
                Training::Overdue
            } else if now >= due - Duration::days(DUE_SOON_DAYS) {
                Training::DueSoon
            } else {
                Training::Completed
            };
            (state, due)
        }
        None if new => (Training::DueSoon, grace_end),
        None if facts.started_training => (Training::Overdue, grace_end),
        None => (Training::NeverStarted, grace_end),
    };
    Standing {
        signing: facts.signing,
        sign_due,
        training,
        training_due,
        new,
        trained,
    }
}

/// Counts of one group (a workplace, or the whole municipality).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    /// Employees in the group.
    pub total: u32,
    /// By signing state, in [`Signing::ALL`] order.
    pub signing: [u32; 3],
    /// By training state, in [`Training::ALL`] order.
    pub training: [u32; 4],
    /// With a valid training (a completion within the interval).
    pub trained: u32,
}

impl Counts {
    /// Counts one employee.
    pub fn add(&mut self, s: &Standing) {
        self.total += 1;
        self.signing[Signing::ALL
            .iter()
            .position(|x| *x == s.signing)
            .unwrap_or(0)] += 1;
        self.training[Training::ALL
            .iter()
            .position(|x| *x == s.training)
            .unwrap_or(0)] += 1;
        self.trained += u32::from(s.trained);
    }

    /// How many are in a signing state.
    pub fn signing(&self, s: Signing) -> u32 {
        self.signing[Signing::ALL.iter().position(|x| *x == s).unwrap_or(0)]
    }

    /// How many are in a training state.
    pub fn training(&self, t: Training) -> u32 {
        self.training[Training::ALL.iter().position(|x| *x == t).unwrap_or(0)]
    }

    /// Share who signed the current version, in whole percent (rounded down; 0 of 0 is 0).
    pub fn signed_percent(&self) -> u32 {
        percent(self.signing(Signing::Current), self.total)
    }

    /// Share whose training is valid now (completed within the interval, due soon or
    /// not), in whole percent.
    pub fn trained_percent(&self) -> u32 {
        percent(self.trained, self.total)
    }
}

fn percent(part: u32, whole: u32) -> u32 {
    if whole == 0 {
        0
    } else {
        (u64::from(part) * 100 / u64::from(whole)) as u32
    }
}

/// Which reminder about `late_since` is due at `now` (1 to [`MAX_REMINDERS`]), given when
/// the ones already sent about that date went out; `None` when none is due. The first goes
/// when something becomes late (or when reminding starts, for someone late since before),
/// each next one [`REMINDER_EVERY_DAYS`] after the last.
pub fn reminder_due(
    late_since: OffsetDateTime,
    sent: &[OffsetDateTime],
    now: OffsetDateTime,
) -> Option<u8> {
    if now < late_since || sent.len() >= usize::from(MAX_REMINDERS) {
        return None;
    }
    match sent.iter().max() {
        None => Some(1),
        Some(last) if now - *last >= Duration::days(REMINDER_EVERY_DAYS) => {
            Some(sent.len() as u8 + 1)
        }
        Some(_) => None,
    }
}

/// Whether reminders and digests may be sent at `now`: weekdays 07:00–18:00 Swedish time,
/// never at night or over the weekend.
pub fn sending_hours(now: OffsetDateTime) -> bool {
    let local = crate::console::sweden_time::local(now);
    !matches!(
        local.weekday(),
        time::Weekday::Saturday | time::Weekday::Sunday
    ) && (7..18).contains(&local.hour())
}

/// The hour (Swedish time) on Monday from which a week's digest to managers is due.
pub const DIGEST_HOUR: u8 = 7;

/// The ISO week (`2026-W49`) whose digest to managers is due at `now`: from Monday 07:00
/// Swedish time to the end of Sunday; `None` early on Monday morning. A digest missed
/// during a week (the server was down) is sent later that week, never in the next.
pub fn digest_week(now: OffsetDateTime) -> Option<String> {
    let local = crate::console::sweden_time::local(now);
    if local.weekday() == time::Weekday::Monday && local.hour() < DIGEST_HOUR {
        return None;
    }
    let (year, week, _) = local.to_iso_week_date();
    Some(format!("{year}-W{week:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-12-06 12:00 UTC);

    fn rules() -> Rules {
        Rules {
            interval_months: 12,
            new_employee_weeks: 4,
            policy_published_at: datetime!(2026-01-15 09:00 UTC),
        }
    }

    fn facts(signing: Signing, completed_at: Option<OffsetDateTime>) -> Facts {
        Facts {
            signing,
            completed_at,
            started_training: completed_at.is_some(),
            started: datetime!(2025-03-01 00:00 UTC),
        }
    }

    #[test]
    fn training_states_follow_the_interval_and_due_soon_window() {
        let r = rules();
        let done = |t| standing(&facts(Signing::Current, Some(t)), &r, NOW).training;
        assert_eq!(done(datetime!(2026-06-01 00:00 UTC)), Training::Completed);
        // Due 2026-12-20: within 30 days.
        assert_eq!(done(datetime!(2025-12-20 00:00 UTC)), Training::DueSoon);
        assert_eq!(done(datetime!(2025-12-06 12:00 UTC)), Training::Overdue);
        let never = standing(&facts(Signing::Never, None), &r, NOW);
        assert_eq!(never.training, Training::NeverStarted);
        let mut tried = facts(Signing::Never, None);
        tried.started_training = true;
        assert_eq!(standing(&tried, &r, NOW).training, Training::Overdue);
    }

    #[test]
    fn new_employees_have_the_grace_period_for_both() {
        let mut f = facts(Signing::Never, None);
        f.started = datetime!(2026-11-20 00:00 UTC);
        let s = standing(&f, &rules(), NOW);
        assert!(s.new);
        assert_eq!(s.training, Training::DueSoon);
        assert_eq!(s.training_due, datetime!(2026-12-18 00:00 UTC));
        assert_eq!(s.sign_due, Some(datetime!(2026-12-18 00:00 UTC)));
        assert!(!s.sign_late(NOW));
        assert_eq!(s.late_since(NOW), None);
        // The day the grace period ends, both are late.
        let later = datetime!(2026-12-18 00:00 UTC);
        let s = standing(&f, &rules(), later);
        assert!(!s.new);
        assert_eq!(s.training, Training::NeverStarted);
        assert_eq!(s.late_since(later), Some(later));
    }

    #[test]
    fn a_new_policy_version_gives_everyone_the_grace_period_to_sign_again() {
        let mut r = rules();
        r.policy_published_at = datetime!(2026-11-30 00:00 UTC);
        let s = standing(&facts(Signing::SignAgain, None), &r, NOW);
        assert_eq!(s.sign_due, Some(datetime!(2026-12-28 00:00 UTC)));
        assert!(!s.sign_late(NOW));
        r.policy_published_at = datetime!(2026-10-01 00:00 UTC);
        let s = standing(&facts(Signing::SignAgain, None), &r, NOW);
        assert!(s.sign_late(NOW));
        assert_eq!(
            standing(&facts(Signing::Current, None), &r, NOW).sign_due,
            None
        );
    }

    #[test]
    fn counts_and_percentages() {
        let r = rules();
        let mut c = Counts::default();
        c.add(&standing(
            &facts(Signing::Current, Some(datetime!(2026-06-01 00:00 UTC))),
            &r,
            NOW,
        ));
        c.add(&standing(&facts(Signing::Never, None), &r, NOW));
        c.add(&standing(&facts(Signing::SignAgain, None), &r, NOW));
        assert_eq!(c.total, 3);
        assert_eq!(c.signing, [1, 1, 1]);
        assert_eq!(c.training(Training::NeverStarted), 2);
        assert_eq!(c.signed_percent(), 33);
        assert_eq!(c.trained_percent(), 33);
        assert_eq!(Counts::default().signed_percent(), 0);
    }

    #[test]
    fn reminders_come_every_two_weeks_at_most_three_times_and_never_twice() {
        let late = datetime!(2026-11-01 00:00 UTC);
        let day = |d: i64| late + Duration::days(d);
        assert_eq!(reminder_due(late, &[], day(-1)), None);
        assert_eq!(reminder_due(late, &[], late), Some(1));
        assert_eq!(reminder_due(late, &[late], day(13)), None);
        assert_eq!(reminder_due(late, &[late], day(14)), Some(2));
        // Late since years: the first reminder when reminding starts, then every two weeks.
        let long_ago = datetime!(2020-01-29 00:00 UTC);
        assert_eq!(reminder_due(long_ago, &[], late), Some(1));
        assert_eq!(reminder_due(long_ago, &[late], day(7)), None);
        assert_eq!(reminder_due(long_ago, &[late], day(14)), Some(2));
        // A server down for a month sends one, not the missed ones at once.
        assert_eq!(reminder_due(late, &[late], day(40)), Some(2));
        assert_eq!(
            reminder_due(late, &[late, day(14), day(28)], day(400)),
            None
        );
    }

    #[test]
    fn the_weekly_digest_is_due_from_monday_seven_swedish_time() {
        // Monday 2026-12-07 06:59 in Stockholm (UTC+1) is 05:59 UTC.
        assert_eq!(digest_week(datetime!(2026-12-07 05:59 UTC)), None);
        assert_eq!(
            digest_week(datetime!(2026-12-07 06:00 UTC)).as_deref(),
            Some("2026-W50")
        );
        // Sunday evening is still the same week; Saturday of the week before is W49.
        assert_eq!(
            digest_week(datetime!(2026-12-13 22:00 UTC)).as_deref(),
            Some("2026-W50")
        );
        assert_eq!(
            digest_week(datetime!(2026-12-05 12:00 UTC)).as_deref(),
            Some("2026-W49")
        );
        // Summer time: Monday 07:00 in Stockholm is 05:00 UTC.
        assert_eq!(
            digest_week(datetime!(2026-06-01 05:00 UTC)).as_deref(),
            Some("2026-W23")
        );
        // ISO years: 2027-01-01 is a Friday of 2026's week 53.
        assert_eq!(
            digest_week(datetime!(2027-01-01 12:00 UTC)).as_deref(),
            Some("2026-W53")
        );
    }

    #[test]
    fn mail_goes_out_on_weekdays_in_office_hours_swedish_time() {
        // Monday 2026-12-07: 07:00 in Stockholm is 06:00 UTC.
        assert!(!sending_hours(datetime!(2026-12-07 05:59 UTC)));
        assert!(sending_hours(datetime!(2026-12-07 06:00 UTC)));
        assert!(sending_hours(datetime!(2026-12-07 16:59 UTC)));
        assert!(!sending_hours(datetime!(2026-12-07 17:00 UTC)));
        assert!(!sending_hours(datetime!(2026-12-06 10:00 UTC)), "a Sunday");
    }

    #[test]
    fn names_round_trip() {
        for s in Signing::ALL {
            assert_eq!(Signing::parse(s.as_str()), Some(s));
        }
        for t in Training::ALL {
            assert_eq!(Training::parse(t.as_str()), Some(t));
        }
    }
}
