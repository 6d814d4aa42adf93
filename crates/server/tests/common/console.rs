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
