//! Hashes that must never change, pinned to literal values.
//!
//! Each of these is stored somewhere that outlives a release: the content hash with every
//! record on the server (a phone resending a record saved before an update must get
//! `already_stored`, not `conflict`), the signing text hash and the section and undertaking
//! fingerprints in every signature (they decide "sign again"). A refactor that changes any
//! of them must fail here. If one ever has to change on purpose, that is a migration, not
//! an update of the value below.

use serde_json::{json, Value};
use std::path::Path;
use time::macros::datetime;
use time::OffsetDateTime;
use uuid::Uuid;
use vaksam_core::incident::{
    Answer, Aspect, Category, IncidentReport, PeopleAffected, PersonalData, PersonalDataKind,
};
use vaksam_core::pack::{self, Pack};
use vaksam_core::protocol::{canonical_json, sha256_hex, OutboxRecord, RecordKind};
use vaksam_core::quiz::{Progress, Session};
use vaksam_core::signature::SignatureDraft;
use vaksam_core::Incident;

const NOW: OffsetDateTime = datetime!(2026-11-23 14:05:09.123 +01:00);

/// The content hash as it was computed before the canonical form existed: serde_json's
/// own text of the payload, which sorted keys only because no crate enabled
/// `preserve_order`.
fn legacy_content_hash(r: &OutboxRecord) -> String {
    let mut bytes = r.kind.as_str().as_bytes().to_vec();
    bytes.push(0);
    bytes.extend(r.payload.to_string().as_bytes());
    sha256_hex(&bytes)
}

/// `payload` as the server sees it: written by the app, read back from the request text.
fn record(kind: RecordKind, payload: Value) -> OutboxRecord {
    let sent = json!({
        "id": Uuid::from_u128(0x019ab1c2_d3e4_7f00_8000_000000000001),
        "kind": kind,
        "created_at": "2026-11-23T14:05:09.123+01:00",
        "payload": payload,
    });
    serde_json::from_str(&sent.to_string()).unwrap()
}

fn vingaker() -> Pack {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../packs/vingaker.toml");
    let base = std::fs::read_to_string(path.with_file_name("base.toml")).unwrap();
    let overlay = std::fs::read_to_string(&path).unwrap();
    pack::resolve::resolve(
        pack::resolve::PackFile {
            name: "base.toml",
            text: &base,
        },
        pack::resolve::PackFile {
            name: "vingaker.toml",
            text: &overlay,
        },
    )
    .unwrap()
    .pack
}

fn report(text: &str) -> IncidentReport {
    IncidentReport {
        category: Category::WrongRecipient,
        occurred_at: datetime!(2026-11-23 09:30 +01:00),
        discovered_at: datetime!(2026-11-23 13:10:59.5 +01:00),
        place: format!("Hemtjänst Norr, {text}"),
        aspects: vec![Aspect::Confidentiality, Aspect::Integrity],
        personal_data: PersonalData {
            involved: Answer::Yes,
            kinds: vec![PersonalDataKind::Health, PersonalDataKind::Identity],
            people: Some(PeopleAffected::Few),
            sensitive: Answer::Unknown,
            secrecy: Answer::Yes,
        },
        harm_to_person: Answer::No,
        ongoing: Answer::Unknown,
        actions_taken: text.to_owned(),
        description: text.to_owned(),
    }
}

/// Texts a person may type: Swedish, quotes, backslashes, every control character,
/// characters around the UTF-16 surrogate range, emoji and joiners.
fn typed_texts() -> Vec<String> {
    let mut texts = vec![
        String::new(),
        "Mejlet med journalanteckningen gick till fel Anna.".to_owned(),
        "Åsa på Öxabäck sa \"ring IT\" \\ sedan\n\tinget mer\r\n".to_owned(),
        "</script><b>&amp;</b> 'x' `y` /slash/ \u{7f}\u{80}\u{a0}\u{ad}".to_owned(),
        "\u{2028}\u{2029}\u{feff}\u{fffd}\u{d7ff}\u{e000}\u{ffff}\u{10000}\u{10ffff}".to_owned(),
        "👩‍⚕️ 🇸🇪 ẞ ﬁ Ω Å (precomposed) Å (combining)".to_owned(),
    ];
    // Every character below U+3000, in pieces short enough for each field.
    let all: Vec<char> = (0u32..0x3000).filter_map(char::from_u32).collect();
    texts.extend(all.chunks(100).map(|c| c.iter().collect::<String>()));
    texts
}

#[test]
fn the_canonical_form_gives_the_same_hash_as_before_for_every_payload_the_app_sends() {
    let pack = vingaker();
    let mut checked = 0;
    for text in typed_texts() {
        // An incident, as the app puts it in the outbox: the validated report.
        let incident = Incident::validate(report(&text), NOW).unwrap();
        let payload = serde_json::to_value(&incident).unwrap();
        let r = record(RecordKind::Incident, payload);
        assert_eq!(
            r.content_hash(),
            legacy_content_hash(&r),
            "incident {text:?}"
        );

        // A signature of Vingåker's pack, in both languages.
        for lang in ["sv", "en"] {
            let draft = SignatureDraft {
                name: format!("Anna {text}"),
                employee_ref: "anna.andersson@vingaker.se".into(),
                workplace: format!("Hemtjänst {text}"),
                confirmed: pack
                    .undertaking
                    .statements
                    .iter()
                    .map(|s| s.id.clone())
                    .collect(),
            };
            if let Ok(signature) = draft.sign(&pack, &lang.parse().unwrap(), NOW) {
                let r = record(
                    RecordKind::Signature,
                    serde_json::to_value(signature).unwrap(),
                );
                assert_eq!(
                    r.content_hash(),
                    legacy_content_hash(&r),
                    "signature {text:?}"
                );
                checked += 1;
            }
        }
    }
    assert!(
        checked >= 100,
        "signatures with typed names were checked: {checked}"
    );

    // Training results: a first session (which may complete nothing) and, after every
    // question was answered right, the one that completes the course.
    let bank = pack.quiz.as_ref().unwrap();
    let mut progress = Progress::default();
    let mut now = NOW;
    let mut completed = false;
    for round in 0..bank.questions.len() {
        let Some(mut session) = Session::start(&pack, &progress, true, now) else {
            break;
        };
        while let Some(id) = session.current() {
            let q = bank.question(id).unwrap();
            // Every other question wrong in the first round, then right.
            let right = round > 0 || session.answers.len() % 2 == 0;
            let chosen = q
                .options
                .iter()
                .filter(|o| o.correct == right)
                .take(if right { 4 } else { 1 })
                .map(|o| o.id.clone())
                .collect();
            session.answer(bank, chosen, 4_321 + round as u32);
        }
        let result = session.finish(&pack, &mut progress, now).unwrap();
        completed |= result.course_completed_at.is_some();
        let r = record(RecordKind::Quiz, serde_json::to_value(&result).unwrap());
        assert_eq!(
            r.content_hash(),
            legacy_content_hash(&r),
            "quiz round {round}"
        );
        now += time::Duration::days(1);
    }
    assert!(completed, "a completing result was among those checked");
}

#[test]
fn keys_are_sorted_by_utf16_code_units_and_that_differs_from_before_only_above_u_e000() {
    // U+10000 is D800 DC00 in UTF-16, so it sorts before U+E000 (JCS), while code point
    // order puts it after. No payload of Vaksam has such keys: they are field names.
    let v: Value =
        serde_json::from_str(r#"{"\ue000":1,"\ud800\udc00":2,"b":3,"a":4,"Ö":5}"#).unwrap();
    assert_eq!(
        canonical_json(&v),
        "{\"a\":4,\"b\":3,\"Ö\":5,\"𐀀\":2,\"\u{e000}\":1}"
    );
    assert_ne!(canonical_json(&v), v.to_string());
}

#[test]
fn the_canonical_text_has_no_whitespace_and_escapes_only_what_json_requires() {
    let v = json!({
        "s": "a\"b\\c\u{8}\u{c}\n\r\t\u{0}\u{1f}\u{7f}/å😀",
        "n": [0, -1, 4_294_967_295u64, 18_446_744_073_709_551_615u64, -9_223_372_036_854_775_808i64],
        "o": { "z": null, "y": true, "x": false, "w": [], "v": {} },
    });
    assert_eq!(
        canonical_json(&v),
        concat!(
            r#"{"n":[0,-1,4294967295,18446744073709551615,-9223372036854775808],"#,
            r#""o":{"v":{},"w":[],"x":false,"y":true,"z":null},"#,
            r#""s":"a\"b\\c\b\f\n\r\t\u0000\u001f"#,
            "\u{7f}/å😀\"}"
        )
    );
}

/// A fixed incident record: its canonical text and content hash never change.
#[test]
fn golden_content_hash() {
    // Keys deliberately out of order, with the spacing a client might use.
    let payload: Value = serde_json::from_str(
        r#"{ "description": "Mejlet gick till fel mottagare: \"Åsa\".\nInget mer.",
             "category": "wrong_recipient",
             "occurred_at": "2026-11-23T09:30:00+01:00",
             "discovered_at": "2026-11-23T13:10:00+01:00",
             "place": "Hemtjänst Norr",
             "aspects": ["confidentiality"],
             "personal_data": { "involved": "yes", "kinds": ["health"], "people": "few",
                                "sensitive": "yes", "secrecy": "yes" },
             "harm_to_person": "no", "ongoing": "no", "actions_taken": "Ringde IT" }"#,
    )
    .unwrap();
    let r = record(RecordKind::Incident, payload);
    assert_eq!(
        canonical_json(&r.payload),
        concat!(
            r#"{"actions_taken":"Ringde IT","aspects":["confidentiality"],"#,
            r#""category":"wrong_recipient","#,
            r#""description":"Mejlet gick till fel mottagare: \"Åsa\".\nInget mer.","#,
            r#""discovered_at":"2026-11-23T13:10:00+01:00","harm_to_person":"no","#,
            r#""occurred_at":"2026-11-23T09:30:00+01:00","ongoing":"no","#,
            r#""personal_data":{"involved":"yes","kinds":["health"],"people":"few","#,
            r#""secrecy":"yes","sensitive":"yes"},"place":"Hemtjänst Norr"}"#
        )
    );
    assert_eq!(
        r.content_hash(),
        "9d754736bc33c8ac2f29e7f04ca23e38c011135ac1cc1e1f22e478d87c314de7"
    );
    // The kind is part of the hash: the same payload as a quiz result is other content.
    let as_quiz = OutboxRecord {
        kind: RecordKind::Quiz,
        ..r.clone()
    };
    assert_eq!(
        as_quiz.content_hash(),
        "1a59b3554b817de4830923607eda8ce26308c0c691ad459bc1a77479ef6272a0"
    );
    // The envelope's id and time are not.
    let later = OutboxRecord {
        id: Uuid::from_u128(2),
        created_at: datetime!(2027-01-01 00:00 UTC),
        ..r.clone()
    };
    assert_eq!(later.content_hash(), r.content_hash());
}

/// A fixed supplement record: its canonical text and content hash never change (what the
/// phone sends leaves out what was not added).
#[test]
fn golden_supplement_content_hash() {
    let draft = vaksam_core::SupplementDraft {
        description: "Telefonen hittades i bilen.".into(),
        personal_data: Some(vaksam_core::incident::PersonalData {
            involved: vaksam_core::incident::Answer::Unknown,
            ..Default::default()
        }),
        ..Default::default()
    };
    let supplement = draft
        .validate(Uuid::from_u128(0x019ab1c2_d3e4_7f00_8000_000000000001))
        .unwrap();
    let r = record(
        RecordKind::Supplement,
        serde_json::to_value(&supplement).unwrap(),
    );
    assert_eq!(
        canonical_json(&r.payload),
        concat!(
            r#"{"description":"Telefonen hittades i bilen.","#,
            r#""incident_id":"019ab1c2-d3e4-7f00-8000-000000000001","#,
            r#""personal_data":{"involved":"unknown","kinds":[],"people":null,"#,
            r#""secrecy":"unknown","sensitive":"unknown"}}"#
        )
    );
    assert_eq!(
        r.content_hash(),
        "d1f582f35e5a7912431b4cb9169c4d999730e9255d240c3b5c5421e422a6392d"
    );
}

/// A small fixed pack: only what the signing text and the fingerprints read is filled in,
/// with the traps they must keep handling (whitespace trimmed, Swedish letters, a
/// multi-line text).
fn fixed_pack() -> Pack {
    let text = |sv: &str, en: &str| json!({ "sv": sv, "en": en });
    serde_json::from_value(json!({
        "format": 1,
        "version": "golden.1",
        "municipality": { "kommunkod": "0428", "name": "Vingåkers kommun" },
        "policy": {
            "title": text("Informationssäkerhetspolicy", "Information security policy"),
            "adopted_by": { "text": text("Kommunfullmäktige", "The municipal council") },
            "version": { "label": "2022-05-13" },
            "revision": { "text": text("Vart fjärde år", "Every four years") },
            "sections": [
                {
                    "id": "responsibility",
                    "title": text("Ansvar", "Responsibility"),
                    "text": text(
                        "  Alla anställda ansvarar för informationen de hanterar.\n",
                        "Every employee is responsible for the information they handle."
                    ),
                },
                {
                    "id": "incidents",
                    "title": text("Incidenter", "Incidents"),
                    "text": text(
                        "Rapportera genast.\nRing IT vid förlorad telefon.",
                        "Report at once.\nCall IT about a lost phone."
                    ),
                },
            ],
        },
        "aspects": [],
        "contacts": [],
        "categories": [],
        "undertaking": {
            "version": "1",
            "title": text("Ansvarsförbindelse", "Undertaking"),
            "intro": text("Jag har läst och förstått:", "I have read and understood:"),
            "statements": [
                { "id": "read", "text": text("Jag har läst policyn.", "I have read the policy.") },
                { "id": "report", "text": text(" Jag rapporterar incidenter. ", "I report incidents.") },
            ],
        },
        "training": { "interval_months": 12, "note": text("Varje år", "Every year") },
    }))
    .unwrap()
}

#[test]
fn golden_signing_text_and_its_hash() {
    let pack = fixed_pack();
    assert_eq!(
        pack.signing_text("sv"),
        "Informationssäkerhetspolicy\n2022-05-13\n\n\
         Ansvar\nAlla anställda ansvarar för informationen de hanterar.\n\n\
         Incidenter\nRapportera genast.\nRing IT vid förlorad telefon.\n\n\
         Ansvarsförbindelse\n1\nJag har läst och förstått:\n\
         - Jag har läst policyn.\n- Jag rapporterar incidenter.\n"
    );
    assert_eq!(
        pack.signing_hash("sv"),
        "e4f56a5cf609b8fe1240b14a6ab9da61e20ad180df4147575076471838fc8717"
    );
    assert_eq!(
        pack.signing_hash("en"),
        "c7532d0b48871c28df88d7f79fec38826e4e6aba3a4385c9fb24d6e12e4b7f5c"
    );
    assert_eq!(
        pack.signing_hash("sv"),
        sha256_hex(pack.signing_text("sv").as_bytes())
    );
}

#[test]
fn golden_section_and_undertaking_digests() {
    let pack = fixed_pack();
    let sections: Vec<(String, String)> = pack
        .section_digests()
        .into_iter()
        .map(|d| (d.id, d.sha256))
        .collect();
    assert_eq!(
        sections,
        [
            (
                "responsibility".to_owned(),
                "fefc8893281e18b7bf94fc29e02aa93fb9ad706fa397823a2ab993212bf42b18".to_owned()
            ),
            (
                "incidents".to_owned(),
                "63bc9635f796c57640ebb5bdc2d93304e90374282b68cd3b42202243a8146346".to_owned()
            ),
        ]
    );
    assert_eq!(
        pack.undertaking_digest(),
        "f291548a16325f32fa1df55f0b026cb7d71409034939b113a1d3b61499200b61"
    );
}
