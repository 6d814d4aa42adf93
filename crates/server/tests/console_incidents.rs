//! The console's incident register and triage over real HTTP and a real SQLite file:
//! phones report through `/api/v1/sync`, admins with sessions work in `/admin`.

mod common;

use common::console::AdminClient;
use common::{record, report, year_now, Server};
use serde_json::{json, Value};
use uuid::Uuid;
use vaksam_core::console::roles::Role;

/// A phone in `kommunkod` reports `payload`; returns the case number and the record id.
async fn reported(s: &Server, kommunkod: &str, name: &str, payload: Value) -> (String, Uuid) {
    let token = s.enroll_as(kommunkod, name).await;
    let id = Uuid::now_v7();
    let results = s.sync(&token, vec![record(id, payload)]).await;
    assert_eq!(results[0]["status"], "stored", "{results:?}");
    (results[0]["case_number"].as_str().unwrap().to_owned(), id)
}

fn no_personal_data(description: &str) -> Value {
    let mut r = report(description);
    r["personal_data"] = json!({ "involved": "no" });
    r["category"] = json!("phishing");
    r
}

async fn audit_actions(s: &Server, kommunkod: &str) -> Vec<(String, String)> {
    sqlx::query_as("SELECT action, target FROM audit_log WHERE kommunkod = $1 ORDER BY seq")
        .bind(kommunkod)
        .fetch_all(s.storage.pool())
        .await
        .unwrap()
}

async fn post_ok(admin: &AdminClient, path: &str, form: &[(&str, &str)]) {
    let res = admin.post(path, form).await;
    let status = res.status();
    let body = res.text().await.unwrap();
    assert_eq!(status, 303, "POST {path} {form:?}: {body}");
}

#[tokio::test]
async fn a_report_appears_in_the_register_and_its_page_shows_every_field_and_supplement() {
    let s = Server::start().await;
    let (case, id) = reported(
        &s,
        "0428",
        "Anna Andersson",
        report("Mobilen borta på bussen"),
    )
    .await;
    assert_eq!(case, format!("{}-0001", year_now()));
    let token = s.enroll_as("0428", "Anna Andersson").await;
    let _ = token;
    let coordinator = s.admin_client(Some("0428"), Role::Coordinator).await;
    let list = coordinator.page("/admin/incidents").await;
    assert!(list.contains(&format!("/admin/incidents/{case}")), "{list}");
    assert!(list.contains("Förlorad eller stulen enhet"));
    // Personal data yes: the IMY clock is on the board.
    assert!(list.contains("Anmälan av personuppgiftsincident"), "{list}");

    let page = coordinator.page(&format!("/admin/incidents/{case}")).await;
    for expected in [
        "Mobilen borta på bussen",
        "Hemtjänstgruppen Norr",
        "Anna Andersson",
        "Ringde IT",
        "hälsa",
        "2–10 personer",
        "2026-01-10 09:30",
        "2026-01-10 10:00",
        "Integritetsskyddsmyndigheten (IMY)",
    ] {
        assert!(
            page.contains(expected),
            "missing {expected:?} in the case page"
        );
    }
    assert!(!page.contains('⟦'), "a text is missing");
    let _ = id;
    assert!(audit_actions(&s, "0428")
        .await
        .contains(&("incident.view".to_owned(), case.clone())));
}

#[tokio::test]
async fn the_register_filters_and_puts_the_most_urgent_first() {
    let s = Server::start().await;
    let (plain, _) = reported(&s, "0428", "Bo", no_personal_data("Konstigt mejl")).await;
    let (personal, _) = reported(&s, "0428", "Cia", report("Lista på fel skrivare")).await;
    let coordinator = s.admin_client(Some("0428"), Role::Coordinator).await;
    let list = coordinator.page("/admin/incidents").await;
    let at = |case: &str| list.find(&format!("/admin/incidents/{case}\"")).unwrap();
    assert!(
        at(&personal) < at(&plain),
        "the case with a running clock comes first"
    );

    let filtered = coordinator.page("/admin/incidents?personal_data=no").await;
    assert!(
        filtered.contains(&plain) && !filtered.contains(&format!("/admin/incidents/{personal}\""))
    );
    let filtered = coordinator
        .page("/admin/incidents?category=phishing&status=received")
        .await;
    assert!(
        filtered.contains(&plain) && !filtered.contains(&format!("/admin/incidents/{personal}\""))
    );
    let filtered = coordinator.page("/admin/incidents?workplace=norr").await;
    assert!(filtered.contains(&plain) && filtered.contains(&personal));
    let filtered = coordinator.page("/admin/incidents?from=2999-01-01").await;
    assert!(filtered.contains("Inga ärenden matchar."));
}

#[tokio::test]
async fn the_breach_decision_is_validated_at_its_fields_and_keeps_what_was_typed() {
    let s = Server::start().await;
    let (case, _) = reported(&s, "0428", "Anna", report("Papper med namn borta")).await;
    let dpo = s.admin_client(Some("0428"), Role::Dpo).await;
    let path = format!("/admin/incidents/{case}/breach");
    // A breach with a risk that is not notified is refused, and the reason typed stays.
    let res = dpo
        .post(
            &path,
            &[
                ("breach.is_breach", "yes"),
                ("breach.risk", "high_risk"),
                ("breach.notify_imy", "no"),
                ("breach.reason", "Vi väntar och ser"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("En incident som kan medföra risk ska anmälas"),
        "{html}"
    );
    assert!(html.contains("Vi väntar och ser"), "what was typed stays");
    assert!(html.contains("aria-invalid") || html.contains("breach-notify_imy-error"));

    // Notified after 72 hours without a reason for the delay.
    let res = dpo
        .post(
            &path,
            &[
                ("breach.is_breach", "yes"),
                ("breach.risk", "risk"),
                ("breach.notify_imy", "yes"),
                ("breach.reason", "Hälsouppgifter om två brukare"),
                ("breach.notified_at", "2026-01-14T10:00"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Skriv skälet till förseningen"));

    post_ok(
        &dpo,
        &path,
        &[
            ("breach.is_breach", "yes"),
            ("breach.risk", "risk"),
            ("breach.notify_imy", "yes"),
            ("breach.reason", "Hälsouppgifter om två brukare"),
            ("breach.notified_at", "2026-01-14T10:00"),
            (
                "breach.delay_reason",
                "Omfattningen klarnade först efter helgen",
            ),
        ],
    )
    .await;
    let page = dpo.page(&format!("/admin/incidents/{case}")).await;
    assert!(page.contains("Omfattningen klarnade först efter helgen"));
    assert!(
        page.contains("Klar, "),
        "the IMY clock is done late: {page}"
    );
    let breaches = dpo.page("/admin/breaches").await;
    assert!(breaches.contains(&case) && breaches.contains("Anmäld 2026-01-14 10:00"));
    let actions = audit_actions(&s, "0428").await;
    assert!(
        actions.contains(&("incident.breach".to_owned(), case.clone())),
        "{actions:?}"
    );
}

#[tokio::test]
async fn closing_needs_a_summary_and_the_decisions_and_the_phone_sees_the_status() {
    let s = Server::start().await;
    let token = s.enroll_as("0428", "Anna").await;
    let id = Uuid::now_v7();
    let results = s
        .sync(&token, vec![record(id, report("Telefon borta"))])
        .await;
    let case = results[0]["case_number"].as_str().unwrap().to_owned();
    let coordinator = s.admin_client(Some("0428"), Role::Coordinator).await;
    let path = format!("/admin/incidents/{case}/status");
    let res = coordinator
        .post(&path, &[("status", "closed"), ("closing_summary", "")])
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("Skriv en sammanfattning"));
    assert!(html.contains("Bedöm om det är en personuppgiftsincident"));

    post_ok(&coordinator, &path, &[("status", "in_progress")]).await;
    post_ok(
        &coordinator,
        &format!("/admin/incidents/{case}/breach"),
        &[
            ("breach.is_breach", "no"),
            ("breach.reason", "Telefonen var krypterad och låst"),
        ],
    )
    .await;
    post_ok(
        &coordinator,
        &format!("/admin/incidents/{case}/message"),
        &[("message", "Tack! Telefonen är spärrad.")],
    )
    .await;
    // Back to new is refused.
    let res = coordinator.post(&path, &[("status", "received")]).await;
    assert_eq!(res.status(), 422);
    post_ok(
        &coordinator,
        &path,
        &[
            ("status", "closed"),
            ("closing_summary", "Spärrad, ingen risk"),
        ],
    )
    .await;
    let status: Value = s
        .http
        .post(format!("{}/status", s.base))
        .bearer_auth(&token)
        .json(&json!({ "ids": [id] }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        status["records"][0]["receipt"]["case_status"], "closed",
        "{status}"
    );
    // The municipality's message travels with the status.
    assert_eq!(
        status["records"][0]["message"], "Tack! Telefonen är spärrad.",
        "{status}"
    );
    assert!(status["records"][0]["message_at"].is_string());
    let actions = audit_actions(&s, "0428").await;
    for action in ["incident.status", "incident.breach", "incident.message"] {
        assert!(
            actions.iter().any(|(a, _)| a == action),
            "{action} in {actions:?}"
        );
    }
}

#[tokio::test]
async fn each_role_sees_what_it_may_and_nothing_else() {
    let s = Server::start().await;
    let (personal, _) = reported(&s, "0428", "Anna", report("Journal utskriven")).await;
    let (plain, _) = reported(&s, "0428", "Bo", no_personal_data("Mejl med länk")).await;
    // Case numbers run per municipality: 0138's third case has no twin in 0428.
    for _ in 0..2 {
        reported(&s, "0138", "Cia", no_personal_data("Annan kommun")).await;
    }
    let (other, _) = reported(&s, "0138", "Cia", report("I en annan kommun")).await;

    let coordinator = s.admin_client(Some("0428"), Role::Coordinator).await;
    let dpo = s.admin_client(Some("0428"), Role::Dpo).await;
    let manager = s.admin_client(Some("0428"), Role::Manager).await;
    let sysadmin = s.admin_client(None, Role::Sysadmin).await;
    let other_coordinator = s.admin_client(Some("0138"), Role::Coordinator).await;

    let case = |c: &str| format!("/admin/incidents/{c}");
    assert_eq!(coordinator.get(&case(&plain)).await.status(), 200);
    assert_eq!(coordinator.get(&case(&personal)).await.status(), 200);
    // Another municipality's case is the same 404 as a case that does not exist.
    assert_eq!(coordinator.get(&case(&other)).await.status(), 404);
    assert_eq!(coordinator.get(&case("2026-9999")).await.status(), 404);
    let theirs = other_coordinator.page(&case(&personal)).await;
    assert!(
        !theirs.contains("Journal utskriven"),
        "0138's own case of that number"
    );
    let list = other_coordinator.page("/admin/incidents").await;
    assert!(!list.contains("Journal utskriven") && list.contains(&other));
    let export = other_coordinator
        .get("/admin/incidents.csv")
        .await
        .text()
        .await
        .unwrap();
    assert!(!export.contains("Journal utskriven"));

    // The DPO: personal data only; no NIS2 decision.
    assert_eq!(dpo.get(&case(&personal)).await.status(), 200);
    assert_eq!(dpo.get(&case(&plain)).await.status(), 404);
    let list = dpo.page("/admin/incidents").await;
    assert!(list.contains(&case(&personal)) && !list.contains(&format!("{}\"", case(&plain))));
    let res = dpo
        .post(
            &format!("{}/nis2", case(&personal)),
            &[("nis2.significant", "no"), ("nis2.reason", "x")],
        )
        .await;
    assert_eq!(res.status(), 403);

    // A manager: only what is assigned to them.
    assert_eq!(manager.get(&case(&plain)).await.status(), 404);
    assert!(!manager
        .page("/admin/incidents")
        .await
        .contains(&case(&plain)));
    post_ok(
        &coordinator,
        &format!("{}/assign", case(&plain)),
        &[("assignee", &manager.admin.id.to_string())],
    )
    .await;
    assert_eq!(manager.get(&case(&plain)).await.status(), 200);
    assert!(manager
        .page("/admin/incidents")
        .await
        .contains(&case(&plain)));
    let res = manager
        .post(
            &format!("{}/breach", case(&plain)),
            &[("breach.is_breach", "no"), ("breach.reason", "x")],
        )
        .await;
    assert_eq!(res.status(), 403);
    assert_eq!(manager.get("/admin/breaches").await.status(), 403);
    assert_eq!(manager.get("/admin/incidents.csv").await.status(), 403);

    // An admin of another municipality cannot be assigned.
    let res = coordinator
        .post(
            &format!("{}/assign", case(&plain)),
            &[("assignee", &other_coordinator.admin.id.to_string())],
        )
        .await;
    assert_eq!(res.status(), 422);

    // A sysadmin sees no incident at all.
    for path in [
        "/admin/incidents",
        "/admin/breaches",
        "/admin/incidents.csv",
        "/admin/incidents.json",
    ] {
        assert_eq!(sysadmin.get(path).await.status(), 403, "{path}");
    }
    assert_eq!(sysadmin.get(&case(&personal)).await.status(), 404);

    // Signed out: sent to sign in; a change without a session is not made.
    let anonymous = common::console::client();
    let res = anonymous
        .get(format!("{}{}", s.root, case(&plain)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let res = anonymous
        .post(format!("{}{}/note", s.root, case(&plain)))
        .form(&[("note", "hej")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let notes: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM case_notes")
        .fetch_one(s.storage.pool())
        .await
        .unwrap();
    assert_eq!(notes, 0);
}

#[tokio::test]
async fn a_change_without_the_csrf_token_is_refused() {
    let s = Server::start().await;
    let (case, _) = reported(&s, "0428", "Anna", report("x")).await;
    let coordinator = s.admin_client(Some("0428"), Role::Coordinator).await;
    let res = coordinator
        .post_raw(&format!("/admin/incidents/{case}/note"), &[("note", "hej")])
        .await;
    assert_eq!(res.status(), 403);
    post_ok(
        &coordinator,
        &format!("/admin/incidents/{case}/note"),
        &[("note", "hej")],
    )
    .await;
    assert!(coordinator
        .page(&format!("/admin/incidents/{case}"))
        .await
        .contains("hej"));
}

#[tokio::test]
async fn the_dossier_follows_imy_and_names_nobody() {
    let s = Server::start().await;
    let (case, _) = reported(
        &s,
        "0428",
        "Anna Andersson",
        report("Lista med brukare tappad"),
    )
    .await;
    let coordinator = s.admin_client(Some("0428"), Role::Coordinator).await;
    let html = coordinator
        .page(&format!("/admin/incidents/{case}/imy"))
        .await;
    assert!(
        !html.contains("Anna Andersson"),
        "no employee name in the dossier"
    );
    let mut at = 0;
    for section in [
        "Personuppgiftsansvarig",
        "Vad har hänt",
        "När",
        "Vilka uppgifter och hur många personer",
        "Sannolika konsekvenser",
        "Åtgärder",
        "Information till de registrerade",
    ] {
        let found = html[at..]
            .find(section)
            .unwrap_or_else(|| panic!("{section} in order"));
        at += found;
    }
    assert!(html.contains("[Kontrollera och skriv om] Lista med brukare tappad"));
    assert!(audit_actions(&s, "0428")
        .await
        .contains(&("incident.dossier".to_owned(), case.clone())));

    // Authorities are data: renamed in the table, renamed on the page.
    sqlx::query("UPDATE authorities SET name_sv = 'Nya Integritetsmyndigheten' WHERE key = 'imy'")
        .execute(s.storage.pool())
        .await
        .unwrap();
    let html = coordinator
        .page(&format!("/admin/incidents/{case}/imy"))
        .await;
    assert!(html.contains("Nya Integritetsmyndigheten"));
}

#[tokio::test]
async fn exports_apply_the_filters_defuse_formulas_and_are_audited() {
    let s = Server::start().await;
    let (evil, _) = reported(
        &s,
        "0428",
        "Anna",
        no_personal_data("=HYPERLINK(\"http://x\")"),
    )
    .await;
    let (kept, _) = reported(&s, "0428", "Bo", report("Vanlig")).await;
    let coordinator = s.admin_client(Some("0428"), Role::Coordinator).await;
    post_ok(
        &coordinator,
        &format!("/admin/incidents/{kept}/cert_se"),
        &[("cert_se", "information_content_security")],
    )
    .await;
    let res = coordinator.get("/admin/incidents.csv").await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let csv = res.text().await.unwrap();
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains("'=HYPERLINK"), "formula defused: {csv}");
    assert!(csv.lines().next().unwrap().ends_with("closing_summary"));
    assert!(csv.contains("information_content_security"));
    let filtered = coordinator
        .get("/admin/incidents.csv?personal_data=yes")
        .await
        .text()
        .await
        .unwrap();
    assert!(filtered.contains(&kept) && !filtered.contains(&evil));
    let json: Value = coordinator
        .get("/admin/incidents.json?personal_data=no")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1);
    assert_eq!(json[0]["case_number"], evil);
    let actions = audit_actions(&s, "0428").await;
    assert!(actions.contains(&("incident.export".to_owned(), "incidents.csv".to_owned())));
    assert!(actions.contains(&("incident.export".to_owned(), "incidents.json".to_owned())));
}

#[tokio::test]
async fn every_case_page_passes_in_english_too() {
    let s = Server::start().await;
    let (case, _) = reported(&s, "0428", "Anna", report("x")).await;
    let coordinator = s.admin_client(Some("0428"), Role::Coordinator).await;
    for path in [
        "/admin/incidents".to_owned(),
        format!("/admin/incidents/{case}"),
        format!("/admin/incidents/{case}/imy"),
        "/admin/breaches".to_owned(),
    ] {
        let html = coordinator
            .http
            .get(format!("{}{path}", s.root))
            .header(
                "cookie",
                format!("{}; vaksam-console-lang=en", coordinator.cookie),
            )
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(html.contains(r#"<html lang="en">"#), "{path}");
        assert!(!html.contains('⟦'), "{path}: a text is missing");
    }
}
