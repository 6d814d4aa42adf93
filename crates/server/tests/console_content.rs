//! The municipality's content in the console over real HTTP: check with errors at the
//! line, preview with the re-sign count, publish to the phones, audit, roles.

mod common;

use common::{signed, Server};
use serde_json::{json, Value};
use uuid::Uuid;
use vaksam_core::console::roles::Role;
use vaksam_core::Pack;

const VINGAKER: &str = include_str!("../../../packs/vingaker.toml");

fn with_version(overlay: &str, v: &str) -> String {
    let mut done = false;
    overlay
        .lines()
        .map(|l| {
            if !done && l.starts_with("version = \"") {
                done = true;
                format!("version = \"{v}\"")
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test]
async fn a_coordinator_checks_previews_and_publishes_and_the_phone_gets_it() {
    let s = Server::start().await;
    let token = s.enroll("0428").await;
    // One employee signs the published version.
    let pack: Pack = s.get_json(&token, "/pack").await;
    let results = s
        .sync(
            &token,
            vec![json!({ "id": Uuid::now_v7(), "kind": "signature", "created_at": "2026-01-10T10:01:00+01:00", "payload": signed(&pack, "Anna Andersson") })],
        )
        .await;
    assert_eq!(results[0]["status"], "stored", "{results:?}");

    let coordinator = s.admin_client(Some("0428"), Role::Coordinator).await;
    let overview = coordinator.page("/admin/content").await;
    assert!(overview.contains(&pack.version), "{overview}");
    let edit = coordinator.page("/admin/content/edit").await;
    // The published file, escaped in the textarea.
    assert!(edit.contains("kommunkod = &#34;0428&#34;"), "{edit}");

    // A broken file: the error names its line, and the text stays.
    let broken = VINGAKER.replacen(
        "[[policy.sections]]",
        "[[policy.sections]]\nnonsense = 1",
        1,
    );
    let res = coordinator
        .post(
            "/admin/content/edit",
            &[("overlay", &broken), ("action", "check")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("kommun.toml:"),
        "the error names the file and line: {html}"
    );
    assert!(html.contains("nonsense = 1"), "what was typed stays");

    // A changed section: the preview says who must sign again, and why.
    let changed = with_version(
        &VINGAKER.replacen(
            "Kommunen är beroende av sin information.",
            "Kommunen är helt beroende av sin information.",
            1,
        ),
        "2099.1.1",
    );
    let res = coordinator
        .post(
            "/admin/content/edit",
            &[("overlay", &changed), ("action", "preview")],
        )
        .await;
    let html = res.text().await.unwrap();
    assert!(
        html.contains("1 anställda kommer att behöva skriva under igen"),
        "{html}"
    );
    assert!(html.contains("Varför det här spelar roll"), "{html}");

    let res = coordinator
        .post(
            "/admin/content/edit",
            &[("overlay", &changed), ("action", "publish")],
        )
        .await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    // The served version carries the base's after a `+`.
    assert!(
        html.contains("Version 2099.1.1+") && html.contains("är publicerad"),
        "{html}"
    );
    let served: Value = s.get_json(&token, "/pack").await;
    let version = served["version"].as_str().unwrap().to_owned();
    assert!(version.starts_with("2099.1.1+"), "{version}");
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'pack.publish' AND target = ?",
    )
    .bind(&version)
    .fetch_one(s.storage.pool())
    .await
    .unwrap();
    assert_eq!(audited, 1);

    // The same version with other content is refused, the text kept.
    let other = changed.replacen("helt beroende", "mycket beroende", 1);
    let res = coordinator
        .post(
            "/admin/content/edit",
            &[("overlay", &other), ("action", "publish")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("redan publicerad med annat innehåll") && html.contains("mycket beroende")
    );
}

#[tokio::test]
async fn only_a_coordinator_of_the_municipality_manages_its_content() {
    let s = Server::start().await;
    for role in [Role::Dpo, Role::Manager] {
        let admin = s.admin_client(Some("0428"), role).await;
        assert_eq!(admin.get("/admin/content").await.status(), 403);
        assert_eq!(admin.get("/admin/content/edit").await.status(), 403);
        let res = admin
            .post(
                "/admin/content/edit",
                &[("overlay", VINGAKER), ("action", "publish")],
            )
            .await;
        assert_eq!(res.status(), 403);
    }
    let sysadmin = s.admin_client(None, Role::Sysadmin).await;
    assert_eq!(sysadmin.get("/admin/content").await.status(), 403);
    // Tyresö's coordinator never sees Vingåker's file, and cannot publish it.
    let other = s.admin_client(Some("0138"), Role::Coordinator).await;
    let edit = other.page("/admin/content/edit").await;
    assert!(!edit.contains("Vingåker") && edit.contains("0138"));
    let res = other
        .post(
            "/admin/content/edit",
            &[
                ("overlay", &with_version(VINGAKER, "2099.9.9")),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("gäller kommunkod 0428, inte din kommun"));
}
