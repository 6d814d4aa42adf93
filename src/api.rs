//! Talking to the server: JSON over `fetch`, with a timeout, and errors the sync engine can
//! act on.

use serde::de::DeserializeOwned;
use serde::Serialize;
use vaksam_core::protocol::{ApiError, API_PREFIX};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Request, RequestInit, Response};

/// How long a request may take before it counts as lost (weak mobile data is slow).
const TIMEOUT_MS: i32 = 30_000;

/// Why a request failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HttpError {
    /// No answer: offline, captive portal, DNS, timeout, or the body did not arrive whole.
    NoContact,
    /// The server answered with an error status (and its JSON error, if it sent one).
    Status(u16, Option<ApiError>),
}

/// POSTs `body` as JSON to `API_PREFIX + path`, with the device token if given.
pub async fn post<Req: Serialize, Res: DeserializeOwned>(
    path: &str,
    token: Option<&str>,
    body: &Req,
) -> Result<Res, HttpError> {
    let text = serde_json::to_string(body).map_err(|_| HttpError::NoContact)?;
    let window = web_sys::window().ok_or(HttpError::NoContact)?;
    let controller = AbortController::new().map_err(|_| HttpError::NoContact)?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(&text));
    init.set_signal(Some(&controller.signal()));
    let request = Request::new_with_str_and_init(&format!("{API_PREFIX}{path}"), &init)
        .map_err(|_| HttpError::NoContact)?;
    let headers = request.headers();
    let _ = headers.set("content-type", "application/json");
    if let Some(token) = token {
        let _ = headers.set("authorization", &format!("Bearer {token}"));
    }
    let abort = wasm_bindgen::closure::Closure::once_into_js(move || controller.abort());
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(abort.unchecked_ref(), TIMEOUT_MS)
        .ok();
    let result = async {
        let response: Response = JsFuture::from(window.fetch_with_request(&request))
            .await
            .map_err(|_| HttpError::NoContact)?
            .dyn_into()
            .map_err(|_| HttpError::NoContact)?;
        let body = JsFuture::from(response.text().map_err(|_| HttpError::NoContact)?)
            .await
            .map_err(|_| HttpError::NoContact)?
            .as_string()
            .unwrap_or_default();
        if response.ok() {
            // A 200 whose body is not ours (a captive portal's page) is no contact at all.
            serde_json::from_str(&body).map_err(|_| HttpError::NoContact)
        } else {
            Err(HttpError::Status(
                response.status(),
                serde_json::from_str(&body).ok(),
            ))
        }
    }
    .await;
    if let Some(id) = timer {
        window.clear_timeout_with_handle(id);
    }
    result
}
