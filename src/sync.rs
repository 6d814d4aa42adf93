//! The sync engine: sends the outbox whenever the app is open and the server can be
//! reached, and shows where things stand.
//!
//! Triggers: app start, the `online` event, the page becoming visible, each save, a
//! one-minute timer while something waits, "Skicka nu", and retries with capped, jittered
//! backoff while the server fails. `navigator.onLine` only picks the wording; a request
//! that succeeds is the only proof of a connection.
//!
//! Every failure is told for what it is: no contact, a server error, the phone's storage,
//! or a revoked device (only when the server itself says the token is invalid or missing).
//! A round that settles nothing backs off like a failure instead of asking again at once.

use crate::api::{self, HttpError};
use crate::i18n::FailReason;
use crate::store::reference::{self, LocalSignature};
use crate::store::{device, outbox, receipts};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::Cell;
use vaksam_core::backoff;
use vaksam_core::protocol::RecordKind;
use vaksam_core::protocol::{
    ApiError, ApiErrorCode, StatusRequest, StatusResponse, SyncRequest, SyncResponse,
    MAX_BATCH_RECORDS, MAX_STATUS_IDS, STATUS_PATH,
};
use vaksam_core::Pack;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(inline_js = "
export function with_lock(name, task) {
  if (navigator.locks && navigator.locks.request) {
    return navigator.locks.request(name, () => task());
  }
  return task();
}
")]
extern "C" {
    fn with_lock(name: &str, task: &js_sys::Function) -> js_sys::Promise;
}

/// What the engine is doing.
#[derive(Debug, Clone, PartialEq)]
pub enum SyncStatus {
    /// Nothing in flight.
    Idle,
    /// A request is under way.
    Sending,
    /// The last attempt failed; another is planned at `retry_at_ms` (ms since epoch).
    Failed {
        /// Why.
        reason: FailReason,
        /// When the next attempt is due.
        retry_at_ms: f64,
    },
    /// The server no longer knows this device's token. Items are kept; sending pauses.
    NeedsEnrollment,
}

/// The engine's signals, shared through context.
#[derive(Clone, Copy)]
pub struct Sync {
    /// Engine state.
    pub status: RwSignal<SyncStatus>,
    /// Entries waiting to be sent.
    pub waiting: RwSignal<usize>,
    /// Whether every waiting entry is an incident report or a supplement to one (the status
    /// line then says so).
    pub waiting_reports_only: RwSignal<bool>,
    /// Entries the server refused (or that conflict): they wait for the user, not the network.
    pub refused: RwSignal<usize>,
    /// Bumped after every change to the outbox or receipts (a delivery, a case status
    /// heard from the municipality), so lists reload.
    pub revision: RwSignal<u32>,
    /// Ids in the request under way.
    pub sending_ids: RwSignal<Vec<String>>,
    /// Save time (ms since epoch) of the oldest entry still waiting.
    pub oldest_waiting_ms: RwSignal<Option<f64>>,
    /// The municipality's content pack, from the phone's cache (`None` until first fetched).
    pub pack: RwSignal<Option<Pack>>,
    /// The last signature made on this phone.
    pub signature: RwSignal<Option<LocalSignature>>,
}

thread_local! {
    static IN_FLIGHT: Cell<bool> = const { Cell::new(false) };
    static AGAIN: Cell<bool> = const { Cell::new(false) };
    static FAILURES: Cell<u32> = const { Cell::new(0) };
    static TIMER_GEN: Cell<u32> = const { Cell::new(0) };
}

enum Flush {
    /// Nothing (more) waits; `sent` tells whether this flush delivered anything.
    Done {
        sent: bool,
    },
    Failed(FailReason),
    Unauthorized,
}

/// Longest wait before sending after the `online` event, so that phones coming back from
/// one outage do not all send in the same second.
const ONLINE_JITTER_MS: f64 = 3_000.0;

impl Sync {
    /// The engine's signals; nothing runs until [`Sync::start`].
    pub fn new() -> Self {
        Self {
            status: RwSignal::new(SyncStatus::Idle),
            waiting: RwSignal::new(0),
            waiting_reports_only: RwSignal::new(true),
            refused: RwSignal::new(0),
            revision: RwSignal::new(0),
            sending_ids: RwSignal::new(Vec::new()),
            oldest_waiting_ms: RwSignal::new(None),
            pack: RwSignal::new(None),
            signature: RwSignal::new(None),
        }
    }

    /// Hooks up the triggers and sends what waits. Called once storage is known to work.
    /// First forgets the details of reports received too long ago
    /// ([`receipts::purge_details`]).
    pub fn start(self) {
        let sync = self;
        spawn_local(async move {
            if let Ok(purged) = receipts::purge_details(crate::clock::now()).await {
                if purged > 0 {
                    sync.revision.update(|r| *r += 1);
                }
            }
        });
        if let Some(window) = web_sys::window() {
            let on_online = Closure::<dyn Fn()>::new(move || {
                let delay = (js_sys::Math::random() * ONLINE_JITTER_MS) as u32;
                spawn_local(async move {
                    gloo_timers::future::TimeoutFuture::new(delay).await;
                    sync.send_now();
                });
            });
            let _ = window
                .add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
            on_online.forget();
            let on_visible = Closure::<dyn Fn()>::new(move || {
                let visible = web_sys::window()
                    .and_then(|w| w.document())
                    .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
                if visible {
                    sync.request();
                }
            });
            let _ = window.add_event_listener_with_callback(
                "visibilitychange",
                on_visible.as_ref().unchecked_ref(),
            );
            on_visible.forget();
            let tick = Closure::<dyn Fn()>::new(move || {
                if FAILURES.get() == 0 && sync.waiting.get_untracked() > 0 {
                    sync.request();
                }
            });
            let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
                tick.as_ref().unchecked_ref(),
                60_000,
            );
            tick.forget();
        }
        sync.request();
    }

    /// Whether the browser believes it is online (wording only).
    pub fn browser_online(&self) -> bool {
        web_sys::window().is_none_or(|w| w.navigator().on_line())
    }

    /// "Skicka nu", and the `online` event: forget the backoff and try at once.
    pub fn send_now(self) {
        FAILURES.set(0);
        self.request();
    }

    /// Asks for a flush; coalesces with one under way.
    pub fn request(self) {
        if IN_FLIGHT.get() {
            AGAIN.set(true);
            return;
        }
        IN_FLIGHT.set(true);
        spawn_local(async move {
            loop {
                AGAIN.set(false);
                let outcome = self.flush_under_lock().await;
                self.after(outcome);
                if !AGAIN.get() {
                    break;
                }
            }
            IN_FLIGHT.set(false);
        });
    }

    /// After the user saved a record: update the counts and try to send it.
    pub async fn saved(self) {
        self.refresh_counts().await;
        self.request();
    }

    /// Re-reads how many entries wait.
    pub async fn refresh_counts(self) {
        if let Ok(entries) = outbox::all().await {
            let waiting: Vec<_> = entries
                .iter()
                .filter(|e| e.state == outbox::EntryState::Waiting)
                .collect();
            set_changed(self.refused, entries.len() - waiting.len());
            set_changed(self.waiting, waiting.len());
            set_changed(
                self.waiting_reports_only,
                waiting.iter().all(|e| {
                    matches!(e.record.kind, RecordKind::Incident | RecordKind::Supplement)
                }),
            );
            let oldest = waiting
                .iter()
                .map(|e| (e.record.created_at.unix_timestamp_nanos() / 1_000_000) as f64)
                .reduce(f64::min);
            set_changed(self.oldest_waiting_ms, oldest);
        }
        if let Ok(signature) = reference::signature().await {
            // Setting notifies even an equal value, and the signing form reads this signal.
            set_changed(self.signature, signature);
        }
        self.revision.update(|r| *r += 1);
    }

    async fn flush_under_lock(self) -> Flush {
        // Two tabs must not send the same records at once. The server would dedupe them,
        // but one sender at a time is kinder to the network. A tab that finds the lock
        // taken waits, then finds the records delivered and updates its own status.
        let (tx, rx) = shared_slot();
        let task = Closure::once_into_js(move || {
            wasm_bindgen_futures::future_to_promise(async move {
                let outcome = self.flush().await;
                tx.set(Some(outcome));
                Ok(JsValue::TRUE)
            })
        });
        let ran =
            wasm_bindgen_futures::JsFuture::from(with_lock("vaksam-outbox", task.unchecked_ref()))
                .await;
        match (ran, rx.take()) {
            (_, Some(outcome)) => outcome,
            (_, None) => Flush::Failed(FailReason::NoContact),
        }
    }

    async fn flush(self) -> Flush {
        let enrollment = match device::enrollment().await {
            Ok(Some(enrollment)) => enrollment,
            Ok(None) => return Flush::Unauthorized,
            Err(e) => return Flush::Failed(FailReason::Storage(e.kind)),
        };
        let mut sent = false;
        loop {
            let entries = match outbox::all().await {
                Ok(entries) => entries,
                Err(e) => return Flush::Failed(FailReason::Storage(e.kind)),
            };
            let batch = batch(entries, MAX_BATCH_RECORDS);
            if batch.is_empty() {
                self.refresh_pack(&enrollment.token).await;
                self.refresh_statuses(&enrollment.token).await;
                return Flush::Done { sent };
            }
            self.status.set(SyncStatus::Sending);
            self.sending_ids
                .set(batch.iter().map(|e| e.id.clone()).collect());
            let request = SyncRequest {
                records: batch.iter().map(|e| e.record.clone()).collect(),
            };
            let answer: Result<SyncResponse, HttpError> =
                api::post("/sync", Some(&enrollment.token), &request).await;
            self.sending_ids.set(Vec::new());
            match answer {
                Ok(response) => {
                    let applied = outbox::apply_results(&batch, &response.results).await;
                    self.refresh_counts().await;
                    match applied {
                        // The server has the records; what it holds is never sent again.
                        Err(e) => return Flush::Failed(FailReason::Storage(e.kind)),
                        // An answer that covers none of the batch (a proxy, a bug) would
                        // have the same batch sent again at once, forever.
                        Ok(applied) if applied.settled == 0 => {
                            return Flush::Failed(FailReason::NoAnswer)
                        }
                        Ok(_) => sent = true,
                    }
                }
                Err(HttpError::NoContact) => return Flush::Failed(FailReason::NoContact),
                Err(HttpError::Status(401, Some(error), _)) if revoked(&error) => {
                    return Flush::Unauthorized
                }
                // A 401 that is not the server's own token error (a captive portal's login
                // page, a proxy) says nothing about this phone's registration.
                Err(HttpError::Status(401, ..)) => return Flush::Failed(FailReason::NoContact),
                Err(HttpError::Status(code, error, retry_after)) => {
                    return Flush::Failed(server_trouble(code, error, retry_after))
                }
            }
        }
    }

    /// Loads the cached pack into the signal.
    pub async fn load_pack(self) {
        if let Ok(Some(pack)) = reference::pack().await {
            self.pack.set(Some(pack));
        }
    }

    /// Asks the server for a newer pack. A pack that fails validation is not taken: the
    /// phone keeps the one it has (see [`takes`]). Failures are quiet; the next flush asks again.
    async fn refresh_pack(self, token: &str) {
        let etag = reference::pack_etag().await.ok().flatten();
        if let Ok(api::PackAnswer::New(etag, pack, body)) =
            api::get_pack(token, etag.as_deref()).await
        {
            if takes(&pack)
                && reference::save_pack(&reference::StoredPack { etag, body })
                    .await
                    .is_ok()
            {
                self.pack.set(Some(*pack));
            }
        }
    }

    /// Asks the server where the cases of recent, unclosed reports stand and writes what
    /// changed into their receipts; lists reload when something did. Silent on failure:
    /// a status is news, never a reason to show an error or to hold up sending.
    async fn refresh_statuses(self, token: &str) {
        let Ok(ids) = receipts::status_ids(crate::clock::now(), MAX_STATUS_IDS).await else {
            return;
        };
        let ids: Vec<uuid::Uuid> = ids.iter().filter_map(|id| id.parse().ok()).collect();
        if ids.is_empty() {
            return;
        }
        let answer: Result<StatusResponse, HttpError> =
            api::post(STATUS_PATH, Some(token), &StatusRequest { ids }).await;
        if let Ok(answer) = answer {
            if let Ok(true) = receipts::apply_statuses(&answer.records).await {
                self.revision.update(|r| *r += 1);
            }
        }
    }

    fn after(self, outcome: Flush) {
        match outcome {
            Flush::Done { sent } => {
                FAILURES.set(0);
                // A full phone stays said until something is written again: a retry that
                // finds nothing to send proves nothing about the storage.
                let storage_problem = matches!(
                    self.status.get_untracked(),
                    SyncStatus::Failed {
                        reason: FailReason::Storage(_),
                        ..
                    }
                );
                if sent || !storage_problem {
                    self.status.set(SyncStatus::Idle);
                }
            }
            Flush::Unauthorized => self.status.set(SyncStatus::NeedsEnrollment),
            Flush::Failed(reason) => {
                let failures = FAILURES.get().saturating_add(1);
                FAILURES.set(failures);
                // The server's Retry-After, when it gave one, is the least wait.
                let delay = backoff::retry_delay_ms(failures, js_sys::Math::random())
                    .max(u64::from(reason.retry_after_s()) * 1000);
                let retry_at_ms = js_sys::Date::now() + delay as f64;
                self.status.set(SyncStatus::Failed {
                    reason,
                    retry_at_ms,
                });
                let generation = TIMER_GEN.get().wrapping_add(1);
                TIMER_GEN.set(generation);
                spawn_local(async move {
                    gloo_timers::future::TimeoutFuture::new(delay.min(u32::MAX as u64) as u32)
                        .await;
                    if TIMER_GEN.get() == generation {
                        self.request();
                    }
                });
            }
        }
        let this = self;
        spawn_local(async move { this.refresh_counts().await });
    }
}

/// Sets `signal` only if `value` differs, so readers are not woken for nothing.
fn set_changed<T: PartialEq + Send + std::marker::Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|v| *v != value) {
        signal.set(value);
    }
}

/// Whether a 401's body is the server saying this device's token is no good.
/// Why the server said no, from its status, error code and `Retry-After`: a limit or a
/// busy server is passing trouble to wait out, not a fault.
fn server_trouble(
    code: u16,
    error: Option<vaksam_core::protocol::ApiError>,
    retry_after: Option<u32>,
) -> FailReason {
    use vaksam_core::protocol::ApiErrorCode;
    let wait = retry_after.unwrap_or(0);
    match error.map(|e| e.error) {
        Some(ApiErrorCode::DailyLimit) => FailReason::DailyLimit(wait),
        _ if code == 429 || code == 503 => FailReason::Busy(wait),
        _ => FailReason::ServerError(code),
    }
}

fn revoked(error: &ApiError) -> bool {
    matches!(
        error.error,
        ApiErrorCode::InvalidToken | ApiErrorCode::MissingToken
    )
}

impl Default for Sync {
    fn default() -> Self {
        Self::new()
    }
}

/// A one-shot slot shared between the lock callback and the caller.
type Slot = std::rc::Rc<Cell<Option<Flush>>>;

fn shared_slot() -> (Slot, Slot) {
    let slot = Slot::default();
    (slot.clone(), slot)
}

/// Whether the phone takes a pack the server sent: one that passes the core's checks, or a
/// format-1 pack an older server published. The server keeps serving that one until the
/// municipality's format-2 pack replaces it, and the core's format-2 rules cannot hold for
/// it (format 1 had no source on quiz questions), so it is taken as the server checked it
/// when it was published; the core still reads it and signs it with version-1 digests.
fn takes(pack: &vaksam_core::Pack) -> bool {
    pack.format == 1 || pack.validate("server").is_ok()
}

/// The next batch to send: at most `max` waiting entries, oldest first. A supplement whose
/// report is still waiting in the outbox goes only in the same batch as that report, after
/// it (a corrected report is newer than the supplements moved to it); without room for
/// both it is held back for a later batch, since the server refuses a supplement to a
/// report it does not hold, for good.
pub fn batch(entries: Vec<outbox::OutboxEntry>, max: usize) -> Vec<outbox::OutboxEntry> {
    let waiting: Vec<_> = entries
        .into_iter()
        .filter(|e| e.state == outbox::EntryState::Waiting)
        .collect();
    let waiting_reports: std::collections::HashSet<_> = waiting
        .iter()
        .filter(|e| e.record.kind == RecordKind::Incident)
        .map(|e| e.record.id)
        .collect();
    let mut batch = Vec::new();
    let mut held = Vec::new();
    for entry in waiting {
        if batch.len() == max {
            break;
        }
        match entry.supplement() {
            Some(s) if waiting_reports.contains(&s.incident_id) => {
                held.push((s.incident_id, entry))
            }
            _ => batch.push(entry),
        }
    }
    for (incident_id, entry) in held {
        if batch.len() < max && batch.iter().any(|e| e.record.id == incident_id) {
            batch.push(entry);
        }
    }
    // Supplements after the reports (the sort is stable: each kind stays oldest first).
    batch.sort_by_key(|e| e.record.kind == RecordKind::Supplement);
    batch
}
