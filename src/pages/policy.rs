//! The policy in brief, signing the undertaking (ansvarsförbindelse), and its receipt.
//! Everything shown comes from the municipality's cached pack, so it works offline.

pub(crate) use crate::components::source::pick;
use crate::components::source::{
    has_advice, AdviceMark, AdviceNote, InSwedish, Origin, SourceLine,
};
use crate::components::todo::status;
use crate::components::{FieldErrors, NoPackYet, SignStatusLine, SyncStatusLine};
use crate::i18n::T;
use crate::store::reference::LocalSignature;
use crate::store::{drafts, outbox};
use crate::{clock, ctx};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use vaksam_core::pack::{Contact, Policy, Section};
use vaksam_core::signature::{Change, SignatureDraft, SigningStatus};
use vaksam_core::validation::FieldError;
use vaksam_core::Pack;

fn sections_view(sections: Vec<Section>) -> impl IntoView {
    sections
        .into_iter()
        .map(|s| {
            let origin = Origin::of(&s);
            let (title, text) = (s.title.clone(), s.text.clone());
            let texts = vec![title.clone(), text.clone()];
            view! {
                <section class="policy-section" id=format!("section-{}", s.id)>
                    <h3>{move || pick(&title)}" "<InSwedish texts/></h3>
                    <p>{move || pick(&text)}</p>
                    <SourceLine origin/>
                </section>
            }
        })
        .collect_view()
}

/// The municipality's policy in brief, with sources.
#[component]
pub fn PolicyPage() -> impl IntoView {
    let ctx = ctx();
    let body = move || {
        let Some(p) = ctx.sync.pack.get() else {
            return view! { <NoPackYet/> }.into_any();
        };
        let Pack {
            policy,
            aspects,
            contacts,
            training,
            ..
        } = p;
        let any_advice = policy_has_advice(&policy)
            || aspects.iter().any(has_advice)
            || contacts.iter().any(has_advice)
            || has_advice(&training);
        let Policy {
            title,
            url,
            adopted,
            diarienummer,
            adopted_by,
            version,
            revision,
            sections,
            ..
        } = policy;
        let title_texts = vec![title.clone()];
        let facts_texts = vec![adopted_by.text.clone(), revision.text.clone()];
        view! {
            <h1>{move || pick(&title)}" "<InSwedish texts=title_texts/></h1>
            <SignStatusLine/>
            <AdviceNote show=any_advice/>
            <dl class="facts" data-testid="policy-facts">
                <dt>{move || ctx.t(T::AdoptedBy)}</dt>
                <dd>{let t = adopted_by.text.clone(); move || pick(&t)}" "<InSwedish texts=facts_texts/>
                    <SourceLine origin=Origin::of(&adopted_by)/></dd>
                {adopted.map(|date| view! {
                    <dt>{move || ctx.t(T::AdoptedOn)}</dt>
                    <dd data-testid="adopted">{date}</dd>
                })}
                {diarienummer.map(|d| view! {
                    <dt>{move || ctx.t(T::Diarienummer)}</dt>
                    <dd data-testid="diarienummer">{d}</dd>
                })}
                <dt>{move || ctx.t(T::PolicyVersion)}</dt>
                <dd>{version.label.clone()}<SourceLine origin=Origin::of(&version)/></dd>
                <dt>{move || ctx.t(T::Revision)}</dt>
                <dd>{let t = revision.text.clone(); move || pick(&t)}<SourceLine origin=Origin::of(&revision)/></dd>
            </dl>
            {url.map(|url| view! {
                <p><a href=url data-testid="policy-url" rel="noopener" target="_blank">{move || ctx.t(T::ReadWholePolicy)}</a></p>
            })}
            <h2>{move || ctx.t(T::SummaryTitle)}</h2>
            {sections_view(sections)}
            <h2>{move || ctx.t(T::AspectsTitle)}</h2>
            <dl class="aspects">
                {aspects.into_iter().map(|a| {
                    let origin = Origin::of(&a);
                    let (name, meaning) = (a.name.clone(), a.meaning.clone());
                    let texts = vec![name.clone(), meaning.clone()];
                    view! {
                        <dt>{move || pick(&name)}" "<InSwedish texts/></dt>
                        <dd>{move || pick(&meaning)}<SourceLine origin/></dd>
                    }
                }).collect_view()}
            </dl>
            <h2>{move || ctx.t(T::ContactsTitle)}</h2>
            <ul class="contacts">
                {contacts.into_iter().map(contact_view).collect_view()}
            </ul>
            <h2>{move || ctx.t(T::TrainingTitle)}</h2>
            <p>{move || ctx.t(T::MonthsInterval)}" "{training.interval_months}</p>
            <p>{let t = training.note.clone(); move || pick(&t)}" "<InSwedish texts=vec![training.note.clone()]/></p>
            <SourceLine origin=Origin::of(&training)/>
        }
        .into_any()
    };
    // A link to one section ("Läs mer i policyn" after a quiz answer) lands on it once
    // the pack is drawn.
    Effect::new(move |_| {
        if ctx.sync.pack.with(Option::is_some) {
            request_animation_frame(|| {
                let hash = window().location().hash().unwrap_or_default();
                let id = hash.trim_start_matches('#');
                if let Some(el) = (!id.is_empty())
                    .then(|| document().get_element_by_id(id))
                    .flatten()
                {
                    el.scroll_into_view();
                }
            });
        }
    });
    view! { <section class="page policy">{body}</section> }
}

/// Whether the policy's own facts or summary hold Vaksam's unconfirmed advice.
fn policy_has_advice(p: &Policy) -> bool {
    has_advice(&p.adopted_by)
        || has_advice(&p.version)
        || has_advice(&p.revision)
        || p.sections.iter().any(has_advice)
}

/// A contact: role, when to contact, how to reach; the role may be the municipality's while
/// "when" is Vaksam's advice, so each field carries its own mark.
fn contact_view(c: Contact) -> impl IntoView {
    let ctx = ctx();
    let whole = Origin::of(&c);
    let role_mark = !whole.advice && Origin::field(&c, "role").advice;
    let when_mark = !whole.advice && Origin::field(&c, "when").advice;
    let (role, when) = (c.role.clone(), c.when.clone());
    let texts = vec![role.clone(), when.clone()];
    let tel = c.tel();
    let reach = match (c.phone.clone(), c.email.clone()) {
        (None, None) => view! { <p class="muted">{move || ctx.t(T::NoPhoneYet)}</p> }.into_any(),
        (phone, email) => view! {
            <p>
                {phone.zip(tel).map(|(n, tel)| view! { <a href=format!("tel:{tel}")>{n}</a>" " })}
                {email.map(|e| view! { <a href=format!("mailto:{e}")>{e.clone()}</a> })}
            </p>
        }
        .into_any(),
    };
    view! {
        <li data-testid=format!("contact-{}", c.id)>
            <h3>{move || pick(&role)}" "<InSwedish texts/>{role_mark.then(|| view! { " " <AdviceMark/> })}</h3>
            <p>{move || pick(&when)}{when_mark.then(|| view! { " " <AdviceMark/> })}</p>
            {reach}
            <SourceLine origin=whole/>
        </li>
    }
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
    let ctx = ctx();
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
            <p><strong>{move || ctx.t(T::SignStatusAgain)}</strong></p>
            <p>{move || ctx.t(T::WhatChanged)}</p>
            <ul>
                {policy_version_changed.then(|| view! { <li>{move || ctx.t(T::PolicyVersionChanged)}</li> })}
                {undertaking_changed.then(|| view! { <li>{move || ctx.t(T::UndertakingChanged)}</li> })}
                {sections.into_iter().map(|s| {
                    let label = change_label(s.change);
                    let title = s.title.clone();
                    let id = s.id.clone();
                    view! {
                        <li>{move || ctx.t(label)}": "
                            {move || title.as_ref().map(pick).unwrap_or_else(|| id.clone())}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    })
}

/// Reading and signing the undertaking.
#[component]
pub fn SignPage() -> impl IntoView {
    let ctx = ctx();
    let navigate = use_navigate();
    let draft = RwSignal::new(SignatureDraft::default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let loaded = RwSignal::new(false);
    let save_failed = RwSignal::new(false);
    let saving = RwSignal::new(false);
    let autosave_failed = RwSignal::new(None::<crate::store::StoreErrorKind>);
    let save_generation = StoredValue::new(0u64);
    spawn_local(async move {
        match drafts::load_signature().await {
            Ok(Some(saved)) => draft.set(saved),
            // Signing again: the details from last time; first time: the enrolled name.
            _ => match ctx.sync.signature.get_untracked() {
                Some(last) => draft.update(|d| {
                    d.name = last.record.name;
                    d.employee_ref = last.record.employee_ref;
                    d.workplace = last.record.workplace;
                }),
                None => {
                    let name = ctx
                        .enrollment
                        .get_untracked()
                        .flatten()
                        .map(|e| e.employee_name)
                        .unwrap_or_default();
                    draft.update(|d| d.name = name);
                }
            },
        }
        loaded.set(true);
    });
    // Every change is kept, so a reload or a dead battery loses nothing typed.
    Effect::new(move |_| {
        let d = draft.get();
        if loaded.get_untracked() {
            crate::components::autosave(save_generation, autosave_failed, async move {
                drafts::save_signature(&d).await
            });
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(pack) = ctx.sync.pack.get_untracked() else {
            return;
        };
        let lang = ctx.lang.get_untracked().pack_lang();
        let now = clock::now();
        let record = match draft.get_untracked().sign(&pack, &lang, now) {
            Ok(record) => record,
            Err(list) => {
                errors.set(list);
                crate::components::focus_later("[aria-invalid=true], .error");
                return;
            }
        };
        errors.set(Vec::new());
        saving.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            let id = clock::new_record_id();
            let local = LocalSignature {
                id: id.to_string(),
                record,
                received_at: None,
                log_entry: None,
            };
            let saved = match outbox::OutboxEntry::for_signature(id, &local.record, now) {
                Ok(entry) => outbox::add_signature(&entry, &local).await,
                Err(e) => Err(e),
            };
            saving.set(false);
            match saved {
                Ok(()) => {
                    ctx.sync.signature.set(Some(local));
                    navigate("/signed", Default::default());
                    ctx.sync.saved().await;
                }
                Err(_) => {
                    crate::store::forget_connection();
                    save_failed.set(true);
                }
            }
        });
    };

    let text_field = move |id: &'static str,
                           label: T,
                           hint: Option<T>,
                           get: fn(&SignatureDraft) -> &String,
                           set: fn(&mut SignatureDraft, String)| {
        let described = if hint.is_some() {
            format!("hint-{id} err-{id}")
        } else {
            format!("err-{id}")
        };
        view! {
            <div class="field">
                <label for=id>{move || ctx.t(label)}</label>
                {hint.map(|h| view! { <p class="hint" id=format!("hint-{id}")>{move || ctx.t(h)}</p> })}
                <input id=id name=id type="text" autocomplete="off" aria-describedby=described
                    aria-invalid=move || errors.with(|e| e.iter().any(|e| e.field == id)).to_string()
                    prop:value=move || draft.with(|d| get(d).clone())
                    on:input=move |ev| draft.update(|d| set(d, event_target_value(&ev)))/>
                <FieldErrors errors field=id/>
            </div>
        }
    };

    let body = move || {
        let Some(pack) = ctx.sync.pack.get() else {
            return view! { <NoPackYet/> }.into_any();
        };
        let u = pack.undertaking.clone();
        let (title, intro) = (u.title.clone(), u.intro.clone());
        let status = status();
        let any_advice = has_advice(&u)
            || u.statements.iter().any(has_advice)
            || pack.policy.sections.iter().any(has_advice);
        view! {
            <h1>{move || pick(&title)}" "<InSwedish texts=vec![u.title.clone(), u.intro.clone()]/></h1>
            <AdviceNote show=any_advice/>
            {status.clone().map(changes_view)}
            {(status == Some(SigningStatus::Current)).then(|| view! { <SignStatusLine/> })}
            <h2>{move || ctx.t(T::SummaryTitle)}</h2>
            <p class="muted">{pick(&pack.policy.title)}" · "{move || ctx.t(T::PolicyVersion)}" "{pack.policy.version.label.clone()}</p>
            {sections_view(pack.policy.sections.clone())}
            <form on:submit=submit.clone() novalidate>
                <h2>{let title = u.title.clone(); move || pick(&title)}" · "{move || ctx.t(T::PolicyVersion)}" "{u.version.clone()}</h2>
                <p>{move || pick(&intro)}</p>
                <SourceLine origin=Origin::of(&u)/>
                <fieldset class="field statements">
                    <legend>{move || ctx.t(T::ConfirmEach)}</legend>
                    {u.statements.iter().enumerate().map(|(i, s)| {
                        let id = s.id.clone();
                        let input_id = format!("confirm-{}", s.id);
                        let text = s.text.clone();
                        let field = format!("confirmed.{i}");
                        let checked = {
                            let id = id.clone();
                            move || draft.with(|d| d.confirmed.contains(&id))
                        };
                        view! {
                            <div class="choice">
                                <input type="checkbox" id=input_id.clone() prop:checked=checked
                                    aria-describedby=format!("err-confirmed-{i}")
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let id = id.clone();
                                        draft.update(|d| {
                                            d.confirmed.retain(|c| *c != id);
                                            if on { d.confirmed.push(id); }
                                        });
                                    }/>
                                <label for=input_id>{move || pick(&text)}" "<InSwedish texts=vec![s.text.clone()]/></label>
                            </div>
                            <SourceLine origin=Origin::of(s)/>
                            <FieldErrors errors field/>
                        }
                    }).collect_view()}
                </fieldset>
                <h2>{move || ctx.t(T::YourDetails)}</h2>
                {text_field("name", T::FieldName, None, |d| &d.name, |d, v| d.name = v)}
                {text_field("employee_ref", T::FieldEmployeeRef, None, |d| &d.employee_ref, |d, v| d.employee_ref = v)}
                {text_field("workplace", T::FieldWorkplace, Some(T::HWorkplace), |d| &d.workplace, |d, v| d.workplace = v)}
                <Show when=move || errors.with(|e| !e.is_empty())>
                    <p class="error" role="alert">{move || ctx.t(T::FixErrors)}</p>
                </Show>
                <Show when=move || save_failed.get()>
                    <p class="error" role="alert">{move || ctx.t(T::SaveFailed)}</p>
                </Show>
                <crate::components::DraftNotSaved failed=autosave_failed/>
                <div class="actions">
                    <button type="submit" class="button primary" data-testid="sign" disabled=move || saving.get()>
                        {move || ctx.t(T::SignButton)}
                    </button>
                </div>
            </form>
        }
        .into_any()
    };
    view! { <section class="page sign">{body}</section> }
}

/// What this phone signed, and whether the municipality has it.
#[component]
pub fn SignedPage() -> impl IntoView {
    let ctx = ctx();
    let body = move || {
        let Some(s) = ctx.sync.signature.get() else {
            return view! { <p>{move || ctx.t(T::SignStatusNone)}" "<A href="/sign">{move || ctx.t(T::SignAgainButton)}</A></p> }.into_any();
        };
        let r = s.record.clone();
        let signed_at = clock::display(r.signed_at);
        let state = match (&s.received_at, s.log_entry) {
            (Some(at), entry) => view! {
                <dt>{move || ctx.t(T::ReceivedLabel)}</dt>
                <dd data-testid="signature-received">{clock::display_text(at)}</dd>
                {entry.map(|n| view! {
                    <dt>{move || ctx.t(T::LogEntryLabel)}</dt>
                    <dd data-testid="log-entry">{n}</dd>
                })}
            }
            .into_any(),
            (None, _) => view! {
                <dt>{move || ctx.t(T::ReceivedLabel)}</dt>
                <dd data-testid="signature-waiting">{move || ctx.t(T::SignedWaiting)}</dd>
            }
            .into_any(),
        };
        view! {
            <dl class="facts">
                <dt>{move || ctx.t(T::Signer)}</dt>
                <dd>{format!("{} · {} · {}", r.name, r.employee_ref, r.workplace)}</dd>
                <dt>{move || ctx.t(T::SignedAtLabel)}</dt>
                <dd>{signed_at}</dd>
                <dt>{move || ctx.t(T::PolicyVersion)}</dt>
                <dd>{r.policy_version.clone()}</dd>
                <dt>{move || ctx.t(T::UndertakingVersion)}</dt>
                <dd>{r.undertaking_version.clone()}</dd>
                <dt>"SHA-256"</dt>
                <dd class="hash">{r.text_sha256.clone()}</dd>
                {state}
            </dl>
        }
        .into_any()
    };
    view! {
        <section class="page signed">
            <h1 tabindex="-1">{move || ctx.t(T::SignedTitle)}</h1>
            {move || {
                (status() != Some(SigningStatus::Current) && ctx.sync.signature.with(Option::is_some))
                    .then(|| view! { <SignStatusLine/> })
            }}
            {body}
            <SyncStatusLine/>
            <p><A href="/policy">{move || ctx.t(T::FnPolicy)}</A></p>
        </section>
    }
}
