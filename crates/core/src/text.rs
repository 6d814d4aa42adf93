//! Texts in several languages: Swedish always, any other language where someone wrote it.
//!
//! A leaf of the core: nothing here knows about packs, the matrix or the quiz.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// A language tag as packs and the app use them: `sv`, `en`, `fi`, `ar`, `sv-x-lattlast`.
///
/// A 2–3 letter language, then optional subtags of 1–8 letters or digits, all lowercase
/// (a simple, strict subset of BCP 47: packs are written by people, and one spelling per
/// language keeps the fallback rules exact).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lang(String);

/// Why a text is not a language tag.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a language tag (e.g. \"sv\", \"en\", \"sv-x-lattlast\")")]
pub struct ParseLangError(String);

impl Lang {
    /// Swedish, the language every text has.
    pub fn sv() -> Lang {
        Lang("sv".to_owned())
    }

    /// English.
    pub fn en() -> Lang {
        Lang("en".to_owned())
    }

    /// The tag, e.g. `"sv-x-lattlast"`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this is Swedish proper (not a variant such as easy Swedish).
    pub fn is_swedish(&self) -> bool {
        self.0 == "sv"
    }

    /// The tags to try for this language, most specific first, ending in Swedish:
    /// `sv-x-lattlast` → `sv-x-lattlast`, `sv`; `en` → `en`, `sv`.
    pub fn fallbacks(&self) -> Vec<&str> {
        let mut out = vec![self.0.as_str()];
        let mut rest = self.0.as_str();
        while let Some(i) = rest.rfind('-') {
            rest = &rest[..i];
            // A private-use "x" or a one-letter singleton is never a language by itself.
            if rest.len() > 1 && !rest.ends_with("-x") {
                out.push(rest);
            }
        }
        if !out.contains(&"sv") {
            out.push("sv");
        }
        out
    }
}

impl FromStr for Lang {
    type Err = ParseLangError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut parts = s.split('-');
        let language = parts.next().unwrap_or_default();
        let ok = (2..=3).contains(&language.len())
            && language.bytes().all(|b| b.is_ascii_lowercase())
            && parts.all(|p| {
                (1..=8).contains(&p.len())
                    && p.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            });
        if ok {
            Ok(Lang(s.to_owned()))
        } else {
            Err(ParseLangError(s.to_owned()))
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Lang {
    fn schema_name() -> String {
        "Lang".to_owned()
    }

    fn json_schema(_: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        schemars::schema::SchemaObject {
            instance_type: Some(schemars::schema::InstanceType::String.into()),
            string: Some(Box::new(schemars::schema::StringValidation {
                pattern: Some(LANG_PATTERN.to_owned()),
                ..Default::default()
            })),
            ..Default::default()
        }
        .into()
    }
}

/// The language-tag syntax as a regular expression (for the JSON Schema).
pub const LANG_PATTERN: &str = "^[a-z]{2,3}(-[a-z0-9]{1,8})*$";

/// A text: Swedish, and any other languages someone wrote.
///
/// In a pack file either a plain string (Swedish only) or a table of language → text
/// (`title.sv = "…"`, `title.en = "…"`). Always written out as the table. Swedish is
/// required; a pack with an empty or missing Swedish text is refused when it is checked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Text(BTreeMap<Lang, String>);

impl Text {
    /// A Swedish-only text.
    pub fn sv(sv: impl Into<String>) -> Text {
        Text(BTreeMap::from([(Lang::sv(), sv.into())]))
    }

    /// A text in Swedish and English.
    pub fn sv_en(sv: impl Into<String>, en: impl Into<String>) -> Text {
        Text(BTreeMap::from([
            (Lang::sv(), sv.into()),
            (Lang::en(), en.into()),
        ]))
    }

    /// Adds or replaces one language.
    pub fn with(mut self, lang: Lang, text: impl Into<String>) -> Text {
        self.0.insert(lang, text.into());
        self
    }

    /// The text in `lang`, falling back along [`Lang::fallbacks`] to Swedish. An
    /// unknown or malformed tag gives Swedish.
    pub fn get(&self, lang: &str) -> &str {
        self.resolve(lang).1
    }

    /// The language actually shown for `lang` and the text: `("sv", …)` when `lang` has no
    /// text of its own, so the app can say discreetly that it fell back.
    pub fn resolve(&self, lang: &str) -> (&str, &str) {
        let tags = lang
            .parse::<Lang>()
            .map(|l| {
                l.fallbacks()
                    .into_iter()
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_else(|_| vec!["sv".to_owned()]);
        for tag in tags {
            if let Some((l, t)) = self
                .0
                .iter()
                .find(|(l, t)| l.0 == tag && !t.trim().is_empty())
            {
                return (l.as_str(), t.as_str());
            }
        }
        ("sv", "")
    }

    /// The Swedish text (empty if missing; a checked pack always has it).
    pub fn swedish(&self) -> &str {
        self.0.get(&Lang::sv()).map_or("", String::as_str)
    }

    /// Whether `lang` has a text of its own (no fallback).
    pub fn has(&self, lang: &str) -> bool {
        self.0
            .iter()
            .any(|(l, t)| l.0 == lang && !t.trim().is_empty())
    }

    /// Every language and its text, Swedish included, in tag order.
    pub fn languages(&self) -> impl Iterator<Item = (&Lang, &str)> {
        self.0.iter().map(|(l, t)| (l, t.as_str()))
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Text;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a text: a string (Swedish), or a table of language = \"text\" such as sv = \"…\", en = \"…\"",
                )
            }

            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Text, E> {
                Ok(Text::sv(s))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((lang, text)) = map.next_entry::<Lang, String>()? {
                    out.insert(lang, text);
                }
                Ok(Text(out))
            }
        }
        d.deserialize_any(Visitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Text {
    fn schema_name() -> String {
        "Text".to_owned()
    }

    fn json_schema(generator: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        use schemars::schema::{
            InstanceType, Metadata, ObjectValidation, SchemaObject, SubschemaValidation,
        };
        let string: schemars::schema::Schema = generator.subschema_for::<String>();
        let map = SchemaObject {
            instance_type: Some(InstanceType::Object.into()),
            object: Some(Box::new(ObjectValidation {
                required: ["sv".to_owned()].into(),
                pattern_properties: [(LANG_PATTERN.to_owned(), string.clone())].into(),
                additional_properties: Some(Box::new(false.into())),
                ..Default::default()
            })),
            ..Default::default()
        };
        SchemaObject {
            metadata: Some(Box::new(Metadata {
                description: Some(
                    "A text: a string (Swedish), or language tag → text with Swedish (sv) required."
                        .to_owned(),
                ),
                ..Default::default()
            })),
            subschemas: Some(Box::new(SubschemaValidation {
                any_of: Some(vec![string, map.into()]),
                ..Default::default()
            })),
            ..Default::default()
        }
        .into()
    }
}

/// Search words per language: what people also call a thing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Words(pub BTreeMap<Lang, Vec<String>>);

impl Words {
    /// Whether there are no words in any language.
    pub fn is_empty(&self) -> bool {
        self.0.values().all(Vec::is_empty)
    }

    /// The words in `lang` exactly (no fallback).
    pub fn of(&self, lang: &str) -> &[String] {
        self.0
            .iter()
            .find(|(l, _)| l.0 == lang)
            .map_or(&[], |(_, w)| w.as_slice())
    }

    /// Every language's words.
    pub fn languages(&self) -> impl Iterator<Item = (&Lang, &[String])> {
        self.0.iter().map(|(l, w)| (l, w.as_slice()))
    }
}

/// Lower case; å, ä → a; ö → o; é → e; ü → u; hyphens joined ("e-post" → "epost"); any
/// other non-alphanumeric character separates words.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'å' | 'ä' | 'á' | 'à' | 'â' => out.push('a'),
            'ö' | 'ø' | 'ó' | 'ô' => out.push('o'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'ü' | 'ú' => out.push('u'),
            '-' | '\u{ad}' => {}
            c if c.is_alphanumeric() => out.push(c),
            _ => out.push(' '),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_strict_lowercase_bcp47_subset() {
        for good in ["sv", "en", "fi", "ar", "sv-x-lattlast", "smj", "se-fi"] {
            assert!(good.parse::<Lang>().is_ok(), "{good} refused");
        }
        for bad in [
            "",
            "s",
            "svenska",
            "SV",
            "sv_SE",
            "sv-",
            "sv--x",
            "sv-x-toolongsubtag",
        ] {
            assert!(bad.parse::<Lang>().is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn a_missing_language_falls_back_to_swedish_and_says_so() {
        let t = Text::sv_en("Hej", "Hello").with("sv-x-lattlast".parse().unwrap(), "Hej du");
        assert_eq!(t.resolve("en"), ("en", "Hello"));
        assert_eq!(t.resolve("sv-x-lattlast"), ("sv-x-lattlast", "Hej du"));
        assert_eq!(t.resolve("fi"), ("sv", "Hej"));
        assert_eq!(t.resolve("not a tag"), ("sv", "Hej"));
        let only_sv = Text::sv("Hej");
        assert_eq!(only_sv.resolve("sv-x-lattlast"), ("sv", "Hej"));
        // An empty translation is no translation.
        let empty_en = Text::sv("Hej").with(Lang::en(), "  ");
        assert_eq!(empty_en.resolve("en"), ("sv", "Hej"));
        assert!(!empty_en.has("en"));
    }

    #[test]
    fn a_text_reads_from_a_string_or_a_table_and_writes_a_table() {
        let plain: Text = serde_json::from_str(r#""Bara svenska""#).unwrap();
        assert_eq!(plain, Text::sv("Bara svenska"));
        let map: Text = serde_json::from_str(r#"{"sv":"Hej","en":"Hello"}"#).unwrap();
        assert_eq!(map, Text::sv_en("Hej", "Hello"));
        assert_eq!(
            serde_json::to_string(&plain).unwrap(),
            r#"{"sv":"Bara svenska"}"#
        );
        let bad = serde_json::from_str::<Text>(r#"{"SV":"Hej"}"#).unwrap_err();
        assert!(bad.to_string().contains("not a language tag"), "{bad}");
        let wrong = serde_json::from_str::<Text>("12").unwrap_err();
        assert!(wrong.to_string().contains("a text: a string"), "{wrong}");
    }
}
