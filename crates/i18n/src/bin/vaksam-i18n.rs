//! `vaksam-i18n check <locales>`: reads every language file against the Swedish
//! reference, prints what each language has not translated yet, and fails on an error or
//! on an incomplete English.
//!
//! `vaksam-i18n build <locales> <staging>`: the trunk hook. Writes each language's catalog
//! as `i18n/<tag>-<hash>.json` into the build, and puts into its `index.html` what the page
//! needs before the wasm runs: the catalogs' names, each language's direction, and the
//! first screen's texts (the app's frame paints in the right language at once).

use std::path::Path;
use std::process::ExitCode;
use vaksam_i18n::compile::{self, Compiled};

/// Messages the page carries before any code runs: its first screen's, and the crash
/// screen's (src/crash.rs), which speaks the chosen language even when no catalog came.
const SPLASH: &[&str] = &[
    "app-starting",
    "enroll-title",
    "enroll-intro",
    "crash-title",
    "crash-text",
    "reload",
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["check", locales] => check(Path::new(locales)),
        ["build", locales, staging] => build(Path::new(locales), Path::new(staging)),
        _ => Err(vec![
            "usage: vaksam-i18n check <locales> | vaksam-i18n build <locales> <staging>".to_owned(),
        ]),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(errors) => {
            for e in errors {
                eprintln!("vaksam-i18n: {e}");
            }
            ExitCode::FAILURE
        }
    }
}

fn load(locales: &Path) -> Result<Compiled, Vec<String>> {
    let sources =
        compile::read_dir(locales).map_err(|e| vec![format!("{}: {e}", locales.display())])?;
    let compiled = compile::compile(&sources)?;
    let errors = compiled.require_complete(compile::COMPLETE);
    if errors.is_empty() {
        Ok(compiled)
    } else {
        Err(errors)
    }
}

fn check(locales: &Path) -> Result<(), Vec<String>> {
    let compiled = load(locales)?;
    println!("{} messages in sv.ftl (the reference)", compiled.keys.len());
    for language in &compiled.languages {
        let info = &language.info;
        let done = compiled.keys.len() - language.untranslated.len();
        println!(
            "{} ({}{}{}): {done} of {} translated",
            info.tag,
            info.name,
            if info.rtl { ", right to left" } else { "" },
            if info.reviewed {
                ""
            } else {
                ", not reviewed by a native speaker"
            },
            compiled.keys.len()
        );
        for id in &language.untranslated {
            println!("  untranslated: {id}");
        }
        for note in &language.dropped {
            println!("  for a reviewer: {note}");
        }
    }
    Ok(())
}

fn build(locales: &Path, staging: &Path) -> Result<(), Vec<String>> {
    let compiled = load(locales)?;
    let io = |e: std::io::Error| vec![e.to_string()];
    let dir = staging.join("i18n");
    std::fs::create_dir_all(&dir).map_err(io)?;
    let mut files = serde_json::Map::new();
    let mut splash = serde_json::Map::new();
    for language in &compiled.languages {
        let json = Compiled::json(language);
        let name = format!(
            "{}-{}.json",
            language.info.tag,
            vaksam_i18n::fnv64(json.as_bytes())
        );
        std::fs::write(dir.join(&name), &json).map_err(io)?;
        files.insert(language.info.tag.clone(), format!("/i18n/{name}").into());
        let mut texts = serde_json::Map::new();
        for id in SPLASH {
            let key = compiled
                .keys
                .iter()
                .position(|k| k.id == *id)
                .ok_or_else(|| vec![format!("sv.ftl has no {id}, which the first screen shows")])?;
            let text = language.catalog.plain(key).ok_or_else(|| {
                vec![format!(
                    "{id} must be plain text: the first screen shows it before any code runs"
                )]
            })?;
            texts.insert((*id).to_owned(), text.into());
        }
        texts.insert(
            "dir".to_owned(),
            if language.info.rtl { "rtl" } else { "ltr" }.into(),
        );
        splash.insert(language.info.tag.clone(), texts.into());
    }
    let page = serde_json::json!({ "files": files, "splash": splash, "fingerprint": compiled.fingerprint });
    let index = staging.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(io)?;
    // The placeholder is a string literal in the page's script; the minifier may have
    // changed its quotes.
    let placeholder = ["\"", "'", "`"]
        .iter()
        .map(|q| format!("{q}__VAKSAM_I18N__{q}"))
        .find(|p| html.contains(p.as_str()))
        .ok_or_else(|| vec![format!("{} has no \"__VAKSAM_I18N__\"", index.display())])?;
    // Inside <script>, a text must not be able to end the element or start an HTML
    // comment (`</script>`, `<!--`): every <, > and & is written as a JSON escape.
    let inline = page
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    std::fs::write(&index, html.replacen(&placeholder, &inline, 1)).map_err(io)?;
    println!(
        "vaksam-i18n: {} languages into {}",
        compiled.languages.len(),
        dir.display()
    );
    Ok(())
}
