//! The GDPR article 33 deadline: a personal-data breach must be notified to the supervisory
//! authority (IMY) within 72 hours of the controller becoming aware of it.

use time::{Duration, OffsetDateTime};

/// Hours the controller has from discovery to notify IMY (GDPR art. 33.1).
pub const GDPR_NOTIFICATION_HOURS: i64 = 72;

/// When the notification to IMY is due at the latest, counted from discovery.
///
/// The municipality becomes "aware" through the employee's discovery, so the employee's
/// recorded discovery time is the conservative starting point.
pub fn imy_notification_due(discovered_at: OffsetDateTime) -> OffsetDateTime {
    discovered_at + Duration::hours(GDPR_NOTIFICATION_HOURS)
}

/// How much of the 72 hours is left at `now` (negative once passed).
pub fn time_left(discovered_at: OffsetDateTime, now: OffsetDateTime) -> Duration {
    imy_notification_due(discovered_at) - now
}

/// The language of [`in_words`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words {
    /// "torsdag 26 nov kl. 19.32"
    Swedish,
    /// "Thursday 26 Nov at 19:32"
    English,
}

/// A time as an employee reads it, in the time's own offset: the weekday, the day and
/// month, and the clock ("torsdag 26 nov kl. 19.32"), not an ISO date.
pub fn in_words(t: OffsetDateTime, words: Words) -> String {
    use time::{Month, Weekday};
    let (h, m) = (t.hour(), t.minute());
    match words {
        Words::Swedish => {
            let day = match t.weekday() {
                Weekday::Monday => "måndag",
                Weekday::Tuesday => "tisdag",
                Weekday::Wednesday => "onsdag",
                Weekday::Thursday => "torsdag",
                Weekday::Friday => "fredag",
                Weekday::Saturday => "lördag",
                Weekday::Sunday => "söndag",
            };
            let month = match t.month() {
                Month::January => "jan",
                Month::February => "feb",
                Month::March => "mars",
                Month::April => "april",
                Month::May => "maj",
                Month::June => "juni",
                Month::July => "juli",
                Month::August => "aug",
                Month::September => "sep",
                Month::October => "okt",
                Month::November => "nov",
                Month::December => "dec",
            };
            format!("{day} {} {month} kl. {h:02}.{m:02}", t.day())
        }
        Words::English => {
            let month = format!("{:?}", t.month());
            format!(
                "{:?} {} {} at {h:02}:{m:02}",
                t.weekday(),
                t.day(),
                &month[..3]
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_in_words_names_the_weekday_in_its_own_offset() {
        let due = imy_notification_due(datetime!(2026-11-23 19:32 +01:00));
        assert_eq!(in_words(due, Words::Swedish), "torsdag 26 nov kl. 19.32");
        assert_eq!(in_words(due, Words::English), "Thursday 26 Nov at 19:32");
        let morning = datetime!(2026-05-03 08:05 +02:00);
        assert_eq!(in_words(morning, Words::Swedish), "söndag 3 maj kl. 08.05");
        assert_eq!(in_words(morning, Words::English), "Sunday 3 May at 08:05");
    }
    use time::macros::datetime;

    #[test]
    fn deadline_is_72_hours_after_discovery() {
        let discovered = datetime!(2026-11-23 14:05 +01:00);
        assert_eq!(
            imy_notification_due(discovered),
            datetime!(2026-11-26 14:05 +01:00)
        );
    }

    #[test]
    fn deadline_counts_real_hours_across_daylight_saving_change() {
        // 2026-10-25 Sweden goes from +02:00 to +01:00; 72 real hours are what counts.
        let discovered = datetime!(2026-10-24 12:00 +02:00);
        let due = imy_notification_due(discovered);
        assert_eq!(due, datetime!(2026-10-27 11:00 +01:00));
    }

    #[test]
    fn time_left_turns_negative_after_deadline() {
        let discovered = datetime!(2026-11-23 08:00 UTC);
        assert_eq!(
            time_left(discovered, datetime!(2026-11-24 08:00 UTC)),
            Duration::hours(48)
        );
        assert!(time_left(discovered, datetime!(2026-11-27 08:00 UTC)).is_negative());
    }
}
