//! The console's texts, one file per language in `console/<lang>.ftl` that a translator
//! can edit: a subset of Fluent (one `key = value` per line, `{ $name }` placeholders, `#`
//! comments). Swedish is the reference; a key missing in English falls back to Swedish.
//! A test checks that every key the templates and code use exists in both files.

use axum::extract::Form;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A language the console speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Svenska (the reference).
    Sv,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// The language's name in itself.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Sv => "Svenska",
            Lang::En => "English",
        }
    }

    fn parse(tag: &str) -> Option<Lang> {
        match tag {
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// The cookie that keeps the chosen language.
pub const LANG_COOKIE: &str = "vaksam-console-lang";

/// The Swedish file.
pub const SV: &str = include_str!("../../console/sv.ftl");
/// The English file.
pub const EN: &str = include_str!("../../console/en.ftl");

/// Parses a file: `key = value` lines; `#` comments and blank lines are skipped.
pub fn parse(file: &'static str) -> HashMap<&'static str, &'static str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect()
}

fn table(lang: Lang) -> &'static HashMap<&'static str, &'static str> {
    static SV_TABLE: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    static EN_TABLE: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    match lang {
        Lang::Sv => SV_TABLE.get_or_init(|| parse(SV)),
        Lang::En => EN_TABLE.get_or_init(|| parse(EN)),
    }
}

/// The text with `key` in `lang` (Swedish if the language lacks it; `⟦key⟧` if Swedish
/// does too, which a test forbids), its `{ $name }` placeholders filled from `args`.
pub fn text(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let raw = table(lang)
        .get(key)
        .or_else(|| table(Lang::Sv).get(key))
        .copied();
    let Some(raw) = raw else {
        tracing::warn!("console text {key:?} is missing");
        return format!("⟦{key}⟧");
    };
    let mut out = raw.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{ ${name} }}"), value);
    }
    out
}

/// The request's language: the cookie's choice, else the browser's first language the
/// console speaks, else Swedish.
pub fn lang_of(headers: &HeaderMap) -> Lang {
    if let Some(lang) = super::session::cookie(headers, LANG_COOKIE).and_then(|v| Lang::parse(&v)) {
        return lang;
    }
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .into_iter()
        .flat_map(|v| v.split(','))
        .filter_map(|part| part.split(';').next())
        .filter_map(|tag| tag.trim().split('-').next())
        .find_map(|primary| Lang::parse(&primary.to_ascii_lowercase()))
        .unwrap_or(Lang::Sv)
}

/// The language form.
#[derive(Debug, serde::Deserialize)]
pub struct Choice {
    lang: String,
    next: Option<String>,
}

/// `POST /admin/language`: keeps the chosen language in a cookie and goes back.
pub async fn choose(Form(choice): Form<Choice>) -> Response {
    let lang = Lang::parse(&choice.lang).unwrap_or(Lang::Sv);
    let mut response =
        Redirect::to(&super::page::safe_next(choice.next.as_deref())).into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_str(&format!(
            "{LANG_COOKIE}={}; Path=/admin; Max-Age=31536000; SameSite=Lax; Secure",
            lang.tag()
        ))
        .expect("a language tag is a valid header value"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_keys() {
        let sv = parse(SV);
        let en = parse(EN);
        let mut missing_en: Vec<_> = sv.keys().filter(|k| !en.contains_key(*k)).collect();
        let mut missing_sv: Vec<_> = en.keys().filter(|k| !sv.contains_key(*k)).collect();
        missing_en.sort();
        missing_sv.sort();
        assert!(missing_en.is_empty(), "missing in en.ftl: {missing_en:?}");
        assert!(missing_sv.is_empty(), "missing in sv.ftl: {missing_sv:?}");
    }

    #[test]
    fn every_key_used_exists() {
        let sv = parse(SV);
        let mut missing = Vec::new();
        let roots = [
            concat!(env!("CARGO_MANIFEST_DIR"), "/templates/console"),
            concat!(env!("CARGO_MANIFEST_DIR"), "/src/console"),
        ];
        for root in roots {
            for path in files(std::path::Path::new(root)) {
                let text = std::fs::read_to_string(&path).unwrap();
                for key in used_keys(&text) {
                    if !sv.contains_key(key.as_str()) {
                        missing.push(format!("{}: {key}", path.display()));
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "keys used but not in sv.ftl:\n{}",
            missing.join("\n")
        );
    }

    fn files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                out.extend(files(&path));
            } else {
                out.push(path);
            }
        }
        out
    }

    /// Keys in `t("…")`, `tf("…"` and `"error.…"`-style literals passed to error pages.
    fn used_keys(text: &str) -> Vec<String> {
        let mut keys = Vec::new();
        for (pattern, keep) in [
            ("t(\"", ""),
            ("tf(\"", ""),
            ("tf1(\"", ""),
            ("\"error.", "error."),
        ] {
            let mut rest = text;
            while let Some(at) = rest.find(pattern) {
                let after = &rest[at + pattern.len()..];
                // `ctx.t("…")`, never `put("…")` or `get("…")`.
                let whole_word = !rest[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_');
                if let Some(end) = after.find('"').filter(|end| *end > 0 && whole_word) {
                    let key = format!("{keep}{}", &after[..end]);
                    let key = key.as_str();
                    if !key.is_empty()
                        && key
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || "._".contains(c))
                    {
                        keys.push(key.to_owned());
                    }
                }
                rest = after;
            }
        }
        keys
    }

    #[test]
    fn placeholders_are_filled_and_english_falls_back() {
        assert_eq!(text(Lang::Sv, "test.hello", &[("name", "Eva")]), "Hej Eva!");
        assert_eq!(
            text(Lang::En, "test.hello", &[("name", "Eva")]),
            "Hello Eva!"
        );
        assert_eq!(text(Lang::En, "nope.nope", &[]), "⟦nope.nope⟧");
    }

    #[test]
    fn the_language_comes_from_the_cookie_then_the_browser() {
        let mut h = HeaderMap::new();
        assert_eq!(lang_of(&h), Lang::Sv);
        h.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("de-DE,en-GB;q=0.8"),
        );
        assert_eq!(lang_of(&h), Lang::En);
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("vaksam-console-lang=sv"),
        );
        assert_eq!(lang_of(&h), Lang::Sv);
    }
}
