//! The sync protocol's wire types, used by both the app and the server (`/api/v1`).
//!
//! Records travel in batches. Each carries a client-made UUIDv7 so a resend is harmless: the
//! server answers per record, and only after the record is committed.

use crate::case_number::CaseNumber;
use crate::municipality::Kommunkod;
use crate::validation::FieldError;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use uuid::Uuid;

/// `GET /api/v1/pack`: the content pack of the token's municipality, with an `ETag`.
pub const PACK_PATH: &str = "/pack";

/// Path prefix of this protocol version. A later version is served beside it, so a phone
/// that has been offline through a deploy can still send.
pub const API_PREFIX: &str = "/api/v1";
/// Most records in one sync request.
pub const MAX_BATCH_RECORDS: usize = 100;
/// Largest request body the server reads, in bytes.
pub const MAX_BODY_BYTES: usize = 512 * 1024;

/// `POST /api/v1/enroll`: exchange a one-time enrollment code for a device token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnrollRequest {
    /// The code as the user typed it.
    pub code: String,
}

/// The answer to a successful enrollment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrollResponse {
    /// The new device's id (for revocation).
    pub device_id: Uuid,
    /// Secret bearer token; the server keeps only its hash.
    pub device_token: String,
    /// The employee the code was made for.
    pub employee_name: String,
    /// The employee's municipality.
    pub kommunkod: Kommunkod,
    /// Its name.
    pub municipality_name: String,
}

/// What kind of record an outbox entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// An [`crate::IncidentReport`].
    Incident,
    /// A [`crate::signature::SignatureRecord`].
    Signature,
    /// A [`crate::quiz::QuizResult`].
    Quiz,
    /// A [`crate::supplement::SupplementReport`]: more about an incident already sent.
    Supplement,
}

impl RecordKind {
    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Incident => "incident",
            RecordKind::Signature => "signature",
            RecordKind::Quiz => "quiz",
            RecordKind::Supplement => "supplement",
        }
    }
}

/// One outbox record. The payload stays untyped here so that one malformed record is
/// rejected on its own instead of failing the whole batch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutboxRecord {
    /// Client-made UUIDv7.
    pub id: Uuid,
    /// What the payload is.
    pub kind: RecordKind,
    /// When the record was saved on the device (device clock; advisory only). Read
    /// leniently: a phone whose clock is wrong must not have its whole batch refused, so
    /// the server checks the range per record ([`crate::timestamp::in_range`]).
    #[serde(with = "crate::timestamp::lenient")]
    pub created_at: OffsetDateTime,
    /// The record itself, e.g. an incident report.
    pub payload: serde_json::Value,
}

impl OutboxRecord {
    /// Fingerprint of the content, to tell a harmless resend from a different record
    /// reusing an id: SHA-256 over the kind, a NUL byte and the payload's
    /// [`canonical_json`]. The server stores it with the record, and phones in the field
    /// resend records saved long ago, so this value must never change for a given record
    /// (golden tests in `crates/core/tests/golden.rs` pin it).
    pub fn content_hash(&self) -> String {
        let mut hasher = Sha256::new();
        hasher.update(self.kind.as_str().as_bytes());
        hasher.update([0]);
        hasher.update(canonical_json(&self.payload).as_bytes());
        hex(&hasher.finalize())
    }
}

/// The one text of a JSON value that [`OutboxRecord::content_hash`] hashes, after RFC 8785
/// (JCS): no whitespace, object keys sorted by their UTF-16 code units, strings escaped as
/// JSON requires and nothing more (`"`, `\\`, `\b \f \n \r \t`, other controls as
/// `\u00xx`; everything else as UTF-8).
///
/// Numbers are written as serde_json writes them; payloads hold only integers, which are
/// written in plain decimal (JCS writes them the same way).
///
/// For every payload the app sends this is exactly what `serde_json::Value::to_string`
/// wrote before it (that depended on serde_json sorting keys, which one dependency
/// enabling `preserve_order` would have changed), so hashes stored earlier still match.
pub fn canonical_json(value: &serde_json::Value) -> String {
    let mut out = String::new();
    write_canonical(&mut out, value);
    out
}

fn write_canonical(out: &mut String, value: &serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));
            out.push('{');
            for (i, (key, item)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(out, key);
                out.push(':');
                write_canonical(out, item);
            }
            out.push('}');
        }
    }
}

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c < ' ' => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `POST /api/v1/sync`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncRequest {
    /// At most [`MAX_BATCH_RECORDS`] records.
    pub records: Vec<OutboxRecord>,
}

/// The answer to a sync request: one result per record, in request order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncResponse {
    /// Per-record results.
    pub results: Vec<RecordResult>,
}

/// The outcome for one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordResult {
    /// The record's id.
    pub id: Uuid,
    /// What happened to it.
    #[serde(flatten)]
    pub outcome: RecordOutcome,
}

/// What happened to one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum RecordOutcome {
    /// Stored now.
    Stored(Receipt),
    /// Stored earlier with the same content: a resend. Same receipt as then.
    AlreadyStored(Receipt),
    /// Not stored: the record is invalid. Sending it again will not help.
    Rejected {
        /// What is wrong, per field.
        errors: Vec<FieldError>,
    },
    /// Not stored: the id is already used for different content.
    Conflict {
        /// Explanation.
        message: String,
    },
}

/// Proof that the municipality holds a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    /// The municipality's case number (incidents only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_number: Option<CaseNumber>,
    /// The entry's number in the municipality's signature log (signatures only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_entry: Option<u64>,
    /// Server time of receipt.
    #[serde(with = "crate::timestamp::rfc3339")]
    pub received_at: OffsetDateTime,
    /// Where the municipality stands with the case (incidents and their supplements);
    /// `received` when an older server did not say. (Not `status`: that name is the tag of
    /// [`RecordOutcome`], into which a receipt is flattened.)
    #[serde(default)]
    pub case_status: CaseStatus,
}

/// Where the municipality stands with a case. Set by the municipality (today with the
/// server's `incidents status` command, later in the console), shown on the phone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// Received; nobody has taken it up yet.
    #[default]
    Received,
    /// Someone at the municipality is working on it.
    InProgress,
    /// Done.
    Closed,
}

impl CaseStatus {
    /// Every status, in order.
    pub const ALL: [CaseStatus; 3] = [
        CaseStatus::Received,
        CaseStatus::InProgress,
        CaseStatus::Closed,
    ];

    /// Wire and database name.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Received => "received",
            CaseStatus::InProgress => "in_progress",
            CaseStatus::Closed => "closed",
        }
    }

    /// The status with this wire name.
    pub fn from_wire(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

/// `POST /api/v1/status`: where the phone's delivered records stand.
pub const STATUS_PATH: &str = "/status";
/// Most ids in one status request.
pub const MAX_STATUS_IDS: usize = 100;

/// Asks for the status of records this phone delivered (incidents and supplements).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusRequest {
    /// At most [`MAX_STATUS_IDS`] record ids.
    pub ids: Vec<Uuid>,
}

/// The answer: one entry per id the token's municipality holds as an incident or a
/// supplement. Unknown ids, other kinds and other municipalities' ids are simply absent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusResponse {
    /// What is known, in no particular order.
    pub records: Vec<RecordStatus>,
}

/// Where one delivered record stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordStatus {
    /// The record's id.
    pub id: Uuid,
    /// Incident or supplement.
    pub kind: RecordKind,
    /// Its receipt: the case number (a supplement's is its incident's), when it was
    /// received, and the case's status now.
    pub receipt: Receipt,
    /// When the case's status last changed (`None`: never, it is as received).
    #[serde(default, with = "crate::timestamp::rfc3339::option")]
    pub status_changed_at: Option<OffsetDateTime>,
    /// For a supplement: the incident it adds to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incident_id: Option<Uuid>,
    /// The municipality's short message to the employee about the case (an incident's;
    /// absent for supplements and when there is none). Older phones ignore it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// When the message was written.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::timestamp::rfc3339::option"
    )]
    pub message_at: Option<OffsetDateTime>,
}

/// Stable machine-readable error codes of the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApiErrorCode {
    /// The body is not valid JSON.
    MalformedJson,
    /// The JSON does not have the expected shape (wrong type, unknown or missing field).
    InvalidRequest,
    /// The body is larger than [`MAX_BODY_BYTES`].
    PayloadTooLarge,
    /// Wrong or missing content type.
    UnsupportedMediaType,
    /// No or malformed `Authorization: Bearer` header.
    MissingToken,
    /// The token is unknown or its device was revoked.
    InvalidToken,
    /// The enrollment code is unknown, used or expired.
    InvalidCode,
    /// Too many records in one batch.
    BatchTooLarge,
    /// No such resource (or not visible to this token).
    NotFound,
    /// Wrong HTTP method.
    MethodNotAllowed,
    /// Something failed on the server; nothing was stored.
    Internal,
    /// Another writer holds the database; nothing was stored. Try again after `Retry-After`.
    Busy,
    /// The database cannot be written now (disk full, I/O error); nothing was stored. Try
    /// again after `Retry-After`.
    Unavailable,
    /// Too many requests from this client; try again after `Retry-After`.
    TooManyRequests,
    /// This device has delivered as many records in 24 hours as its municipality allows;
    /// nothing of the batch was stored. Try again after `Retry-After`.
    DailyLimit,
    /// The request or its body took too long.
    Timeout,
    /// A code this version does not know (sent by a newer server).
    #[serde(other)]
    Unknown,
}

/// Every 4xx/5xx answer of the API has this body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    /// Stable code.
    pub error: ApiErrorCode,
    /// Human-readable detail (English).
    pub message: String,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Hex SHA-256 of `bytes`: the server stores tokens and codes only in this form.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn record(payload: serde_json::Value) -> OutboxRecord {
        OutboxRecord {
            id: crate::record_id::new_v7(1_763_900_000_000, [3; 10]),
            kind: RecordKind::Incident,
            created_at: datetime!(2026-11-23 10:00 +01:00),
            payload,
        }
    }

    #[test]
    fn content_hash_ignores_key_order_but_not_content() {
        let a = record(serde_json::from_str(r#"{"a":1,"b":"x"}"#).unwrap());
        let b = record(serde_json::from_str(r#"{"b":"x","a":1}"#).unwrap());
        let c = record(serde_json::from_str(r#"{"b":"y","a":1}"#).unwrap());
        assert_eq!(a.content_hash(), b.content_hash());
        assert_ne!(a.content_hash(), c.content_hash());
        assert_eq!(a.content_hash().len(), 64);
    }

    #[test]
    fn sync_request_round_trips_and_refuses_unknown_fields() {
        let req = SyncRequest {
            records: vec![record(serde_json::json!({"k": 1}))],
        };
        let text = serde_json::to_string(&req).unwrap();
        assert!(text.contains(r#""kind":"incident""#));
        assert!(text.contains(r#""created_at":"2026-11-23T10:00:00+01:00""#));
        assert_eq!(serde_json::from_str::<SyncRequest>(&text).unwrap(), req);
        let bad = text.replacen("\"records\"", "\"extra\":1,\"records\"", 1);
        assert!(serde_json::from_str::<SyncRequest>(&bad).is_err());
    }

    #[test]
    fn a_record_saved_at_a_time_out_of_range_still_reads_so_only_it_is_refused() {
        let req = SyncRequest {
            records: vec![record(serde_json::json!({"k": 1}))],
        };
        let text = serde_json::to_string(&req).unwrap();
        for bad in ["9999-12-31T23:59:59-00:01", "1999-12-31T23:59:59Z"] {
            let sent = text.replace("2026-11-23T10:00:00+01:00", bad);
            let read = serde_json::from_str::<SyncRequest>(&sent).unwrap();
            assert!(crate::timestamp::in_range(read.records[0].created_at).is_err());
        }
        let unreadable = text.replace("2026-11-23T10:00:00+01:00", "igår");
        let e = serde_json::from_str::<SyncRequest>(&unreadable).unwrap_err();
        assert!(e.is_data(), "a data error (422), not malformed JSON: {e}");
    }

    #[test]
    fn outcomes_are_tagged_by_status() {
        let id = crate::record_id::new_v7(1, [0; 10]);
        let receipt = Receipt {
            case_number: Some("2026-0042".parse().unwrap()),
            log_entry: None,
            received_at: datetime!(2026-11-23 10:00:01 UTC),
            case_status: CaseStatus::InProgress,
        };
        let result = RecordResult {
            id,
            outcome: RecordOutcome::Stored(receipt.clone()),
        };
        let json = serde_json::to_value(&result).unwrap();
        assert_eq!(json["status"], "stored");
        assert_eq!(json["case_number"], "2026-0042");
        assert_eq!(json["received_at"], "2026-11-23T10:00:01Z");
        assert_eq!(json["case_status"], "in_progress");
        assert_eq!(
            serde_json::from_value::<RecordResult>(json).unwrap(),
            result
        );

        let rejected = RecordResult {
            id,
            outcome: RecordOutcome::Rejected {
                errors: vec![FieldError::new(
                    "place",
                    crate::FieldErrorCode::TooLong,
                    "too long",
                )],
            },
        };
        let json = serde_json::to_value(&rejected).unwrap();
        assert_eq!(json["status"], "rejected");
        assert_eq!(json["errors"][0]["code"], "too_long");
        assert_eq!(
            serde_json::from_value::<RecordResult>(json).unwrap(),
            rejected
        );
    }

    #[test]
    fn a_receipt_from_an_older_server_reads_as_received() {
        let old =
            serde_json::json!({"case_number": "2026-0042", "received_at": "2026-11-23T10:00:01Z"});
        let receipt: Receipt = serde_json::from_value(old).unwrap();
        assert_eq!(receipt.case_status, CaseStatus::Received);
        for s in CaseStatus::ALL {
            assert_eq!(CaseStatus::from_wire(s.as_str()), Some(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        assert_eq!(RecordKind::Supplement.as_str(), "supplement");
        assert_eq!(
            serde_json::to_value(RecordKind::Supplement).unwrap(),
            "supplement"
        );
    }

    #[test]
    fn a_status_answer_round_trips() {
        let answer = StatusResponse {
            records: vec![RecordStatus {
                id: crate::record_id::new_v7(1, [1; 10]),
                kind: RecordKind::Supplement,
                receipt: Receipt {
                    case_number: Some("2026-0042".parse().unwrap()),
                    log_entry: None,
                    received_at: datetime!(2026-11-23 10:00:01 UTC),
                    case_status: CaseStatus::Closed,
                },
                status_changed_at: Some(datetime!(2026-11-24 08:00 UTC)),
                incident_id: Some(crate::record_id::new_v7(1, [2; 10])),
                message: None,
                message_at: None,
            }],
        };
        let json = serde_json::to_value(&answer).unwrap();
        assert_eq!(json["records"][0]["kind"], "supplement");
        // No message: nothing on the wire, as older servers sent it.
        assert!(json["records"][0].get("message").is_none());
        assert_eq!(json["records"][0]["receipt"]["case_status"], "closed");
        assert_eq!(
            serde_json::from_value::<StatusResponse>(json).unwrap(),
            answer
        );
    }

    #[test]
    fn a_status_with_the_municipality_s_message_reads_both_ways() {
        let json = serde_json::json!({
            "id": crate::record_id::new_v7(1, [1; 10]),
            "kind": "incident",
            "receipt": { "case_number": "2026-0042", "received_at": "2026-11-23T10:00:01Z", "case_status": "in_progress" },
            "status_changed_at": "2026-11-24T08:00:00Z",
            "message": "Tack! Telefonen är spärrad.",
            "message_at": "2026-11-24T08:01:00Z",
        });
        let status: RecordStatus = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(
            status.message.as_deref(),
            Some("Tack! Telefonen är spärrad.")
        );
        assert_eq!(status.message_at, Some(datetime!(2026-11-24 08:01 UTC)));
        assert_eq!(
            serde_json::to_value(&status).unwrap()["message"],
            json["message"]
        );
        // An answer from an older server, without a message, still reads.
        let mut old = json;
        old.as_object_mut().unwrap().remove("message");
        old.as_object_mut().unwrap().remove("message_at");
        assert_eq!(
            serde_json::from_value::<RecordStatus>(old).unwrap().message,
            None
        );
    }

    #[test]
    fn api_error_codes_are_snake_case() {
        let e = ApiError {
            error: ApiErrorCode::InvalidToken,
            message: "m".into(),
        };
        assert_eq!(serde_json::to_value(e).unwrap()["error"], "invalid_token");
    }

    #[test]
    fn sha256_hex_matches_known_vector() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
