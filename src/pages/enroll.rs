//! First run: trade the municipality's enrollment code for a device token.

use crate::api::{self, HttpError};
use crate::components::LanguagePicker;
use crate::ctx;
use crate::i18n::T;
use crate::router::use_navigate;
use crate::store::device::{self, Enrollment};
use crate::tr;
use leptos::prelude::*;
use leptos::task::spawn_local;
use vaksam_core::enrollment::normalize;
use vaksam_core::protocol::{ApiErrorCode, EnrollRequest, EnrollResponse};

/// The enrollment screen.
#[component]
pub fn EnrollPage() -> impl IntoView {
    let ctx = ctx();
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<T>);
    // Only a code the server refused, or one of the wrong shape, is the field's fault: a
    // network failure leaves the field as it is.
    let code_invalid = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let attempt = move || {
        if busy.get_untracked() {
            return;
        }
        let typed = code.get_untracked();
        if normalize(&typed).is_none() {
            error.set(Some(T::EnrollCodeFormat));
            code_invalid.set(true);
            return;
        }
        busy.set(true);
        error.set(None);
        code_invalid.set(false);
        let navigate = navigate.clone();
        spawn_local(async move {
            let answer: Result<EnrollResponse, HttpError> =
                api::post("/enroll", None, &EnrollRequest { code: typed }).await;
            busy.set(false);
            match answer {
                Ok(r) => {
                    let enrollment = Enrollment {
                        device_id: r.device_id.to_string(),
                        token: r.device_token,
                        employee_name: r.employee_name,
                        kommunkod: r.kommunkod.to_string(),
                        municipality_name: r.municipality_name,
                    };
                    match device::save_enrollment(&enrollment).await {
                        Ok(()) => {
                            ctx.enrollment.set(Some(Some(enrollment)));
                            // Reports queued under a revoked token go out under the new one.
                            ctx.sync.send_now();
                            navigate("/", Default::default());
                        }
                        Err(_) => error.set(Some(T::SaveFailed)),
                    }
                }
                Err(HttpError::Status(_, Some(e), _)) if e.error == ApiErrorCode::InvalidCode => {
                    error.set(Some(T::EnrollBadCode));
                    code_invalid.set(true);
                }
                Err(HttpError::NoContact) => error.set(Some(T::EnrollOffline)),
                Err(HttpError::Status(..)) => error.set(Some(T::EnrollServerError)),
            }
        });
    };
    // A letter's QR code, or a sign-in with the municipality's account, opens
    // `/enroll#code=…`: the code is filled in and tried at once. It came in the fragment,
    // which never reaches a server; it is removed from the address (and the history) before
    // anything else happens.
    // A phone already registered to someone is never switched by a link alone (a
    // colleague's letter scanned "to show how", a link sent in a chat): the code is filled
    // in and the employee decides.
    let already = ctx
        .enrollment
        .get_untracked()
        .flatten()
        .map(|e| e.employee_name);
    if let Some(from_link) = code_from_fragment() {
        code.set(from_link);
        if already.is_none() {
            attempt();
        }
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempt();
    };
    view! {
        <section class="page">
            // The heading and introduction first, where index.html's first screen put them.
            <h1>{tr(T::EnrollTitle)}</h1>
            <p>{tr(T::EnrollIntro)}</p>
            {already.map(|name| view! {
                <p class="notice" role="status">{move || T::enroll_already(ctx.lang.get(), &name)}</p>
            })}
            <LanguagePicker/>
            <form on:submit=submit novalidate>
                <div class="field">
                    <label for="code">{tr(T::EnrollCodeLabel)}</label>
                    <p class="hint" id="code-hint">{tr(T::EnrollCodeHint)}</p>
                    <input
                        id="code"
                        name="code"
                        type="text"
                        autocomplete="one-time-code"
                        autocapitalize="characters"
                        spellcheck="false"
                        aria-describedby=move || if error.get().is_some() { "code-hint code-error" } else { "code-hint" }
                        aria-invalid=move || if code_invalid.get() { "true" } else { "false" }
                        prop:value=move || code.get()
                        on:input=move |ev| code.set(event_target_value(&ev))
                    />
                    <Show when=move || error.get().is_some()>
                        <p class=move || if code_invalid.get() { "error" } else { "notice" } id="code-error" role="alert">
                            {move || error.get().map(|e| ctx.t(e)).unwrap_or_default()}
                        </p>
                    </Show>
                </div>
                <button type="submit" class="button primary" disabled=move || busy.get()>
                    {move || if busy.get() { ctx.t(T::EnrollWorking) } else { ctx.t(T::EnrollButton) }}
                </button>
            </form>
            <h2 class="enroll-or">{tr(T::EnrollOr)}</h2>
            // A page of the server, not of the app: `rel="external"` keeps the router out.
            <a class="button" href="/oidc/enroll" rel="external" aria-describedby="account-hint">
                {tr(T::EnrollWithAccount)}
            </a>
            <p class="hint" id="account-hint">{tr(T::EnrollWithAccountHint)}</p>
        </section>
    }
}

/// The code in the address's fragment (`#code=…`), removed from the address.
fn code_from_fragment() -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let hash = location.hash().ok()?;
    let code = hash
        .strip_prefix('#')?
        .split('&')
        .find_map(|pair| pair.strip_prefix("code="))
        .map(|c| {
            js_sys::decode_uri_component(c)
                .map(String::from)
                .unwrap_or_default()
        })?;
    let path = location.pathname().unwrap_or_else(|_| "/enroll".into());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
    Some(code)
}
