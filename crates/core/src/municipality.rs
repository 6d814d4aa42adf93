//! Municipalities, identified by their four-digit kommunkod (SCB's municipality code).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A syntactically valid kommunkod: exactly four ASCII digits, county part 01–25.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Kommunkod(String);

/// Why a text is not a kommunkod.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a kommunkod (four digits, e.g. 0428): {0:?}")]
pub struct ParseKommunkodError(String);

impl Kommunkod {
    /// The code as text, e.g. `"0428"`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Kommunkod {
    type Err = ParseKommunkodError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let ok = s.len() == 4
            && s.bytes().all(|b| b.is_ascii_digit())
            && matches!(s[..2].parse::<u8>(), Ok(1..=25));
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(ParseKommunkodError(s.to_owned()))
        }
    }
}

impl fmt::Display for Kommunkod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Kommunkod {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Kommunkod {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// The municipalities Vaksam ships with. Content packs (a later step) will carry the rest of
/// what differs between them; until then, the name is all the app needs.
pub const SUPPORTED: [(&str, &str); 5] = [
    ("0428", "Vingåker"),
    ("0138", "Tyresö"),
    ("2513", "Överkalix"),
    ("0761", "Lessebo"),
    ("1493", "Mariestad"),
];

/// The name of a supported municipality, or `None` if Vaksam has no content for it.
pub fn name_of(code: &Kommunkod) -> Option<&'static str> {
    SUPPORTED
        .iter()
        .find(|(c, _)| *c == code.as_str())
        .map(|(_, name)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kommunkod_is_four_digits_with_a_real_county() {
        assert_eq!("0428".parse::<Kommunkod>().unwrap().as_str(), "0428");
        assert_eq!(" 2513 ".parse::<Kommunkod>().unwrap().as_str(), "2513");
        for bad in ["", "428", "04280", "04a8", "0028", "2699", "abcd"] {
            assert!(bad.parse::<Kommunkod>().is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn the_five_seed_municipalities_are_supported() {
        for (code, name) in SUPPORTED {
            let k: Kommunkod = code.parse().unwrap();
            assert_eq!(name_of(&k), Some(name));
        }
        assert_eq!(name_of(&"0180".parse().unwrap()), None);
    }
}
