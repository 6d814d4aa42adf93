//! The console's shell over HTTP: sessions, CSRF, sign-out, language, headers.

mod common;

use common::console::client;
use common::Server;
use vaksam_core::console::roles::Role;

#[tokio::test]
async fn a_visitor_is_sent_to_sign_in_and_an_admin_sees_the_start_page() {
    let s = Server::start().await;
    let res = client()
        .get(format!("{}/admin", s.root))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/admin/sign-in?next=/admin");

    let admin = s.admin_client(Some("0428"), Role::Coordinator).await;
    let res = admin.get("/admin").await;
    assert_eq!(res.status(), 200);
    let csp = res.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert_eq!(res.headers()["cache-control"], "no-store");
    let html = res.text().await.unwrap();
    assert!(html.contains("Hej Test coordinator!"), "{html}");
    assert!(html.contains(r#"href="/admin/incidents""#));
    assert!(!html.contains('⟦'), "a text is missing: {html}");
}

#[tokio::test]
async fn a_change_without_the_csrf_token_or_from_another_site_is_refused() {
    let s = Server::start().await;
    let admin = s.admin_client(Some("0428"), Role::Coordinator).await;
    let res = admin.post_raw("/admin/sign-out", &[]).await;
    assert_eq!(res.status(), 403);
    let res = admin
        .post_raw("/admin/sign-out", &[("csrf", "wrong")])
        .await;
    assert_eq!(res.status(), 403);
    let res = admin
        .http
        .post(format!("{}/admin/sign-out", s.root))
        .header("cookie", &admin.cookie)
        .header("origin", "https://evil.example")
        .form(&[("csrf", admin.csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    // Still signed in: none of these did anything.
    assert_eq!(admin.get("/admin").await.status(), 200);
}

#[tokio::test]
async fn sign_out_ends_this_session_and_everywhere_ends_all() {
    let s = Server::start().await;
    let one = s
        .admin_client_as(Some("0428"), Role::Dpo, "dso@example.se", "Dora")
        .await;
    let res = one.post("/admin/sign-out", &[]).await;
    assert_eq!(res.status(), 303);
    assert!(res.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    assert_eq!(one.get("/admin").await.status(), 303);

    let a = s
        .admin_client_as(Some("0428"), Role::Dpo, "dso@example.se", "Dora")
        .await;
    let b = s
        .admin_client_as(Some("0428"), Role::Dpo, "dso@example.se", "Dora")
        .await;
    assert_eq!(a.admin.id, b.admin.id, "the same admin, two sessions");
    let res = a.post("/admin/sign-out", &[("everywhere", "1")]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(a.get("/admin").await.status(), 303);
    assert_eq!(b.get("/admin").await.status(), 303);
}

#[tokio::test]
async fn the_language_switch_keeps_english() {
    let s = Server::start().await;
    let admin = s.admin_client(Some("0428"), Role::Coordinator).await;
    let res = admin
        .post("/admin/language", &[("lang", "en"), ("next", "/admin")])
        .await;
    assert_eq!(res.status(), 303);
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("vaksam-console-lang=en"), "{cookie}");
    let html = admin
        .http
        .get(format!("{}/admin", s.root))
        .header(
            "cookie",
            format!("{}; vaksam-console-lang=en", admin.cookie),
        )
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Hello Test coordinator!"), "{html}");
    assert!(html.contains(r#"<html lang="en">"#));
    // A next= to another site goes to the console's start instead.
    let res = admin
        .post(
            "/admin/language",
            &[("lang", "en"), ("next", "https://evil.example/")],
        )
        .await;
    assert_eq!(res.headers()["location"], "/admin");
}
