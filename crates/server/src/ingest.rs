//! Turning a batch of outbox records into stored rows and per-record answers.

use crate::storage::{Device, NewRecord, Storage, StorageError, Stored};
use time::OffsetDateTime;
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
    let mut results: Vec<Option<RecordOutcome>> = Vec::with_capacity(records.len());
    let mut to_store = Vec::new();
    let mut slots = Vec::new();
    for record in &records {
        match validate(record, now) {
            Ok(new) => {
                slots.push(results.len());
                results.push(None);
                to_store.push(new);
            }
            Err(errors) => results.push(Some(RecordOutcome::Rejected { errors })),
        }
    }
    let stored = storage.store_records(device, &to_store, now).await?;
    for (slot, outcome) in slots.into_iter().zip(stored) {
        results[slot] = Some(match outcome {
            Stored::New(receipt) => RecordOutcome::Stored(receipt),
            Stored::Existing(receipt) => RecordOutcome::AlreadyStored(receipt),
            Stored::Conflict => RecordOutcome::Conflict {
                message: "this id is already used for a different record".into(),
            },
        });
    }
    Ok(records
        .iter()
        .zip(results)
        .map(|(record, outcome)| RecordResult {
            id: record.id,
            outcome: outcome.unwrap_or(RecordOutcome::Conflict {
                message: "not processed".into(),
            }),
        })
        .collect())
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
