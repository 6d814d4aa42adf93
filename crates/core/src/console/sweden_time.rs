//! Swedish local time (Europe/Stockholm) without a time-zone database: Sweden follows the
//! EU rule, summer time (CEST, +02:00) from the last Sunday of March at 01:00 UTC to the
//! last Sunday of October at 01:00 UTC, standard time (CET, +01:00) otherwise.

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset, Weekday};

const CET: UtcOffset = match UtcOffset::from_hms(1, 0, 0) {
    Ok(o) => o,
    Err(_) => panic!("+01:00 is an offset"),
};
const CEST: UtcOffset = match UtcOffset::from_hms(2, 0, 0) {
    Ok(o) => o,
    Err(_) => panic!("+02:00 is an offset"),
};

/// The last Sunday of `month` in `year`.
fn last_sunday(year: i32, month: Month) -> Date {
    let last_day = time::util::days_in_month(month, year);
    let mut d = Date::from_calendar_date(year, month, last_day).expect("a real date");
    while d.weekday() != Weekday::Sunday {
        d = d.previous_day().expect("within the calendar");
    }
    d
}

/// When summer time begins and ends in `year`, as UTC instants.
fn summer(year: i32) -> (OffsetDateTime, OffsetDateTime) {
    let one = Time::from_hms(1, 0, 0).expect("01:00");
    (
        PrimitiveDateTime::new(last_sunday(year, Month::March), one).assume_utc(),
        PrimitiveDateTime::new(last_sunday(year, Month::October), one).assume_utc(),
    )
}

/// Sweden's offset from UTC at the instant `t`.
pub fn offset_at(t: OffsetDateTime) -> UtcOffset {
    let utc = t.to_offset(UtcOffset::UTC);
    let (begins, ends) = summer(utc.year());
    if utc >= begins && utc < ends {
        CEST
    } else {
        CET
    }
}

/// The instant `t` in Swedish local time.
pub fn local(t: OffsetDateTime) -> OffsetDateTime {
    t.to_offset(offset_at(t))
}

/// A wall-clock time in Sweden (as typed in a form) as an instant.
///
/// In the spring gap (02:00–02:59 on the last Sunday of March, which the clocks skip) the
/// time is read one hour later, as the clock on the wall then shows. In the autumn overlap
/// (02:00–02:59 on the last Sunday of October, which happens twice) the earlier instant,
/// still in summer time, is taken: for a deadline that is the cautious reading.
pub fn from_local(dt: PrimitiveDateTime) -> OffsetDateTime {
    let summer_reading = dt.assume_offset(CEST);
    let winter_reading = dt.assume_offset(CET);
    match (
        offset_at(summer_reading) == CEST,
        offset_at(winter_reading) == CET,
    ) {
        // The overlap: both readings are real; take the earlier.
        (true, true) => summer_reading,
        (true, false) => summer_reading,
        (false, true) => winter_reading,
        // The gap: neither is real; the wall clock has already jumped an hour ahead.
        (false, false) => winter_reading,
    }
}

/// A time as the console shows it: ISO date and 24-hour clock in Swedish time,
/// `2026-03-29 14:05`.
pub fn format(t: OffsetDateTime) -> String {
    let l = local(t);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        l.year(),
        l.month() as u8,
        l.day(),
        l.hour(),
        l.minute()
    )
}

/// A time for an `<input type="datetime-local">`: `2026-03-29T14:05` in Swedish time.
pub fn to_input(t: OffsetDateTime) -> String {
    format(t).replace(' ', "T")
}

/// What an `<input type="datetime-local">` sent (`2026-03-29T14:05`, seconds optional), as
/// an instant; `None` if it is not such a time.
pub fn parse_input(text: &str) -> Option<OffsetDateTime> {
    let text = text.trim();
    let (date, clock) = text.split_once('T')?;
    let mut d = date.splitn(3, '-').map(|p| p.parse::<i32>().ok());
    let (y, m, day) = (d.next()??, d.next()??, d.next()??);
    let mut c = clock.splitn(3, ':').map(|p| p.parse::<u8>().ok());
    let (h, min) = (c.next()??, c.next()??);
    let sec = match c.next() {
        Some(s) => s?,
        None => 0,
    };
    let date = Date::from_calendar_date(
        y,
        Month::try_from(u8::try_from(m).ok()?).ok()?,
        u8::try_from(day).ok()?,
    )
    .ok()?;
    let time = Time::from_hms(h, min, sec).ok()?;
    Some(from_local(PrimitiveDateTime::new(date, time)))
}

/// The same wall-clock time `months` calendar months later in Sweden, clamped to the
/// month's last day (31 January + 1 month = 28 or 29 February).
pub fn add_months(t: OffsetDateTime, months: u32) -> OffsetDateTime {
    let l = local(t);
    let total = l.year() * 12 + (l.month() as i32 - 1) + months as i32;
    let (year, month0) = (total.div_euclid(12), total.rem_euclid(12));
    let month = Month::try_from(month0 as u8 + 1).expect("1..=12");
    let day = l.day().min(time::util::days_in_month(month, year));
    let date = Date::from_calendar_date(year, month, day).expect("a clamped date");
    from_local(PrimitiveDateTime::new(date, l.time()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{datetime, offset};

    #[test]
    fn summer_time_begins_and_ends_at_one_utc_on_the_last_sundays() {
        // 2026: 29 March and 25 October. 2027: 28 March and 31 October.
        assert_eq!(offset_at(datetime!(2026-03-29 00:59:59 UTC)), offset!(+1));
        assert_eq!(offset_at(datetime!(2026-03-29 01:00 UTC)), offset!(+2));
        assert_eq!(offset_at(datetime!(2026-10-25 00:59:59 UTC)), offset!(+2));
        assert_eq!(offset_at(datetime!(2026-10-25 01:00 UTC)), offset!(+1));
        assert_eq!(offset_at(datetime!(2027-03-28 01:00 UTC)), offset!(+2));
        assert_eq!(offset_at(datetime!(2027-10-31 00:30 UTC)), offset!(+2));
        assert_eq!(offset_at(datetime!(2027-10-31 01:00 UTC)), offset!(+1));
        assert_eq!(offset_at(datetime!(2026-12-31 23:30 UTC)), offset!(+1));
    }

    #[test]
    fn local_and_format_show_swedish_time() {
        assert_eq!(format(datetime!(2026-12-31 23:30 UTC)), "2027-01-01 00:30");
        assert_eq!(format(datetime!(2026-07-01 10:00 UTC)), "2026-07-01 12:00");
        assert_eq!(local(datetime!(2026-07-01 10:00 UTC)).offset(), offset!(+2));
    }

    #[test]
    fn a_typed_time_in_the_gap_or_the_overlap_has_one_reading() {
        // Spring gap: 02:30 does not exist on 29 March 2026; it reads as 03:30 CEST.
        let gap = from_local(datetime!(2026-03-29 02:30));
        assert_eq!(gap, datetime!(2026-03-29 01:30 UTC));
        assert_eq!(format(gap), "2026-03-29 03:30");
        // Autumn overlap: 02:30 on 25 October 2026 happens twice; the earlier (CEST) counts.
        assert_eq!(
            from_local(datetime!(2026-10-25 02:30)),
            datetime!(2026-10-25 00:30 UTC)
        );
        assert_eq!(
            from_local(datetime!(2026-10-25 03:30)),
            datetime!(2026-10-25 02:30 UTC)
        );
        assert_eq!(
            from_local(datetime!(2026-01-15 08:00)),
            datetime!(2026-01-15 07:00 UTC)
        );
    }

    #[test]
    fn form_times_round_trip() {
        let t = datetime!(2026-06-10 06:05 UTC);
        assert_eq!(to_input(t), "2026-06-10T08:05");
        assert_eq!(parse_input("2026-06-10T08:05"), Some(t));
        assert_eq!(parse_input("2026-06-10T08:05:00"), Some(t));
        assert_eq!(parse_input("2026-02-30T08:05"), None);
        assert_eq!(parse_input("igår"), None);
        assert_eq!(parse_input(""), None);
    }

    #[test]
    fn a_month_later_keeps_the_wall_clock_and_clamps_the_day() {
        assert_eq!(
            add_months(datetime!(2026-01-31 09:00 +1), 1),
            datetime!(2026-02-28 09:00 +1)
        );
        assert_eq!(
            add_months(datetime!(2028-01-31 09:00 +1), 1),
            datetime!(2028-02-29 09:00 +1)
        );
        assert_eq!(
            add_months(datetime!(2026-03-31 09:00 +2), 1),
            datetime!(2026-04-30 09:00 +2)
        );
        // Across the change to summer time: the same wall-clock time, one hour less elapsed.
        assert_eq!(
            add_months(datetime!(2026-03-10 09:00 +1), 1),
            datetime!(2026-04-10 09:00 +2)
        );
        assert_eq!(
            add_months(datetime!(2026-12-15 12:00 +1), 1),
            datetime!(2027-01-15 12:00 +1)
        );
    }
}
