//! Serves the app built by trunk and embedded at compile time (see build.rs).

use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{Html, IntoResponse, Response};
use base64::Engine as _;
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::OnceLock;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_app.rs"));
}

/// One file of the app: the raw bytes and, when embedded, its precompressed forms.
struct Asset {
    raw: Cow<'static, [u8]>,
    brotli: Option<&'static [u8]>,
    gzip: Option<&'static [u8]>,
}

static STATIC_DIR: OnceLock<PathBuf> = OnceLock::new();

/// Serves the app from `dir` instead of the embedded copy, read at each request. For
/// testing app updates against a running server; deployments use the embedded app.
pub fn serve_from_dir(dir: PathBuf) {
    let _ = STATIC_DIR.set(dir);
}

fn find(path: &str) -> Option<Asset> {
    if let Some(dir) = STATIC_DIR.get() {
        let relative = path.trim_start_matches('/');
        if relative
            .split('/')
            .any(|part| part == ".." || part.is_empty())
        {
            return None;
        }
        let raw = std::fs::read(dir.join(relative)).ok()?;
        return Some(Asset {
            raw: Cow::Owned(raw),
            brotli: None,
            gzip: None,
        });
    }
    embedded::FILES
        .iter()
        .find(|(p, ..)| *p == path)
        .map(|(_, raw, brotli, gzip)| Asset {
            raw: Cow::Borrowed(*raw),
            brotli: Some(*brotli),
            gzip: Some(*gzip),
        })
}

/// Whether the app was embedded at build time.
pub fn app_is_embedded() -> bool {
    find("/index.html").is_some()
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "webmanifest" => "application/manifest+json",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Files whose names carry a content hash (trunk's `name-<hash>.ext`) never change, so they
/// may be cached forever; everything else must be revalidated so updates are seen.
fn cache_control(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.split('.').next().unwrap_or("").trim_end_matches("_bg");
    let hashed = stem
        .rsplit_once('-')
        .is_some_and(|(_, h)| h.len() >= 16 && h.bytes().all(|b| b.is_ascii_hexdigit()));
    if hashed {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

fn accepts(request_headers: &HeaderMap, encoding: &str) -> bool {
    request_headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|part| part.split(';').next().is_some_and(|e| e.trim() == encoding))
        })
}

fn file_response(path: &str, asset: Asset, request_headers: &HeaderMap) -> Response {
    let policy = if content_type(path).starts_with("text/html") {
        Some(page_policy(&asset.raw))
    } else if path == "/sw.js" {
        // A service worker runs under the policy of its own script: it must fetch and
        // cache the app from this origin.
        Some(WORKER_POLICY.to_owned())
    } else {
        None
    };
    let mut headers = HeaderMap::new();
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    // Precompressed at build time; send the smaller form the client accepts.
    let smaller = |c: Option<&'static [u8]>| c.filter(|c| c.len() < asset.raw.len());
    let bytes: Cow<'static, [u8]> = match (smaller(asset.brotli), smaller(asset.gzip)) {
        (Some(br), _) if accepts(request_headers, "br") => {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
            Cow::Borrowed(br)
        }
        (_, Some(gz)) if accepts(request_headers, "gzip") => {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            Cow::Borrowed(gz)
        }
        _ => asset.raw,
    };
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(path)),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(cache_control(path)),
    );
    if path == "/sw.js" {
        headers.insert("service-worker-allowed", HeaderValue::from_static("/"));
    }
    if let Some(Ok(csp)) = policy.map(|p| HeaderValue::from_str(&p)) {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    (headers, bytes).into_response()
}

/// The Content-Security-Policy of the service worker script.
pub const WORKER_POLICY: &str = "default-src 'self'; script-src 'self'; connect-src 'self'; \
     object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/// The Content-Security-Policy of an app page: only its own origin, wasm compiled by the
/// page (`wasm-unsafe-eval`), and exactly the inline scripts the page carries (trunk's
/// loader), by their SHA-256. No inline handlers, no framing, no foreign connections.
pub fn page_policy(html: &[u8]) -> String {
    let scripts: String = inline_scripts(&String::from_utf8_lossy(html))
        .map(|script| {
            let digest = Sha256::digest(script.as_bytes());
            format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts}; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; \
         manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
         frame-ancestors 'none'"
    )
}

/// The text of each `<script>` element without a `src` attribute.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.match_indices("<script").filter_map(move |(start, _)| {
        let open_end = start + html[start..].find('>')?;
        let tag = &html[start..open_end];
        if tag.contains(" src=") || tag.contains("\tsrc=") || tag.contains("\nsrc=") {
            return None;
        }
        let body_start = open_end + 1;
        let body_end = body_start + html[body_start..].find("</script>")?;
        Some(&html[body_start..body_end])
    })
}

/// Static files, with the app shell for any other path that looks like a page (deep links).
pub async fn serve(method: Method, uri: Uri, request_headers: HeaderMap) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD")],
            "method not allowed",
        )
            .into_response();
    }
    let path = match uri.path() {
        "/" => "/index.html",
        p => p,
    };
    if let Some(asset) = find(path) {
        return file_response(path, asset, &request_headers);
    }
    let wants_page = request_headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("text/html"));
    let has_extension = path
        .rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'));
    match find("/index.html") {
        Some(index) if wants_page && !has_extension => file_response("/index.html", index, &request_headers),
        Some(_) => (StatusCode::NOT_FOUND, "not found").into_response(),
        None => (
            StatusCode::SERVICE_UNAVAILABLE,
            Html("<!doctype html><title>Vaksam</title><p>The app was not built into this server. Run <code>trunk build --release</code> and rebuild the server.</p>"),
        )
            .into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_is_matched_as_a_token() {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_static("gzip, deflate, br;q=1.0"),
        );
        assert!(accepts(&h, "br") && accepts(&h, "gzip") && !accepts(&h, "zstd"));
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_static("brotli-ish"),
        );
        assert!(!accepts(&h, "br"));
    }

    #[test]
    fn hashed_assets_are_immutable_and_others_revalidate() {
        assert_eq!(
            cache_control("/vaksam-1a2b3c4d5e6f7a8b.js"),
            "public, max-age=31536000, immutable"
        );
        assert_eq!(
            cache_control("/vaksam-1a2b3c4d5e6f7a8b_bg.wasm"),
            "public, max-age=31536000, immutable"
        );
        assert_eq!(cache_control("/index.html"), "no-cache");
        assert_eq!(cache_control("/sw.js"), "no-cache");
    }

    #[test]
    fn page_policy_allows_exactly_the_inline_scripts_of_the_page() {
        let html = "<html><head><script type=\"module\">import init from '/a.js';init();</script>\
                    <script src=\"/b.js\"></script></head><body></body></html>";
        let policy = page_policy(html.as_bytes());
        let expected = base64::engine::general_purpose::STANDARD
            .encode(Sha256::digest(b"import init from '/a.js';init();"));
        assert!(policy.contains(&format!("'sha256-{expected}'")), "{policy}");
        assert_eq!(policy.matches("'sha256-").count(), 1, "{policy}");
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(policy.contains("'wasm-unsafe-eval'"));
        assert!(!policy.contains("'unsafe-inline'"));
    }
}
