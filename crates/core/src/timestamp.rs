//! The times Vaksam accepts, and how they travel: RFC 3339 text, checked on the way in and
//! out.
//!
//! A time on the wire is accepted only when its instant, converted to UTC, lies in
//! [`EARLIEST`, `END`). Anything else (year 10000 in UTC through an offset, year 0, a clock
//! reset to 1970) is refused where it is read, with a message naming the range, so no later
//! step (storage, formatting, arithmetic) ever meets a time it cannot handle. The wire
//! format is unchanged: the same text `time::serde::rfc3339` reads and writes.
//!
//! RFC 3339, dates and `datetime-local` values are read and written here by hand, not by
//! `time`'s format descriptions: the app's wasm then carries no format-description
//! machinery (about 60 KB before compression). Tests check the results against `time`'s.

use std::fmt;
use time::macros::datetime;
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// The earliest time accepted (inclusive).
pub const EARLIEST: OffsetDateTime = datetime!(2000-01-01 00:00 UTC);
/// The first time no longer accepted (exclusive).
pub const END: OffsetDateTime = datetime!(2200-01-01 00:00 UTC);

/// A time outside [`EARLIEST`, [`END`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "the time lies outside the range Vaksam accepts ({EARLIEST_TEXT} to before {END_TEXT}, in UTC)"
)]
pub struct OutOfRange;

const EARLIEST_TEXT: &str = "2000-01-01T00:00:00Z";
const END_TEXT: &str = "2200-01-01T00:00:00Z";

/// `t` if its UTC instant lies in [`EARLIEST`, [`END`]).
///
/// Compares Unix seconds, which are computed without converting the date to UTC: the
/// conversion itself is what fails (panics, in `time`) for `9999-12-31T23:59:59-00:01`.
/// Both bounds are whole seconds, so the fraction cannot move a time across either.
pub fn in_range(t: OffsetDateTime) -> Result<OffsetDateTime, OutOfRange> {
    let seconds = t.unix_timestamp();
    if (EARLIEST.unix_timestamp()..END.unix_timestamp()).contains(&seconds) {
        Ok(t)
    } else {
        Err(OutOfRange)
    }
}

/// Why a text is not a time Vaksam accepts.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    /// Not RFC 3339 (or a date that does not exist).
    #[error("{0:?} is not an RFC 3339 time (e.g. 2026-11-23T09:30:00+01:00)")]
    Unreadable(String),
    /// Readable, but outside the range.
    #[error("{text:?}: {source}")]
    OutOfRange {
        /// The text as given.
        text: String,
        /// The range.
        source: OutOfRange,
    },
}

/// Reads an RFC 3339 time (`T`/`t`, `Z`/`z`, offsets up to ±23:59) and checks its range.
pub fn parse(text: &str) -> Result<OffsetDateTime, TimeError> {
    let t = read_rfc3339(text).ok_or_else(|| TimeError::Unreadable(text.to_owned()))?;
    in_range(t).map_err(|source| TimeError::OutOfRange {
        text: text.to_owned(),
        source,
    })
}

/// Writes `t` as RFC 3339, keeping its offset, if it is in range.
pub fn format(t: OffsetDateTime) -> Result<String, OutOfRange> {
    // In range, the year has four digits and the offset whole minutes (RFC 3339 parsing
    // never yields seconds), so formatting cannot fail; the error is mapped all the same.
    write_rfc3339(in_range(t)?).ok_or(OutOfRange)
}

/// Digits at `at..at + n` of `b` as a number, if they are all ASCII digits.
fn digits(b: &[u8], at: usize, n: usize) -> Option<u32> {
    let part = b.get(at..at + n)?;
    part.iter().try_fold(0u32, |acc, c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

/// `YYYY-MM-DD` at the start of `b`.
fn read_date(b: &[u8]) -> Option<Date> {
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let year = i32::try_from(digits(b, 0, 4)?).ok()?;
    let month = Month::try_from(u8::try_from(digits(b, 5, 2)?).ok()?).ok()?;
    Date::from_calendar_date(year, month, u8::try_from(digits(b, 8, 2)?).ok()?).ok()
}

/// `HH:MM` at `b[at..]`, and `:SS` after it when `seconds`.
fn read_clock(b: &[u8], at: usize, seconds: bool) -> Option<Time> {
    if b.get(at + 2) != Some(&b':') || (seconds && b.get(at + 5) != Some(&b':')) {
        return None;
    }
    let hour = u8::try_from(digits(b, at, 2)?).ok()?;
    let minute = u8::try_from(digits(b, at + 3, 2)?).ok()?;
    let second = if seconds {
        u8::try_from(digits(b, at + 6, 2)?).ok()?
    } else {
        0
    };
    Time::from_hms(hour, minute, second).ok()
}

/// Reads RFC 3339 (`2026-11-23T09:30:15.25+01:00`) exactly as `time`'s `Rfc3339` does:
/// any one-byte separator between date and time (`T`, `t`, a space), `Z`/`z`, any number
/// of fraction digits (nanoseconds kept), offsets up to ±23:59, and a leap second read as
/// the last nanosecond before it, only where one can be (the month's last second, UTC).
pub fn read_rfc3339(text: &str) -> Option<OffsetDateTime> {
    let b = text.as_bytes();
    let date = read_date(b)?;
    b.get(10)?;
    if b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
        return None;
    }
    let hour = u8::try_from(digits(b, 11, 2)?).ok()?;
    let minute = u8::try_from(digits(b, 14, 2)?).ok()?;
    let mut second = u8::try_from(digits(b, 17, 2)?).ok()?;
    let mut nanos = 0u32;
    let mut at = 19;
    if b.get(at) == Some(&b'.') {
        let start = at + 1;
        let mut end = start;
        while b.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        if end == start {
            return None;
        }
        // The first nine digits, padded; further digits are dropped.
        for i in 0..9 {
            let d = if start + i < end {
                u32::from(b[start + i] - b'0')
            } else {
                0
            };
            nanos = nanos * 10 + d;
        }
        at = end;
    }
    let offset = match b.get(at)? {
        b'Z' | b'z' if b.len() == at + 1 => UtcOffset::UTC,
        sign @ (b'+' | b'-') if b.len() == at + 6 && b[at + 3] == b':' => {
            let hours = i8::try_from(digits(b, at + 1, 2)?).ok()?;
            let minutes = i8::try_from(digits(b, at + 4, 2)?).ok()?;
            if hours > 23 {
                return None;
            }
            let signed = if *sign == b'-' { -1 } else { 1 };
            UtcOffset::from_hms(signed * hours, signed * minutes, 0).ok()?
        }
        _ => return None,
    };
    let leap = second == 60;
    if leap {
        second = 59;
        nanos = 999_999_999;
    }
    let time = Time::from_hms_nano(hour, minute, second, nanos).ok()?;
    let t = PrimitiveDateTime::new(date, time).assume_offset(offset);
    if leap {
        let utc = t.checked_to_offset(UtcOffset::UTC)?;
        let last_of_month = utc.day() == utc.month().length(utc.year());
        if !(utc.hour() == 23 && utc.minute() == 59 && last_of_month) {
            return None;
        }
    }
    Some(t)
}

/// Writes RFC 3339 as `time`'s `Rfc3339` does: the fraction only when there is one,
/// without trailing zeros; `Z` for UTC. `None` where RFC 3339 cannot say it (a year
/// outside 0–9999, an offset with seconds).
pub fn write_rfc3339(t: OffsetDateTime) -> Option<String> {
    let (offset_h, offset_m, offset_s) = t.offset().as_hms();
    if !(0..=9999).contains(&t.year()) || offset_s != 0 {
        return None;
    }
    let mut out = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    );
    if t.nanosecond() != 0 {
        let fraction = format!("{:09}", t.nanosecond());
        out.push('.');
        out.push_str(fraction.trim_end_matches('0'));
    }
    if t.offset() == UtcOffset::UTC {
        out.push('Z');
    } else {
        let sign = if offset_h < 0 || offset_m < 0 {
            '-'
        } else {
            '+'
        };
        out.push_str(&format!(
            "{sign}{:02}:{:02}",
            offset_h.unsigned_abs(),
            offset_m.unsigned_abs()
        ));
    }
    Some(out)
}

/// A date written `YYYY-MM-DD`.
pub fn read_date_text(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    (b.len() == 10).then(|| read_date(b)).flatten()
}

/// A `datetime-local` value: `YYYY-MM-DDTHH:MM`, or with `:SS`.
pub fn read_local(text: &str) -> Option<PrimitiveDateTime> {
    let b = text.as_bytes();
    let seconds = match b.len() {
        16 => false,
        19 => true,
        _ => return None,
    };
    if b[10] != b'T' {
        return None;
    }
    Some(PrimitiveDateTime::new(
        read_date(b)?,
        read_clock(b, 11, seconds)?,
    ))
}

/// `YYYY-MM-DDTHH:MM`, for a `datetime-local` input.
pub fn write_local(t: PrimitiveDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// `#[serde(with = "crate::timestamp::rfc3339")]` for an `OffsetDateTime` on the wire.
pub mod rfc3339 {
    use super::*;
    use serde::{de, ser, Deserializer, Serializer};

    /// Writes the time as RFC 3339, in range or not: a phone must be able to save what
    /// its clock says (the reader refuses a time out of range, naming the field, and the
    /// user can correct it). Only a time RFC 3339 cannot express is an error.
    pub fn serialize<S: Serializer>(t: &OffsetDateTime, s: S) -> Result<S::Ok, S::Error> {
        let text = write_rfc3339(*t)
            .ok_or_else(|| ser::Error::custom("the time cannot be written as RFC 3339"))?;
        s.serialize_str(&text)
    }

    /// Reads an RFC 3339 time and refuses one out of range.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<OffsetDateTime, D::Error> {
        d.deserialize_str(Visitor { in_range: true })
    }

    /// Reads RFC 3339 text; with `in_range`, only a time in the accepted range.
    pub(super) struct Visitor {
        pub(super) in_range: bool,
    }

    impl de::Visitor<'_> for Visitor {
        type Value = OffsetDateTime;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(if self.in_range {
                "an RFC 3339 time from 2000 to 2199 (UTC)"
            } else {
                "an RFC 3339 time"
            })
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<OffsetDateTime, E> {
            if self.in_range {
                parse(text).map_err(E::custom)
            } else {
                read_rfc3339(text).ok_or_else(|| E::custom(TimeError::Unreadable(text.to_owned())))
            }
        }
    }

    /// `null` or a time, read by [`Visitor`].
    pub(super) struct Optional {
        pub(super) in_range: bool,
    }

    impl<'de> de::Visitor<'de> for Optional {
        type Value = Option<OffsetDateTime>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("null or an RFC 3339 time")
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_str(Visitor {
                in_range: self.in_range,
            })
            .map(Some)
        }
    }

    /// The same for an `Option<OffsetDateTime>` (`null` or absent is `None`; use with
    /// `#[serde(default)]`).
    pub mod option {
        use super::*;

        /// Writes `null` or the time.
        pub fn serialize<S: Serializer>(
            t: &Option<OffsetDateTime>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match t {
                Some(t) => super::serialize(t, s),
                None => s.serialize_none(),
            }
        }

        /// Reads `null` or a time in range.
        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<OffsetDateTime>, D::Error> {
            d.deserialize_option(Optional { in_range: true })
        }
    }
}

/// `#[serde(with = "crate::timestamp::lenient")]` for a time that is only advisory and must
/// not fail a whole message when it is out of range (the envelope's `created_at`): reads
/// any RFC 3339 time, writes any time RFC 3339 can express. Check it with [`in_range`]
/// before using it.
pub mod lenient {
    use serde::Deserializer;
    use time::OffsetDateTime;

    /// Writes the time as RFC 3339 (as [`super::rfc3339`] does).
    pub use super::rfc3339::serialize;

    /// Reads any RFC 3339 time, in range or not.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<OffsetDateTime, D::Error> {
        d.deserialize_str(super::rfc3339::Visitor { in_range: false })
    }

    /// The same for an `Option<OffsetDateTime>` (`null` or absent is `None`; use with
    /// `#[serde(default)]`).
    pub mod option {
        use serde::Deserializer;
        use time::OffsetDateTime;

        /// Writes `null` or the time.
        pub use super::super::rfc3339::option::serialize;

        /// Reads `null` or any RFC 3339 time.
        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<OffsetDateTime>, D::Error> {
            d.deserialize_option(super::super::rfc3339::Optional { in_range: false })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Wire {
        #[serde(with = "rfc3339")]
        at: OffsetDateTime,
        #[serde(default, with = "rfc3339::option")]
        maybe: Option<OffsetDateTime>,
    }

    fn read(text: &str) -> Result<Wire, String> {
        serde_json::from_str(&format!(r#"{{"at":"{text}"}}"#)).map_err(|e| e.to_string())
    }

    fn accepted(text: &str) -> OffsetDateTime {
        match read(text) {
            Ok(w) => w.at,
            Err(e) => panic!("{text} refused: {e}"),
        }
    }

    fn refused(text: &str) -> String {
        match read(text) {
            Ok(w) => panic!("{text} accepted as {:?}", w.at),
            Err(e) => e,
        }
    }

    #[test]
    fn a_time_whose_utc_instant_is_past_year_9999_is_refused_without_panicking() {
        let e = refused("9999-12-31T23:59:59-00:01");
        assert!(e.contains("outside the range"), "{e}");
        assert!(e.contains("9999-12-31T23:59:59-00:01"), "{e}");
        assert!(e.contains("2000-01-01T00:00:00Z"), "{e}");
    }

    #[test]
    fn a_time_whose_utc_instant_is_before_year_0_is_refused() {
        let e = refused("0000-01-01T00:00:00+23:59");
        assert!(e.contains("outside the range"), "{e}");
        refused("0000-01-01T00:00:00Z");
        refused("1970-01-01T00:00:00Z");
    }

    #[test]
    fn the_lower_bound_is_inclusive_in_utc() {
        refused("1999-12-31T23:59:59Z");
        refused("1999-12-31T23:59:59.999999999Z");
        assert_eq!(accepted("2000-01-01T00:00:00Z"), EARLIEST);
        // 2000-01-01 at 00:30 in Stockholm is still 1999 in UTC.
        refused("2000-01-01T00:30:00+01:00");
        accepted("1999-12-31T23:30:00-01:00");
    }

    #[test]
    fn the_upper_bound_is_exclusive_in_utc() {
        accepted("2199-12-31T23:59:59Z");
        accepted("2199-12-31T23:59:59.999999999Z");
        refused("2200-01-01T00:00:00Z");
        // 23:00 at UTC−1 is midnight UTC: already out.
        refused("2199-12-31T23:00:00-01:00");
        accepted("2199-12-31T22:59:59-01:00");
        // A local date in 2200 that is still 2199 in UTC is in.
        accepted("2200-01-01T00:30:00+01:00");
    }

    #[test]
    fn offsets_up_to_a_day_either_way_are_read() {
        let east = accepted("2026-11-23T23:59:00+23:59");
        assert_eq!(east, datetime!(2026-11-23 00:00 UTC));
        let west = accepted("2026-11-23T00:00:00-23:59");
        assert_eq!(west, datetime!(2026-11-23 23:59 UTC));
        refused("2026-11-23T00:00:00+24:00");
        refused("2026-11-23T00:00:00-24:00");
    }

    #[test]
    fn a_leap_second_is_read_as_the_last_instant_of_its_minute() {
        let t = accepted("2016-12-31T23:59:60Z");
        assert_eq!(t, datetime!(2016-12-31 23:59:59.999_999_999 UTC));
        // A second 60 where no leap second can be is not a time.
        refused("2016-12-31T12:00:60Z");
    }

    #[test]
    fn lowercase_t_and_z_and_a_space_for_t_are_read() {
        // RFC 3339 §5.6 allows all three; `time` reads them, as it did before this module.
        for text in ["2026-11-23t09:30:00z", "2026-11-23 09:30:00Z"] {
            assert_eq!(accepted(text), datetime!(2026-11-23 09:30 UTC), "{text}");
        }
    }

    #[test]
    fn text_that_is_not_a_time_says_so() {
        for bad in [
            "",
            "2026-11-23",
            "2026-02-30T10:00:00Z",
            "2026-11-23T10:00Z",
            "now",
        ] {
            let e = refused(bad);
            assert!(e.contains("not an RFC 3339 time"), "{bad}: {e}");
        }
        let e = serde_json::from_str::<Wire>(r#"{"at":1763900000}"#).unwrap_err();
        assert!(e.to_string().contains("RFC 3339"), "{e}");
    }

    #[test]
    fn the_wire_format_is_what_time_writes_and_reads() {
        let w = Wire {
            at: datetime!(2026-11-23 09:30:15.25 +01:00),
            maybe: Some(datetime!(2026-11-23 08:30 UTC)),
        };
        let text = serde_json::to_string(&w).unwrap();
        assert_eq!(
            text,
            r#"{"at":"2026-11-23T09:30:15.25+01:00","maybe":"2026-11-23T08:30:00Z"}"#
        );
        // Byte for byte what `time::serde::rfc3339` writes, so nothing changes for the app.
        #[derive(Serialize)]
        struct Old {
            #[serde(with = "time::serde::rfc3339")]
            at: OffsetDateTime,
            #[serde(with = "time::serde::rfc3339::option")]
            maybe: Option<OffsetDateTime>,
        }
        let old = Old {
            at: w.at,
            maybe: w.maybe,
        };
        assert_eq!(serde_json::to_string(&old).unwrap(), text);
        assert_eq!(serde_json::from_str::<Wire>(&text).unwrap(), w);
    }

    #[test]
    fn an_optional_time_may_be_null_or_absent_but_not_out_of_range() {
        let absent: Wire = serde_json::from_str(r#"{"at":"2026-11-23T10:00:00Z"}"#).unwrap();
        assert_eq!(absent.maybe, None);
        let null: Wire =
            serde_json::from_str(r#"{"at":"2026-11-23T10:00:00Z","maybe":null}"#).unwrap();
        assert_eq!(null.maybe, None);
        assert_eq!(
            serde_json::to_string(&null).unwrap(),
            r#"{"at":"2026-11-23T10:00:00Z","maybe":null}"#
        );
        let e = serde_json::from_str::<Wire>(
            r#"{"at":"2026-11-23T10:00:00Z","maybe":"9999-12-31T23:59:59-00:01"}"#,
        )
        .unwrap_err();
        assert!(e.to_string().contains("outside the range"), "{e}");
    }

    #[test]
    fn a_time_out_of_range_is_written_so_a_phone_can_save_it_but_never_read() {
        let w = Wire {
            at: datetime!(1999-12-31 23:59:59 UTC),
            maybe: None,
        };
        let text = serde_json::to_string(&w).unwrap();
        assert!(text.contains("1999-12-31T23:59:59Z"), "{text}");
        let e = serde_json::from_str::<Wire>(&text).unwrap_err();
        assert!(e.to_string().contains("outside the range"), "{e}");
        let far = datetime!(9999-12-31 23:59:59 -00:01);
        assert_eq!(in_range(far), Err(OutOfRange));
        assert_eq!(format(far), Err(OutOfRange));
    }

    #[test]
    fn the_lenient_form_reads_any_rfc_3339_time_and_checks_nothing() {
        #[derive(Debug, Serialize, Deserialize)]
        struct Envelope {
            #[serde(with = "super::lenient")]
            at: OffsetDateTime,
        }
        for text in [
            "9999-12-31T23:59:59-00:01",
            "1970-01-01T00:00:00Z",
            "2026-11-23T10:00:00+01:00",
        ] {
            let e: Envelope = serde_json::from_str(&format!(r#"{{"at":"{text}"}}"#)).unwrap();
            assert_eq!(
                e.at,
                OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
                    .unwrap()
            );
        }
        assert_eq!(in_range(datetime!(1970-01-01 00:00 UTC)), Err(OutOfRange));
        let e = serde_json::from_str::<Envelope>(r#"{"at":"tomorrow"}"#).unwrap_err();
        assert!(e.is_data(), "{e}");
        let written = serde_json::to_string(&Envelope {
            at: datetime!(1970-01-01 00:00 UTC),
        })
        .unwrap();
        assert_eq!(written, r#"{"at":"1970-01-01T00:00:00Z"}"#);
    }

    /// The hand-written reader agrees with `time`'s `Rfc3339` on what it accepts and what it
    /// reads, and the writer writes byte for byte what `time` writes.
    #[test]
    fn rfc3339_by_hand_is_times_own() {
        use time::format_description::well_known::Rfc3339;
        let texts = [
            "2026-11-23T09:30:15+01:00",
            "2026-11-23t09:30:15z",
            "2026-11-23T09:30:15.25+01:00",
            "2026-11-23T09:30:15.123456789Z",
            "2026-11-23T09:30:15.1234567891234Z",
            "2026-11-23T09:30:15.000Z",
            "2026-11-23T09:30:15-23:59",
            "2026-11-23T09:30:15+24:00",
            "2026-11-23T09:30:15+01:60",
            "2026-11-23T09:30:15+0100",
            "2026-11-23T09:30:15",
            "2026-11-23T09:30Z",
            "2026-11-23 09:30:15Z",
            "2026-02-29T09:30:15Z",
            "2028-02-29T09:30:15Z",
            "2026-13-01T09:30:15Z",
            "2026-11-31T09:30:15Z",
            "2026-11-23T24:00:00Z",
            "2026-11-23T09:30:15.Z",
            "2026-11-23T09:30:15Z ",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59-00:01",
            "+2026-11-23T09:30:15Z",
            "２０２６-11-23T09:30:15Z",
            "2026-11-23x09:30:15Z",
            "2016-12-31T23:59:60Z",
            "2016-12-31T23:59:60.5Z",
            "2017-01-01T00:59:60+01:00",
            "2016-12-31T12:00:60Z",
            "2016-11-30T23:59:60Z",
            "",
        ];
        for text in texts {
            assert_eq!(
                read_rfc3339(text),
                OffsetDateTime::parse(text, &Rfc3339).ok(),
                "{text:?}"
            );
        }
        let times = [
            datetime!(2026-11-23 09:30:15 +01:00),
            datetime!(2026-11-23 09:30:15.25 -05:30),
            datetime!(2026-11-23 09:30:15.000000001 UTC),
            datetime!(2026-11-23 09:30:15.1 UTC),
            datetime!(2000-01-01 00:00 UTC),
            datetime!(1970-01-01 00:00 UTC),
            datetime!(9999-12-31 23:59:59.999999999 +23:59),
        ];
        for t in times {
            assert_eq!(write_rfc3339(t), t.format(&Rfc3339).ok(), "{t}");
        }
        let with_seconds =
            datetime!(2026-11-23 09:30 UTC).replace_offset(UtcOffset::from_hms(1, 0, 30).unwrap());
        assert_eq!(write_rfc3339(with_seconds), None);
    }

    #[test]
    fn dates_and_local_times_by_hand_are_times_own() {
        use time::macros::format_description;
        let date = format_description!("[year]-[month]-[day]");
        for text in [
            "2026-11-23",
            "2026-02-29",
            "2028-02-29",
            "2026-1-23",
            "2026-11-23x",
            "23-11-2026",
            "",
        ] {
            assert_eq!(
                read_date_text(text),
                Date::parse(text, &date).ok(),
                "{text:?}"
            );
        }
        // One difference, on purpose: `time` reads a signed year; a date here never has one
        // (a pack's adoption date, a directory import's dates, a datetime-local value).
        assert!(Date::parse("+2026-11-23", &date).is_ok());
        assert_eq!(read_date_text("+2026-11-23"), None);
        let minutes = format_description!("[year]-[month]-[day]T[hour]:[minute]");
        let seconds = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");
        for text in [
            "2026-11-23T09:30",
            "2026-11-23T09:30:15",
            "2026-11-23T9:30",
            "2026-11-23 09:30",
            "2026-11-23T24:00",
            "2026-11-23T09:30:61",
        ] {
            let by_time = PrimitiveDateTime::parse(text, &minutes)
                .or_else(|_| PrimitiveDateTime::parse(text, &seconds))
                .ok();
            assert_eq!(read_local(text), by_time, "{text:?}");
        }
        let t = datetime!(2026-11-23 09:05:59);
        assert_eq!(write_local(t), t.format(&minutes).unwrap());
    }
}
