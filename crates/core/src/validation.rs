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
    fn blank_text_is_required_error() {
        let mut errors = Vec::new();
        check_required_text(&mut errors, "description", "  \n ");
        assert_eq!(errors[0].code, FieldErrorCode::Required);
    }
}
