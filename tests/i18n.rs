//! The translation runtime in headless Chromium: catalogs as the build makes them, plural
//! forms from the browser's own CLDR rules, direction isolation, refusals.
#![cfg(target_arch = "wasm32")]

use vaksam::i18n::{self, Lang, T};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SV: &str = include_str!(concat!(env!("OUT_DIR"), "/sv.json"));
const SV_EASY: &str = include_str!(concat!(env!("OUT_DIR"), "/sv-x-lattlast.json"));
const EN: &str = include_str!(concat!(env!("OUT_DIR"), "/en.json"));
const AR: &str = include_str!(concat!(env!("OUT_DIR"), "/ar.json"));

fn install_all() {
    for (lang, json) in [
        (Lang::Sv, SV),
        (Lang::SvEasy, SV_EASY),
        (Lang::En, EN),
        (Lang::Ar, AR),
    ] {
        i18n::install(lang, json).unwrap();
    }
}

#[wasm_bindgen_test]
fn every_shipped_language_has_its_catalog_and_facts() {
    install_all();
    for lang in Lang::ALL {
        assert!(i18n::is_loaded(lang), "{lang:?}");
        assert!(!T::EnrollTitle.in_(lang).is_empty(), "{lang:?}");
        assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
    }
    assert_eq!(T::EnrollTitle.in_(Lang::Sv), "Kom igång");
    assert_eq!(T::EnrollTitle.in_(Lang::En), "Get started");
    assert_eq!(Lang::Ar.own_name(), "العربية");
    assert_eq!(Lang::SvEasy.own_name(), "Lättläst svenska");
    assert!(Lang::Ar.rtl() && !Lang::Sv.rtl());
    assert!(!Lang::Ar.reviewed() && Lang::Sv.reviewed() && Lang::En.reviewed());
    // Every language the build found in locales/ is one the app knows, and back.
    let built: Vec<&str> = i18n::LANGUAGES.iter().map(|l| l.0).collect();
    let mut known: Vec<&str> = Lang::ALL.iter().map(|l| l.tag()).collect();
    let mut sorted = built.clone();
    sorted.sort();
    known.sort();
    assert_eq!(
        sorted, known,
        "locales/*.ftl and i18n::Lang must name the same languages"
    );
    // What an older version stored still reads.
    assert_eq!(Lang::from_tag("Sv"), Some(Lang::Sv));
    assert_eq!(Lang::from_tag("En"), Some(Lang::En));
}

#[wasm_bindgen_test]
fn numbers_choose_their_form_by_the_browsers_plural_rules() {
    install_all();
    assert_eq!(
        i18n::waiting(Lang::Sv, 1, true, true),
        "1 rapport väntar på nätverk"
    );
    assert_eq!(
        i18n::waiting(Lang::Sv, 2, true, true),
        "2 rapporter väntar på nätverk"
    );
    assert_eq!(
        i18n::waiting(Lang::En, 1, false, false),
        "1 saved item is waiting to be sent"
    );
    assert_eq!(T::hits(Lang::En, 0), "0 results");
    // Arabic has six forms: 0, 1, 2, 3–10, 11–99 and 100 each read differently.
    let forms: Vec<String> = [0, 1, 2, 3, 11, 100]
        .into_iter()
        .map(|n| i18n::waiting(Lang::Ar, n, true, true))
        .collect();
    for (i, a) in forms.iter().enumerate() {
        for b in &forms[i + 1..] {
            assert_ne!(a, b, "{forms:?}");
        }
    }
    // A number inside Arabic text keeps its own direction.
    assert!(forms[3].contains("\u{2068}3\u{2069}"), "{}", forms[3]);
    assert!(!i18n::waiting(Lang::Sv, 3, true, true).contains('\u{2068}'));
}

#[wasm_bindgen_test]
fn a_catalog_for_another_build_or_language_is_refused() {
    let other = SV.replacen("\"fingerprint\":\"", "\"fingerprint\":\"0", 1);
    assert!(i18n::install(Lang::Sv, &other)
        .unwrap_err()
        .contains("another version"));
    assert!(i18n::install(Lang::En, SV)
        .unwrap_err()
        .contains("holds sv"));
    assert!(i18n::install(Lang::Sv, "{").is_err());
}

#[wasm_bindgen_test]
fn a_messages_arguments_come_in_the_alphabetical_order_of_its_variables() {
    install_all();
    // sv.ftl uses $u before $p; the function takes $p first, so rewording never swaps them.
    assert_eq!(
        T::signed_what(Lang::Sv, "policyn", "ansvarsförbindelsen"),
        "Du skrev under ansvarsförbindelsen för policyn."
    );
}
