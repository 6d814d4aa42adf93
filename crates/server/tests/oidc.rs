//! Sign-in with the municipality's account (OpenID Connect) over real HTTP, against a real
//! provider: npm's oidc-provider (`tools/oidc-provider.mjs`), started once for this file
//! with a free port and redirect URIs for a pool of ports the servers then listen on.
//! Both the provider's pages and ours are driven like a browser: cookies per host,
//! redirects followed by hand, the provider's own login and consent forms posted.

mod common;

use base64::Engine;
use common::Server;
use reqwest::redirect::Policy;
use reqwest::{Client, Response, StatusCode};
use serde_json::{json, Value};
use sha2::Digest;
use std::collections::{BTreeMap, HashMap};
use std::io::BufRead;
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use url::Url;
use vaksam_core::console::roles::Role;
use vaksam_server::storage::accounts::Accounts;
use vaksam_server::system_clock;

// ---------------------------------------------------------------------------------------
// The provider, shared by every test of this file

struct Provider {
    issuer: String,
    /// Listeners whose ports the provider has as redirect URIs; each test takes one.
    listeners: Mutex<Vec<std::net::TcpListener>>,
    /// Kept so the process lives as long as this test binary; its standard input closes
    /// when the binary exits, and the provider exits with it.
    _child: Mutex<Child>,
    /// Its standard output, kept open.
    _stdout: Mutex<std::io::BufReader<std::process::ChildStdout>>,
}

impl Drop for Provider {
    fn drop(&mut self) {
        if let Ok(mut child) = self._child.lock() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

const POOL: usize = 24;

fn provider() -> &'static Provider {
    static PROVIDER: OnceLock<Provider> = OnceLock::new();
    PROVIDER.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let installed = root.join("tools/node_modules/oidc-provider/package.json");
        assert!(
            installed.is_file(),
            "oidc-provider is not installed in tools/node_modules: run tools/setup.sh (npm ci in tools/)"
        );
        let listeners: Vec<_> = (0..POOL)
            .map(|_| std::net::TcpListener::bind("127.0.0.1:0").unwrap())
            .collect();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut command = Command::new("node");
        command
            .arg(root.join("tools/oidc-provider.mjs"))
            .args(["--port", &port.to_string()]);
        for l in &listeners {
            let p = l.local_addr().unwrap().port();
            command.args(["--redirect-uri", &format!("http://localhost:{p}/oidc/callback")]);
        }
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("node runs (Debian's nodejs)");
        let stdout = child.stdout.take().unwrap();
        let mut ready = String::new();
        let mut stdout = std::io::BufReader::new(stdout);
        stdout.read_line(&mut ready).unwrap();
        let issuer = ready
            .trim()
            .strip_prefix("ready ")
            .unwrap_or_else(|| panic!("the provider did not start: {ready:?}"))
            .to_owned();
        // Its discovery document answers before any test uses it.
        let discovery = format!("{issuer}/.well-known/openid-configuration");
        let ok = (0..100).any(|_| {
            let up = std::net::TcpStream::connect(("127.0.0.1", port)).is_ok();
            if !up {
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            up
        });
        assert!(ok, "{discovery} does not answer");
        Provider {
            issuer,
            listeners: Mutex::new(listeners),
            _child: Mutex::new(child),
            _stdout: Mutex::new(stdout),
        }
    })
}

/// A server on one of the ports the provider knows, with Vingåker (0428) set to sign in
/// through it (`extra`: more `oidc set` flags).
async fn server(extra: &[&str]) -> Server {
    let p = provider();
    let listener = p
        .listeners
        .lock()
        .unwrap()
        .pop()
        .expect("a free port with a registered redirect URI (raise POOL)");
    listener.set_nonblocking(true).unwrap();
    let s = Server::start_on(tokio::net::TcpListener::from_std(listener).unwrap()).await;
    configure(&s, "0428", &p.issuer, "vaksam-test", extra);
    s
}

fn configure(s: &Server, kommun: &str, issuer: &str, client_id: &str, extra: &[&str]) {
    let secret = s.dir.path().join("secret");
    std::fs::write(&secret, format!("{client_id}-secret\n")).unwrap();
    let mut args = vec![
        "oidc",
        "set",
        "--kommun",
        kommun,
        "--issuer",
        issuer,
        "--client-id",
        client_id,
        "--client-secret-file",
        secret.to_str().unwrap(),
        "--domains",
        "kommun.test",
    ];
    args.extend_from_slice(extra);
    let (ok, out, err) = s.admin(&args);
    assert!(ok, "oidc set failed: {err}");
    assert!(out.contains("/oidc/callback"), "{out}");
}

/// The console's origin (`http://localhost:PORT`, as the provider knows it).
fn origin(s: &Server) -> String {
    s.root.replace("127.0.0.1", "localhost")
}

// ---------------------------------------------------------------------------------------
// A browser: cookies per host and port, redirects followed by hand

struct Browser {
    http: Client,
    jar: HashMap<String, BTreeMap<String, String>>,
}

fn host_key(url: &Url) -> String {
    format!(
        "{}:{}",
        url.host_str().unwrap(),
        url.port_or_known_default().unwrap()
    )
}

impl Browser {
    fn new() -> Self {
        Self {
            http: Client::builder().redirect(Policy::none()).build().unwrap(),
            jar: HashMap::new(),
        }
    }

    async fn send(&mut self, url: &str, form: Option<&[(&str, &str)]>) -> Response {
        let url = Url::parse(url).unwrap();
        let key = host_key(&url);
        let mut request = match form {
            Some(form) => self.http.post(url.clone()).form(form),
            None => self.http.get(url.clone()),
        };
        if let Some(cookies) = self.jar.get(&key) {
            let header: Vec<String> = cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
            if !header.is_empty() {
                request = request.header("cookie", header.join("; "));
            }
        }
        let response = request.send().await.unwrap();
        let cookies = self.jar.entry(key).or_default();
        for set in response.headers().get_all("set-cookie") {
            let set = set.to_str().unwrap();
            let (pair, attributes) = set.split_once(';').unwrap_or((set, ""));
            let (name, value) = pair.split_once('=').unwrap();
            if value.is_empty()
                || attributes.contains("Max-Age=0")
                || attributes.contains("expires=Thu, 01 Jan 1970")
            {
                cookies.remove(name.trim());
            } else {
                cookies.insert(name.trim().to_owned(), value.to_owned());
            }
        }
        response
    }

    async fn get(&mut self, url: &str) -> Response {
        self.send(url, None).await
    }

    fn cookie(&self, url: &str, name: &str) -> Option<String> {
        self.jar
            .get(&host_key(&Url::parse(url).unwrap()))
            .and_then(|c| c.get(name).cloned())
    }

    /// Goes through the provider from its authorization URL as `account` (login and
    /// consent with its own forms) and returns where it sends the browser back to (the
    /// callback, not followed).
    async fn sign_in_at_provider(&mut self, authorization: &str, account: &str) -> Url {
        let issuer = Url::parse(&provider().issuer).unwrap();
        let mut url = Url::parse(authorization).unwrap();
        for _ in 0..12 {
            let response = self.get(url.as_str()).await;
            let status = response.status();
            assert!(
                status.is_redirection(),
                "{url}: {status}: {}",
                response.text().await.unwrap()
            );
            let location = url
                .join(response.headers()["location"].to_str().unwrap())
                .unwrap();
            if host_key(&location) != host_key(&issuer) {
                return location;
            }
            if location.path().starts_with("/interaction/") {
                let page = self.get(location.as_str()).await.text().await.unwrap();
                let (action, form): (&str, Vec<(&str, &str)>) = if page.contains("/login\"") {
                    assert!(page.contains(&format!("value=\"{account}\"")), "{page}");
                    ("login", vec![("account", account)])
                } else {
                    assert!(page.contains("/confirm\""), "{page}");
                    ("confirm", vec![])
                };
                let posted = self
                    .send(&format!("{location}/{action}"), Some(&form))
                    .await;
                assert!(
                    posted.status().is_redirection(),
                    "{action}: {}",
                    posted.status()
                );
                url = location
                    .join(posted.headers()["location"].to_str().unwrap())
                    .unwrap();
            } else {
                url = location;
            }
        }
        panic!("the provider never sent the browser back");
    }
}

fn query(url: &Url, name: &str) -> Option<String> {
    url.query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// Starts a console sign-in: the redirect to the provider's authorization URL.
async fn start_console(b: &mut Browser, s: &Server) -> Url {
    let res = b
        .get(&format!("{}/oidc/console?kommun=0428", origin(s)))
        .await;
    let status = res.status();
    if status != StatusCode::SEE_OTHER {
        panic!(
            "starting a sign-in: {status}: {}",
            res.text().await.unwrap()
        );
    }
    Url::parse(res.headers()["location"].to_str().unwrap()).unwrap()
}

async fn audit_actions(s: &Server) -> Vec<(String, String, String)> {
    s.storage
        .audit_log(Some(&"0428".parse().unwrap()), None, 100)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.action, e.target, e.detail))
        .collect()
}

async fn admin_session_count(s: &Server) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM admin_sessions")
        .fetch_one(s.storage.pool())
        .await
        .unwrap()
}

// ---------------------------------------------------------------------------------------
// Tests

#[tokio::test]
async fn the_authorization_request_is_a_code_flow_with_pkce_for_our_client() {
    let s = server(&[]).await;
    let mut b = Browser::new();
    let auth = start_console(&mut b, &s).await;
    let issuer = &provider().issuer;
    assert!(
        auth.as_str().starts_with(&format!("{issuer}/auth?")),
        "{auth}"
    );
    assert_eq!(query(&auth, "response_type").as_deref(), Some("code"));
    assert_eq!(query(&auth, "client_id").as_deref(), Some("vaksam-test"));
    assert_eq!(
        query(&auth, "redirect_uri"),
        Some(format!("{}/oidc/callback", origin(&s)))
    );
    assert_eq!(
        query(&auth, "code_challenge_method").as_deref(),
        Some("S256")
    );
    assert_eq!(query(&auth, "code_challenge").map(|c| c.len()), Some(43));
    let scope = query(&auth, "scope").unwrap();
    for wanted in ["openid", "email", "profile"] {
        assert!(scope.split(' ').any(|s| s == wanted), "{scope}");
    }
    let state = query(&auth, "state").unwrap();
    assert!(state.len() >= 43 && query(&auth, "nonce").unwrap().len() >= 43);
    // Only the state's hash is stored; the flow is bound to this browser by its cookie.
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM oidc_flows WHERE state_hash = $1")
        .bind(vaksam_core::protocol::sha256_hex(state.as_bytes()))
        .fetch_one(s.storage.pool())
        .await
        .unwrap();
    assert_eq!(stored, 1);
    assert!(b.cookie(&origin(&s), "vaksam-oidc").is_some());

    // The sign-in page offers it.
    let page = b
        .get(&format!("{}/admin/sign-in", origin(&s)))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("/oidc/console?kommun=0428"), "{page}");
    assert!(page.contains("Logga in med kommunens konto"), "{page}");
}

#[tokio::test]
async fn the_cli_checks_its_flags_and_never_shows_the_secret() {
    let s = server(&[]).await;
    let (ok, out, err) = s.admin(&["oidc", "show", "--kommun", "0428"]);
    assert!(ok, "{err}");
    assert!(
        out.contains(&provider().issuer) && out.contains("vaksam-test"),
        "{out}"
    );
    assert!(!out.contains("vaksam-test-secret"), "{out}");
    let secret = s.dir.path().join("secret");
    let (ok, _, err) = s.admin(&[
        "oidc",
        "set",
        "--kommun",
        "428",
        "--issuer",
        "http://idp.example",
        "--client-id",
        "x",
        "--client-secret-file",
        secret.to_str().unwrap(),
        "--domains",
        "nodot",
        "--group-role",
        "g=sysadmin",
    ]);
    assert!(!ok);
    for flag in ["--kommun:", "--issuer:", "--domains:", "--group-role:"] {
        assert!(err.contains(flag), "{flag} in {err}");
    }
    let (ok, _, _) = s.admin(&["oidc", "remove", "--kommun", "0428"]);
    assert!(ok);
    let (ok, _, err) = s.admin(&["oidc", "show", "--kommun", "0428"]);
    assert!(!ok, "{err}");
}

#[tokio::test]
async fn a_known_admin_signs_in_to_the_console_and_gets_a_session() {
    let s = server(&[]).await;
    let k = "0428".parse().unwrap();
    s.storage
        .create_admin(
            Some(&k),
            "anna@kommun.test",
            "Anna A",
            Role::Dpo,
            system_clock(),
        )
        .await
        .unwrap();
    let mut b = Browser::new();
    let auth = start_console(&mut b, &s).await;
    let back = b.sign_in_at_provider(auth.as_str(), "anna").await;
    assert_eq!(back.path(), "/oidc/callback");
    let res = b.get(back.as_str()).await;
    assert_eq!(res.status(), StatusCode::OK);
    let page = res.text().await.unwrap();
    assert!(page.contains("http-equiv=\"refresh\""), "{page}");
    assert!(b.cookie(&origin(&s), "__Host-vaksam-admin").is_some());
    assert!(
        b.cookie(&origin(&s), "vaksam-oidc").is_none(),
        "the flow's cookie is cleared"
    );
    // The session is the console's own: the start page knows who is signed in.
    let home = b.get(&format!("{}/admin", origin(&s))).await;
    assert_eq!(home.status(), StatusCode::OK);
    assert!(home.text().await.unwrap().contains("Anna A"));
    let actions = audit_actions(&s).await;
    assert!(
        actions.iter().any(|(a, t, d)| a == "oidc.console.sign_in"
            && t == "anna@kommun.test"
            && d == "matched by e-mail"),
        "{actions:?}"
    );
    assert!(actions.iter().any(|(a, _, _)| a == "session.start"));
    // The code and verifier went to the provider: it redeemed the code with a PKCE
    // verifier whose S256 is the challenge we sent.
    let redeemed: Vec<Value> = b
        .http
        .get(format!("{}/test/token-requests", provider().issuer))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let code = query(&back, "code").unwrap();
    let ours = redeemed
        .iter()
        .find(|r| r["code"] == code.as_str())
        .expect("the provider redeemed our code");
    assert_eq!(ours["client_id"], "vaksam-test");
    let verifier = ours["code_verifier"]
        .as_str()
        .expect("a PKCE verifier was sent");
    let challenge = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(sha2::Sha256::digest(verifier.as_bytes()));
    assert_eq!(Some(challenge), query(&auth, "code_challenge"));
}

#[tokio::test]
async fn a_group_makes_the_admin_and_a_disabled_admin_is_refused() {
    let s = server(&[
        "--group-claim",
        "groups",
        "--group-role",
        "vaksam-coordinators=coordinator",
    ])
    .await;
    let mut b = Browser::new();
    let auth = start_console(&mut b, &s).await;
    let back = b.sign_in_at_provider(auth.as_str(), "anna").await;
    assert_eq!(b.get(back.as_str()).await.status(), StatusCode::OK);
    let k = "0428".parse().unwrap();
    let admins = s.storage.admins(Some(&k)).await.unwrap();
    let anna = admins
        .iter()
        .find(|a| a.email == "anna@kommun.test")
        .expect("signing in made the admin");
    assert_eq!(anna.role, Role::Coordinator);
    assert_eq!(anna.name, "Anna Andersson");

    // Bo is in no group that gives a role: refused, and audited.
    let mut b = Browser::new();
    let auth = start_console(&mut b, &s).await;
    let back = b.sign_in_at_provider(auth.as_str(), "bo").await;
    let res = b.get(back.as_str()).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("inget konto i Vaksams konsol"));

    // A disabled admin is never signed in, whatever the group says.
    let audit = vaksam_server::storage::accounts::NewAudit {
        kommunkod: Some(k.clone()),
        admin_id: None,
        actor: "test".into(),
        action: "admin.disable".into(),
        target: anna.email.clone(),
        detail: String::new(),
    };
    assert!(s
        .storage
        .disable_admin(Some(&k), anna.id, audit, system_clock())
        .await
        .unwrap());
    let sessions = admin_session_count(&s).await;
    let mut b = Browser::new();
    let auth = start_console(&mut b, &s).await;
    let back = b.sign_in_at_provider(auth.as_str(), "anna").await;
    let res = b.get(back.as_str()).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(b.cookie(&origin(&s), "__Host-vaksam-admin").is_none());
    assert_eq!(admin_session_count(&s).await, sessions);
    let actions = audit_actions(&s).await;
    for reason in ["not_admin: no group that gives a role", "disabled"] {
        assert!(
            actions
                .iter()
                .any(|(a, _, d)| a == "oidc.console.refused" && d.starts_with(reason)),
            "{reason}: {actions:?}"
        );
    }
}

#[tokio::test]
async fn a_user_from_a_domain_not_allowed_is_refused() {
    let s = server(&[
        "--group-claim",
        "groups",
        "--group-role",
        "vaksam-coordinators=coordinator",
    ])
    .await;
    let mut b = Browser::new();
    let auth = start_console(&mut b, &s).await;
    // Eve is even in the coordinators' group, but her address is evil.test.
    let back = b.sign_in_at_provider(auth.as_str(), "eve").await;
    let res = b.get(back.as_str()).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let page = res.text().await.unwrap();
    assert!(page.contains("hör inte till kommunen"), "{page}");
    assert!(page.contains("is not the municipality"), "{page}");
    assert!(b.cookie(&origin(&s), "__Host-vaksam-admin").is_none());
    let k = "0428".parse().unwrap();
    assert!(s.storage.admins(Some(&k)).await.unwrap().is_empty());
    let actions = audit_actions(&s).await;
    assert!(
        actions.iter().any(|(a, t, d)| a == "oidc.console.refused"
            && t == "eve@evil.test"
            && d.starts_with("domain_not_allowed")),
        "{actions:?}"
    );
}

#[tokio::test]
async fn a_replayed_state_is_refused() {
    let s = server(&[]).await;
    let k = "0428".parse().unwrap();
    s.storage
        .create_admin(
            Some(&k),
            "anna@kommun.test",
            "Anna",
            Role::Coordinator,
            system_clock(),
        )
        .await
        .unwrap();
    let mut b = Browser::new();
    let auth = start_console(&mut b, &s).await;
    let back = b.sign_in_at_provider(auth.as_str(), "anna").await;
    let cookie = b.cookie(&origin(&s), "vaksam-oidc").unwrap();
    assert_eq!(b.get(back.as_str()).await.status(), StatusCode::OK);
    let sessions = admin_session_count(&s).await;
    // The same answer again, even with the flow's cookie put back.
    let res = b
        .http
        .get(back.as_str())
        .header("cookie", format!("vaksam-oidc={cookie}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(res
        .headers()
        .get_all("set-cookie")
        .iter()
        .all(|c| !c.to_str().unwrap().starts_with("__Host-vaksam-admin")));
    assert!(res.text().await.unwrap().contains("redan använd"));
    assert_eq!(admin_session_count(&s).await, sessions);
}

#[tokio::test]
async fn an_expired_state_is_refused() {
    let s = server(&[]).await;
    let k = "0428".parse().unwrap();
    s.storage
        .create_admin(
            Some(&k),
            "anna@kommun.test",
            "Anna",
            Role::Coordinator,
            system_clock(),
        )
        .await
        .unwrap();
    let mut b = Browser::new();
    let auth = start_console(&mut b, &s).await;
    let back = b.sign_in_at_provider(auth.as_str(), "anna").await;
    // Eleven minutes at the provider.
    sqlx::query("UPDATE oidc_flows SET expires_at = $1")
        .bind(
            (system_clock() - time::Duration::minutes(1))
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap(),
        )
        .execute(s.storage.pool())
        .await
        .unwrap();
    let res = b.get(back.as_str()).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(res.text().await.unwrap().contains("tog för lång tid"));
    assert!(b.cookie(&origin(&s), "__Host-vaksam-admin").is_none());
    assert_eq!(admin_session_count(&s).await, 0);
    let actions = audit_actions(&s).await;
    assert!(actions
        .iter()
        .any(|(a, _, d)| a == "oidc.console.refused" && d == "flow_expired"));
}

#[tokio::test]
async fn an_answer_in_another_browser_is_refused() {
    let s = server(&[]).await;
    let mut b = Browser::new();
    let auth = start_console(&mut b, &s).await;
    let back = b.sign_in_at_provider(auth.as_str(), "anna").await;
    let res = Browser::new().get(back.as_str()).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(res.text().await.unwrap().contains("annan webbläsare"));
}

#[tokio::test]
async fn an_id_token_issued_to_another_client_is_refused() {
    let s = server(&[
        "--group-claim",
        "groups",
        "--group-role",
        "vaksam-coordinators=coordinator",
    ])
    .await;
    let issuer = provider().issuer.clone();
    let mut b = Browser::new();
    let ours = start_console(&mut b, &s).await;
    // Another relying party of the same provider gets a genuine ID token for Anna, with
    // the very nonce of our flow: only its audience is wrong.
    let verifier = "another-relying-partys-pkce-verifier-0123456789abcdef";
    let challenge = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(sha2::Sha256::digest(verifier.as_bytes()));
    let redirect_uri = format!("{}/oidc/callback", origin(&s));
    let mut other = Url::parse(&format!("{issuer}/auth")).unwrap();
    other
        .query_pairs_mut()
        .append_pair("client_id", "other-client")
        .append_pair("response_type", "code")
        .append_pair("scope", "openid email profile")
        .append_pair("redirect_uri", &redirect_uri)
        .append_pair("state", "other")
        .append_pair("nonce", &query(&ours, "nonce").unwrap())
        .append_pair("code_challenge", &challenge)
        .append_pair("code_challenge_method", "S256");
    let other_back = b.sign_in_at_provider(other.as_str(), "anna").await;
    let tokens: Value = b
        .http
        .post(format!("{issuer}/token"))
        .basic_auth("other-client", Some("other-client-secret"))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", &query(&other_back, "code").unwrap()),
            ("redirect_uri", &redirect_uri),
            ("code_verifier", verifier),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let foreign = tokens["id_token"]
        .as_str()
        .expect("an ID token for other-client");

    // Our flow completes at the provider; its token response carries the foreign token.
    let back = b.sign_in_at_provider(ours.as_str(), "anna").await;
    let substituted = b
        .http
        .post(format!("{issuer}/test/substitute-id-token"))
        .json(&json!({ "code": query(&back, "code").unwrap(), "id_token": foreign }))
        .send()
        .await
        .unwrap();
    assert_eq!(substituted.status(), StatusCode::NO_CONTENT);
    let res = b.get(back.as_str()).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(res.text().await.unwrap().contains("kunde inte godkännas"));
    assert!(b.cookie(&origin(&s), "__Host-vaksam-admin").is_none());
    let k = "0428".parse().unwrap();
    assert!(s.storage.admins(Some(&k)).await.unwrap().is_empty());
    let actions = audit_actions(&s).await;
    assert!(
        actions.iter().any(|(a, _, d)| a == "oidc.console.refused"
            && d.starts_with("bad_token")
            && d.contains("audience")),
        "{actions:?}"
    );
}

#[tokio::test]
async fn signing_in_on_the_phone_gives_an_enrollment_code_the_app_redeems() {
    let s = server(&[
        "--claim-employee-id",
        "employee_number",
        "--claim-workplace",
        "workplace",
    ])
    .await;
    let mut b = Browser::new();
    // One municipality signs in this way: straight to its provider.
    let res = b.get(&format!("{}/oidc/enroll", origin(&s))).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let auth = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(auth.starts_with(&provider().issuer), "{auth}");
    let back = b.sign_in_at_provider(&auth, "bo").await;
    let res = b.get(back.as_str()).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    let code = location
        .strip_prefix("/enroll#code=")
        .unwrap_or_else(|| panic!("the code goes in the fragment: {location}"));
    assert!(
        vaksam_core::enrollment::normalize(code).as_deref() == Some(code),
        "{code}"
    );

    // The app redeems it as any code.
    let enrolled = s
        .http
        .post(format!("{}/enroll", s.base))
        .json(&json!({ "code": code }))
        .send()
        .await
        .unwrap();
    assert_eq!(enrolled.status(), StatusCode::OK);
    let enrolled: Value = enrolled.json().await.unwrap();
    assert_eq!(enrolled["employee_name"], "Bo Berg");
    assert_eq!(enrolled["kommunkod"], "0428");
    assert!(enrolled["device_token"].as_str().unwrap().len() >= 32);

    // The directory has Bo, with the workplace his claims name, made by this sign-in.
    let row: (String, String, String, String, i64) = sqlx::query_as(
        "SELECT e.id, e.email, e.employee_number, w.name, o.created FROM employees e \
         JOIN workplaces w ON w.id = e.workplace_id JOIN oidc_employees o ON o.employee_id = e.id",
    )
    .fetch_one(s.storage.pool())
    .await
    .unwrap();
    assert_eq!(
        (&row.1[..], &row.2[..], &row.3[..], row.4),
        ("bo@kommun.test", "B2002", "Skolan", 1)
    );

    // Signing in again finds the same employee and makes a new code.
    let mut again = Browser::new();
    let res = again.get(&format!("{}/oidc/enroll", origin(&s))).await;
    let auth = res.headers()["location"].to_str().unwrap().to_owned();
    let back = again.sign_in_at_provider(&auth, "bo").await;
    let res = again.get(back.as_str()).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let employees: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM employees")
        .fetch_one(s.storage.pool())
        .await
        .unwrap();
    assert_eq!(employees, 1);
    let codes: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM enrollment_codes WHERE employee_id = $1")
            .bind(&row.0)
            .fetch_one(s.storage.pool())
            .await
            .unwrap();
    assert_eq!(codes, 2);
}

#[tokio::test]
async fn enrollment_matches_a_directory_employee_by_employee_id() {
    let s = server(&["--claim-employee-id", "employee_number"]).await;
    // The directory (as an import writes it) knows Anna by her number, under another
    // address.
    sqlx::query(
        "INSERT INTO employees (id, kommunkod, name, created_at, email, employee_number) \
         VALUES ('00000000-0000-7000-8000-000000000001', '0428', 'Anna i personalregistret', \
         '2026-01-01T00:00:00Z', 'anna.andersson@kommun.test', 'A1001')",
    )
    .execute(s.storage.pool())
    .await
    .unwrap();
    let mut b = Browser::new();
    let res = b
        .get(&format!("{}/oidc/enroll?kommun=0428", origin(&s)))
        .await;
    let auth = res.headers()["location"].to_str().unwrap().to_owned();
    let back = b.sign_in_at_provider(&auth, "anna").await;
    let res = b.get(back.as_str()).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let code = res.headers()["location"].to_str().unwrap()["/enroll#code=".len()..].to_owned();
    let enrolled: Value = s
        .http
        .post(format!("{}/enroll", s.base))
        .json(&json!({ "code": code }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(enrolled["employee_name"], "Anna i personalregistret");
    let employees: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM employees")
        .fetch_one(s.storage.pool())
        .await
        .unwrap();
    assert_eq!(employees, 1);
}

#[tokio::test]
async fn an_offboarded_employee_cannot_come_back_by_signing_in() {
    let s = server(&["--claim-employee-id", "employee_number"]).await;
    // Anna was removed from the directory (offboarded); her account still works.
    sqlx::query(
        "INSERT INTO employees (id, kommunkod, name, created_at, email, employee_number, removed_at) \
         VALUES ('00000000-0000-7000-8000-000000000002', '0428', 'Anna Andersson', \
         '2026-01-01T00:00:00Z', 'anna.andersson@kommun.test', 'A1001', '2026-06-01T00:00:00Z')",
    )
    .execute(s.storage.pool())
    .await
    .unwrap();
    let mut b = Browser::new();
    let res = b
        .get(&format!("{}/oidc/enroll?kommun=0428", origin(&s)))
        .await;
    let auth = res.headers()["location"].to_str().unwrap().to_owned();
    let back = b.sign_in_at_provider(&auth, "anna").await;
    let res = b.get(back.as_str()).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let page = res.text().await.unwrap();
    assert!(!page.contains("#code="), "{page}");
    let employees: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM employees")
        .fetch_one(s.storage.pool())
        .await
        .unwrap();
    assert_eq!(employees, 1, "no new row brings her back");
    let codes: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM enrollment_codes")
        .fetch_one(s.storage.pool())
        .await
        .unwrap();
    assert_eq!(codes, 0);
}

#[tokio::test]
async fn a_provider_that_cannot_be_reached_is_said_so() {
    let s = server(&[]).await;
    // A port nothing listens on.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    configure(
        &s,
        "0138",
        &format!("http://127.0.0.1:{closed}"),
        "vaksam-test",
        &[],
    );
    let res = Browser::new()
        .get(&format!("{}/oidc/console?kommun=0138", origin(&s)))
        .await;
    assert_eq!(res.status(), StatusCode::BAD_GATEWAY);
    let page = res.text().await.unwrap();
    assert!(page.contains("svarar inte just nu"), "{page}");
    assert!(page.contains("does not answer right now"), "{page}");
    let refusals: Vec<String> = s
        .storage
        .audit_log(Some(&"0138".parse().unwrap()), None, 10)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "oidc.console.refused")
        .map(|e| e.detail)
        .collect();
    assert!(
        refusals.len() == 1 && refusals[0].starts_with("unreachable: "),
        "{refusals:?}"
    );
    // Two municipalities now: the phone's page lets the person choose.
    let res = Browser::new()
        .get(&format!("{}/oidc/enroll", origin(&s)))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("/oidc/enroll?kommun=0428") && page.contains("/oidc/enroll?kommun=0138"),
        "{page}"
    );
    // Unknown municipalities are not configured.
    let res = Browser::new()
        .get(&format!("{}/oidc/console?kommun=2513", origin(&s)))
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_answer_naming_another_issuer_is_refused() {
    let s = server(&[]).await;
    let k = "0428".parse().unwrap();
    s.storage
        .create_admin(
            Some(&k),
            "anna@kommun.test",
            "Anna",
            Role::Coordinator,
            system_clock(),
        )
        .await
        .unwrap();
    let mut b = Browser::new();
    let auth = start_console(&mut b, &s).await;
    let back = b.sign_in_at_provider(auth.as_str(), "anna").await;
    assert_eq!(
        query(&back, "iss").as_deref(),
        Some(provider().issuer.as_str())
    );
    let mut mixed_up = back.clone();
    let pairs: Vec<(String, String)> = back
        .query_pairs()
        .map(|(k, v)| {
            let v = if k == "iss" {
                "https://idp.evil.test".into()
            } else {
                v
            };
            (k.into_owned(), v.into_owned())
        })
        .collect();
    mixed_up.query_pairs_mut().clear().extend_pairs(pairs);
    let res = b.get(mixed_up.as_str()).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(admin_session_count(&s).await, 0);
    let actions = audit_actions(&s).await;
    assert!(
        actions.iter().any(|(a, _, d)| a == "oidc.console.refused"
            && d == "bad_token: the answer names another issuer"),
        "{actions:?}"
    );
}
