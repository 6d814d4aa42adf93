//! What `pack new`, `pack explain` and `pack diff` print for a municipality's
//! information-security coordinator. The rules are the core's (`classification::answer`,
//! `pack::diff`); this module only writes them as text.

use std::fmt::Write as _;
use vaksam_core::classification::{answer, letter, Kind, Matrix, Place, Sector, Verdict};
use vaksam_core::pack::diff::{Change, PackDiff};
use vaksam_core::pack::Pack;
use vaksam_core::source::HasSource;
use vaksam_core::{municipality, Kommunkod};

/// A starting overlay for a municipality in the official list: valid TOML in format 2 that
/// resolves with the base, with comments saying what to fill in.
pub fn new_overlay(kommunkod: &Kommunkod) -> Result<String, String> {
    let name = municipality::name_of(kommunkod).ok_or_else(|| {
        format!("{kommunkod} is not the kommunkod of one of Sweden's 290 municipalities")
    })?;
    Ok(format!(
        r#"# {name}'s pack for Vaksam: only what is the municipality's own. Everything else
# (incident categories and steps, the matrix's kinds and places, shared quiz questions,
# default contacts and the default confirmation) comes from Vaksam's base and is shown
# to employees as Vaksam's advice until you confirm it (`confirmed = true`) or replace it.
# Reference: packs/FORMAT.md; guide in Swedish: packs/GUIDE.sv.md.
# Check it:   vaksam-server pack validate <this file>
# Publish it: vaksam-server --db sqlite://vaksam.db pack publish <this file>
format = 2
# Raise on every publish, e.g. "2027.1.2".
version = "0.1.0"

[municipality]
kommunkod = "{kommunkod}"
# The name as the municipality writes it, e.g. "Vingåkers kommun" or "Stockholms stad".
name = "{name}"

[policy]
# The information-security policy's title, as the document gives it.
title = "Informationssäkerhetspolicy"
# Where employees read the whole document (https):
# url = "https://www.example.se/informationssakerhetspolicy.pdf"
# adopted = "YYYY-MM-DD"
# diarienummer = "KS 2026/123"
# The document's sections as you cite them, word for word: every `cite` must be one of
# these, e.g. ["§1", "§2"] or the document's headings.
headings = ["§1"]
# Who adopted it and when it is revised, each with its source: `cite` where the document
# says so, `default = true` where it does not.
adopted_by = {{ text = "Kommunfullmäktige", cite = "§1" }}
version = {{ label = "YYYY-MM-DD", default = true }}
revision = {{ text = "Policyn ses över vid behov.", default = true }}

# The summary employees read and sign, one section per part of the document, in your own
# words (never copied). Changing a section's Swedish text asks everyone to sign again;
# adding a translation (title.en = "…") does not. Copy this block for each section.
[[policy.sections]]
id = "purpose"
cite = "§1"
title = "Varför policyn finns"
text = "Skriv här, med egna ord och i korta meningar, vad avsnittet säger."

# Contacts with phone numbers and e-mail where the municipality gives them. Override a
# base contact by its id, e.g.:
# [[contacts]]
# id = "manager"
# cite = "§1"
# phone = "010-123 45 67"

# The matrix principle, when the policy says handling follows the classification:
# [classification.principle]
# cite = "§1"
# text = "Informationen hanteras efter hur den är klassad."

# Leave out base items that do not fit the municipality, by id:
# [omit]
# questions = ["…"]
"#
    ))
}

/// "Ja", "Nej" or "Bara om", as the app says it.
pub fn verdict_sv(v: Verdict) -> &'static str {
    match v {
        Verdict::Yes => "Ja",
        Verdict::OnlyIf => "Bara om",
        Verdict::No => "Nej",
    }
}

fn sector_sv(s: Sector) -> &'static str {
    match s {
        Sector::General => "alla",
        Sector::HomeCare => "vård och omsorg",
        Sector::School => "skolan",
    }
}

/// Where an item comes from, as a coordinator reads it.
fn source_of(item: &dyn HasSource) -> String {
    let s = item.source();
    if s.is_cited() {
        let mut out = format!("cited to {}", s.cite);
        if !s.default_fields.is_empty() {
            let fields = s.default_fields.join(", ");
            let state = if s.confirmed {
                "confirmed"
            } else {
                "not confirmed"
            };
            let _ = write!(out, "; Vaksam's default for {fields} ({state})");
        }
        out
    } else if s.confirmed {
        "Vaksam's default, confirmed by the municipality".to_owned()
    } else {
        "Vaksam's default, not confirmed (employees see it as Vaksam's advice)".to_owned()
    }
}

fn matrix(pack: &Pack) -> Result<&Matrix, String> {
    pack.classification
        .as_ref()
        .ok_or_else(|| "this pack has no classification matrix".to_owned())
}

fn ids<'a>(names: impl Iterator<Item = &'a str>) -> String {
    names.collect::<Vec<_>>().join(", ")
}

/// One answer of the matrix, with its verdict, the levels, the reason and the sources.
pub fn explain_one(pack: &Pack, kind: &str, place: &str) -> Result<String, String> {
    let m = matrix(pack)?;
    let k: &Kind = m.kind(kind).ok_or_else(|| {
        format!(
            "no kind {kind:?}; the kinds are: {}",
            ids(m.kinds.iter().map(|k| k.id.as_str()))
        )
    })?;
    let p: &Place = m.place(place).ok_or_else(|| {
        format!(
            "no place {place:?}; the places are: {}",
            ids(m.places.iter().map(|p| p.id.as_str()))
        )
    })?;
    let mut out = String::new();
    let kname = k.name.swedish();
    let pname = p.name.swedish();
    if !p.serves(&k.sectors) {
        let _ = writeln!(out, "{kname} ({}) in {pname} ({}): Nej", k.id, p.id);
        let _ = writeln!(
            out,
            "  {pname} is only for information of {}; {kname} is not, whatever its levels, so the app does not offer it.",
            sector_sv(p.sector)
        );
        let _ = writeln!(out, "  place: {}", source_of(p));
        return Ok(out);
    }
    let a = answer(&k.class, p);
    let _ = writeln!(
        out,
        "{kname} ({}) in {pname} ({}): {}",
        k.id,
        p.id,
        verdict_sv(a.verdict)
    );
    let _ = writeln!(out, "  information: {}  ({})", k.class, k.why.swedish());
    let _ = writeln!(out, "  place takes at most: {}", p.max);
    for o in &a.over {
        let l = letter(o.aspect);
        let _ = writeln!(
            out,
            "  over the limit: {l}{} where the place takes {l}{}",
            o.level.get(),
            o.max.get()
        );
    }
    match (a.verdict, a.condition) {
        (Verdict::OnlyIf, Some(c)) => {
            let _ = writeln!(out, "  only if: {} (up to {})", c.text.swedish(), c.up_to);
            let _ = writeln!(out, "  condition: {}", source_of(c));
        }
        (Verdict::No, _) if !p.conditions.is_empty() => {
            let _ = writeln!(out, "  no condition of the place covers these levels");
        }
        _ => {}
    }
    if let Some(always) = a.always {
        let _ = writeln!(out, "  always: {}", always.swedish());
    }
    let _ = writeln!(out, "  kind: {}", source_of(k));
    let _ = writeln!(out, "  place: {}", source_of(p));
    Ok(out)
}

/// The whole matrix: one row per kind, one column per place; Ja, Nej, "Bara om", or "–"
/// where the place does not serve the kind (the app does not offer it).
pub fn explain_table(pack: &Pack) -> Result<String, String> {
    let m = matrix(pack)?;
    let first = m
        .kinds
        .iter()
        .map(|k| k.id.chars().count())
        .chain(["kind \\ place".len()])
        .max()
        .unwrap_or(0);
    let widths: Vec<usize> = m
        .places
        .iter()
        .map(|p| p.id.chars().count().max("Bara om".len()))
        .collect();
    let mut out = format!("{:first$}", "kind \\ place");
    for (p, w) in m.places.iter().zip(&widths) {
        let _ = write!(out, "  {:w$}", p.id);
    }
    out = out.trim_end().to_owned();
    out.push('\n');
    for k in &m.kinds {
        let mut line = format!("{:first$}", k.id);
        for (p, w) in m.places.iter().zip(&widths) {
            let cell = if p.serves(&k.sectors) {
                verdict_sv(answer(&k.class, p).verdict)
            } else {
                "–"
            };
            let _ = write!(line, "  {cell:w$}");
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.push_str("\n–: the place is for another sector's information and is not offered.\n");
    out.push_str("One answer with its reasons and sources: pack explain <file> <kind> <place>\n");
    Ok(out)
}

fn change_word(c: Change) -> &'static str {
    match c {
        Change::Added => "added",
        Change::Changed => "changed",
        Change::Removed => "removed",
    }
}

fn verdict_or_dash(v: Option<Verdict>) -> &'static str {
    v.map_or("–", verdict_sv)
}

/// A diff as the coordinator reads it: what employees will see differently, and whether
/// they must sign again.
pub fn render_diff(d: &PackDiff) -> String {
    let mut out = format!("{} → {}\n", d.from, d.to);
    if d.is_empty() {
        out.push_str("\nNothing employees see changes.\nNo new signature needed.\n");
        return out;
    }
    if !d.texts.is_empty() {
        let _ = writeln!(out, "\nSwedish texts changed ({}):", d.texts.len());
        for t in &d.texts {
            let _ = writeln!(out, "  {} {}", t.item, t.field);
            let _ = writeln!(out, "    - {}", t.old.trim());
            let _ = writeln!(out, "    + {}", t.new.trim());
        }
    }
    if !d.translations.is_empty() {
        let _ = writeln!(out, "\nTranslations ({}):", d.translations.len());
        for t in &d.translations {
            let _ = writeln!(
                out,
                "  {} {} [{}] {}",
                t.item,
                t.field,
                t.lang,
                change_word(t.change)
            );
        }
    }
    if !d.added.is_empty() {
        let _ = writeln!(out, "\nAdded ({}):", d.added.len());
        for i in &d.added {
            let _ = writeln!(out, "  {} {}", i.list, i.id);
        }
    }
    if !d.removed.is_empty() {
        let _ = writeln!(out, "\nRemoved ({}):", d.removed.len());
        for i in &d.removed {
            let _ = writeln!(out, "  {} {}", i.list, i.id);
        }
    }
    if !d.answers.is_empty() {
        let _ = writeln!(
            out,
            "\nAnswers of the matrix that change ({}):",
            d.answers.len()
        );
        for a in &d.answers {
            let _ = writeln!(
                out,
                "  {} in {}: {} → {}",
                a.kind,
                a.place,
                verdict_or_dash(a.old),
                verdict_or_dash(a.new)
            );
        }
    }
    let s = &d.signing;
    out.push('\n');
    if s.must_sign_again() {
        out.push_str("Employees must sign again:\n");
        if let Some((old, new)) = &s.policy_version {
            let _ = writeln!(out, "  policy version {old} → {new}");
        }
        for (id, c) in &s.sections {
            let _ = writeln!(out, "  section {id} {}", change_word(*c));
        }
        if s.undertaking {
            out.push_str("  the undertaking (confirmation) changed\n");
        }
    } else {
        out.push_str("No new signature needed.\n");
    }
    out
}
