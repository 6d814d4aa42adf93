//! Where an item of a pack comes from: the municipality's document, or Vaksam.
//!
//! Every item an employee sees carries the same four fields (added by [`sourced!`]):
//! `cite` (sections of the municipality's document that really say it), `default` (Vaksam's
//! advice), `default_fields` (fields of a cited item that are Vaksam's) and `confirmed`
//! (the municipality adopts the default). A leaf of the core.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Sections of the municipality's document: one (`cite = "§7"`) or several
/// (`cite = ["§4", "§8"]`), each written exactly as in `policy.headings`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Cite(pub Vec<String>);

impl Cite {
    /// Whether nothing is cited.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The cited sections.
    pub fn sections(&self) -> &[String] {
        &self.0
    }
}

impl fmt::Display for Cite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.join(", "))
    }
}

impl<'de> Deserialize<'de> for Cite {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Cite;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a section (\"§7\") or a list of sections ([\"§4\", \"§8\"])")
            }

            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Cite, E> {
                Ok(Cite(vec![s.to_owned()]))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Cite, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    out.push(s);
                }
                Ok(Cite(out))
            }
        }
        d.deserialize_any(Visitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Cite {
    fn schema_name() -> String {
        "Cite".to_owned()
    }

    fn json_schema(generator: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        use schemars::schema::{Metadata, SchemaObject, SubschemaValidation};
        SchemaObject {
            metadata: Some(Box::new(Metadata {
                description: Some(
                    "Sections of the municipality's document, each exactly as in policy.headings: \"§7\" or [\"§4\", \"§8\"]."
                        .to_owned(),
                ),
                ..Default::default()
            })),
            subschemas: Some(Box::new(SubschemaValidation {
                any_of: Some(vec![
                    generator.subschema_for::<String>(),
                    generator.subschema_for::<Vec<String>>(),
                ]),
                ..Default::default()
            })),
            ..Default::default()
        }
        .into()
    }
}

/// An item's source, borrowed from the item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source<'a> {
    /// Cited sections (empty for a default).
    pub cite: &'a Cite,
    /// A Vaksam default.
    pub default: bool,
    /// Fields that are Vaksam's in a cited item.
    pub default_fields: &'a [String],
    /// The municipality adopted the default(s).
    pub confirmed: bool,
}

impl Source<'_> {
    /// Whether the municipality's document is cited for the item.
    pub fn is_cited(&self) -> bool {
        !self.cite.is_empty() && !self.default
    }

    /// Whether employees should see the whole item as Vaksam's advice.
    pub fn is_vaksam_advice(&self) -> bool {
        self.default && !self.confirmed
    }

    /// Whether employees should see `field` as Vaksam's advice.
    pub fn field_is_vaksam_advice(&self, field: &str) -> bool {
        !self.confirmed && (self.default || self.default_fields.iter().any(|f| f == field))
    }

    /// Whether the item holds a default the municipality has not confirmed (whole or a field).
    pub fn is_unconfirmed_default(&self) -> bool {
        !self.confirmed && (self.default || !self.default_fields.is_empty())
    }
}

/// An item that says where it comes from.
pub trait HasSource {
    /// Its source.
    fn source(&self) -> Source<'_>;
}

/// Defines a pack item struct with the four source fields appended, and [`HasSource`].
macro_rules! sourced {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$field_meta:meta])*
                pub $field:ident : $ty:ty
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $(
                $(#[$field_meta])*
                pub $field: $ty,
            )*
            /// Sections of the municipality's document that say it.
            #[serde(default, skip_serializing_if = "crate::source::Cite::is_empty")]
            pub cite: crate::source::Cite,
            /// A Vaksam default, not the municipality's rule.
            #[serde(default, skip_serializing_if = "std::ops::Not::not")]
            pub default: bool,
            /// Fields of a cited item that are Vaksam defaults, e.g. `["when"]`.
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub default_fields: Vec<String>,
            /// The municipality adopts the default(s): employees no longer see them marked.
            #[serde(default, skip_serializing_if = "std::ops::Not::not")]
            pub confirmed: bool,
        }

        impl crate::source::HasSource for $name {
            fn source(&self) -> crate::source::Source<'_> {
                crate::source::Source {
                    cite: &self.cite,
                    default: self.default,
                    default_fields: &self.default_fields,
                    confirmed: self.confirmed,
                }
            }
        }
    };
}

pub(crate) use sourced;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cite_reads_from_one_section_or_a_list() {
        let one: Cite = serde_json::from_str(r#""§7""#).unwrap();
        assert_eq!(one.sections(), ["§7"]);
        let two: Cite = serde_json::from_str(r#"["§4","§8"]"#).unwrap();
        assert_eq!(two.to_string(), "§4, §8");
    }

    #[test]
    fn confirmation_removes_the_vaksam_label() {
        let cite = Cite::default();
        let fields = vec!["when".to_owned()];
        let default = Source {
            cite: &cite,
            default: true,
            default_fields: &[],
            confirmed: false,
        };
        assert!(default.is_vaksam_advice() && default.field_is_vaksam_advice("role"));
        let confirmed = Source {
            confirmed: true,
            ..default
        };
        assert!(!confirmed.is_vaksam_advice() && !confirmed.is_unconfirmed_default());
        let cited = Cite(vec!["§8".into()]);
        let partly = Source {
            cite: &cited,
            default: false,
            default_fields: &fields,
            confirmed: false,
        };
        assert!(partly.is_cited() && !partly.is_vaksam_advice());
        assert!(partly.field_is_vaksam_advice("when") && !partly.field_is_vaksam_advice("role"));
        assert!(partly.is_unconfirmed_default());
    }
}
