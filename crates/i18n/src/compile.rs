//! Fluent files → checked catalogs. Used by the app's build script (the key enum, and the
//! build fails on an error or an incomplete required language) and by the `vaksam-i18n`
//! tool (the catalog files a build serves, and the list of untranslated keys).
//!
//! Every language file is read against `sv.ftl`, the reference:
//! - a message id the reference does not have is an error (a typo, or a removed text);
//! - a placeholder the reference's message does not have is an error (the app never
//!   passes it);
//! - a message the language lacks is untranslated: its catalog carries the Swedish text,
//!   and [`Compiled::untranslated`] lists it.
//!
//! Each file also names its language with three terms: `-lang-name` (the language in its
//! own name, for the picker), `-lang-dir` (`ltr` or `rtl`) and `-lang-reviewed` (`yes` once
//! a native speaker has reviewed the translation, else `no`). Message and term references
//! (`{ app-name }`, `{ -brand }`) are resolved here; functions are not supported.

use crate::{fnv64, Catalog, Part, Pattern, Select};
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};

/// One language file.
#[derive(Debug, Clone)]
pub struct Source {
    /// BCP 47 tag, from the file name (`sv-x-lattlast.ftl`).
    pub lang: String,
    /// The file's text.
    pub text: String,
}

/// A message of the reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    /// Fluent id (`enroll-title`).
    pub id: String,
    /// Its variables, in order of first use.
    pub vars: Vec<String>,
}

/// A language's facts from its `-lang-*` terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LangInfo {
    /// BCP 47 tag.
    pub tag: String,
    /// The language in its own name.
    pub name: String,
    /// Written right to left.
    pub rtl: bool,
    /// A native speaker has reviewed the translation.
    pub reviewed: bool,
}

/// Every language, compiled.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// The reference's messages, in file order: index = key.
    pub keys: Vec<Key>,
    /// Hash of the keys and their variables.
    pub fingerprint: String,
    /// Per language (reference first, then by tag): facts, catalog and untranslated ids.
    pub languages: Vec<Language>,
}

/// One compiled language.
#[derive(Debug, Clone)]
pub struct Language {
    /// Name, direction, review.
    pub info: LangInfo,
    /// Complete: Swedish where untranslated.
    pub catalog: Catalog,
    /// Reference ids this language has no message for.
    pub untranslated: Vec<String>,
    /// Its messages that leave out a variable of the reference's (a number or a name the
    /// reader then does not see): allowed, but `check` shows them for a reviewer.
    pub dropped: Vec<String>,
}

impl Compiled {
    /// The catalog as the app reads it (JSON).
    pub fn json(language: &Language) -> String {
        serde_json::to_string(&language.catalog).expect("a catalog serializes")
    }

    /// Errors for every required language (English) that is not complete.
    pub fn require_complete(&self, tags: &[&str]) -> Vec<String> {
        let mut errors = Vec::new();
        for tag in tags {
            match self.languages.iter().find(|l| l.info.tag == *tag) {
                None => errors.push(format!("{tag}.ftl is missing")),
                Some(l) if !l.untranslated.is_empty() => errors.push(format!(
                    "{tag}.ftl must be complete; untranslated: {}",
                    l.untranslated.join(", ")
                )),
                Some(_) => {}
            }
        }
        errors
    }
}

/// Reads the `.ftl` files of a directory (the reference is `sv.ftl`).
pub fn read_dir(dir: &std::path::Path) -> std::io::Result<Vec<Source>> {
    let mut sources = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "ftl") {
            let lang = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_owned();
            sources.push(Source {
                lang,
                text: std::fs::read_to_string(&path)?,
            });
        }
    }
    sources.sort_by(|a, b| a.lang.cmp(&b.lang));
    Ok(sources)
}

/// The reference's tag.
pub const REFERENCE: &str = "sv";

/// The languages that must have every message (the build fails otherwise).
pub const COMPLETE: &[&str] = &["sv", "en"];

/// Compiles every language; the errors name the file, the line and what is wrong.
pub fn compile(sources: &[Source]) -> Result<Compiled, Vec<String>> {
    let mut errors = Vec::new();
    let Some(reference) = sources.iter().find(|s| s.lang == REFERENCE) else {
        return Err(vec![format!("{REFERENCE}.ftl, the reference, is missing")]);
    };
    let parsed_ref = parse(reference, &mut errors);
    // A message's variables are those of its text with every reference resolved, so a
    // `{ other-message }` brings the other message's variables along.
    let keys: Vec<Key> = parsed_ref
        .order
        .iter()
        .map(|id| {
            // Mistakes are reported once, below, with the reference's own catalog.
            let mut ignored = Vec::new();
            let parts = lower(
                id,
                &parsed_ref.messages[id],
                &parsed_ref,
                &parsed_ref,
                "",
                &mut ignored,
            );
            Key {
                id: id.clone(),
                vars: part_vars(&parts),
            }
        })
        .collect();
    let fingerprint = fnv64(
        keys.iter()
            .map(|k| format!("{}({})", k.id, k.vars.join(",")))
            .collect::<Vec<_>>()
            .join(";")
            .as_bytes(),
    );
    let mut ordered: Vec<&Source> = vec![reference];
    ordered.extend(sources.iter().filter(|s| s.lang != REFERENCE));
    let mut languages = Vec::new();
    for source in ordered {
        let parsed = if source.lang == REFERENCE {
            parsed_ref.clone()
        } else {
            parse(source, &mut errors)
        };
        let file = format!("{}.ftl", source.lang);
        for id in &parsed.order {
            if !keys.iter().any(|k| &k.id == id) {
                errors.push(format!(
                    "{file}:{}: message {id} is not in {REFERENCE}.ftl",
                    parsed.lines[id]
                ));
            }
        }
        let term = |name: &str| parsed.terms.get(name).map(flat_text);
        let info = LangInfo {
            tag: source.lang.clone(),
            name: term("lang-name").unwrap_or_else(|| {
                errors.push(format!(
                    "{file}: -lang-name (the language in its own name) is missing"
                ));
                source.lang.clone()
            }),
            rtl: match term("lang-dir").as_deref() {
                Some("rtl") => true,
                Some("ltr") => false,
                other => {
                    errors.push(format!(
                        "{file}: -lang-dir must be ltr or rtl, not {other:?}"
                    ));
                    false
                }
            },
            reviewed: match term("lang-reviewed").as_deref() {
                Some("yes") => true,
                Some("no") => false,
                other => {
                    errors.push(format!(
                        "{file}: -lang-reviewed must be yes or no, not {other:?}"
                    ));
                    false
                }
            },
        };
        let mut untranslated = Vec::new();
        let mut dropped = Vec::new();
        let mut messages = Vec::new();
        for key in &keys {
            let (pattern, from) = match parsed.messages.get(&key.id) {
                Some(p) => (p, &parsed),
                None => {
                    untranslated.push(key.id.clone());
                    (&parsed_ref.messages[&key.id], &parsed_ref)
                }
            };
            let out = lower(&key.id, pattern, from, &parsed_ref, &file, &mut errors);
            if let Some(line) = parsed.lines.get(&key.id) {
                let reference_parts = if source.lang == REFERENCE {
                    out.clone()
                } else {
                    let mut ignored = Vec::new();
                    let own = &parsed_ref.messages[&key.id];
                    lower(&key.id, own, &parsed_ref, &parsed_ref, "", &mut ignored)
                };
                for what in variant_mistakes(&source.lang, &out, &reference_parts) {
                    errors.push(format!("{file}:{line}: {} {what}", key.id));
                }
            }
            if let Some(line) = parsed
                .lines
                .get(&key.id)
                .filter(|_| source.lang != REFERENCE)
            {
                let own = part_vars(&out);
                for var in own.iter().filter(|v| !key.vars.contains(v)) {
                    errors.push(format!(
                        "{file}:{line}: {} uses ${var}, which {REFERENCE}.ftl's {} does not have (it has: {})",
                        key.id,
                        key.id,
                        if key.vars.is_empty() { "none".to_owned() } else { key.vars.iter().map(|v| format!("${v}")).collect::<Vec<_>>().join(", ") }
                    ));
                }
                for var in key.vars.iter().filter(|v| !own.contains(v)) {
                    dropped.push(format!("{file}:{line}: {} leaves out ${var}", key.id));
                }
            }
            messages.push(out);
        }
        languages.push(Language {
            catalog: Catalog {
                lang: source.lang.clone(),
                fingerprint: fingerprint.clone(),
                rtl: info.rtl,
                messages,
            },
            info,
            untranslated,
            dropped,
        });
    }
    if errors.is_empty() {
        Ok(Compiled {
            keys,
            fingerprint,
            languages,
        })
    } else {
        Err(errors)
    }
}

/// A file's messages and terms, as parsed.
#[derive(Debug, Clone, Default)]
struct Parsed {
    order: Vec<String>,
    messages: BTreeMap<String, ast::Pattern<String>>,
    terms: BTreeMap<String, ast::Pattern<String>>,
    lines: BTreeMap<String, usize>,
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

fn parse(source: &Source, errors: &mut Vec<String>) -> Parsed {
    let file = format!("{}.ftl", source.lang);
    let resource = match fluent_syntax::parser::parse(source.text.clone()) {
        Ok(r) => r,
        Err((r, errs)) => {
            for e in errs {
                errors.push(format!(
                    "{file}:{}: {:?}",
                    line_of(&source.text, e.pos.start),
                    e.kind
                ));
            }
            r
        }
    };
    let mut parsed = Parsed::default();
    // Ids in file order, with their lines (the parser keeps no positions in the AST).
    let mut lines: BTreeMap<String, std::collections::VecDeque<usize>> = BTreeMap::new();
    for (n, line) in source.text.lines().enumerate() {
        if let Some((id, _)) = line.split_once('=') {
            let id = id.trim();
            if !id.is_empty() && !line.starts_with([' ', '#']) {
                lines.entry(id.to_owned()).or_default().push_back(n + 1);
            }
        }
    }
    let mut line_for = |id: &str| lines.get_mut(id).and_then(|l| l.pop_front()).unwrap_or(0);
    for entry in resource.body {
        match entry {
            ast::Entry::Message(m) => {
                let id = m.id.name.clone();
                let line = line_for(&id);
                if !m.attributes.is_empty() {
                    errors.push(format!(
                        "{file}:{line}: {id} has attributes; Vaksam's messages have none"
                    ));
                }
                let Some(value) = m.value else {
                    errors.push(format!("{file}:{line}: {id} has no text"));
                    continue;
                };
                if parsed.messages.insert(id.clone(), value).is_some() {
                    errors.push(format!("{file}:{line}: {id} is defined twice"));
                } else {
                    parsed.order.push(id.clone());
                    parsed.lines.insert(id, line);
                }
            }
            ast::Entry::Term(t) => {
                let line = line_for(&format!("-{}", t.id.name));
                if parsed.terms.insert(t.id.name.clone(), t.value).is_some() {
                    errors.push(format!("{file}:{line}: -{} is defined twice", t.id.name));
                }
            }
            ast::Entry::Junk { content } => {
                let at = source.text.find(content.as_str()).unwrap_or(0);
                errors.push(format!(
                    "{file}:{}: cannot read {:?}",
                    line_of(&source.text, at),
                    content.lines().next().unwrap_or_default()
                ));
            }
            _ => {}
        }
    }
    parsed
}

/// A term's value as plain text (the `-lang-*` facts).
fn flat_text(pattern: &ast::Pattern<String>) -> String {
    pattern
        .elements
        .iter()
        .map(|e| match e {
            ast::PatternElement::TextElement { value } => value.clone(),
            _ => String::new(),
        })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// CLDR's names for the plural categories of numbers.
const CATEGORIES: &[&str] = &["zero", "one", "two", "few", "many", "other"];

/// The plural categories a language's cardinal numbers take (CLDR), for the languages
/// Vaksam ships; any category for another.
fn categories_of(tag: &str) -> &'static [&'static str] {
    match tag.split('-').next().unwrap_or_default() {
        "sv" | "en" => &["one", "other"],
        "ar" => CATEGORIES,
        _ => CATEGORIES,
    }
}

/// Every selection in resolved parts: its variable and its keys.
fn selections(parts: &[Part], out: &mut Vec<(String, Vec<String>)>) {
    for part in parts {
        if let Part::Select(select) = part {
            out.push((
                select.var.clone(),
                select.variants.iter().map(|(k, _)| k.clone()).collect(),
            ));
            for (_, p) in &select.variants {
                selections(p, out);
            }
        }
    }
}

/// Variant keys that can never be chosen, so their text would never be shown: in a
/// selection on a number (the reference's keys are all numbers or plural categories, or
/// the reference prints the variable and some of the translation's keys are), a category
/// the language's numbers do not take (`[onee]`, or `[few]` in Swedish); in a selection
/// on a word, a word the reference's message does not choose between.
fn variant_mistakes(tag: &str, parts: &[Part], reference: &[Part]) -> Vec<String> {
    let mut chosen_by_reference: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut reference_selections = Vec::new();
    selections(reference, &mut reference_selections);
    for (var, keys) in reference_selections {
        chosen_by_reference.entry(var).or_default().extend(keys);
    }
    // The app's numbers are whole (`Arg::Num`): a key such as [1.5] never matches one.
    let is_number = |key: &str| key.parse::<i64>().is_ok();
    let mut own = Vec::new();
    selections(parts, &mut own);
    let mut mistakes = Vec::new();
    for (var, keys) in own {
        let reference_keys = chosen_by_reference.get(&var).cloned().unwrap_or_default();
        let numeric = |k: &String| is_number(k) || CATEGORIES.contains(&k.as_str());
        // Where the reference only prints the variable (Swedish needs no plural where
        // Arabic does), the translation's own keys tell.
        // (`other` alone says nothing: a selection on words needs a default too.)
        let plural = if reference_keys.is_empty() {
            keys.iter().filter(|k| *k != "other").any(numeric)
        } else {
            reference_keys.iter().all(numeric)
        };
        for key in keys.iter().filter(|k| !is_number(k)) {
            if plural && !categories_of(tag).contains(&key.as_str()) {
                mistakes.push(format!(
                    "has the variant [{key}] on ${var}, a plural category {tag}'s numbers never take (they take: {})",
                    categories_of(tag).join(", ")
                ));
            } else if !plural && !reference_keys.is_empty() && !reference_keys.contains(key) {
                mistakes.push(format!(
                    "has the variant [{key}] on ${var}, which {REFERENCE}.ftl's message never chooses (it has: {})",
                    reference_keys.iter().cloned().collect::<Vec<_>>().join(", ")
                ));
            }
        }
    }
    mistakes
}

/// Variables of resolved parts, in order of first use (selectors included).
fn part_vars(parts: &[Part]) -> Vec<String> {
    fn walk(parts: &[Part], out: &mut Vec<String>) {
        for part in parts {
            match part {
                Part::Text(_) => {}
                Part::Var(v) if !out.contains(v) => out.push(v.clone()),
                Part::Var(_) => {}
                Part::Select(select) => {
                    if !out.contains(&select.var) {
                        out.push(select.var.clone());
                    }
                    for (_, p) in &select.variants {
                        walk(p, out);
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(parts, &mut out);
    out
}

/// Lowers message `id`'s Fluent pattern to catalog parts, resolving references (in the
/// file it comes from, then in the reference for a message the language lacks); mistakes
/// are reported against `name` (the file).
fn lower(
    id: &str,
    pattern: &ast::Pattern<String>,
    file: &Parsed,
    reference: &Parsed,
    name: &str,
    errors: &mut Vec<String>,
) -> Pattern {
    let mut lowering = Lowering {
        reference,
        name,
        errors,
        seen: vec![id.to_owned()],
    };
    let mut out = Vec::new();
    lowering.pattern(pattern, file, &mut out);
    merge_text(out)
}

/// One message's lowering: what stays the same through its references.
struct Lowering<'a> {
    reference: &'a Parsed,
    name: &'a str,
    errors: &'a mut Vec<String>,
    /// The message, then the messages it refers to, to find a loop.
    seen: Vec<String>,
}

impl Lowering<'_> {
    fn error(&mut self, what: String) {
        let at = &self.seen[0];
        self.errors.push(format!("{}: {at} {what}", self.name));
    }

    fn pattern(&mut self, pattern: &ast::Pattern<String>, file: &Parsed, out: &mut Pattern) {
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => out.push(Part::Text(value.clone())),
                ast::PatternElement::Placeable { expression } => {
                    self.expression(expression, file, out)
                }
            }
        }
    }

    fn expression(
        &mut self,
        expression: &ast::Expression<String>,
        file: &Parsed,
        out: &mut Pattern,
    ) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                let ast::InlineExpression::VariableReference { id } = selector else {
                    self.error("selects on something other than a variable".to_owned());
                    return;
                };
                let mut select = Select {
                    var: id.name.clone(),
                    variants: Vec::new(),
                    default: 0,
                };
                let mut keys = BTreeSet::new();
                for (i, v) in variants.iter().enumerate() {
                    let key = match &v.key {
                        ast::VariantKey::Identifier { name } => name.clone(),
                        ast::VariantKey::NumberLiteral { value } => value.clone(),
                    };
                    if !keys.insert(key.clone()) {
                        self.error(format!("has the variant [{key}] twice"));
                    }
                    if v.default {
                        select.default = i;
                    }
                    let mut parts = Vec::new();
                    self.pattern(&v.value, file, &mut parts);
                    select.variants.push((key, merge_text(parts)));
                }
                out.push(Part::Select(select));
            }
            ast::Expression::Inline(inline) => match inline {
                ast::InlineExpression::StringLiteral { value } => out.push(Part::Text(unescape(value))),
                ast::InlineExpression::NumberLiteral { value } => out.push(Part::Text(value.clone())),
                ast::InlineExpression::VariableReference { id } => out.push(Part::Var(id.name.clone())),
                ast::InlineExpression::Placeable { expression } => self.expression(expression, file, out),
                ast::InlineExpression::MessageReference { id, attribute: None } => {
                    let target = id.name.clone();
                    if self.seen.contains(&target) {
                        self.error(format!("refers to itself through {target}"));
                        return;
                    }
                    let reference = self.reference;
                    let Some((pattern, from)) = file
                        .messages
                        .get(&target)
                        .map(|p| (p, file))
                        .or_else(|| reference.messages.get(&target).map(|p| (p, reference)))
                    else {
                        self.error(format!("refers to {target}, which does not exist"));
                        return;
                    };
                    self.seen.push(target);
                    self.pattern(pattern, from, out);
                    self.seen.pop();
                }
                ast::InlineExpression::TermReference { id, attribute: None, arguments: None } => {
                    match file.terms.get(&id.name) {
                        Some(p) => self.pattern(p, file, out),
                        None => self.error(format!("refers to -{}, which does not exist", id.name)),
                    }
                }
                _ => self.error(
                    "uses a function, an attribute or a parameterised term; Vaksam supports text, $variables, selections and references".to_owned(),
                ),
            },
        }
    }
}

/// `{ "{" }` and friends: Fluent's escapes in string literals.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                out.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
            }
            Some('U') => {
                let hex: String = chars.by_ref().take(6).collect();
                out.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// Joins adjacent texts, so a message without placeholders is one text.
fn merge_text(parts: Pattern) -> Pattern {
    let mut out: Pattern = Vec::new();
    for part in parts {
        match (out.last_mut(), part) {
            (Some(Part::Text(prev)), Part::Text(t)) => prev.push_str(&t),
            (_, Part::Text(t)) if t.is_empty() => {}
            (_, p) => out.push(p),
        }
    }
    out
}

#[cfg(test)]
mod tests;
