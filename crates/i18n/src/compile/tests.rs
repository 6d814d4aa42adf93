use super::*;
use crate::Arg;
use intl_pluralrules::{PluralRuleType, PluralRules};

const HEAD: &str = "-lang-name = Svenska\n-lang-dir = ltr\n-lang-reviewed = yes\n";

fn src(lang: &str, body: &str) -> Source {
    Source {
        lang: lang.to_owned(),
        text: body.to_owned(),
    }
}

fn sv(body: &str) -> Source {
    src("sv", &format!("{HEAD}{body}"))
}

fn ar(body: &str) -> Source {
    src(
        "ar",
        &format!("-lang-name = العربية\n-lang-dir = rtl\n-lang-reviewed = no\n{body}"),
    )
}

/// CLDR's rules, as the browser's Intl.PluralRules gives them to the app.
fn cldr(tag: &str) -> impl Fn(f64) -> String {
    let rules = PluralRules::create(
        tag.parse::<unic_langid::LanguageIdentifier>().unwrap(),
        PluralRuleType::CARDINAL,
    )
    .unwrap();
    move |n| format!("{:?}", rules.select(n).unwrap()).to_lowercase()
}

fn lang<'c>(c: &'c Compiled, tag: &str) -> &'c Language {
    c.languages.iter().find(|l| l.info.tag == tag).unwrap()
}

#[test]
fn plain_texts_keep_the_reference_order_and_fill_gaps_with_swedish() {
    let c = compile(&[
        sv("b = Bé\na = Á { $x }\nc = Cé\n"),
        src(
            "en",
            "-lang-name = English\n-lang-dir = ltr\n-lang-reviewed = yes\nc = See\nb = Bee\n",
        ),
    ])
    .unwrap();
    assert_eq!(
        c.keys.iter().map(|k| k.id.as_str()).collect::<Vec<_>>(),
        ["b", "a", "c"]
    );
    assert_eq!(c.keys[1].vars, ["x"]);
    let en = lang(&c, "en");
    assert_eq!(en.catalog.plain(0), Some("Bee"));
    assert_eq!(en.catalog.plain(2), Some("See"));
    assert_eq!(en.catalog.plain(1), None, "a has a placeholder");
    assert_eq!(en.untranslated, ["a"]);
    assert_eq!(
        en.catalog.format(1, &[("x", "y".into())], &cldr("en")),
        "Á y"
    );
    assert_eq!(
        c.require_complete(&["en"]),
        ["en.ftl must be complete; untranslated: a"]
    );
    assert!(c.require_complete(&["sv"]).is_empty());
}

#[test]
fn arabic_chooses_among_six_plural_forms_and_isolates_placeholders() {
    let body = "n = { $n ->\n    [zero] صفر\n    [one] واحد\n    [two] اثنان\n    [few] { $n } قليلة\n    [many] { $n } كثيرة\n   *[other] { $n } أخرى\n}\n";
    let c = compile(&[
        sv("n = { $n ->\n    [one] { $n } sak\n   *[other] { $n } saker\n}\n"),
        ar(body),
    ])
    .unwrap();
    let a = &lang(&c, "ar").catalog;
    assert!(a.rtl);
    let plural = cldr("ar");
    let say = |n: usize| a.format(0, &[("n", n.into())], &plural);
    assert_eq!(say(0), "صفر");
    assert_eq!(say(1), "واحد");
    assert_eq!(say(2), "اثنان");
    assert_eq!(say(3), "\u{2068}3\u{2069} قليلة");
    assert_eq!(say(11), "\u{2068}11\u{2069} كثيرة");
    assert_eq!(say(100), "\u{2068}100\u{2069} أخرى");
    let s = &lang(&c, "sv").catalog;
    let sv_plural = cldr("sv");
    assert_eq!(s.format(0, &[("n", 1usize.into())], &sv_plural), "1 sak");
    assert_eq!(s.format(0, &[("n", 0usize.into())], &sv_plural), "0 saker");
}

#[test]
fn an_exact_number_wins_over_the_category_and_words_select_too() {
    let c = compile(&[sv("m = { $n ->\n    [0] inga\n    [one] en\n   *[other] { $n } st\n}\nk = { $kind ->\n    [report] rapport\n   *[other] uppgift\n}\n")]).unwrap();
    let s = &lang(&c, "sv").catalog;
    let p = cldr("sv");
    assert_eq!(s.format(0, &[("n", 0usize.into())], &p), "inga");
    assert_eq!(s.format(0, &[("n", 1usize.into())], &p), "en");
    assert_eq!(s.format(0, &[("n", 7usize.into())], &p), "7 st");
    assert_eq!(s.format(1, &[("kind", "report".into())], &p), "rapport");
    assert_eq!(
        s.format(1, &[("kind", "other-thing".into())], &p),
        "uppgift"
    );
    assert_eq!(
        s.format(0, &[], &p),
        "{n} st",
        "a missing argument shows, never vanishes"
    );
    assert_eq!(s.format(1, &[("kind", Arg::Num(3))], &p), "uppgift");
}

#[test]
fn references_are_resolved_in_the_language_and_escapes_read() {
    let c = compile(&[
        sv("name = Sekretess\nfull = { name } – fel personer\nbrace = { \"{\" }x{ \"}\" } { -brand }\n-brand = Vaksam\n"),
        src("en", "-lang-name = English\n-lang-dir = ltr\n-lang-reviewed = yes\n-brand = Vaksam\nname = Confidentiality\nfull = { name } – the wrong people\n"),
    ])
    .unwrap();
    assert_eq!(
        lang(&c, "sv").catalog.plain(1),
        Some("Sekretess – fel personer")
    );
    assert_eq!(
        lang(&c, "en").catalog.plain(1),
        Some("Confidentiality – the wrong people")
    );
    assert_eq!(lang(&c, "sv").catalog.plain(2), Some("{x} Vaksam"));
    assert_eq!(
        lang(&c, "en").catalog.plain(2),
        Some("{x} Vaksam"),
        "untranslated: Swedish, with its own term"
    );
}

#[test]
fn mistakes_name_the_file_the_line_and_the_message() {
    let errors = compile(&[
        sv("a = A { $x }\nb = B\n"),
        src("en", "-lang-name = English\n-lang-dir = ltr\n-lang-reviewed = yes\n\na = A { $y }\nzz = Z\nb = { missing }\n"),
    ])
    .unwrap_err();
    assert!(
        errors.contains(
            &"en.ftl:5: a uses $y, which sv.ftl's a does not have (it has: $x)".to_owned()
        ),
        "{errors:?}"
    );
    assert!(
        errors.contains(&"en.ftl:6: message zz is not in sv.ftl".to_owned()),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e == "en.ftl: b refers to missing, which does not exist"),
        "{errors:?}"
    );

    let errors = compile(&[sv("a = { a }\nb = x\nb = y\nc = = =\n  broken {\n")]).unwrap_err();
    assert!(
        errors.iter().any(|e| e.contains("a refers to itself")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e == "sv.ftl:6: b is defined twice"),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.starts_with("sv.ftl:7:")),
        "a syntax error names its line: {errors:?}"
    );

    let errors = compile(&[src("sv", "a = A\n")]).unwrap_err();
    assert!(
        errors.iter().any(|e| e.contains("-lang-name")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("-lang-dir must be ltr or rtl")),
        "{errors:?}"
    );
    assert_eq!(
        compile(&[src("en", HEAD)]).unwrap_err(),
        ["sv.ftl, the reference, is missing"]
    );
}

#[test]
fn variables_come_along_through_references_and_a_left_out_one_is_shown() {
    let c = compile(&[
        sv("inner = { $n } st\nouter = Totalt: { inner }\nboth = { $a } och { $b }\n"),
        src(
            "en",
            "-lang-name = English\n-lang-dir = ltr\n-lang-reviewed = yes\ninner = { $n } pcs\nouter = Total: { inner }\nboth = just { $a }\n",
        ),
    ])
    .unwrap();
    assert_eq!(c.keys[1].vars, ["n"], "outer has inner's $n");
    let en = lang(&c, "en");
    assert_eq!(en.catalog.plain(1), None);
    assert_eq!(
        en.catalog.format(1, &[("n", 2usize.into())], &cldr("en")),
        "Total: 2 pcs"
    );
    assert_eq!(en.dropped, ["en.ftl:6: both leaves out $b"]);
    // A variable reached through a reference must exist in the reference's message too.
    let errors = compile(&[
        sv("inner = { $n } st\nouter = Totalt\n"),
        src("en", "-lang-name = English\n-lang-dir = ltr\n-lang-reviewed = yes\ninner = { $n } pcs\nouter = Total: { inner }\n"),
    ])
    .unwrap_err();
    assert_eq!(
        errors,
        ["en.ftl:5: outer uses $n, which sv.ftl's outer does not have (it has: none)"]
    );
}

#[test]
fn the_fingerprint_follows_keys_and_variables_not_wording() {
    let fp = |body: &str| compile(&[sv(body)]).unwrap().fingerprint;
    assert_eq!(fp("a = A { $x }\n"), fp("a = Annat { $x }\n"));
    assert_ne!(fp("a = A { $x }\n"), fp("a = A { $y }\n"));
    assert_ne!(fp("a = A\nb = B\n"), fp("b = B\na = A\n"));
}

#[test]
fn a_catalog_survives_its_json() {
    let c = compile(&[sv(
        "n = { $n ->\n    [one] { $n } sak\n   *[other] { $n } saker\n}\np = Text\n",
    )])
    .unwrap();
    let l = lang(&c, "sv");
    let back: Catalog = serde_json::from_str(&Compiled::json(l)).unwrap();
    assert_eq!(back, l.catalog);
}

/// The shipped files: Swedish and English complete, every other language valid.
#[test]
fn the_shipped_locales_compile() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    let c = compile(&read_dir(&dir).unwrap()).unwrap_or_else(|e| panic!("{}", e.join("\n")));
    assert!(c.require_complete(COMPLETE).is_empty());
    assert!(
        c.languages.iter().any(|l| l.info.rtl),
        "one right-to-left language proves the direction handling"
    );
}

#[test]
fn a_variant_no_number_or_word_can_choose_is_refused_with_its_line() {
    let reference = "n = { $n ->\n    [one] { $n } sak\n   *[other] { $n } saker\n}\nk = { $kind ->\n    [report] rapport\n   *[other] uppgift\n}\n";
    let en = |body: &str| {
        src(
            "en",
            &format!("-lang-name = English\n-lang-dir = ltr\n-lang-reviewed = yes\n{body}"),
        )
    };
    let errors = compile(&[
        sv(reference),
        en("n = { $n ->\n    [onee] { $n } thing\n   *[other] { $n } things\n}\nk = { $kind ->\n    [reprot] report\n   *[other] item\n}\n"),
    ])
    .unwrap_err();
    assert_eq!(
        errors,
        [
            "en.ftl:4: n has the variant [onee] on $n, a plural category en's numbers never take (they take: one, other)",
            "en.ftl:8: k has the variant [reprot] on $kind, which sv.ftl's message never chooses (it has: other, report)",
        ]
    );
    // Swedish numbers are never "few"; the reference is checked too.
    let errors = compile(&[sv(
        "n = { $n ->\n    [one] en\n    [few] några\n   *[other] många\n}\n",
    )])
    .unwrap_err();
    assert_eq!(
        errors,
        ["sv.ftl:4: n has the variant [few] on $n, a plural category sv's numbers never take (they take: one, other)"]
    );
    // Exact numbers, and every category Arabic has, are fine.
    compile(&[
        sv(reference),
        ar("n = { $n ->\n    [0] لا شيء\n    [zero] صفر\n    [one] واحد\n    [two] اثنان\n    [few] قليلة\n    [many] كثيرة\n   *[other] أخرى\n}\n"),
    ])
    .unwrap();
}

#[test]
fn the_plural_categories_known_here_are_cldrs_for_whole_numbers() {
    for tag in ["sv", "sv-x-lattlast", "en", "ar"] {
        let rules = cldr(if tag.starts_with("sv") { "sv" } else { tag });
        let taken: BTreeSet<String> = (0..=1000).map(|n| rules(n as f64)).collect();
        let known: BTreeSet<String> = categories_of(tag).iter().map(|c| c.to_string()).collect();
        assert_eq!(taken, known, "{tag}");
    }
}

#[test]
fn a_translation_may_choose_plural_forms_where_the_reference_only_prints_the_number() {
    let reference = "m = om { $min } min\n";
    compile(&[
        sv(reference),
        ar("m = { $min ->\n    [one] دقيقة\n    [two] دقيقتين\n   *[other] { $min } دقائق\n}\n"),
    ])
    .unwrap();
    let errors = compile(&[
        sv(reference),
        ar("m = { $min ->\n    [one] دقيقة\n    [tow] دقيقتين\n   *[other] { $min } دقائق\n}\n"),
    ])
    .unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("ar.ftl:4: m has the variant [tow] on $min"),
        "{errors:?}"
    );
}

#[test]
fn a_translation_may_choose_by_word_where_the_reference_only_prints_the_word() {
    compile(&[
        sv("k = Om { $kind }\n"),
        ar("k = { $kind ->\n    [incident] عن الحادث\n   *[other] عن { $kind }\n}\n"),
    ])
    .unwrap();
}
