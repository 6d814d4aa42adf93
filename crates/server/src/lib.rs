//! Vaksam's server: one binary that serves the built app and the `/api/v1` sync API, with
//! SQLite as the embedded default database.
#![deny(missing_docs)]

// A panic in one request must end only that request (CatchPanicLayer), never the process.
#[cfg(panic = "abort")]
compile_error!("the server must be built with panic = \"unwind\" (see [profile.release])");

pub mod api;
pub mod assets;
pub mod chain;
pub mod console;
pub mod coordinator;
pub mod coverage;
pub mod enrollment;
pub mod export;
pub mod http;
pub mod ingest;
pub mod notify;
pub mod oidc;
pub mod packs;
pub mod reminders;
pub mod storage;

use axum::extract::DefaultBodyLimit;
use axum::{middleware, Router};
use std::sync::Arc;
use storage::Storage;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use vaksam_core::protocol::{API_PREFIX, MAX_BODY_BYTES};

pub use http::Deployment;

/// The whole HTTP application: API under [`API_PREFIX`], the app everywhere else, behind
/// the layers of [`layered`]; rate limits per route.
pub fn app<S: Storage>(state: api::ApiState<S>, deployment: Deployment) -> Router {
    let (ip, device) = http::keys(&deployment);
    let console = console::ConsoleState {
        storage: state.storage.clone(),
        clock: state.clock,
        config: Arc::new(console::ConsoleConfig {
            origin: deployment
                .public_origin
                .clone()
                .unwrap_or_else(|| "http://localhost".to_owned()),
            sessions: storage::accounts::SessionLimits::default(),
        }),
    };
    let routes = Router::new()
        .nest(console::PREFIX, console::router(console.clone(), ip))
        .nest("/oidc", console::oidc_router(console, ip))
        .nest(
            API_PREFIX,
            api::router(state, ip, device)
                .layer(CompressionLayer::new())
                .layer(http::rate_limit(ip, http::ADDRESS_RATE)),
        )
        .fallback(assets::serve);
    layered(routes, deployment)
}

/// What every route goes through, outermost first: the access log, security headers, the
/// panic catcher, the request deadline and the body limit.
pub fn layered(routes: Router, deployment: Deployment) -> Router {
    routes
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn(http::deadline))
        .layer(CatchPanicLayer::custom(http::panic_response))
        .layer(middleware::from_fn_with_state(
            Arc::new(deployment),
            http::security_headers,
        ))
        .layer(middleware::from_fn(http::access_log))
}

/// The real clock.
pub fn system_clock() -> time::OffsetDateTime {
    time::OffsetDateTime::now_utc()
}

/// Serves on `listener` until Ctrl-C or SIGTERM, then finishes the requests in flight.
pub async fn serve<S: Storage>(
    storage: S,
    listener: tokio::net::TcpListener,
    deployment: Deployment,
) -> std::io::Result<()> {
    let state = api::ApiState {
        storage,
        clock: system_clock,
    };
    http::serve(listener, app(state, deployment), http::shutdown_signal()).await
}
