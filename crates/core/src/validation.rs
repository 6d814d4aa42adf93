//! Field errors: how every validation in Vaksam says what is wrong and where.

use serde::{Deserialize, Serialize};

/// What is wrong with a field. The app translates the code; the server sends it as is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldErrorCode {
    /// A value is needed and none was given.
    Required,
    /// The text is longer than the field allows.
    TooLong,
    /// The value cannot be read (bad date, wrong type, unknown choice).
    Invalid,
    /// A time lies in the future.
    InFuture,
    /// The discovery time is earlier than the time it happened.
    BeforeOccurred,
    /// A list holds the same choice twice, or too many entries.
    Duplicate,
    /// The value contradicts another answer (e.g. kinds of personal data given with "no personal data").
    Inconsistent,
}

/// One problem with one field, named by its path in the record (e.g. `personal_data.kinds`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// Path of the field in the wire format, dot-separated.
    pub field: String,
    /// Machine-readable reason.
    pub code: FieldErrorCode,
    /// A short English explanation for API clients and logs; the app shows its own text.
    pub message: String,
}

impl FieldError {
    /// Builds an error for `field`.
    pub fn new(field: impl Into<String>, code: FieldErrorCode, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            code,
            message: message.into(),
        }
    }
}

/// Reads a record's payload as `T`, or names the field it cannot read: `payload.signed_at`
/// for a time out of range, `payload.answers[0].ms` for a wrong type, `payload` for a
/// missing or unknown field. The message is serde's (and for times [`crate::timestamp`]'s).
pub fn from_payload<T: serde::de::DeserializeOwned>(
    payload: &serde_json::Value,
) -> Result<T, Vec<FieldError>> {
    serde_path_to_error::deserialize(payload).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." {
            "payload".to_owned()
        } else {
            format!("payload.{path}")
        };
        vec![FieldError::new(
            field,
            FieldErrorCode::Invalid,
            e.into_inner().to_string(),
        )]
    })
}

/// Checks that `text` is at most `max` characters (not bytes: Swedish letters count as one).
pub fn check_max_chars(errors: &mut Vec<FieldError>, field: &str, text: &str, max: usize) {
    let count = text.chars().count();
    if count > max {
        errors.push(FieldError::new(
            field,
            FieldErrorCode::TooLong,
            format!("at most {max} characters, got {count}"),
        ));
    }
}

/// Checks that `text` is not blank.
pub fn check_required_text(errors: &mut Vec<FieldError>, field: &str, text: &str) {
    if text.trim().is_empty() {
        errors.push(FieldError::new(
            field,
            FieldErrorCode::Required,
            "must not be empty",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_counts_characters_not_bytes() {
        let mut errors = Vec::new();
        check_max_chars(&mut errors, "place", "åäö", 3);
        assert!(errors.is_empty());
        check_max_chars(&mut errors, "place", "åäöx", 3);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code, FieldErrorCode::TooLong);
        assert_eq!(errors[0].field, "place");
    }

    #[test]
    fn a_payload_that_does_not_read_names_the_field() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Answer {
            ms: u32,
        }
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Payload {
            #[serde(with = "crate::timestamp::rfc3339")]
            signed_at: time::OffsetDateTime,
            #[serde(default)]
            answers: Vec<Answer>,
        }
        let read = |v: serde_json::Value| from_payload::<Payload>(&v).unwrap_err();

        let e = read(serde_json::json!({ "signed_at": "9999-12-31T23:59:59-00:01" }));
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].field, "payload.signed_at");
        assert_eq!(e[0].code, FieldErrorCode::Invalid);
        assert!(
            e[0].message.contains("outside the range"),
            "{}",
            e[0].message
        );

        let e = read(serde_json::json!({
            "signed_at": "2026-11-23T10:00:00Z",
            "answers": [{ "ms": 1 }, { "ms": -1 }],
        }));
        assert_eq!(e[0].field, "payload.answers[1].ms");

        let e = read(serde_json::json!({ "answers": [] }));
        assert_eq!(e[0].field, "payload");
        assert!(e[0].message.contains("signed_at"), "{}", e[0].message);
        assert!(from_payload::<Payload>(
            &serde_json::json!({ "signed_at": "2026-11-23T10:00:00Z" })
        )
        .is_ok());
    }

    #[test]
    fn blank_text_is_required_error() {
        let mut errors = Vec::new();
        check_required_text(&mut errors, "description", "  \n ");
        assert_eq!(errors[0].code, FieldErrorCode::Required);
    }
}
