//! Shared helpers of the HTTP tests: a real server on a random port over a real database:
//! a SQLite file, or, when `VAKSAM_TEST_POSTGRES` names a PostgreSQL server
//! (`postgres://user@host:port`, as `tools/postgres.sh` starts one), a fresh database on it
//! for each test.
#![allow(dead_code)]

use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::process::Command;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;
use vaksam_core::protocol::{EnrollResponse, SyncResponse};
use vaksam_server::api::ApiState;
use vaksam_server::storage::sql::SqlStorage;
use vaksam_server::{app, enrollment, packs, system_clock};

pub mod console;
pub mod mail;

pub struct Server {
    /// `http://127.0.0.1:PORT/api/v1`.
    pub base: String,
    /// `http://127.0.0.1:PORT`: the console is under `{root}/admin`.
    pub root: String,
    pub storage: SqlStorage,
    pub http: Client,
    pub dir: tempfile::TempDir,
    /// The database's URL.
    pub db: String,
}

/// The PostgreSQL server the tests run against, if any.
pub fn postgres() -> Option<String> {
    std::env::var("VAKSAM_TEST_POSTGRES")
        .ok()
        .filter(|url| !url.is_empty())
}

/// A fresh, empty database for one test: a new database on the test PostgreSQL server, or
/// a SQLite file in `dir`.
pub async fn fresh_db(dir: &std::path::Path) -> String {
    match postgres() {
        Some(server) => {
            use sqlx::Connection;
            sqlx::any::install_default_drivers();
            let name = format!("t_{}", Uuid::new_v4().simple());
            let mut admin = sqlx::AnyConnection::connect(&format!("{server}/postgres"))
                .await
                .expect("the test PostgreSQL server");
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut admin)
                .await
                .unwrap();
            admin.close().await.unwrap();
            format!("{server}/{name}")
        }
        None => format!("sqlite://{}", dir.join("vaksam.db").display()),
    }
}

/// Whether these tests run against PostgreSQL.
pub fn on_postgres() -> bool {
    postgres().is_some()
}

impl Server {
    pub async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        Self::start_on(listener).await
    }

    /// [`Server::start`] on a listener the test chose (e.g. a port a provider already
    /// knows in its redirect URIs).
    pub async fn start_on(listener: tokio::net::TcpListener) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let url = fresh_db(dir.path()).await;
        Self::start_in(listener, dir, url).await
    }

    /// [`Server::start`] on a SQLite file, whatever the suite's database.
    pub async fn start_sqlite() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("vaksam.db").display());
        Self::start_in(listener, dir, url).await
    }

    async fn start_in(
        listener: tokio::net::TcpListener,
        dir: tempfile::TempDir,
        url: String,
    ) -> Self {
        let storage = SqlStorage::open(&url).await.unwrap();
        let outcomes = packs::publish_shipped(&storage, packs::shipped_base(), system_clock())
            .await
            .unwrap();
        // These tests run on the shipped content: every shipped overlay must resolve.
        for outcome in &outcomes {
            if let packs::StartOutcome::ShippedFailed(file, errors) = outcome {
                panic!("the shipped {file} does not resolve with the shipped base:\n{errors}");
            }
        }
        let root = format!("http://{}", listener.local_addr().unwrap());
        let base = format!("{root}/api/v1");
        let state = ApiState {
            storage: storage.clone(),
            clock: system_clock,
        };
        // Passkeys need a domain as the relying party: the console's origin is localhost.
        let deployment = vaksam_server::Deployment {
            public_origin: Some(root.replace("127.0.0.1", "localhost")),
            ..Default::default()
        };
        let app = app(state, deployment);
        tokio::spawn(async move {
            vaksam_server::http::serve(listener, app, std::future::pending())
                .await
                .unwrap()
        });
        Self {
            base,
            root,
            storage,
            http: Client::new(),
            dir,
            db: url,
        }
    }

    pub async fn code(&self, kommunkod: &str, name: &str) -> String {
        enrollment::create_code(
            &self.storage,
            &kommunkod.parse().unwrap(),
            name,
            system_clock(),
            Duration::days(14),
        )
        .await
        .unwrap()
    }

    pub async fn enroll(&self, kommunkod: &str) -> String {
        self.enroll_as(kommunkod, "Anna Andersson").await
    }

    pub async fn enroll_as(&self, kommunkod: &str, name: &str) -> String {
        let code = self.code(kommunkod, name).await;
        let res = self
            .http
            .post(format!("{}/enroll", self.base))
            .json(&json!({ "code": code }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        res.json::<EnrollResponse>().await.unwrap().device_token
    }

    pub async fn sync_raw(&self, token: &str, body: Value) -> reqwest::Response {
        self.http
            .post(format!("{}/sync", self.base))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    /// `GET /api/v1{path}` with the device token, read as JSON.
    pub async fn get_json<T: serde::de::DeserializeOwned>(&self, token: &str, path: &str) -> T {
        self.http
            .get(format!("{}{path}", self.base))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    pub async fn sync(&self, token: &str, records: Vec<Value>) -> Vec<Value> {
        let res = self.sync_raw(token, json!({ "records": records })).await;
        assert_eq!(res.status(), StatusCode::OK);
        let body: Value = res.json().await.unwrap();
        // The typed protocol must read what the server wrote.
        serde_json::from_value::<SyncResponse>(body.clone()).unwrap();
        body["results"].as_array().unwrap().clone()
    }

    pub fn db_url(&self) -> String {
        self.db.clone()
    }

    /// Runs the real `vaksam-server` binary against this server's database.
    pub fn admin(&self, args: &[&str]) -> (bool, String, String) {
        admin(&self.db_url(), args)
    }

    pub async fn incident_rows(&self) -> i64 {
        sqlx::query_scalar("SELECT COUNT(*) FROM incidents")
            .fetch_one(self.storage.pool())
            .await
            .unwrap()
    }
}

pub fn report(description: &str) -> Value {
    json!({
        "category": "lost_device",
        "occurred_at": "2026-01-10T09:30:00+01:00",
        "discovered_at": "2026-01-10T10:00:00+01:00",
        "place": "Hemtjänstgruppen Norr",
        "aspects": ["confidentiality"],
        "personal_data": { "involved": "yes", "kinds": ["health"], "people": "few", "sensitive": "yes", "secrecy": "yes" },
        "harm_to_person": "no",
        "ongoing": "no",
        "actions_taken": "Ringde IT",
        "description": description,
    })
}

pub fn record(id: Uuid, payload: Value) -> Value {
    json!({ "id": id, "kind": "incident", "created_at": "2026-01-10T10:01:00+01:00", "payload": payload })
}

pub fn year_now() -> i32 {
    OffsetDateTime::now_utc().year()
}

/// The real `vaksam-server` binary serving a database of its own, as a separate process:
/// for what only a process shows (a crash, a signal, a file-size limit, other processes
/// writing the same file).
pub struct Process {
    pub child: std::process::Child,
    /// What the server wrote to stderr (warnings and errors).
    pub log: std::path::PathBuf,
    pub base: String,
    pub db: String,
    pub dir: std::path::PathBuf,
    pub http: Client,
}

impl Process {
    /// Starts the server on a fresh database in `dir`.
    pub async fn start(dir: &std::path::Path) -> Self {
        let db = fresh_db(dir).await;
        Self::start_on(dir, &db).await
    }

    /// Starts the server on a fresh SQLite file in `dir`, whatever the suite's database:
    /// for what only SQLite's own file shows (a full disk, `backup`'s copy).
    pub async fn start_sqlite(dir: &std::path::Path) -> Self {
        let db = format!("sqlite://{}", dir.join("vaksam.db").display());
        Self::start_on(dir, &db).await
    }

    pub async fn start_on(dir: &std::path::Path, db: &str) -> Self {
        Self::start_with(dir, db, &[]).await
    }

    /// Starts the server on `db` with more `serve` arguments (e.g. `--base FILE`); its
    /// warnings go to [`Process::log`].
    pub async fn start_with(dir: &std::path::Path, db: &str, serve_args: &[&str]) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        // VAKSAM_TEST_SERVER_BIN runs the same test against another build (e.g. an older
        // release, to watch a regression test fail).
        let bin = std::env::var("VAKSAM_TEST_SERVER_BIN")
            .unwrap_or_else(|_| env!("CARGO_BIN_EXE_vaksam-server").to_owned());
        let child = Command::new(bin)
            .args(["--db", db, "serve", "--addr"])
            .arg(format!("127.0.0.1:{port}"))
            .args(serve_args)
            .env("RUST_LOG", "warn")
            .stdout(std::process::Stdio::null())
            .stderr(std::fs::File::create(dir.join(format!("server-{port}.log"))).unwrap())
            .spawn()
            .unwrap();
        let mut p = Self {
            log: dir.join(format!("server-{port}.log")),
            child,
            base: format!("http://127.0.0.1:{port}/api/v1"),
            db: db.to_owned(),
            dir: dir.to_owned(),
            http: Client::new(),
        };
        for _ in 0..300 {
            if let Ok(r) = p.http.get(format!("{}/health", p.base)).send().await {
                if r.status().is_success() {
                    return p;
                }
            }
            if let Some(status) = p.child.try_wait().unwrap() {
                panic!(
                    "the server exited ({status}) before it answered: {}",
                    std::fs::read_to_string(&p.log).unwrap_or_default()
                );
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!(
            "the server did not answer in 15 s: {}",
            std::fs::read_to_string(&p.log).unwrap_or_default()
        );
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Whether the process still runs.
    pub fn alive(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    /// kill -9.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Runs an admin command of the real binary against this database.
    pub fn admin(&self, args: &[&str]) -> (bool, String, String) {
        admin(&self.db, args)
    }

    /// Enrolls a device through the CLI and `/enroll`; returns its token.
    pub async fn enroll(&self, kommunkod: &str, name: &str) -> String {
        self.enroll_device(kommunkod, name).await.device_token
    }

    /// Enrolls a device through the CLI and `/enroll`; returns the whole answer.
    pub async fn enroll_device(&self, kommunkod: &str, name: &str) -> EnrollResponse {
        let (ok, code, err) = self.admin(&["enroll", "--kommunkod", kommunkod, "--name", name]);
        assert!(ok, "{err}");
        let res = self
            .http
            .post(format!("{}/enroll", self.base))
            .json(&json!({ "code": code.trim() }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        res.json::<EnrollResponse>().await.unwrap()
    }

    pub async fn sync_raw(&self, token: &str, body: &Value) -> reqwest::Result<reqwest::Response> {
        self.http
            .post(format!("{}/sync", self.base))
            .bearer_auth(token)
            .json(body)
            .send()
            .await
    }

    /// The municipality's register as the admin binary exports it.
    pub fn register(&self, kommunkod: &str) -> Vec<Value> {
        let (ok, out, err) =
            self.admin(&["incidents", "--kommunkod", kommunkod, "--format", "json"]);
        assert!(ok, "{err}");
        serde_json::from_str(&out).unwrap()
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Runs an admin command of the real binary against `db`: (succeeded, stdout, stderr).
pub fn admin(db: &str, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_vaksam-server"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A signature of every statement of `pack`'s undertaking by `name`, as the app sends it.
pub fn signed(pack: &vaksam_core::Pack, name: &str) -> Value {
    let draft = vaksam_core::signature::SignatureDraft {
        name: name.into(),
        employee_ref: format!("{}@kommun.se", name.to_lowercase().replace(' ', ".")),
        workplace: "Hemtjänst Norr".into(),
        confirmed: pack
            .undertaking
            .statements
            .iter()
            .map(|s| s.id.clone())
            .collect(),
    };
    let signed = draft
        .sign(
            pack,
            &vaksam_core::pack::Lang::sv(),
            OffsetDateTime::now_utc(),
        )
        .expect("a complete form signs");
    serde_json::to_value(signed).unwrap()
}
