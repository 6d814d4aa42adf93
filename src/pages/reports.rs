//! "Mina rapporter": what waits on this phone and what the municipality has received.

use crate::components::SyncStatusLine;
use crate::i18n::{self, T};
use crate::store::outbox::{self, EntryState, OutboxEntry};
use crate::store::receipts::{self, LocalReceipt};
use crate::store::{drafts, StoreErrorKind};
use crate::{clock, ctx};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use vaksam_core::protocol::RecordKind;

/// The list of reports.
#[component]
pub fn ReportsPage() -> impl IntoView {
    let ctx = ctx();
    let waiting = RwSignal::new(Vec::<OutboxEntry>::new());
    let received = RwSignal::new(Vec::<LocalReceipt>::new());
    // A storage failure is said as such, never shown as an empty list.
    let unreadable = RwSignal::new(None::<StoreErrorKind>);
    Effect::new(move |_| {
        ctx.sync.revision.track();
        spawn_local(async move {
            let mut failed = None;
            match outbox::all().await {
                Ok(list) => waiting.set(list),
                Err(e) => failed = Some(e.kind),
            }
            match receipts::all().await {
                Ok(list) => received.set(list),
                Err(e) => failed = failed.or(Some(e.kind)),
            }
            unreadable.set(failed);
        });
    });
    let navigate = use_navigate();
    // "Rätta och skicka igen": the refused report becomes the form's draft.
    let correct = Callback::new(move |id: String| {
        let navigate = navigate.clone();
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
                Ok(true) => navigate("/report", Default::default()),
                Ok(false) => {}
                Err(e) => unreadable.set(Some(e.kind)),
            }
        });
    });
    let discard = move |id: String| {
        let confirmed = window()
            .confirm_with_message(ctx.t(T::DiscardConfirm))
            .unwrap_or(false);
        if confirmed {
            spawn_local(async move {
                let _ = outbox::discard(&id).await;
                ctx.sync.refresh_counts().await;
            });
        }
    };
    let entry_view = move |e: OutboxEntry| {
        let id = e.id.clone();
        let category = e.incident().map(|r| r.category);
        let kind = e.record.kind;
        let saved = clock::display(e.record.created_at);
        let state = e.state.clone();
        let refused = !matches!(state, EntryState::Waiting);
        let refusal = match &state {
            EntryState::Rejected { errors } => Some(errors.clone()),
            _ => None,
        };
        let state_text = move || {
            let sending = ctx.sync.sending_ids.with(|ids| ids.contains(&id));
            match (&state, sending, kind) {
                (EntryState::Waiting, true, _) => ctx.t(T::StateSending),
                (EntryState::Waiting, false, _) => ctx.t(T::StateWaiting),
                (EntryState::Rejected { .. }, _, RecordKind::Incident) => ctx.t(T::StateRejected),
                (EntryState::Rejected { .. }, _, RecordKind::Signature) => {
                    ctx.t(T::StateRejectedSignature)
                }
                (EntryState::Rejected { .. }, _, RecordKind::Quiz) => ctx.t(T::StateRejectedQuiz),
                (EntryState::Conflict { .. }, _, _) => ctx.t(T::StateConflict),
            }
        };
        let discard_id = e.id.clone();
        let correct_id = e.id.clone();
        // What the user can do about a refusal: correct a report; sign again (the new
        // signature replaces the refused one); take a new round of training (the phone
        // keeps the progress, and a new result goes out).
        let remedy = refusal.map(|errors| {
            let action = match kind {
                RecordKind::Incident => view! {
                    <button type="button" class="button small primary" on:click=move |_| correct.run(correct_id.clone())>
                        {move || ctx.t(T::CorrectAndResend)}
                    </button>
                }
                .into_any(),
                RecordKind::Signature => view! {
                    <p class="hint">{move || ctx.t(T::RefusedSignatureHelp)}</p>
                    <a class="button small primary" href="/sign">{move || ctx.t(T::SignAgainAfterRefusal)}</a>
                }
                .into_any(),
                RecordKind::Quiz => view! {
                    <p class="hint">{move || ctx.t(T::RefusedQuizHelp)}</p>
                    <a class="button small primary" href="/quiz">{move || ctx.t(T::ToTraining)}</a>
                }
                .into_any(),
            };
            view! {
                <crate::components::RefusalList kind errors/>
                {action}
            }
        });
        view! {
            <li class="report-item" data-testid="waiting-report">
                <p class="report-title">{move || match (category, kind) {
                    (Some(c), _) => i18n::category(ctx.lang.get(), c),
                    (None, RecordKind::Quiz) => ctx.t(T::FnQuiz),
                    (None, _) => ctx.t(T::SignatureItem),
                }}</p>
                <p class="report-meta">{saved}</p>
                <p class="report-state"><span aria-hidden="true">{if refused { "⚠ " } else { "• " }}</span>{state_text}</p>
                {remedy}
                <Show when=move || refused>
                    <button type="button" class="button small" on:click={
                        let id = discard_id.clone();
                        move |_| discard(id.clone())
                    }>{move || ctx.t(T::Discard)}</button>
                </Show>
            </li>
        }
    };
    let receipt_view = move |r: LocalReceipt| {
        let category = r.category;
        view! {
            <li class="report-item" data-testid="received-report">
                <p class="report-title">{move || i18n::category(ctx.lang.get(), category)}</p>
                <p class="report-meta">{clock::display_text(&r.saved_at)}</p>
                <p class="report-state">
                    <span aria-hidden="true">"✓ "</span>
                    {move || ctx.t(T::StateReceived)}
                    " · "
                    {move || ctx.t(T::CaseNumber)}
                    " "
                    <strong data-testid="case-number">{r.case_number.map(|c| c.to_string()).unwrap_or_default()}</strong>
                </p>
            </li>
        }
    };
    view! {
        <section class="page">
            <h1>{move || ctx.t(T::ReportsTitle)}</h1>
            <SyncStatusLine/>
            {move || unreadable.get().map(|kind| view! {
                <p class="storage-problem" role="alert" data-testid="reports-unreadable">
                    {move || ctx.t(T::ReportsUnreadable)}" "{move || i18n::storage_problem(ctx.lang.get(), kind)}
                </p>
            })}
            <Show when=move || unreadable.get().is_none() && waiting.with(Vec::is_empty) && received.with(Vec::is_empty)>
                <p>{move || ctx.t(T::NoReports)}</p>
            </Show>
            <Show when=move || !waiting.with(Vec::is_empty)>
                <h2>{move || ctx.t(T::Waiting)}</h2>
                <ul class="reports">{move || waiting.get().into_iter().map(entry_view).collect_view()}</ul>
            </Show>
            <Show when=move || !received.with(Vec::is_empty)>
                <h2>{move || ctx.t(T::Received)}</h2>
                <ul class="reports">{move || received.get().into_iter().map(receipt_view).collect_view()}</ul>
            </Show>
        </section>
    }
}
