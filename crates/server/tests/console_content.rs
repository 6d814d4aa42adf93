//! The municipality's content in the console over real HTTP: check with errors at their
//! line, preview with the re-sign count, publish to the phones with an audit entry, a taken
//! version refused with the text kept, roles, CSRF and tenant isolation.

mod common;

use common::{signed, Server};
use serde_json::{json, Value};
use uuid::Uuid;
use vaksam_core::console::roles::Role;
use vaksam_core::Pack;
use vaksam_server::storage::Storage;

const VINGAKER: &str = include_str!("../../../packs/vingaker.toml");

/// The overlay with its own `version` (the first line that sets one) replaced.
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

/// How many `pack.publish` entries name `version`.
async fn publish_entries(s: &Server, version: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'pack.publish' AND target = $1",
    )
    .bind(version)
    .fetch_one(s.storage.pool())
    .await
    .unwrap()
}

/// The textarea's escaped text as askama writes it.
fn escaped(text: &str) -> String {
    text.replace('&', "&#38;")
        .replace('"', "&#34;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('\'', "&#39;")
}

#[tokio::test]
async fn the_overview_shows_the_published_version_and_the_defaults_to_confirm() {
    let s = Server::start().await;
    let coordinator = s.admin_client(Some("0428"), Role::Coordinator).await;
    let html = coordinator.page("/admin/content").await;
    let stored = s
        .storage
        .current_pack(&"0428".parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    let pack: Pack = serde_json::from_str(&stored.body).unwrap();
    assert!(html.contains(&stored.version), "{html}");
    assert!(
        html.contains("Vaksam, med filen som följde med installationen"),
        "{html}"
    );
    let defaults = pack.unconfirmed_defaults();
    assert!(!defaults.is_empty(), "Vingåker has advice to confirm");
    assert!(
        html.contains(&format!("{} råd är inte bekräftade", defaults.len())),
        "{html}"
    );
    // Grouped by list: `classification.kinds` (n): id, id, …
    let kinds: Vec<&str> = defaults
        .iter()
        .filter_map(|d| d.strip_prefix("classification.kinds."))
        .collect();
    assert!(!kinds.is_empty());
    assert!(
        html.contains(&format!(
            "<code>classification.kinds</code></strong> ({}): <code>{}</code>",
            kinds.len(),
            kinds[0]
        )),
        "{html}"
    );
    assert!(html.contains("href=\"/admin/content/edit\""));
}

#[tokio::test]
async fn an_error_is_shown_at_its_line_and_the_text_is_kept() {
    let s = Server::start().await;
    let coordinator = s.admin_client(Some("0428"), Role::Coordinator).await;
    let edit = coordinator.page("/admin/content/edit").await;
    // The published file, escaped in the textarea; the page loads its own script.
    assert!(edit.contains("kommunkod = &#34;0428&#34;"), "{edit}");
    assert!(edit.contains("<script src=\"/admin/assets/content.js\""));
    let script = coordinator.get("/admin/assets/content.js").await;
    assert_eq!(script.status(), 200);
    assert!(script.text().await.unwrap().contains("FileReader"));

    let broken = VINGAKER.replacen(
        "[[policy.sections]]",
        "[[policy.sections]]\nnonsense = 1",
        1,
    );
    let line = broken.lines().position(|l| l == "nonsense = 1").unwrap() + 1;
    let res = coordinator
        .post(
            "/admin/content/edit",
            &[("overlay", &broken), ("action", "check")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(
        html.contains(&format!("data-line=\"{line}\">Rad {line}: ")),
        "the error names line {line} and links to it: {html}"
    );
    assert!(html.contains("nonsense"), "{html}");
    assert!(
        html.contains("aria-describedby=\"overlay-errors overlay-hint\"")
            && html.contains("id=\"overlay-errors\""),
        "the errors describe the text box"
    );
    assert!(
        html.contains(&escaped(&broken)),
        "what was typed stays, all of it"
    );

    // A TOML syntax error too.
    let res = coordinator
        .post(
            "/admin/content/edit",
            &[
                ("overlay", "format = 2\nversion = \"1\n"),
                ("action", "check"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("Rad 2: "));

    // A correct file says what version it becomes; nothing is published by a check.
    let fine = with_version(VINGAKER, "2099.1.1");
    let html = coordinator
        .post(
            "/admin/content/edit",
            &[("overlay", &fine), ("action", "check")],
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Filen är rätt. Den blir version 2099.1.1+"),
        "{html}"
    );
    let current = s
        .storage
        .current_pack(&"0428".parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(!current.version.starts_with("2099"));
}

#[tokio::test]
async fn a_preview_counts_who_must_sign_again_and_publishing_reaches_the_phone() {
    let s = Server::start().await;
    let token = s.enroll("0428").await;
    // Enrolled, never signed: asked to sign already, so not counted.
    let _unsigned = s.enroll("0428").await;
    // One employee signs the published version; another signs nothing.
    let pack: Pack = s.get_json(&token, "/pack").await;
    let results = s
        .sync(
            &token,
            vec![json!({ "id": Uuid::now_v7(), "kind": "signature", "created_at": "2026-01-10T10:01:00+01:00", "payload": signed(&pack, "Anna Andersson") })],
        )
        .await;
    assert_eq!(results[0]["status"], "stored", "{results:?}");

    let coordinator = s.admin_client(Some("0428"), Role::Coordinator).await;
    // A changed section's text: a preview says who must sign again, and why.
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
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(
        html.contains(
            "1 anställd kommer att behöva skriva under igen eftersom avsnitten ”Varför det här spelar roll” ändrades."
        ),
        "{html}"
    );
    // The diff (pack diff's) and what employees see: sections, contacts, steps, answers.
    assert!(html.contains("helt beroende"), "{html}");
    assert!(html.contains("Employees must sign again"), "{html}");
    assert!(
        html.contains("<dt>Varför det här spelar roll</dt>"),
        "{html}"
    );
    assert!(html.contains("Vad man gör direkt, per typ av incident"));
    assert!(html.contains("Förlorad eller stulen enhet"), "{html}");
    assert!(html.contains("Några svar i ”Var får jag spara?”"), "{html}");
    // A preview publishes nothing.
    let served: Value = s.get_json(&token, "/pack").await;
    assert_eq!(served["version"], pack.version.as_str());

    // A contact's number only: nobody signs again.
    let contact_only = with_version(VINGAKER, "2099.1.2");
    let html = coordinator
        .post(
            "/admin/content/edit",
            &[("overlay", &contact_only), ("action", "preview")],
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Ingen anställd behöver skriva under igen."),
        "{html}"
    );

    // Publish: the phone gets it, the audit log has it.
    let res = coordinator
        .post(
            "/admin/content/edit",
            &[("overlay", &changed), ("action", "publish")],
        )
        .await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    let served: Value = s.get_json(&token, "/pack").await;
    let version = served["version"].as_str().unwrap().to_owned();
    assert!(version.starts_with("2099.1.1+"), "{version}");
    assert!(
        html.contains(&format!("Version {version} är publicerad.")),
        "{html}"
    );
    assert_eq!(publish_entries(&s, &version).await, 1);
    let (actor, detail): (String, String) = sqlx::query_as(
        "SELECT actor, detail FROM audit_log WHERE action = 'pack.publish' AND target = $1",
    )
    .bind(&version)
    .fetch_one(s.storage.pool())
    .await
    .unwrap();
    assert!(actor.contains(&coordinator.admin.email), "{actor}");
    assert_eq!(detail, "console");
    // The overview says who published it.
    let overview = coordinator.page("/admin/content").await;
    assert!(
        overview.contains(&version) && overview.contains("Test coordinator"),
        "{overview}"
    );
    // The edit page starts from what was published.
    let edit = coordinator.page("/admin/content/edit").await;
    assert!(edit.contains("helt beroende"));

    // The same text again changes nothing: no new version, no second entry.
    let html = coordinator
        .post(
            "/admin/content/edit",
            &[("overlay", &changed), ("action", "publish")],
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Inget ändrades"), "{html}");
    assert_eq!(publish_entries(&s, &version).await, 1);

    // The same version with other content is refused, the text kept, nothing published.
    let other_text = changed.replacen("helt beroende", "mycket beroende", 1);
    let res = coordinator
        .post(
            "/admin/content/edit",
            &[("overlay", &other_text), ("action", "publish")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("är redan publicerad med annat innehåll. Höj version"),
        "{html}"
    );
    assert!(html.contains(&escaped(&other_text)), "the text is kept");
    let served: Value = s.get_json(&token, "/pack").await;
    assert_eq!(served["version"], version.as_str());
    assert!(!served.to_string().contains("mycket beroende"));
}

#[tokio::test]
async fn only_a_coordinator_of_the_municipality_manages_its_content() {
    let s = Server::start().await;
    let publish = [("overlay", VINGAKER), ("action", "publish")];
    for role in [Role::Dpo, Role::Manager] {
        let admin = s.admin_client(Some("0428"), role).await;
        assert_eq!(admin.get("/admin/content").await.status(), 403, "{role:?}");
        assert_eq!(admin.get("/admin/content/edit").await.status(), 403);
        let res = admin.post("/admin/content/edit", &publish).await;
        assert_eq!(res.status(), 403);
        assert!(!admin
            .page("/admin")
            .await
            .contains("href=\"/admin/content\""));
    }
    let sysadmin = s.admin_client(None, Role::Sysadmin).await;
    assert_eq!(sysadmin.get("/admin/content").await.status(), 403);
    assert_eq!(sysadmin.get("/admin/content/edit").await.status(), 403);
    assert_eq!(
        sysadmin
            .post("/admin/content/edit", &publish)
            .await
            .status(),
        403
    );
    // No session: sent to sign in, and a change without one is refused.
    let anonymous = common::console::client();
    let res = anonymous
        .get(format!("{}/admin/content/edit", s.root))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "see other");
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("/admin/sign-in"));
    // A coordinator's change without the CSRF token is refused.
    let coordinator = s.admin_client(Some("0428"), Role::Coordinator).await;
    let res = coordinator.post_raw("/admin/content/edit", &publish).await;
    assert_eq!(res.status(), 403);
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'pack.publish'")
            .fetch_one(s.storage.pool())
            .await
            .unwrap();
    assert_eq!(count, 0, "nothing was published by anyone refused");
}

#[tokio::test]
async fn a_coordinator_never_sees_or_publishes_another_municipalitys_file() {
    let s = Server::start().await;
    // Trosa (0488) has nothing published: its coordinator starts from `pack new`'s file.
    let trosa = s.admin_client(Some("0488"), Role::Coordinator).await;
    let overview = trosa.page("/admin/content").await;
    assert!(
        overview.contains("Inget innehåll är publicerat ännu."),
        "{overview}"
    );
    let edit = trosa.page("/admin/content/edit").await;
    assert!(
        edit.contains("kommunkod = &#34;0488&#34;") && !edit.contains("&#34;0428&#34;"),
        "{edit}"
    );
    let own = vaksam_server::coordinator::new_overlay(&"0488".parse().unwrap())
        .unwrap()
        .replace(
            "Skriv här, med egna ord och i korta meningar, vad avsnittet säger.",
            "Trosas eget avsnitt om varför policyn finns.",
        );
    let res = trosa
        .post(
            "/admin/content/edit",
            &[("overlay", &own), ("action", "publish")],
        )
        .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());

    // Vingåker's coordinator sees Vingåker's file only, and cannot publish Trosa's.
    let vingaker = s.admin_client(Some("0428"), Role::Coordinator).await;
    for path in ["/admin/content", "/admin/content/edit"] {
        let html = vingaker.page(path).await;
        assert!(
            !html.contains("0488") && !html.contains("Trosas eget"),
            "{path}: {html}"
        );
    }
    let res = vingaker
        .post(
            "/admin/content/edit",
            &[("overlay", &own), ("action", "preview")],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Filen gäller kommunkod 0488, inte din kommun."));
    let res = vingaker
        .post(
            "/admin/content/edit",
            &[("overlay", &own), ("action", "publish")],
        )
        .await;
    assert_eq!(res.status(), 422);
    // And Trosa's coordinator cannot publish over Vingåker.
    let res = trosa
        .post(
            "/admin/content/edit",
            &[
                ("overlay", &with_version(VINGAKER, "2099.9.9")),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let vingaker_now = s
        .storage
        .current_pack(&"0428".parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(!vingaker_now.version.starts_with("2099.9.9"));
}
