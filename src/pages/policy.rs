//! The policy in brief, signing the undertaking (ansvarsförbindelse), and its receipt.
//! Everything shown comes from the municipality's cached pack, so it works offline.
//! Staff screens: what matters to the employee first, the municipality's metadata folded
//! away at the end, and the sources once per screen (`PageSources`), never per row.

use crate::components::source::pick;
use crate::components::source::{InSwedish, Origin};
use crate::components::todo::status;
use crate::components::{
    focus_later, use_persisted_draft_or, DraftNotSaved, FieldErrors, NoPackYet, PageSources,
    PersistedDraft, SignStatusLine, SyncStatusLine,
};
use crate::i18n::{self, Lang, T};
use crate::router::use_navigate;
use crate::store::reference::LocalSignature;
use crate::store::{drafts, outbox, StoreErrorKind};
use crate::tr;
use crate::{clock, ctx};
use leptos::prelude::*;
use time::OffsetDateTime;
use vaksam_core::pack::{AspectText, Contact, Section, Statement};
use vaksam_core::signature::{Change, SignatureDraft, SigningStatus};
use vaksam_core::validation::FieldError;
use vaksam_core::Pack;

/// A date in words in the UI language ("6 december 2026", "6 December 2026"), by the
/// browser's own calendar names.
fn date_in_words(lang: Lang, t: OffsetDateTime) -> String {
    let ms = (t.unix_timestamp_nanos() / 1_000_000) as f64;
    crate::clock::in_locale(
        ms,
        lang.intl_locale(),
        &[("day", "numeric"), ("month", "long"), ("year", "numeric")],
    )
}

/// The policy version a signature names, as a sentence: " Policyn är daterad 13 maj 2022."
/// for a date, " Policyns version: 3." for a number, nothing for a word ("Odaterad").
fn policy_version_in_words(lang: Lang, label: &str) -> String {
    if let Some(date) = vaksam_core::timestamp::read_date_text(label) {
        let at = date.with_hms(12, 0, 0).map(|t| t.assume_utc());
        if let Ok(at) = at {
            let dated = T::signed_policy_dated(lang, date_in_words(lang, at));
            return format!(" {dated}");
        }
    }
    if label.chars().any(|c| c.is_ascii_digit()) {
        return format!(" {}", T::signed_policy_version(lang, label));
    }
    String::new()
}

/// "Du gör utbildningen en gång om året": the training interval as a sentence.
fn training_interval(lang: Lang, months: u32) -> String {
    match months {
        12 => T::TrainingYearly.in_(lang).to_owned(),
        6 => T::TrainingTwiceAYear.in_(lang).to_owned(),
        24 => T::TrainingEveryOtherYear.in_(lang).to_owned(),
        n => T::training_every_months(lang, n),
    }
}

/// One section of the summary: its heading opens its text.
#[component]
fn SectionItem(section: Section) -> impl IntoView {
    let (title, text) = (section.title.clone(), section.text.clone());
    let texts = vec![title.clone(), text.clone()];
    view! {
        <li>
            <details class="policy-section" id=format!("section-{}", section.id)>
                <summary><span>{move || pick(&title)}</span>" "<InSwedish texts/></summary>
                <p>{move || pick(&text)}</p>
            </details>
        </li>
    }
}

/// What the municipality protects, one aspect.
#[component]
fn AspectItem(aspect: AspectText) -> impl IntoView {
    let (name, meaning) = (aspect.name.clone(), aspect.meaning.clone());
    let texts = vec![name.clone(), meaning.clone()];
    view! {
        <dt>{move || pick(&name)}" "<InSwedish texts/></dt>
        <dd>{move || pick(&meaning)}</dd>
    }
}

/// A contact: role, when to contact them, and a large call button where the pack has a
/// number. A contact without one is shown by role only ("Din chef" needs no number).
#[component]
fn ContactItem(contact: Contact) -> impl IntoView {
    let (role, when) = (contact.role.clone(), contact.when.clone());
    let texts = vec![role.clone(), when.clone()];
    let call = contact
        .phone
        .clone()
        .zip(contact.tel())
        .map(|(number, tel)| {
            view! {
                <a class="button call" href=format!("tel:{tel}") data-testid="call">
                    {tr(T::CallButton)}" "<span class="number">{number}</span>
                </a>
            }
        });
    let mail = contact.email.clone().map(|e| {
        view! { <a class="button mail" href=format!("mailto:{e}")>{e.clone()}</a> }
    });
    view! {
        <li data-testid=format!("contact-{}", contact.id)>
            <h3>{move || pick(&role)}" "<InSwedish texts/></h3>
            <p>{move || pick(&when)}</p>
            {(call.is_some() || mail.is_some()).then(|| view! { <p class="reach">{call}{mail}</p> })}
        </li>
    }
}

/// Every origin the policy screen shows (for its one "Källor" toggle).
fn policy_origins(p: &Pack) -> Vec<Origin> {
    let policy = &p.policy;
    let mut origins = vec![
        Origin::of(&policy.adopted_by),
        Origin::of(&policy.version),
        Origin::of(&policy.revision),
        Origin::of(&p.training),
    ];
    origins.extend(policy.sections.iter().map(Origin::of));
    origins.extend(p.aspects.iter().map(Origin::of));
    origins.extend(p.contacts.iter().map(Origin::of));
    origins
}

/// The municipality's policy in brief: the sections as headings that open, whom to
/// contact, the training in a sentence; the document's facts folded away at the end.
#[component]
pub fn PolicyPage() -> impl IntoView {
    let ctx = ctx();
    let body = move || {
        let Some(p) = ctx.sync.pack.get() else {
            return view! { <NoPackYet/> }.into_any();
        };
        let origins = policy_origins(&p);
        let Pack {
            policy,
            aspects,
            contacts,
            training,
            ..
        } = p;
        let title = policy.title.clone();
        let title_texts = vec![title.clone()];
        let adopted_by = policy.adopted_by.text.clone();
        let revision = policy.revision.text.clone();
        let note = training.note.clone();
        let months = training.interval_months;
        let sections = policy.sections.clone();
        view! {
            <h1>{move || pick(&title)}" "<InSwedish texts=title_texts/></h1>
            <SignStatusLine/>
            <h2>{tr(T::PolicyWhatItSays)}</h2>
            <ul class="policy-sections">
                <For each=move || sections.clone() key=|s| s.id.clone() let:section>
                    <SectionItem section/>
                </For>
            </ul>
            <h2>{tr(T::ContactsTitle)}</h2>
            <ul class="contacts">
                {contacts.into_iter().map(|contact| view! { <ContactItem contact/> }).collect_view()}
            </ul>
            <h2>{tr(T::TrainingTitle)}</h2>
            <p data-testid="training-interval">{move || training_interval(ctx.lang.get(), months)}" "
                <a href="/quiz">{tr(T::ToTraining)}</a></p>
            <details class="policy-about" data-testid="policy-about">
                <summary>{tr(T::PolicyAbout)}</summary>
                <h3>{tr(T::AspectsTitle)}</h3>
                <dl class="aspects">
                    {aspects.into_iter().map(|aspect| view! { <AspectItem aspect/> }).collect_view()}
                </dl>
                <h3>{tr(T::PolicyFacts)}</h3>
                <p class="quiet" data-testid="policy-facts">
                    {tr(T::AdoptedBy)}" "{move || pick(&adopted_by)}
                    {policy.adopted.map(|date| view! { ", "<span data-testid="adopted">{date}</span> })}
                    {policy.diarienummer.map(|d| view! {
                        " · "{tr(T::Diarienummer)}" "<span data-testid="diarienummer">{d}</span>
                    })}
                    " · "{tr(T::PolicyVersion)}" "{policy.version.label.clone()}
                    " · "{tr(T::Revision)}" "{move || pick(&revision).to_lowercase()}
                </p>
                <p class="quiet">{move || pick(&note)}</p>
            </details>
            {policy.url.map(|url| view! {
                <p><a href=url data-testid="policy-url" rel="noopener" target="_blank">{tr(T::ReadWholePolicy)}</a></p>
            })}
            <PageSources origins=Signal::stored(origins)/>
        }
        .into_any()
    };
    // A link to one section ("Läs mer i policyn" after a quiz answer) opens it and lands on
    // it once the pack is drawn.
    Effect::new(move |_| {
        if ctx.sync.pack.with(Option::is_some) {
            request_animation_frame(|| {
                let hash = window().location().hash().unwrap_or_default();
                let id = hash.trim_start_matches('#');
                if let Some(el) = (!id.is_empty())
                    .then(|| document().get_element_by_id(id))
                    .flatten()
                {
                    let _ = el.set_attribute("open", "");
                    el.scroll_into_view();
                }
            });
        }
    });
    view! { <section class="page policy">{body}</section> }
}

fn change_label(change: Change) -> T {
    match change {
        Change::Added => T::ChangeAdded,
        Change::Changed => T::ChangeChanged,
        Change::Removed => T::ChangeRemoved,
    }
}

/// What changed since the last signature, when the employee must sign again.
fn changes_view(status: SigningStatus) -> impl IntoView {
    let SigningStatus::SignAgain {
        undertaking_changed,
        policy_version_changed,
        sections,
    } = status
    else {
        return None;
    };
    Some(view! {
        <div class="notice" data-testid="what-changed">
            <p><strong>{tr(T::SignStatusAgain)}</strong></p>
            <p>{tr(T::WhatChanged)}</p>
            <ul>
                {policy_version_changed.then(|| view! { <li>{tr(T::PolicyVersionChanged)}</li> })}
                {undertaking_changed.then(|| view! { <li>{tr(T::UndertakingChanged)}</li> })}
                {sections.into_iter().map(|s| {
                    let label = change_label(s.change);
                    let title = s.title.clone();
                    let id = s.id.clone();
                    view! {
                        <li>{tr(label)}": "
                            {move || title.as_ref().map(pick).unwrap_or_else(|| id.clone())}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    })
}

/// The signing form's fields in page order, for the error summary: the statements, then
/// the details. `(field, input id)`.
fn fields_in_order(statements: &[Statement]) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = statements
        .iter()
        .enumerate()
        .map(|(i, s)| (format!("confirmed.{i}"), format!("confirm-{}", s.id)))
        .collect();
    for id in ["name", "employee_ref", "workplace"] {
        fields.push((id.to_owned(), id.to_owned()));
    }
    fields
}

/// The statements not ticked yet, as one line of the error summary ("Kryssa i punkt 2",
/// "Kryssa i punkterna 1, 2, 5").
fn unticked_line(lang: Lang, errors: &[FieldError]) -> Option<String> {
    let points: Vec<String> = errors
        .iter()
        .filter_map(|e| e.field.strip_prefix("confirmed.")?.parse::<usize>().ok())
        .map(|i| (i + 1).to_string())
        .collect();
    match points.as_slice() {
        [] => None,
        [one] => Some(T::error_tick_point(lang, one)),
        many => Some(T::error_tick_points(lang, many.join(", "))),
    }
}

/// One line of the error summary for a detail field: its label and what is wrong.
fn summary_line(lang: Lang, error: &FieldError) -> String {
    let label = match error.field.as_str() {
        "name" => T::FieldName,
        "employee_ref" => T::FieldEmployeeRef,
        _ => T::FieldWorkplace,
    };
    format!(
        "{}: {}",
        label.in_(lang),
        i18n::field_error(lang, error.code, &error.field)
    )
}

/// Moves focus to a field and shows it (the summary's links; the router would treat a
/// `#id` link as navigation).
fn go_to_field(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
        el.scroll_into_view();
    }
}

/// GOV.UK's error summary: at the top of the form, with a link to each field to fix;
/// focused and scrolled into view when "Skriv under" finds something missing.
#[component]
fn ErrorSummary(errors: RwSignal<Vec<FieldError>>, fields: Vec<(String, String)>) -> impl IntoView {
    let ctx = ctx();
    let lines = move || {
        let lang = ctx.lang.get();
        errors.with(|list| {
            // The first unticked statement carries the one line for all of them.
            let mut ticks = unticked_line(lang, list);
            fields
                .iter()
                .filter_map(|(field, input)| {
                    let error = list.iter().find(|e| e.field == *field)?;
                    let line = if field.starts_with("confirmed.") {
                        ticks.take()?
                    } else {
                        summary_line(lang, error)
                    };
                    Some((input.clone(), line))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || errors.with(|e| !e.is_empty())>
            <div id="error-summary" class="error-summary" role="alert" tabindex="-1" data-testid="error-summary">
                <h2>{tr(T::ErrorSummaryTitle)}</h2>
                <ul>
                    {lines().into_iter().map(|(input, line)| {
                        let href = format!("#{input}");
                        view! {
                            <li><a href=href on:click=move |ev| {
                                ev.prevent_default();
                                go_to_field(&input);
                            }>{line}</a></li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// A text field of the signing form.
#[component]
fn SignerField(
    draft: PersistedDraft<SignatureDraft>,
    errors: RwSignal<Vec<FieldError>>,
    id: &'static str,
    label: T,
    #[prop(optional)] hint: Option<T>,
    autocomplete: &'static str,
    get: fn(&SignatureDraft) -> &String,
    set: fn(&mut SignatureDraft, String),
) -> impl IntoView {
    let described = if hint.is_some() {
        format!("hint-{id} err-{id}")
    } else {
        format!("err-{id}")
    };
    let value = draft.value;
    view! {
        <div class="field">
            <label for=id>{tr(label)}</label>
            {hint.map(|h| view! { <p class="hint" id=format!("hint-{id}")>{tr(h)}</p> })}
            <input id=id name=id type="text" autocomplete=autocomplete aria-describedby=described
                aria-invalid=move || errors.with(|e| e.iter().any(|e| e.field == id)).to_string()
                prop:value=move || value.with(|d| get(d).clone())
                on:input=move |ev| {
                    let typed = event_target_value(&ev);
                    if value.with_untracked(|d| *get(d) != typed) {
                        value.update(|d| set(d, typed));
                    }
                }/>
            <FieldErrors errors field=id/>
        </div>
    }
}

/// One statement to confirm: the whole row is the checkbox's label.
#[component]
fn StatementRow(
    draft: PersistedDraft<SignatureDraft>,
    errors: RwSignal<Vec<FieldError>>,
    index: usize,
    statement: Statement,
) -> impl IntoView {
    let id = statement.id.clone();
    let input_id = format!("confirm-{}", statement.id);
    let text = statement.text.clone();
    let texts = vec![statement.text.clone()];
    let field = format!("confirmed.{index}");
    let checked = {
        let id = id.clone();
        move || draft.value.with(|d| d.confirmed.contains(&id))
    };
    let invalid = {
        let field = field.clone();
        move || {
            errors
                .with(|e| e.iter().any(|e| e.field == field))
                .to_string()
        }
    };
    view! {
        <label class="choice big">
            <input type="checkbox" id=input_id prop:checked=checked aria-invalid=invalid
                aria-describedby=format!("err-confirmed-{index}")
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    let id = id.clone();
                    draft.value.update(|d| {
                        d.confirmed.retain(|c| *c != id);
                        if on { d.confirmed.push(id); }
                    });
                }/>
            <span>{move || pick(&text)}" "<InSwedish texts/></span>
        </label>
        <FieldErrors errors field/>
    }
}

/// What a first signature starts from: the details of the last signature on this phone,
/// else the enrolled name.
fn fresh_signature() -> SignatureDraft {
    let ctx = ctx();
    let mut draft = SignatureDraft::default();
    match ctx.sync.signature.get_untracked() {
        Some(last) => {
            draft.name = last.record.name;
            draft.employee_ref = last.record.employee_ref;
            draft.workplace = last.record.workplace;
        }
        None => {
            draft.name = ctx
                .enrollment
                .get_untracked()
                .flatten()
                .map(|e| e.employee_name)
                .unwrap_or_default();
        }
    }
    draft
}

/// Saves a signature: the outbox entry, the phone's copy and the end of the draft in one
/// transaction. Returns the copy once committed.
async fn save_signature(
    record: vaksam_core::signature::SignatureRecord,
    now: OffsetDateTime,
) -> Result<LocalSignature, StoreErrorKind> {
    let id = clock::new_record_id();
    let local = LocalSignature {
        id: id.to_string(),
        record,
        received_at: None,
        log_entry: None,
    };
    let entry = outbox::OutboxEntry::for_signature(id, &local.record, now).map_err(|e| e.kind)?;
    match outbox::add_signature(&entry, &local).await {
        Ok(()) => Ok(local),
        Err(e) => {
            crate::store::forget_connection();
            Err(e.kind)
        }
    }
}

/// Signing the undertaking: a link to the policy (not the whole policy again), the
/// statements as large rows, the signer's details remembered from last time.
#[component]
pub fn SignPage() -> impl IntoView {
    let ctx = ctx();
    let navigate = use_navigate();
    let draft = use_persisted_draft_or(drafts::SIGNATURE_KEY, fresh_signature);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let sign = Action::new_local(
        move |(record, now): &(vaksam_core::signature::SignatureRecord, OffsetDateTime)| {
            save_signature(record.clone(), *now)
        },
    );
    Effect::new(move |_| match sign.value().get() {
        Some(Ok(local)) => {
            ctx.sync.signature.set(Some(local));
            navigate("/signed", Default::default());
            leptos::task::spawn_local(ctx.sync.saved());
        }
        // The draft is still stored (the transaction did not commit): keep saving it.
        Some(Err(_)) => draft.resume(),
        None => {}
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(pack) = ctx.sync.pack.get_untracked() else {
            return;
        };
        let lang = ctx.lang.get_untracked().pack_lang();
        let now = clock::now();
        match draft.value.get_untracked().sign(&pack, &lang, now) {
            Ok(record) => {
                errors.set(Vec::new());
                draft.stop();
                sign.dispatch_local((record, now));
            }
            Err(list) => {
                errors.set(list);
                focus_later("#error-summary");
            }
        }
    };

    let body = move || {
        let Some(pack) = ctx.sync.pack.get() else {
            return view! { <NoPackYet/> }.into_any();
        };
        if !draft.is_loaded() {
            return view! { <p class="loading" aria-busy="true">"…"</p> }.into_any();
        }
        let u = pack.undertaking.clone();
        let (title, intro) = (u.title.clone(), u.intro.clone());
        let status = status();
        let mut origins = vec![Origin::of(&u)];
        origins.extend(u.statements.iter().map(Origin::of));
        let fields = fields_in_order(&u.statements);
        let statements: Vec<(usize, Statement)> = u.statements.into_iter().enumerate().collect();
        view! {
            <h1>{move || pick(&title)}" "<InSwedish texts=vec![u.title.clone(), u.intro.clone()]/></h1>
            {status.clone().map(changes_view)}
            {(status == Some(SigningStatus::Current)).then(|| view! { <SignStatusLine/> })}
            <ErrorSummary errors fields/>
            <p>{move || pick(&intro)}</p>
            <p>{tr(T::SignReadFirst)}" "
                <a href="/policy">{let t = pack.policy.title.clone(); move || pick(&t)}</a>"."
            </p>
            <form on:submit=submit novalidate>
                <fieldset class="field statements">
                    <legend>{tr(T::ConfirmEach)}</legend>
                    <For each=move || statements.clone() key=|(_, s)| s.id.clone() let:((index, statement))>
                        <StatementRow draft errors index statement/>
                    </For>
                </fieldset>
                <h2>{tr(T::YourDetails)}</h2>
                <SignerField draft errors id="name" label=T::FieldName autocomplete="name"
                    get=|d| &d.name set=|d, v| d.name = v/>
                <SignerField draft errors id="employee_ref" label=T::FieldEmployeeRef autocomplete="off"
                    get=|d| &d.employee_ref set=|d, v| d.employee_ref = v/>
                <SignerField draft errors id="workplace" label=T::FieldWorkplace hint=T::HWorkplace
                    autocomplete="organization" get=|d| &d.workplace set=|d, v| d.workplace = v/>
                {move || matches!(sign.value().get(), Some(Err(_))).then(|| view! {
                    <p class="error" role="alert">{tr(T::SignSaveFailed)}</p>
                })}
                <DraftNotSaved failed=draft.failed/>
                <div class="actions">
                    <button type="submit" class="button primary big" data-testid="sign" disabled=move || sign.pending().get()>
                        {tr(T::SignButton)}
                    </button>
                </div>
            </form>
            <PageSources origins=Signal::stored(origins)/>
        }
        .into_any()
    };
    view! { <section class="page sign">{body}</section> }
}

/// What this phone signed, in a plain sentence, and whether the municipality has it. The
/// record's hash stays in the record; it means nothing to the person who signed.
#[component]
pub fn SignedPage() -> impl IntoView {
    let ctx = ctx();
    let body = move || {
        let Some(s) = ctx.sync.signature.get() else {
            return view! { <p>{tr(T::SignStatusNone)}" "<a href="/sign">{tr(T::SignAgainButton)}</a></p> }.into_any();
        };
        let lang = ctx.lang.get();
        let r = s.record;
        let on = T::signed_on(lang, date_in_words(lang, r.signed_at));
        let state = match (s.received_at, s.log_entry) {
            (Some(_), entry) => view! {
                <p class="ok" data-testid="signature-received">{on}" "{T::SignedReceived.in_(lang)}</p>
                {entry.map(|n| view! {
                    <p class="quiet">{T::LogEntryLabel.in_(lang)}": "<span data-testid="log-entry">{n}</span></p>
                })}
            }
            .into_any(),
            (None, _) => view! {
                <p data-testid="signature-waiting">{on}" "{T::SignedWaiting.in_(lang)}</p>
            }
            .into_any(),
        };
        let what = ctx.sync.pack.with(|p| {
            let policy = p
                .as_ref()
                .map(|p| p.policy.title.get(lang.tag()).to_owned())
                .unwrap_or_default();
            let undertaking = p
                .as_ref()
                .map(|p| p.undertaking.title.get(lang.tag()).to_owned())
                .unwrap_or_default();
            let what = T::signed_what(lang, &policy, &undertaking);
            format!("{what}{}", policy_version_in_words(lang, &r.policy_version))
        });
        view! {
            {state}
            <p data-testid="signed-what">{what}</p>
            <p class="quiet">{T::Signer.in_(lang)}": "{format!("{} · {} · {}", r.name, r.employee_ref, r.workplace)}</p>
        }
        .into_any()
    };
    view! {
        <section class="page signed">
            <h1 tabindex="-1">{tr(T::SignedTitle)}</h1>
            {move || {
                (status() != Some(SigningStatus::Current) && ctx.sync.signature.with(Option::is_some))
                    .then(|| view! { <SignStatusLine/> })
            }}
            {body}
            <SyncStatusLine/>
            <p><a href="/" class="button primary big" data-testid="signed-done">{tr(T::SignedDone)}</a></p>
            <p><a href="/policy">{tr(T::FnPolicy)}</a></p>
        </section>
    }
}
