//! Console accounts over real HTTP: invites from the CLI, the first steps of the passkey
//! ceremonies, sessions' timeouts. (The whole ceremony with an authenticator is tested in
//! Chromium with its virtual authenticator: tests/e2e/console.spec.mjs.)

mod common;

use common::console::client;
use common::Server;
use serde_json::{json, Value};
use time::Duration;
use vaksam_core::console::roles::Role;
use vaksam_core::protocol::sha256_hex;
use vaksam_server::storage::accounts::{Accounts, SessionLimits};
use vaksam_server::system_clock;

fn token_of(link: &str) -> String {
    link.split_once("#token=")
        .expect("the token is in the fragment")
        .1
        .to_owned()
}

async fn post_json(s: &Server, path: &str, body: Value) -> (u16, Value) {
    let res = client()
        .post(format!("{}{path}", s.root))
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn the_cli_invites_and_the_invite_starts_a_discoverable_passkey_registration() {
    let s = Server::start().await;
    let (ok, link, err) = s.admin(&[
        "admin",
        "invite",
        "--kommunkod",
        "0428",
        "--email",
        "Sam@Vingaker.se",
        "--role",
        "coordinator",
        "--name",
        "Sam Samordnare",
        "--public-url",
        "https://vaksam.example/",
    ]);
    assert!(ok, "{err}");
    let link = link.trim();
    assert!(
        link.starts_with("https://vaksam.example/admin/invite#token="),
        "{link}"
    );
    // The page itself carries no secret and works for anyone.
    assert_eq!(
        client()
            .get(format!("{}/admin/invite", s.root))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );

    let (status, body) = post_json(
        &s,
        "/admin/invite/start",
        json!({ "token": token_of(link) }),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["name"], "Sam Samordnare");
    assert_eq!(
        body["email"], "sam@vingaker.se",
        "e-mail addresses are kept in lower case"
    );
    let selection = &body["options"]["publicKey"]["authenticatorSelection"];
    assert_eq!(selection["residentKey"], "required");
    assert_eq!(selection["userVerification"], "required");
    assert!(body["ceremony"].is_string());

    // Unknown tokens and a finish without a real credential get the same refusal.
    let (status, body) = post_json(&s, "/admin/invite/start", json!({ "token": "nope" })).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invite.invalid"))
    );
    let (status, _) = post_json(
        &s,
        "/admin/invite/finish",
        json!({ "ceremony": uuid::Uuid::now_v7(), "token": token_of(link), "credential": {} }),
    )
    .await;
    assert_eq!(status, 400);

    // Roles and municipalities are checked.
    let (ok, _, err) = s.admin(&["admin", "invite", "--email", "x@y.se", "--role", "dpo"]);
    assert!(!ok && err.contains("--kommunkod"), "{err}");
    let (ok, _, err) = s.admin(&[
        "admin",
        "invite",
        "--kommunkod",
        "0428",
        "--email",
        "x@y.se",
        "--role",
        "boss",
    ]);
    assert!(!ok && err.contains("not a role"), "{err}");
    let (ok, link, err) = s.admin(&[
        "admin",
        "invite",
        "--email",
        "ops@example.se",
        "--role",
        "sysadmin",
    ]);
    assert!(ok && link.contains("#token="), "{err}");
}

#[tokio::test]
async fn an_expired_or_used_invite_is_refused() {
    let s = Server::start().await;
    let now = system_clock();
    let admin = s
        .storage
        .create_admin(
            Some(&"0428".parse().unwrap()),
            "dpo@example.se",
            "Dora",
            Role::Dpo,
            now,
        )
        .await
        .unwrap();
    s.storage
        .create_invite(
            admin.id,
            &sha256_hex(b"old"),
            now - Duration::hours(80),
            now - Duration::hours(8),
        )
        .await
        .unwrap();
    let (status, _) = post_json(&s, "/admin/invite/start", json!({ "token": "old" })).await;
    assert_eq!(status, 400);
    sqlx::query("INSERT INTO admin_invites (token_hash, admin_id, created_at, expires_at, used_at) VALUES ($1, $2, '2026-01-01T00:00:00Z', '2999-01-01T00:00:00Z', '2026-01-01T00:00:01Z')")
        .bind(sha256_hex(b"used"))
        .bind(admin.id.to_string())
        .execute(s.storage.pool())
        .await
        .unwrap();
    let (status, _) = post_json(&s, "/admin/invite/start", json!({ "token": "used" })).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn sign_in_starts_a_ceremony_that_can_be_finished_only_once() {
    let s = Server::start().await;
    let (status, body) = post_json(&s, "/admin/sign-in/start", json!({})).await;
    assert_eq!(status, 200, "{body}");
    assert!(body["options"]["publicKey"]["challenge"].is_string());
    assert_eq!(body["options"]["publicKey"]["userVerification"], "required");
    // No credentials are named: the browser offers the passkeys it has for this site.
    assert!(body["options"]["publicKey"]["allowCredentials"]
        .as_array()
        .is_none_or(|a| a.is_empty()));
    let fake = json!({
        "id": "AAAA", "rawId": "AAAA", "type": "public-key",
        "response": { "authenticatorData": "AAAA", "clientDataJSON": "AAAA", "signature": "AAAA", "userHandle": null },
    });
    let (status, body) = post_json(
        &s,
        "/admin/sign-in/finish",
        json!({ "ceremony": body["ceremony"], "credential": fake }),
    )
    .await;
    assert_eq!((status, body["error"].as_str()), (401, Some("auth.failed")));
    // The ceremony is gone: trying it again is the same refusal.
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM webauthn_ceremonies")
        .fetch_one(s.storage.pool())
        .await
        .unwrap();
    assert_eq!(rows, 0);
    // A sign-in from another site is refused before anything happens.
    let res = client()
        .post(format!("{}/admin/sign-in/start", s.root))
        .header("origin", "https://evil.example")
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn a_session_ends_when_idle_and_at_its_absolute_limit() {
    let s = Server::start().await;
    let t0 = system_clock();
    let admin = s
        .storage
        .create_admin(
            Some(&"0428".parse().unwrap()),
            "c@example.se",
            "C",
            Role::Coordinator,
            t0,
        )
        .await
        .unwrap();
    let limits = SessionLimits::default();
    s.storage
        .create_session(admin.id, "h1", "csrf", t0, limits)
        .await
        .unwrap();
    let at = |m: i64| t0 + Duration::minutes(m);
    assert!(s
        .storage
        .session("h1", at(29), limits)
        .await
        .unwrap()
        .is_some());
    // Seen at 29 minutes: idle counts from there.
    assert!(s
        .storage
        .session("h1", at(58), limits)
        .await
        .unwrap()
        .is_some());
    assert!(s
        .storage
        .session("h1", at(58 + 30), limits)
        .await
        .unwrap()
        .is_none());

    s.storage
        .create_session(admin.id, "h2", "csrf", t0, limits)
        .await
        .unwrap();
    let mut m = 0;
    while m < 10 * 60 - 20 {
        m += 20;
        assert!(
            s.storage
                .session("h2", at(m), limits)
                .await
                .unwrap()
                .is_some(),
            "at {m} min"
        );
    }
    assert!(
        s.storage
            .session("h2", at(10 * 60), limits)
            .await
            .unwrap()
            .is_none(),
        "10 hours at most"
    );

    // A disabled admin's session stops working at once.
    s.storage
        .create_session(admin.id, "h3", "csrf", t0, limits)
        .await
        .unwrap();
    sqlx::query("UPDATE admins SET disabled_at = '2026-01-01T00:00:00Z' WHERE id = $1")
        .bind(admin.id.to_string())
        .execute(s.storage.pool())
        .await
        .unwrap();
    assert!(s
        .storage
        .session("h3", at(1), limits)
        .await
        .unwrap()
        .is_none());
}

#[tokio::test]
async fn the_audit_log_cannot_be_changed() {
    let s = Server::start().await;
    let admin = s.admin_client(Some("0428"), Role::Coordinator).await;
    admin.post("/admin/sign-out", &[]).await;
    let update = sqlx::query("UPDATE audit_log SET actor = 'someone else'")
        .execute(s.storage.pool())
        .await;
    assert!(update.is_err());
    let delete = sqlx::query("DELETE FROM audit_log")
        .execute(s.storage.pool())
        .await;
    assert!(delete.is_err());
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'session.end'")
        .fetch_one(s.storage.pool())
        .await
        .unwrap();
    assert_eq!(n, 1);
}

#[tokio::test]
async fn accounts_and_the_audit_log_follow_the_roles_and_stay_in_their_municipality() {
    let s = Server::start().await;
    let coordinator = s.admin_client(Some("0428"), Role::Coordinator).await;
    let dpo = s.admin_client(Some("0428"), Role::Dpo).await;
    let manager = s.admin_client(Some("0428"), Role::Manager).await;
    let sysadmin = s.admin_client(None, Role::Sysadmin).await;
    let other = s.admin_client(Some("0138"), Role::Coordinator).await;

    // Every signed-in admin has an account page; only coordinators and sysadmins manage
    // admins; only coordinators read their municipality's log.
    for (who, admins, audit) in [
        (&coordinator, 200, 200),
        (&dpo, 403, 403),
        (&manager, 403, 403),
        (&sysadmin, 200, 403),
    ] {
        assert_eq!(who.get("/admin/account").await.status(), 200);
        assert_eq!(
            who.get("/admin/admins").await.status(),
            admins,
            "{:?}",
            who.admin.role
        );
        assert_eq!(
            who.get("/admin/audit").await.status(),
            audit,
            "{:?}",
            who.admin.role
        );
    }
    for path in ["/admin/account", "/admin/admins", "/admin/audit"] {
        let res = client()
            .get(format!("{}{path}", s.root))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{path} signed out");
    }

    // A coordinator invites a DPO; the link is shown once; the log says who did it.
    let res = coordinator
        .post(
            "/admin/admins/invite",
            &[
                ("email", "ny@vingaker.se"),
                ("name", "Ny Dso"),
                ("role", "dpo"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("/admin/invite#token="));
    // A coordinator cannot make a sysadmin.
    let res = coordinator
        .post(
            "/admin/admins/invite",
            &[("email", "root@vingaker.se"), ("role", "sysadmin")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let log = coordinator.page("/admin/audit").await;
    assert!(
        log.contains("admin.invite") && log.contains("ny@vingaker.se"),
        "{log}"
    );

    // Tyresö's coordinator sees none of it, and cannot disable Vingåker's DPO.
    let theirs = other.page("/admin/audit").await;
    assert!(!theirs.contains("ny@vingaker.se"));
    assert!(!other.page("/admin/admins").await.contains(&dpo.admin.email));
    let res = other
        .post(&format!("/admin/admins/{}/disable", dpo.admin.id), &[])
        .await;
    assert_eq!(res.status(), 404);
    assert_eq!(
        dpo.get("/admin/account").await.status(),
        200,
        "still signed in"
    );

    // Vingåker's coordinator disables the DPO: their session ends at once.
    let res = coordinator
        .post(&format!("/admin/admins/{}/disable", dpo.admin.id), &[])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(dpo.get("/admin/account").await.status(), 303);

    // A sysadmin sees every municipality's admins by name and role, and no case.
    let page = sysadmin.page("/admin/admins").await;
    assert!(page.contains("Vingåker") && page.contains(&coordinator.admin.email));
    assert_eq!(sysadmin.get("/admin/incidents").await.status(), 403);
}
