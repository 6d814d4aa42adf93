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

#[cfg(test)]
mod tests {
    use super::*;
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
