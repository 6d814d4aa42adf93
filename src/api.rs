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
    /// The server answered with an error status (and its JSON error, if it sent one, and
    /// its `Retry-After` in seconds, if it gave one).
    Status(u16, Option<ApiError>, Option<u32>),
}

/// POSTs `body` as JSON to `API_PREFIX + path`, with the device token if given.
pub async fn post<Req: Serialize, Res: DeserializeOwned>(
    path: &str,
    token: Option<&str>,
    body: &Req,
) -> Result<Res, HttpError> {
    let text = serde_json::to_string(body).map_err(|_| HttpError::NoContact)?;
    let (_, _, body) = send("POST", path, token, Some(&text), None).await?;
    // A 200 whose body is not ours (a captive portal's page) is no contact at all.
    serde_json::from_str(&body).map_err(|_| HttpError::NoContact)
}

/// What `GET /pack` answered.
pub enum PackAnswer {
    /// The copy we have (named by its ETag) is current.
    NotModified,
    /// A newer pack, with its ETag and the JSON text it was read from.
    New(String, Box<vaksam_core::Pack>, String),
}

/// Asks for the municipality's current pack, sending the ETag of the cached copy.
pub async fn get_pack(token: &str, etag: Option<&str>) -> Result<PackAnswer, HttpError> {
    let (status, tag, body) = send(
        "GET",
        vaksam_core::protocol::PACK_PATH,
        Some(token),
        None,
        etag,
    )
    .await?;
    if status == 304 {
        return Ok(PackAnswer::NotModified);
    }
    let pack: vaksam_core::Pack = serde_json::from_str(&body).map_err(|_| HttpError::NoContact)?;
    Ok(PackAnswer::New(
        tag.unwrap_or_default(),
        Box::new(pack),
        body,
    ))
}

/// One request; answers status, ETag and body of a 2xx/304, or the error.
async fn send(
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&str>,
    if_none_match: Option<&str>,
) -> Result<(u16, Option<String>, String), HttpError> {
    let window = web_sys::window().ok_or(HttpError::NoContact)?;
    let init = RequestInit::new();
    let deadline = Deadline::new(&init).ok_or(HttpError::NoContact)?;
    init.set_method(method);
    if let Some(body) = body {
        init.set_body(&JsValue::from_str(body));
    }
    // The pack must come from the server, not from the HTTP cache.
    init.set_cache(web_sys::RequestCache::NoStore);
    let request = Request::new_with_str_and_init(&format!("{API_PREFIX}{path}"), &init)
        .map_err(|_| HttpError::NoContact)?;
    let headers = request.headers();
    if body.is_some() {
        let _ = headers.set("content-type", "application/json");
    }
    if let Some(token) = token {
        let _ = headers.set("authorization", &format!("Bearer {token}"));
    }
    if let Some(tag) = if_none_match {
        let _ = headers.set("if-none-match", tag);
    }
    deadline
        .run(TIMEOUT_MS, async {
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
            let status = response.status();
            if response.ok() || status == 304 {
                Ok((status, response.headers().get("etag").ok().flatten(), body))
            } else {
                let retry_after = response
                    .headers()
                    .get("retry-after")
                    .ok()
                    .flatten()
                    .and_then(|v| v.trim().parse::<u32>().ok());
                Err(HttpError::Status(
                    status,
                    serde_json::from_str(&body).ok(),
                    retry_after,
                ))
            }
        })
        .await
}

/// A fetch that gives up: the `RequestInit` it was made with carries an abort signal, which
/// fires if the fetch (and reading its body) takes longer than the deadline.
pub(crate) struct Deadline {
    controller: AbortController,
}

impl Deadline {
    /// Puts the abort signal into `init`; `None` without `AbortController`.
    pub(crate) fn new(init: &RequestInit) -> Option<Deadline> {
        let controller = AbortController::new().ok()?;
        init.set_signal(Some(&controller.signal()));
        Some(Deadline { controller })
    }

    /// Runs the fetch; aborts it after `ms`, and clears the timer when it is done first.
    pub(crate) async fn run<T>(self, ms: i32, fetch: impl std::future::Future<Output = T>) -> T {
        let window = web_sys::window();
        let controller = self.controller;
        let abort = wasm_bindgen::closure::Closure::once_into_js(move || controller.abort());
        let timer = window.as_ref().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(abort.unchecked_ref(), ms)
                .ok()
        });
        let result = fetch.await;
        if let (Some(window), Some(id)) = (window, timer) {
            window.clear_timeout_with_handle(id);
        }
        result
    }
}
