//! The times Vaksam accepts, and how they travel: RFC 3339 text, checked on the way in and
//! out.
//!
//! A time on the wire is accepted only when its instant, converted to UTC, lies in
//! [`EARLIEST`, `END`). Anything else (year 10000 in UTC through an offset, year 0, a clock
//! reset to 1970) is refused where it is read, with a message naming the range, so no later
//! step (storage, formatting, arithmetic) ever meets a time it cannot handle. The wire
//! format is unchanged: the same text `time::serde::rfc3339` reads and writes.

use std::fmt;
use time::format_description::well_known::Rfc3339;
use time::macros::datetime;
use time::OffsetDateTime;

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
    let t = OffsetDateTime::parse(text, &Rfc3339)
        .map_err(|_| TimeError::Unreadable(text.to_owned()))?;
    in_range(t).map_err(|source| TimeError::OutOfRange {
        text: text.to_owned(),
        source,
    })
}

/// Writes `t` as RFC 3339, keeping its offset, if it is in range.
pub fn format(t: OffsetDateTime) -> Result<String, OutOfRange> {
    // In range, the year has four digits and the offset whole minutes (RFC 3339 parsing
    // never yields seconds), so formatting cannot fail; the error is mapped all the same.
    in_range(t)?.format(&Rfc3339).map_err(|_| OutOfRange)
}

/// `#[serde(with = "crate::timestamp::rfc3339")]` for an `OffsetDateTime` on the wire.
pub mod rfc3339 {
    use super::*;
    use serde::{de, ser, Deserialize, Deserializer, Serializer};

    /// Writes the time as RFC 3339, in range or not: a phone must be able to save what
    /// its clock says (the reader refuses a time out of range, naming the field, and the
    /// user can correct it). Only a time RFC 3339 cannot express is an error.
    pub fn serialize<S: Serializer>(t: &OffsetDateTime, s: S) -> Result<S::Ok, S::Error> {
        let text = t.format(&Rfc3339).map_err(ser::Error::custom)?;
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
                OffsetDateTime::parse(text, &Rfc3339)
                    .map_err(|_| E::custom(TimeError::Unreadable(text.to_owned())))
            }
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
            #[derive(Deserialize)]
            struct Wrapped(#[serde(with = "super")] OffsetDateTime);
            Ok(Option::<Wrapped>::deserialize(d)?.map(|Wrapped(t)| t))
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
            assert_eq!(e.at, OffsetDateTime::parse(text, &Rfc3339).unwrap());
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
}
