//! In-browser tests of the storage layer (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use vaksam::store::{self, outbox, receipts, supplements};
use vaksam_core::incident::{Answer, Category, PersonalData};
use vaksam_core::protocol::{CaseStatus, Receipt, RecordOutcome, RecordResult};
use vaksam_core::{Incident, IncidentReport, Supplement, SupplementDraft};
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
async fn a_delivered_record_leaves_its_receipt_with_what_was_sent() {
    clear_outbox().await;
    let entry = outbox::OutboxEntry::for_incident(
        vaksam::clock::new_record_id(),
        &incident("detaljer"),
        None,
        vaksam::clock::now(),
    )
    .unwrap();
    outbox::add_from_draft(&entry, None).await.unwrap();
    let refused = outbox::OutboxEntry::for_incident(
        vaksam::clock::new_record_id(),
        &incident("fel"),
        None,
        vaksam::clock::now(),
    )
    .unwrap();
    outbox::add_from_draft(&refused, None).await.unwrap();
    assert_eq!(outbox::all().await.unwrap().len(), 2);

    let results = vec![
        RecordResult {
            id: entry.record.id,
            outcome: RecordOutcome::Stored(receipt("2026-0007", CaseStatus::Received)),
        },
        RecordResult {
            id: refused.record.id,
            outcome: RecordOutcome::Rejected { errors: vec![] },
        },
    ];
    let applied = outbox::apply_results(&[entry.clone(), refused.clone()], &results)
        .await
        .unwrap();
    assert_eq!(applied.delivered, 1);
    assert_eq!(applied.settled, 2);

    let left = outbox::all().await.unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].id, refused.id);
    assert!(matches!(left[0].state, outbox::EntryState::Rejected { .. }));
    let kept = receipts::get(&entry.id).await.unwrap().unwrap();
    assert_eq!(kept.case_number.unwrap().to_string(), "2026-0007");
    assert!(kept.imy_deadline.is_some());
    assert_eq!(kept.case_status, CaseStatus::Received);
    let sent = kept.report.expect("what was sent stays viewable");
    assert_eq!(sent.description, "detaljer");
    assert_eq!(sent.place, "Skolan");
    clear_outbox().await;
}

fn receipt(case_number: &str, case_status: CaseStatus) -> Receipt {
    Receipt {
        case_number: Some(case_number.parse().unwrap()),
        log_entry: None,
        received_at: time::macros::datetime!(2026-11-23 10:05 UTC),
        case_status,
    }
}

fn supplement_to(incident_id: uuid::Uuid, text: &str, personal_data: Option<Answer>) -> Supplement {
    SupplementDraft {
        description: text.into(),
        personal_data: personal_data.map(|involved| PersonalData {
            involved,
            ..Default::default()
        }),
        ..Default::default()
    }
    .validate(incident_id)
    .unwrap()
}

fn delivered(entry: &outbox::OutboxEntry, r: Receipt) -> RecordResult {
    RecordResult {
        id: entry.record.id,
        outcome: RecordOutcome::Stored(r),
    }
}

#[wasm_bindgen_test]
async fn a_supplement_goes_into_the_outbox_with_its_draft_deleted_in_one_transaction() {
    clear_outbox().await;
    let report = waiting_entry("ursprunglig");
    outbox::add_from_draft(&report, None).await.unwrap();
    let draft = SupplementDraft {
        description: "Telefonen hittades".into(),
        ..Default::default()
    };
    supplements::save_draft(&report.id, &draft).await.unwrap();
    sleep(2).await;
    assert_eq!(
        supplements::load_draft(&report.id).await.unwrap(),
        Some(draft.clone())
    );
    let entry = outbox::OutboxEntry::for_supplement(
        vaksam::clock::new_record_id(),
        &draft.validate(report.record.id).unwrap(),
        vaksam::clock::now(),
    )
    .unwrap();

    // A full phone: neither the entry nor the end of the draft.
    let restore = fill_up(outbox::STORE);
    let failed = outbox::add_supplement(&entry).await;
    restore.call0(&JsValue::NULL).unwrap();
    assert_eq!(failed.unwrap_err().kind, store::StoreErrorKind::Quota);
    assert!(outbox::get(&entry.id).await.unwrap().is_none());
    assert_eq!(
        supplements::load_draft(&report.id).await.unwrap(),
        Some(draft.clone())
    );

    outbox::add_supplement(&entry).await.unwrap();
    assert!(supplements::load_draft(&report.id).await.unwrap().is_none());
    assert_eq!(
        outbox::get(&entry.id).await.unwrap().unwrap().supplement(),
        Some(entry.supplement().unwrap())
    );
    let listed = supplements::for_incident(&report.id).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, entry.id);
    assert_eq!(listed[0].state, supplements::SupplementState::Waiting);
    // Sent in order of creation: the report before its supplement.
    let order: Vec<String> = outbox::all()
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(order, vec![report.id.clone(), entry.id.clone()]);
    clear_outbox().await;
}

#[wasm_bindgen_test]
async fn a_delivered_supplement_is_kept_once_with_its_report_and_can_bring_the_deadline() {
    clear_outbox().await;
    let t = time::macros::datetime!(2026-11-23 10:00 +01:00);
    let no_personal_data = Incident::validate(
        IncidentReport {
            personal_data: PersonalData {
                involved: Answer::No,
                ..Default::default()
            },
            ..incident("utan").into_report()
        },
        t,
    )
    .unwrap();
    let report = outbox::OutboxEntry::for_incident(
        vaksam::clock::new_record_id(),
        &no_personal_data,
        None,
        vaksam::clock::now(),
    )
    .unwrap();
    outbox::add_from_draft(&report, None).await.unwrap();
    let added = outbox::OutboxEntry::for_supplement(
        vaksam::clock::new_record_id(),
        &supplement_to(
            report.record.id,
            "Det fanns namn i telefonen",
            Some(Answer::Unknown),
        ),
        vaksam::clock::now(),
    )
    .unwrap();
    outbox::add_supplement(&added).await.unwrap();

    // Report and supplement answered in one batch, and the same answer applied twice
    // (two tabs): one receipt, one supplement on it.
    let results = vec![
        delivered(&report, receipt("2026-0011", CaseStatus::Received)),
        delivered(&added, receipt("2026-0011", CaseStatus::Received)),
    ];
    let sent = [report.clone(), added.clone()];
    outbox::apply_results(&sent, &results).await.unwrap();
    outbox::apply_results(&sent, &results).await.unwrap();

    assert!(outbox::all().await.unwrap().is_empty());
    let kept = receipts::get(&report.id).await.unwrap().unwrap();
    assert_eq!(kept.supplements.len(), 1);
    assert_eq!(kept.supplements[0].id, added.id);
    assert_eq!(
        kept.supplements[0].report.as_ref().unwrap().description,
        "Det fanns namn i telefonen"
    );
    // 72 hours from the report's discovery, not from the supplement.
    assert_eq!(
        kept.imy_deadline.as_deref(),
        Some(vaksam::clock::rfc3339(t + time::Duration::hours(72)).as_str())
    );
    let listed = supplements::for_incident(&report.id).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert!(matches!(
        listed[0].state,
        supplements::SupplementState::Delivered { .. }
    ));
}

#[wasm_bindgen_test]
async fn a_supplement_brings_the_deadline_also_after_the_reports_details_are_forgotten() {
    clear_outbox().await;
    let t = time::macros::datetime!(2026-11-23 10:00 +01:00);
    let no_personal_data = Incident::validate(
        IncidentReport {
            personal_data: PersonalData {
                involved: Answer::No,
                ..Default::default()
            },
            ..incident("glömd").into_report()
        },
        t,
    )
    .unwrap();
    let report = outbox::OutboxEntry::for_incident(
        vaksam::clock::new_record_id(),
        &no_personal_data,
        None,
        vaksam::clock::now(),
    )
    .unwrap();
    outbox::add_from_draft(&report, None).await.unwrap();
    outbox::apply_results(
        std::slice::from_ref(&report),
        &[delivered(
            &report,
            receipt("2026-0021", CaseStatus::Received),
        )],
    )
    .await
    .unwrap();
    receipts::purge_details(time::macros::datetime!(2026-12-25 10:00 UTC))
        .await
        .unwrap();
    let purged = receipts::get(&report.id).await.unwrap().unwrap();
    assert!(purged.report.is_none());
    assert_eq!(purged.imy_deadline, None);

    let added = outbox::OutboxEntry::for_supplement(
        vaksam::clock::new_record_id(),
        &supplement_to(report.record.id, "Det fanns namn", Some(Answer::Yes)),
        vaksam::clock::now(),
    )
    .unwrap();
    outbox::add_supplement(&added).await.unwrap();
    outbox::apply_results(
        std::slice::from_ref(&added),
        &[delivered(
            &added,
            receipt("2026-0021", CaseStatus::Received),
        )],
    )
    .await
    .unwrap();
    let kept = receipts::get(&report.id).await.unwrap().unwrap();
    assert_eq!(
        kept.imy_deadline.as_deref(),
        Some(vaksam::clock::rfc3339(t + time::Duration::hours(72)).as_str())
    );
}

#[wasm_bindgen_test]
async fn a_corrected_report_takes_the_supplements_of_the_refused_one() {
    clear_outbox().await;
    let refused = waiting_entry("fel");
    outbox::add_from_draft(&refused, None).await.unwrap();
    let added = outbox::OutboxEntry::for_supplement(
        vaksam::clock::new_record_id(),
        &supplement_to(refused.record.id, "mer", None),
        vaksam::clock::now(),
    )
    .unwrap();
    outbox::add_supplement(&added).await.unwrap();
    let unknown = vec![vaksam_core::FieldError::new(
        "payload.incident_id",
        vaksam_core::FieldErrorCode::Invalid,
        "no such report",
    )];
    outbox::apply_results(
        &[refused.clone(), added.clone()],
        &[
            refuse(&refused),
            RecordResult {
                id: added.record.id,
                outcome: RecordOutcome::Rejected { errors: unknown },
            },
        ],
    )
    .await
    .unwrap();

    let corrected = waiting_entry("rätt");
    outbox::add_from_draft(&corrected, Some(&refused.id))
        .await
        .unwrap();
    let moved = outbox::get(&added.id).await.unwrap().unwrap();
    assert_eq!(moved.state, outbox::EntryState::Waiting);
    assert_eq!(moved.supplement().unwrap().incident_id, corrected.record.id);
    assert_eq!(moved.supplement().unwrap().description, "mer");
    assert!(outbox::get(&refused.id).await.unwrap().is_none());
    let listed = supplements::for_incident(&corrected.id).await.unwrap();
    assert_eq!(listed.len(), 1);
    clear_outbox().await;
}

#[wasm_bindgen_test]
async fn a_corrected_report_takes_the_supplement_draft_of_the_refused_one() {
    clear_outbox().await;
    let refused = waiting_entry("fel");
    outbox::add_from_draft(&refused, None).await.unwrap();
    outbox::apply_results(std::slice::from_ref(&refused), &[refuse(&refused)])
        .await
        .unwrap();
    let draft = SupplementDraft {
        description: "halvskrivet".into(),
        ..Default::default()
    };
    supplements::save_draft(&refused.id, &draft).await.unwrap();

    let corrected = waiting_entry("rätt");
    outbox::add_from_draft(&corrected, Some(&refused.id))
        .await
        .unwrap();
    assert_eq!(supplements::load_draft(&refused.id).await.unwrap(), None);
    assert_eq!(
        supplements::load_draft(&corrected.id).await.unwrap(),
        Some(draft)
    );
    store::drafts::delete(&supplements::draft_key(&corrected.id))
        .await
        .unwrap();
    clear_outbox().await;
}

#[wasm_bindgen_test]
async fn discarding_a_refused_report_discards_its_supplements_and_their_draft() {
    clear_outbox().await;
    let refused = waiting_entry("fel");
    outbox::add_from_draft(&refused, None).await.unwrap();
    let added = outbox::OutboxEntry::for_supplement(
        vaksam::clock::new_record_id(),
        &supplement_to(refused.record.id, "mer", None),
        vaksam::clock::now(),
    )
    .unwrap();
    outbox::add_supplement(&added).await.unwrap();
    let other = waiting_entry("annan");
    outbox::add_from_draft(&other, None).await.unwrap();
    outbox::apply_results(std::slice::from_ref(&refused), &[refuse(&refused)])
        .await
        .unwrap();
    let draft = SupplementDraft {
        description: "halvskrivet".into(),
        ..Default::default()
    };
    supplements::save_draft(&refused.id, &draft).await.unwrap();

    outbox::discard(&refused.id).await.unwrap();
    assert!(outbox::get(&refused.id).await.unwrap().is_none());
    assert!(outbox::get(&added.id).await.unwrap().is_none());
    assert_eq!(supplements::load_draft(&refused.id).await.unwrap(), None);
    assert!(outbox::get(&other.id).await.unwrap().is_some());
    clear_outbox().await;
}

#[wasm_bindgen_test]
async fn a_refusal_answered_after_a_discard_does_not_bring_the_entry_back() {
    clear_outbox().await;
    let gone = waiting_entry("bortkastad");
    let conflicted = waiting_entry("krock");
    let changed = waiting_entry("ändrad");
    for e in [&gone, &conflicted, &changed] {
        outbox::add_from_draft(e, None).await.unwrap();
    }
    // While the batch was under way the user discarded one, another tab discarded and
    // saved another under the same key with new content.
    outbox::discard(&gone.id).await.unwrap();
    outbox::discard(&conflicted.id).await.unwrap();
    outbox::discard(&changed.id).await.unwrap();
    let mut newer = changed.clone();
    newer.record.payload["description"] = "ändrad igen".into();
    outbox::add_from_draft(&newer, None).await.unwrap();

    let conflict = RecordResult {
        id: conflicted.record.id,
        outcome: RecordOutcome::Conflict {
            message: "another record has this id".into(),
        },
    };
    let applied = outbox::apply_results(
        &[gone.clone(), conflicted.clone(), changed.clone()],
        &[refuse(&gone), conflict, refuse(&changed)],
    )
    .await
    .unwrap();
    assert_eq!(applied.settled, 3);
    assert!(outbox::get(&gone.id).await.unwrap().is_none());
    assert!(outbox::get(&conflicted.id).await.unwrap().is_none());
    let kept = outbox::get(&changed.id).await.unwrap().unwrap();
    assert_eq!(kept, newer, "the newer copy is left as it is");
    clear_outbox().await;
}

#[wasm_bindgen_test]
async fn a_batch_holds_back_a_supplement_whose_report_is_still_waiting() {
    clear_outbox().await;
    let older: Vec<_> = (0..2)
        .map(|i| waiting_entry(&format!("äldre {i}")))
        .collect();
    // A supplement moved to a corrected report is older than that report.
    let report_id = vaksam::clock::new_record_id();
    let added = outbox::OutboxEntry::for_supplement(
        vaksam::clock::new_record_id(),
        &supplement_to(report_id, "mer", None),
        vaksam::clock::now(),
    )
    .unwrap();
    let report = outbox::OutboxEntry::for_incident(
        report_id,
        &incident("rättad"),
        None,
        vaksam::clock::now(),
    )
    .unwrap();
    // A supplement to a report already delivered goes as usual.
    let to_delivered = outbox::OutboxEntry::for_supplement(
        vaksam::clock::new_record_id(),
        &supplement_to(vaksam::clock::new_record_id(), "till skickad", None),
        vaksam::clock::now(),
    )
    .unwrap();
    let mut all = older.clone();
    all.extend([added.clone(), report.clone()]);
    let ids = |b: Vec<outbox::OutboxEntry>| b.into_iter().map(|e| e.id).collect::<Vec<_>>();

    // No room for both: the supplement waits for a later batch.
    let full = vaksam::sync::batch(all.clone(), 3);
    assert_eq!(
        ids(full),
        vec![older[0].id.clone(), older[1].id.clone(), report.id.clone()]
    );
    // Room for both: the report first.
    let roomy = vaksam::sync::batch(all.clone(), 4);
    assert_eq!(
        ids(roomy),
        vec![
            older[0].id.clone(),
            older[1].id.clone(),
            report.id.clone(),
            added.id.clone()
        ]
    );
    // The report refused (not waiting): the supplement is no longer held back.
    let mut refused = report.clone();
    refused.state = outbox::EntryState::Conflict {
        message: "x".into(),
    };
    let alone = vaksam::sync::batch(vec![added.clone(), refused, to_delivered.clone()], 3);
    assert_eq!(ids(alone), vec![added.id.clone(), to_delivered.id.clone()]);
}

#[wasm_bindgen_test]
async fn a_reports_details_are_forgotten_30_days_after_its_receipt() {
    clear_outbox().await;
    let report = waiting_entry("hemligt");
    outbox::add_from_draft(&report, None).await.unwrap();
    let added = outbox::OutboxEntry::for_supplement(
        vaksam::clock::new_record_id(),
        &supplement_to(report.record.id, "mer hemligt", None),
        vaksam::clock::now(),
    )
    .unwrap();
    outbox::add_supplement(&added).await.unwrap();
    let results = vec![
        delivered(&report, receipt("2026-0012", CaseStatus::InProgress)),
        delivered(&added, receipt("2026-0012", CaseStatus::InProgress)),
    ];
    outbox::apply_results(&[report.clone(), added.clone()], &results)
        .await
        .unwrap();
    let received = time::macros::datetime!(2026-11-23 10:05 UTC);

    receipts::purge_details(received + time::Duration::days(29))
        .await
        .unwrap();
    assert!(receipts::get(&report.id)
        .await
        .unwrap()
        .unwrap()
        .report
        .is_some());

    receipts::purge_details(received + time::Duration::days(30))
        .await
        .unwrap();
    let kept = receipts::get(&report.id).await.unwrap().unwrap();
    assert!(kept.report.is_none());
    assert!(kept.supplements[0].report.is_none());
    assert_eq!(kept.case_number.unwrap().to_string(), "2026-0012");
    assert_eq!(kept.category, Category::WrongRecipient);
    assert_eq!(kept.case_status, CaseStatus::InProgress);
    assert!(kept.imy_deadline.is_some());
    let text = serde_json::to_string(&kept).unwrap();
    assert!(
        !text.contains("hemligt") && !text.contains("Skolan"),
        "{text}"
    );
    // The supplement is still listed as delivered, without what it said.
    let listed = supplements::for_incident(&report.id).await.unwrap();
    assert_eq!(listed[0].report, None);
}

#[wasm_bindgen_test]
async fn a_status_from_the_municipality_is_written_into_the_receipt() {
    clear_outbox().await;
    let report = waiting_entry("status");
    outbox::add_from_draft(&report, None).await.unwrap();
    outbox::apply_results(
        std::slice::from_ref(&report),
        &[delivered(
            &report,
            receipt("2026-0013", CaseStatus::Received),
        )],
    )
    .await
    .unwrap();
    let now = time::macros::datetime!(2026-11-24 10:00 UTC);
    assert!(receipts::status_ids(now, 100)
        .await
        .unwrap()
        .contains(&report.id));
    let status = |case_status| vaksam_core::protocol::RecordStatus {
        id: report.record.id,
        kind: vaksam_core::protocol::RecordKind::Incident,
        receipt: receipt("2026-0013", case_status),
        status_changed_at: Some(now),
        incident_id: None,
        message: None,
        message_at: None,
    };
    assert!(receipts::apply_statuses(&[status(CaseStatus::Closed)])
        .await
        .unwrap());
    assert!(!receipts::apply_statuses(&[status(CaseStatus::Closed)])
        .await
        .unwrap());
    let kept = receipts::get(&report.id).await.unwrap().unwrap();
    assert_eq!(kept.case_status, CaseStatus::Closed);
    assert_eq!(kept.status_changed_at, Some(vaksam::clock::rfc3339(now)));
    assert_eq!(kept.message, None);
    // The municipality's message is kept with the status, and a new one replaces it.
    let with_message = |text: &str| vaksam_core::protocol::RecordStatus {
        message: Some(text.to_owned()),
        message_at: Some(now),
        ..status(CaseStatus::Closed)
    };
    assert!(receipts::apply_statuses(&[with_message("Tack, spärrad.")])
        .await
        .unwrap());
    assert!(!receipts::apply_statuses(&[with_message("Tack, spärrad.")])
        .await
        .unwrap());
    let kept = receipts::get(&report.id).await.unwrap().unwrap();
    assert_eq!(kept.message.as_deref(), Some("Tack, spärrad."));
    assert_eq!(kept.message_at, Some(vaksam::clock::rfc3339(now)));
    // A closed case is still asked about (a supplement can reopen it), within 60 days.
    assert!(receipts::status_ids(now, 100)
        .await
        .unwrap()
        .contains(&report.id));
    let later = now + time::Duration::days(61);
    assert!(!receipts::status_ids(later, 100)
        .await
        .unwrap()
        .contains(&report.id));
}

/// Makes `put` and `add` on the object store `store` throw a QuotaExceededError, as a full
/// phone does; answers a function that takes the stub away.
fn fill_up(store: &str) -> js_sys::Function {
    let install = js_sys::Function::new_with_args(
        "store",
        "const proto = IDBObjectStore.prototype;
         const put = proto.put, add = proto.add;
         const full = function (real) {
           return function (...args) {
             if (this.name === store) throw new DOMException('', 'QuotaExceededError');
             return real.apply(this, args);
           };
         };
         proto.put = full(put);
         proto.add = full(add);
         return () => { proto.put = put; proto.add = add; };",
    );
    install
        .call1(&JsValue::NULL, &JsValue::from_str(store))
        .unwrap()
        .into()
}

fn waiting_entry(description: &str) -> outbox::OutboxEntry {
    outbox::OutboxEntry::for_incident(
        vaksam::clock::new_record_id(),
        &incident(description),
        None,
        vaksam::clock::now(),
    )
    .unwrap()
}

async fn clear_outbox() {
    for e in outbox::all().await.unwrap() {
        outbox::discard(&e.id).await.unwrap();
    }
}

#[wasm_bindgen_test]
async fn a_full_phone_is_a_quota_error_with_the_browsers_name() {
    let restore = fill_up(store::drafts::STORE);
    let saved = store::drafts::save_incident(&Default::default()).await;
    restore.call0(&JsValue::NULL).unwrap();
    let error = saved.unwrap_err();
    assert_eq!(error.kind, store::StoreErrorKind::Quota);
    assert_eq!(error.name, "QuotaExceededError");
    // Other stores were not touched, and the database still works.
    store::drafts::save_incident(&Default::default())
        .await
        .unwrap();
}

#[wasm_bindgen_test]
async fn delivered_records_leave_the_outbox_even_when_their_receipts_do_not_fit() {
    clear_outbox().await;
    let delivered = waiting_entry("levererad");
    let refused = waiting_entry("nekad");
    outbox::add_from_draft(&delivered, None).await.unwrap();
    outbox::add_from_draft(&refused, None).await.unwrap();
    let receipts_before = receipts::all().await.unwrap().len();
    let results = vec![
        RecordResult {
            id: delivered.record.id,
            outcome: RecordOutcome::AlreadyStored(Receipt {
                case_number: Some("2026-0009".parse().unwrap()),
                log_entry: None,
                received_at: time::macros::datetime!(2026-11-23 10:05 UTC),
                case_status: Default::default(),
            }),
        },
        RecordResult {
            id: refused.record.id,
            outcome: RecordOutcome::Rejected { errors: vec![] },
        },
    ];
    let restore = fill_up(receipts::STORE);
    let applied = outbox::apply_results(&[delivered.clone(), refused.clone()], &results).await;
    restore.call0(&JsValue::NULL).unwrap();

    assert_eq!(applied.unwrap_err().kind, store::StoreErrorKind::Quota);
    let left = outbox::all().await.unwrap();
    assert_eq!(
        left.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
        vec![refused.id.as_str()],
        "the delivered record must be gone and nothing else"
    );
    assert_eq!(receipts::all().await.unwrap().len(), receipts_before);
    clear_outbox().await;
}

#[wasm_bindgen_test]
async fn a_corrected_report_that_cannot_be_saved_leaves_the_refused_one_in_place() {
    clear_outbox().await;
    let replaced = waiting_entry("gammal");
    outbox::add_from_draft(&replaced, None).await.unwrap();
    store::drafts::save_incident(&Default::default())
        .await
        .unwrap();
    // The refused entry's delete comes first, then the new entry's add fails: the failed
    // transaction must commit neither, so the old entry and the draft stay.
    let restore = fill_up(outbox::STORE);
    let saved = outbox::add_from_draft(&waiting_entry("ny"), Some(&replaced.id)).await;
    restore.call0(&JsValue::NULL).unwrap();
    assert_eq!(saved.unwrap_err().kind, store::StoreErrorKind::Quota);
    let left = outbox::all().await.unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].id, replaced.id);
    assert!(store::drafts::load_incident().await.unwrap().is_some());
    clear_outbox().await;
}

#[wasm_bindgen_test]
async fn a_corrected_report_replaces_the_refused_one_in_one_transaction() {
    clear_outbox().await;
    let refused = waiting_entry("fel tid");
    outbox::add_from_draft(&refused, None).await.unwrap();
    let errors = vec![vaksam_core::FieldError::new(
        "payload.occurred_at",
        vaksam_core::FieldErrorCode::InFuture,
        "in the future",
    )];
    outbox::apply_results(
        std::slice::from_ref(&refused),
        &[RecordResult {
            id: refused.record.id,
            outcome: RecordOutcome::Rejected {
                errors: errors.clone(),
            },
        }],
    )
    .await
    .unwrap();

    assert!(outbox::reopen(&refused.id).await.unwrap());
    let draft = store::drafts::load_incident().await.unwrap().unwrap();
    let rejected = draft.rejected.unwrap();
    assert_eq!(rejected.id, refused.id);
    assert_eq!(rejected.errors, errors);
    assert_eq!(draft.draft.description, "fel tid");
    assert_eq!(draft.draft.category, Some(Category::WrongRecipient));

    let corrected = waiting_entry("rätt tid");
    outbox::add_from_draft(&corrected, Some(&refused.id))
        .await
        .unwrap();
    let left = outbox::all().await.unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].id, corrected.id);
    assert_ne!(corrected.id, refused.id);
    assert!(store::drafts::load_incident().await.unwrap().is_none());
    clear_outbox().await;
}

/// Opens `name` at `version` from plain JS and keeps it open, deaf to `versionchange`,
/// as a tab running an older Vaksam would.
async fn hold_open(name: &str, version: u32) -> JsValue {
    let open = js_sys::Function::new_with_args(
        "name, version",
        "return new Promise((ok, fail) => {
           const req = indexedDB.open(name, version);
           req.onsuccess = () => ok(req.result);
           req.onerror = () => fail(req.error);
         });",
    );
    let promise: js_sys::Promise = open
        .call2(
            &JsValue::NULL,
            &JsValue::from_str(name),
            &JsValue::from(version),
        )
        .unwrap()
        .into();
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap()
}

async fn sleep(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

#[wasm_bindgen_test]
async fn an_open_blocked_by_an_older_connection_says_so_and_goes_on_when_it_closes() {
    use std::cell::Cell;
    use std::rc::Rc;
    let name = "vaksam-blocked-test";
    rexie::Rexie::delete(name).await.unwrap();
    let old = hold_open(name, 1).await;
    let blocked = Rc::new(Cell::new(false));
    let opened = Rc::new(Cell::new(false));
    let (b, o) = (blocked.clone(), opened.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let db = store::open_raw(name, 2, store::STORES, move || b.set(true), || {})
            .await
            .unwrap();
        o.set(true);
        store::close_raw(&db);
    });
    sleep(300).await;
    assert!(blocked.get(), "the open must report that it is blocked");
    assert!(!opened.get());
    store::close_raw(&old);
    for _ in 0..50 {
        if opened.get() {
            break;
        }
        sleep(50).await;
    }
    assert!(
        opened.get(),
        "the open must go on once the old connection closed"
    );
}

#[wasm_bindgen_test]
async fn a_connection_closes_itself_when_another_tab_asks_for_a_newer_version() {
    use std::cell::Cell;
    use std::rc::Rc;
    let name = "vaksam-versionchange-test";
    rexie::Rexie::delete(name).await.unwrap();
    let told = Rc::new(Cell::new(false));
    let t = told.clone();
    let _db = store::open_raw(name, 1, store::STORES, || {}, move || t.set(true))
        .await
        .unwrap();
    // Would hang here if the first connection stayed open.
    let newer = hold_open(name, 2).await;
    assert!(told.get());
    store::close_raw(&newer);
    // The newer open kept every store (it created none and deleted none).
    let stores = js_sys::Reflect::get(&newer, &JsValue::from_str("objectStoreNames")).unwrap();
    let count = js_sys::Reflect::get(&stores, &JsValue::from_str("length"))
        .unwrap()
        .as_f64()
        .unwrap();
    assert_eq!(count as usize, store::STORES.len());
}

fn signature(name: &str) -> vaksam_core::signature::SignatureRecord {
    vaksam_core::signature::SignatureRecord {
        kommunkod: "0428".parse().unwrap(),
        pack_version: "2026.1".into(),
        policy_version: "2026-01".into(),
        undertaking_version: "1".into(),
        lang: vaksam_core::pack::Lang::sv(),
        text_sha256: "00".repeat(32),
        sections: vec![],
        undertaking_sha256: "11".repeat(32),
        confirmed: vec![],
        name: name.into(),
        employee_ref: "anna@example.se".into(),
        workplace: "Skolan".into(),
        signed_at: time::macros::datetime!(2026-11-23 10:00 UTC),
    }
}

fn refuse(entry: &outbox::OutboxEntry) -> RecordResult {
    RecordResult {
        id: entry.record.id,
        outcome: RecordOutcome::Rejected {
            errors: vec![vaksam_core::FieldError::new(
                "payload.pack_version",
                vaksam_core::FieldErrorCode::Invalid,
                "never published",
            )],
        },
    }
}

#[wasm_bindgen_test]
async fn signing_again_replaces_a_refused_signature_and_nothing_else() {
    clear_outbox().await;
    let now = vaksam::clock::now();
    let old = outbox::OutboxEntry::for_signature(
        vaksam::clock::new_record_id(),
        &signature("Gammal"),
        now,
    )
    .unwrap();
    let local = |entry: &outbox::OutboxEntry, record| vaksam::store::reference::LocalSignature {
        id: entry.id.clone(),
        record,
        received_at: None,
        log_entry: None,
    };
    outbox::add_signature(&old, &local(&old, signature("Gammal")))
        .await
        .unwrap();
    let report = waiting_entry("nekad rapport");
    outbox::add_from_draft(&report, None).await.unwrap();
    outbox::apply_results(
        &[old.clone(), report.clone()],
        &[refuse(&old), refuse(&report)],
    )
    .await
    .unwrap();

    let new =
        outbox::OutboxEntry::for_signature(vaksam::clock::new_record_id(), &signature("Ny"), now)
            .unwrap();
    outbox::add_signature(&new, &local(&new, signature("Ny")))
        .await
        .unwrap();
    let mut left: Vec<String> = outbox::all()
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.id)
        .collect();
    left.sort();
    let mut expected = vec![report.id.clone(), new.id.clone()];
    expected.sort();
    assert_eq!(left, expected);
    clear_outbox().await;
}

/// A contact as a municipality's overlay writes it: role cited, "when" Vaksam's.
fn contact(json: &str) -> vaksam_core::pack::Contact {
    serde_json::from_str(json).unwrap()
}

#[wasm_bindgen_test]
fn a_source_is_shown_only_for_a_real_citation_and_per_field() {
    use vaksam::components::source::{has_advice, Origin};
    let partly = contact(
        r#"{"id":"manager","role":"Din chef","when":"När något hänt.","cite":"§4","default_fields":["when"]}"#,
    );
    let cited = |c: Option<&str>, advice| Origin {
        cite: c.map(str::to_owned),
        advice,
    };
    assert_eq!(Origin::of(&partly), cited(Some("§4"), false));
    assert_eq!(Origin::field(&partly, "role"), cited(Some("§4"), false));
    assert_eq!(Origin::field(&partly, "when"), cited(None, true));
    assert!(has_advice(&partly));
    let default = contact(r#"{"id":"it","role":"IT-support","when":"Alltid.","default":true}"#);
    assert_eq!(Origin::of(&default), cited(None, true));
    // Confirmed advice is shown like the municipality's own: no mark, no source line.
    let confirmed = contact(
        r#"{"id":"it","role":"IT-support","when":"Alltid.","default":true,"confirmed":true}"#,
    );
    assert_eq!(Origin::of(&confirmed), cited(None, false));
    assert!(!has_advice(&confirmed));
    // A default that names a section is still not a citation.
    let default_with_cite =
        contact(r#"{"id":"it","role":"IT","when":"Alltid.","default":true,"cite":"§2"}"#);
    assert_eq!(Origin::of(&default_with_cite), cited(None, true));
}

#[wasm_bindgen_test]
fn a_text_without_a_translation_is_said_to_be_in_swedish_only_outside_swedish() {
    use vaksam::components::source::falls_back;
    use vaksam::i18n::Lang;
    use vaksam_core::pack::Text;
    let both = Text::sv_en("Hej", "Hello");
    let swedish = Text::sv("Hej");
    assert!(!falls_back(Lang::En, &[&both]));
    assert!(falls_back(Lang::En, &[&both, &swedish]));
    assert!(!falls_back(Lang::Sv, &[&swedish]));
    assert!(!falls_back(Lang::En, &[]));
}

#[wasm_bindgen_test]
fn a_route_pattern_takes_its_parameters_from_the_path_and_nothing_else() {
    use vaksam::router::matches;
    let id = |pattern: &str, path: &str| matches(pattern, path).map(|p| p.get("id"));
    assert_eq!(
        id("/reports/:id", "/reports/0190abc"),
        Some(Some("0190abc".to_owned()))
    );
    assert_eq!(
        id("/reports/:id", "/reports/0190abc/"),
        Some(Some("0190abc".to_owned())),
        "a trailing slash"
    );
    assert_eq!(
        id("/lookup/kind/:id", "/lookup/kind/bild%20p%C3%A5"),
        Some(Some("bild på".to_owned()))
    );
    assert_eq!(
        id("/reports/:id", "/reports"),
        None,
        "a parameter needs its segment"
    );
    assert_eq!(id("/reports/:id", "/reports/"), None);
    assert_eq!(id("/reports/:id", "/reports/1/add"), None);
    assert_eq!(
        id("/reports/:id/add", "/reports/1/add"),
        Some(Some("1".to_owned()))
    );
    assert!(matches("/", "/").is_some());
    assert!(matches("/", "/report").is_none());
    assert!(matches("/report", "/reports").is_none());
    // Text that is not valid percent-encoding is kept as it is, never an error.
    assert_eq!(
        id("/lookup/kind/:id", "/lookup/kind/100%"),
        Some(Some("100%".to_owned()))
    );
}

#[wasm_bindgen_test]
fn a_query_reads_as_the_browser_wrote_it() {
    use vaksam::router::ParamsMap;
    let q = ParamsMap::from_query("?q=bild+p%C3%A5%20brukaren&added=1&empty=&flag");
    assert_eq!(q.get("q").as_deref(), Some("bild på brukaren"));
    assert_eq!(q.get("added").as_deref(), Some("1"));
    assert_eq!(q.get("empty").as_deref(), Some(""));
    assert_eq!(q.get("flag").as_deref(), Some(""));
    assert_eq!(q.get("missing"), None);
    assert_eq!(ParamsMap::from_query(""), ParamsMap::default());
    // What encodeURIComponent writes comes back whole, '+' and '&' included.
    assert_eq!(
        ParamsMap::from_query("?q=a%2Bb%26c").get("q").as_deref(),
        Some("a+b&c")
    );
}
