//! The `/api/v1` JSON API. Handlers are thin: parse into core types, call one function,
//! map the result to a response. Every error is JSON with a stable code.

use crate::enrollment;
use crate::ingest;
use crate::storage::{Device, RedeemError, Storage, StorageError};
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Path, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
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

/// An API failure, rendered as `{"error": code, "message": …}` with a fitting status.
#[derive(Debug)]
pub struct Failure {
    status: StatusCode,
    body: ApiError,
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
        }
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        (self.status, Json(self.body)).into_response()
    }
}

impl From<StorageError> for Failure {
    fn from(e: StorageError) -> Self {
        tracing::error!("storage: {e}");
        Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ApiErrorCode::Internal,
            "storage failed; nothing was stored",
        )
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
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| {
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

/// The API router, to be nested under [`vaksam_core::protocol::API_PREFIX`].
pub fn router<S: Storage>(state: ApiState<S>) -> Router {
    Router::new()
        .route("/enroll", post(enroll::<S>))
        .route("/sync", post(sync::<S>))
        .route("/records/{id}", get(record_receipt::<S>))
        .route(PACK_PATH, get(current_pack::<S>))
        .route(
            "/health",
            get(|| async { Json(serde_json::json!({"status": "ok"})) }),
        )
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
    let results = ingest::ingest(&state.storage, &device, req.records, (state.clock)()).await?;
    Ok(Json(SyncResponse { results }))
}

async fn record_receipt<S: Storage>(
    State(state): State<ApiState<S>>,
    device: Device,
    Path(id): Path<String>,
) -> Result<Json<Receipt>, Failure> {
    let not_found = || {
        Failure::new(
            StatusCode::NOT_FOUND,
            ApiErrorCode::NotFound,
            "no such record",
        )
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
