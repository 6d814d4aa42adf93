//! What changes between two resolved packs of one municipality, for its coordinator: most
//! often the same overlay resolved with an old and a new base (`pack diff`).
//!
//! Pure: two packs in, a [`PackDiff`] out. Items are compared by id; texts per field, the
//! Swedish apart from the translations (only Swedish asks employees to sign again); the
//! matrix by its answers, kind × place; signing by the same digests signatures use.

use super::{when_str, Pack, Text};
use crate::classification::{answer, Verdict};
use std::collections::{BTreeMap, BTreeSet};

/// Everything that differs between an old and a new pack.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackDiff {
    /// The old pack's version.
    pub from: String,
    /// The new pack's version.
    pub to: String,
    /// Swedish texts that changed, per item and field, in pack order.
    pub texts: Vec<TextChange>,
    /// Translations added, changed or removed where the Swedish stayed the same or changed.
    pub translations: Vec<TranslationChange>,
    /// Items only in the new pack.
    pub added: Vec<Item>,
    /// Items only in the old pack.
    pub removed: Vec<Item>,
    /// Kind × place answers of the matrix that differ (`None`: not answered in that pack,
    /// because the kind or place is missing or the place does not serve the kind).
    pub answers: Vec<AnswerChange>,
    /// What the change means for signatures.
    pub signing: Signing,
}

/// An item of a list, by its list and id, e.g. `contacts` / `it`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Item {
    /// The list: `sections`, `contacts`, `categories`, `situations`, `statements`, `kinds`,
    /// `places` or `questions`.
    pub list: &'static str,
    /// The item's id.
    pub id: String,
}

/// A Swedish text that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextChange {
    /// Where: the item, e.g. `contacts.it`, or a single part, e.g. `training`.
    pub item: String,
    /// The field, e.g. `when` or `steps[0]`.
    pub field: String,
    /// The old Swedish text.
    pub old: String,
    /// The new Swedish text.
    pub new: String,
}

/// How a translation changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// New in the new pack.
    Added,
    /// In both, with different text.
    Changed,
    /// Only in the old pack.
    Removed,
}

/// A translation that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslationChange {
    /// The item, as in [`TextChange`].
    pub item: String,
    /// The field.
    pub field: String,
    /// The language tag, e.g. `en`.
    pub lang: String,
    /// What happened.
    pub change: Change,
}

/// A matrix answer that differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerChange {
    /// The kind's id.
    pub kind: String,
    /// The place's id.
    pub place: String,
    /// The old answer.
    pub old: Option<Verdict>,
    /// The new answer.
    pub new: Option<Verdict>,
}

/// What the change means for signatures made against the old pack, compared the way
/// `signature::signing_status` compares (digests in the old pack's digest version).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signing {
    /// The policy's version label, old and new, if it changed.
    pub policy_version: Option<(String, String)>,
    /// The undertaking's version or text changed.
    pub undertaking: bool,
    /// Policy sections added, changed or removed, by id.
    pub sections: Vec<(String, Change)>,
}

impl Signing {
    /// Whether employees who signed the old pack must sign the new one.
    pub fn must_sign_again(&self) -> bool {
        self.policy_version.is_some() || self.undertaking || !self.sections.is_empty()
    }
}

impl PackDiff {
    /// Whether the two packs show employees the same thing.
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
            && self.translations.is_empty()
            && self.added.is_empty()
            && self.removed.is_empty()
            && self.answers.is_empty()
            && !self.signing.must_sign_again()
    }
}

/// Every text of a pack by (item, field), in pack order.
fn texts(p: &Pack) -> Vec<(String, String, &Text)> {
    let mut out = Vec::new();
    let mut put = |item: String, field: &str, t| out.push((item, field.to_owned(), t));
    let pol = &p.policy;
    put("policy".into(), "title", &pol.title);
    put("policy.adopted_by".into(), "text", &pol.adopted_by.text);
    put("policy.revision".into(), "text", &pol.revision.text);
    for s in &pol.sections {
        put(format!("sections.{}", s.id), "title", &s.title);
        put(format!("sections.{}", s.id), "text", &s.text);
    }
    for a in &p.aspects {
        let item = format!("aspects.{:?}", a.id).to_lowercase();
        put(item.clone(), "name", &a.name);
        put(item, "meaning", &a.meaning);
    }
    for c in &p.contacts {
        put(format!("contacts.{}", c.id), "role", &c.role);
        put(format!("contacts.{}", c.id), "when", &c.when);
    }
    for r in &p.categories {
        for (i, s) in r.steps.iter().enumerate() {
            put(
                format!("categories.{}", r.id.as_str()),
                &format!("steps[{i}]"),
                &s.text,
            );
        }
    }
    for s in &p.situations {
        for (i, st) in s.steps.iter().enumerate() {
            put(
                format!("situations.{}", when_str(s.when)),
                &format!("steps[{i}]"),
                &st.text,
            );
        }
    }
    let u = &p.undertaking;
    put("undertaking".into(), "title", &u.title);
    put("undertaking".into(), "intro", &u.intro);
    for s in &u.statements {
        put(format!("statements.{}", s.id), "text", &s.text);
    }
    put("training".into(), "note", &p.training.note);
    if let Some(m) = &p.classification {
        put("classification.principle".into(), "text", &m.principle.text);
        put("classification.security".into(), "text", &m.security.text);
        for k in &m.kinds {
            put(format!("kinds.{}", k.id), "name", &k.name);
            put(format!("kinds.{}", k.id), "why", &k.why);
        }
        for pl in &m.places {
            put(format!("places.{}", pl.id), "name", &pl.name);
            put(format!("places.{}", pl.id), "about", &pl.about);
            if let Some(a) = &pl.always {
                put(format!("places.{}", pl.id), "always", a);
            }
            for (i, c) in pl.conditions.iter().enumerate() {
                put(
                    format!("places.{}", pl.id),
                    &format!("conditions[{i}]"),
                    &c.text,
                );
            }
        }
    }
    if let Some(b) = &p.quiz {
        for q in &b.questions {
            put(format!("questions.{}", q.id), "scenario", &q.scenario);
            put(format!("questions.{}", q.id), "explanation", &q.explanation);
            for o in &q.options {
                put(
                    format!("questions.{}", q.id),
                    &format!("options.{}", o.id),
                    &o.text,
                );
            }
        }
    }
    out
}

/// The ids of every list of items.
fn items(p: &Pack) -> BTreeSet<Item> {
    let mut out = BTreeSet::new();
    let mut put = |list: &'static str, id: &str| {
        out.insert(Item {
            list,
            id: id.to_owned(),
        });
    };
    p.policy
        .sections
        .iter()
        .for_each(|s| put("sections", &s.id));
    p.contacts.iter().for_each(|c| put("contacts", &c.id));
    p.categories
        .iter()
        .for_each(|c| put("categories", c.id.as_str()));
    p.situations
        .iter()
        .for_each(|s| put("situations", when_str(s.when)));
    p.undertaking
        .statements
        .iter()
        .for_each(|s| put("statements", &s.id));
    if let Some(m) = &p.classification {
        m.kinds.iter().for_each(|k| put("kinds", &k.id));
        m.places.iter().for_each(|pl| put("places", &pl.id));
    }
    if let Some(b) = &p.quiz {
        b.questions.iter().for_each(|q| put("questions", &q.id));
    }
    out
}

/// Every kind × place answer of the matrix, where the place serves the kind.
fn verdicts(p: &Pack) -> BTreeMap<(String, String), Verdict> {
    let mut out = BTreeMap::new();
    if let Some(m) = &p.classification {
        for k in &m.kinds {
            for pl in m.places.iter().filter(|pl| pl.serves(&k.sectors)) {
                out.insert((k.id.clone(), pl.id.clone()), answer(&k.class, pl).verdict);
            }
        }
    }
    out
}

fn signing(old: &Pack, new: &Pack) -> Signing {
    let version = old.digest_version();
    let (before, after) = (
        old.section_digests_as(version),
        new.section_digests_as(version),
    );
    let mut sections = Vec::new();
    for d in &after {
        match before.iter().find(|b| b.id == d.id) {
            None => sections.push((d.id.clone(), Change::Added)),
            Some(b) if b.sha256 != d.sha256 => sections.push((d.id.clone(), Change::Changed)),
            Some(_) => {}
        }
    }
    for b in &before {
        if !after.iter().any(|d| d.id == b.id) {
            sections.push((b.id.clone(), Change::Removed));
        }
    }
    let (ov, nv) = (&old.policy.version.label, &new.policy.version.label);
    Signing {
        policy_version: (ov != nv).then(|| (ov.clone(), nv.clone())),
        undertaking: old.undertaking.version != new.undertaking.version
            || old.undertaking_digest_as(version) != new.undertaking_digest_as(version),
        sections,
    }
}

/// What changes from `old` to `new`.
pub fn diff(old: &Pack, new: &Pack) -> PackDiff {
    let before: BTreeMap<(String, String), &Text> = texts(old)
        .into_iter()
        .map(|(i, f, t)| ((i, f), t))
        .collect();
    let mut texts_changed = Vec::new();
    let mut translations = Vec::new();
    for (item, field, t) in texts(new) {
        let Some(o) = before.get(&(item.clone(), field.clone())) else {
            continue;
        };
        if o.swedish().trim() != t.swedish().trim() {
            texts_changed.push(TextChange {
                item: item.clone(),
                field: field.clone(),
                old: o.swedish().to_owned(),
                new: t.swedish().to_owned(),
            });
        }
        let langs: BTreeSet<&str> = o
            .languages()
            .chain(t.languages())
            .map(|(l, _)| l.as_str())
            .filter(|l| *l != "sv")
            .collect();
        for lang in langs {
            let change = match (o.has(lang), t.has(lang)) {
                (false, true) => Some(Change::Added),
                (true, false) => Some(Change::Removed),
                (true, true) if o.get(lang).trim() != t.get(lang).trim() => Some(Change::Changed),
                _ => None,
            };
            if let Some(change) = change {
                translations.push(TranslationChange {
                    item: item.clone(),
                    field: field.clone(),
                    lang: lang.to_owned(),
                    change,
                });
            }
        }
    }
    let (old_items, new_items) = (items(old), items(new));
    let (old_answers, new_answers) = (verdicts(old), verdicts(new));
    let pairs: BTreeSet<&(String, String)> = old_answers.keys().chain(new_answers.keys()).collect();
    let answers = pairs
        .into_iter()
        .filter_map(|pair| {
            let (o, n) = (
                old_answers.get(pair).copied(),
                new_answers.get(pair).copied(),
            );
            (o != n).then(|| AnswerChange {
                kind: pair.0.clone(),
                place: pair.1.clone(),
                old: o,
                new: n,
            })
        })
        .collect();
    PackDiff {
        from: old.version.clone(),
        to: new.version.clone(),
        texts: texts_changed,
        translations,
        added: new_items.difference(&old_items).cloned().collect(),
        removed: old_items.difference(&new_items).cloned().collect(),
        answers,
        signing: signing(old, new),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classification::{Class, Kind};
    use crate::pack::Lang;

    /// A small valid-looking pack, enough for comparing (diff does not check packs).
    fn pack() -> Pack {
        serde_json::from_value(serde_json::json!({
            "format": 2,
            "version": "1+1",
            "base": "1",
            "municipality": { "kommunkod": "0428", "name": "Vingåkers kommun" },
            "policy": {
                "title": { "sv": "Policy" },
                "adopted_by": { "text": { "sv": "KF" }, "cite": "§1" },
                "version": { "label": "2020-01-01", "cite": "§1" },
                "revision": { "text": { "sv": "Varje år" }, "default": true },
                "headings": ["§1"],
                "sections": [
                    { "id": "why", "title": { "sv": "Varför" }, "text": { "sv": "Därför." }, "cite": "§1" },
                    { "id": "who", "title": { "sv": "Vem" }, "text": { "sv": "Alla." }, "cite": "§1" }
                ]
            },
            "aspects": [],
            "contacts": [
                { "id": "it", "role": { "sv": "IT" }, "when": { "sv": "När något är trasigt." }, "default": true },
                { "id": "boss", "role": { "sv": "Chef" }, "when": { "sv": "Alltid." }, "default": true }
            ],
            "categories": [
                { "id": "other", "steps": [{ "text": { "sv": "Berätta." } }], "tell": ["boss"], "default": true }
            ],
            "undertaking": {
                "version": "1",
                "title": { "sv": "Bekräftelse" },
                "intro": { "sv": "Du bekräftar." },
                "statements": [{ "id": "follow", "text": { "sv": "Jag följer." }, "default": true }],
                "default": true
            },
            "training": { "interval_months": 12, "note": { "sv": "Varje år." }, "default": true },
            "classification": {
                "principle": { "text": { "sv": "Efter klass." }, "default": true },
                "security": { "text": { "sv": "Fråga." }, "contact": "boss", "default": true },
                "kinds": [
                    { "id": "note", "name": { "sv": "Anteckning" }, "class": "K1 R1 T1 S1", "why": { "sv": "Vardag." }, "default": true },
                    { "id": "journal", "name": { "sv": "Journal" }, "sectors": ["home_care"], "class": "K3 R3 T2 S3", "why": { "sv": "Hälsa." }, "default": true }
                ],
                "places": [
                    { "id": "teams", "group": "storage", "name": { "sv": "Teams" }, "about": { "sv": "Grupper." }, "max": "K2 R2 T2 S1", "default": true },
                    { "id": "care", "group": "storage", "sector": "home_care", "name": { "sv": "Vårdsystem" }, "about": { "sv": "Vården." }, "max": "K3 R3 T3 S3", "default": true }
                ]
            }
        }))
        .unwrap()
    }

    #[test]
    fn the_same_pack_has_no_differences() {
        let p = pack();
        let d = diff(&p, &p);
        assert!(d.is_empty(), "{d:?}");
        assert!(!d.signing.must_sign_again());
    }

    #[test]
    fn a_corrected_swedish_text_is_named_by_item_and_field() {
        let old = pack();
        let mut new = pack();
        new.contacts[0].when = Text::sv("När en dator är trasig.");
        new.version = "1+2".into();
        let d = diff(&old, &new);
        assert_eq!(
            d.texts,
            vec![TextChange {
                item: "contacts.it".into(),
                field: "when".into(),
                old: "När något är trasigt.".into(),
                new: "När en dator är trasig.".into(),
            }]
        );
        assert_eq!((d.from.as_str(), d.to.as_str()), ("1+1", "1+2"));
        // A contact is not signed: nobody signs again.
        assert!(!d.signing.must_sign_again());
    }

    #[test]
    fn translations_are_told_apart_from_swedish_and_never_ask_for_a_signature() {
        let old = pack();
        let mut new = pack();
        let en: Lang = "en".parse().unwrap();
        new.policy.sections[0].text = Text::sv("Därför.").with(en.clone(), "Because.");
        new.contacts[1].role = Text::sv("Chef").with(en, "Manager");
        let d = diff(&old, &new);
        assert!(d.texts.is_empty(), "{:?}", d.texts);
        assert_eq!(d.translations.len(), 2);
        assert!(d
            .translations
            .iter()
            .all(|t| t.lang == "en" && t.change == Change::Added));
        assert_eq!(d.translations[0].item, "sections.why");
        assert!(!d.signing.must_sign_again(), "{:?}", d.signing);

        // Changing the translation is a change; dropping it a removal.
        let mut newer = new.clone();
        newer.contacts[1].role = Text::sv("Chef").with("en".parse().unwrap(), "Boss");
        newer.policy.sections[0].text = Text::sv("Därför.");
        let d = diff(&new, &newer);
        let changes: Vec<_> = d
            .translations
            .iter()
            .map(|t| (t.item.as_str(), t.change))
            .collect();
        assert_eq!(
            changes,
            vec![
                ("sections.why", Change::Removed),
                ("contacts.boss", Change::Changed)
            ]
        );
    }

    #[test]
    fn a_changed_section_or_undertaking_asks_for_a_new_signature() {
        let old = pack();
        let mut new = pack();
        new.policy.sections[1].text = Text::sv("Alla anställda.");
        let d = diff(&old, &new);
        assert_eq!(
            d.signing.sections,
            vec![("who".to_owned(), Change::Changed)]
        );
        assert!(d.signing.must_sign_again());
        assert!(!d.signing.undertaking);

        let mut new = pack();
        new.undertaking.statements[0].text = Text::sv("Jag följer alltid.");
        let d = diff(&old, &new);
        assert!(d.signing.undertaking && d.signing.sections.is_empty());
        assert!(d.signing.must_sign_again());

        let mut new = pack();
        new.policy.version.label = "2021-01-01".into();
        new.policy.sections.remove(0);
        let d = diff(&old, &new);
        assert_eq!(
            d.signing.policy_version,
            Some(("2020-01-01".to_owned(), "2021-01-01".to_owned()))
        );
        assert_eq!(
            d.signing.sections,
            vec![("why".to_owned(), Change::Removed)]
        );
        assert_eq!(
            d.removed,
            vec![Item {
                list: "sections",
                id: "why".into()
            }]
        );
    }

    #[test]
    fn added_and_removed_items_and_the_answers_they_change() {
        let old = pack();
        let mut new = pack();
        let m = new.classification.as_mut().unwrap();
        m.kinds.push(Kind {
            id: "salary".into(),
            name: Text::sv("Lön"),
            synonyms: Default::default(),
            sectors: Vec::new(),
            class: "K3 R2 T2 S2".parse::<Class>().unwrap(),
            why: Text::sv("Känsligt."),
            asked_about: Vec::new(),
            cite: Default::default(),
            default: true,
            default_fields: Vec::new(),
            confirmed: false,
        });
        // Teams now takes less: the note is still fine, nothing else changes there.
        m.places[0].max = "K1 R1 T1 S1".parse().unwrap();
        new.contacts.remove(0);
        let d = diff(&old, &new);
        assert_eq!(
            d.added,
            vec![Item {
                list: "kinds",
                id: "salary".into()
            }]
        );
        assert_eq!(
            d.removed,
            vec![Item {
                list: "contacts",
                id: "it".into()
            }]
        );
        // The new kind is answered for every place that serves it (Teams only: the care
        // system serves care work), and Teams' lower limit changes no existing answer.
        assert_eq!(
            d.answers,
            vec![AnswerChange {
                kind: "salary".into(),
                place: "teams".into(),
                old: None,
                new: Some(Verdict::No),
            }]
        );

        // A lower limit that now refuses a kind is an answer that changes.
        let mut stricter = pack();
        stricter.classification.as_mut().unwrap().places[1].max = "K2 R2 T2 S2".parse().unwrap();
        let d = diff(&old, &stricter);
        assert_eq!(
            d.answers,
            vec![AnswerChange {
                kind: "journal".into(),
                place: "care".into(),
                old: Some(Verdict::Yes),
                new: Some(Verdict::No),
            }]
        );
        assert!(!d.signing.must_sign_again());
    }
}
