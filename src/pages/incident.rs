//! Reporting an incident (issue 12, "Report in three taps"): tap what happened (choosing
//! moves on), and the first screen after it is what to do now, with a button that calls
//! and "Skicka rapporten" right there; every other question is one tap away ("Berätta
//! mer"), all optional. The draft is kept on the phone (`use_persisted_draft`), a started
//! draft is never reopened silently, and the report reaches the outbox before any network
//! call: "saved" is said only after that transaction.

use crate::components::form::use_persisted_draft_or;
use crate::components::report::{
    focus_into_view, icon, in_words, ActNow, AnswerChoice, PersonalDataQuestion, StepSources,
    Steps, TellManager, TextQuestion,
};
use crate::components::{DraftNotSaved, FieldErrors, RefusalList, SyncStatusLine};
use crate::i18n::{self, Lang, T};
use crate::router::{use_navigate, use_params_map, use_query_map};
use crate::store::{drafts, outbox, receipts};
use crate::tr;
use crate::{clock, ctx};
use leptos::prelude::*;
use leptos::task::spawn_local;
use vaksam_core::guidance;
use vaksam_core::incident::{
    Answer, Aspect, Category, IncidentReport, PersonalData, MAX_ACTIONS_CHARS,
    MAX_DESCRIPTION_CHARS, MAX_PLACE_CHARS,
};
use vaksam_core::validation::FieldError;
use vaksam_core::{Incident, IncidentDraft};

/// Where the reporter is. Kept in the draft (`SavedDraft::step`) so a reload returns there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// Reading the stored draft.
    Loading,
    /// A started report exists: continue it or start over.
    Prompt,
    /// "Vad har hänt?"
    Category,
    /// "Gör så här nu" and "Skicka rapporten".
    Act,
    /// "Berätta mer": every other question, all optional.
    More,
}

impl Stage {
    fn from_step(step: usize) -> Stage {
        match step {
            0 => Stage::Category,
            1 => Stage::Act,
            // Drafts of the old one-question-per-screen form (steps 2–9) open on every
            // question at once.
            _ => Stage::More,
        }
    }

    fn step(self) -> Option<usize> {
        match self {
            Stage::Category => Some(0),
            Stage::Act => Some(1),
            Stage::More => Some(2),
            Stage::Loading | Stage::Prompt => None,
        }
    }
}

thread_local! {
    /// The entry just saved, handed to the "saved" page so it shows at once, without a
    /// second IndexedDB read.
    static JUST_SAVED: std::cell::RefCell<Option<outbox::OutboxEntry>> = const { std::cell::RefCell::new(None) };
}

fn validate(draft: &IncidentDraft) -> Result<Incident, Vec<FieldError>> {
    draft.validate(clock::now(), clock::offset_at)
}

fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Measures from the tap on "Skicka" (bench/save_latency.mjs reads these).
fn measure(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        if p.get_entries_by_name(name).length() == 0
            && p.get_entries_by_name("vaksam-submit").length() > 0
        {
            let _ = p.measure_with_start_mark(name, "vaksam-submit");
        }
    }
}

/// The server's reasons for a refused report that still apply to `draft`: those whose
/// field has not been changed since (field names without the server's `payload.`).
fn still_refused<'a>(
    r: &'a drafts::Rejected,
    draft: &'a IncidentDraft,
) -> impl Iterator<Item = FieldError> + 'a {
    let now = serde_json::to_value(draft).unwrap_or_default();
    let then = serde_json::to_value(&r.draft).unwrap_or_default();
    r.errors.iter().filter_map(move |e| {
        let field = e.field.strip_prefix("payload.").unwrap_or(&e.field);
        let pointer = format!("/{}", field.replace('.', "/"));
        (now.pointer(&pointer) == then.pointer(&pointer)).then(|| FieldError {
            field: field.to_owned(),
            ..e.clone()
        })
    })
}

/// The block on the "Berätta mer" screen that a field's error belongs to.
fn question_of(field: &str) -> &str {
    let field = field.strip_prefix("payload.").unwrap_or(field);
    if field.starts_with("personal_data") {
        "personal_data"
    } else {
        field
    }
}

/// The report as far as the draft tells it, with times "now": enough to choose the steps
/// to show before it is sent. Personal data count as "no" here: the 72-hour advice is
/// shown on its own ([`TellManager`]), after the urgent steps.
fn sketch(d: &IncidentDraft) -> Option<IncidentReport> {
    let now = clock::now();
    Some(IncidentReport {
        category: d.category?,
        occurred_at: now,
        discovered_at: now,
        place: String::new(),
        aspects: Vec::new(),
        personal_data: PersonalData::answered(Answer::No),
        harm_to_person: d.harm_to_person,
        ongoing: d.ongoing,
        actions_taken: String::new(),
        description: String::new(),
    })
}

/// What a "no" in the lookup knows about information in the wrong place: a note in the
/// current language, the place's name, and the aspects it falls short on.
fn misplaced_finding(kind: Option<&str>, place: &str) -> Option<(String, String, Vec<Aspect>)> {
    let ctx = ctx();
    let lang = ctx.lang.get_untracked();
    ctx.sync.pack.with_untracked(|p| {
        let m = p.as_ref()?.classification.as_ref()?;
        let place = m.place(place)?;
        let place_name = place.name.get(lang.tag()).to_owned();
        let (kind_name, aspects) = match kind.and_then(|k| m.kind(k)) {
            Some(k) => (
                k.name.get(lang.tag()).to_owned(),
                vaksam_core::classification::answer(&k.class, place)
                    .over
                    .iter()
                    .map(|o| o.aspect)
                    .collect(),
            ),
            None => (T::TheInformation.in_(lang).to_owned(), Vec::new()),
        };
        Some((
            // Stored in the report: without the marks that keep a name's direction on screen.
            T::misplaced_note(lang, &kind_name, &place_name).replace(['\u{2068}', '\u{2069}'], ""),
            place_name,
            aspects,
        ))
    })
}

/// When the municipality must have told IMY, for the 72-hour advice before sending: from
/// the personal-data answer and the discovery time alone, so the advice shows while other
/// answers (a description for "Något annat") are still missing. `None` for "no personal
/// data" or a discovery time that is not a valid time up to now.
fn imy_deadline(d: &IncidentDraft) -> Option<time::OffsetDateTime> {
    if d.personal_data.involved == Answer::No {
        return None;
    }
    let local = vaksam_core::timestamp::read_local(d.discovered_at.trim())?;
    let at = local.assume_offset(clock::offset_at(local));
    // A minute's grace: the default time is "now" when the form opened.
    (at <= clock::now() + time::Duration::minutes(1))
        .then(|| vaksam_core::deadline::imy_notification_due(at))
}

/// When a draft was started, for the prompt: "i dag kl. 19.35" or "torsdag 26 nov kl. 19.35".
fn started(lang: Lang, local: &str) -> String {
    let Some(at) = vaksam_core::timestamp::read_local(local) else {
        return local.replace('T', " ");
    };
    let now = clock::now();
    let today = now
        .to_offset(clock::offset_at(time::PrimitiveDateTime::new(
            now.date(),
            now.time(),
        )))
        .date();
    if at.date() == today {
        let separator = if lang.swedish() { '.' } else { ':' };
        let hm = format!("{:02}{separator}{:02}", at.hour(), at.minute());
        return format!("{} {hm}", T::DraftStartedToday.in_(lang));
    }
    in_words(lang, at.assume_offset(clock::offset_at(at)))
}

/// The report flow.
#[component]
pub fn IncidentPage() -> impl IntoView {
    let ctx = ctx();
    let draft = use_persisted_draft_or(drafts::INCIDENT_KEY, || drafts::SavedDraft {
        draft: IncidentDraft::new(clock::now()),
        ..Default::default()
    });
    let stage = RwSignal::new(Stage::Loading);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let save_failed = RwSignal::new(false);
    // What the lookup filled in, for the "Vi har fyllt i" banner.
    let filled_in = RwSignal::new(None::<Vec<String>>);
    let navigate = use_navigate();

    let query = use_query_map().get_untracked();
    // "Rätta och skicka igen" opens the refused report at once: the user just asked for it.
    let correcting = query.get("correct").is_some();
    // Opened from a "no" in the classification lookup: start from what it knows.
    let misplaced = query.get("place").map(|p| (query.get("kind"), p));
    let finding = StoredValue::new(
        misplaced
            .as_ref()
            .and_then(|(kind, place)| misplaced_finding(kind.as_deref(), place)),
    );
    let had_query = misplaced.is_some() || correcting;
    let drop_query = move || {
        if had_query {
            // No new route, so a reload does not add it again.
            if let Ok(history) = window().history() {
                let _ = history.replace_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some("/report"),
                );
            }
        }
    };

    // A refused report being corrected: the server's reasons stay on their questions while
    // the answer they concern is unchanged.
    let shown_errors = Signal::derive(move || {
        let mut list = errors.get();
        draft.value.with(|d| {
            if let Some(r) = &d.rejected {
                list.extend(still_refused(r, &d.draft));
            }
        });
        list
    });

    // Moves to a screen and, after a tap (`focus` not empty), focus to where it starts; a
    // screen opened by loading the page keeps the browser's own focus order (skip link first).
    let go = move |to: Stage, focus: &str| {
        if stage.get_untracked() != to {
            stage.set(to);
        }
        if !focus.is_empty() {
            focus_into_view(focus.to_owned());
        }
    };
    // Errors go where the eye is: the first question at fault, scrolled into view and
    // focused, with its errors under its heading.
    let show_errors = move |list: Vec<FieldError>| {
        let first = list.first().map(|e| question_of(&e.field).to_owned());
        errors.set(list);
        match first.as_deref() {
            Some("category") => go(Stage::Category, "#question"),
            Some(field) => go(Stage::More, &format!("#q-{field}")),
            None => {}
        }
    };

    let begin = move |tapped: bool| {
        let at = move |selector: &'static str| if tapped { selector } else { "" };
        if let Some((note, place, aspects)) = finding.get_value() {
            let lang = ctx.lang.get_untracked();
            draft
                .value
                .update(|d| d.draft.add_misplaced(&note, &place, &aspects));
            let category = draft
                .value
                .with_untracked(|d| d.draft.category.map(|c| i18n::category(lang, c)));
            filled_in.set(Some(
                category
                    .into_iter()
                    .map(str::to_owned)
                    .chain([place, note])
                    .collect(),
            ));
            drop_query();
            go(Stage::Act, at("#act-now"));
            return;
        }
        drop_query();
        let (category, step, refused) = draft.value.with_untracked(|d| {
            (
                d.draft.category,
                d.step,
                d.rejected
                    .as_ref()
                    .map(|r| still_refused(r, &d.draft).collect::<Vec<_>>()),
            )
        });
        match (category, refused) {
            // Correcting a refused report: every answer on one screen, the first the
            // server refused in view.
            (_, Some(list)) => match list.first().map(|e| question_of(&e.field).to_owned()) {
                Some(first) if first == "category" => go(Stage::Category, "#question"),
                Some(field) => go(Stage::More, &format!("#q-{field}")),
                None => go(Stage::More, "#question"),
            },
            (None, _) => go(Stage::Category, at("#question")),
            (Some(_), _) => {
                let to = Stage::from_step(step);
                let first = if to == Stage::More {
                    "#question"
                } else {
                    "#act-now"
                };
                go(to, at(first));
            }
        }
    };

    // Once the stored draft is read: ask first if a report was started.
    Effect::new(move |_| {
        let Some(had) = draft.had_draft() else { return };
        if stage.get_untracked() != Stage::Loading {
            return;
        }
        let started = had && draft.value.with_untracked(|d| d.draft.category.is_some());
        if started && !correcting {
            stage.set(Stage::Prompt);
        } else {
            begin(false);
        }
    });
    // The stage is part of the draft, so a reload or an update returns to it.
    Effect::new(move |_| {
        if let Some(step) = stage.get().step() {
            draft.value.maybe_update(|d| {
                let changed = d.step != step;
                d.step = step;
                changed
            });
        }
    });

    let choose = move |c: Category| {
        draft.value.maybe_update(|d| {
            let changed = d.draft.category != Some(c);
            d.draft.choose(c);
            changed
        });
        errors.update(|list| list.retain(|e| e.field != "category"));
        go(Stage::Act, "#act-now");
    };
    let start_over = move || {
        draft.discard();
        begin(true);
    };
    let cancel = {
        let navigate = navigate.clone();
        Callback::new(move |()| {
            // No more saves; home only once the draft is gone, so nothing of this form is
            // still at work when the page leaves.
            draft.stop();
            let navigate = navigate.clone();
            spawn_local(async move {
                if let Err(e) = drafts::delete(drafts::INCIDENT_KEY).await {
                    draft.failed.set(Some(e.kind));
                    draft.resume();
                    return;
                }
                navigate("/", Default::default());
            });
        })
    };

    let save = Action::new_local(move |incident: &Incident| {
        let incident = incident.clone();
        async move {
            let id = clock::new_record_id();
            let pack = ctx.sync.pack.get_untracked();
            let replaces = draft
                .value
                .with_untracked(|d| d.rejected.as_ref().map(|r| r.id.clone()));
            let entry =
                outbox::OutboxEntry::for_incident(id, &incident, pack.as_ref(), clock::now())?;
            outbox::add_from_draft(&entry, replaces.as_deref()).await?;
            JUST_SAVED.set(Some(entry));
            Ok::<_, crate::store::StoreError>(id.to_string())
        }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(id)) => {
            measure("vaksam-save");
            navigate(&format!("/report/saved/{id}"), Default::default());
            spawn_local(async move { ctx.sync.saved().await });
        }
        // The draft stays in memory and in its own store; nothing typed is lost.
        Some(Err(_)) => {
            crate::store::forget_connection();
            save_failed.set(true);
            draft.resume();
        }
        None => {}
    });
    let submit = Callback::new(move |()| {
        if save.pending().get_untracked() {
            return;
        }
        mark("vaksam-submit");
        match draft.value.with_untracked(|d| validate(&d.draft)) {
            Ok(incident) => {
                // The save's transaction deletes the draft: nothing may write it back.
                draft.stop();
                save_failed.set(false);
                save.dispatch(incident);
            }
            Err(list) => show_errors(list),
        }
    });
    let saving = Signal::derive(move || save.pending().get());

    let body = move || {
        match stage.get() {
        Stage::Loading => view! { <p class="loading" aria-busy="true">"…"</p> }.into_any(),
        Stage::Prompt => view! {
            <DraftPrompt
                draft=draft.value
                from_lookup=finding.with_value(Option::is_some)
                on_continue=Callback::new(move |()| {
                    // The old report goes on as it was: a finding from the lookup is not
                    // merged into an unrelated draft.
                    finding.set_value(None);
                    begin(true)
                })
                on_start_over=Callback::new(move |()| start_over())
            />
        }
        .into_any(),
        Stage::Category => view! {
            <CategoryStep chosen=Signal::derive(move || draft.value.with(|d| d.draft.category)) errors=shown_errors on_choose=Callback::new(choose)/>
            <Cancel on_cancel=cancel/>
        }
        .into_any(),
        Stage::Act => view! {
            <ActStep draft=draft.value filled_in saving save_failed
                on_send=submit
                on_more=Callback::new(move |()| go(Stage::More, "#question"))
                on_change=Callback::new(move |()| go(Stage::Category, "#question"))/>
            <Cancel on_cancel=cancel/>
        }
        .into_any(),
        Stage::More => view! {
            <MoreStep draft=draft.value errors=shown_errors saving save_failed on_send=submit
                on_back=Callback::new(move |()| go(Stage::Act, "#act-now"))/>
            <Cancel on_cancel=cancel/>
        }
        .into_any(),
    }
    };

    view! {
        <section class="page report" data-stage=move || format!("{:?}", stage.get()).to_lowercase()>
            <DraftNotSaved failed=draft.failed/>
            {move || draft.value.with(|d| d.rejected.clone()).map(|r| view! {
                <div class="notice" data-testid="correcting">
                    <p>{tr(T::CorrectingNotice)}</p>
                    <RefusalList kind=vaksam_core::protocol::RecordKind::Incident errors=r.errors/>
                </div>
            })}
            {body}
        </section>
    }
}

/// "Du har en påbörjad rapport (…, i dag kl. 19.35)": continue or start over.
#[component]
fn DraftPrompt(
    draft: RwSignal<drafts::SavedDraft>,
    /// Opened with a finding from the lookup: continuing keeps the old report without it,
    /// starting over starts the new report from the finding.
    from_lookup: bool,
    on_continue: Callback<()>,
    on_start_over: Callback<()>,
) -> impl IntoView {
    let ctx = ctx();
    let what = move || {
        let lang = ctx.lang.get();
        draft.with(|d| {
            let category = d
                .draft
                .category
                .map(|c| i18n::category(lang, c))
                .unwrap_or("");
            format!("{category}, {}", started(lang, &d.draft.discovered_at))
        })
    };
    view! {
        <div class="draft-prompt" data-testid="draft-prompt">
            <h1 id="question" tabindex="-1">{tr(T::DraftPromptTitle)}</h1>
            <p class="draft-what">"("{what}")"</p>
            {from_lookup.then(|| view! { <p data-testid="draft-lookup-note">{tr(T::DraftLookupNote)}</p> })}
            <div class="stack">
                <button type="button" class="button primary wide" on:click=move |_| on_continue.run(())>
                    {tr(if from_lookup { T::DraftKeepOld } else { T::DraftContinue })}
                </button>
                <button type="button" class="button wide" on:click=move |_| on_start_over.run(())>
                    {tr(if from_lookup { T::DraftStartNew } else { T::DraftStartOver })}
                </button>
            </div>
        </div>
    }
}

/// "Vad har hänt?": one large row per category; a tap chooses and moves on.
#[component]
fn CategoryStep(
    chosen: Signal<Option<Category>>,
    errors: Signal<Vec<FieldError>>,
    on_choose: Callback<Category>,
) -> impl IntoView {
    let ctx = ctx();
    let offered = ctx
        .sync
        .pack
        .with_untracked(|p| p.as_ref().map(|p| p.offered_categories()))
        .unwrap_or(Category::ALL.to_vec());
    view! {
        <h1 id="question" tabindex="-1">{tr(T::QCategory)}</h1>
        <FieldErrors errors field="category"/>
        <p class="hint" id="category-hint">{tr(T::HCategory)}</p>
        <ul class="category-rows" aria-describedby="category-hint">
            {offered.into_iter().map(|c| view! {
                <li>
                    <button type="button" class="category-row" data-category=c.as_str()
                        aria-pressed=move || (chosen.get() == Some(c)).to_string()
                        on:click=move |_| on_choose.run(c)>
                        <span class="category-icon" aria-hidden="true">{icon(c)}</span>
                        <span class="category-name">{move || i18n::category(ctx.lang.get(), c)}</span>
                        <span class="category-go mirror" aria-hidden="true">"›"</span>
                    </button>
                </li>
            }).collect_view()}
        </ul>
    }
}

/// "Gör så här nu": the urgent steps with call buttons, then "Skicka rapporten", "Berätta
/// mer", and the employee's 72-hour advice where personal data may be involved.
#[component]
fn ActStep(
    draft: RwSignal<drafts::SavedDraft>,
    filled_in: RwSignal<Option<Vec<String>>>,
    saving: Signal<bool>,
    save_failed: RwSignal<bool>,
    on_send: Callback<()>,
    on_more: Callback<()>,
    on_change: Callback<()>,
) -> impl IntoView {
    let ctx = ctx();
    let steps = Memo::new(move |_| {
        let report = draft.with(|d| sketch(&d.draft))?;
        let from_pack = ctx
            .sync
            .pack
            .with(|p| p.as_ref().map(|p| p.guidance_for(&report)))
            .filter(|g| !g.steps.is_empty());
        Some(match from_pack {
            Some(g) => Steps::Pack(g),
            None => Steps::Defaults(guidance::steps_for(&report)),
        })
    });
    let deadline = Memo::new(move |_| draft.with(|d| imy_deadline(&d.draft)).map(clock::rfc3339));
    let category =
        move || draft.with(|d| d.draft.category.map(|c| i18n::category(ctx.lang.get(), c)));
    view! {
        {move || filled_in.get().map(|items| view! {
            <div class="notice filled-in" data-testid="filled-in">
                <p><strong>{tr(T::FilledIn)}</strong></p>
                <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
            </div>
        })}
        <p class="chosen-category">
            <span class="chosen-label">{tr(T::ChosenCategory)}" "</span>
            <strong data-testid="chosen-category">{category}</strong>" "
            <button type="button" class="link inline-action" on:click=move |_| on_change.run(())>
                {tr(T::ChangeCategory)}
                <span class="visually-hidden">": "{tr(T::QCategory)}</span>
            </button>
        </p>
        {move || steps.get().map(|steps| view! { <ActNow steps level=1/> })}
        <SendButton saving save_failed on_send/>
        <p class="hint send-hint">{tr(T::SendHint)}</p>
        <button type="button" class="button wide" data-testid="tell-more" on:click=move |_| on_more.run(())>
            {tr(T::TellMore)}
        </button>
        {move || deadline.get().map(|d| view! { <TellManager deadline=d/> })}
        <StepSources steps/>
    }
}

/// "Skicka rapporten", with the save's failure beside it.
#[component]
fn SendButton(
    saving: Signal<bool>,
    save_failed: RwSignal<bool>,
    on_send: Callback<()>,
) -> impl IntoView {
    view! {
        <Show when=move || save_failed.get()>
            <p class="error" role="alert">{tr(T::SaveFailed)}</p>
        </Show>
        <button type="button" class="button primary send" data-testid="submit"
            disabled=move || saving.get() on:click=move |_| on_send.run(())>
            {tr(T::SendReport)}
        </button>
    }
}

/// Sets one part of the draft, telling the form only when it changed.
fn edit<V: PartialEq>(
    draft: RwSignal<drafts::SavedDraft>,
    part: fn(&mut IncidentDraft) -> &mut V,
    value: V,
) {
    draft.maybe_update(|d| {
        let slot = part(&mut d.draft);
        let changed = *slot != value;
        *slot = value;
        changed
    });
}

/// "Berätta mer": every other question on one screen, all optional, "Skicka" at hand.
#[component]
fn MoreStep(
    draft: RwSignal<drafts::SavedDraft>,
    errors: Signal<Vec<FieldError>>,
    saving: Signal<bool>,
    save_failed: RwSignal<bool>,
    on_send: Callback<()>,
    on_back: Callback<()>,
) -> impl IntoView {
    let ctx = ctx();
    let lang = move || ctx.lang.get();
    let text = move |read: fn(&IncidentDraft) -> &String| {
        Signal::derive(move || draft.with(|d| read(&d.draft).clone()))
    };
    let time_field = move |field: &'static str,
                           label: T,
                           read: fn(&IncidentDraft) -> &String,
                           write: fn(&mut IncidentDraft) -> &mut String| {
        view! {
            <div class="field question" id=format!("q-{field}") tabindex="-1">
                <label for=field>{tr(label)}</label>
                <FieldErrors errors field=field/>
                <input type="datetime-local" id=field aria-describedby=format!("err-{field}")
                    prop:value=move || draft.with(|d| read(&d.draft).clone())
                    on:input=move |ev| edit(draft, write, event_target_value(&ev))/>
            </div>
        }
    };
    view! {
        <h1 id="question" tabindex="-1">{tr(T::TellMoreTitle)}</h1>
        <p class="hint">{tr(T::TellMoreHint)}</p>
        <Show when=move || errors.with(|e| !e.is_empty())>
            <p class="error" role="alert">{tr(T::FixErrors)}</p>
        </Show>
        <form class="more" on:submit=|ev| ev.prevent_default() novalidate>
            {time_field("occurred_at", T::OccurredAt, |d| &d.occurred_at, |d| &mut d.occurred_at)}
            {time_field("discovered_at", T::DiscoveredAt, |d| &d.discovered_at, |d| &mut d.discovered_at)}
            <TextQuestion field="place" label=T::PlaceLabel hint=T::HPlace max=MAX_PLACE_CHARS
                get=text(|d| &d.place) set=Callback::new(move |v| edit(draft, |d| &mut d.place, v)) errors/>
            <TextQuestion field="description" label=T::DescriptionLabel hint=T::HDescription rows=4 max=MAX_DESCRIPTION_CHARS
                get=text(|d| &d.description) set=Callback::new(move |v| edit(draft, |d| &mut d.description, v)) errors/>
            <PersonalDataQuestion
                get=Signal::derive(move || draft.with(|d| Some(d.draft.personal_data.clone())))
                set=Callback::new(move |p| edit(draft, |d| &mut d.personal_data, p))
                errors/>
            <AnswerChoice name="harm" label=T::QHarm hint=T::HHarm
                get=Signal::derive(move || draft.with(|d| Some(d.draft.harm_to_person)))
                set=Callback::new(move |a| edit(draft, |d| &mut d.harm_to_person, a))/>
            <AnswerChoice name="ongoing" label=T::QOngoing
                get=Signal::derive(move || draft.with(|d| Some(d.draft.ongoing)))
                set=Callback::new(move |a| edit(draft, |d| &mut d.ongoing, a))/>
            <fieldset class="field question" id="q-aspects" tabindex="-1">
                <legend>{tr(T::QAspects)}</legend>
                <FieldErrors errors field="aspects"/>
                <p class="hint">{tr(T::HAspects)}</p>
                {Aspect::ALL.into_iter().map(|a| view! {
                    <label class="choice">
                        <input type="checkbox"
                            prop:checked=move || draft.with(|d| d.draft.aspects.contains(&a))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                draft.update(|d| {
                                    d.draft.aspects.retain(|x| *x != a);
                                    if on {
                                        d.draft.aspects.push(a);
                                    }
                                });
                            }/>
                        <span>{move || i18n::aspect_plain(lang(), a)}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <TextQuestion field="actions_taken" label=T::ActionsLabel hint=T::HActions rows=3 max=MAX_ACTIONS_CHARS
                get=text(|d| &d.actions_taken) set=Callback::new(move |v| edit(draft, |d| &mut d.actions_taken, v)) errors/>
        </form>
        <div class="send-bar">
            <SendButton saving save_failed on_send/>
        </div>
        <button type="button" class="button wide" on:click=move |_| on_back.run(())>{tr(T::Back)}</button>
    }
}

/// "Avbryt" on every step: asks first, then discards the draft and goes home.
#[component]
fn Cancel(on_cancel: Callback<()>) -> impl IntoView {
    let asking = RwSignal::new(false);
    view! {
        <div class="cancel">
            <Show when=move || asking.get() fallback=move || view! {
                <button type="button" class="link inline-action" on:click=move |_| {
                    asking.set(true);
                    focus_into_view("#cancel-confirm".into());
                }>{tr(T::Cancel)}</button>
            }>
                <div class="cancel-confirm" id="cancel-confirm" tabindex="-1" role="group" aria-labelledby="cancel-question">
                    <p id="cancel-question">{tr(T::CancelConfirm)}</p>
                    <div class="stack">
                        <button type="button" class="button danger wide" on:click=move |_| on_cancel.run(())>{tr(T::CancelYes)}</button>
                        <button type="button" class="button wide" on:click=move |_| asking.set(false)>{tr(T::CancelNo)}</button>
                    </div>
                </div>
            </Show>
        </div>
    }
}

/// What the saved page shows, from the entry just saved, the outbox or the receipt.
#[derive(Debug, Clone, PartialEq)]
struct Shown {
    steps: Option<Steps>,
    deadline: Option<String>,
    case_number: Option<String>,
}

impl Shown {
    fn of_entry(e: outbox::OutboxEntry) -> Shown {
        Shown {
            steps: Steps::kept(e.guidance, e.steps),
            deadline: e.imy_deadline,
            case_number: None,
        }
    }
}

async fn shown(id: String) -> Option<Shown> {
    if let Ok(Some(entry)) = outbox::get(&id).await {
        return Some(Shown::of_entry(entry));
    }
    let r = receipts::get(&id).await.ok().flatten()?;
    Some(Shown {
        steps: Steps::kept(r.guidance, r.steps),
        deadline: r.imy_deadline,
        case_number: r.case_number.map(|c| c.to_string()),
    })
}

/// After "Skicka": thanks, calmly where the report is, the steps again with their call
/// buttons, the 72-hour advice if it applies, "Lägg till information" and "Klar".
#[component]
pub fn SavedPage() -> impl IntoView {
    let ctx = ctx();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let just = JUST_SAVED
        .take()
        .filter(|e| e.id == id_untracked(&params))
        .map(Shown::of_entry);
    if just.is_some() {
        // The benchmark's end point: "saved on this phone" is on screen.
        request_animation_frame(|| measure("vaksam-saved-shown"));
        // Arrived from "Skicka": a screen reader starts at "Tack …", not on the old button.
        crate::components::form::focus_later("#saved-title");
    }
    let read = crate::load::load(move || {
        ctx.sync.revision.track();
        shown(id())
    });
    let info = Memo::new(move |_| read.get().flatten().or_else(|| just.clone()));
    view! {
        <section class="page saved">
            <h1 tabindex="-1" id="saved-title">
                <span class="saved-mark" aria-hidden="true">"✓ "</span>
                {tr(T::SavedTitle)}
            </h1>
            <p class="report-state calm" data-testid="report-state">
                {move || match info.get().and_then(|i| i.case_number) {
                    Some(case) => format!("{} · {} {}", ctx.t(T::StateReceived), ctx.t(T::CaseNumber), case),
                    None => ctx.t(T::SavedCalm).to_owned(),
                }}
            </p>
            {move || info.get().and_then(|i| i.steps).map(|steps| view! { <ActNow steps told=true/> })}
            {move || info.get().and_then(|i| i.deadline).map(|d| view! { <TellManager deadline=d/> })}
            <div class="stack saved-actions">
                <a href=move || format!("/reports/{}/add", id()) class="button wide" data-testid="add-information">
                    {tr(T::AddInformation)}
                </a>
                <a href="/" class="button primary wide" data-testid="done">{tr(T::Done)}</a>
            </div>
            <SyncStatusLine/>
            <p><a href="/reports" class="to-reports">{tr(T::ToMyReports)}</a></p>
            <StepSources steps=Signal::derive(move || info.get().and_then(|i| i.steps))/>
        </section>
    }
}

fn id_untracked(params: &Memo<crate::router::ParamsMap>) -> String {
    params.with_untracked(|p| p.get("id").unwrap_or_default())
}
