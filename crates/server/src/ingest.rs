//! Turning a batch of outbox records into stored rows and per-record answers.

use crate::storage::{Device, NewRecord, Storage, StorageError, Stored};
use time::{Duration, OffsetDateTime};
use vaksam_core::protocol::{OutboxRecord, RecordKind, RecordOutcome, RecordResult};
use vaksam_core::validation::{FieldError, FieldErrorCode};
use vaksam_core::{Incident, IncidentReport};

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
        checked.push(validate(record, validation_clock(record, now)).map(|new| to_store.push(new)));
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

fn validate(record: &OutboxRecord, now: OffsetDateTime) -> Result<NewRecord, Vec<FieldError>> {
    match record.kind {
        RecordKind::Incident => {
            let report: IncidentReport =
                serde_json::from_value(record.payload.clone()).map_err(|e| {
                    vec![FieldError::new(
                        "payload",
                        FieldErrorCode::Invalid,
                        e.to_string(),
                    )]
                })?;
            let incident = Incident::validate(report, now).map_err(|errors| {
                errors
                    .into_iter()
                    .map(|e| FieldError {
                        field: format!("payload.{}", e.field),
                        ..e
                    })
                    .collect::<Vec<_>>()
            })?;
            let label = incident.report().category.as_str().to_owned();
            let payload = serde_json::to_string(&incident).map_err(|e| {
                vec![FieldError::new(
                    "payload",
                    FieldErrorCode::Invalid,
                    e.to_string(),
                )]
            })?;
            Ok(NewRecord {
                id: record.id,
                kind: record.kind,
                content_hash: record.content_hash(),
                label,
                payload,
                device_created_at: record.created_at,
            })
        }
    }
}
