//! Reading pack files: Vaksam's base plus a municipality's overlay, merged by id.
//!
//! Both files are read as TOML tables, merged (overlay items override base items with the
//! same id field by field, new ids are added, `[omit]` removes), and the merged table is
//! read into a [`Pack`] and checked. Every problem is reported at the file and line of the
//! item at fault: a map from each path of the merged pack to the file and path it came
//! from, and a map from each path of a file to its line, do that.

use super::{Pack, PackError, FORMAT_VERSION};
use crate::check::Problem;
use std::collections::HashMap;
use toml::de::{DeTable, DeValue};
use toml::{Spanned, Table, Value};

/// One pack file: its name (for messages) and text.
#[derive(Debug, Clone, Copy)]
pub struct PackFile<'a> {
    /// Name used in messages, e.g. `"packs/tyreso.toml"`.
    pub name: &'a str,
    /// The TOML text.
    pub text: &'a str,
}

/// A resolved pack and the versions it was made from.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// The pack: checked, ready to publish.
    pub pack: Pack,
    /// The base's version.
    pub base_version: String,
    /// The overlay's own version.
    pub overlay_version: String,
}

/// Lists merged by a key field: (path in the pack, key field, name in `[omit]`).
const KEYED: [(&str, &str, &str); 8] = [
    ("aspects", "id", ""),
    ("contacts", "id", "contacts"),
    ("categories", "id", "categories"),
    ("situations", "when", "situations"),
    ("undertaking.statements", "id", "statements"),
    ("classification.kinds", "id", "kinds"),
    ("classification.places", "id", "places"),
    ("quiz.questions", "id", "questions"),
];

/// Tables merged field by field (any other value in an overlay replaces the base's whole).
const MERGED: [&str; 7] = [
    "",
    "undertaking",
    "training",
    "classification",
    "classification.principle",
    "classification.security",
    "quiz",
];

/// Top-level keys only a municipality's file may have.
const OVERLAY_ONLY: [&str; 4] = ["version", "municipality", "policy", "omit"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    Base,
    Overlay,
}

/// One parsed file: its table and the line of every path in it.
struct Parsed<'a> {
    file: PackFile<'a>,
    table: Table,
    lines: HashMap<String, usize>,
}

impl Parsed<'_> {
    /// The line of `path`, or of the nearest enclosing item that has one.
    fn line_of(&self, path: &str) -> Option<usize> {
        let mut p = path;
        loop {
            if let Some(l) = self.lines.get(p) {
                return Some(*l);
            }
            p = parent(p)?;
        }
    }

    fn error(&self, path: &str, message: impl Into<String>) -> PackError {
        PackError {
            file: self.file.name.to_owned(),
            line: self.line_of(path),
            path: path.to_owned(),
            message: message.into(),
        }
    }
}

/// `a.b[2].c` → `a.b[2]` → `a.b` → `a` → `` → None.
fn parent(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    let cut = path.rfind(['.', '[']).unwrap_or(0);
    Some(&path[..cut])
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_owned()
    } else {
        format!("{prefix}.{key}")
    }
}

fn line_at(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

fn parse(file: PackFile<'_>) -> Result<Parsed<'_>, PackError> {
    let located = |e: &toml::de::Error| {
        let line = e.span().map(|s| line_at(file.text, s.start));
        PackError {
            file: file.name.to_owned(),
            line,
            path: String::new(),
            message: e.message().trim().to_owned(),
        }
    };
    let doc = DeTable::parse(file.text).map_err(|e| located(&e))?;
    let table: Table = toml::from_str(file.text).map_err(|e| located(&e))?;
    let mut lines = HashMap::new();
    walk_table(file.text, "", doc.get_ref(), &mut lines);
    Ok(Parsed { file, table, lines })
}

fn walk_table(text: &str, prefix: &str, table: &DeTable<'_>, lines: &mut HashMap<String, usize>) {
    for (key, value) in table.iter() {
        let path = join(prefix, key.get_ref());
        lines
            .entry(path.clone())
            .or_insert_with(|| line_at(text, key.span().start));
        walk_value(text, &path, value, lines);
    }
}

fn walk_value(
    text: &str,
    path: &str,
    value: &Spanned<DeValue<'_>>,
    lines: &mut HashMap<String, usize>,
) {
    match value.get_ref() {
        DeValue::Table(t) => walk_table(text, path, t, lines),
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let p = format!("{path}[{i}]");
                // An array-of-tables item is spanned from its first key; its header is the
                // line before the first key only when the item has keys, so take the first
                // key's line when there is one.
                let first_key = item
                    .get_ref()
                    .as_table()
                    .and_then(|t| t.iter().map(|(k, _)| k.span().start).min());
                let at = first_key.unwrap_or(item.span().start);
                lines.insert(p.clone(), line_at(text, at));
                walk_value(text, &p, item, lines);
            }
        }
        _ => {}
    }
}

/// Where each path of the merged pack came from: a resolved prefix → (file, its path there).
#[derive(Default)]
struct Provenance(Vec<(String, Which, String)>);

impl Provenance {
    fn add(&mut self, resolved: String, which: Which, source: String) {
        self.0.push((resolved, which, source));
    }

    /// The file and source path for a resolved path: the longest recorded prefix wins.
    fn locate(&self, path: &str) -> Option<(Which, String)> {
        let mut best: Option<&(String, Which, String)> = None;
        for entry in &self.0 {
            let r = entry.0.as_str();
            let is_prefix = path == r
                || r.is_empty()
                || (path.starts_with(r)
                    && matches!(path.as_bytes().get(r.len()), Some(b'.' | b'[')));
            if is_prefix && best.is_none_or(|b| r.len() >= b.0.len()) {
                best = Some(entry);
            }
        }
        best.map(|(r, which, source)| {
            let rest = &path[r.len()..];
            let rest = if source.is_empty() {
                rest.trim_start_matches('.')
            } else {
                rest
            };
            (*which, format!("{source}{rest}"))
        })
    }
}

struct Merge<'a> {
    base: &'a Parsed<'a>,
    overlay: &'a Parsed<'a>,
    provenance: Provenance,
    errors: Vec<PackError>,
}

impl Merge<'_> {
    fn parsed(&self, which: Which) -> &Parsed<'_> {
        match which {
            Which::Base => self.base,
            Which::Overlay => self.overlay,
        }
    }

    /// Merges `over` into `base` at `path` (a table merged field by field).
    fn table(&mut self, path: &str, base: Option<&Table>, over: Option<&Table>) -> Table {
        let empty = Table::new();
        let (b, o) = (base.unwrap_or(&empty), over.unwrap_or(&empty));
        let mut base_copy = b.clone();
        if base.is_some() {
            drop_replaced_source(&mut base_copy, o);
        }
        let mut keys: Vec<&String> = base_copy.keys().collect();
        keys.extend(o.keys().filter(|k| !base_copy.contains_key(*k)));
        let mut out = Table::new();
        for k in keys {
            if path.is_empty() && k == "omit" {
                continue;
            }
            let p = join(path, k);
            let (bv, ov) = (base_copy.get(k), o.get(k));
            if let Some(&(list, key, _)) = KEYED.iter().find(|(l, _, _)| *l == p) {
                let merged = self.list(list, key, bv, ov);
                out.insert(k.clone(), merged);
                continue;
            }
            let tables = bv.is_none_or(Value::is_table) && ov.is_none_or(Value::is_table);
            if tables && MERGED.contains(&p.as_str()) {
                let merged = self.table(
                    &p,
                    bv.and_then(Value::as_table),
                    ov.and_then(Value::as_table),
                );
                out.insert(k.clone(), Value::Table(merged));
                continue;
            }
            match (bv, ov) {
                (_, Some(v)) => {
                    self.provenance.add(p.clone(), Which::Overlay, p);
                    out.insert(k.clone(), v.clone());
                }
                (Some(v), None) => {
                    self.provenance.add(p.clone(), Which::Base, p);
                    out.insert(k.clone(), v.clone());
                }
                (None, None) => {}
            }
        }
        let which = if over.is_some() {
            Which::Overlay
        } else {
            Which::Base
        };
        if !path.is_empty() {
            self.provenance.add(path.to_owned(), which, path.to_owned());
        }
        out
    }

    /// Merges a keyed list: base items in order (minus omitted), overridden field by field
    /// by overlay items with the same key, then the overlay's new items.
    fn list(&mut self, path: &str, key: &str, base: Option<&Value>, over: Option<&Value>) -> Value {
        let omit_name = KEYED
            .iter()
            .find(|(l, _, _)| *l == path)
            .map(|(_, _, o)| *o)
            .unwrap_or_default();
        let omitted = self.omitted(omit_name, base, key);
        let items = |v: Option<&Value>,
                     which: Which,
                     me: &mut Self|
         -> Vec<(usize, String, Table)> {
            let mut out = Vec::new();
            let Some(v) = v else { return out };
            let Some(array) = v.as_array() else {
                me.errors.push(
                    me.parsed(which)
                        .error(path, "must be a list of tables ([[…]])"),
                );
                return out;
            };
            let mut seen = std::collections::HashSet::new();
            for (i, item) in array.iter().enumerate() {
                let ipath = format!("{path}[{i}]");
                let Some(t) = item.as_table() else {
                    me.errors
                        .push(me.parsed(which).error(&ipath, "must be a table"));
                    continue;
                };
                let Some(id) = t.get(key).and_then(Value::as_str) else {
                    me.errors.push(me.parsed(which).error(
                        &ipath,
                        format!("has no `{key}`: every item needs one to be merged"),
                    ));
                    continue;
                };
                if !seen.insert(id.to_owned()) {
                    me.errors.push(
                        me.parsed(which)
                            .error(&format!("{ipath}.{key}"), format!("duplicate {key} {id:?}")),
                    );
                    continue;
                }
                out.push((i, id.to_owned(), t.clone()));
            }
            out
        };
        let base_items = items(base, Which::Base, self);
        let over_items = items(over, Which::Overlay, self);
        let mut out = Vec::new();
        for (bi, id, table) in &base_items {
            if omitted.contains(id) {
                continue;
            }
            let ri = out.len();
            let rpath = format!("{path}[{ri}]");
            let bpath = format!("{path}[{bi}]");
            match over_items.iter().find(|(_, oid, _)| oid == id) {
                None => {
                    self.provenance.add(rpath, Which::Base, bpath);
                    out.push(Value::Table(table.clone()));
                }
                Some((oi, _, over)) => {
                    let opath = format!("{path}[{oi}]");
                    let mut merged = table.clone();
                    for k in table.keys() {
                        self.provenance.add(
                            format!("{rpath}.{k}"),
                            Which::Base,
                            format!("{bpath}.{k}"),
                        );
                    }
                    drop_replaced_source(&mut merged, over);
                    for (k, v) in over {
                        self.provenance.add(
                            format!("{rpath}.{k}"),
                            Which::Overlay,
                            format!("{opath}.{k}"),
                        );
                        merged.insert(k.clone(), v.clone());
                    }
                    self.provenance.add(rpath, Which::Overlay, opath);
                    out.push(Value::Table(merged));
                }
            }
        }
        for (oi, id, table) in &over_items {
            if base_items.iter().any(|(_, bid, _)| bid == id) {
                if omitted.contains(id) {
                    self.errors.push(self.overlay.error(
                        &format!("{path}[{oi}]"),
                        format!("{id:?} is both omitted in [omit] and overridden here"),
                    ));
                }
                continue;
            }
            let ri = out.len();
            self.provenance.add(
                format!("{path}[{ri}]"),
                Which::Overlay,
                format!("{path}[{oi}]"),
            );
            out.push(Value::Table(table.clone()));
        }
        Value::Array(out)
    }

    /// The base ids that `[omit]` removes from a list; an id the base does not have is an
    /// error at its line in the overlay.
    fn omitted(&mut self, name: &str, base: Option<&Value>, key: &str) -> Vec<String> {
        if name.is_empty() {
            return Vec::new();
        }
        let Some(list) = self.overlay.table.get("omit").and_then(|o| o.get(name)) else {
            return Vec::new();
        };
        let known: Vec<&str> = base
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|i| i.get(key).and_then(Value::as_str))
                    .collect()
            })
            .unwrap_or_default();
        let mut out = Vec::new();
        for (i, v) in list
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let path = format!("omit.{name}[{i}]");
            match v.as_str() {
                Some(id) if known.contains(&id) => out.push(id.to_owned()),
                Some(id) => self.errors.push(
                    self.overlay
                        .error(&path, format!("the base has no {name} item {id:?} to omit")),
                ),
                None => self.errors.push(self.overlay.error(&path, "must be an id")),
            }
        }
        out
    }
}

/// An overlay that gives `cite` replaces the base's `default` and `confirmed`; one that
/// gives `default = true` replaces the base's `cite` and `default_fields`.
fn drop_replaced_source(merged: &mut Table, over: &Table) {
    if over.contains_key("cite") {
        merged.remove("default");
        merged.remove("confirmed");
    }
    if over.get("default").and_then(Value::as_bool) == Some(true) {
        merged.remove("cite");
        merged.remove("default_fields");
    }
}

/// Checks what only makes sense in one of the two files.
fn check_roles(base: &Parsed<'_>, overlay: &Parsed<'_>, errors: &mut Vec<PackError>) {
    for key in OVERLAY_ONLY {
        if base.table.contains_key(key) {
            errors.push(base.error(
                key,
                format!("`{key}` belongs in a municipality's file, not in the base"),
            ));
        }
    }
    if overlay.table.contains_key("base") {
        errors.push(overlay.error(
            "base",
            "`base` is the base's own version; a municipality's file always uses the current base",
        ));
    }
    for (p, which) in [(base, "base"), (overlay, "municipality's file")] {
        match p.table.get("format").and_then(Value::as_integer) {
            Some(f) if f == i64::from(FORMAT_VERSION) => {}
            Some(f) => errors.push(p.error(
                "format",
                format!("format {f} is not supported (this Vaksam reads format {FORMAT_VERSION})"),
            )),
            None => errors.push(p.error(
                "format",
                format!("the {which} needs `format = {FORMAT_VERSION}`"),
            )),
        }
    }
    // The base is Vaksam's: it cites no municipality and confirms nothing.
    let mut stack: Vec<(String, &Value)> = base.table.iter().map(|(k, v)| (k.clone(), v)).collect();
    while let Some((path, v)) = stack.pop() {
        match v {
            Value::Table(t) => {
                for (k, v) in t {
                    if k == "cite" || k == "confirmed" || k == "default_fields" {
                        errors.push(base.error(
                            &join(&path, k),
                            format!(
                                "the base is Vaksam's own: `{k}` belongs in a municipality's file"
                            ),
                        ));
                    }
                    stack.push((join(&path, k), v));
                }
            }
            Value::Array(a) => {
                stack.extend(
                    a.iter()
                        .enumerate()
                        .map(|(i, v)| (format!("{path}[{i}]"), v)),
                );
            }
            _ => {}
        }
    }
}

fn string_at<'t>(table: &'t Table, path: &[&str]) -> Option<&'t str> {
    let mut v = table.get(path[0])?;
    for k in &path[1..] {
        v = v.get(k)?;
    }
    v.as_str()
}

/// Resolves a municipality's `overlay` with Vaksam's `base` into one checked pack.
pub fn resolve(base: PackFile<'_>, overlay: PackFile<'_>) -> Result<Resolved, Vec<PackError>> {
    let base_parsed = parse(base).map_err(|e| vec![e])?;
    let overlay_parsed = parse(overlay).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    check_roles(&base_parsed, &overlay_parsed, &mut errors);
    let base_version = string_at(&base_parsed.table, &["base"]).map(str::to_owned);
    let overlay_version = string_at(&overlay_parsed.table, &["version"]).map(str::to_owned);
    if base_version.as_deref().is_none_or(|v| v.trim().is_empty()) {
        errors
            .push(base_parsed.error("base", "the base needs its version: `base = \"2026.12.1\"`"));
    }
    if overlay_version
        .as_deref()
        .is_none_or(|v| v.trim().is_empty())
    {
        errors.push(overlay_parsed.error(
            "version",
            "needs `version = \"…\"`, raised on every publish",
        ));
    }
    let mut merge = Merge {
        base: &base_parsed,
        overlay: &overlay_parsed,
        provenance: Provenance::default(),
        errors: Vec::new(),
    };
    let mut merged = merge.table("", Some(&base_parsed.table), Some(&overlay_parsed.table));
    errors.append(&mut merge.errors);
    let provenance = merge.provenance;
    if !errors.is_empty() {
        return Err(errors);
    }
    let (base_version, overlay_version) = (
        base_version.unwrap_or_default(),
        overlay_version.unwrap_or_default(),
    );
    merged.remove("base");
    merged.insert(
        "version".into(),
        Value::String(format!("{overlay_version}+{base_version}")),
    );
    merged.insert("base".into(), Value::String(base_version.clone()));
    let quiz_version = |t: &Table| string_at(t, &["quiz", "version"]).map(str::to_owned);
    if let (Some(q), Some(Value::Table(quiz))) = (
        match (
            quiz_version(&overlay_parsed.table),
            quiz_version(&base_parsed.table),
        ) {
            (Some(o), Some(b)) => Some(format!("{o}+{b}")),
            (o, b) => o.or(b),
        },
        merged.get_mut("quiz"),
    ) {
        quiz.insert("version".into(), Value::String(q));
    }

    let locate = |path: &str, message: String| -> PackError {
        match provenance.locate(path) {
            Some((which, source)) => {
                let parsed = match which {
                    Which::Base => &base_parsed,
                    Which::Overlay => &overlay_parsed,
                };
                PackError {
                    file: parsed.file.name.to_owned(),
                    line: parsed.line_of(&source),
                    path: path.to_owned(),
                    message,
                }
            }
            None => PackError {
                file: overlay.name.to_owned(),
                line: None,
                path: path.to_owned(),
                message,
            },
        }
    };
    let pack: Pack = serde_path_to_error::deserialize(Value::Table(merged)).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        vec![locate(&path, e.inner().message().trim().to_owned())]
    })?;
    let problems = pack.check();
    if !problems.is_empty() {
        return Err(problems
            .into_iter()
            .map(|Problem { path, message }| locate(&path, message))
            .collect());
    }
    Ok(Resolved {
        pack,
        base_version,
        overlay_version,
    })
}

/// The version a base file declares (`base = "…"`), without resolving anything.
pub fn base_version(base: PackFile<'_>) -> Result<String, PackError> {
    let parsed = parse(base)?;
    string_at(&parsed.table, &["base"])
        .map(str::to_owned)
        .ok_or_else(|| parsed.error("base", "the base needs its version: `base = \"2026.12.1\"`"))
}

/// The kommunkod an overlay declares, without resolving anything.
pub fn overlay_kommunkod(overlay: PackFile<'_>) -> Result<crate::Kommunkod, PackError> {
    let parsed = parse(overlay)?;
    let code = string_at(&parsed.table, &["municipality", "kommunkod"])
        .ok_or_else(|| parsed.error("municipality.kommunkod", "is missing"))?;
    code.parse()
        .map_err(|e: crate::municipality::ParseKommunkodError| {
            parsed.error("municipality.kommunkod", e.to_string())
        })
}

/// Reads one complete pack file (no base), checks it, and reports problems at their lines.
pub fn from_toml(file: PackFile<'_>) -> Result<Pack, Vec<PackError>> {
    let parsed = parse(file).map_err(|e| vec![e])?;
    let pack: Pack =
        serde_path_to_error::deserialize(Value::Table(parsed.table.clone())).map_err(|e| {
            let path = e.path().to_string();
            let path = if path == "." { String::new() } else { path };
            vec![parsed.error(&path, e.inner().message().trim())]
        })?;
    let problems = pack.check();
    if problems.is_empty() {
        Ok(pack)
    } else {
        Err(problems
            .into_iter()
            .map(|p| parsed.error(&p.path, p.message))
            .collect())
    }
}
