//! The legal clocks of a case, each from its own starting point (see [`super::triage`]):
//! - IMY's 72 hours (GDPR art. 33) run from awareness while the case may be a breach and
//!   nobody has decided that IMY is not to be notified: an undecided case keeps its clock;
//! - the cybersäkerhetslag's 24 and 72 hours run from awareness, and its month from the
//!   incident notification, once the incident is assessed as significant. Before the
//!   notification is sent, the month is counted from the notification's deadline, the
//!   latest it can start.
//!
//! Hours are real elapsed hours (they run straight through a change of summer time); a
//! month is a calendar month in Swedish time ([`super::sweden_time::add_months`]).

use super::sweden_time;
use super::triage::CaseFacts;
use crate::deadline::GDPR_NOTIFICATION_HOURS;
use time::{Duration, OffsetDateTime};

/// Hours from awareness to the cybersäkerhetslag's early warning.
pub const NIS2_EARLY_WARNING_HOURS: i64 = 24;
/// Hours from awareness to the cybersäkerhetslag's incident notification.
pub const NIS2_NOTIFICATION_HOURS: i64 = 72;
/// Months from the incident notification to the final report.
pub const NIS2_FINAL_REPORT_MONTHS: u32 = 1;

/// Which clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClockKind {
    /// The notification of a personal-data breach to IMY.
    ImyNotification,
    /// The early warning to the CSIRT.
    Nis2EarlyWarning,
    /// The incident notification to the CSIRT.
    Nis2Notification,
    /// The final report to the CSIRT.
    Nis2FinalReport,
}

impl ClockKind {
    /// Every clock.
    pub const ALL: [ClockKind; 4] = [
        ClockKind::ImyNotification,
        ClockKind::Nis2EarlyWarning,
        ClockKind::Nis2Notification,
        ClockKind::Nis2FinalReport,
    ];

    /// Its stable name.
    pub fn as_str(self) -> &'static str {
        match self {
            ClockKind::ImyNotification => "imy_notification",
            ClockKind::Nis2EarlyWarning => "nis2_early_warning",
            ClockKind::Nis2Notification => "nis2_notification",
            ClockKind::Nis2FinalReport => "nis2_final_report",
        }
    }

    /// The clock with this name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The key of the authority it is owed to. Authorities' names are data, kept by the
    /// server (MSB became MCF on 1 January 2026; names change).
    pub fn recipient_key(self) -> &'static str {
        match self {
            ClockKind::ImyNotification => "imy",
            _ => "cert_se",
        }
    }
}

/// One clock of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    /// Which.
    pub kind: ClockKind,
    /// When it started.
    pub starts_at: OffsetDateTime,
    /// When what it counts down to is due.
    pub due_at: OffsetDateTime,
    /// When it was done, if it was.
    pub done_at: Option<OffsetDateTime>,
}

/// Where a clock stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockState {
    /// Running, with this much left.
    Open {
        /// Time left.
        left: Duration,
    },
    /// Due and not done.
    Overdue {
        /// How long past due.
        by: Duration,
    },
    /// Done by the deadline.
    DoneInTime,
    /// Done after the deadline.
    DoneLate {
        /// How late.
        by: Duration,
    },
}

impl Clock {
    /// Where the clock stands at `now`.
    pub fn state(&self, now: OffsetDateTime) -> ClockState {
        match self.done_at {
            Some(done) if done <= self.due_at => ClockState::DoneInTime,
            Some(done) => ClockState::DoneLate {
                by: done - self.due_at,
            },
            None if now < self.due_at => ClockState::Open {
                left: self.due_at - now,
            },
            None => ClockState::Overdue {
                by: now - self.due_at,
            },
        }
    }

    /// Whether it still needs doing.
    pub fn is_running(&self) -> bool {
        self.done_at.is_none()
    }
}

/// The clocks that apply to a case. A closed case keeps the clocks it had, so the register
/// shows what was done late; none of them is still running, since closing needs the
/// decisions and the reports ([`super::triage::transition`]).
pub fn clocks(case: &CaseFacts) -> Vec<Clock> {
    let mut out = Vec::new();
    let aware = case.aware_at;
    let b = &case.breach;
    let may_be_breach = match b.is_breach {
        Some(is) => is,
        None => case.personal_data.maybe(),
    };
    if may_be_breach && b.notify_imy != Some(false) {
        out.push(Clock {
            kind: ClockKind::ImyNotification,
            starts_at: aware,
            due_at: aware + Duration::hours(GDPR_NOTIFICATION_HOURS),
            done_at: b.notified_at,
        });
    }
    let n = &case.nis2;
    if n.significant == Some(true) {
        let notification_due = aware + Duration::hours(NIS2_NOTIFICATION_HOURS);
        out.push(Clock {
            kind: ClockKind::Nis2EarlyWarning,
            starts_at: aware,
            due_at: aware + Duration::hours(NIS2_EARLY_WARNING_HOURS),
            done_at: n.early_warning_at,
        });
        out.push(Clock {
            kind: ClockKind::Nis2Notification,
            starts_at: aware,
            due_at: notification_due,
            done_at: n.notification_at,
        });
        let from = n.notification_at.unwrap_or(notification_due);
        out.push(Clock {
            kind: ClockKind::Nis2FinalReport,
            starts_at: from,
            due_at: sweden_time::add_months(from, NIS2_FINAL_REPORT_MONTHS),
            done_at: n.final_report_at,
        });
    }
    out
}

/// The clock that most needs attention: the running one due first (overdue ones are due
/// before any open one, the most overdue first).
pub fn most_urgent(clocks: &[Clock]) -> Option<&Clock> {
    clocks
        .iter()
        .filter(|c| c.is_running())
        .min_by_key(|c| c.due_at)
}

/// A key to sort cases "most urgent first": cases with a running clock by its due time,
/// then the rest. Sort ascending; break ties by newest first.
pub fn urgency_key(clocks: &[Clock]) -> (bool, Option<OffsetDateTime>) {
    match most_urgent(clocks) {
        Some(c) => (false, Some(c.due_at)),
        None => (true, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::console::triage::{BreachDecision, Nis2Decision, PersonalDataFlag};
    use crate::protocol::CaseStatus;
    use time::macros::datetime;

    fn case(personal_data: PersonalDataFlag) -> CaseFacts {
        CaseFacts {
            status: CaseStatus::InProgress,
            aware_at: datetime!(2026-01-31 09:00 +1),
            personal_data,
            breach: BreachDecision::default(),
            nis2: Nis2Decision::default(),
            assignee: None,
        }
    }

    fn kinds(clocks: &[Clock]) -> Vec<ClockKind> {
        clocks.iter().map(|c| c.kind).collect()
    }

    #[test]
    fn an_undecided_case_with_personal_data_keeps_the_imy_clock_running() {
        let c = case(PersonalDataFlag::Unknown);
        let all = clocks(&c);
        assert_eq!(kinds(&all), [ClockKind::ImyNotification]);
        assert_eq!(all[0].due_at, datetime!(2026-02-03 09:00 +1));
        assert!(clocks(&case(PersonalDataFlag::No)).is_empty());
    }

    #[test]
    fn deciding_not_to_notify_stops_the_imy_clock_and_not_a_breach_too() {
        let mut c = case(PersonalDataFlag::Yes);
        c.breach.is_breach = Some(true);
        c.breach.notify_imy = Some(false);
        assert!(clocks(&c).is_empty());
        let mut c = case(PersonalDataFlag::Yes);
        c.breach.is_breach = Some(false);
        assert!(clocks(&c).is_empty());
        // A report that said "no" but was assessed a breach gets the clock.
        let mut c = case(PersonalDataFlag::No);
        c.breach.is_breach = Some(true);
        assert_eq!(kinds(&clocks(&c)), [ClockKind::ImyNotification]);
    }

    #[test]
    fn states_open_overdue_done_in_time_and_late() {
        let mut c = case(PersonalDataFlag::Yes);
        let clock = clocks(&c)[0];
        let due = clock.due_at;
        assert_eq!(
            clock.state(due - Duration::hours(2)),
            ClockState::Open {
                left: Duration::hours(2)
            }
        );
        assert_eq!(
            clock.state(due + Duration::minutes(30)),
            ClockState::Overdue {
                by: Duration::minutes(30)
            }
        );
        c.breach.notified_at = Some(due);
        assert_eq!(
            clocks(&c)[0].state(due + Duration::days(9)),
            ClockState::DoneInTime
        );
        c.breach.notified_at = Some(due + Duration::hours(5));
        assert_eq!(
            clocks(&c)[0].state(due),
            ClockState::DoneLate {
                by: Duration::hours(5)
            }
        );
    }

    #[test]
    fn a_significant_incident_has_the_three_nis2_clocks() {
        let mut c = case(PersonalDataFlag::No);
        c.nis2.significant = Some(true);
        let all = clocks(&c);
        assert_eq!(
            kinds(&all),
            [
                ClockKind::Nis2EarlyWarning,
                ClockKind::Nis2Notification,
                ClockKind::Nis2FinalReport
            ]
        );
        assert_eq!(all[0].due_at, datetime!(2026-02-01 09:00 +1));
        assert_eq!(all[1].due_at, datetime!(2026-02-03 09:00 +1));
        // Not yet notified: the month counts from the notification's deadline.
        assert_eq!(all[2].due_at, datetime!(2026-03-03 09:00 +1));
        // Notified on 31 January: one month later is 28 February (clamped).
        c.nis2.notification_at = Some(datetime!(2026-01-31 20:00 +1));
        assert_eq!(clocks(&c)[2].due_at, datetime!(2026-02-28 20:00 +1));
        assert_eq!(clocks(&c)[2].starts_at, datetime!(2026-01-31 20:00 +1));
    }

    #[test]
    fn hours_run_straight_through_the_changes_of_summer_time() {
        // The evening before summer time begins (29 March 2026): 24 real hours later the
        // wall clock shows an hour more.
        let mut c = case(PersonalDataFlag::No);
        c.aware_at = datetime!(2026-03-28 20:00 +1);
        c.nis2.significant = Some(true);
        let all = clocks(&c);
        assert_eq!(all[0].due_at, datetime!(2026-03-29 21:00 +2));
        assert_eq!(sweden_time::format(all[0].due_at), "2026-03-29 21:00");
        // The evening before it ends (25 October 2026): an hour less on the wall.
        c.aware_at = datetime!(2026-10-24 20:00 +2);
        let all = clocks(&c);
        assert_eq!(sweden_time::format(all[0].due_at), "2026-10-25 19:00");
        assert_eq!(sweden_time::format(all[1].due_at), "2026-10-27 19:00");
        // The month keeps the wall-clock time across the change.
        c.nis2.notification_at = Some(datetime!(2026-10-20 10:00 +2));
        assert_eq!(
            sweden_time::format(clocks(&c)[2].due_at),
            "2026-11-20 10:00"
        );
    }

    #[test]
    fn the_most_urgent_clock_is_the_running_one_due_first() {
        let mut c = case(PersonalDataFlag::Yes);
        c.nis2.significant = Some(true);
        let all = clocks(&c);
        assert_eq!(most_urgent(&all).unwrap().kind, ClockKind::Nis2EarlyWarning);
        c.nis2.early_warning_at = Some(c.aware_at + Duration::hours(1));
        let all = clocks(&c);
        assert_eq!(most_urgent(&all).unwrap().kind, ClockKind::ImyNotification);
        assert!(urgency_key(&all) < urgency_key(&[]));
        let sooner = urgency_key(&all);
        let mut later = case(PersonalDataFlag::Yes);
        later.aware_at += Duration::hours(3);
        assert!(sooner < urgency_key(&clocks(&later)));
    }

    #[test]
    fn names_round_trip() {
        for k in ClockKind::ALL {
            assert_eq!(ClockKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(ClockKind::Nis2FinalReport.recipient_key(), "cert_se");
    }
}
