//! The server's reasons for a refused record (reports list and the report form).

use crate::ctx;
use crate::i18n::{self, T};
use crate::tr;
use leptos::prelude::*;
use vaksam_core::validation::FieldError;

/// The server's reasons for refusing a record, in plain words.
#[component]
pub fn RefusalList(
    kind: vaksam_core::protocol::RecordKind,
    errors: Vec<FieldError>,
) -> impl IntoView {
    let ctx = ctx();
    view! {
        <p class="refusal-title">{tr(T::RejectedWhy)}</p>
        <ul class="refusal" data-testid="refusal">
            {errors.into_iter().map(|e| view! {
                <li>{move || i18n::refusal(ctx.lang.get(), kind, &e)}</li>
            }).collect_view()}
        </ul>
    }
}
