//! "Mina rapporter": what waits on this phone and what the municipality has received.

use super::SyncStatusLine;
use crate::i18n::{self, T};
use crate::store::outbox::{self, EntryState, OutboxEntry};
use crate::store::receipts::{self, LocalReceipt};
use crate::{clock, ctx};
use leptos::prelude::*;
use leptos::task::spawn_local;
use vaksam_core::protocol::RecordKind;

/// The list of reports.
#[component]
pub fn ReportsPage() -> impl IntoView {
    let ctx = ctx();
    let waiting = RwSignal::new(Vec::<OutboxEntry>::new());
    let received = RwSignal::new(Vec::<LocalReceipt>::new());
    Effect::new(move |_| {
        ctx.sync.revision.track();
        spawn_local(async move {
            if let Ok(list) = outbox::all().await {
                waiting.set(list);
            }
            if let Ok(list) = receipts::all().await {
                received.set(list);
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
        let state_text = move || {
            let sending = ctx.sync.sending_ids.with(|ids| ids.contains(&id));
            match (&state, sending) {
                (EntryState::Waiting, true) => ctx.t(T::StateSending),
                (EntryState::Waiting, false) => ctx.t(T::StateWaiting),
                (EntryState::Rejected { .. }, _) => ctx.t(T::StateRejected),
                (EntryState::Conflict { .. }, _) => ctx.t(T::StateConflict),
            }
        };
        let discard_id = e.id.clone();
        view! {
            <li class="report-item" data-testid="waiting-report">
                <p class="report-title">{move || match (category, kind) {
                    (Some(c), _) => i18n::category(ctx.lang.get(), c),
                    (None, RecordKind::Quiz) => ctx.t(T::FnQuiz),
                    (None, _) => ctx.t(T::FnSign),
                }}</p>
                <p class="report-meta">{saved}</p>
                <p class="report-state"><span aria-hidden="true">{if refused { "⚠ " } else { "• " }}</span>{state_text}</p>
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
            <Show when=move || waiting.with(Vec::is_empty) && received.with(Vec::is_empty)>
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
