//! The optional questions of a report, as small controls bound through signals and
//! callbacks, so the report form and the supplement form ask them the same way. Every
//! choice row is a `<label>` around its input (the whole row is tappable), and a field's
//! errors sit right under its heading.

use crate::components::FieldErrors;
use crate::ctx;
use crate::i18n::{self, T};
use crate::tr;
use leptos::prelude::*;
use vaksam_core::incident::{Answer, PeopleAffected, PersonalData, PersonalDataKind};
use vaksam_core::validation::FieldError;

/// Yes / no / don't know; nothing chosen while `get` is `None`.
#[component]
pub fn AnswerChoice(
    /// The radio group's name and the block's id (`q-<name>`).
    name: &'static str,
    label: T,
    #[prop(optional)] hint: Option<T>,
    #[prop(into)] get: Signal<Option<Answer>>,
    set: Callback<Answer>,
) -> impl IntoView {
    let ctx = ctx();
    let option = move |a: Answer| {
        view! {
            <label class="choice">
                <input type="radio" name=name prop:checked=move || get.get() == Some(a) on:change=move |_| set.run(a)/>
                <span>{move || i18n::answer(ctx.lang.get(), a)}</span>
            </label>
        }
    };
    let hint_id = format!("hint-{name}");
    view! {
        <fieldset class="field question" id=format!("q-{name}") tabindex="-1"
            aria-describedby=hint.map(|_| hint_id.clone())>
            <legend>{tr(label)}</legend>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{tr(h)}</p> })}
            <div class="answer-row">
                {option(Answer::Yes)}
                {option(Answer::No)}
                {option(Answer::Unknown)}
            </div>
        </fieldset>
    }
}

/// A labelled text (one line, or a text area when `rows` > 1) with its errors under the
/// label.
#[component]
pub fn TextQuestion(
    /// The field's wire name: the input's id, and whose errors are shown.
    field: &'static str,
    label: T,
    #[prop(optional)] hint: Option<T>,
    #[prop(default = 1)] rows: u8,
    max: usize,
    #[prop(into)] get: Signal<String>,
    set: Callback<String>,
    #[prop(into)] errors: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let described = format!("hint-{field} err-{field}");
    let input = if rows > 1 {
        view! {
            <textarea id=field rows=rows.to_string() maxlength=max.to_string() aria-describedby=described
                prop:value=move || get.get()
                on:input=move |ev| set.run(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else {
        view! {
            <input type="text" id=field maxlength=max.to_string() autocomplete="off" aria-describedby=described
                prop:value=move || get.get()
                on:input=move |ev| set.run(event_target_value(&ev))/>
        }
        .into_any()
    };
    view! {
        <div class="field question" id=format!("q-{field}") tabindex="-1">
            <label for=field>{tr(label)}</label>
            <FieldErrors errors field=field/>
            {hint.map(|h| view! { <p class="hint" id=format!("hint-{field}")>{tr(h)}</p> })}
            {input}
        </div>
    }
}

/// "Were personal data involved?", and only after a "yes" which kinds, how many people,
/// whether sensitive (not asked when a kind already says so) and whether under secrecy
/// (OSL explained in words). `None`: not answered (a supplement that adds nothing here).
#[component]
pub fn PersonalDataQuestion(
    #[prop(into)] get: Signal<Option<PersonalData>>,
    set: Callback<PersonalData>,
    #[prop(into)] errors: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let ctx = ctx();
    let lang = move || ctx.lang.get();
    let current = move || get.get().unwrap_or_default();
    let change = move |f: &dyn Fn(&mut PersonalData)| {
        let mut p = get.get_untracked().unwrap_or_default();
        f(&mut p);
        set.run(p);
    };
    let involved = Signal::derive(move || get.get().map(|p| p.involved));
    let yes = move || involved.get() == Some(Answer::Yes);
    let implied = move || get.with(|p| p.as_ref().is_some_and(PersonalData::sensitive_implied));
    view! {
        <div class="question-group" id="q-personal_data" tabindex="-1">
            <FieldErrors errors field="personal_data"/>
            <AnswerChoice name="pd-involved" label=T::PdInvolved hint=T::HPersonalData get=involved
                set=Callback::new(move |a| change(&|p| p.set_involved(a)))/>
            <Show when=yes>
                <fieldset class="field question">
                    <legend>{tr(T::PdKinds)}</legend>
                    {PersonalDataKind::ALL.into_iter().map(|k| view! {
                        <label class="choice">
                            <input type="checkbox"
                                prop:checked=move || current().kinds.contains(&k)
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    change(&|p| p.set_kind(k, on));
                                }/>
                            <span>{move || i18n::pd_kind(lang(), k)}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
                <fieldset class="field question">
                    <legend>{tr(T::PdPeople)}</legend>
                    {PeopleAffected::ALL.into_iter().map(|n| view! {
                        <label class="choice">
                            <input type="radio" name="pd-people"
                                prop:checked=move || current().people == Some(n)
                                on:change=move |_| change(&|p| p.people = Some(n))/>
                            <span>{move || i18n::people(lang(), n)}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
                <Show when=move || !implied() fallback=move || view! {
                    <p class="hint" data-testid="sensitive-implied">{tr(T::SensitiveImplied)}</p>
                }>
                    <AnswerChoice name="pd-sensitive" label=T::PdSensitive
                        get=Signal::derive(move || Some(current().sensitive))
                        set=Callback::new(move |a| change(&|p| p.sensitive = a))/>
                </Show>
                <AnswerChoice name="pd-secrecy" label=T::PdSecrecy hint=T::OslExplain
                    get=Signal::derive(move || Some(current().secrecy))
                    set=Callback::new(move |a| change(&|p| p.secrecy = a))/>
            </Show>
        </div>
    }
}
