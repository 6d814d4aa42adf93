//! Turning a batch of outbox records into stored rows and per-record answers.

use crate::storage::{Device, NewRecord, Storage, StorageError, Stored};
use time::{Duration, OffsetDateTime};
use vaksam_core::protocol::{OutboxRecord, RecordKind, RecordOutcome, RecordResult};
use vaksam_core::quiz::QuizResult;
use vaksam_core::signature::SignatureRecord;
use vaksam_core::validation::{FieldError, FieldErrorCode};
use vaksam_core::{Incident, IncidentReport, Pack};

/// Validates each record, stores the valid ones in one transaction, and answers per record
/// in request order. A bad record is rejected alone; it never blocks the others.
pub async fn ingest<S: Storage>(
    storage: &S,
    device: &Device,
    records: Vec<OutboxRecord>,
    now: OffsetDateTime,
) -> Result<Vec<RecordResult>, StorageError> {
    // Per record: `Ok(())` if it goes to storage (its outcome comes from there), else why not.
    let mut checked: Vec<Result<(), Vec<FieldError>>> = Vec::with_capacity(records.len());
    let mut to_store = Vec::new();
    for record in &records {
        let clock = validation_clock(record, now);
        let check = match record.kind {
            RecordKind::Incident => validate_incident(record, clock),
            RecordKind::Signature => validate_signature(storage, device, record, clock).await?,
            RecordKind::Quiz => validate_quiz(storage, device, record, clock).await?,
        };
        checked.push(check.map(|new| to_store.push(new)));
    }
    let mut stored = storage
        .store_records(device, &to_store, now)
        .await?
        .into_iter();
    records
        .iter()
        .zip(checked)
        .map(|(record, check)| {
            let outcome = match check {
                Err(errors) => RecordOutcome::Rejected { errors },
                Ok(()) => match stored.next() {
                    Some(Stored::New(receipt)) => RecordOutcome::Stored(receipt),
                    Some(Stored::Existing(receipt)) => RecordOutcome::AlreadyStored(receipt),
                    Some(Stored::Conflict) => RecordOutcome::Conflict {
                        message: "this id is already used for a different record".into(),
                    },
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
        .collect()
}

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

fn validate_incident(
    record: &OutboxRecord,
    now: OffsetDateTime,
) -> Result<NewRecord, Vec<FieldError>> {
    let report: IncidentReport =
        serde_json::from_value(record.payload.clone()).map_err(payload_error)?;
    let incident = Incident::validate(report, now).map_err(prefixed)?;
    Ok(NewRecord {
        id: record.id,
        kind: record.kind,
        content_hash: record.content_hash(),
        label: incident.report().category.as_str().to_owned(),
        payload: serde_json::to_string(&incident).map_err(payload_error)?,
        device_created_at: record.created_at,
    })
}

/// The pack version a record names, if this device's municipality published it; else the
/// field error to answer with.
async fn named_pack<S: Storage>(
    storage: &S,
    device: &Device,
    kommunkod: &str,
    version: &str,
) -> Result<Result<Pack, Vec<FieldError>>, StorageError> {
    if kommunkod != device.kommunkod.as_str() {
        return Ok(Err(vec![FieldError::new(
            "payload.kommunkod",
            FieldErrorCode::Inconsistent,
            "this device belongs to another municipality",
        )]));
    }
    let Some(stored) = storage.pack_version(&device.kommunkod, version).await? else {
        return Ok(Err(vec![FieldError::new(
            "payload.pack_version",
            FieldErrorCode::Invalid,
            format!("pack version {version:?} was never published for this municipality"),
        )]));
    };
    serde_json::from_str(&stored.body)
        .map(Ok)
        .map_err(|e| StorageError::Corrupt(format!("stored pack: {e}")))
}

/// Checks a payload of type `T` against the pack version it names with `check`, and turns
/// it into a row labelled by `label`.
async fn validate_against_pack<S, T>(
    storage: &S,
    device: &Device,
    record: &OutboxRecord,
    names: impl Fn(&T) -> (&str, &str, String),
    check: impl Fn(&T, &Pack) -> Result<(), Vec<FieldError>>,
) -> Result<Result<NewRecord, Vec<FieldError>>, StorageError>
where
    S: Storage,
    T: serde::de::DeserializeOwned + serde::Serialize,
{
    let value: T = match serde_json::from_value(record.payload.clone()) {
        Ok(v) => v,
        Err(e) => return Ok(Err(payload_error(e))),
    };
    let (kommunkod, version, label) = names(&value);
    let pack = match named_pack(storage, device, kommunkod, version).await? {
        Ok(p) => p,
        Err(errors) => return Ok(Err(errors)),
    };
    Ok(match check(&value, &pack) {
        Err(errors) => Err(prefixed(errors)),
        Ok(()) => serde_json::to_string(&value)
            .map_err(payload_error)
            .map(|payload| NewRecord {
                id: record.id,
                kind: record.kind,
                content_hash: record.content_hash(),
                label,
                payload,
                device_created_at: record.created_at,
            }),
    })
}

/// A signature must sign a pack version this municipality published, with its exact text.
async fn validate_signature<S: Storage>(
    storage: &S,
    device: &Device,
    record: &OutboxRecord,
    now: OffsetDateTime,
) -> Result<Result<NewRecord, Vec<FieldError>>, StorageError> {
    validate_against_pack(
        storage,
        device,
        record,
        |s: &SignatureRecord| (&s.kommunkod, &s.pack_version, s.pack_version.clone()),
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
) -> Result<Result<NewRecord, Vec<FieldError>>, StorageError> {
    validate_against_pack(
        storage,
        device,
        record,
        |r: &QuizResult| (&r.kommunkod, &r.pack_version, r.bank_version.clone()),
        |r, pack| r.validate(pack, now),
    )
    .await
}
