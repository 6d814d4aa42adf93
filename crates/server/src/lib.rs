//! Vaksam's server: one binary that serves the built app and the `/api/v1` sync API, with
//! SQLite as the embedded default database.
#![deny(missing_docs)]

pub mod api;
pub mod assets;
pub mod chain;
pub mod enrollment;
pub mod export;
pub mod ingest;
pub mod packs;
pub mod storage;

use axum::extract::DefaultBodyLimit;
use axum::Router;
use storage::Storage;
use tower_http::compression::CompressionLayer;
use vaksam_core::protocol::{API_PREFIX, MAX_BODY_BYTES};

/// The whole HTTP application: API under [`API_PREFIX`], the app everywhere else.
pub fn app<S: Storage>(state: api::ApiState<S>) -> Router {
    Router::new()
        .nest(
            API_PREFIX,
            api::router(state).layer(CompressionLayer::new()),
        )
        .fallback(assets::serve)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
}

/// The real clock.
pub fn system_clock() -> time::OffsetDateTime {
    time::OffsetDateTime::now_utc()
}

/// Binds `addr` and serves until Ctrl-C.
pub async fn serve<S: Storage>(
    storage: S,
    listener: tokio::net::TcpListener,
) -> std::io::Result<()> {
    let state = api::ApiState {
        storage,
        clock: system_clock,
    };
    axum::serve(listener, app(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
