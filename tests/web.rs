//! In-browser tests of the storage layer (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use vaksam::store::{self, outbox, receipts};
use vaksam_core::incident::{Answer, Category, PersonalData};
use vaksam_core::protocol::{Receipt, RecordOutcome, RecordResult};
use vaksam_core::{Incident, IncidentReport};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn incident(description: &str) -> Incident {
    let t = time::macros::datetime!(2026-11-23 10:00 +01:00);
    let report = IncidentReport {
        category: Category::WrongRecipient,
        occurred_at: t,
        discovered_at: t,
        place: "Skolan".into(),
        aspects: vec![],
        personal_data: PersonalData {
            involved: Answer::Yes,
            ..Default::default()
        },
        harm_to_person: Answer::No,
        ongoing: Answer::No,
        actions_taken: String::new(),
        description: description.into(),
    };
    Incident::validate(report, t).unwrap()
}

#[wasm_bindgen_test]
async fn upgrading_the_schema_keeps_the_outbox() {
    let name = "vaksam-upgrade-test";
    rexie::Rexie::delete(name).await.unwrap();
    let v1 = store::open_with(name, 1, store::STORES).await.unwrap();
    let tx = v1
        .transaction(&[outbox::STORE], rexie::TransactionMode::ReadWrite)
        .unwrap();
    let entry = outbox::OutboxEntry::for_incident(
        vaksam::clock::new_record_id(),
        &incident("kvar"),
        None,
        vaksam::clock::now(),
    )
    .unwrap();
    tx.store(outbox::STORE)
        .unwrap()
        .add(&store::to_js(&entry).unwrap(), None)
        .await
        .unwrap();
    store::committed(tx).await.unwrap();
    v1.close();

    let mut next: Vec<(&str, Option<&str>)> = store::STORES.to_vec();
    next.push(("added_later", Some("id")));
    let v2 = store::open_with(name, 2, &next).await.unwrap();
    let tx = v2
        .transaction(&[outbox::STORE], rexie::TransactionMode::ReadOnly)
        .unwrap();
    let kept = tx
        .store(outbox::STORE)
        .unwrap()
        .get(JsValue::from_str(&entry.id))
        .await
        .unwrap();
    let kept: outbox::OutboxEntry = store::from_js(&kept.unwrap()).unwrap();
    assert_eq!(kept, entry);
    v2.close();

    // A rollback deploy opening an older version must fail, not wipe anything.
    assert!(store::open_with(name, 1, store::STORES).await.is_err());
}

#[wasm_bindgen_test]
async fn a_delivered_record_leaves_only_its_receipt() {
    let entry = outbox::OutboxEntry::for_incident(
        vaksam::clock::new_record_id(),
        &incident("detaljer"),
        None,
        vaksam::clock::now(),
    )
    .unwrap();
    outbox::add_from_draft(&entry).await.unwrap();
    let refused = outbox::OutboxEntry::for_incident(
        vaksam::clock::new_record_id(),
        &incident("fel"),
        None,
        vaksam::clock::now(),
    )
    .unwrap();
    outbox::add_from_draft(&refused).await.unwrap();
    assert_eq!(outbox::all().await.unwrap().len(), 2);

    let receipt = Receipt {
        case_number: Some("2026-0007".parse().unwrap()),
        log_entry: None,
        received_at: time::macros::datetime!(2026-11-23 10:05 UTC),
    };
    let results = vec![
        RecordResult {
            id: entry.record.id,
            outcome: RecordOutcome::Stored(receipt),
        },
        RecordResult {
            id: refused.record.id,
            outcome: RecordOutcome::Rejected { errors: vec![] },
        },
    ];
    let delivered = outbox::apply_results(&[entry.clone(), refused.clone()], &results)
        .await
        .unwrap();
    assert_eq!(delivered, 1);

    let left = outbox::all().await.unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].id, refused.id);
    assert!(matches!(left[0].state, outbox::EntryState::Rejected { .. }));
    let kept = receipts::all().await.unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].case_number.unwrap().to_string(), "2026-0007");
    assert!(kept[0].imy_deadline.is_some());
    let text = serde_json::to_string(&kept[0]).unwrap();
    assert!(
        !text.contains("detaljer") && !text.contains("Skolan"),
        "{text}"
    );
}
