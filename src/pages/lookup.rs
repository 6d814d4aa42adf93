//! "Where may I store or send this?" (DESIGN.md §4): search the municipality's
//! classification matrix, see every place for a kind of information, every kind for a
//! place, or answer a few questions. It reads only the cached pack, so it works offline;
//! every answer is computed by `vaksam_core::classification`.

use crate::components::source::{falls_back, in_swedish_note, AdviceNote, Origin, SourceLine};
use crate::components::NoPackYet;
use crate::ctx;
use crate::i18n::{self, Lang, T};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use std::cell::RefCell;
use vaksam_core::classification::{Answer, Class, Guide, Kind, Matrix, Question, Sector, Verdict};
use vaksam_core::incident::Aspect;
use vaksam_core::pack::Text;
use vaksam_core::search::{Hit, Index, Target};
use vaksam_core::Pack;

/// Most results shown for a query.
const MAX_HITS: usize = 8;

thread_local! {
    /// The last query, so that coming back from a result shows the same results.
    static LAST_QUERY: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Runs `f` with the cached pack and its matrix (tracked), or gives `None` without them.
fn with_matrix<R>(f: impl FnOnce(&Pack, &Matrix) -> R) -> Option<R> {
    ctx().sync.pack.with(|p| {
        p.as_ref()
            .and_then(|p| p.classification.as_ref().map(|m| f(p, m)))
    })
}

/// The municipality's name for an aspect ("Sekretess"), or Vaksam's.
fn aspect_name(pack: &Pack, aspect: Aspect, lang: Lang) -> String {
    pack.aspect(aspect)
        .map(|a| a.name.get(lang.tag()).to_owned())
        .unwrap_or_else(|| {
            let full = i18n::aspect(lang, aspect);
            full.split(" – ").next().unwrap_or(full).to_owned()
        })
}

fn sector_label(sector: Sector) -> T {
    match sector {
        Sector::General => T::SectorGeneral,
        Sector::HomeCare => T::SectorHomeCare,
        Sector::School => T::SectorSchool,
    }
}

fn verdict_word(v: Verdict) -> (T, &'static str, &'static str) {
    match v {
        Verdict::Yes => (T::VerdictYes, "✓", "yes"),
        Verdict::OnlyIf => (T::VerdictOnlyIf, "?", "only-if"),
        Verdict::No => (T::VerdictNo, "✕", "no"),
    }
}

/// A class as levels the reader can follow: "Konfidentialitet: 3 – allvarlig skada".
#[component]
fn ClassView(class: Class) -> impl IntoView {
    let ctx = ctx();
    move || {
        let lang = ctx.lang.get();
        let rows = with_matrix(|pack, _| {
            class
                .levels()
                .map(|(a, l)| {
                    (
                        aspect_name(pack, a, lang),
                        format!("{} – {}", l.get(), i18n::level_word(lang, l.get())),
                    )
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
        view! {
            <dl class="levels" data-testid="class">
                {rows.into_iter().map(|(name, level)| view! { <dt>{name}</dt><dd>{level}</dd> }).collect_view()}
            </dl>
        }
    }
}

/// "K3 R3 T2 S2", with the words for screen readers.
fn class_badge(pack: &Pack, class: &Class, lang: Lang) -> impl IntoView {
    let spoken: Vec<String> = class
        .levels()
        .map(|(a, l)| format!("{} {}", aspect_name(pack, a, lang), l.get()))
        .collect();
    view! {
        <span class="class-badge" aria-hidden="true">{class.to_string()}</span>
        <span class="visually-hidden">{spoken.join(", ")}</span>
    }
}

/// One line of an answer list, in the current language.
struct Row {
    verdict: Verdict,
    title: String,
    href: String,
    lines: Vec<String>,
    origin: Origin,
    /// Some of its texts have no translation in the current language.
    in_swedish: bool,
    report: Option<String>,
}

/// The answer's reasons in words: for a yes that the levels fit, for an "only if" the
/// condition, for a no every aspect above the place's limit.
fn reasons(pack: &Pack, answer: &Answer<'_>, lang: Lang) -> Vec<String> {
    let tag = lang.tag();
    let mut lines = Vec::new();
    if let Some(c) = answer.condition {
        lines.push(c.text.get(tag).to_owned());
    }
    if let Some(a) = answer.always {
        lines.push(a.get(tag).to_owned());
    }
    match answer.verdict {
        Verdict::Yes => lines.push(T::WithinLimits.in_(lang).to_owned()),
        Verdict::OnlyIf => {}
        Verdict::No => lines.extend(answer.over.iter().map(|o| {
            i18n::over(
                lang,
                &aspect_name(pack, o.aspect, lang),
                o.level.get(),
                o.max.get(),
            )
        })),
    }
    lines
}

/// Where the rule behind an answer comes from: the condition's source, else the place's.
fn rule_source(answer: &Answer<'_>) -> Origin {
    match answer.condition {
        Some(c) => Origin::of(c),
        None => Origin::of(answer.place),
    }
}

/// Every sector a kind belongs to, or "all services" for a kind of anyone's work.
fn sectors_label(sectors: &[Sector], lang: Lang) -> String {
    if sectors.is_empty() {
        return T::SectorGeneral.in_(lang).to_owned();
    }
    sectors
        .iter()
        .map(|s| sector_label(*s).in_(lang))
        .collect::<Vec<_>>()
        .join(", ")
}

fn report_href(kind: Option<&Kind>, answer: &Answer<'_>) -> Option<String> {
    (answer.verdict == Verdict::No).then(|| match kind {
        Some(k) => format!("/report?kind={}&place={}", k.id, answer.place.id),
        None => format!("/report?place={}", answer.place.id),
    })
}

/// One answer as a row titled `title` that links to `href`.
fn row(
    pack: &Pack,
    a: &Answer<'_>,
    kind: Option<&Kind>,
    title: &Text,
    href: String,
    lang: Lang,
) -> Row {
    let mut texts = vec![title, &a.place.about];
    texts.extend(a.condition.map(|c| &c.text));
    texts.extend(a.always);
    Row {
        verdict: a.verdict,
        title: title.get(lang.tag()).to_owned(),
        href,
        lines: reasons(pack, a, lang),
        origin: rule_source(a),
        in_swedish: falls_back(lang, &texts),
        report: report_href(kind, a),
    }
}

/// Every place for one class, each linking to its place screen.
fn place_rows(pack: &Pack, answers: &[Answer<'_>], kind: Option<&Kind>, lang: Lang) -> Vec<Row> {
    answers
        .iter()
        .map(|a| {
            let href = format!("/lookup/place/{}", a.place.id);
            row(pack, a, kind, &a.place.name, href, lang)
        })
        .collect()
}

/// Rows under three headings; a group with no rows is left out.
/// `advice`: the screen shows other unconfirmed advice too (the note is said once).
fn grouped(rows: Vec<Row>, headings: [T; 3], advice: bool) -> impl IntoView {
    let ctx = ctx();
    let lang = ctx.lang.get_untracked();
    let any_advice = advice || rows.iter().any(|r| r.origin.advice);
    let mut groups: [Vec<Row>; 3] = Default::default();
    for row in rows {
        let i = match row.verdict {
            Verdict::Yes => 0,
            Verdict::OnlyIf => 1,
            Verdict::No => 2,
        };
        groups[i].push(row);
    }
    let groups = groups
        .into_iter()
        .zip(headings)
        .filter(|(rows, _)| !rows.is_empty())
        .map(|(rows, heading)| {
            view! {
                <h2>{move || ctx.t(heading)}</h2>
                <ul class="answers">
                    {rows.into_iter().map(|r| {
                        let (word, icon, class) = verdict_word(r.verdict);
                        let verdict = view! {
                            <span class=format!("verdict {class}")>
                                <span aria-hidden="true">{icon}" "</span>{move || ctx.t(word)}
                            </span>
                        };
                        let body = view! {
                            {r.lines.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
                            {r.in_swedish.then(|| view! { <p>{in_swedish_note(lang)}</p> })}
                            <SourceLine origin=r.origin/>
                        };
                        match r.report {
                            // A "no" folds away: the list stays short, the reasons one tap off.
                            Some(report) => view! {
                                <li class="answer" data-verdict=class>
                                    <details>
                                        <summary class="answer-head">{verdict}" "{r.title}</summary>
                                        {body}
                                        <A href=report attr:class="button small">{move || ctx.t(T::ReportMisplaced)}</A>
                                    </details>
                                </li>
                            }
                            .into_any(),
                            None => view! {
                                <li class="answer" data-verdict=class>
                                    <p class="answer-head">{verdict}" "<A href=r.href>{r.title}</A></p>
                                    {body}
                                </li>
                            }
                            .into_any(),
                        }
                    }).collect_view()}
                </ul>
            }
        })
        .collect_view();
    view! { <AdviceNote show=any_advice/> {groups} }
}

/// Search with a performance measure around it (bench/search_latency.mjs reads it).
fn timed_search(index: &Index, query: &str) -> Vec<Hit> {
    let performance = web_sys::window().and_then(|w| w.performance());
    if let Some(p) = &performance {
        let _ = p.mark("vaksam-search-start");
    }
    let hits = index.search(query, MAX_HITS);
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark("vaksam-search", "vaksam-search-start");
    }
    hits
}

/// The säkerhetsskydd advice: out of scope, and whom to ask.
fn security_view(pack: &Pack, m: &Matrix, lang: Lang) -> impl IntoView {
    let ctx = ctx();
    let s = &m.security;
    let contact = pack.contact(&s.contact);
    let role = contact.map(|c| c.role.get(lang.tag()).to_owned());
    let phone = contact.and_then(|c| c.phone.clone().zip(c.tel()));
    let mut texts = vec![&s.text];
    texts.extend(contact.map(|c| &c.role));
    let in_swedish = falls_back(lang, &texts);
    view! {
        <div class="notice" data-testid="security">
            <p><strong>{move || ctx.t(T::SecurityTitle)}</strong></p>
            <p>{s.text.get(lang.tag()).to_owned()}</p>
            {role.map(|r| view! {
                <p>{move || ctx.t(T::AskLabel)}" "{r}
                    {phone.map(|(n, tel)| view! { " " <a href=format!("tel:{tel}")>{n}</a> })}
                </p>
            })}
            {in_swedish.then(|| view! { <p>{in_swedish_note(lang)}</p> })}
            <SourceLine origin=Origin::of(s)/>
        </div>
    }
}

fn hit_view(pack: &Pack, m: &Matrix, hit: Hit, lang: Lang) -> AnyView {
    let tag = lang.tag();
    match hit.target {
        Target::Kind(i) => {
            let k = &m.kinds[i];
            let yes: Vec<String> = m
                .answers(&k.class, Some(&k.sectors))
                .iter()
                .filter(|a| a.verdict == Verdict::Yes)
                .map(|a| a.place.name.get(tag).to_owned())
                .collect();
            let ctx = ctx();
            let name = k.name.get(tag).to_owned();
            view! {
                <li class="hit">
                    <A href=format!("/lookup/kind/{}", k.id)>{name}</A>
                    " "{class_badge(pack, &k.class, lang)}
                    <p class="muted">{move || ctx.t(T::VerdictYes)}": "{yes.join(", ")}</p>
                </li>
            }
            .into_any()
        }
        Target::Place(i) => {
            let p = &m.places[i];
            let title = i18n::may_i_use(lang, p.name.get(tag));
            view! {
                <li class="hit">
                    <A href=format!("/lookup/place/{}", p.id)>{title}</A>
                    <p class="muted">{p.about.get(tag).to_owned()}</p>
                </li>
            }
            .into_any()
        }
        Target::Security => {
            view! { <li class="hit">{security_view(pack, m, lang)}</li> }.into_any()
        }
    }
}

/// The search screen: a box, results as you type, the places, and the guided path.
#[component]
pub fn LookupPage() -> impl IntoView {
    let ctx = ctx();
    let query = RwSignal::new(LAST_QUERY.with(|q| q.borrow().clone()));
    let index = Memo::new(move |_| {
        let lang = ctx.lang.get();
        with_matrix(|_, m| Index::new(m, lang.tag()))
    });
    let hits = Memo::new(move |_| {
        let q = query.get();
        if q.trim().is_empty() {
            return Vec::new();
        }
        index.with(|i| i.as_ref().map(|i| timed_search(i, &q)).unwrap_or_default())
    });
    let on_input = move |ev| {
        let q = event_target_value(&ev);
        LAST_QUERY.with(|last| *last.borrow_mut() = q.clone());
        query.set(q);
    };
    let results = move || {
        let lang = ctx.lang.get();
        let list = hits.get();
        let typed = !query.with(|q| q.trim().is_empty());
        with_matrix(|pack, m| {
            let count = typed.then(|| {
                if list.is_empty() {
                    T::NoHits.in_(lang).to_owned()
                } else {
                    i18n::hits(lang, list.len())
                }
            });
            view! {
                <p class="muted" role="status" aria-live="polite" data-testid="hit-count">{count}</p>
                <ul class="hits" data-testid="hits">
                    {list.into_iter().map(|h| hit_view(pack, m, h, lang)).collect_view()}
                </ul>
            }
        })
    };
    let places = move || {
        let lang = ctx.lang.get();
        with_matrix(|_, m| {
            m.places
                .iter()
                .map(|p| {
                    let name = p.name.get(lang.tag()).to_owned();
                    view! {
                        <li><A href=format!("/lookup/place/{}", p.id)>{name}</A></li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="page lookup">
            <h1>{move || ctx.t(T::FnClassify)}</h1>
            <Show when=move || with_matrix(|_, _| ()).is_some() fallback=|| view! { <LookupNotYet/> }>
                <label for="lookup-q">{move || ctx.t(T::SearchLabel)}</label>
                <p class="hint" id="lookup-hint">{move || ctx.t(T::SearchHint)}</p>
                <input id="lookup-q" type="search" class="search" autocomplete="off"
                    aria-describedby="lookup-hint" prop:value=move || query.get() on:input=on_input/>
                {results}
                <p><A href="/lookup/guide" attr:class="button">{move || ctx.t(T::GuideLink)}</A></p>
                <h2>{move || ctx.t(T::PlacesTitle)}</h2>
                <ul class="place-list">{places}</ul>
            </Show>
        </section>
    }
}

#[component]
fn LookupNotYet() -> impl IntoView {
    let ctx = ctx();
    move || {
        if ctx.sync.pack.with(Option::is_none) {
            view! { <NoPackYet/> }.into_any()
        } else {
            view! { <p class="notice" data-testid="no-pack">{move || ctx.t(T::LookupNotYet)}</p> }
                .into_any()
        }
    }
}

/// The frame of the kind and place screens: the item named by the route's `:id`, drawn by
/// `render` (`None`: no such item), or the "not yet" notice while the phone has no matrix.
fn detail_page(render: fn(&Pack, &Matrix, &str, Lang) -> Option<AnyView>) -> impl IntoView {
    let ctx = ctx();
    let params = use_params_map();
    let body = move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        let lang = ctx.lang.get();
        with_matrix(|pack, m| {
            render(pack, m, &id, lang).unwrap_or_else(|| view! { <super::NotFound/> }.into_any())
        })
        .unwrap_or_else(|| view! { <LookupNotYet/> }.into_any())
    };
    view! {
        <section class="page lookup">
            {body}
            <p><A href="/lookup">{move || ctx.t(T::Back)}</A></p>
        </section>
    }
}

/// One kind of information: its class, why, and every place it may or may not go.
#[component]
pub fn KindPage() -> impl IntoView {
    detail_page(kind_view)
}

fn kind_view(pack: &Pack, m: &Matrix, id: &str, lang: Lang) -> Option<AnyView> {
    let ctx = ctx();
    let tag = lang.tag();
    let k = m.kind(id)?;
    let rows = place_rows(pack, &m.answers(&k.class, Some(&k.sectors)), Some(k), lang);
    let origin = Origin::of(k);
    let advice = origin.advice;
    Some(
        view! {
            <h1>{k.name.get(tag).to_owned()}</h1>
            <p class="muted" data-testid="sectors">{sectors_label(&k.sectors, lang)}</p>
            <h2>{move || ctx.t(T::ClassTitle)}</h2>
            <ClassView class=k.class/>
            <p>{k.why.get(tag).to_owned()}" "{falls_back(lang, &[&k.name, &k.why]).then(|| in_swedish_note(lang))}</p>
            <SourceLine origin/>
            {grouped(rows, [T::GroupYes, T::GroupOnlyIf, T::GroupNo], advice)}
        }
        .into_any(),
    )
}

/// One place: what it is, and which kinds of information may go there.
#[component]
pub fn PlacePage() -> impl IntoView {
    detail_page(place_view)
}

fn place_view(pack: &Pack, m: &Matrix, id: &str, lang: Lang) -> Option<AnyView> {
    let ctx = ctx();
    let tag = lang.tag();
    let place = m.place(id)?;
    let rows: Vec<Row> = m
        .kinds_for(place)
        .into_iter()
        .map(|(k, a)| {
            row(
                pack,
                &a,
                Some(k),
                &k.name,
                format!("/lookup/kind/{}", k.id),
                lang,
            )
        })
        .collect();
    let sector = sector_label(place.sector);
    Some(
        view! {
            <h1>{i18n::may_i_use(lang, place.name.get(tag))}</h1>
            <h2>{move || ctx.t(T::AboutPlace)}</h2>
            <p>{place.about.get(tag).to_owned()}" "{falls_back(lang, &[&place.name, &place.about]).then(|| in_swedish_note(lang))}</p>
            <p class="muted">{move || ctx.t(sector)}</p>
            <SourceLine origin=Origin::of(place)/>
            {grouped(rows, [T::KindsYes, T::KindsOnlyIf, T::KindsNo], Origin::of(place).advice)}
        }
        .into_any(),
    )
}

fn question_text(q: Question) -> (T, T) {
    match q {
        Question::PersonalData => (T::GqPersonalData, T::GhPersonalData),
        Question::Sensitive => (T::GqSensitive, T::GhSensitive),
        Question::Secrecy => (T::GqSecrecy, T::GhSecrecy),
        Question::Emergency => (T::GqEmergency, T::GhEmergency),
        Question::Harm => (T::GqHarm, T::GhHarm),
    }
}

/// The guided path: yes/no questions, then the class they point to and every place.
#[component]
pub fn GuidePage() -> impl IntoView {
    let ctx = ctx();
    let guide = RwSignal::new(Guide::default());
    let answer = move |q: Question, yes: bool| {
        guide.update(|g| *g = g.answer(q, yes));
        crate::components::focus_later("#guide-step");
    };
    let asked = move || {
        let answered = guide.get().answered();
        (!answered.is_empty()).then(|| {
            view! {
                <h2>{move || ctx.t(T::YourAnswers)}</h2>
                <dl class="facts">
                    {answered.into_iter().map(|(q, yes)| {
                        let (text, _) = question_text(q);
                        view! {
                            <dt>{move || ctx.t(text)}</dt>
                            <dd>{move || ctx.t(if yes { T::Yes } else { T::No })}" "
                                <button type="button" class="link" on:click=move |_| {
                                    guide.update(|g| *g = g.reopen(q));
                                    crate::components::focus_later("#guide-step");
                                }>{move || ctx.t(T::Edit)}</button>
                            </dd>
                        }
                    }).collect_view()}
                </dl>
            }
        })
    };
    let step = move || {
        let g = guide.get();
        if let Some(q) = g.next() {
            let (text, hint) = question_text(q);
            return view! {
                <fieldset class="question">
                    <legend id="guide-step" tabindex="-1">{move || ctx.t(text)}</legend>
                    <p class="hint">{move || ctx.t(hint)}</p>
                    <div class="actions">
                        <button type="button" class="button" on:click=move |_| answer(q, true)>{move || ctx.t(T::Yes)}</button>
                        <button type="button" class="button" on:click=move |_| answer(q, false)>{move || ctx.t(T::No)}</button>
                    </div>
                </fieldset>
            }
            .into_any();
        }
        let Some(class) = g.class() else {
            return ().into_any();
        };
        let lang = ctx.lang.get();
        let rows = with_matrix(|pack, m| place_rows(pack, &m.answers(&class, None), None, lang))
            .unwrap_or_default();
        view! {
            <h2 id="guide-step" tabindex="-1">{move || ctx.t(T::GuideResult)}</h2>
            <p class="tag" data-testid="guidance-label">{move || ctx.t(T::GuideLabel)}</p>
            <ClassView class=class/>
            {grouped(rows, [T::GroupYes, T::GroupOnlyIf, T::GroupNo], with_matrix(|_, m| Origin::of(&m.security).advice).unwrap_or_default())}
            <p><button type="button" class="button" on:click=move |_| guide.set(Guide::default())>
                {move || ctx.t(T::StartOver)}
            </button></p>
        }
        .into_any()
    };
    let security = move || {
        let lang = ctx.lang.get();
        with_matrix(|pack, m| security_view(pack, m, lang))
    };
    view! {
        <section class="page lookup">
            <h1>{move || ctx.t(T::GuideTitle)}</h1>
            <Show when=move || with_matrix(|_, _| ()).is_some() fallback=|| view! { <LookupNotYet/> }>
                <p>{move || ctx.t(T::GuideIntro)}</p>
                {security}
                {asked}
                {step}
            </Show>
            <p><A href="/lookup">{move || ctx.t(T::Back)}</A></p>
        </section>
    }
}
