//! How a screen shows where its content comes from and in which language: no source on
//! any row; each screen collects the [`Origin`]s of what it shows and hands them to one
//! quiet [`PageSources`] toggle at its end (the policy's sections it cites, and one
//! sentence when some of it is Vaksam's advice the municipality has not confirmed); and
//! "(in Swedish)" once per block whose texts have no translation.

use crate::ctx;
use crate::i18n::{Lang, T};
use crate::tr;
use leptos::prelude::*;
use vaksam_core::pack::Text;
use vaksam_core::source::HasSource;

/// A pack text in the current language (Swedish when it has none of its own).
pub(crate) fn pick(text: &Text) -> String {
    text.get(ctx().lang.get().tag()).to_owned()
}

/// What an item or one of its fields shows about its source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// The sections cited ("§7, §8"), only for a real citation.
    pub cite: Option<String>,
    /// Vaksam's advice the municipality has not confirmed.
    pub advice: bool,
}

impl Origin {
    /// The whole item: cited, Vaksam's unconfirmed advice, or neither (confirmed advice).
    pub fn of(item: &impl HasSource) -> Origin {
        let s = item.source();
        Origin {
            cite: s.is_cited().then(|| s.cite.to_string()),
            advice: s.is_vaksam_advice(),
        }
    }

    /// One field: the item's citation unless the field is Vaksam's (`default_fields`).
    pub fn field(item: &impl HasSource, field: &str) -> Origin {
        let s = item.source();
        let advice = s.field_is_vaksam_advice(field);
        let vaksams = s.default_fields.iter().any(|f| f == field);
        Origin {
            cite: (s.is_cited() && !vaksams).then(|| s.cite.to_string()),
            advice,
        }
    }
}

/// Whether an item holds Vaksam's unconfirmed advice (whole or a field).
pub fn has_advice(item: &impl HasSource) -> bool {
    item.source().is_unconfirmed_default()
}

/// Whether any of `texts` is shown in Swedish because `lang` has no text of its own.
pub fn falls_back(lang: Lang, texts: &[&Text]) -> bool {
    let tag = lang.tag();
    tag != "sv" && texts.iter().any(|t| t.resolve(tag).0 != tag)
}

/// "(in Swedish)" once for a block whose texts are (partly) untranslated; follows the language.
#[component]
pub(crate) fn InSwedish(texts: Vec<Text>) -> impl IntoView {
    let ctx = ctx();
    move || {
        let refs: Vec<&Text> = texts.iter().collect();
        falls_back(ctx.lang.get(), &refs).then(|| in_swedish_note(ctx.lang.get()))
    }
}

/// The note itself, for views already drawn in one language.
pub(crate) fn in_swedish_note(lang: Lang) -> impl IntoView {
    view! { <span class="lang-note" data-testid="in-swedish">{T::InSwedish.in_(lang)}</span> }
}

/// Where a screen's content comes from, told once and quietly at its end: a closed
/// "Källor" toggle listing the policy sections the screen cites and, when some of it is
/// Vaksam's unconfirmed advice, one sentence saying so. Screens show no source on each
/// row; they collect the [`Origin`]s of what they show and hand them here. Nothing is
/// shown when no origin cites anything and none is advice.
#[component]
pub fn PageSources(#[prop(into)] origins: Signal<Vec<Origin>>) -> impl IntoView {
    let summary = move || {
        origins.with(|list| {
            let mut cites: Vec<String> = Vec::new();
            for cite in list.iter().filter_map(|o| o.cite.as_ref()) {
                for part in cite.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                    if !cites.iter().any(|c| c == part) {
                        cites.push(part.to_owned());
                    }
                }
            }
            let advice = list.iter().any(|o| o.advice);
            (cites, advice)
        })
    };
    move || {
        let (cites, advice) = summary();
        (!cites.is_empty() || advice).then(|| {
            let cited = (!cites.is_empty()).then(|| {
                let list = cites.join(", ");
                view! { <p>{tr(T::SourceLabel)}" "{list.clone()}</p> }
            });
            let note =
                advice.then(|| view! { <p data-testid="advice-note">{tr(T::AdviceNote)}</p> });
            view! {
                <details class="page-sources" data-testid="page-sources">
                    <summary>{tr(T::SourcesTitle)}</summary>
                    {cited}
                    {note}
                </details>
            }
        })
    }
}
