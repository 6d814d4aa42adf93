//! Packs v2: the shipped base and overlays, how an overlay resolves, where errors point,
//! sources, the schema file, signing and upgrades from format 1.

use std::path::{Path, PathBuf};
use time::macros::datetime;
use vaksam_core::incident::{Answer, Category, IncidentReport, PersonalData};
use vaksam_core::pack::resolve::{self, PackFile};
use vaksam_core::pack::{DigestVersion, Pack, PackError};
use vaksam_core::signature::{signing_status, Change, SignatureDraft, SigningStatus};
use vaksam_core::source::HasSource;
use vaksam_core::text::{Lang, Text};

fn packs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../packs")
}

fn read(name: &str) -> String {
    std::fs::read_to_string(packs_dir().join(name)).unwrap()
}

/// The municipalities' files shipped in `packs/` (every .toml but the base).
fn overlays() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(packs_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|f| f.ends_with(".toml") && f != "base.toml")
        .collect();
    files.sort();
    files
}

fn shown(errors: &[PackError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

fn load(name: &str) -> Pack {
    let base = read("base.toml");
    let overlay = read(name);
    resolve::resolve(
        PackFile {
            name: "base.toml",
            text: &base,
        },
        PackFile {
            name,
            text: &overlay,
        },
    )
    .unwrap_or_else(|e| panic!("{}", shown(&e)))
    .pack
}

#[test]
fn all_five_shipped_overlays_resolve_with_the_base_and_are_short() {
    let files = overlays();
    assert_eq!(files.len(), 5, "one overlay per municipality: {files:?}");
    let mut codes = Vec::new();
    for f in &files {
        let p = load(f);
        assert_eq!(p.format, 2);
        assert!(p
            .version
            .ends_with(&format!("+{}", p.base.as_deref().unwrap())));
        codes.push(p.municipality.kommunkod.to_string());
        let lines = read(f).lines().count();
        assert!(
            lines < 700,
            "{f} has {lines} lines; the municipality's own content only"
        );
        assert!(
            p.classification
                .as_ref()
                .is_some_and(|m| m.kinds.len() >= 40),
            "{f}: the base's matrix reaches every municipality"
        );
    }
    codes.sort();
    assert_eq!(codes, ["0138", "0428", "0761", "1493", "2513"]);
}

/// Every item an employee sees, with its path: (path, source).
fn every_item<'a>(p: &'a Pack) -> Vec<(String, vaksam_core::source::Source<'a>)> {
    let mut out: Vec<(String, vaksam_core::source::Source<'a>)> = Vec::new();
    let mut add = |path: String, s: &'a dyn HasSource| out.push((path, s.source()));
    let pol = &p.policy;
    add("policy.adopted_by".into(), &pol.adopted_by);
    add("policy.version".into(), &pol.version);
    add("policy.revision".into(), &pol.revision);
    pol.sections
        .iter()
        .for_each(|s| add(format!("section {}", s.id), s));
    p.aspects
        .iter()
        .for_each(|a| add(format!("aspect {:?}", a.id), a));
    p.contacts
        .iter()
        .for_each(|c| add(format!("contact {}", c.id), c));
    p.categories
        .iter()
        .for_each(|c| add(format!("category {}", c.id.as_str()), c));
    p.situations
        .iter()
        .for_each(|s| add(format!("situation {:?}", s.when), s));
    add("undertaking".into(), &p.undertaking);
    p.undertaking
        .statements
        .iter()
        .for_each(|s| add(format!("statement {}", s.id), s));
    add("training".into(), &p.training);
    let m = p.classification.as_ref().unwrap();
    add("principle".into(), &m.principle);
    add("security".into(), &m.security);
    m.kinds
        .iter()
        .for_each(|k| add(format!("kind {}", k.id), k));
    for pl in &m.places {
        add(format!("place {}", pl.id), pl);
        pl.conditions
            .iter()
            .for_each(|c| add(format!("place {} condition", pl.id), c));
    }
    p.quiz
        .as_ref()
        .unwrap()
        .questions
        .iter()
        .for_each(|q| add(format!("question {}", q.id), q));
    out
}

#[test]
fn every_displayed_source_is_a_real_heading_or_a_labelled_default() {
    for f in overlays() {
        let p = load(&f);
        let headings = &p.policy.headings;
        assert!(
            !headings.is_empty(),
            "{f}: the document's headings are listed"
        );
        for (path, s) in every_item(&p) {
            if s.is_cited() {
                for c in s.cite.sections() {
                    assert!(
                        headings.contains(c),
                        "{f}: {path} cites {c:?}, not a heading"
                    );
                }
            } else {
                assert!(s.default, "{f}: {path} is neither cited nor a default");
            }
        }
        // The five policies name no IT support desk: no cited contact calls itself one.
        for c in &p.contacts {
            if c.source().is_cited() && !c.default_fields.iter().any(|f| f == "role") {
                assert!(
                    !c.role.swedish().contains("IT-support"),
                    "{f}: contact {} cites the policy for an IT support desk",
                    c.id
                );
            }
        }
    }
}

#[test]
fn only_vingaker_requires_an_undertaking_and_none_claims_to_be_it() {
    let vingaker = load("vingaker.toml");
    assert!(vingaker.policy.headings.iter().any(|h| h == "§7"));
    for f in overlays() {
        let p = load(&f);
        let title = p.undertaking.title.swedish().to_lowercase();
        assert!(
            !title.contains("ansvarsförbindelse"),
            "{f}: the in-app confirmation is not titled an ansvarsförbindelse: {title}"
        );
    }
    let intro = vingaker.undertaking.intro.swedish();
    assert!(
        intro.contains("ansvarsförbindelse"),
        "Vingåker says plainly how the confirmation relates to the required undertaking: {intro}"
    );
}

// ---- Resolution semantics, on a small base and overlay written here ----

const BASE: &str = r#"
format = 2
base = "9.1"

[[contacts]]
id = "manager"
default = true
role = "Din chef"
when = { sv = "När något har hänt.", en = "When something happened." }

[[contacts]]
id = "it"
default = true
role = "IT-support"
when = "När en enhet är borta."

[[aspects]]
id = "confidentiality"
default = true
name = "Konfidentialitet"
meaning = "Bara behöriga."

[[aspects]]
id = "integrity"
default = true
name = "Riktighet"
meaning = "Korrekt."

[[aspects]]
id = "availability"
default = true
name = "Tillgänglighet"
meaning = "Finns när den behövs."

[[aspects]]
id = "traceability"
default = true
name = "Spårbarhet"
meaning = "Det syns vem som gjorde vad."

[[categories]]
id = "lost_device"
default = true
tell = ["it", "manager"]
steps = [{ text = "Ring IT.", contact = "it" }]

[[categories]]
id = "other"
default = true
tell = ["manager"]
steps = [{ text = "Berätta för din chef.", contact = "manager" }]

[undertaking]
version = "1"
default = true
title = { sv = "Bekräftelse", en = "Confirmation" }
intro = "Du bekräftar att du känner till reglerna."

[[undertaking.statements]]
id = "follow"
default = true
text = "Jag följer reglerna."

[[undertaking.statements]]
id = "report"
default = true
text = "Jag rapporterar incidenter."

[training]
interval_months = 12
default = true
note = "Vaksams standard."

[classification.principle]
default = true
text = "Hantera efter klassning."

[classification.security]
default = true
contact = "manager"
text = "Fråga din chef."

[[classification.kinds]]
id = "note"
default = true
name = "Anteckning"
class = "K1 R1 T1 S1"
why = "Vardaglig."

[[classification.kinds]]
id = "journal"
default = true
name = "Journalanteckning"
sectors = ["home_care"]
class = "K3 R3 T2 S3"
why = "Hälsa."

[[classification.places]]
id = "teams"
default = true
group = "storage"
name = "Teams"
about = "För arbetsgrupper."
max = "K1 R2 T2 S1"

[[classification.places]]
id = "care_system"
default = true
group = "storage"
sector = "home_care"
name = "Verksamhetssystemet"
about = "För vården."
max = "K3 R3 T3 S3"

[quiz]
version = "1"

[[quiz.questions]]
id = "lost-phone"
default = true
scenario = "Du tappar telefonen."
explanation = "Ring IT."
options = [{ id = "a", text = "Ring IT", correct = true }, { id = "b", text = "Vänta" }, { id = "c", text = "Köp ny" }]

[[quiz.questions]]
id = "instagram"
default = true
sectors = ["school"]
scenario = "En elev vill lägga upp en bild."
explanation = "Fråga först."
options = [{ id = "a", text = "Fråga", correct = true }, { id = "b", text = "Ja" }, { id = "c", text = "Alltid" }]
"#;

const OVERLAY: &str = r#"
format = 2
version = "3"

[municipality]
kommunkod = "0428"
name = "Vingåkers kommun"

[policy]
title = "Informationssäkerhetspolicy"
headings = ["§4", "§8", "Informationshantering"]
adopted_by = { text = "Kommunfullmäktige", cite = "§4" }
version = { label = "2019-01-01", default = true }
revision = { text = "Varje år.", default = true }

[[policy.sections]]
id = "why"
cite = "§4"
title = "Varför"
text = { sv = "Information är viktig.", en = "Information matters." }

[[contacts]]
id = "manager"
cite = "§4"
default_fields = ["when"]
phone = "0151-19 100"

[[contacts]]
id = "it_chief"
cite = "§8"
role = "IT-chefen"
when = "Tekniska frågor."

[[classification.places]]
id = "teams"
cite = "Informationshantering"
max = "K2 R2 T2 S1"

[quiz]
version = "1"

[[quiz.questions]]
id = "lost-phone"
confirmed = true

[[quiz.questions]]
id = "own"
cite = "§8"
section = "why"
scenario = "Vem äger informationen?"
explanation = "Verksamheten."
options = [{ id = "a", text = "Verksamheten", correct = true }, { id = "b", text = "IT" }, { id = "c", text = "Jag" }]

[omit]
questions = ["instagram"]
"#;

fn try_resolve(base: &str, overlay: &str) -> Result<Pack, Vec<PackError>> {
    resolve::resolve(
        PackFile {
            name: "base.toml",
            text: base,
        },
        PackFile {
            name: "kommun.toml",
            text: overlay,
        },
    )
    .map(|r| r.pack)
}

fn resolved() -> Pack {
    try_resolve(BASE, OVERLAY).unwrap_or_else(|e| panic!("{}", shown(&e)))
}

/// The errors after `edit` changed the overlay (or the base, with `in_base`).
fn errors(in_base: bool, edit: impl Fn(&str) -> String) -> Vec<PackError> {
    let (base, overlay) = if in_base {
        (edit(BASE), OVERLAY.to_owned())
    } else {
        (BASE.to_owned(), edit(OVERLAY))
    };
    assert!(
        base != BASE || overlay != OVERLAY,
        "the edit must change a file"
    );
    try_resolve(&base, &overlay).expect_err("the broken pack must be refused")
}

fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).expect(needle)]
        .matches('\n')
        .count()
        + 1
}

fn has(errors: &[PackError], file: &str, line: usize, words: &str) -> bool {
    errors
        .iter()
        .any(|e| e.file == file && e.line == Some(line) && e.message.contains(words))
}

#[test]
fn overrides_additions_and_omissions_resolve_as_documented() {
    let p = resolved();
    assert_eq!(p.version, "3+9.1");
    assert_eq!(p.base.as_deref(), Some("9.1"));
    assert_eq!(p.quiz.as_ref().unwrap().version, "1+1");
    // An override keeps the base's other fields and replaces its source.
    let manager = p.contact("manager").unwrap();
    assert_eq!(manager.role.swedish(), "Din chef");
    assert_eq!(manager.phone.as_deref(), Some("0151-19 100"));
    assert!(manager.source().is_cited() && !manager.default);
    assert!(manager.source().field_is_vaksam_advice("when"));
    assert!(!manager.source().field_is_vaksam_advice("role"));
    assert_eq!(manager.tel().as_deref(), Some("015119100"));
    // An addition comes after the base's items.
    let ids: Vec<&str> = p.contacts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["manager", "it", "it_chief"]);
    // The municipality's storage rule overrides the base's level, with its citation.
    let m = p.classification.as_ref().unwrap();
    let teams = m.place("teams").unwrap();
    assert_eq!(teams.max.to_string(), "K2 R2 T2 S1");
    assert_eq!(teams.name.swedish(), "Teams");
    assert!(teams.source().is_cited());
    // Omitted, confirmed and added questions.
    let bank = p.quiz.as_ref().unwrap();
    let qs: Vec<&str> = bank.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(qs, ["lost-phone", "own"]);
    let lost = bank.question("lost-phone").unwrap();
    assert!(lost.default && lost.confirmed && !lost.source().is_vaksam_advice());
    assert!(bank.question("own").unwrap().source().is_cited());
    // Untouched base items arrive as they are, as Vaksam's advice.
    assert!(p.contact("it").unwrap().source().is_vaksam_advice());
    assert!(p.unconfirmed_defaults().contains(&"contacts.it".to_owned()));
    assert!(!p
        .unconfirmed_defaults()
        .iter()
        .any(|d| d == "quiz.questions.lost-phone"));
}

#[test]
fn a_care_system_is_offered_only_for_care_work() {
    let p = resolved();
    let m = p.classification.as_ref().unwrap();
    let care = m.place("care_system").unwrap();
    assert!(care.serves(&m.kind("journal").unwrap().sectors));
    assert!(!care.serves(&m.kind("note").unwrap().sectors));
    assert!(m.place("teams").unwrap().serves(&[]));
}

#[test]
fn errors_name_the_file_and_line_of_the_item_at_fault() {
    // In the overlay: an unknown contact on an added item.
    let e = errors(false, |t| {
        t.replacen("cite = \"§8\"\nrole", "cite = \"§9\"\nrole", 1)
    });
    let line = line_of(OVERLAY, "id = \"it_chief\"") + 1;
    assert!(
        has(
            &e,
            "kommun.toml",
            line,
            "\"§9\" is not one of policy.headings"
        ),
        "{}",
        shown(&e)
    );
    // A bad phone number in an override is reported where the overlay wrote it.
    let e = errors(false, |t| t.replacen("0151-19 100", "ring mig", 1));
    assert!(
        has(
            &e,
            "kommun.toml",
            line_of(OVERLAY, "phone ="),
            "not a phone number"
        ),
        "{}",
        shown(&e)
    );
    // In the base: a step calling a contact nobody has is reported in the base.
    let e = errors(true, |t| {
        t.replacen("contact = \"it\" }", "contact = \"helpdesk\" }", 1)
    });
    assert!(
        has(
            &e,
            "base.toml",
            line_of(BASE, "contact = \"it\" }"),
            "unknown contact \"helpdesk\""
        ),
        "{}",
        shown(&e)
    );
    // Omitting a contact the base's steps call: reported at the step, in the base.
    let e = errors(false, |t| {
        t.replacen("[omit]\n", "[omit]\ncontacts = [\"it\"]\n", 1)
    });
    assert!(
        e.iter()
            .any(|x| x.file == "base.toml" && x.message.contains("unknown contact \"it\"")),
        "{}",
        shown(&e)
    );
    // Omitting what the base does not have.
    let e = errors(false, |t| t.replacen("[\"instagram\"]", "[\"tiktok\"]", 1));
    assert!(
        has(
            &e,
            "kommun.toml",
            line_of(OVERLAY, "questions = ["),
            "no questions item \"tiktok\""
        ),
        "{}",
        shown(&e)
    );
    // A new item must be complete: the missing field is named at the item.
    let e = errors(false, |t| t.replacen("role = \"IT-chefen\"\n", "", 1));
    assert!(
        e.iter()
            .any(|x| x.file == "kommun.toml" && x.message.contains("role")),
        "{}",
        shown(&e)
    );
    // Syntax errors give the line.
    let e = errors(false, |t| {
        t.replacen("version = \"3\"", "version = = \"3\"", 1)
    });
    assert!(
        e[0].file == "kommun.toml" && e[0].line == Some(line_of(OVERLAY, "version = \"3\"")),
        "{}",
        shown(&e)
    );
    // An unknown field is refused at its line.
    let e = errors(false, |t| {
        t.replacen(
            "when = \"Tekniska frågor.\"",
            "when = \"Tekniska frågor.\"\nwhom = 1",
            1,
        )
    });
    assert!(
        e.iter()
            .any(|x| x.file == "kommun.toml" && x.message.contains("unknown field")),
        "{}",
        shown(&e)
    );
}

#[test]
fn sources_are_checked() {
    // The base cites no municipality.
    let e = errors(true, |t| {
        t.replacen(
            "id = \"it\"\ndefault = true",
            "id = \"it\"\ncite = \"§8\"",
            1,
        )
    });
    assert!(
        e.iter()
            .any(|x| x.file == "base.toml" && x.message.contains("base is Vaksam's own")),
        "{}",
        shown(&e)
    );
    // Neither source, and both.
    let e = errors(false, |t| {
        t.replacen("id = \"why\"\ncite = \"§4\"\n", "id = \"why\"\n", 1)
    });
    assert!(
        e.iter().any(|x| x.path == "policy.sections[0]"
            && x.message.contains("says nothing about its source")),
        "{}",
        shown(&e)
    );
    let e = errors(false, |t| {
        t.replacen(
            "id = \"why\"\ncite = \"§4\"\n",
            "id = \"why\"\ncite = \"§4\"\ndefault = true\n",
            1,
        )
    });
    assert!(
        e.iter()
            .any(|x| x.message.contains("both `cite` and `default = true`")),
        "{}",
        shown(&e)
    );
    // default_fields must name a field.
    let e = errors(false, |t| {
        t.replacen(
            "default_fields = [\"when\"]",
            "default_fields = [\"whom\"]",
            1,
        )
    });
    assert!(
        e.iter()
            .any(|x| x.message.contains("\"whom\" is not a field")),
        "{}",
        shown(&e)
    );
}

#[test]
fn texts_need_swedish_and_any_language_tag_is_checked() {
    let e = errors(false, |t| {
        t.replacen(
            "text = { sv = \"Information är viktig.\", en",
            "text = { en",
            1,
        )
    });
    assert!(
        e.iter().any(|x| x.message.contains("no Swedish text")),
        "{}",
        shown(&e)
    );
    let e = errors(false, |t| {
        t.replacen(
            "en = \"Information matters.\"",
            "EN = \"Information matters.\"",
            1,
        )
    });
    assert!(
        e.iter().any(|x| x.message.contains("not a language tag")),
        "{}",
        shown(&e)
    );
    // An easy-Swedish text is welcome, and falls back to Swedish where it is missing.
    let p = try_resolve(
        BASE,
        &OVERLAY.replacen(
            "en = \"Information matters.\"",
            "sv-x-lattlast = \"Information är viktig för oss.\"",
            1,
        ),
    )
    .unwrap();
    assert_eq!(
        p.policy.sections[0].text.get("sv-x-lattlast"),
        "Information är viktig för oss."
    );
    assert_eq!(
        p.policy.title.resolve("sv-x-lattlast"),
        ("sv", "Informationssäkerhetspolicy")
    );
}

#[test]
fn the_municipality_must_be_one_of_the_290() {
    let e = errors(false, |t| t.replacen("\"0428\"", "\"0429\"", 1));
    assert!(
        e.iter()
            .any(|x| x.path == "municipality.kommunkod" && x.message.contains("not the kommunkod")),
        "{}",
        shown(&e)
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

const NOW: time::OffsetDateTime = datetime!(2026-11-23 10:00 UTC);

#[test]
fn a_translation_never_asks_for_a_signature_but_swedish_does() {
    let p = resolved();
    let signed = draft(&p).sign(&p, &Lang::sv(), NOW).unwrap();
    assert!(signed.undertaking_sha256.starts_with("2:"));
    assert!(signed.validate(&p, NOW).is_ok());
    assert_eq!(signing_status(Some(&signed), &p), SigningStatus::Current);

    // English added to the undertaking and a section: nothing to sign again.
    let mut translated = p.clone();
    let u = &mut translated.undertaking;
    u.statements[0].text = u.statements[0]
        .text
        .clone()
        .with(Lang::en(), "I follow the rules.");
    let s = &mut translated.policy.sections[0];
    s.text = s
        .text
        .clone()
        .with(Lang::en(), "Information matters a lot.");
    assert_eq!(
        signing_status(Some(&signed), &translated),
        SigningStatus::Current
    );

    // Swedish changed in a section: that section is named.
    let mut edited = p.clone();
    edited.policy.sections[0].text = Text::sv("Information är mycket viktig.");
    match signing_status(Some(&signed), &edited) {
        SigningStatus::SignAgain {
            sections,
            undertaking_changed,
            ..
        } => {
            assert!(!undertaking_changed);
            assert_eq!(sections.len(), 1);
            assert_eq!(
                (sections[0].id.as_str(), sections[0].change),
                ("why", Change::Changed)
            );
        }
        other => panic!("expected SignAgain, got {other:?}"),
    }
    // Swedish changed in the confirmation.
    let mut u = p.clone();
    u.undertaking.statements[1].text = Text::sv("Jag rapporterar incidenter genast.");
    assert!(matches!(
        signing_status(Some(&signed), &u),
        SigningStatus::SignAgain {
            undertaking_changed: true,
            ..
        }
    ));
    // A signature in English is of the English text shown, falling back to Swedish.
    let en = draft(&p).sign(&p, &Lang::en(), NOW).unwrap();
    assert_ne!(en.text_sha256, signed.text_sha256);
    assert!(p.signing_text("en").contains("Information matters."));
    assert!(p.signing_text("en").contains("Jag följer reglerna."));
    assert!(en.validate(&p, NOW).is_ok());
}

fn v1_pack() -> Pack {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/pack-v1/0428.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap())
        .expect("a format-1 pack still reads")
}

#[test]
fn a_format_1_pack_still_reads_signs_and_verifies_the_format_1_way() {
    let v1 = v1_pack();
    assert_eq!(v1.format, 1);
    assert_eq!(v1.version, "2026.11.3");
    assert_eq!(v1.digest_version(), DigestVersion::V1);
    let m = v1.classification.as_ref().unwrap();
    assert!(
        m.kinds.iter().any(|k| !k.sectors.is_empty()),
        "format 1's `sector` reads as `sectors`"
    );
    // What a format-1 phone computed for this text (hash of the Swedish signing text).
    let signed = draft(&v1).sign(&v1, &Lang::sv(), NOW).unwrap();
    assert!(
        !signed.undertaking_sha256.contains(':'),
        "version-1 digests are plain hex"
    );
    assert!(signed.validate(&v1, NOW).is_ok());
    assert_eq!(signing_status(Some(&signed), &v1), SigningStatus::Current);
    // The same record as the old app wrote it (lang as a string) reads into today's types.
    let json = serde_json::to_string(&signed).unwrap();
    let back: vaksam_core::signature::SignatureRecord = serde_json::from_str(&json).unwrap();
    assert_eq!(back, signed);
    // Guidance from a format-1 pack still works.
    let report = IncidentReport {
        category: Category::LostDevice,
        occurred_at: NOW,
        discovered_at: NOW,
        place: String::new(),
        aspects: vec![],
        personal_data: PersonalData {
            involved: Answer::Yes,
            ..PersonalData::default()
        },
        harm_to_person: Answer::No,
        ongoing: Answer::Yes,
        actions_taken: String::new(),
        description: "x".into(),
    };
    assert!(!v1.guidance_for(&report).steps.is_empty());
}

#[test]
fn the_schema_file_matches_the_types() {
    let generated = vaksam_core::pack::schema_json();
    let path = packs_dir().join("pack.schema.json");
    if std::env::var_os("VAKSAM_WRITE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        generated,
        "packs/pack.schema.json is out of date: run VAKSAM_WRITE_SCHEMA=1 cargo test -p vaksam-core --test packs"
    );
}
