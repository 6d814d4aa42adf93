//! The incident report (DESIGN.md §1): one question per screen, a short hint each, saved
//! as a draft on every change, and written to the outbox before any network call.

use crate::components::source::{AdviceMark, AdviceNote, InSwedish};
use crate::components::RefusalList;
use crate::components::{FieldErrors, SyncStatusLine};
use crate::i18n::{self, Lang, T};
use crate::store::{drafts, outbox, receipts};
use crate::{clock, ctx};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use vaksam_core::guidance::Step;
use vaksam_core::incident::{
    Answer, Aspect, Category, PeopleAffected, PersonalDataKind, MAX_ACTIONS_CHARS,
    MAX_DESCRIPTION_CHARS, MAX_PLACE_CHARS,
};
use vaksam_core::pack::{Guidance, Text};
use vaksam_core::validation::FieldError;
use vaksam_core::{Incident, IncidentDraft};

/// The questions, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Question {
    Category,
    When,
    Place,
    Aspects,
    PersonalData,
    Harm,
    Ongoing,
    Actions,
    Description,
    Review,
}

const QUESTIONS: [Question; 10] = [
    Question::Category,
    Question::When,
    Question::Place,
    Question::Aspects,
    Question::PersonalData,
    Question::Harm,
    Question::Ongoing,
    Question::Actions,
    Question::Description,
    Question::Review,
];

impl Question {
    fn title(self) -> T {
        match self {
            Question::Category => T::QCategory,
            Question::When => T::QWhen,
            Question::Place => T::QPlace,
            Question::Aspects => T::QAspects,
            Question::PersonalData => T::QPersonalData,
            Question::Harm => T::QHarm,
            Question::Ongoing => T::QOngoing,
            Question::Actions => T::QActions,
            Question::Description => T::QDescription,
            Question::Review => T::QReview,
        }
    }

    fn hint(self) -> T {
        match self {
            Question::Category => T::HCategory,
            Question::When => T::HWhen,
            Question::Place => T::HPlace,
            Question::Aspects => T::HAspects,
            Question::PersonalData => T::HPersonalData,
            Question::Harm => T::HHarm,
            Question::Ongoing => T::HOngoing,
            Question::Actions => T::HActions,
            Question::Description => T::HDescription,
            Question::Review => T::HReview,
        }
    }

    /// Whether a field error (by wire path) belongs to this question.
    fn owns(self, field: &str) -> bool {
        match self {
            Question::Category => field == "category",
            Question::When => field == "occurred_at" || field == "discovered_at",
            Question::Place => field == "place",
            Question::Aspects => field == "aspects",
            Question::PersonalData => field.starts_with("personal_data"),
            Question::Actions => field == "actions_taken",
            Question::Description => field == "description",
            Question::Harm | Question::Ongoing | Question::Review => false,
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

/// Yes / no / don't know as radio buttons.
#[component]
fn AnswerChoice(
    name: &'static str,
    label: T,
    get: Signal<Answer>,
    set: Callback<Answer>,
) -> impl IntoView {
    let ctx = ctx();
    let option = move |a: Answer| {
        let id = format!(
            "{name}-{}",
            match a {
                Answer::Yes => "yes",
                Answer::No => "no",
                Answer::Unknown => "unknown",
            }
        );
        view! {
            <div class="choice">
                <input type="radio" id=id.clone() name=name prop:checked=move || get.get() == a on:change=move |_| set.run(a)/>
                <label for=id>{move || i18n::answer(ctx.lang.get(), a)}</label>
            </div>
        }
    };
    view! {
        <fieldset class="field">
            <legend>{move || ctx.t(label)}</legend>
            {option(Answer::Yes)}
            {option(Answer::No)}
            {option(Answer::Unknown)}
        </fieldset>
    }
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
            None => (
                lang.pick("Informationen", "The information").to_owned(),
                Vec::new(),
            ),
        };
        Some((
            i18n::misplaced_note(lang, &kind_name, &place_name),
            place_name,
            aspects,
        ))
    })
}

/// The report form.
#[component]
pub fn IncidentPage() -> impl IntoView {
    let ctx = ctx();
    let draft = RwSignal::new(IncidentDraft::new(clock::now()));
    let step = RwSignal::new(0usize);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let loaded = RwSignal::new(false);
    let save_failed = RwSignal::new(false);
    let saving = RwSignal::new(false);
    // Why the last auto-save failed; cleared by the next one that works.
    let autosave_failed = RwSignal::new(None::<crate::store::StoreErrorKind>);
    let save_generation = StoredValue::new(0u64);
    // A refused report being corrected: the server's reasons stay on their questions
    // while the answer they concern is unchanged.
    let rejected = RwSignal::new(None::<drafts::Rejected>);
    let shown_errors = Signal::derive(move || {
        let mut list = errors.get();
        rejected.with(|r| {
            if let Some(r) = r {
                draft.with(|d| list.extend(still_refused(r, d)));
            }
        });
        list
    });
    let navigate = use_navigate();

    // Opened from a "no" in the classification lookup: start from what it knows.
    let misplaced = use_query_map().with_untracked(|q| q.get("place").map(|p| (q.get("kind"), p)));
    let finding = misplaced
        .as_ref()
        .and_then(|(kind, place)| misplaced_finding(kind.as_deref(), place));
    spawn_local(async move {
        match drafts::load_incident().await {
            Ok(Some(saved)) => {
                let first_refused = saved.rejected.as_ref().and_then(|r| {
                    QUESTIONS
                        .iter()
                        .position(|q| still_refused(r, &saved.draft).any(|e| q.owns(&e.field)))
                });
                draft.set(saved.draft);
                step.set(first_refused.unwrap_or(saved.step).min(QUESTIONS.len() - 1));
                rejected.set(saved.rejected);
            }
            Ok(None) => {}
            Err(e) => autosave_failed.set(Some(e.kind)),
        }
        loaded.set(true);
        if misplaced.is_some() {
            if let Some((note, place, aspects)) = finding {
                // After `loaded`, so the auto-save below stores it.
                draft.update(|d| d.add_misplaced(&note, &place, &aspects));
                step.set(0);
            }
            // Drop the query without a new route, so a reload does not add it again.
            if let Ok(history) = window().history() {
                let _ = history.replace_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some("/report"),
                );
            }
        }
    });
    // Auto-save: every change goes to IndexedDB, so a reload or an update loses nothing.
    Effect::new(move |_| {
        let snapshot = drafts::SavedDraft {
            draft: draft.get(),
            step: step.get(),
            rejected: rejected.get(),
        };
        if loaded.get_untracked() {
            crate::components::autosave(save_generation, autosave_failed, async move {
                drafts::save_incident(&snapshot).await
            });
        }
    });

    let go_to = move |i: usize| {
        step.set(i);
        crate::components::focus_later("#question");
    };
    let next = move |_| {
        let q = QUESTIONS[step.get_untracked()];
        let found = match draft.with_untracked(validate) {
            Ok(_) => vec![],
            Err(list) => list.into_iter().filter(|e| q.owns(&e.field)).collect(),
        };
        let blocked = !found.is_empty();
        errors.set(found);
        if !blocked {
            go_to((step.get_untracked() + 1).min(QUESTIONS.len() - 1));
        } else {
            crate::components::focus_later("#question");
        }
    };
    let back = move |_| {
        errors.set(vec![]);
        go_to(step.get_untracked().saturating_sub(1));
    };
    let submit = move |_| {
        if saving.get_untracked() {
            return;
        }
        mark("vaksam-submit");
        let incident = match draft.with_untracked(validate) {
            Ok(i) => i,
            Err(list) => {
                let first = QUESTIONS
                    .iter()
                    .position(|q| list.iter().any(|e| q.owns(&e.field)))
                    .unwrap_or(0);
                errors.set(list);
                go_to(first);
                return;
            }
        };
        saving.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            let id = clock::new_record_id();
            let pack = ctx.sync.pack.get_untracked();
            let replaces = rejected.get_untracked().map(|r| r.id);
            let saved =
                match outbox::OutboxEntry::for_incident(id, &incident, pack.as_ref(), clock::now())
                {
                    Ok(entry) => outbox::add_from_draft(&entry, replaces.as_deref())
                        .await
                        .map(|()| JUST_SAVED.set(Some(entry))),
                    Err(e) => Err(e),
                };
            saving.set(false);
            match saved {
                Ok(()) => {
                    measure("vaksam-save");
                    save_failed.set(false);
                    // The draft left in the save's transaction: no auto-save may write it
                    // back (setting a signal the auto-save reads did, and the next report
                    // then opened on this one's review).
                    loaded.set(false);
                    navigate(&format!("/report/saved/{id}"), Default::default());
                    ctx.sync.saved().await;
                }
                // The draft stays in memory and in its own store; nothing typed is lost.
                Err(_) => {
                    crate::store::forget_connection();
                    save_failed.set(true);
                }
            }
        });
    };

    let body = move || {
        let q = QUESTIONS[step.get()];
        question_view(q, draft, shown_errors, go_to)
    };

    view! {
        <section class="page report">
            <h1>{move || ctx.t(T::ReportTitle)}</h1>
            <p class="progress">{move || i18n::step_of(ctx.lang.get(), step.get() + 1, QUESTIONS.len())}</p>
            <Show when=move || save_failed.get()>
                <p class="error" role="alert">{move || ctx.t(T::SaveFailed)}</p>
            </Show>
            <crate::components::DraftNotSaved failed=autosave_failed/>
            {move || rejected.get().map(|r| view! {
                <div class="notice" data-testid="correcting">
                    <p>{move || ctx.t(T::CorrectingNotice)}</p>
                    <RefusalList kind=vaksam_core::protocol::RecordKind::Incident errors=r.errors/>
                </div>
            })}
            <Show when=move || shown_errors.with(|e| !e.is_empty()) && QUESTIONS[step.get()] == Question::Review>
                <p class="error" role="alert">{move || ctx.t(T::FixErrors)}</p>
            </Show>
            <form on:submit=|ev| ev.prevent_default() novalidate>
                <h2 id="question" tabindex="-1">{move || ctx.t(QUESTIONS[step.get()].title())}</h2>
                <p class="hint" id="question-hint">{move || ctx.t(QUESTIONS[step.get()].hint())}</p>
                {body}
                <div class="actions">
                    <Show when=move || { step.get() > 0 }>
                        <button type="button" class="button" on:click=back>{move || ctx.t(T::Back)}</button>
                    </Show>
                    <Show
                        when=move || QUESTIONS[step.get()] == Question::Review
                        fallback=move || view! { <button type="submit" class="button primary" on:click=next>{move || ctx.t(T::Next)}</button> }
                    >
                        <button type="submit" class="button primary" data-testid="submit" disabled=move || saving.get() on:click=submit.clone()>
                            {move || ctx.t(T::Submit)}
                        </button>
                    </Show>
                </div>
            </form>
        </section>
    }
}

fn question_view(
    q: Question,
    draft: RwSignal<IncidentDraft>,
    errors: Signal<Vec<FieldError>>,
    go_to: impl Fn(usize) + Copy + 'static,
) -> AnyView {
    let ctx = ctx();
    let lang = move || ctx.lang.get();
    match q {
        Question::Category => view! {
            <fieldset class="field" aria-describedby="question-hint err-category">
                <legend class="visually-hidden">{move || ctx.t(T::QCategory)}</legend>
                {ctx.sync.pack.with_untracked(|p| p.as_ref().map(|p| p.offered_categories())).unwrap_or(Category::ALL.to_vec()).into_iter().map(|c| {
                    let id = format!("cat-{}", c.as_str());
                    view! {
                        <div class="choice">
                            <input type="radio" id=id.clone() name="category"
                                prop:checked=move || draft.with(|d| d.category == Some(c))
                                on:change=move |_| draft.update(|d| d.category = Some(c))/>
                            <label for=id>{move || i18n::category(lang(), c)}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <FieldErrors errors field="category"/>
        }
        .into_any(),
        Question::When => view! {
            <div class="field">
                <label for="occurred_at">{move || ctx.t(T::OccurredAt)}</label>
                <input type="datetime-local" id="occurred_at" aria-describedby="err-occurred_at"
                    prop:value=move || draft.with(|d| d.occurred_at.clone())
                    on:input=move |ev| draft.update(|d| d.occurred_at = event_target_value(&ev))/>
                <FieldErrors errors field="occurred_at"/>
            </div>
            <div class="field">
                <label for="discovered_at">{move || ctx.t(T::DiscoveredAt)}</label>
                <input type="datetime-local" id="discovered_at" aria-describedby="err-discovered_at"
                    prop:value=move || draft.with(|d| d.discovered_at.clone())
                    on:input=move |ev| draft.update(|d| d.discovered_at = event_target_value(&ev))/>
                <FieldErrors errors field="discovered_at"/>
            </div>
        }
        .into_any(),
        Question::Place => view! {
            <div class="field">
                <label for="place">{move || ctx.t(T::PlaceLabel)}</label>
                <input type="text" id="place" maxlength=MAX_PLACE_CHARS.to_string() autocomplete="off" aria-describedby="question-hint err-place"
                    prop:value=move || draft.with(|d| d.place.clone())
                    on:input=move |ev| draft.update(|d| d.place = event_target_value(&ev))/>
                <FieldErrors errors field="place"/>
            </div>
        }
        .into_any(),
        Question::Aspects => view! {
            <fieldset class="field" aria-describedby="question-hint err-aspects">
                <legend class="visually-hidden">{move || ctx.t(T::QAspects)}</legend>
                {Aspect::ALL.into_iter().enumerate().map(|(i, a)| {
                    let id = format!("aspect-{i}");
                    view! {
                        <div class="choice">
                            <input type="checkbox" id=id.clone()
                                prop:checked=move || draft.with(|d| d.aspects.contains(&a))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    draft.update(|d| toggle(&mut d.aspects, a, on));
                                }/>
                            <label for=id>{move || i18n::aspect(lang(), a)}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <FieldErrors errors field="aspects"/>
        }
        .into_any(),
        Question::PersonalData => personal_data_view(draft, errors),
        Question::Harm => view! {
            <AnswerChoice name="harm" label=T::QHarm
                get=Signal::derive(move || draft.with(|d| d.harm_to_person))
                set=Callback::new(move |a| draft.update(|d| d.harm_to_person = a))/>
        }
        .into_any(),
        Question::Ongoing => view! {
            <AnswerChoice name="ongoing" label=T::QOngoing
                get=Signal::derive(move || draft.with(|d| d.ongoing))
                set=Callback::new(move |a| draft.update(|d| d.ongoing = a))/>
        }
        .into_any(),
        Question::Actions => text_area(
            draft,
            errors,
            TextField { field: "actions_taken", label: T::ActionsLabel, rows: 4, max: MAX_ACTIONS_CHARS },
            (|d| &d.actions_taken, |d| &mut d.actions_taken),
        ),
        Question::Description => text_area(
            draft,
            errors,
            TextField { field: "description", label: T::DescriptionLabel, rows: 6, max: MAX_DESCRIPTION_CHARS },
            (|d| &d.description, |d| &mut d.description),
        ),
        Question::Review => review_view(draft, errors, go_to),
    }
}

/// A free-text question's field.
struct TextField {
    field: &'static str,
    label: T,
    rows: u8,
    max: usize,
}

/// Reads and writes one text of the draft.
type TextLens = (
    fn(&IncidentDraft) -> &String,
    fn(&mut IncidentDraft) -> &mut String,
);

/// A labelled text area bound to one text of the draft, with its errors.
fn text_area(
    draft: RwSignal<IncidentDraft>,
    errors: Signal<Vec<FieldError>>,
    f: TextField,
    (text, text_mut): TextLens,
) -> AnyView {
    let ctx = ctx();
    let TextField {
        field,
        label,
        rows,
        max,
    } = f;
    view! {
        <div class="field">
            <label for=field>{move || ctx.t(label)}</label>
            <textarea id=field rows=rows.to_string() maxlength=max.to_string()
                aria-describedby=format!("question-hint err-{field}")
                prop:value=move || draft.with(|d| text(d).clone())
                on:input=move |ev| draft.update(|d| *text_mut(d) = event_target_value(&ev))></textarea>
            <FieldErrors errors field=field/>
        </div>
    }
    .into_any()
}

fn toggle<T: PartialEq>(list: &mut Vec<T>, item: T, on: bool) {
    list.retain(|x| *x != item);
    if on {
        list.push(item);
    }
}

fn personal_data_view(draft: RwSignal<IncidentDraft>, errors: Signal<Vec<FieldError>>) -> AnyView {
    let ctx = ctx();
    let lang = move || ctx.lang.get();
    let involved = Signal::derive(move || draft.with(|d| d.personal_data.involved));
    let set_involved = Callback::new(move |a: Answer| {
        draft.update(|d| {
            d.personal_data.involved = a;
            // "No" clears the details so the report stays consistent.
            if a == Answer::No {
                d.personal_data = Default::default();
                d.personal_data.involved = Answer::No;
            }
        })
    });
    view! {
        <AnswerChoice name="pd-involved" label=T::PdInvolved get=involved set=set_involved/>
        <Show when=move || involved.get() != Answer::No>
            <fieldset class="field">
                <legend>{move || ctx.t(T::PdKinds)}</legend>
                {PersonalDataKind::ALL.into_iter().enumerate().map(|(i, k)| {
                    let id = format!("pd-kind-{i}");
                    view! {
                        <div class="choice">
                            <input type="checkbox" id=id.clone()
                                prop:checked=move || draft.with(|d| d.personal_data.kinds.contains(&k))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    draft.update(|d| toggle(&mut d.personal_data.kinds, k, on));
                                }/>
                            <label for=id>{move || i18n::pd_kind(lang(), k)}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <fieldset class="field">
                <legend>{move || ctx.t(T::PdPeople)}</legend>
                {PeopleAffected::ALL.into_iter().enumerate().map(|(i, p)| {
                    let id = format!("pd-people-{i}");
                    view! {
                        <div class="choice">
                            <input type="radio" id=id.clone() name="pd-people"
                                prop:checked=move || draft.with(|d| d.personal_data.people == Some(p))
                                on:change=move |_| draft.update(|d| d.personal_data.people = Some(p))/>
                            <label for=id>{move || i18n::people(lang(), p)}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <AnswerChoice name="pd-sensitive" label=T::PdSensitive
                get=Signal::derive(move || draft.with(|d| d.personal_data.sensitive))
                set=Callback::new(move |a| draft.update(|d| d.personal_data.sensitive = a))/>
            <AnswerChoice name="pd-secrecy" label=T::PdSecrecy
                get=Signal::derive(move || draft.with(|d| d.personal_data.secrecy))
                set=Callback::new(move |a| draft.update(|d| d.personal_data.secrecy = a))/>
        </Show>
        <FieldErrors errors field="personal_data"/>
    }
    .into_any()
}

/// How the review shows one answer.
type Summary = Box<dyn Fn(Lang, &IncidentDraft) -> String + Send + Sync>;

fn review_view(
    draft: RwSignal<IncidentDraft>,
    errors: Signal<Vec<FieldError>>,
    go_to: impl Fn(usize) + Copy + 'static,
) -> AnyView {
    let ctx = ctx();
    let row = move |q: Question, value: Summary| {
        let index = QUESTIONS.iter().position(|x| *x == q).unwrap_or(0);
        let has_error = move || errors.with(|list| list.iter().any(|e| q.owns(&e.field)));
        view! {
            <div class="review-row" class:has-error=has_error>
                <dt>{move || ctx.t(q.title())}</dt>
                <dd>
                    {move || draft.with(|d| value(ctx.lang.get(), d))}
                    <Show when=has_error>
                        <span class="error"><span aria-hidden="true">"⚠ "</span>{move || ctx.t(T::FixErrors)}</span>
                    </Show>
                    " "
                    <button type="button" class="link" on:click=move |_| go_to(index)>
                        {move || ctx.t(T::Edit)}
                        <span class="visually-hidden">{move || format!(": {}", ctx.t(q.title()))}</span>
                    </button>
                </dd>
            </div>
        }
    };
    let or_blank = |lang: Lang, s: &str| {
        if s.trim().is_empty() {
            T::NotAnswered.in_(lang).to_owned()
        } else {
            s.to_owned()
        }
    };
    view! {
        <dl class="review">
            {row(Question::Category, Box::new(move |l, d| d.category.map(|c| i18n::category(l, c).to_owned()).unwrap_or_else(|| T::NotAnswered.in_(l).to_owned())))}
            {row(Question::When, Box::new(move |l, d| format!("{}: {} · {}: {}", T::OccurredAt.in_(l), d.occurred_at.replace('T', " "), T::DiscoveredAt.in_(l), d.discovered_at.replace('T', " "))))}
            {row(Question::Place, Box::new(move |l, d| or_blank(l, &d.place)))}
            {row(Question::Aspects, Box::new(move |l, d| if d.aspects.is_empty() { T::DontKnow.in_(l).to_owned() } else { d.aspects.iter().map(|a| i18n::aspect(l, *a).split(" – ").next().unwrap_or("").to_owned()).collect::<Vec<_>>().join(", ") }))}
            {row(Question::PersonalData, Box::new(move |l, d| i18n::answer(l, d.personal_data.involved).to_owned()))}
            {row(Question::Harm, Box::new(move |l, d| i18n::answer(l, d.harm_to_person).to_owned()))}
            {row(Question::Ongoing, Box::new(move |l, d| i18n::answer(l, d.ongoing).to_owned()))}
            {row(Question::Actions, Box::new(move |l, d| or_blank(l, &d.actions_taken)))}
            {row(Question::Description, Box::new(move |l, d| or_blank(l, &d.description)))}
        </dl>
    }
    .into_any()
}

/// What the saved page shows: default steps, IMY deadline, case number, pack guidance.
type Shown = (Vec<Step>, Option<String>, Option<String>, Option<Guidance>);

/// "What to do now" from the municipality's pack: a call button where the contact has a
/// number, plainly whom to ask where it has none, and who is told.
fn guidance_view(g: Guidance) -> impl IntoView {
    let ctx = ctx();
    let lang = move || ctx.lang.get().tag();
    let any_default = g.steps.iter().any(|s| s.default);
    let told = g.told.clone();
    let texts: Vec<Text> = g
        .steps
        .iter()
        .flat_map(|s| std::iter::once(s.text.clone()).chain(s.call.clone()))
        .chain(told.iter().cloned())
        .collect();
    view! {
        <h2>{move || ctx.t(T::WhatNow)}" "<InSwedish texts/></h2>
        <AdviceNote show=any_default/>
        <ol class="steps" data-testid="guidance">
            {g.steps.into_iter().map(|s| {
                let text = s.text.clone();
                // A step kept by an older version has the number but not the `tel:` form.
                let tel = s.tel.clone().or_else(|| {
                    s.phone.as_ref().map(|n| n.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect())
                });
                let contact = s.call.clone().map(|role| match (tel, s.phone.clone()) {
                    (Some(tel), Some(number)) => {
                        let label = role.clone();
                        view! {
                            <a class="button small call" href=format!("tel:{tel}") data-testid="call">
                                {move || ctx.t(T::CallButton)}" "{move || label.get(lang()).to_owned()}
                            </a>
                            <span class="number">" "{number}</span>
                        }
                        .into_any()
                    }
                    _ => view! {
                        <span class="ask" data-testid="ask">
                            {move || ctx.t(T::AskWho)}" "{move || role.get(lang()).to_owned()}"."
                        </span>
                    }
                    .into_any(),
                });
                view! {
                    <li>
                        <p>{move || text.get(lang()).to_owned()}{s.default.then(|| view! { " " <AdviceMark/> })}</p>
                        {contact.map(|c| view! { <p class="step-contact">{c}</p> })}
                    </li>
                }
            }).collect_view()}
        </ol>
        {(!told.is_empty()).then(|| view! {
            <p class="told">{move || ctx.t(T::WhoIsTold)}": "
                {move || told.iter().map(|t| t.get(lang()).to_owned()).collect::<Vec<_>>().join(", ")}
            </p>
        })}
    }
}

/// After saving: the report's state, what to do now, and the IMY deadline.
#[component]
pub fn SavedPage() -> impl IntoView {
    let ctx = ctx();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    // (steps, deadline, case number, guidance) from the outbox entry or, once delivered,
    // the receipt.
    let info = RwSignal::new(None::<Shown>);
    if let Some(entry) = JUST_SAVED.take().filter(|e| e.id == id()) {
        info.set(Some((
            entry.steps,
            entry.imy_deadline,
            None,
            entry.guidance,
        )));
        // The benchmark's end point: "saved on this phone" is on screen.
        request_animation_frame(|| measure("vaksam-saved-shown"));
    }
    Effect::new(move |_| {
        let id = id();
        ctx.sync.revision.track();
        spawn_local(async move {
            if let Ok(Some(entry)) = outbox::get(&id).await {
                info.set(Some((
                    entry.steps,
                    entry.imy_deadline,
                    None,
                    entry.guidance,
                )));
            } else if let Ok(list) = receipts::all().await {
                if let Some(r) = list.into_iter().find(|r| r.id == id) {
                    info.set(Some((
                        r.steps,
                        r.imy_deadline,
                        r.case_number.map(|c| c.to_string()),
                        r.guidance,
                    )));
                }
            }
        });
    });
    view! {
        <section class="page">
            <h1 tabindex="-1">{move || ctx.t(T::SavedTitle)}</h1>
            <p class="report-state" data-testid="report-state">
                {move || match info.get().and_then(|i| i.2) {
                    Some(case) => format!("{} · {} {}", ctx.t(T::StateReceived), ctx.t(T::CaseNumber), case),
                    None => ctx.t(T::SavedOnPhone).to_owned(),
                }}
            </p>
            <SyncStatusLine/>
            {move || info.get().and_then(|i| i.3).map(guidance_view)}
            <Show when=move || info.with(|i| i.as_ref().is_some_and(|i| !i.0.is_empty()))>
                <h2>{move || ctx.t(T::WhatNow)}" "<AdviceMark/></h2>
                <AdviceNote show=true/>
                <ol class="steps">
                    {move || info.get().map(|i| i.0).unwrap_or_default().into_iter().map(|s| view! {
                        <li>{move || i18n::step(ctx.lang.get(), s)}</li>
                    }).collect_view()}
                </ol>
            </Show>
            <Show when=move || info.with(|i| i.as_ref().is_some_and(|i| i.1.is_some()))>
                <div class="deadline">
                    <h2>{move || ctx.t(T::ImyDeadline)}</h2>
                    <p class="deadline-time" data-testid="imy-deadline">
                        {move || info.get().and_then(|i| i.1).map(|t| clock::display_text(&t)).unwrap_or_default()}
                    </p>
                    <p>{move || ctx.t(T::ImyExplain)}</p>
                </div>
            </Show>
            <p><A href="/reports">{move || ctx.t(T::FnMyReports)}</A></p>
        </section>
    }
}
