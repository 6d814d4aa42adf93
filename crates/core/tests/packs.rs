//! The shipped content packs, pack validation, the schema file, and signing.

use std::path::{Path, PathBuf};
use time::macros::datetime;
use vaksam_core::incident::{Answer, Category, IncidentReport, PersonalData};
use vaksam_core::pack::{self, Pack, PackError};
use vaksam_core::signature::{signing_status, Change, SignatureDraft, SigningStatus};

fn packs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../packs")
}

fn shipped() -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(packs_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

fn load(name: &str) -> Pack {
    let (file, text) = shipped().into_iter().find(|(f, _)| f == name).unwrap();
    pack::from_toml(&file, &text).unwrap()
}

/// Parses `vingaker.toml` after `edit` changed its text, and returns the errors.
fn errors_after(edit: impl Fn(String) -> String) -> Vec<PackError> {
    let (_, text) = shipped()
        .into_iter()
        .find(|(f, _)| f == "vingaker.toml")
        .unwrap();
    let edited = edit(text.clone());
    assert_ne!(edited, text, "the edit must change the pack");
    pack::from_toml("broken.toml", &edited).expect_err("the broken pack must be refused")
}

fn has_error(errors: &[PackError], path: &str, words: &str) -> bool {
    errors
        .iter()
        .any(|e| e.file == "broken.toml" && e.path == path && e.message.contains(words))
}

#[test]
fn all_five_shipped_packs_are_valid_and_distinct() {
    let packs = shipped();
    assert_eq!(packs.len(), 5, "one pack per municipality");
    let mut codes = Vec::new();
    for (file, text) in &packs {
        match pack::from_toml(file, text) {
            Ok(p) => codes.push(p.municipality.kommunkod),
            Err(errors) => panic!(
                "{}",
                errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
        }
    }
    codes.sort();
    assert_eq!(codes, ["0138", "0428", "0761", "1493", "2513"]);
}

#[test]
fn packs_carry_what_each_document_says() {
    // Vingåker §7 requires the undertaking; the others are marked as Vaksam defaults.
    let vingaker = load("vingaker.toml");
    assert_eq!(vingaker.undertaking.cite.as_deref(), Some("§7"));
    assert!(!vingaker.undertaking.default);
    for other in [
        "tyreso.toml",
        "overkalix.toml",
        "lessebo.toml",
        "mariestad.toml",
    ] {
        assert!(load(other).undertaking.default, "{other}");
    }
    // Tyresö revises every August (4); Lessebo's version comes from its change history.
    let tyreso = load("tyreso.toml");
    assert_eq!(tyreso.policy.revision.cite.as_deref(), Some("4"));
    assert!(tyreso.policy.revision.text.sv.contains("augusti"));
    assert!(tyreso.policy.sections.iter().any(|s| s.id == "incidents"
        && s.cite.as_deref() == Some("2.6")
        && s.text.sv.contains("incidentregister")));
    let lessebo = load("lessebo.toml");
    assert_eq!(lessebo.policy.version.label, "2022-05-13");
    let storage = lessebo
        .policy
        .sections
        .iter()
        .find(|s| s.id == "storage")
        .unwrap();
    for place in ["OneDrive", "Teams", "Verksamhetssystemen"] {
        assert!(storage.text.sv.contains(place), "{place}");
    }
    // Överkalix names its helpers: the security coordinator and the IT department.
    let overkalix = load("overkalix.toml");
    assert_eq!(
        overkalix.contact("it").unwrap().cite.as_deref(),
        Some("Med vems hjälp?")
    );
    // No document sets a training interval or a phone number: both are defaults.
    for (file, text) in shipped() {
        let p = pack::from_toml(&file, &text).unwrap();
        assert!(p.training.default, "{file}");
        assert!(p.contacts.iter().all(|c| c.phone.is_none()), "{file}");
        assert_eq!(p.aspects.len(), 4, "{file}");
    }
}

#[test]
fn a_pack_survives_json_as_the_app_receives_it() {
    for (file, text) in shipped() {
        let p = pack::from_toml(&file, &text).unwrap();
        let json = serde_json::to_string(&p).unwrap();
        let back: Pack = serde_json::from_str(&json).unwrap();
        assert_eq!(back, p, "{file}");
        assert_eq!(back.signing_hash("sv"), p.signing_hash("sv"));
    }
}

#[test]
fn syntax_errors_name_the_file_and_line() {
    let errors = errors_after(|t| t.replacen("format = 1", "format = = 1", 1));
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].file, "broken.toml");
    assert!(errors[0].message.contains("line"), "{}", errors[0]);
}

#[test]
fn shape_errors_name_the_path() {
    let errors = errors_after(|t| t.replacen("id = \"why\"\n", "id = \"why\"\ntitel = 1\n", 1));
    assert!(
        errors[0].path.starts_with("policy.sections") && errors[0].message.contains("titel"),
        "{:?}",
        errors
    );
    let errors =
        errors_after(|t| t.replacen("[undertaking]\nversion = \"1\"\n", "[undertaking]\n", 1));
    assert!(
        errors[0].path == "undertaking" && errors[0].message.contains("version"),
        "{:?}",
        errors
    );
}

#[test]
fn a_missing_section_is_refused() {
    let errors = errors_after(|t| {
        let start = t.find("\n[[policy.sections]]").unwrap();
        let end = t.find("\n[[aspects]]").unwrap();
        format!("{}{}", &t[..start], &t[end..])
    });
    assert!(
        has_error(
            &errors,
            "policy",
            "line 14, column 1: missing field `sections`"
        ),
        "{errors:?}"
    );
    let errors = errors_after(|t| {
        let start = t.find("\n[[policy.sections]]").unwrap();
        let end = t.find("\n[[aspects]]").unwrap();
        format!("{}{}", &t[..start], &t[end..]).replacen(
            "[policy]\n",
            "[policy]\nsections = []\n",
            1,
        )
    });
    assert!(
        has_error(&errors, "policy.sections", "at least one section"),
        "{errors:?}"
    );
}

#[test]
fn an_unknown_category_or_contact_is_refused() {
    let errors = errors_after(|t| t.replacen("id = \"malware\"", "id = \"virus\"", 1));
    let path = "categories[7].id";
    assert!(
        has_error(&errors, path, "unknown category \"virus\""),
        "{errors:?}"
    );
    let errors = errors_after(|t| t.replacen("contact = \"it\"", "contact = \"helpdesk\"", 1));
    assert!(
        has_error(
            &errors,
            "categories[0].steps[0].contact",
            "unknown contact \"helpdesk\""
        ),
        "{errors:?}"
    );
    let errors = errors_after(|t| {
        t.replacen(
            "tell = [\"it\", \"manager\"]",
            "tell = [\"it\", \"boss\"]",
            1,
        )
    });
    assert!(
        has_error(&errors, "categories[0].tell[1]", "unknown contact \"boss\""),
        "{errors:?}"
    );
}

#[test]
fn duplicate_ids_are_refused() {
    let errors = errors_after(|t| t.replacen("id = \"what-is-information\"", "id = \"why\"", 1));
    assert!(
        has_error(&errors, "policy.sections[1].id", "duplicate id \"why\""),
        "{errors:?}"
    );
    let errors =
        errors_after(|t| t.replacen("id = \"wrong_printer\"", "id = \"wrong_recipient\"", 1));
    assert!(
        has_error(&errors, "categories[3].id", "duplicate id"),
        "{errors:?}"
    );
}

#[test]
fn empty_text_is_refused_in_either_language() {
    let errors = errors_after(|t| {
        t.replacen(
            "text.en = \"\"\"\nEveryone who",
            "text.en = \"\"\"\n   \"\"\"\nignored = \"\"\"\nEveryone who",
            1,
        )
        .replacen(
            "text.sv = \"Jag anmäler",
            "text.sv = \" \"\n#text.sv = \"Jag anmäler",
            1,
        )
    });
    assert!(
        has_error(&errors, "undertaking.statements[2].text.sv", "is empty"),
        "{errors:?}"
    );
}

#[test]
fn a_bad_kommunkod_is_refused() {
    let errors = errors_after(|t| t.replacen("kommunkod = \"0428\"", "kommunkod = \"428\"", 1));
    assert!(
        has_error(&errors, "municipality.kommunkod", "not a kommunkod"),
        "{errors:?}"
    );
    let errors = errors_after(|t| t.replacen("kommunkod = \"0428\"", "kommunkod = \"0180\"", 1));
    assert!(
        has_error(
            &errors,
            "municipality.kommunkod",
            "not one of the municipalities"
        ),
        "{errors:?}"
    );
}

#[test]
fn every_rule_states_its_source() {
    let errors = errors_after(|t| t.replacen("cite = \"§13\"\n", "", 1));
    assert!(
        has_error(
            &errors,
            "undertaking.statements[2]",
            "says nothing about its source"
        ),
        "{errors:?}"
    );
    let errors =
        errors_after(|t| t.replacen("cite = \"§6\"\n", "cite = \"§6\"\ndefault = true\n", 1));
    assert!(has_error(&errors, "aspects[0]", "both"), "{errors:?}");
}

#[test]
fn other_rules_are_checked() {
    let errors = errors_after(|t| t.replacen("interval_months = 12", "interval_months = 0", 1));
    assert!(
        has_error(&errors, "training.interval_months", "between 1 and"),
        "{errors:?}"
    );
    let errors = errors_after(|t| t.replacen("format = 1", "format = 2", 1));
    assert!(has_error(&errors, "format", "not supported"), "{errors:?}");
    let errors = errors_after(|t| {
        t.replacen(
            "id = \"it\"\ncite = \"§8\"\n",
            "id = \"it\"\ncite = \"§8\"\nphone = \"call me\"\n",
            1,
        )
    });
    assert!(
        has_error(&errors, "contacts[0].phone", "not a phone number"),
        "{errors:?}"
    );
    let errors = errors_after(|t| t.replacen("id = \"traceability\"", "id = \"availability\"", 1));
    assert!(
        has_error(&errors, "aspects[3].id", "listed twice"),
        "{errors:?}"
    );
    assert!(
        has_error(&errors, "aspects", "missing aspect Traceability"),
        "{errors:?}"
    );
    let errors = errors_after(|t| {
        let start = t.find("\n[[categories]]\nid = \"other\"").unwrap();
        let end = t.find("\n[[situations]]").unwrap();
        format!("{}{}", &t[..start], &t[end..])
    });
    assert!(
        has_error(&errors, "categories", "\"other\" is needed"),
        "{errors:?}"
    );
}

#[test]
fn the_schema_file_matches_the_types() {
    let generated = serde_json::to_string_pretty(&schemars::schema_for!(Pack)).unwrap() + "\n";
    let path = packs_dir().join("pack.schema.json");
    if std::env::var_os("VAKSAM_WRITE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "packs/pack.schema.json is out of date: run VAKSAM_WRITE_SCHEMA=1 cargo test -p vaksam-core --test packs"
    );
}

fn report(category: Category, ongoing: Answer, harm: Answer, personal: Answer) -> IncidentReport {
    let t = datetime!(2026-11-23 10:00 UTC);
    IncidentReport {
        category,
        occurred_at: t,
        discovered_at: t,
        place: String::new(),
        aspects: vec![],
        personal_data: PersonalData {
            involved: personal,
            ..PersonalData::default()
        },
        harm_to_person: harm,
        ongoing,
        actions_taken: String::new(),
        description: "x".into(),
    }
}

#[test]
fn guidance_follows_the_pack() {
    let p = load("overkalix.toml");
    let g = p.guidance_for(&report(
        Category::LostDevice,
        Answer::No,
        Answer::No,
        Answer::No,
    ));
    assert_eq!(g.steps.len(), 1);
    assert_eq!(g.steps[0].call.as_ref().unwrap().sv, "IT-avdelningen");
    assert!(g.steps[0].default);
    let told: Vec<_> = g.told.iter().map(|t| t.sv.as_str()).collect();
    assert_eq!(told, ["IT-avdelningen", "Din chef"]);

    let g = p.guidance_for(&report(
        Category::WrongRecipient,
        Answer::Yes,
        Answer::Yes,
        Answer::Unknown,
    ));
    assert!(g.steps[0].text.sv.contains("pågår"), "ongoing comes first");
    assert!(g.steps.iter().any(|s| s.text.sv.contains("lex Sarah")));
    let last = g.steps.last().unwrap();
    assert!(
        last.text.sv.contains("Personuppgifter"),
        "unknown personal data counts"
    );
    assert!(
        !last.default,
        "Överkalix's document states the duty to notify"
    );
    assert!(g.told.iter().any(|t| t.sv == "Dataskyddsombudet"));
    assert_eq!(
        g.told.iter().filter(|t| t.sv == "Din chef").count(),
        1,
        "each role is told once"
    );
}

fn draft(pack: &Pack) -> SignatureDraft {
    SignatureDraft {
        name: " Anna Andersson ".into(),
        employee_ref: "anna.andersson@vingaker.se".into(),
        workplace: "Hemtjänst Norr".into(),
        confirmed: pack
            .undertaking
            .statements
            .iter()
            .map(|s| s.id.clone())
            .collect(),
    }
}

#[test]
fn signing_text_hash_is_stable_and_covers_what_is_shown() {
    let p = load("vingaker.toml");
    // Same pack, same language: same hash, every time and on every machine.
    assert_eq!(
        p.signing_hash("sv"),
        load("vingaker.toml").signing_hash("sv")
    );
    assert_ne!(p.signing_hash("sv"), p.signing_hash("en"));
    assert_eq!(
        vaksam_core::protocol::sha256_hex(p.signing_text("sv").as_bytes()),
        p.signing_hash("sv")
    );
    let text = p.signing_text("sv");
    assert!(text.contains(&p.policy.sections[2].text.sv));
    assert!(text.contains(&p.undertaking.statements[0].text.sv));
    let mut edited = p.clone();
    edited.undertaking.statements[0].text.sv.push('!');
    assert_ne!(edited.signing_hash("sv"), p.signing_hash("sv"));
    assert_eq!(edited.signing_hash("en"), p.signing_hash("en"));
}

#[test]
fn a_signature_needs_every_statement_and_every_field() {
    let p = load("vingaker.toml");
    let now = datetime!(2026-11-23 10:00 UTC);
    let signed = draft(&p).sign(&p, "sv", now).unwrap();
    assert_eq!(signed.name, "Anna Andersson");
    assert_eq!(signed.text_sha256, p.signing_hash("sv"));
    assert!(signed.validate(&p, now).is_ok());

    let mut d = draft(&p);
    d.confirmed.remove(1);
    d.workplace = "  ".into();
    d.employee_ref = "anna@".into();
    let errors = d.sign(&p, "sv", now).unwrap_err();
    let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["employee_ref", "workplace", "confirmed.1"]);

    // A signature of a text the server does not have is refused.
    let mut forged = signed.clone();
    forged.text_sha256 = "0".repeat(64);
    forged.confirmed.pop();
    let errors = forged.validate(&p, now).unwrap_err();
    let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["text_sha256", "confirmed"]);
}

#[test]
fn a_signature_dated_long_before_it_is_received_is_refused() {
    let p = load("vingaker.toml");
    let now = datetime!(2026-11-23 10:00 UTC);
    let signed_at = |days: i64| {
        let mut s = draft(&p).sign(&p, "sv", now).unwrap();
        s.signed_at = now - time::Duration::days(days);
        s.validate(&p, now)
    };
    assert!(
        signed_at(90).is_ok(),
        "a phone offline for 90 days is still heard"
    );
    let errors = signed_at(91).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, "signed_at");
    assert_eq!(errors[0].code, vaksam_core::FieldErrorCode::Invalid);
    assert!(
        errors[0].message.contains("90 days"),
        "{}",
        errors[0].message
    );
    // The review's backdated signature.
    let mut old = draft(&p).sign(&p, "sv", now).unwrap();
    old.signed_at = datetime!(2000-01-01 00:00 UTC);
    assert_eq!(old.validate(&p, now).unwrap_err()[0].field, "signed_at");
}

#[test]
fn must_sign_again_when_texts_or_versions_change() {
    let p = load("tyreso.toml");
    let now = datetime!(2026-11-23 10:00 UTC);
    assert_eq!(signing_status(None, &p), SigningStatus::NotSigned);
    let signed = draft(&p).sign(&p, "en", now).unwrap();
    assert_eq!(signing_status(Some(&signed), &p), SigningStatus::Current);

    // A new pack version that changes nothing the employee signed does not ask again.
    let mut same = p.clone();
    same.version = "2026.12.1".into();
    same.contacts[0].when.sv.push_str(" Ring 08-123 456.");
    assert_eq!(signing_status(Some(&signed), &same), SigningStatus::Current);

    // One section edited, one added, one removed: all three are named.
    let mut next = p.clone();
    next.policy.sections[3]
        .text
        .sv
        .push_str(" Rapportera inom en dag.");
    let mut added = next.policy.sections[0].clone();
    added.id = "ai".into();
    next.policy.sections.push(added);
    let removed = next.policy.sections.remove(5);
    match signing_status(Some(&signed), &next) {
        SigningStatus::SignAgain {
            undertaking_changed,
            policy_version_changed,
            sections,
        } => {
            assert!(!undertaking_changed);
            assert!(!policy_version_changed);
            let got: Vec<_> = sections.iter().map(|s| (s.id.as_str(), s.change)).collect();
            assert_eq!(
                got,
                [
                    ("incidents", Change::Changed),
                    ("ai", Change::Added),
                    (removed.id.as_str(), Change::Removed)
                ]
            );
        }
        other => panic!("expected SignAgain, got {other:?}"),
    }

    // A new undertaking version asks again even with the same text.
    let mut u = p.clone();
    u.undertaking.version = "2".into();
    assert!(matches!(
        signing_status(Some(&signed), &u),
        SigningStatus::SignAgain { undertaking_changed: true, ref sections, .. } if sections.is_empty()
    ));
    // So does a new policy version label.
    let mut v = p.clone();
    v.policy.version.label = "2027-08-01".into();
    assert!(matches!(
        signing_status(Some(&signed), &v),
        SigningStatus::SignAgain {
            policy_version_changed: true,
            ..
        }
    ));
}
