//! What the report flow, the saved page and a report's own page share: "what to do now"
//! with call buttons, the employee's 72-hour advice, and the optional questions (asked
//! again when information is added to a sent report).

mod questions;

pub use questions::{AnswerChoice, PersonalDataQuestion, TextQuestion};

use crate::components::source::{pick, InSwedish};
use crate::components::{Origin, PageSources};
use crate::ctx;
use crate::i18n::{self, Lang, T};
use crate::tr;
use leptos::prelude::*;
use time::OffsetDateTime;
use vaksam_core::deadline::{self, Words};
use vaksam_core::guidance::Step;
use vaksam_core::incident::Category;
use vaksam_core::pack::{Guidance, GuidanceStep, Text};

/// A symbol for each category, so a row is found by eye before it is read.
pub fn icon(c: Category) -> &'static str {
    match c {
        Category::LostDevice => "☎",
        Category::LostCardOrKey => "⚿",
        Category::WrongRecipient => "✉",
        Category::WrongPrinter => "⎙",
        Category::UnauthorizedAccess => "◉",
        Category::WrongAccessRights => "⚷",
        Category::Phishing => "⚠",
        Category::Malware => "☣",
        Category::SystemUnavailable => "⏻",
        Category::DataChangedOrDestroyed => "✎",
        Category::Other => "…",
    }
}

/// A time as an employee reads it ("torsdag 26 nov kl. 19.32"), in its own offset.
pub fn in_words(lang: Lang, t: OffsetDateTime) -> String {
    let words = match lang {
        Lang::Sv | Lang::SvEasy => Words::Swedish,
        Lang::En => Words::English,
        Lang::Ar => return intl_in_words(lang, t),
    };
    deadline::in_words(t, words)
}

/// The same by the browser's calendar names, for a language the core has no words for.
fn intl_in_words(lang: Lang, t: OffsetDateTime) -> String {
    // The wall clock of the time's own offset, formatted as if it were UTC.
    let wall = t.replace_offset(time::UtcOffset::UTC);
    let ms = (wall.unix_timestamp_nanos() / 1_000_000) as f64;
    crate::clock::in_locale(
        ms,
        lang.intl_locale(),
        &[
            ("weekday", "long"),
            ("day", "numeric"),
            ("month", "short"),
            ("hour", "2-digit"),
            ("minute", "2-digit"),
            ("timeZone", "UTC"),
        ],
    )
}

/// An RFC 3339 time in words, or as stored when it does not read.
pub fn text_in_words(lang: Lang, text: &str) -> String {
    crate::clock::parse(text)
        .map(|t| in_words(lang, t))
        .unwrap_or_else(|| text.to_owned())
}

/// The steps a screen shows: the municipality's (with contacts) or Vaksam's defaults.
#[derive(Debug, Clone, PartialEq)]
pub enum Steps {
    /// From the pack.
    Pack(Guidance),
    /// Vaksam's defaults, when no pack has reached the phone.
    Defaults(Vec<Step>),
}

impl Steps {
    /// From what an outbox entry or a receipt keeps.
    pub fn kept(guidance: Option<Guidance>, steps: Vec<Step>) -> Option<Steps> {
        match guidance {
            Some(g) if !g.steps.is_empty() => Some(Steps::Pack(g)),
            _ if !steps.is_empty() => Some(Steps::Defaults(steps)),
            _ => None,
        }
    }

    /// Where the steps come from, for the screen's one "Källor" toggle.
    pub fn origins(&self) -> Vec<Origin> {
        match self {
            Steps::Pack(g) => g
                .steps
                .iter()
                .map(|s| Origin {
                    cite: None,
                    advice: s.default,
                })
                .collect(),
            Steps::Defaults(_) => vec![Origin {
                cite: None,
                advice: true,
            }],
        }
    }
}

/// The screen's one "Källor" toggle for the steps it shows (put at the screen's end).
#[component]
pub fn StepSources(#[prop(into)] steps: Signal<Option<Steps>>) -> impl IntoView {
    view! { <PageSources origins=Signal::derive(move || steps.get().map(|s| s.origins()).unwrap_or_default())/> }
}

/// "Gör så här nu": the steps, most urgent first, each with a large button that calls the
/// contact where the pack gives a number, and plainly whom to ask where it does not.
#[component]
pub fn ActNow(
    steps: Steps,
    /// Show "who is told" under the steps (after saving).
    #[prop(optional)]
    told: bool,
    /// The heading's level: 1 where the steps are the screen's subject.
    #[prop(default = 2)]
    level: u8,
) -> impl IntoView {
    let ctx = ctx();
    let texts: Vec<Text> = match &steps {
        Steps::Pack(g) => g
            .steps
            .iter()
            .flat_map(|s| std::iter::once(s.text.clone()).chain(s.call.clone()))
            .collect(),
        Steps::Defaults(_) => Vec::new(),
    };
    let heading = move || {
        let text = view! { {tr(T::WhatNow)}" "<InSwedish texts=texts.clone()/> };
        if level == 1 {
            view! { <h1 id="act-now" tabindex="-1">{text}</h1> }.into_any()
        } else {
            view! { <h2 id="act-now" tabindex="-1">{text}</h2> }.into_any()
        }
    };
    let (list, told_list) = match steps {
        Steps::Pack(g) => (
            g.steps.into_iter().map(pack_step).collect_view().into_any(),
            g.told,
        ),
        Steps::Defaults(list) => (
            list.into_iter()
                .map(|s| view! { <li><p>{move || i18n::step(ctx.lang.get(), s)}</p></li> })
                .collect_view()
                .into_any(),
            Vec::new(),
        ),
    };
    let told_view = (told && !told_list.is_empty()).then(|| {
        view! {
            <p class="told">{tr(T::WhoIsTold)}": "
                {move || told_list.iter().map(pick).collect::<Vec<_>>().join(", ")}
            </p>
        }
    });
    view! {
        <div class="act-now">
            {heading}
            <ol class="steps act-steps" data-testid="guidance">{list}</ol>
            {told_view}
        </div>
    }
}

/// One step of the pack: its text, then the call button or whom to ask.
fn pack_step(s: GuidanceStep) -> impl IntoView {
    // A step kept by an older version has the number but not the `tel:` form.
    let tel = s.tel.clone().or_else(|| {
        s.phone.as_ref().map(|n| {
            n.chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect()
        })
    });
    let text = s.text.clone();
    let contact = s.call.clone().map(|role| match (tel, s.phone.clone()) {
        (Some(tel), Some(number)) => {
            let label = role.clone();
            view! {
                <a class="button call" href=format!("tel:{tel}") data-testid="call">
                    {tr(T::CallButton)}" "<bdi>{move || pick(&label)}</bdi>
                    " "<span class="number">{number}</span>
                </a>
            }
            .into_any()
        }
        _ => view! {
            <p class="ask" data-testid="ask">
                {tr(T::AskWho)}" "{move || pick(&role)}"."
            </p>
        }
        .into_any(),
    });
    view! {
        <li>
            <p>{move || pick(&text)}</p>
            {contact}
        </li>
    }
}

/// The employee's 72-hour advice, only where personal data are or may be involved: tell
/// the manager at once, and by when the municipality needs to know (in words).
#[component]
pub fn TellManager(
    /// The IMY deadline (RFC 3339).
    #[prop(into)]
    deadline: String,
) -> impl IntoView {
    let ctx = ctx();
    view! {
        <div class="tell-manager" data-testid="tell-manager">
            <h2>{tr(T::TellManagerTitle)}</h2>
            <p>{tr(T::TellManagerNow)}</p>
            <p>
                {tr(T::TellManagerBy)}" "
                <strong data-testid="tell-manager-by">{move || text_in_words(ctx.lang.get(), &deadline)}</strong>"."
            </p>
        </div>
    }
}

/// Moves focus to the first element matching `selector` and scrolls it to the middle of
/// the screen, after the next frame (errors are shown where the eye is).
pub fn focus_into_view(selector: String) {
    request_animation_frame(move || {
        let Some(el) = document().query_selector(&selector).ok().flatten() else {
            return;
        };
        // scrollIntoView({block: "center"}) and focus({preventScroll: true}), through
        // Reflect: the web-sys features for their option types are not enabled.
        let call = |method: &str, key: &str, value: wasm_bindgen::JsValue| {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &key.into(), &value);
            if let Ok(f) = js_sys::Reflect::get(&el, &method.into()) {
                use wasm_bindgen::JsCast;
                if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                    let _ = f.call1(&el, &options);
                }
            }
        };
        call("scrollIntoView", "block", "center".into());
        call("focus", "preventScroll", true.into());
    });
}
