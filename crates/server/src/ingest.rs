//! Turning a batch of outbox records into stored rows and per-record answers.

use crate::storage::{Device, NewRecord, OverLimit, Storage, StorageError, Stored};
use std::collections::HashMap;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;
use vaksam_core::protocol::{OutboxRecord, RecordKind, RecordOutcome, RecordResult};
use vaksam_core::quiz::QuizResult;
use vaksam_core::signature::SignatureRecord;
use vaksam_core::validation::{from_payload, FieldError, FieldErrorCode};
use vaksam_core::{Incident, IncidentReport, Pack, Supplement, SupplementReport};

/// Answers each record of a batch, in request order: a resend of a record already stored is
/// recognised first (by id, kind and content hash) and answered with its first receipt,
/// even if a validation rule changed since; every other record is validated, and the valid
/// ones are stored in one transaction. A bad record is rejected alone; it never blocks the
/// others. If the new records would take the device over its municipality's daily limit,
/// nothing is stored.
pub async fn ingest<S: Storage>(
    storage: &S,
    device: &Device,
    records: Vec<OutboxRecord>,
    now: OffsetDateTime,
) -> Result<Result<Vec<RecordResult>, OverLimit>, StorageError> {
    let keys: Vec<_> = records
        .iter()
        .map(|r| (r.id, r.kind, r.content_hash()))
        .collect();
    let resends = storage.resends(&device.kommunkod, &keys).await?;
    // Per record: its answer now, or `None` when storage gives it.
    let mut answers: Vec<Option<RecordOutcome>> = Vec::with_capacity(records.len());
    let mut to_store = Vec::new();
    let mut packs = PackCache::default();
    for ((record, resend), (.., content_hash)) in records.iter().zip(resends).zip(keys) {
        if let Some(receipt) = resend {
            answers.push(Some(RecordOutcome::AlreadyStored(receipt)));
            continue;
        }
        if let Err(out_of_range) = vaksam_core::timestamp::in_range(record.created_at) {
            answers.push(Some(RecordOutcome::Rejected {
                errors: vec![FieldError::new(
                    "created_at",
                    FieldErrorCode::Invalid,
                    format!(
                        "the phone's clock was wrong when this was saved: {out_of_range}; \
                         set the phone's date and time and save it again"
                    ),
                )],
            }));
            continue;
        }
        let clock = validation_clock(record, now);
        let check = match record.kind {
            RecordKind::Incident => validate_incident(record, clock),
            RecordKind::Signature => {
                validate_signature(storage, device, record, clock, &mut packs).await?
            }
            RecordKind::Quiz => validate_quiz(storage, device, record, clock, &mut packs).await?,
            RecordKind::Supplement => validate_supplement(record),
        };
        match check {
            Ok((label, payload)) => {
                to_store.push(NewRecord {
                    id: record.id,
                    kind: record.kind,
                    content_hash,
                    incident_id: (record.kind == RecordKind::Supplement)
                        .then(|| label.parse::<Uuid>().ok())
                        .flatten(),
                    label,
                    payload,
                    device_created_at: record.created_at,
                });
                answers.push(None);
            }
            Err(errors) => answers.push(Some(RecordOutcome::Rejected { errors })),
        }
    }
    let mut stored = match storage.store_records(device, &to_store, now).await? {
        Ok(stored) => stored.into_iter(),
        Err(over) => return Ok(Err(over)),
    };
    records
        .iter()
        .zip(answers)
        .map(|(record, answer)| {
            let outcome = match answer {
                Some(outcome) => outcome,
                None => match stored.next() {
                    Some(Stored::New(receipt)) => RecordOutcome::Stored(receipt),
                    Some(Stored::Existing(receipt)) => RecordOutcome::AlreadyStored(receipt),
                    Some(Stored::Conflict) => RecordOutcome::Conflict {
                        message: "this id is already used for a different record".into(),
                    },
                    Some(Stored::Rejected(errors)) => RecordOutcome::Rejected { errors },
                    None => {
                        return Err(StorageError::Corrupt(
                            "storage answered for fewer records than it was given".into(),
                        ))
                    }
                },
            };
            Ok(RecordResult {
                id: record.id,
                outcome,
            })
        })
        .collect::<Result<_, _>>()
        .map(Ok)
}

/// A valid record's label for listings and its payload as stored.
type Checked = Result<(String, String), Vec<FieldError>>;

/// The packs named in one batch, parsed once each (a pack is immutable once published).
#[derive(Default)]
struct PackCache(HashMap<String, Pack>);

/// Most a device clock may run ahead of the server's and still have its times accepted.
pub const MAX_CLOCK_SKEW: Duration = Duration::hours(24);

/// The "now" a record's times are checked against. A phone whose clock runs ahead would
/// otherwise have every report refused as "in the future" and never delivered, so the
/// device's own save time counts, up to [`MAX_CLOCK_SKEW`] ahead. The register keeps both
/// the device's and the server's time.
fn validation_clock(record: &OutboxRecord, now: OffsetDateTime) -> OffsetDateTime {
    record.created_at.clamp(now, now + MAX_CLOCK_SKEW)
}

fn payload_error(e: impl ToString) -> Vec<FieldError> {
    vec![FieldError::new(
        "payload",
        FieldErrorCode::Invalid,
        e.to_string(),
    )]
}

fn prefixed(errors: Vec<FieldError>) -> Vec<FieldError> {
    errors
        .into_iter()
        .map(|e| FieldError {
            field: format!("payload.{}", e.field),
            ..e
        })
        .collect()
}

fn validate_incident(record: &OutboxRecord, now: OffsetDateTime) -> Checked {
    let report: IncidentReport = from_payload(&record.payload)?;
    let incident = Incident::validate(report, now).map_err(prefixed)?;
    let payload = serde_json::to_string(&incident).map_err(payload_error)?;
    Ok((incident.report().category.as_str().to_owned(), payload))
}

/// A supplement is checked like the incident's fields; whether its incident is this
/// municipality's is for storage to say, in the transaction that stores it (the incident
/// may come earlier in the same batch). Its label is the incident's id.
fn validate_supplement(record: &OutboxRecord) -> Checked {
    let report: SupplementReport = from_payload(&record.payload)?;
    let supplement = Supplement::validate(report).map_err(prefixed)?;
    let payload = serde_json::to_string(&supplement).map_err(payload_error)?;
    Ok((supplement.incident_id().to_string(), payload))
}

/// The pack version a record names, if this device's municipality published it; else the
/// field error to answer with.
async fn named_pack<'c, S: Storage>(
    storage: &S,
    device: &Device,
    kommunkod: &str,
    version: &str,
    packs: &'c mut PackCache,
) -> Result<Result<&'c Pack, Vec<FieldError>>, StorageError> {
    if kommunkod != device.kommunkod.as_str() {
        return Ok(Err(vec![FieldError::new(
            "payload.kommunkod",
            FieldErrorCode::Inconsistent,
            "this device belongs to another municipality",
        )]));
    }
    if !packs.0.contains_key(version) {
        let Some(stored) = storage.pack_version(&device.kommunkod, version).await? else {
            return Ok(Err(vec![FieldError::new(
                "payload.pack_version",
                FieldErrorCode::Invalid,
                format!("pack version {version:?} was never published for this municipality"),
            )]));
        };
        let pack = serde_json::from_str(&stored.body)
            .map_err(|e| StorageError::Corrupt(format!("stored pack: {e}")))?;
        packs.0.insert(version.to_owned(), pack);
    }
    Ok(Ok(&packs.0[version]))
}

/// Checks a payload of type `T` against the pack version it names with `check`, and turns
/// it into a label (from `names`) and the payload to store.
async fn validate_against_pack<S, T>(
    storage: &S,
    device: &Device,
    record: &OutboxRecord,
    packs: &mut PackCache,
    names: impl Fn(&T) -> (&str, &str, String),
    check: impl Fn(&T, &Pack) -> Result<(), Vec<FieldError>>,
) -> Result<Checked, StorageError>
where
    S: Storage,
    T: serde::de::DeserializeOwned + serde::Serialize,
{
    let value: T = match from_payload(&record.payload) {
        Ok(v) => v,
        Err(errors) => return Ok(Err(errors)),
    };
    let (kommunkod, version, label) = names(&value);
    let pack = match named_pack(storage, device, kommunkod, version, packs).await? {
        Ok(p) => p,
        Err(errors) => return Ok(Err(errors)),
    };
    Ok(match check(&value, pack) {
        Err(errors) => Err(prefixed(errors)),
        Ok(()) => serde_json::to_string(&value)
            .map_err(payload_error)
            .map(|payload| (label, payload)),
    })
}

/// A signature must sign a pack version this municipality published, with its exact text.
async fn validate_signature<S: Storage>(
    storage: &S,
    device: &Device,
    record: &OutboxRecord,
    now: OffsetDateTime,
    packs: &mut PackCache,
) -> Result<Checked, StorageError> {
    validate_against_pack(
        storage,
        device,
        record,
        packs,
        |s: &SignatureRecord| {
            (
                s.kommunkod.as_str(),
                &s.pack_version,
                s.pack_version.clone(),
            )
        },
        |s, pack| s.validate(pack, now),
    )
    .await
}

/// A training result must answer the bank of a pack version this municipality published;
/// whether each answer was right is checked against that bank, not taken on trust.
async fn validate_quiz<S: Storage>(
    storage: &S,
    device: &Device,
    record: &OutboxRecord,
    now: OffsetDateTime,
    packs: &mut PackCache,
) -> Result<Checked, StorageError> {
    validate_against_pack(
        storage,
        device,
        record,
        packs,
        |r: &QuizResult| {
            (
                r.kommunkod.as_str(),
                &r.pack_version,
                r.bank_version.clone(),
            )
        },
        |r, pack| r.validate(pack, now),
    )
    .await
}
