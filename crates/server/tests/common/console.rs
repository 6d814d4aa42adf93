//! Console helpers: an admin signed in through a session stored in the test's database
//! (the passkey ceremony itself is tested on its own), and requests as that admin.
#![allow(dead_code)]

use super::Server;
use reqwest::redirect::Policy;
use reqwest::{Client, Response};
use uuid::Uuid;
use vaksam_core::console::roles::Role;
use vaksam_core::protocol::sha256_hex;
use vaksam_server::storage::accounts::{Accounts, AdminAccount, SessionLimits};
use vaksam_server::system_clock;

/// A signed-in admin's browser: the session cookie and CSRF token, no redirects followed.
pub struct AdminClient {
    pub admin: AdminAccount,
    pub cookie: String,
    pub csrf: String,
    pub root: String,
    pub http: Client,
}

/// A client that follows no redirects, so tests see them.
pub fn client() -> Client {
    Client::builder().redirect(Policy::none()).build().unwrap()
}

impl Server {
    /// An admin of `kommunkod` (`None`: a sysadmin) with `role`, signed in.
    pub async fn admin_client(&self, kommunkod: Option<&str>, role: Role) -> AdminClient {
        let email = format!("{}-{}@example.se", role.as_str(), Uuid::now_v7().simple());
        self.admin_client_as(kommunkod, role, &email, &format!("Test {}", role.as_str()))
            .await
    }

    pub async fn admin_client_as(
        &self,
        kommunkod: Option<&str>,
        role: Role,
        email: &str,
        name: &str,
    ) -> AdminClient {
        let k = kommunkod.map(|k| k.parse().unwrap());
        let admin = self
            .storage
            .create_admin(k.as_ref(), email, name, role, system_clock())
            .await
            .unwrap();
        let token = format!("test-token-{}", Uuid::now_v7().simple());
        let csrf = format!("csrf-{}", Uuid::now_v7().simple());
        self.storage
            .create_session(
                admin.id,
                &sha256_hex(token.as_bytes()),
                &csrf,
                system_clock(),
                SessionLimits::default(),
            )
            .await
            .unwrap();
        AdminClient {
            admin,
            cookie: format!("{}={token}", vaksam_server::console::SESSION_COOKIE),
            csrf,
            root: self.root.clone(),
            http: client(),
        }
    }
}

impl AdminClient {
    /// `GET {root}{path}` with the session cookie.
    pub async fn get(&self, path: &str) -> Response {
        self.http
            .get(format!("{}{path}", self.root))
            .header("cookie", &self.cookie)
            .send()
            .await
            .unwrap()
    }

    /// `POST {root}{path}` of a url-encoded form with the session's CSRF token added.
    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> Response {
        let mut fields: Vec<(&str, &str)> = vec![("csrf", &self.csrf)];
        fields.extend_from_slice(form);
        self.post_raw(path, &fields).await
    }

    /// `POST {root}{path}` of exactly this form (no CSRF token added).
    pub async fn post_raw(&self, path: &str, form: &[(&str, &str)]) -> Response {
        self.http
            .post(format!("{}{path}", self.root))
            .header("cookie", &self.cookie)
            .form(form)
            .send()
            .await
            .unwrap()
    }

    /// The page at `path`, which must answer 200, as text.
    pub async fn page(&self, path: &str) -> String {
        let res = self.get(path).await;
        assert_eq!(res.status(), 200, "GET {path}");
        res.text().await.unwrap()
    }
}

/// The value of the hidden field `name` on a page.
pub fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let at = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no {name} in {html}"))
        + marker.len();
    html[at..].split('"').next().unwrap().to_owned()
}

/// The code of the letter greeting `name` on a letters page.
pub fn code_of(html: &str, name: &str) -> String {
    let at = html
        .find(&format!("Hej {name}!"))
        .unwrap_or_else(|| panic!("no letter for {name}"));
    let rest = &html[at..];
    let from = rest.find("#code=").unwrap() + "#code=".len();
    rest[from..].chars().take(14).collect()
}

impl AdminClient {
    /// Previews an import of `csv` in the directory: (status, page).
    pub async fn preview_import(&self, csv: &str) -> (u16, String) {
        let res = self
            .post("/admin/people/import", &[("csv", csv), ("step", "preview")])
            .await;
        (res.status().as_u16(), res.text().await.unwrap())
    }

    /// Imports `csv` into the directory (preview, then import), which must work; the page.
    pub async fn import_staff(&self, csv: &str) -> String {
        let (status, html) = self.preview_import(csv).await;
        assert_eq!(status, 200, "{html}");
        let digest = hidden(&html, "digest");
        let res = self
            .post(
                "/admin/people/import",
                &[("csv", csv), ("step", "apply"), ("digest", &digest)],
            )
            .await;
        let status = res.status();
        let html = res.text().await.unwrap();
        assert_eq!(status, 200, "{html}");
        assert!(html.contains("Importen är klar."), "{html}");
        html
    }
}

impl Server {
    /// Redeems an enrollment code through the API; the device token.
    pub async fn redeem(&self, code: &str) -> String {
        let res = self
            .http
            .post(format!("{}/enroll", self.base))
            .json(&serde_json::json!({ "code": code }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        res.json::<serde_json::Value>().await.unwrap()["device_token"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// `name` signs the current pack of `kommunkod` from the device with `token`.
    pub async fn sign_current(&self, token: &str, kommunkod: &str, name: &str) {
        use vaksam_server::storage::Storage;
        let stored = self
            .storage
            .current_pack(&kommunkod.parse().unwrap())
            .await
            .unwrap()
            .unwrap();
        let pack: vaksam_core::Pack = serde_json::from_str(&stored.body).unwrap();
        let record = serde_json::json!({
            "id": Uuid::now_v7(), "kind": "signature",
            "created_at": "2026-01-10T10:01:00+01:00",
            "payload": super::signed(&pack, name),
        });
        let answer = self.sync(token, vec![record]).await;
        assert_eq!(answer[0]["status"], "stored", "{answer:?}");
    }

    /// How many rows `sql` (a `SELECT COUNT(*) …` without parameters) counts.
    pub async fn count(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sql)
            .fetch_one(self.storage.pool())
            .await
            .unwrap()
    }
}
