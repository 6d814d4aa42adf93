//! Finding kinds of information and places as the user types, forgiving what people type on
//! a phone in a hurry: typos, å/ä/ö written as a/o, inflected forms ("brukaren"), compounds
//! ("lista" in "läkemedelslista") and other words for the same thing (the pack's synonyms).
//!
//! [`Index::new`] prepares every name and synonym once per pack; [`Index::search`] then only
//! compares short words, so a keystroke costs well under a millisecond (BENCHMARKS.md).

use crate::classification::Matrix;
use crate::text::{Text, Words};

/// What a hit points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// `matrix.kinds[i]`.
    Kind(usize),
    /// `matrix.places[i]`.
    Place(usize),
    /// The säkerhetsskydd advice.
    Security,
}

/// One result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// What was found.
    pub target: Target,
    /// 0–1; higher is better.
    pub score: f32,
}

/// A word prepared for comparing: folded (lower case, å/ä→a, ö→o) and stemmed.
#[derive(Debug, Clone, PartialEq)]
struct Word {
    folded: Vec<char>,
    stem: Vec<char>,
}

#[derive(Debug, Clone, PartialEq)]
struct Phrase {
    words: Vec<Word>,
    /// Names count a little more than synonyms; the other language a little less.
    weight: f32,
}

#[derive(Debug, Clone, PartialEq)]
struct Entry {
    target: Target,
    phrases: Vec<Phrase>,
}

/// The prepared search index of one matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct Index {
    entries: Vec<Entry>,
}

/// Lowest score shown.
const THRESHOLD: f32 = 0.5;

/// A score this high is the very thing asked for ("läkemedelslista" typed in full)…
const CLEAR: f32 = 0.95;
/// …and then hits this far below it are only echoes ("körlista" for its "-lista") and are
/// left out.
const ECHO: f32 = 0.3;

/// Words that carry no meaning in a query ("Kan jag använda Teams?"), in both languages,
/// already folded.
const STOP: &[&str] = &[
    "pa", "av", "i", "om", "med", "till", "och", "en", "ett", "det", "den", "de", "for", "som",
    "att", "jag", "kan", "far", "man", "min", "mitt", "mina", "ar", "vara", "anvanda", "spara",
    "skicka", "lagra", "hur", "vad", "var", "vart", "eller", "the", "a", "an", "of", "on", "in",
    "to", "can", "my", "use", "store", "send", "where", "may", "and", "or", "is", "it", "with",
    "about",
];

/// Swedish endings, longest first, stripped when at least three letters remain.
const ENDINGS: &[&str] = &[
    "arnas", "ernas", "ornas", "arna", "erna", "orna", "heten", "ande", "ende", "ens", "ets",
    "ars", "ers", "ors", "het", "en", "et", "ar", "er", "or", "an", "na", "as", "es", "a", "e",
    "n", "s",
];

pub use crate::text::fold;

fn stem(word: &str) -> String {
    let chars = word.chars().count();
    for ending in ENDINGS {
        if word.ends_with(ending) && chars - ending.len() >= 3 {
            let mut s = word[..word.len() - ending.len()].to_owned();
            // "programmet" → "programm" → "program".
            let mut tail = s.chars().rev();
            if let (Some(a), Some(b)) = (tail.next(), tail.next()) {
                if a == b && !"aeiouy".contains(a) {
                    s.pop();
                }
            }
            return s;
        }
    }
    word.to_owned()
}

fn words(text: &str) -> Vec<Word> {
    fold(text)
        .split_whitespace()
        .filter(|w| !STOP.contains(w))
        .map(|w| Word {
            folded: w.chars().collect(),
            stem: stem(w).chars().collect(),
        })
        .collect()
}

/// Edit distance with adjacent swaps (optimal string alignment), giving up above `limit`.
fn distance(a: &[char], b: &[char], limit: usize) -> usize {
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let width = b.len() + 1;
    let mut rows = vec![0usize; 3 * width];
    let (mut prev2, mut prev, mut cur) = (0, width, 2 * width);
    for (j, cell) in rows[prev..prev + width].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[cur] = i;
        let mut best = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[prev + j] + 1)
                .min(rows[cur + j - 1] + 1)
                .min(rows[prev + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[prev2 + j - 2] + 1);
            }
            rows[cur + j] = d;
            best = best.min(d);
        }
        if best > limit {
            return limit + 1;
        }
        (prev2, prev, cur) = (prev, cur, prev2);
    }
    rows[prev + b.len()]
}

/// Typos allowed in a word of this length.
fn allowed(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

fn contains(hay: &[char], needle: &[char]) -> bool {
    needle.len() <= hay.len() && hay.windows(needle.len()).any(|w| w == needle)
}

/// How well query word `q` matches phrase word `p`, 0–1. `last` is the word being typed, so
/// a prefix of it counts almost fully.
fn word_score(q: &Word, p: &Word, last: bool) -> f32 {
    if q.folded == p.folded {
        return 1.0;
    }
    if q.stem == p.stem {
        return 0.95;
    }
    let mut best: f32 = 0.0;
    if q.folded.len() >= 2 && p.folded.starts_with(&q.folded) {
        let cover = q.folded.len() as f32 / p.folded.len() as f32;
        best = best.max(if last { 0.8 } else { 0.6 } + 0.15 * cover);
    }
    // Compounds: "lista" in "lakemedelslista", "schema" in "arbetsschema".
    if q.stem.len() >= 4 && contains(&p.folded, &q.stem) {
        best = best.max(0.7);
    }
    if p.stem.len() >= 4 && contains(&q.folded, &p.stem) {
        best = best.max(0.65);
    }
    let limit = allowed(q.stem.len().min(p.stem.len()));
    if limit > 0 && best < 0.8 {
        let d = distance(&q.stem, &p.stem, limit);
        if d <= limit {
            best = best.max(0.85 - 0.1 * d as f32);
        }
        // A typo in the word being typed: compare with the start of the phrase word.
        if last && q.folded.len() >= 4 && p.folded.len() > q.folded.len() {
            let d = distance(&q.folded, &p.folded[..q.folded.len()], 1);
            if d <= 1 {
                best = best.max(0.65);
            }
        }
    }
    best
}

fn phrase_score(query: &[Word], phrase: &Phrase) -> f32 {
    if phrase.words.is_empty() {
        return 0.0;
    }
    let mut used = vec![false; phrase.words.len()];
    let mut total = 0.0;
    for (i, q) in query.iter().enumerate() {
        let last = i + 1 == query.len();
        let (best, at) = phrase
            .words
            .iter()
            .enumerate()
            .map(|(j, p)| (word_score(q, p, last), j))
            .fold(
                (0.0f32, None),
                |acc, (s, j)| {
                    if s > acc.0 {
                        (s, Some(j))
                    } else {
                        acc
                    }
                },
            );
        if let Some(j) = at {
            used[j] = true;
        }
        total += best;
    }
    let matched = total / query.len() as f32;
    // A phrase whose every word was asked for beats a longer one that merely contains them.
    let coverage = used.iter().filter(|u| **u).count() as f32 / used.len() as f32;
    matched * (0.85 + 0.15 * coverage) * phrase.weight
}

impl Index {
    /// Prepares `matrix` for searching; `lang` ("sv" or "en") is the language shown, whose
    /// words weigh a little more.
    pub fn new(matrix: &Matrix, lang: &str) -> Index {
        // The language shown weighs most, then Swedish, then every other language.
        let rank = |l: &str| {
            if l == lang {
                0
            } else if l == "sv" {
                1
            } else {
                2
            }
        };
        let phrases = |name: &Text, synonyms: &Words| {
            const NAME: [f32; 3] = [1.0, 0.9, 0.88];
            const SYNONYM: [f32; 3] = [0.97, 0.88, 0.86];
            let mut list = Vec::new();
            for (l, t) in name.languages() {
                list.push(Phrase {
                    words: words(t),
                    weight: NAME[rank(l.as_str())],
                });
            }
            for (l, ws) in synonyms.languages() {
                list.extend(ws.iter().map(|s| Phrase {
                    words: words(s),
                    weight: SYNONYM[rank(l.as_str())],
                }));
            }
            list
        };
        let mut entries: Vec<Entry> = matrix
            .kinds
            .iter()
            .enumerate()
            .map(|(i, k)| Entry {
                target: Target::Kind(i),
                phrases: phrases(&k.name, &k.synonyms),
            })
            .collect();
        entries.extend(matrix.places.iter().enumerate().map(|(i, p)| Entry {
            target: Target::Place(i),
            phrases: phrases(&p.name, &p.synonyms),
        }));
        let security = &matrix.security.synonyms;
        entries.push(Entry {
            target: Target::Security,
            phrases: security
                .languages()
                .flat_map(|(_, ws)| ws)
                .map(|s| Phrase {
                    words: words(s),
                    weight: 1.0,
                })
                .collect(),
        });
        Index { entries }
    }

    /// The best hits for `query`, best first (ties keep the pack's order), at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let query = words(query);
        if query.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<Hit> = self
            .entries
            .iter()
            .filter_map(|e| {
                let score = e
                    .phrases
                    .iter()
                    .map(|p| phrase_score(&query, p))
                    .fold(0.0, f32::max);
                (score >= THRESHOLD).then_some(Hit {
                    target: e.target,
                    score,
                })
            })
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score));
        if let Some(best) = hits.first().map(|h| h.score).filter(|s| *s >= CLEAR) {
            hits.retain(|h| h.score >= best - ECHO);
        }
        hits.truncate(limit);
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Word {
        words(s).remove(0)
    }

    #[test]
    fn folding_forgives_missing_dots_and_joins_hyphens() {
        assert_eq!(fold("Läkemedelslista på Öland"), "lakemedelslista pa oland");
        assert_eq!(fold("E-post, USB-minne!"), "epost  usbminne ");
    }

    #[test]
    fn stems_meet_across_inflections() {
        assert_eq!(stem("brukaren"), stem("brukare"));
        assert_eq!(stem("brukarens"), stem("brukare"));
        assert_eq!(stem("elevens"), "elev");
        assert_eq!(stem("programmet"), "program");
        assert_eq!(stem("betygen"), "betyg");
    }

    #[test]
    fn distance_counts_swaps_as_one() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(distance(&c("schmea"), &c("schema"), 2), 1);
        assert_eq!(distance(&c("genomforande"), &c("genomfrande"), 2), 1);
        assert_eq!(distance(&c("teams"), &c("sms"), 1), 2);
    }

    #[test]
    fn word_scores_rank_exact_over_stem_over_typo() {
        let exact = word_score(&w("journal"), &w("journal"), false);
        let inflected = word_score(&w("journalen"), &w("journal"), false);
        let typo = word_score(&w("jornal"), &w("journal"), false);
        let unrelated = word_score(&w("betyg"), &w("journal"), false);
        assert!(
            exact > inflected && inflected > typo && typo > 0.5,
            "{exact} {inflected} {typo}"
        );
        assert_eq!(unrelated, 0.0);
    }

    #[test]
    fn stop_words_are_dropped_but_not_from_a_lone_real_word() {
        assert!(words("Kan jag använda").is_empty());
        assert_eq!(words("bild på brukaren").len(), 2);
    }
}
