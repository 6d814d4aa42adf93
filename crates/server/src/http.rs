//! What every response goes through on its way out, and how connections are served:
//! security headers, the access log, a deadline per request, panics caught per request,
//! per-client rate limits, and a listener with header, idle and connection limits that
//! shuts down gracefully.

use crate::api::Failure;
use axum::body::Body;
use axum::extract::{ConnectInfo, MatchedPath, Request};
use axum::http::{header, HeaderName, HeaderValue, Response, StatusCode};
use axum::middleware::Next;
use axum::response::IntoResponse;
use axum::Router;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::KeyExtractor;
use tower_governor::{GovernorError, GovernorLayer};
use vaksam_core::protocol::{ApiErrorCode, API_PREFIX};

/// Most time a request may take, body included; then it is answered 408 and, if it was
/// writing, rolled back. Slow clients cannot hold a request open.
pub const REQUEST_DEADLINE: Duration = Duration::from_secs(30);
/// Most time a client may take to send a request's headers, and the longest an idle
/// keep-alive connection is kept open.
pub const HEADER_DEADLINE: Duration = Duration::from_secs(10);
/// Most connections served at once; further clients wait in the listen queue.
pub const MAX_CONNECTIONS: usize = 2048;
/// How long a graceful shutdown waits for requests in flight.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(20);

/// How the server is reached from outside, for the headers that depend on it.
#[derive(Debug, Clone, Default)]
pub struct Deployment {
    /// Served to the world over https (through a TLS proxy): send HSTS.
    pub https: bool,
    /// Take the client's address from the last `X-Forwarded-For` entry (set only behind a
    /// proxy that writes it; a client could otherwise choose its own rate-limit key).
    pub trust_forwarded_for: bool,
    /// The origin people reach Vaksam at (`https://vaksam.kommun.se`, or
    /// `http://localhost:8080` on one machine): the console's WebAuthn relying party and the
    /// links in its e-mails. `None`: `http://localhost`.
    pub public_origin: Option<String>,
}

/// Adds the security headers to every response. The app's pages carry their own
/// Content-Security-Policy (with the hashes of their inline scripts, see `assets`); every
/// other response gets one that allows nothing.
pub async fn security_headers(
    deployment: axum::extract::State<Arc<Deployment>>,
    request: Request,
    next: Next,
) -> Response<Body> {
    let api = request.uri().path().starts_with(API_PREFIX);
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let set = |headers: &mut axum::http::HeaderMap, name: HeaderName, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::REFERRER_POLICY, "no-referrer");
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    set(
        headers,
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        headers,
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    );
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        set(
            headers,
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
        );
    }
    if api {
        // Tokens, receipts and packs never belong in a shared or disk cache.
        set(headers, header::CACHE_CONTROL, "no-store");
    }
    if deployment.https {
        set(
            headers,
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        );
    }
    response
}

/// One line per request: method, route template (never the concrete path, query or
/// headers, which can carry ids and tokens), status and time taken.
pub async fn access_log(request: Request, next: Next) -> Response<Body> {
    let started = Instant::now();
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| {
            if request.uri().path().starts_with(API_PREFIX) {
                format!("{API_PREFIX}/*")
            } else {
                "app".to_owned()
            }
        });
    let response = next.run(request).await;
    tracing::info!(
        target: "access",
        %method,
        route,
        status = response.status().as_u16(),
        ms = %format_args!("{:.1}", started.elapsed().as_secs_f64() * 1000.0),
    );
    response
}

/// Answers 408 when a request (reading its body included) takes longer than
/// [`REQUEST_DEADLINE`]. A write cut off this way is rolled back.
pub async fn deadline(request: Request, next: Next) -> Response<Body> {
    match tokio::time::timeout(REQUEST_DEADLINE, next.run(request)).await {
        Ok(response) => response,
        Err(_) => Failure::new(
            StatusCode::REQUEST_TIMEOUT,
            ApiErrorCode::Timeout,
            "the request took too long and may not have been stored; send it again",
        )
        .into_response(),
    }
}

/// A panic in one request becomes that request's JSON 500; the process and every other
/// request go on.
pub fn panic_response(panic: Box<dyn std::any::Any + Send + 'static>) -> Response<Body> {
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    tracing::error!("a request panicked: {what}");
    Failure::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        ApiErrorCode::Internal,
        "the server failed on this request; nothing was stored",
    )
    .into_response()
}

/// The client's address: the peer, or the last `X-Forwarded-For` entry behind a trusted
/// proxy.
#[derive(Debug, Clone, Copy)]
pub struct ClientIp {
    trust_forwarded_for: bool,
}

impl ClientIp {
    /// The address, or `None` when the request came without `ConnectInfo`.
    fn of<T>(&self, req: &axum::http::Request<T>) -> Option<IpAddr> {
        let peer = req
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip())?;
        let forwarded = req.headers().get_all("x-forwarded-for").iter().next_back();
        if !self.trust_forwarded_for {
            if forwarded.is_some() && peer.is_loopback() {
                static WARNED: std::sync::Once = std::sync::Once::new();
                WARNED.call_once(|| {
                    tracing::warn!(
                        "a proxy on this machine sends X-Forwarded-For, but --trust-forwarded-for is not set: every client shares one rate-limit budget"
                    );
                });
            }
            return Some(peer);
        }
        // The proxy appends the address it saw last; only that entry can be trusted.
        let last = forwarded
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .map(str::trim);
        Some(
            last.and_then(|ip| {
                ip.parse::<IpAddr>()
                    .or_else(|_| ip.parse::<SocketAddr>().map(|a| a.ip()))
                    .ok()
            })
            .unwrap_or(peer),
        )
    }
}

impl KeyExtractor for ClientIp {
    type Key = IpAddr;

    /// The client's address; an IPv6 client is keyed by its /64, the block one household
    /// or phone gets, so it cannot take a fresh budget per address.
    fn extract<T>(&self, req: &axum::http::Request<T>) -> Result<IpAddr, GovernorError> {
        Ok(
            match self.of(req).ok_or(GovernorError::UnableToExtractKey)? {
                IpAddr::V6(v6) => {
                    let bits = u128::from(v6) & !((1u128 << 64) - 1);
                    IpAddr::V6(bits.into())
                }
                v4 => v4,
            },
        )
    }
}

/// The device token (hashed), so each phone has its own budget even when many share one
/// address behind a municipality's NAT; requests without a token share the client's.
#[derive(Debug, Clone, Copy)]
pub struct DeviceToken {
    ip: ClientIp,
}

impl KeyExtractor for DeviceToken {
    type Key = String;

    fn extract<T>(&self, req: &axum::http::Request<T>) -> Result<String, GovernorError> {
        match crate::api::bearer_token(req.headers()) {
            Some(token) => Ok(vaksam_core::protocol::sha256_hex(token.as_bytes())),
            None => self.ip.extract(req).map(|ip| ip.to_string()),
        }
    }
}

/// How fast one client may call an endpoint: a burst, then one request per `period`.
#[derive(Debug, Clone, Copy)]
pub struct Rate {
    /// Requests allowed at once.
    pub burst: u32,
    /// Time to earn one more.
    pub period: Duration,
}

/// `/enroll` per client address. Enough for a whole team enrolling from one office Wi-Fi
/// in a few minutes; far too slow to guess codes or to crowd out the writer.
pub const ENROLL_RATE: Rate = Rate {
    burst: 30,
    period: Duration::from_secs(2),
};
/// `/sync`, `/records`, `/status` and `/pack` per device: a phone emptying a long outbox sends a
/// few batches in a row, then one request every few minutes.
pub const DEVICE_RATE: Rate = Rate {
    burst: 60,
    period: Duration::from_millis(500),
};
/// The whole API per client address: generous, since hundreds of phones may share one
/// address behind a municipality's NAT; it stops one host flooding the server.
pub const ADDRESS_RATE: Rate = Rate {
    burst: 1000,
    period: Duration::from_millis(10),
};

fn too_many(error: GovernorError) -> Response<Body> {
    match error {
        GovernorError::TooManyRequests { wait_time, .. } => Failure::new(
            StatusCode::TOO_MANY_REQUESTS,
            ApiErrorCode::TooManyRequests,
            format!("too many requests; try again in {} s", wait_time.max(1)),
        )
        .retry_after(wait_time.max(1))
        .into_response(),
        other => {
            tracing::error!("rate limiter: {other}");
            Failure::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                ApiErrorCode::Internal,
                "the server could not tell who is asking",
            )
            .into_response()
        }
    }
}

/// A rate-limit layer keyed by `key`, whose limiter forgets idle clients every minute.
pub fn rate_limit<K>(
    key: K,
    rate: Rate,
) -> GovernorLayer<K, governor::middleware::NoOpMiddleware<governor::clock::QuantaInstant>, Body>
where
    K: KeyExtractor + Send + Sync + 'static,
    K::Key: Send + Sync + 'static,
{
    let config = Arc::new(
        GovernorConfigBuilder::default()
            .key_extractor(key)
            .period(rate.period)
            .burst_size(rate.burst)
            .finish()
            .expect("rates have a non-zero burst and period"),
    );
    let limiter = config.limiter().clone();
    if let Ok(runtime) = tokio::runtime::Handle::try_current() {
        runtime.spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(60));
            loop {
                tick.tick().await;
                limiter.retain_recent();
                limiter.shrink_to_fit();
            }
        });
    }
    GovernorLayer::new(config).error_handler(too_many)
}

/// The key extractors for a deployment.
pub fn keys(deployment: &Deployment) -> (ClientIp, DeviceToken) {
    let ip = ClientIp {
        trust_forwarded_for: deployment.trust_forwarded_for,
    };
    (ip, DeviceToken { ip })
}

/// Serves `app` on `listener` until `shutdown` completes, then lets requests in flight
/// finish (up to [`SHUTDOWN_GRACE`]). Unlike `axum::serve`, a connection's first and every
/// later request's headers, and an idle keep-alive connection, have a deadline
/// ([`HEADER_DEADLINE`]), and connections are capped. It inserts the `ConnectInfo` the
/// rate limiters key on; [`crate::app`] served any other way answers 500.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use tower::ServiceExt;

    // HTTP/1.1 only: Vaksam sits behind a TLS proxy, which speaks HTTP/2 to phones. hyper's
    // header timer starts when the connection opens, so a client that connects and sends
    // nothing is closed after HEADER_DEADLINE too.
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_DEADLINE);
    let builder = Arc::new(builder);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let slots = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = slots.clone().acquire_owned() => permit.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors and the like: wait, do not spin.
                    tracing::warn!("accept: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let service =
            app.clone()
                .map_request(move |mut request: Request<hyper::body::Incoming>| {
                    request.extensions_mut().insert(ConnectInfo(peer));
                    request.map(Body::new)
                });
        let service = hyper_util::service::TowerToHyperService::new(service);
        let builder = builder.clone();
        let connection = graceful.watch(builder.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
    tracing::info!("shutting down: finishing requests in flight");
    if tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("requests still running after {SHUTDOWN_GRACE:?}; stopping anyway");
    }
    Ok(())
}

/// Completes on Ctrl-C or SIGTERM (what systemd and containers send to stop a service).
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
