//! Coverage in the console over real HTTP: counts per workplace and for the municipality,
//! names for coordinators and for a manager's own workplaces only, the new employees'
//! grace period, the CSV export, the yearly summary, and who may look.

mod common;

use common::console::code_of;
use common::console::AdminClient;
use common::Server;
use vaksam_core::console::roles::Role;

/// Cecilia started long ago; Anna and Björn are new (no start date: counted from today).
const STAFF: &str = "Namn;E-post;Enhet;Chef;Startdatum\n\
    Anna Andersson;anna@kommun.se;Hemtjänst Norr;chef.norr@kommun.se;\n\
    Björn Berg;bjorn@kommun.se;Hemtjänst Norr;;\n\
    Cecilia Ceder;cecilia@kommun.se;Skola Väst;rektor@kommun.se;2020-01-01\n";

/// Imports the staff, and lets Anna enroll through a letter and sign.
async fn municipality_with_staff(s: &Server) -> AdminClient {
    let c = s.admin_client(Some("0428"), Role::Coordinator).await;
    c.import_staff(STAFF).await;
    // Cecilia was added to Vaksam long ago (and employed since 2020): her grace is over.
    sqlx::query("UPDATE employees SET created_at = '2020-01-01T00:00:00Z' WHERE email = 'cecilia@kommun.se'")
        .execute(s.storage.pool())
        .await
        .unwrap();
    let letters = c
        .post(
            "/admin/people/letters",
            &[("workplace", "all"), ("days", "30")],
        )
        .await
        .text()
        .await
        .unwrap();
    let token = s.redeem(&code_of(&letters, "Anna Andersson")).await;
    s.sign_current(&token, "0428", "Anna Andersson").await;
    c
}

#[tokio::test]
async fn coordinators_see_counts_and_names_and_the_grace_period() {
    let s = Server::start().await;
    let c = municipality_with_staff(&s).await;
    let html = c.page("/admin/coverage").await;
    assert!(
        html.contains("Hemtjänst Norr") && html.contains("Skola Väst"),
        "{html}"
    );
    // One of three signed: 33 %.
    assert!(html.contains("(33 %)"), "{html}");
    assert!(
        html.contains("Vaksams standardvärde"),
        "the default is marked: {html}"
    );

    let never = c.page("/admin/coverage?signing=never").await;
    assert!(
        never.contains("Björn Berg") && never.contains("Cecilia Ceder"),
        "{never}"
    );
    assert!(
        !never.contains("<th scope=\"row\">Anna Andersson"),
        "{never}"
    );
    // Björn is new and within the grace period; Cecilia started long ago.
    let soon = c.page("/admin/coverage?training=due_soon").await;
    assert!(
        soon.contains("Björn Berg") && soon.contains("Ny i Vaksam</span>"),
        "{soon}"
    );
    assert!(!soon.contains("Cecilia Ceder"), "{soon}");
    let late = c.page("/admin/coverage?training=never_started").await;
    assert!(late.contains("Cecilia Ceder"), "{late}");

    let csv = c.get("/admin/coverage.csv").await;
    assert_eq!(csv.status(), 200);
    assert!(csv.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let body = csv.text().await.unwrap();
    assert!(body.starts_with("\u{feff}name,email,employee_number,workplace,signing,training"));
    assert!(
        body.contains("Anna Andersson,anna@kommun.se,,Hemtjänst Norr,current,due_soon"),
        "{body}"
    );
    assert!(
        body.contains("Cecilia Ceder,cecilia@kommun.se,,Skola Väst,never,never_started"),
        "{body}"
    );

    let report = c.page("/admin/coverage/report").await;
    assert!(report.contains("<td class=\"num\">33 %</td>"), "{report}");
    let report_csv = c
        .get("/admin/coverage/report.csv")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        report_csv.starts_with("\u{feff}month,employees,signed_percent"),
        "{report_csv}"
    );
    assert!(
        report_csv.lines().last().unwrap().contains(",3,33,0,"),
        "{report_csv}"
    );
}

#[tokio::test]
async fn a_manager_sees_names_of_their_own_workplaces_only() {
    let s = Server::start().await;
    let _ = municipality_with_staff(&s).await;
    let manager = s
        .admin_client_as(
            Some("0428"),
            Role::Manager,
            "Chef.Norr@kommun.se",
            "Chef Norr",
        )
        .await;
    let html = manager.page("/admin/coverage?signing=never").await;
    assert!(html.contains("Björn Berg"), "{html}");
    assert!(!html.contains("Cecilia Ceder"), "{html}");
    assert!(
        html.contains("Du ser namn bara för de arbetsplatser"),
        "{html}"
    );
    // Their own workplace opens; Skola Väst is counted but not linked.
    assert!(html.contains(">Hemtjänst Norr</a>"), "{html}");
    assert!(!html.contains(">Skola Väst</a>"), "{html}");
    let csv = manager
        .get("/admin/coverage.csv")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        csv.contains("Anna Andersson") && csv.contains("Björn Berg"),
        "{csv}"
    );
    assert!(!csv.contains("Cecilia"), "{csv}");

    // Another manager sees counts only.
    let other = s.admin_client(Some("0428"), Role::Manager).await;
    let html = other.page("/admin/coverage?signing=never").await;
    assert!(
        !html.contains("Björn Berg") && !html.contains("Cecilia Ceder"),
        "{html}"
    );
    assert!(html.contains("(33 %)"), "{html}");
    let csv = other.get("/admin/coverage.csv").await.text().await.unwrap();
    assert_eq!(csv.lines().count(), 1, "{csv}");
}

#[tokio::test]
async fn names_never_leak_to_other_roles_workplaces_or_municipalities() {
    let s = Server::start().await;
    let c = municipality_with_staff(&s).await;
    let skola: String = sqlx::query_scalar("SELECT id FROM workplaces WHERE name = 'Skola Väst'")
        .fetch_one(s.storage.pool())
        .await
        .unwrap();

    // The data protection officer sees counts, never names.
    let dpo = s.admin_client(Some("0428"), Role::Dpo).await;
    let html = dpo.page("/admin/coverage?signing=never").await;
    assert!(html.contains("(33 %)"), "{html}");
    assert!(
        !html.contains("Björn Berg") && !html.contains("Cecilia Ceder"),
        "{html}"
    );
    let csv = dpo.get("/admin/coverage.csv").await.text().await.unwrap();
    assert_eq!(csv.lines().count(), 1, "{csv}");

    // A manager asking for another workplace by id, in the page, the CSV or the report.
    let manager = s
        .admin_client_as(
            Some("0428"),
            Role::Manager,
            "chef.norr@kommun.se",
            "Chef Norr",
        )
        .await;
    let html = manager
        .page(&format!("/admin/coverage?workplace={skola}&signing=never"))
        .await;
    assert!(!html.contains("Cecilia Ceder"), "{html}");
    let csv = manager
        .get(&format!("/admin/coverage.csv?workplace={skola}"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(csv.lines().count(), 1, "{csv}");
    let report = manager.page("/admin/coverage/report").await;
    assert!(
        !report.contains("Cecilia") && !report.contains("Björn"),
        "{report}"
    );

    // A sysadmin has no municipality's coverage.
    let sysadmin = s.admin_client(None, Role::Sysadmin).await;
    assert_eq!(sysadmin.get("/admin/coverage").await.status(), 403);

    // Another municipality's coordinator sees none of it and changes none of it.
    let other = s.admin_client(Some("0138"), Role::Coordinator).await;
    let html = other.page("/admin/coverage?signing=never").await;
    assert!(
        !html.contains("Björn") && !html.contains("Hemtjänst Norr"),
        "{html}"
    );
    let res = other
        .post(
            &format!("/admin/workplaces/{skola}/managers"),
            &[("managers", "mallory@evil.test")],
        )
        .await;
    assert_eq!(res.status(), 404);
    let res = other
        .post(
            "/admin/people/letters",
            &[("workplace", &skola), ("days", "30")],
        )
        .await;
    assert_eq!(res.status(), 422, "nobody of theirs works there");
    let managers: i64 = s
        .count("SELECT COUNT(*) FROM workplace_managers WHERE email = 'mallory@evil.test'")
        .await;
    assert_eq!(managers, 0);
    drop(c);
}
