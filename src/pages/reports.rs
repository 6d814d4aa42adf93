//! "Mina rapporter": every report this phone has saved, waiting or received; each opens to
//! what was sent, its case number and status, its steps and the 72-hour advice, and what
//! was added later. "Lägg till information" saves a supplement through the outbox.

use crate::components::form::use_persisted_draft;
use crate::components::report::{
    focus_into_view, in_words, text_in_words, ActNow, AnswerChoice, PersonalDataQuestion,
    StepSources, Steps, TellManager, TextQuestion,
};
use crate::components::{DraftNotSaved, RefusalList, SyncStatusLine};
use crate::i18n::{self, Lang, T};
use crate::router::{use_navigate, use_params_map, use_query_map};
use crate::store::outbox::{self, EntryState, OutboxEntry};
use crate::store::receipts::{self, LocalReceipt};
use crate::store::supplements::{self, LocalSupplement, SupplementState};
use crate::store::{drafts, StoreErrorKind};
use crate::tr;
use crate::{clock, ctx};
use leptos::prelude::*;
use leptos::task::spawn_local;
use vaksam_core::incident::{
    Category, IncidentReport, MAX_ACTIONS_CHARS, MAX_DESCRIPTION_CHARS, MAX_PLACE_CHARS,
};
use vaksam_core::protocol::{CaseStatus, RecordKind};
use vaksam_core::validation::FieldError;
use vaksam_core::SupplementDraft;

/// The place, or else the first words of what was written, for a row.
fn gist(report: &IncidentReport) -> Option<String> {
    if !report.place.trim().is_empty() {
        return Some(report.place.trim().to_owned());
    }
    let words: Vec<&str> = report.description.split_whitespace().collect();
    match words.len() {
        0 => None,
        n if n <= 8 => Some(words.join(" ")),
        _ => Some(format!("{} …", words[..8].join(" "))),
    }
}

fn status_text(status: CaseStatus) -> T {
    match status {
        CaseStatus::Received => T::StatusReceived,
        CaseStatus::InProgress => T::StatusInProgress,
        CaseStatus::Closed => T::StatusClosed,
    }
}

/// "Rätta och skicka igen": the refused report becomes the form's draft (asking first if
/// another report is under way), and the form opens on it.
fn correct(id: String, unreadable: RwSignal<Option<StoreErrorKind>>) {
    let ctx = ctx();
    let navigate = use_navigate();
    spawn_local(async move {
        let in_progress = drafts::load_incident()
            .await
            .ok()
            .flatten()
            .is_some_and(|d| {
                d.draft.category.is_some() && d.rejected.as_ref().is_none_or(|r| r.id != id)
            });
        if in_progress
            && !window()
                .confirm_with_message(ctx.t(T::ReplaceDraftConfirm))
                .unwrap_or(false)
        {
            return;
        }
        match outbox::reopen(&id).await {
            Ok(true) => navigate("/report?correct=1", Default::default()),
            Ok(false) => {}
            Err(e) => unreadable.set(Some(e.kind)),
        }
    });
}

fn discard(id: String) {
    let ctx = ctx();
    let confirmed = window()
        .confirm_with_message(ctx.t(T::DiscardConfirm))
        .unwrap_or(false);
    if confirmed {
        spawn_local(async move {
            let _ = outbox::discard(&id).await;
            ctx.sync.refresh_counts().await;
        });
    }
}

/// What waits and what was received, read together.
#[derive(Debug, Clone, Default, PartialEq)]
struct Lists {
    waiting: Vec<OutboxEntry>,
    received: Vec<LocalReceipt>,
    /// A storage failure is said as such, never shown as an empty list.
    unreadable: Option<StoreErrorKind>,
}

async fn lists() -> Lists {
    let mut out = Lists::default();
    match outbox::all().await {
        // A waiting supplement shows on its report's page.
        Ok(list) => {
            out.waiting = list
                .into_iter()
                .filter(|e| {
                    e.record.kind != RecordKind::Supplement || e.state != EntryState::Waiting
                })
                .rev()
                .collect()
        }
        Err(e) => out.unreadable = Some(e.kind),
    }
    match receipts::all().await {
        Ok(list) => out.received = list,
        Err(e) => out.unreadable = out.unreadable.or(Some(e.kind)),
    }
    out
}

/// What a screen shows until the phone has been read.
fn loading() -> impl IntoView {
    view! { <p class="loading" aria-busy="true">"…"</p> }
}

/// The list of reports.
#[component]
pub fn ReportsPage() -> impl IntoView {
    let ctx = ctx();
    let read = crate::load::load(move || {
        ctx.sync.revision.track();
        lists()
    });
    let unreadable = RwSignal::new(None::<StoreErrorKind>);
    let data = Memo::new(move |_| read.get());
    let waiting = move || data.get().map(|l| l.waiting).unwrap_or_default();
    let received = move || data.get().map(|l| l.received).unwrap_or_default();
    let failed = move || unreadable.get().or(data.get().and_then(|l| l.unreadable));
    view! {
        <section class="page reports-page">
            <h1>{tr(T::ReportsTitle)}</h1>
            <SyncStatusLine/>
            <Show when=move || data.with(Option::is_some) fallback=loading>
                {move || failed().map(|kind| view! {
                    <p class="storage-problem" role="alert" data-testid="reports-unreadable">
                        {tr(T::ReportsUnreadable)}" "{move || i18n::storage_problem(ctx.lang.get(), kind)}
                    </p>
                })}
                <Show when=move || data.get().is_some_and(|l| l.unreadable.is_none() && l.waiting.is_empty() && l.received.is_empty())>
                    <p>{tr(T::NoReports)}</p>
                </Show>
                <Show when=move || !waiting().is_empty()>
                    <h2>{tr(T::Waiting)}</h2>
                    <ul class="reports">
                        <For each=waiting key=|e| (e.id.clone(), format!("{:?}", e.state)) let:entry>
                            <WaitingRow entry unreadable/>
                        </For>
                    </ul>
                </Show>
                <Show when=move || !received().is_empty()>
                    <h2>{tr(T::Received)}</h2>
                    <ul class="reports">
                        <For each=received key=|r| (r.id.clone(), r.case_status, r.supplements.len(), r.message.clone()) let:receipt>
                            <ReceivedRow receipt/>
                        </For>
                    </ul>
                </Show>
            </Show>
        </section>
    }
}

/// The title of a record in the list.
fn record_title(lang: Lang, category: Option<Category>, kind: RecordKind) -> &'static str {
    match (category, kind) {
        (Some(c), _) => i18n::category(lang, c),
        (None, RecordKind::Quiz) => T::FnQuiz.in_(lang),
        (None, RecordKind::Supplement) => T::SupplementsTitle.in_(lang),
        (None, _) => T::SignatureItem.in_(lang),
    }
}

/// A record still on the phone: waiting, or refused with the server's reasons and what
/// the user can do about it.
#[component]
fn WaitingRow(entry: OutboxEntry, unreadable: RwSignal<Option<StoreErrorKind>>) -> impl IntoView {
    let ctx = ctx();
    let id = entry.id.clone();
    let report = entry.incident();
    let category = report.as_ref().map(|r| r.category);
    let summary = report.as_ref().and_then(gist);
    let kind = entry.record.kind;
    let saved = entry.record.created_at;
    let state = entry.state.clone();
    let refused = !matches!(state, EntryState::Waiting);
    let state_text = {
        let id = id.clone();
        move || {
            let sending = ctx.sync.sending_ids.with(|ids| ids.contains(&id));
            match (&state, sending, kind) {
                (EntryState::Waiting, true, _) => ctx.t(T::StateSending),
                (EntryState::Waiting, false, _) => ctx.t(T::StateWaiting),
                (EntryState::Rejected { .. }, _, RecordKind::Signature) => {
                    ctx.t(T::StateRejectedSignature)
                }
                (EntryState::Rejected { .. }, _, RecordKind::Quiz) => ctx.t(T::StateRejectedQuiz),
                (EntryState::Rejected { .. }, _, _) => ctx.t(T::StateRejected),
                (EntryState::Conflict { .. }, _, _) => ctx.t(T::StateConflict),
            }
        }
    };
    let refusal = match &entry.state {
        EntryState::Rejected { errors } => Some(errors.clone()),
        _ => None,
    };
    // What the user can do about a refusal: correct a report; sign again (the new
    // signature replaces the refused one); take a new round of training.
    let remedy = refusal.map(|errors| {
        let correct_id = id.clone();
        let action = match kind {
            RecordKind::Incident => view! {
                <button type="button" class="button small primary" on:click=move |_| correct(correct_id.clone(), unreadable)>
                    {tr(T::CorrectAndResend)}
                </button>
            }
            .into_any(),
            RecordKind::Signature => view! {
                <p class="hint">{tr(T::RefusedSignatureHelp)}</p>
                <a class="button small primary" href="/sign">{tr(T::SignAgainAfterRefusal)}</a>
            }
            .into_any(),
            RecordKind::Quiz => view! {
                <p class="hint">{tr(T::RefusedQuizHelp)}</p>
                <a class="button small primary" href="/quiz">{tr(T::ToTraining)}</a>
            }
            .into_any(),
            RecordKind::Supplement => ().into_any(),
        };
        view! {
            <RefusalList kind errors/>
            {action}
        }
    });
    let head = view! {
        <p class="report-title">{move || record_title(ctx.lang.get(), category, kind)}</p>
        <p class="report-meta">{move || in_words(ctx.lang.get(), saved)}</p>
        {summary.map(|s| view! { <p class="report-gist">{s}</p> })}
        <p class="report-state"><span aria-hidden="true">{if refused { "⚠ " } else { "• " }}</span>{state_text}</p>
    };
    let head = if kind == RecordKind::Incident {
        view! { <a href=format!("/reports/{id}") class="report-link">{head}</a> }.into_any()
    } else {
        view! { <div class="report-link">{head}</div> }.into_any()
    };
    let discard_id = entry.id.clone();
    view! {
        <li class="report-item" data-testid="waiting-report">
            {head}
            {remedy}
            <Show when=move || refused>
                <button type="button" class="button small" on:click={
                    let id = discard_id.clone();
                    move |_| discard(id.clone())
                }>{tr(T::Discard)}</button>
            </Show>
        </li>
    }
}

/// A report the municipality has: its case number and status.
#[component]
fn ReceivedRow(receipt: LocalReceipt) -> impl IntoView {
    let ctx = ctx();
    let category = receipt.category;
    let summary = receipt.report.as_ref().and_then(gist);
    let status = receipt.case_status;
    let saved = receipt.saved_at.clone();
    let has_message = receipt.message.is_some();
    view! {
        <li class="report-item" data-testid="received-report">
            <a href=format!("/reports/{}", receipt.id) class="report-link">
                <p class="report-title">{move || i18n::category(ctx.lang.get(), category)}</p>
                <p class="report-meta">{move || text_in_words(ctx.lang.get(), &saved)}</p>
                {summary.map(|s| view! { <p class="report-gist">{s}</p> })}
                <p class="report-state">
                    <span aria-hidden="true">"✓ "</span>
                    <span data-testid="case-status">{tr(status_text(status))}</span>
                    " · "
                    {tr(T::CaseNumber)}
                    " "
                    <strong data-testid="case-number">{receipt.case_number.map(|c| c.to_string()).unwrap_or_default()}</strong>
                </p>
                {has_message.then(|| view! {
                    <p class="report-message-mark" data-testid="has-message">
                        <span aria-hidden="true">"✉ "</span>{tr(T::MessageFromMunicipality)}
                    </p>
                })}
            </a>
        </li>
    }
}

/// One report, from the outbox or its receipt.
#[derive(Debug, Clone, PartialEq)]
enum Found {
    Waiting(OutboxEntry),
    Received(LocalReceipt),
}

/// One report and what was added to it.
#[derive(Debug, Clone, PartialEq)]
struct Detail {
    found: Found,
    supplements: Vec<LocalSupplement>,
}

async fn detail(id: String) -> Result<Option<Detail>, StoreErrorKind> {
    let found = match outbox::get(&id).await.map_err(|e| e.kind)? {
        Some(e) if e.record.kind == RecordKind::Incident => Found::Waiting(e),
        _ => match receipts::get(&id).await.map_err(|e| e.kind)? {
            Some(r) => Found::Received(r),
            None => return Ok(None),
        },
    };
    let supplements = supplements::for_incident(&id).await.map_err(|e| e.kind)?;
    Ok(Some(Detail { found, supplements }))
}

/// A report's own page.
#[component]
pub fn ReportPage() -> impl IntoView {
    let ctx = ctx();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let added = use_query_map().with_untracked(|q| q.get("added").is_some());
    let read = crate::load::load(move || {
        ctx.sync.revision.track();
        detail(id())
    });
    let unreadable = RwSignal::new(None::<StoreErrorKind>);
    view! {
        <section class="page report-detail">
            {move || match read.get() {
                None => loading().into_any(),
                Some(found) => match found {
                    Err(kind) => view! {
                        <h1>{tr(T::ReportsTitle)}</h1>
                        <p class="storage-problem" role="alert" data-testid="reports-unreadable">
                            {tr(T::ReportsUnreadable)}" "{move || i18n::storage_problem(ctx.lang.get(), kind)}
                        </p>
                    }.into_any(),
                    Ok(None) => view! {
                        <h1>{tr(T::ReportsTitle)}</h1>
                        <p data-testid="report-not-found">{tr(T::ReportNotFound)}</p>
                    }.into_any(),
                    Ok(Some(d)) => view! { <DetailView detail=d added unreadable/> }.into_any(),
                },
            }}
            {move || unreadable.get().map(|kind| view! {
                <p class="storage-problem" role="alert">{move || i18n::storage_problem(ctx.lang.get(), kind)}</p>
            })}
            <p><a href="/reports" class="to-reports">{tr(T::ToMyReports)}</a></p>
        </section>
    }
}

#[component]
fn DetailView(
    detail: Detail,
    added: bool,
    unreadable: RwSignal<Option<StoreErrorKind>>,
) -> impl IntoView {
    let ctx = ctx();
    let message = match &detail.found {
        Found::Received(r) => r.message.clone().map(|m| (m, r.message_at.clone())),
        Found::Waiting(_) => None,
    };
    let (id, category, saved_at, report, steps, deadline, state) = match detail.found {
        Found::Waiting(e) => {
            let report = e.incident();
            (
                e.id.clone(),
                report.as_ref().map(|r| r.category),
                clock::rfc3339(e.record.created_at),
                report,
                Steps::kept(e.guidance, e.steps),
                e.imy_deadline,
                Err(e.state),
            )
        }
        Found::Received(r) => (
            r.id.clone(),
            Some(r.category),
            r.saved_at.clone(),
            r.report.clone(),
            Steps::kept(r.guidance.clone(), r.steps.clone()),
            r.imy_deadline.clone(),
            Ok((r.case_number.map(|c| c.to_string()), r.case_status)),
        ),
    };
    let refused = matches!(
        state,
        Err(EntryState::Rejected { .. } | EntryState::Conflict { .. })
    );
    let state_view = match state {
        Ok((case, status)) => view! {
            <dl class="facts case">
                <dt>{tr(T::StatusLabel)}</dt>
                <dd data-testid="case-status">{tr(status_text(status))}</dd>
                <dt>{tr(T::CaseNumber)}</dt>
                <dd><strong data-testid="case-number">{case.unwrap_or_default()}</strong></dd>
            </dl>
            {message.map(|(text, at)| view! {
                <section class="municipality-message" data-testid="message" aria-labelledby="message-heading">
                    <h2 id="message-heading">{tr(T::MessageFromMunicipality)}</h2>
                    <p class="message-text">{text}</p>
                    {at.map(|at| view! { <p class="report-meta">{move || text_in_words(ctx.lang.get(), &at)}</p> })}
                </section>
            })}
        }
        .into_any(),
        Err(EntryState::Waiting) => view! {
            <p class="report-state" data-testid="case-status">{tr(T::StatusWaiting)}</p>
        }
        .into_any(),
        Err(EntryState::Rejected { errors }) => {
            let correct_id = id.clone();
            view! {
                <p class="report-state" data-testid="case-status">"⚠ "{tr(T::StateRejected)}</p>
                <RefusalList kind=RecordKind::Incident errors/>
                <button type="button" class="button primary" on:click=move |_| correct(correct_id.clone(), unreadable)>
                    {tr(T::CorrectAndResend)}
                </button>
            }
            .into_any()
        }
        Err(EntryState::Conflict { .. }) => view! {
            <p class="report-state" data-testid="case-status">"⚠ "{tr(T::StateConflict)}</p>
        }
        .into_any(),
    };
    let title = move || {
        category
            .map(|c| i18n::category(ctx.lang.get(), c))
            .unwrap_or_else(|| ctx.t(T::ReportsTitle))
    };
    let supplements = detail.supplements;
    let has_supplements = !supplements.is_empty();
    view! {
        <h1 tabindex="-1" id="report-title">{title}</h1>
        <p class="report-meta">{tr(T::SavedAtLabel)}" "{move || text_in_words(ctx.lang.get(), &saved_at)}</p>
        {added.then(|| {
            // Shown with the report, after it is read: a live region inserted with its text
            // is not announced, so focus carries it to a screen reader.
            crate::components::form::focus_later("#supplement-saved");
            view! { <p class="notice calm" role="status" tabindex="-1" id="supplement-saved" data-testid="supplement-saved">{tr(T::SupplementSaved)}</p> }
        })}
        {state_view}
        {(!refused).then(|| view! {
            <a href=format!("/reports/{id}/add") class="button wide" data-testid="add-information">
                {tr(T::AddInformation)}
            </a>
        })}
        {steps.clone().map(|steps| view! { <ActNow steps told=true/> })}
        {deadline.map(|d| view! { <TellManager deadline=d/> })}
        <h2>{tr(T::SentTitle)}</h2>
        {match report {
            Some(r) => view! { <SentReport report=r/> }.into_any(),
            None => view! { <p class="hint">{tr(T::SentGone)}</p> }.into_any(),
        }}
        {has_supplements.then(|| view! {
            <h2>{tr(T::SupplementsTitle)}</h2>
            <ul class="supplements" data-testid="supplements">
                {supplements.into_iter().map(|s| view! { <SupplementRow supplement=s/> }).collect_view()}
            </ul>
        })}
        <StepSources steps=Signal::stored(steps)/>
    }
}

/// How the page shows one answer of a sent report (`None`: not answered).
type Answered = Box<dyn Fn(Lang, &IncidentReport) -> Option<String> + Send + Sync>;

/// What was sent, question by question (only what was answered).
#[component]
fn SentReport(report: IncidentReport) -> impl IntoView {
    let ctx = ctx();
    let r = StoredValue::new(report);
    let row = move |label: T, value: Answered| {
        move || {
            let lang = ctx.lang.get();
            r.with_value(|r| value(lang, r)).map(|v| {
                view! {
                    <dt>{label.in_(lang)}</dt>
                    <dd>{v}</dd>
                }
            })
        }
    };
    let text = |s: &str| (!s.trim().is_empty()).then(|| s.to_owned());
    view! {
        <dl class="facts sent" data-testid="sent">
            {row(T::OccurredAt, Box::new(|l, r| Some(in_words(l, r.occurred_at))))}
            {row(T::DiscoveredAt, Box::new(|l, r| Some(in_words(l, r.discovered_at))))}
            {row(T::PlaceLabel, Box::new(move |_, r| text(&r.place)))}
            {row(T::DescriptionLabel, Box::new(move |_, r| text(&r.description)))}
            {row(T::QPersonalData, Box::new(|l, r| Some(i18n::answer(l, r.personal_data.involved).to_owned())))}
            {row(T::QHarm, Box::new(|l, r| Some(i18n::answer(l, r.harm_to_person).to_owned())))}
            {row(T::QOngoing, Box::new(|l, r| Some(i18n::answer(l, r.ongoing).to_owned())))}
            {row(T::ActionsLabel, Box::new(move |_, r| text(&r.actions_taken)))}
        </dl>
    }
}

/// One supplement: when, what it added, and whether it has gone out.
#[component]
fn SupplementRow(supplement: LocalSupplement) -> impl IntoView {
    let ctx = ctx();
    let saved = supplement.saved_at.clone();
    let what = supplement.report.map(|s| {
        [s.description, s.place, s.actions_taken]
            .into_iter()
            .filter(|t| !t.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    });
    let state = supplement.state;
    let state_text = move || match &state {
        SupplementState::Delivered { .. } => ctx.t(T::SupplementSent),
        SupplementState::Waiting => ctx.t(T::SupplementWaiting),
        SupplementState::Refused { .. } => ctx.t(T::StateRejected),
        SupplementState::Conflict => ctx.t(T::StateConflict),
    };
    view! {
        <li class="supplement" data-testid="supplement">
            <p class="report-meta">{move || text_in_words(ctx.lang.get(), &saved)}</p>
            {what.filter(|w| !w.is_empty()).map(|w| view! { <p>{w}</p> })}
            <p class="report-state" data-testid="supplement-state">{state_text}</p>
        </li>
    }
}

/// "Lägg till information": the optional questions again, saved as a supplement to the
/// report through the outbox (the draft kept on the phone meanwhile).
#[component]
pub fn AddInformationPage() -> impl IntoView {
    let ctx = ctx();
    let params = use_params_map();
    let id = params.with_untracked(|p| p.get("id").unwrap_or_default());
    let draft = use_persisted_draft::<SupplementDraft>(supplements::draft_key(&id));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let save_failed = RwSignal::new(false);
    let navigate = use_navigate();
    let incident_id = uuid::Uuid::parse_str(&id).ok();
    let category = crate::load::load({
        let id = id.clone();
        move || {
            let id = id.clone();
            async move {
                match detail(id).await {
                    Ok(Some(Detail {
                        found: Found::Waiting(e),
                        ..
                    })) => e.incident().map(|r| r.category),
                    Ok(Some(Detail {
                        found: Found::Received(r),
                        ..
                    })) => Some(r.category),
                    _ => None,
                }
            }
        }
    });
    let save = Action::new_local(move |supplement: &vaksam_core::Supplement| {
        let supplement = supplement.clone();
        async move {
            let entry = outbox::OutboxEntry::for_supplement(
                clock::new_record_id(),
                &supplement,
                clock::now(),
            )?;
            outbox::add_supplement(&entry).await?;
            Ok::<_, crate::store::StoreError>(())
        }
    });
    {
        let id = id.clone();
        Effect::new(move |_| match save.value().get() {
            Some(Ok(())) => {
                // In place of the finished form, so the browser's back does not reopen it.
                let options = crate::router::NavigateOptions {
                    replace: true,
                    ..Default::default()
                };
                navigate(&format!("/reports/{id}?added=1"), options);
                spawn_local(async move { ctx.sync.saved().await });
            }
            Some(Err(_)) => {
                crate::store::forget_connection();
                save_failed.set(true);
                draft.resume();
            }
            None => {}
        });
    }
    let send = move |_| {
        if save.pending().get_untracked() {
            return;
        }
        let Some(incident_id) = incident_id else {
            return;
        };
        match draft.value.with_untracked(|d| d.validate(incident_id)) {
            Ok(s) => {
                draft.stop();
                save_failed.set(false);
                errors.set(Vec::new());
                save.dispatch(s);
            }
            Err(list) => {
                let first = list
                    .first()
                    .map(|e| {
                        e.field
                            .split('.')
                            .next()
                            .unwrap_or("description")
                            .to_owned()
                    })
                    .unwrap_or_else(|| "description".into());
                errors.set(list);
                focus_into_view(format!("#q-{first}"));
            }
        }
    };
    let text = move |read: fn(&SupplementDraft) -> &String| {
        Signal::derive(move || draft.value.with(|d| read(d).clone()))
    };
    let edit_text = move |write: fn(&mut SupplementDraft) -> &mut String| {
        Callback::new(move |v: String| {
            draft.value.maybe_update(|d| {
                let slot = write(d);
                let changed = *slot != v;
                *slot = v;
                changed
            })
        })
    };
    view! {
        <section class="page report add-information">
            <h1 id="question" tabindex="-1">{tr(T::AddInformation)}</h1>
            <p class="report-meta">{move || category.get().flatten().map(|c| i18n::category(ctx.lang.get(), c))}</p>
            <p class="hint">{tr(T::SupplementHint)}</p>
            <DraftNotSaved failed=draft.failed/>
            <Show when=move || errors.with(|e| !e.is_empty())>
                <p class="error" role="alert">{tr(T::FixErrors)}</p>
            </Show>
            <form class="more" on:submit=|ev| ev.prevent_default() novalidate>
                <TextQuestion field="description" label=T::DescriptionLabel rows=4 max=MAX_DESCRIPTION_CHARS
                    get=text(|d| &d.description) set=edit_text(|d| &mut d.description) errors/>
                <TextQuestion field="place" label=T::PlaceLabel max=MAX_PLACE_CHARS
                    get=text(|d| &d.place) set=edit_text(|d| &mut d.place) errors/>
                <PersonalDataQuestion
                    get=Signal::derive(move || draft.value.with(|d| d.personal_data.clone()))
                    set=Callback::new(move |p| draft.value.update(|d| d.personal_data = Some(p)))
                    errors/>
                <AnswerChoice name="harm" label=T::QHarm hint=T::HHarm
                    get=Signal::derive(move || draft.value.with(|d| d.harm_to_person))
                    set=Callback::new(move |a| draft.value.update(|d| d.harm_to_person = Some(a)))/>
                <AnswerChoice name="ongoing" label=T::QOngoing
                    get=Signal::derive(move || draft.value.with(|d| d.ongoing))
                    set=Callback::new(move |a| draft.value.update(|d| d.ongoing = Some(a)))/>
                <TextQuestion field="actions_taken" label=T::ActionsLabel rows=3 max=MAX_ACTIONS_CHARS
                    get=text(|d| &d.actions_taken) set=edit_text(|d| &mut d.actions_taken) errors/>
            </form>
            <div class="send-bar">
                <Show when=move || save_failed.get()>
                    <p class="error" role="alert">{tr(T::SaveFailed)}</p>
                </Show>
                <button type="button" class="button primary send" data-testid="send-supplement"
                    disabled=move || save.pending().get() on:click=send>
                    {tr(T::SupplementSend)}
                </button>
            </div>
        </section>
    }
}
