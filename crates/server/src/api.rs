//! The `/api/v1` JSON API. Handlers are thin: parse into core types, call one function,
//! map the result to a response. Every error is JSON with a stable code.

use crate::enrollment;
use crate::http::{self, ClientIp, DeviceToken};
use crate::ingest;
use crate::storage::{Device, RedeemError, Storage, StorageError, Trouble};
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Path, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use time::OffsetDateTime;
use uuid::Uuid;
use vaksam_core::protocol::{
    sha256_hex, ApiError, ApiErrorCode, EnrollRequest, EnrollResponse, Receipt, SyncRequest,
    SyncResponse, MAX_BATCH_RECORDS, PACK_PATH,
};

/// Shared state of the API handlers.
#[derive(Clone)]
pub struct ApiState<S> {
    /// Persistence.
    pub storage: S,
    /// The server clock, injectable so tests can move time.
    pub clock: fn() -> OffsetDateTime,
}

/// An API failure, rendered as `{"error": code, "message": …}` with a fitting status, and
/// `Retry-After` when trying again later can help.
#[derive(Debug)]
pub struct Failure {
    status: StatusCode,
    body: ApiError,
    retry_after: Option<u64>,
}

impl Failure {
    /// A failure with a status, code and message.
    pub fn new(status: StatusCode, error: ApiErrorCode, message: impl Into<String>) -> Self {
        Self {
            status,
            body: ApiError {
                error,
                message: message.into(),
            },
            retry_after: None,
        }
    }

    /// The same failure, telling the client to try again after `seconds`.
    pub fn retry_after(mut self, seconds: u64) -> Self {
        self.retry_after = Some(seconds);
        self
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.body)).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// Seconds a client waits after "busy" (another writer) before trying again.
pub const BUSY_RETRY_SECS: u64 = 2;
/// Seconds a client waits after "unavailable" (the disk cannot be written) before trying again.
pub const UNAVAILABLE_RETRY_SECS: u64 = 30;

impl From<StorageError> for Failure {
    fn from(e: StorageError) -> Self {
        match e.trouble() {
            Trouble::Busy => {
                tracing::warn!("storage busy: {e}");
                Failure::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    ApiErrorCode::Busy,
                    "the database is busy; nothing was stored, try again",
                )
                .retry_after(BUSY_RETRY_SECS)
            }
            Trouble::Unavailable => {
                tracing::error!("storage unavailable: {e}");
                Failure::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    ApiErrorCode::Unavailable,
                    "the server cannot save anything right now; nothing was stored, try again later",
                )
                .retry_after(UNAVAILABLE_RETRY_SECS)
            }
            Trouble::Internal => {
                tracing::error!("storage: {e}");
                Failure::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    ApiErrorCode::Internal,
                    "storage failed; nothing was stored",
                )
            }
        }
    }
}

/// `Json<T>` whose rejections are API errors naming the problem.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, St: Send + Sync> FromRequest<St> for ApiJson<T> {
    type Rejection = Failure;

    async fn from_request(req: Request, state: &St) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(json_failure(rejection)),
        }
    }
}

fn json_failure(rejection: JsonRejection) -> Failure {
    let text = rejection.body_text();
    match rejection {
        JsonRejection::JsonSyntaxError(_) => {
            Failure::new(StatusCode::BAD_REQUEST, ApiErrorCode::MalformedJson, text)
        }
        JsonRejection::JsonDataError(_) => Failure::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ApiErrorCode::InvalidRequest,
            text,
        ),
        JsonRejection::MissingJsonContentType(_) => Failure::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiErrorCode::UnsupportedMediaType,
            "send Content-Type: application/json",
        ),
        other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => Failure::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            ApiErrorCode::PayloadTooLarge,
            format!(
                "the body is larger than {} bytes",
                vaksam_core::protocol::MAX_BODY_BYTES
            ),
        ),
        other => Failure::new(other.status(), ApiErrorCode::InvalidRequest, text),
    }
}

impl<S: Storage> FromRequestParts<ApiState<S>> for Device {
    type Rejection = Failure;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &ApiState<S>,
    ) -> Result<Self, Self::Rejection> {
        let token = bearer_token(&parts.headers).ok_or_else(|| {
            Failure::new(
                StatusCode::UNAUTHORIZED,
                ApiErrorCode::MissingToken,
                "send the device token as Authorization: Bearer <token>",
            )
        })?;
        state
            .storage
            .device_by_token(&sha256_hex(token.as_bytes()))
            .await?
            .ok_or_else(|| {
                Failure::new(
                    StatusCode::UNAUTHORIZED,
                    ApiErrorCode::InvalidToken,
                    "the device token is unknown or the device was revoked; enroll again",
                )
            })
    }
}

/// The device token of `Authorization: Bearer <token>`, as every part of the server reads
/// it (the rate limiter keys on exactly this, so padding cannot make a fresh budget).
pub fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

/// The API router, to be nested under [`vaksam_core::protocol::API_PREFIX`]. `/enroll` is
/// rate-limited per client address, the device's endpoints per device.
pub fn router<S: Storage>(state: ApiState<S>, ip: ClientIp, device: DeviceToken) -> Router {
    let per_device = http::rate_limit(device, http::DEVICE_RATE);
    Router::new()
        .route(
            "/enroll",
            post(enroll::<S>).layer(http::rate_limit(ip, http::ENROLL_RATE)),
        )
        .route("/sync", post(sync::<S>).layer(per_device.clone()))
        .route(
            "/records/{id}",
            get(record_receipt::<S>).layer(per_device.clone()),
        )
        .route(
            vaksam_core::protocol::STATUS_PATH,
            post(case_statuses::<S>).layer(per_device.clone()),
        )
        .route(PACK_PATH, get(current_pack::<S>).layer(per_device))
        .route("/health", get(health::<S>))
        .fallback(|| async {
            Failure::new(
                StatusCode::NOT_FOUND,
                ApiErrorCode::NotFound,
                "no such API endpoint",
            )
        })
        .method_not_allowed_fallback(|| async {
            Failure::new(
                StatusCode::METHOD_NOT_ALLOWED,
                ApiErrorCode::MethodNotAllowed,
                "method not allowed here",
            )
        })
        .with_state(state)
}

async fn enroll<S: Storage>(
    State(state): State<ApiState<S>>,
    ApiJson(req): ApiJson<EnrollRequest>,
) -> Result<Json<EnrollResponse>, Failure> {
    let invalid = || {
        Failure::new(
            StatusCode::BAD_REQUEST,
            ApiErrorCode::InvalidCode,
            "the code is unknown, already used or expired",
        )
    };
    match enrollment::redeem(&state.storage, &req.code, (state.clock)()).await {
        Ok(response) => Ok(Json(response)),
        Err(RedeemError::InvalidCode) => Err(invalid()),
        Err(RedeemError::Storage(e)) => Err(e.into()),
    }
}

async fn sync<S: Storage>(
    State(state): State<ApiState<S>>,
    device: Device,
    ApiJson(req): ApiJson<SyncRequest>,
) -> Result<Json<SyncResponse>, Failure> {
    if req.records.len() > MAX_BATCH_RECORDS {
        return Err(Failure::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            ApiErrorCode::BatchTooLarge,
            format!(
                "at most {MAX_BATCH_RECORDS} records per request, got {}",
                req.records.len()
            ),
        ));
    }
    match ingest::ingest(&state.storage, &device, req.records, (state.clock)()).await? {
        Ok(results) => Ok(Json(SyncResponse { results })),
        Err(over) => {
            tracing::warn!(device = %device.id, limit = over.limit, "device over its daily limit");
            Err(Failure::new(
                StatusCode::TOO_MANY_REQUESTS,
                ApiErrorCode::DailyLimit,
                format!(
                    "this batch would take the device over its municipality's limit of {} records in 24 hours; nothing was stored",
                    over.limit
                ),
            )
            .retry_after(over.retry_after_secs))
        }
    }
}

/// `POST /status`: where this device's municipality stands with the records named (its
/// incidents and supplements); ids it does not hold are left out, saying nothing of them.
async fn case_statuses<S: Storage>(
    State(state): State<ApiState<S>>,
    device: Device,
    ApiJson(req): ApiJson<vaksam_core::protocol::StatusRequest>,
) -> Result<Json<vaksam_core::protocol::StatusResponse>, Failure> {
    use vaksam_core::protocol::MAX_STATUS_IDS;
    if req.ids.len() > MAX_STATUS_IDS {
        return Err(Failure::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            ApiErrorCode::BatchTooLarge,
            format!(
                "at most {MAX_STATUS_IDS} ids per request, got {}",
                req.ids.len()
            ),
        ));
    }
    let records = state.storage.statuses(&device, &req.ids).await?;
    Ok(Json(vaksam_core::protocol::StatusResponse { records }))
}

/// `GET /health`: 200 when the server can serve and write; 503 with `Retry-After` while
/// the database cannot be written (checked with a real write when writes were failing or
/// nothing was written for a while), so a load balancer or monitor sees it.
async fn health<S: Storage>(State(state): State<ApiState<S>>) -> Response {
    match state.storage.write_health((state.clock)()).await {
        Ok(()) => Json(serde_json::json!({"status": "ok"})).into_response(),
        Err(e) => {
            let failure = Failure::from(e);
            let mut response = failure.into_response();
            if response.status() == StatusCode::INTERNAL_SERVER_ERROR {
                *response.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
            }
            response
        }
    }
}

async fn record_receipt<S: Storage>(
    State(state): State<ApiState<S>>,
    device: Device,
    id: Result<Path<String>, axum::extract::rejection::PathRejection>,
) -> Result<Json<Receipt>, Failure> {
    let not_found = || {
        Failure::new(
            StatusCode::NOT_FOUND,
            ApiErrorCode::NotFound,
            "no such record",
        )
    };
    let Ok(Path(id)) = id else {
        return Err(not_found());
    };
    let id = Uuid::parse_str(&id).map_err(|_| not_found())?;
    state
        .storage
        .receipt(&device.kommunkod, id)
        .await?
        .map(Json)
        .ok_or_else(not_found)
}

/// `GET /pack`: the current pack of the device's municipality. Answers `304 Not Modified`
/// when `If-None-Match` names the current version, so a phone that is up to date downloads
/// nothing; `no-cache` makes every client ask again rather than trust a stale copy.
async fn current_pack<S: Storage>(
    State(state): State<ApiState<S>>,
    device: Device,
    headers: HeaderMap,
) -> Result<Response, Failure> {
    let Some(pack) = state.storage.current_pack(&device.kommunkod).await? else {
        return Err(Failure::new(
            StatusCode::NOT_FOUND,
            ApiErrorCode::NotFound,
            "no pack is published for this municipality",
        ));
    };
    let cache = [
        (header::ETAG, pack.etag.clone()),
        (header::CACHE_CONTROL, "no-cache".to_owned()),
    ];
    let fresh = headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|tag| tag.trim() == pack.etag || tag.trim() == "*");
    if fresh {
        return Ok((StatusCode::NOT_MODIFIED, cache).into_response());
    }
    Ok((
        cache,
        [(header::CONTENT_TYPE, "application/json".to_owned())],
        pack.body,
    )
        .into_response())
}
