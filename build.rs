//! Reads the translations (`locales/*.ftl`) at build time: the build fails on a mistake in
//! any file or a message missing from English, and the app gets one enum variant per
//! message of the Swedish reference without placeholders (`T::EnrollTitle` for
//! `enroll-title`) and one function per message with them, its variables as parameters
//! (`T::step_of(lang, n, total)` for `step-of`), the keys' fingerprint, and each language's name and direction. The texts themselves are not
//! compiled in: the app loads one language's catalog at start (see `src/i18n.rs`).

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let locales = manifest.join("locales");
    println!("cargo:rerun-if-changed={}", locales.display());
    let sources = vaksam_i18n::compile::read_dir(&locales).expect("read locales/");
    for s in &sources {
        println!(
            "cargo:rerun-if-changed={}",
            locales.join(format!("{}.ftl", s.lang)).display()
        );
    }
    let compiled = vaksam_i18n::compile::compile(&sources).unwrap_or_else(|errors| fail(&errors));
    let incomplete = compiled.require_complete(vaksam_i18n::compile::COMPLETE);
    if !incomplete.is_empty() {
        fail(&incomplete);
    }

    let mut code = String::new();
    // Messages without placeholders are variants of `T`; each message with placeholders is
    // a function of `T` whose parameters are its variables, so a call that leaves one out
    // or passes one more than the message has does not compile, nor does `tr()` on a
    // message with placeholders. The discriminants are the catalog's indices.
    code.push_str(
        "/// A UI text without placeholders: one variant per such message of `locales/sv.ftl`.\n",
    );
    code.push_str("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\n#[repr(u16)]\n#[allow(missing_docs)]\npub enum T {\n");
    for (index, key) in compiled.keys.iter().enumerate() {
        if key.vars.is_empty() {
            writeln!(
                code,
                "    /// `{}`\n    {} = {index},",
                key.id,
                camel(&key.id)
            )
            .unwrap();
        }
    }
    code.push_str("}\n\n#[allow(missing_docs)]\nimpl T {\n");
    for (index, key) in compiled.keys.iter().enumerate() {
        if key.vars.is_empty() {
            continue;
        }
        // In the alphabetical order of the variables' names, not the order the Swedish
        // text uses them: rewording a text must never swap a call's arguments.
        let mut vars = key.vars.clone();
        vars.sort();
        let params: Vec<String> = vars
            .iter()
            .map(|v| format!("{}: impl Into<Arg<'a>>", ident(v)))
            .collect();
        let args: Vec<String> = vars
            .iter()
            .map(|v| format!("({v:?}, {}.into())", ident(v)))
            .collect();
        writeln!(
            code,
            "    /// `{}` (its variables in alphabetical order: {})\n    pub fn {}<'a>(lang: Lang, {}) -> String {{\n        format_message(lang, {index}, &[{}])\n    }}",
            key.id,
            vars.iter().map(|v| format!("${v}")).collect::<Vec<_>>().join(", "),
            ident(&key.id),
            params.join(", "),
            args.join(", ")
        )
        .unwrap();
    }
    code.push_str("}\n\n");
    writeln!(
        code,
        "/// How many messages there are.\npub const COUNT: usize = {};",
        compiled.keys.len()
    )
    .unwrap();
    writeln!(code, "/// The keys' fingerprint: a catalog for other keys is refused.\npub const FINGERPRINT: &str = {:?};", compiled.fingerprint).unwrap();
    code.push_str("/// Each shipped language: tag, own name, right to left, reviewed by a native speaker.\npub const LANGUAGES: &[(&str, &str, bool, bool)] = &[\n");
    for l in &compiled.languages {
        writeln!(
            code,
            "    ({:?}, {:?}, {}, {}),",
            l.info.tag, l.info.name, l.info.rtl, l.info.reviewed
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    std::fs::write(out.join("i18n_keys.rs"), code).expect("write i18n_keys.rs");
    // The catalogs, for the app's own tests (the build serves them from trunk's hook).
    for l in &compiled.languages {
        std::fs::write(
            out.join(format!("{}.json", l.info.tag)),
            vaksam_i18n::compile::Compiled::json(l),
        )
        .expect("write catalog");
    }
}

fn camel(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// A Fluent id or variable as a Rust identifier (`may-i-use` → `may_i_use`).
fn ident(id: &str) -> String {
    let snake = id.replace('-', "_");
    match snake.as_str() {
        "as" | "break" | "const" | "continue" | "else" | "enum" | "false" | "fn" | "for" | "if"
        | "impl" | "in" | "let" | "loop" | "match" | "mod" | "move" | "mut" | "pub" | "ref"
        | "return" | "static" | "struct" | "trait" | "true" | "type" | "unsafe" | "use"
        | "where" | "while" | "async" | "await" | "dyn" | "gen" => format!("r#{snake}"),
        _ => snake,
    }
}

fn fail(errors: &[String]) -> ! {
    for e in errors {
        println!("cargo:warning=locales/{e}");
    }
    panic!(
        "the translations in locales/ have {} error(s):\n{}",
        errors.len(),
        errors.join("\n")
    );
}
