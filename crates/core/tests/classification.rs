//! The classification matrix of the shipped packs: answers per municipality, search
//! ranking on what people really type, and the matrix checks of pack validation.

use std::path::Path;
use vaksam_core::classification::{Matrix, Verdict};
use vaksam_core::incident::Aspect;
use vaksam_core::pack::Pack;
use vaksam_core::search::{Index, Target};
use vaksam_core::source::HasSource;

const MUNICIPALITIES: [&str; 5] = ["vingaker", "tyreso", "overkalix", "lessebo", "mariestad"];

fn text(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../packs/{name}.toml"));
    std::fs::read_to_string(path).unwrap()
}

fn load(name: &str) -> Pack {
    {
        let base = text("base");
        vaksam_core::pack::resolve::resolve(
            vaksam_core::pack::resolve::PackFile {
                name: "base.toml",
                text: &base,
            },
            vaksam_core::pack::resolve::PackFile {
                name: &format!("{name}.toml"),
                text: &text(name),
            },
        )
        .unwrap()
        .pack
    }
}

fn matrix(p: &Pack) -> &Matrix {
    p.classification
        .as_ref()
        .expect("every shipped pack has a matrix")
}

/// The answer for a kind and a place, by id, with the place's source.
fn verdict(m: &Matrix, kind: &str, place: &str) -> Verdict {
    let k = m.kind(kind).unwrap_or_else(|| panic!("no kind {kind}"));
    let p = m.place(place).unwrap_or_else(|| panic!("no place {place}"));
    assert!(p.serves(&k.sectors), "{place} does not serve {kind}");
    vaksam_core::classification::answer(&k.class, p).verdict
}

#[test]
fn every_pack_has_at_least_forty_kinds_and_the_usual_places() {
    for name in MUNICIPALITIES {
        let p = load(name);
        let m = matrix(&p);
        assert!(m.kinds.len() >= 40, "{name}: {} kinds", m.kinds.len());
        for id in [
            "care_system",
            "school_system",
            "onedrive",
            "teams",
            "sharepoint",
            "network_drive",
            "email_internal",
            "email_external",
            "email_secure",
            "sms",
            "paper",
            "usb",
            "private_device",
            "camera_roll",
            "ai_service",
            "social_media",
        ] {
            assert!(m.place(id).is_some(), "{name}: no place {id}");
        }
        // Every kind gets an answer for every place that serves it, yes first.
        for k in &m.kinds {
            let answers = m.answers(&k.class, Some(&k.sectors));
            assert_eq!(
                answers.len(),
                m.places.iter().filter(|p| p.serves(&k.sectors)).count()
            );
            assert!(answers.windows(2).all(|w| w[0].verdict <= w[1].verdict));
            assert!(
                answers.iter().any(|a| a.verdict == Verdict::Yes),
                "{name}: {} may go nowhere",
                k.id
            );
        }
    }
}

/// Cases that hold in every municipality (Vaksam's defaults, the same in each pack).
const EVERYWHERE: &[(&str, &str, Verdict)] = &[
    ("foto_brukare", "camera_roll", Verdict::No),
    ("foto_brukare", "care_system", Verdict::Yes),
    ("foto_brukare", "chat_app", Verdict::No),
    ("nyckelkod", "sms", Verdict::No),
    ("nyckelkod", "paper", Verdict::OnlyIf),
    ("inkopslista", "private_device", Verdict::OnlyIf),
    ("inkopslista", "sms", Verdict::Yes),
    ("lakemedelslista", "paper", Verdict::OnlyIf),
    ("lakemedelslista", "email_external", Verdict::No),
    // Paper is the fallback routine when the care system is down (review §3): only if.
    ("journalanteckning", "paper", Verdict::OnlyIf),
    ("motesanteckning_personer", "care_system", Verdict::Yes),
    ("motesanteckning_personer", "school_system", Verdict::Yes),
    ("orosanmalan", "school_system", Verdict::Yes),
    ("skyddade_personuppgifter", "care_system", Verdict::Yes),
    ("journalanteckning", "case_system", Verdict::No),
    ("journalanteckning", "care_system", Verdict::Yes),
    ("genomforandeplan", "onedrive", Verdict::No),
    ("genomforandeplan", "care_system", Verdict::Yes),
    ("atgardsprogram", "school_system", Verdict::Yes),
    ("atgardsprogram", "email_secure", Verdict::OnlyIf),
    ("atgardsprogram", "email_external", Verdict::No),
    ("elevhalsa", "network_drive", Verdict::No),
    ("skyddade_personuppgifter", "teams", Verdict::No),
    ("skyddade_personuppgifter", "case_system", Verdict::Yes),
    ("motesanteckning", "onedrive", Verdict::Yes),
    ("motesanteckning", "ai_service", Verdict::No),
    ("publicerad_information", "ai_service", Verdict::OnlyIf),
    ("publicerad_information", "social_media", Verdict::OnlyIf),
    ("kontinuitetsplan", "onedrive", Verdict::No),
    ("kontinuitetsplan", "paper", Verdict::OnlyIf),
    ("personnummer", "email_internal", Verdict::OnlyIf),
    ("personnummer", "usb", Verdict::OnlyIf),
    ("foto_utan_personer", "camera_roll", Verdict::Yes),
    ("veckobrev", "email_external", Verdict::Yes),
];

#[test]
fn answers_hold_in_every_municipality() {
    for name in MUNICIPALITIES {
        let p = load(name);
        let m = matrix(&p);
        for (kind, place, expected) in EVERYWHERE {
            assert_eq!(
                verdict(m, kind, place),
                *expected,
                "{name}: {kind} in {place}"
            );
        }
    }
}

#[test]
fn lessebo_storage_rules_come_from_its_document() {
    // Lessebo, "Informationshantering": OneDrive is each employee's own folder, Teams the
    // work groups' area with limited secrecy ("begränsad sekretesshantering"), and the
    // business systems are for personal data and secrecy. The document describes the
    // places but sets no levels: the descriptions are cited, the levels are Vaksam's.
    let p = load("lessebo");
    let m = matrix(&p);
    for id in ["onedrive", "teams", "care_system", "school_system"] {
        let place = m.place(id).unwrap();
        assert_eq!(place.cite.to_string(), "Informationshantering", "{id}");
        assert!(!place.default, "{id}");
        assert!(
            place.source().field_is_vaksam_advice("max"),
            "{id}: levels are defaults"
        );
        assert!(!place.source().field_is_vaksam_advice("about"), "{id}");
    }
    // The document names no diarium: it stays Vaksam's.
    assert!(m.place("case_system").unwrap().default);
    // Limited secrecy: not the K1 of a personal folder (the review's finding).
    assert_eq!(m.place("teams").unwrap().max.to_string(), "K2 R2 T2 S1");
    assert_eq!(verdict(m, "motesanteckning", "onedrive"), Verdict::Yes);
    assert_eq!(verdict(m, "motesanteckning", "teams"), Verdict::Yes);
    assert_eq!(verdict(m, "klasslista", "teams"), Verdict::Yes);
    assert_eq!(verdict(m, "elevhalsa", "teams"), Verdict::No);
    assert_eq!(verdict(m, "personnummer", "onedrive"), Verdict::No);
    assert_eq!(verdict(m, "klasslista", "school_system"), Verdict::Yes);
    assert_eq!(verdict(m, "personnummer", "case_system"), Verdict::Yes);
    // Where the document is silent, the default is marked as one.
    assert!(m.place("usb").unwrap().default);

    // Elsewhere Teams is a marked default.
    let t = load("tyreso");
    assert!(matrix(&t).place("teams").unwrap().default);
}

#[test]
fn every_matrix_cites_the_municipalitys_classification_rule() {
    for (name, cite) in [
        ("vingaker", "§11"),
        ("tyreso", "2.7 Systemförteckning och klassning"),
        ("overkalix", "Klassificering av information"),
        ("lessebo", "Informationshantering"),
        ("mariestad", "Informationsklassificering"),
    ] {
        let p = load(name);
        assert_eq!(
            Some(matrix(&p).principle.cite.to_string()).as_deref(),
            Some(cite),
            "{name}"
        );
    }
    // Vingåker names its säkerhetsskyddschef; level 4 questions go there.
    let v = load("vingaker");
    let s = &matrix(&v).security;
    assert_eq!(s.contact, "security_protection");
    assert!(v.contact(&s.contact).is_some());
}

#[test]
fn a_no_names_the_aspect_and_both_levels() {
    let p = load("vingaker");
    let m = matrix(&p);
    let k = m.kind("foto_brukare").unwrap();
    let a = vaksam_core::classification::answer(&k.class, m.place("camera_roll").unwrap());
    assert_eq!(a.verdict, Verdict::No);
    let conf = a
        .over
        .iter()
        .find(|o| o.aspect == Aspect::Confidentiality)
        .unwrap();
    assert_eq!((conf.level.get(), conf.max.get()), (3, 0));
}

#[test]
fn a_photo_of_a_care_recipient_lists_the_camera_roll_first_among_its_nos() {
    for name in MUNICIPALITIES {
        let p = load(name);
        let m = matrix(&p);
        let card = m.card(m.kind("foto_brukare").unwrap());
        let nos: Vec<&str> = card.no.iter().map(|a| a.place.id.as_str()).collect();
        assert_eq!(nos.first(), Some(&"camera_roll"), "{name}: {nos:?}");
        // The phone's own places come before the municipality's systems.
        let onedrive = nos.iter().position(|id| *id == "onedrive").unwrap();
        for everyday in ["sms", "chat_app", "private_device"] {
            let at = nos.iter().position(|id| *id == everyday).unwrap();
            assert!(
                at < onedrive,
                "{name}: {everyday} after onedrive in {nos:?}"
            );
        }
        // Each "no" is a sentence to act on, not level arithmetic.
        let why = card.no[0].why_not().unwrap();
        assert!(
            why.get("sv").contains("Radera"),
            "{name}: {}",
            why.get("sv")
        );
        for a in &card.no {
            let text = a.why_not().unwrap();
            assert!(
                !text.get("sv").contains("nivå"),
                "{name}: {}",
                text.get("sv")
            );
        }
        // The yes list is the care system; the school's system is not offered.
        assert!(card.yes.iter().any(|a| a.place.id == "care_system"));
        assert!(!card
            .yes
            .iter()
            .chain(&card.no)
            .any(|a| a.place.id == "school_system"));
    }
}

#[test]
fn kinds_name_only_places_that_exist() {
    let edit = |t: String| {
        t.replacen(
            "asked_about = [\"camera_roll\"",
            "asked_about = [\"kamera\"",
            1,
        )
    };
    let problems = broken(edit);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("asked_about") && p.contains("kamera")),
        "{problems:?}"
    );
}

/// What people type, and what must come first.
const QUERIES: &[(&str, &str)] = &[
    ("bild på brukaren", "kind:foto_brukare"),
    ("foto brukare", "kind:foto_brukare"),
    ("genomforandeplan", "kind:genomforandeplan"),
    ("genomförandplan", "kind:genomforandeplan"),
    ("genomf", "kind:genomforandeplan"),
    ("lakemedelslista", "kind:lakemedelslista"),
    ("medicinlistan", "kind:lakemedelslista"),
    ("läkemedlslista", "kind:lakemedelslista"),
    ("åtgärdsprogramet", "kind:atgardsprogram"),
    ("atgardsprogram", "kind:atgardsprogram"),
    ("betyget", "kind:betyg"),
    ("skyddad identitet", "kind:skyddade_personuppgifter"),
    ("skydade personuppgifter", "kind:skyddade_personuppgifter"),
    ("portkod", "kind:nyckelkod"),
    ("taggkod", "kind:nyckelkod"),
    ("korlista", "kind:korlista"),
    ("inköpslistan", "kind:inkopslista"),
    ("mötesanteckning", "kind:motesanteckning"),
    ("personnumer", "kind:personnummer"),
    ("elevhalsa", "kind:elevhalsa"),
    ("journal", "kind:journalanteckning"),
    ("photo of client", "kind:foto_brukare"),
    ("Kan jag använda Teams?", "place:teams"),
    ("whatsapp", "place:chat_app"),
    ("usb minne", "place:usb"),
    ("chatgpt", "place:ai_service"),
    ("kamerarullen", "place:camera_roll"),
    ("hemlig", "security"),
    ("säkerhetsskydd", "security"),
];

fn label(m: &Matrix, t: Target) -> String {
    match t {
        Target::Kind(i) => format!("kind:{}", m.kinds[i].id),
        Target::Place(i) => format!("place:{}", m.places[i].id),
        Target::Security => "security".into(),
    }
}

#[test]
fn search_puts_the_expected_result_first() {
    for name in MUNICIPALITIES {
        let p = load(name);
        let m = matrix(&p);
        let index = Index::new(m, "sv");
        for (query, expected) in QUERIES {
            let hits = index.search(query, 5);
            let got: Vec<String> = hits.iter().map(|h| label(m, h.target)).collect();
            assert_eq!(
                got.first().map(String::as_str),
                Some(*expected),
                "{name}: {query:?} gave {got:?}"
            );
        }
    }
}

#[test]
fn a_name_typed_in_full_is_not_followed_by_its_compound_echoes() {
    let p = load("vingaker");
    let m = matrix(&p);
    let index = Index::new(m, "sv");
    let got = |q: &str| -> Vec<String> {
        index
            .search(q, 8)
            .iter()
            .map(|h| label(m, h.target))
            .collect()
    };
    // "körlista", "klasslista" … share only "-lista".
    assert_eq!(got("läkemedelslista"), ["kind:lakemedelslista"]);
    assert_eq!(got("teams"), ["place:teams"]);
    // A word that is only part of many names still lists them all.
    assert!(got("lista").len() >= 5);
    assert!(got("journal").contains(&"place:care_system".to_owned()));
}

#[test]
fn search_finds_nothing_for_nonsense_and_stop_words() {
    let p = load("vingaker");
    let index = Index::new(matrix(&p), "sv");
    assert!(index.search("xyzzy qwerty", 5).is_empty());
    assert!(index.search("kan jag", 5).is_empty());
    assert!(index.search("", 5).is_empty());
}

#[test]
fn search_in_english_prefers_english_names() {
    let p = load("vingaker");
    let m = matrix(&p);
    let index = Index::new(m, "en");
    let hits = index.search("medication list", 3);
    assert_eq!(label(m, hits[0].target), "kind:lakemedelslista");
}

/// The errors after `edit` changed the base (where the matrix lives), resolved with Vingåker.
fn broken(edit: impl Fn(String) -> String) -> Vec<String> {
    broken_with("vingaker", edit)
}

/// The errors after `edit` changed the base, resolved with `municipality`'s overlay.
fn broken_with(municipality: &str, edit: impl Fn(String) -> String) -> Vec<String> {
    let original = text("base");
    let edited = edit(original.clone());
    assert_ne!(edited, original, "the edit must change the base");
    let overlay = text(municipality);
    vaksam_core::pack::resolve::resolve(
        vaksam_core::pack::resolve::PackFile {
            name: "base.toml",
            text: &edited,
        },
        vaksam_core::pack::resolve::PackFile {
            name: "vingaker.toml",
            text: &overlay,
        },
    )
    .expect_err("the broken pack must be refused")
    .iter()
    .map(ToString::to_string)
    .collect()
}

#[test]
fn broken_matrices_are_refused_with_the_path() {
    let level4 = broken(|t| t.replacen("class = \"K3 R3 T2 S2\"", "class = \"K4 R3 T2 S2\"", 1));
    assert!(
        level4[0].starts_with("base.toml:")
            && level4[0].contains("classification.kinds[")
            && level4[0].contains("level 4"),
        "{level4:?}"
    );

    let no_k = broken(|t| t.replacen("class = \"K3 R3 T2 S2\"", "class = \"R3 T2 S2\"", 1));
    assert!(
        no_k.iter()
            .any(|e| e.starts_with("base.toml:")
                && e.ends_with(".class: \"R3 T2 S2\" has no K level")),
        "{no_k:?}"
    );

    let no_s = broken(|t| t.replacen("class = \"K3 R3 T2 S2\"", "class = \"K3 R3 T2\"", 1));
    assert!(
        no_s.iter()
            .any(|e| e.starts_with("base.toml:")
                && e.ends_with(".class: \"K3 R3 T2\" has no S level")),
        "{no_s:?}"
    );

    let pointless = broken(|t| t.replacen("up_to = \"K2 S1\"", "up_to = \"K1\"", 1));
    assert!(
        pointless
            .iter()
            .any(|e| e.contains("conditions[0].up_to") && e.contains("must raise a limit")),
        "{pointless:?}"
    );

    // The base's security advice asks a contact nobody has (resolved with Mariestad, whose
    // policy names no security role and so keeps the base's routing).
    let contact = broken_with("mariestad", |t| {
        t.replacen("contact = \"security\"", "contact = \"nobody\"", 1)
    });
    assert!(
        contact.iter().any(|e| e.starts_with("base.toml:")
            && e.ends_with("classification.security.contact: unknown contact \"nobody\"")),
        "{contact:?}"
    );

    let duplicate =
        broken(|t| t.replacen("id = \"journalanteckning\"", "id = \"genomforandeplan\"", 1));
    assert!(
        duplicate
            .iter()
            .any(|e| e.contains("classification.kinds[1].id") && e.contains("duplicate")),
        "{duplicate:?}"
    );

    let unsourced = broken(|t| {
        t.replacen(
            "id = \"onedrive\"\ngroup = \"storage\"\ndefault = true\n",
            "id = \"onedrive\"\ngroup = \"storage\"\n",
            1,
        )
    });
    assert!(
        unsourced
            .iter()
            .any(|e| e.contains("classification.places[") && e.contains("source")),
        "{unsourced:?}"
    );
}
