//! Case numbers of the incident register: per municipality and year, e.g. `2026-0042`.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A case number: the year the municipality received the report and its running number
/// within that year. Numbers start at 1; at least four digits are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CaseNumber {
    /// Calendar year of receipt (server time).
    pub year: i32,
    /// Running number within the year and municipality, from 1.
    pub sequence: u32,
}

/// Why a text is not a case number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a case number (expected YYYY-NNNN): {0:?}")]
pub struct ParseCaseNumberError(String);

impl CaseNumber {
    /// The first case number of `year`.
    pub fn first_of(year: i32) -> Self {
        Self { year, sequence: 1 }
    }

    /// The number after `self` in the same year.
    pub fn next(self) -> Self {
        Self {
            year: self.year,
            sequence: self.sequence + 1,
        }
    }
}

impl fmt::Display for CaseNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:04}", self.year, self.sequence)
    }
}

impl FromStr for CaseNumber {
    type Err = ParseCaseNumberError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ParseCaseNumberError(s.to_owned());
        let (year, seq) = s.split_once('-').ok_or_else(err)?;
        let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        if year.len() != 4 || seq.len() < 4 || !digits(year) || !digits(seq) {
            return Err(err());
        }
        let year: i32 = year.parse().map_err(|_| err())?;
        let sequence: u32 = seq.parse().map_err(|_| err())?;
        if sequence == 0 {
            return Err(err());
        }
        Ok(Self { year, sequence })
    }
}

impl Serialize for CaseNumber {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CaseNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_number_is_year_dash_four_digits() {
        assert_eq!(
            CaseNumber {
                year: 2026,
                sequence: 42
            }
            .to_string(),
            "2026-0042"
        );
        assert_eq!(CaseNumber::first_of(2027).to_string(), "2027-0001");
    }

    #[test]
    fn case_number_grows_past_four_digits() {
        let n = CaseNumber {
            year: 2026,
            sequence: 12345,
        };
        assert_eq!(n.to_string(), "2026-12345");
        assert_eq!("2026-12345".parse::<CaseNumber>().unwrap(), n);
    }

    #[test]
    fn case_number_round_trips() {
        let n: CaseNumber = "2026-0042".parse().unwrap();
        assert_eq!(
            n,
            CaseNumber {
                year: 2026,
                sequence: 42
            }
        );
        assert_eq!(n.next().to_string(), "2026-0043");
        let json = serde_json::to_string(&n).unwrap();
        assert_eq!(json, "\"2026-0042\"");
        assert_eq!(serde_json::from_str::<CaseNumber>(&json).unwrap(), n);
    }

    #[test]
    fn malformed_case_numbers_are_refused() {
        for bad in [
            "",
            "2026",
            "2026-",
            "26-0042",
            "2026-42",
            "2026-0000",
            "2026-00a1",
            "x026-0001",
        ] {
            assert!(bad.parse::<CaseNumber>().is_err(), "{bad:?} accepted");
        }
    }
}
