//! The answer card every lookup screen opens with: "Ja, här: …", "Nej, inte här: …" (the
//! one the user most likely asks about first, each as a sentence to act on, with a way to
//! report it) and "Bara om …" (the condition in words). Built from
//! `vaksam_core::classification::Card` in one language, as plain rows.

use crate::components::source::{falls_back, in_swedish_note, Origin};
use crate::i18n::{self, Lang, T};
use leptos::prelude::*;
use vaksam_core::classification::{Answer, Card, Class, Kind, Matrix, Place};
use vaksam_core::pack::Text;

/// "No" rows shown before "Fler ställen …".
const FIRST_NOS: usize = 4;
/// On a place's card, kinds shown under "Ja, för:" before "Mer som går bra här …".
const FIRST_YES_KINDS: usize = 5;

/// One line of the card, in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// A kind's or place's id: stable among its siblings.
    pub id: String,
    pub title: String,
    /// The kind's or place's own screen.
    pub href: String,
    /// For an "only if" the condition; for a "no" why, as a sentence to act on.
    pub text: Option<String>,
    /// For a "no": the report form, filled in with the kind and the place.
    pub report: Option<String>,
    /// The "no" the user most likely asks about (the kind's first `asked_about`): open.
    pub open: bool,
}

/// A card in one language.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CardRows {
    pub yes: Vec<Line>,
    pub only_if: Vec<Line>,
    pub no: Vec<Line>,
    /// "Använd i stället: …" under each "no" (a kind's card).
    pub instead: Option<String>,
    /// On a place's card the rows are kinds ("Ja, för:").
    pub of_kinds: bool,
    /// Some texts have no translation in the language.
    pub in_swedish: bool,
    /// Where the rules shown come from, for the screen's "Källor".
    pub origins: Vec<Origin>,
}

/// Where the rule behind an answer comes from: the condition's source, else the place's.
pub fn rule_origin(answer: &Answer<'_>) -> Origin {
    match answer.condition {
        Some(c) => Origin::of(c),
        None => Origin::of(answer.place),
    }
}

/// The condition of an "only if" (a condition or the place's `always`).
fn condition<'a>(answer: &Answer<'a>) -> Option<&'a Text> {
    answer.condition.map(|c| &c.text).or(answer.always)
}

fn report_href(kind: Option<&Kind>, place: &Place) -> String {
    match kind {
        Some(k) => format!("/report?kind={}&place={}", k.id, place.id),
        None => format!("/report?place={}", place.id),
    }
}

/// The card for places (a kind's, or a class's on the guided path). `kind`: the kind asked
/// about, for its report links and which "no"s open.
pub fn places_card(card: &Card<'_>, kind: Option<&Kind>, lang: Lang) -> CardRows {
    let tag = lang.tag();
    let all = || card.yes.iter().chain(&card.only_if).chain(&card.no);
    let texts = all().map(|a| &a.place.name);
    let origins = all().map(rule_origin).collect();
    let line = |a: &Answer<'_>, text: Option<Text>| {
        // The place most asked about opens; the others are one line each.
        let asked = kind.and_then(|k| k.asked_about.first()) == Some(&a.place.id);
        Line {
            id: a.place.id.clone(),
            title: a.place.name.get(tag).to_owned(),
            href: format!("/lookup/place/{}", a.place.id),
            text: text.map(|t| t.get(tag).to_owned()),
            report: None,
            open: asked,
        }
    };
    let yes: Vec<Line> = card.yes.iter().map(|a| line(a, None)).collect();
    let only_if: Vec<Line> = card
        .only_if
        .iter()
        .map(|a| line(a, condition(a).cloned()))
        .collect();
    let no: Vec<Line> = card
        .no
        .iter()
        .map(|a| Line {
            report: Some(report_href(kind, a.place)),
            ..line(a, a.why_not())
        })
        .collect();
    let instead = card
        .yes
        .first()
        .or(card.only_if.first())
        .map(|a| T::instead(lang, a.place.name.get(tag)));
    let mut shown: Vec<&Text> = card
        .only_if
        .iter()
        .filter_map(condition)
        .chain(card.no.iter().filter_map(|a| a.place.why_not.as_ref()))
        .collect();
    shown.extend(texts);
    CardRows {
        yes,
        only_if,
        no,
        instead,
        of_kinds: false,
        in_swedish: falls_back(lang, &shown),
        origins,
    }
}

/// The card for a place: the kinds it takes, takes only if, and must not take, of those the
/// `show` filter lets through.
pub fn kinds_card(m: &Matrix, place: &Place, show: impl Fn(&Kind) -> bool, lang: Lang) -> CardRows {
    let tag = lang.tag();
    let mut rows = CardRows {
        of_kinds: true,
        origins: vec![Origin::of(place)],
        ..CardRows::default()
    };
    let mut texts: Vec<&Text> = vec![&place.name];
    for (k, a) in m.kinds_for(place).into_iter().filter(|(k, _)| show(k)) {
        texts.push(&k.name);
        rows.origins.push(rule_origin(&a));
        let mut line = Line {
            id: k.id.clone(),
            title: k.name.get(tag).to_owned(),
            href: format!("/lookup/kind/{}", k.id),
            text: None,
            report: None,
            open: false,
        };
        match a.verdict {
            vaksam_core::classification::Verdict::Yes => rows.yes.push(line),
            vaksam_core::classification::Verdict::OnlyIf => {
                line.text = condition(&a).map(|t| t.get(tag).to_owned());
                texts.extend(condition(&a));
                rows.only_if.push(line);
            }
            vaksam_core::classification::Verdict::No => {
                line.text = a.why_not().map(|t| t.get(tag).to_owned());
                line.report = Some(report_href(Some(k), place));
                rows.no.push(line);
            }
        }
    }
    texts.extend(place.why_not.as_ref());
    rows.in_swedish = falls_back(lang, &texts);
    rows
}

/// A class in words, one line per aspect: "Sekretess: allvarlig skada om den kommer ut".
pub fn class_words(class: &Class, lang: Lang) -> Vec<String> {
    class
        .levels()
        .map(|(a, l)| i18n::harm_if(lang, a, l.get()))
        .collect()
}

/// The answer card.
#[component]
pub fn AnswerCard(rows: CardRows, lang: Lang) -> impl IntoView {
    let CardRows {
        yes,
        only_if,
        no,
        instead,
        of_kinds,
        in_swedish,
        origins: _,
    } = rows;
    let (yes_head, no_head) = if of_kinds {
        (T::PlaceYes, T::PlaceNo)
    } else {
        (T::CardYes, T::CardNo)
    };
    let none_fits = yes.is_empty() && only_if.is_empty() && !of_kinds;
    let yes_block = (!yes.is_empty()).then(|| {
        // A place takes many kinds: the first few, the rest one tap away.
        let mut first = yes;
        let rest = if of_kinds {
            first.split_off(FIRST_YES_KINDS.min(first.len()))
        } else {
            Vec::new()
        };
        let item = |l: Line| view! { <li><a href=l.href>{l.title}</a></li> };
        let more = (!rest.is_empty()).then(|| {
            let n = rest.len();
            view! {
                <details class="more-nos">
                    <summary>{T::more_yes(lang, n)}</summary>
                    <ul class="card-yes">{rest.into_iter().map(item).collect_view()}</ul>
                </details>
            }
        });
        view! {
            <h2 class="card-head" data-verdict="yes">
                <span class="mark" aria-hidden="true">"✓"</span>{yes_head.in_(lang)}
            </h2>
            <ul class="card-yes" data-testid="card-yes">
                {first.into_iter().map(item).collect_view()}
            </ul>
            {more}
        }
    });
    let none_block =
        none_fits.then(|| view! { <p class="card-none">{T::CardNoneYes.in_(lang)}</p> });
    let no_block = (!no.is_empty()).then(|| {
        let mut first = no;
        let rest = first.split_off(FIRST_NOS.min(first.len()));
        let more = (!rest.is_empty()).then(|| {
            let n = rest.len();
            view! {
                <details class="more-nos">
                    <summary>{i18n::more_nos(lang, n, of_kinds)}</summary>
                    <ul class="card-no">
                        {rest.into_iter().map(|l| view! { <NoRow line=l instead=instead.clone() lang/> }).collect_view()}
                    </ul>
                </details>
            }
        });
        view! {
            <h2 class="card-head" data-verdict="no">
                <span class="mark" aria-hidden="true">"✕"</span>{no_head.in_(lang)}
            </h2>
            <ul class="card-no" data-testid="card-no">
                {first.into_iter().map(|l| view! { <NoRow line=l instead=instead.clone() lang/> }).collect_view()}
            </ul>
            {more}
        }
    });
    let only_if_block = (!only_if.is_empty()).then(|| {
        view! {
            <h2 class="card-head" data-verdict="only-if">
                <span class="mark" aria-hidden="true">"?"</span>{T::CardOnlyIf.in_(lang)}
            </h2>
            <ul class="card-only-if" data-testid="card-only-if">
                {only_if.into_iter().map(|l| view! {
                    <li>
                        <a href=l.href>{l.title}</a>
                        {l.text.map(|t| view! { <p>{t}</p> })}
                    </li>
                }).collect_view()}
            </ul>
        }
    });
    view! {
        <section class="answer-card" data-testid="answer-card">
            {yes_block}
            {none_block}
            {no_block}
            {only_if_block}
            {in_swedish.then(|| view! { <p>{in_swedish_note(lang)}</p> })}
        </section>
    }
}

/// A "no": the place (or kind) on one line that opens to why, what to do instead, and a
/// way to report it if it has already happened.
#[component]
fn NoRow(line: Line, instead: Option<String>, lang: Lang) -> impl IntoView {
    view! {
        <li class="no-row" data-id=line.id.clone()>
            <details open=line.open>
                <summary>{line.title}</summary>
                {line.text.map(|t| view! { <p class="why-not">{t}</p> })}
                {instead.map(|t| view! { <p>{t}</p> })}
                <p class="row-links">
                    {line.report.map(|href| view! {
                        <a href=href class="report-link">{T::ReportFromNo.in_(lang)}</a>
                    })}
                </p>
            </details>
        </li>
    }
}
