//! Vaksam's UI translations.
//!
//! Translators edit one [Fluent](https://projectfluent.org) file per language in
//! `locales/`. At build time the [`compile`] module (feature `compile`, native only) parses
//! them, checks them against the Swedish reference and writes one small [`Catalog`] per
//! language: every message of the reference in a fixed order, with Swedish filled in
//! where a language has no text of its own. The app loads only the chosen language's
//! catalog and formats messages with [`Catalog::format`]: placeholders, and selectors on a
//! number by its CLDR plural category, which the caller supplies (the browser's
//! `Intl.PluralRules` in the app), so no plural rules are compiled into the wasm.

#![warn(missing_docs)]

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

#[cfg(feature = "compile")]
pub mod compile;

/// One language's messages, in the reference's order (see the generated key enum).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    /// BCP 47 tag of the language (`sv`, `sv-x-lattlast`, `en`, `ar`).
    pub lang: String,
    /// The reference's message ids and variables, hashed: a catalog is only used by the
    /// build whose keys it was made for.
    pub fingerprint: String,
    /// Written right to left.
    pub rtl: bool,
    /// Every message; index = key.
    pub messages: Vec<Pattern>,
}

/// A message: text, placeholders and selections.
pub type Pattern = Vec<Part>;

/// A piece of a message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Part {
    /// Literal text.
    #[serde(rename = "t")]
    Text(String),
    /// A variable's value (`{ $n }`).
    #[serde(rename = "v")]
    Var(String),
    /// A choice on a variable (`{ $n -> [one] … *[other] … }`).
    #[serde(rename = "s")]
    Select(Select),
}

/// `{ $var -> [key] … *[default] … }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Select {
    /// The variable chosen on.
    pub var: String,
    /// Keys (a number, a plural category or a word) and their patterns.
    pub variants: Vec<(String, Pattern)>,
    /// Index of the default variant (`*[…]`).
    pub default: usize,
}

/// A value for a placeholder.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    /// A whole number (what the app counts): selects by exact value, then by plural
    /// category. Whole numbers only, so that neither the wasm nor this formatter carries
    /// the code that reads and writes decimals.
    Num(i64),
    /// A text: selects by exact key.
    Str(Cow<'a, str>),
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u64> for Arg<'_> {
    fn from(n: u64) -> Self {
        Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// Also what an integer literal is (`T::hits(lang, 0)`).
impl From<i32> for Arg<'_> {
    fn from(n: i32) -> Self {
        Arg::Num(i64::from(n))
    }
}

impl From<u32> for Arg<'_> {
    fn from(n: u32) -> Self {
        Arg::Num(i64::from(n))
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Str(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Str(Cow::Owned(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Str(Cow::Borrowed(s.as_str()))
    }
}

/// Unicode's first-strong isolate and pop directional isolate: a placeholder's value keeps
/// its own direction inside right-to-left text (a case number, a Latin name).
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

impl Catalog {
    /// The text of a message that has no placeholders, as written.
    pub fn plain(&self, key: usize) -> Option<&str> {
        match self.messages.get(key)?.as_slice() {
            [Part::Text(t)] => Some(t),
            [] => Some(""),
            _ => None,
        }
    }

    /// A message with its placeholders filled. `plural` names the CLDR plural category
    /// (`zero`, `one`, `two`, `few`, `many`, `other`) of a number in this language. A
    /// variable the caller did not give is shown as its name in braces, so a mistake is
    /// visible instead of silently empty.
    pub fn format(
        &self,
        key: usize,
        args: &[(&str, Arg)],
        plural: &dyn Fn(f64) -> String,
    ) -> String {
        let mut out = String::new();
        if let Some(pattern) = self.messages.get(key) {
            self.write(pattern, args, plural, &mut out);
        }
        out
    }

    fn write(
        &self,
        pattern: &[Part],
        args: &[(&str, Arg)],
        plural: &dyn Fn(f64) -> String,
        out: &mut String,
    ) {
        for part in pattern {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Var(name) => {
                    if self.rtl {
                        out.push(FSI);
                    }
                    match arg(args, name) {
                        Some(Arg::Num(n)) => out.push_str(&n.to_string()),
                        Some(Arg::Str(s)) => out.push_str(s),
                        None => {
                            out.push('{');
                            out.push_str(name);
                            out.push('}');
                        }
                    }
                    if self.rtl {
                        out.push(PDI);
                    }
                }
                Part::Select(select) => {
                    let chosen = choose(select, arg(args, &select.var), plural);
                    self.write(chosen, args, plural, out);
                }
            }
        }
    }
}

fn arg<'x>(args: &'x [(&str, Arg)], name: &str) -> Option<&'x Arg<'x>> {
    args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
}

/// Fluent's rule: an exact match on the key first (the number itself, or the word), then
/// the number's plural category, else the default variant.
fn choose<'p>(
    select: &'p Select,
    value: Option<&Arg>,
    plural: &dyn Fn(f64) -> String,
) -> &'p [Part] {
    let found = match value {
        Some(Arg::Num(n)) => select
            .variants
            .iter()
            .find(|(k, _)| k.parse::<i64>().is_ok_and(|k| k == *n))
            .or_else(|| {
                let category = plural(*n as f64);
                select.variants.iter().find(|(k, _)| *k == category)
            }),
        Some(Arg::Str(s)) => select.variants.iter().find(|(k, _)| k == s),
        None => None,
    };
    found
        .or_else(|| select.variants.get(select.default))
        .map(|(_, p)| p.as_slice())
        .unwrap_or(&[])
}

/// FNV-1a, 64 bits, as 16 hex digits: a stable fingerprint of keys and a file's contents
/// (the same in the build script, the trunk hook and the app).
pub fn fnv64(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}
