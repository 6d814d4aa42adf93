//! Own words: runs of words a pack shares with its source document.
//!
//! Packs summarise a municipality's policy in our words; they never copy its sentences.
//! This finds every run of at least `n` words (8 by default, the review's measure) that a
//! Swedish text of the pack shares word for word with the document, ignoring case,
//! punctuation and words hyphenated across a line break in the document.

use super::Pack;
use std::collections::HashSet;

/// The shortest shared run reported by default.
pub const DEFAULT_RUN: usize = 8;

/// A run of words a pack text shares with the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopiedRun {
    /// Where in the pack, e.g. `policy.sections.why.text`.
    pub path: String,
    /// The shared words, lowercased.
    pub words: String,
}

fn words(text: &str) -> Vec<String> {
    // "informations-\nsäkerhet" in a document is one word.
    let joined = text.replace("-\n", "").replace("-\r\n", "");
    joined
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Every Swedish text of the pack an employee reads, with its path.
fn texts(pack: &Pack) -> Vec<(String, &str)> {
    let mut out: Vec<(String, &str)> = Vec::new();
    let p = &pack.policy;
    out.push(("policy.adopted_by".into(), p.adopted_by.text.swedish()));
    out.push(("policy.revision".into(), p.revision.text.swedish()));
    for s in &p.sections {
        out.push((format!("policy.sections.{}.text", s.id), s.text.swedish()));
    }
    for a in &pack.aspects {
        out.push((format!("aspects.{:?}.meaning", a.id), a.meaning.swedish()));
    }
    for c in &pack.contacts {
        out.push((format!("contacts.{}.when", c.id), c.when.swedish()));
    }
    for r in &pack.categories {
        for (i, s) in r.steps.iter().enumerate() {
            out.push((
                format!("categories.{}.steps[{i}]", r.id.as_str()),
                s.text.swedish(),
            ));
        }
    }
    for s in &pack.situations {
        for (i, st) in s.steps.iter().enumerate() {
            out.push((
                format!("situations.{:?}.steps[{i}]", s.when),
                st.text.swedish(),
            ));
        }
    }
    let u = &pack.undertaking;
    out.push(("undertaking.intro".into(), u.intro.swedish()));
    for s in &u.statements {
        out.push((format!("undertaking.statements.{}", s.id), s.text.swedish()));
    }
    out.push(("training.note".into(), pack.training.note.swedish()));
    if let Some(m) = &pack.classification {
        out.push((
            "classification.principle".into(),
            m.principle.text.swedish(),
        ));
        out.push(("classification.security".into(), m.security.text.swedish()));
        for k in &m.kinds {
            out.push((
                format!("classification.kinds.{}.why", k.id),
                k.why.swedish(),
            ));
        }
        for pl in &m.places {
            out.push((
                format!("classification.places.{}.about", pl.id),
                pl.about.swedish(),
            ));
        }
    }
    if let Some(b) = &pack.quiz {
        for q in &b.questions {
            out.push((
                format!("quiz.questions.{}.scenario", q.id),
                q.scenario.swedish(),
            ));
            out.push((
                format!("quiz.questions.{}.explanation", q.id),
                q.explanation.swedish(),
            ));
        }
    }
    out
}

/// Every run of `n` or more words that a text of `pack` shares with `document`, longest
/// run per place (overlapping shingles merged).
pub fn copied_runs(pack: &Pack, document: &str, n: usize) -> Vec<CopiedRun> {
    let n = n.max(2);
    let doc = words(document);
    let shingles: HashSet<&[String]> = doc.windows(n).collect();
    let mut out = Vec::new();
    for (path, text) in texts(pack) {
        let w = words(text);
        let mut i = 0;
        while i + n <= w.len() {
            if shingles.contains(&w[i..i + n]) {
                let mut end = i + n;
                while end < w.len() && shingles.contains(&w[end + 1 - n..=end]) {
                    end += 1;
                }
                out.push(CopiedRun {
                    path: path.clone(),
                    words: w[i..end].join(" "),
                });
                i = end;
            } else {
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_case_punctuation_and_line_break_hyphens() {
        assert_eq!(
            words("Informations-\nsäkerhet, för ALLA!"),
            ["informationssäkerhet", "för", "alla"]
        );
    }

    #[test]
    fn a_shared_run_is_found_and_merged_and_a_short_one_is_not() {
        let pack: Pack = serde_json::from_str(
            &std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../tests/fixtures/pack-v1/0428.json"
            ))
            .unwrap(),
        )
        .unwrap();
        let section = pack.policy.sections[0].text.swedish().to_owned();
        let ten: Vec<&str> = section.split_whitespace().take(10).collect();
        let document = format!("Inledning. {} Slut.", ten.join(" "));
        let runs = copied_runs(&pack, &document, 8);
        assert_eq!(runs.len(), 1, "{runs:?}");
        assert_eq!(
            runs[0].path,
            format!("policy.sections.{}.text", pack.policy.sections[0].id)
        );
        assert_eq!(runs[0].words.split(' ').count(), 10);
        let seven: Vec<&str> = section.split_whitespace().take(7).collect();
        assert!(copied_runs(&pack, &seven.join(" "), 8).is_empty());
    }
}
