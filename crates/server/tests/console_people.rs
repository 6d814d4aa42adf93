//! The staff directory in the console over real HTTP: a CSV import previewed, applied and
//! applied again with no change; row errors at their lines with the text kept; a preview
//! gone stale refused; enrollment letters whose codes enroll a phone (code in the
//! fragment, never a query); offboarding revokes the phone and keeps the signature; roles
//! and tenant isolation.

mod common;

use common::console::{code_of, hidden, AdminClient};
use common::Server;
use serde_json::json;
use vaksam_core::console::roles::Role;

const STAFF: &str = "Namn;E-post;Anställningsnummer;Enhet;Chef\n\
    Anna Andersson;anna.andersson@kommun.se;1001;Hemtjänst Norr;chef.norr@kommun.se\n\
    \"Berg, Björn\";bjorn.berg@kommun.se;1002;Hemtjänst Norr;\n\
    Cecilia Ceder;cecilia.ceder@kommun.se;1003;Skola Väst;rektor@kommun.se\n";

async fn preview(c: &AdminClient, csv: &str) -> (u16, String) {
    c.preview_import(csv).await
}

async fn import(c: &AdminClient, csv: &str) -> String {
    c.import_staff(csv).await
}

async fn employee_id(s: &Server, email: &str) -> String {
    sqlx::query_scalar("SELECT id FROM employees WHERE email = $1")
        .bind(email)
        .fetch_one(s.storage.pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn an_import_is_previewed_applied_and_a_second_time_changes_nothing() {
    let s = Server::start().await;
    let c = s.admin_client(Some("0428"), Role::Coordinator).await;

    let (status, html) = preview(&c, STAFF).await;
    assert_eq!(status, 200);
    assert!(html.contains("3 läggs till"), "{html}");
    assert!(html.contains("Nya arbetsplatser: 2"), "{html}");
    // The preview stores nothing.
    let rows = s.count("SELECT COUNT(*) FROM employees").await;
    assert_eq!(rows, 0);

    let done = import(&c, STAFF).await;
    assert!(
        done.contains("Tillagda: 3. Ändrade: 0. Tillbaka: 0. Avslutade: 0. Nya arbetsplatser: 2."),
        "{done}"
    );
    let managers: Vec<(String, String)> = sqlx::query_as(
        "SELECT w.name, m.email FROM workplace_managers m JOIN workplaces w ON w.id = m.workplace_id \
         ORDER BY w.name",
    )
    .fetch_all(s.storage.pool())
    .await
    .unwrap();
    assert_eq!(
        managers,
        vec![
            ("Hemtjänst Norr".into(), "chef.norr@kommun.se".into()),
            ("Skola Väst".into(), "rektor@kommun.se".into())
        ]
    );
    let list = c.page("/admin/people").await;
    assert!(
        list.contains("Berg, Björn") && list.contains("Skola Väst"),
        "{list}"
    );

    // The same file again: nothing to do, nothing offered.
    let (status, again) = preview(&c, STAFF).await;
    assert_eq!(status, 200);
    assert!(
        again.contains("Filen stämmer redan med personalen."),
        "{again}"
    );
    assert!(!again.contains("value=\"apply\""), "{again}");

    // A changed row and a new one; Björn is missing from the file but stays.
    let next = "Namn;E-post;Anställningsnummer;Enhet\n\
        Anna Andersson;anna.andersson@kommun.se;1001;Skola Väst\n\
        Cecilia Ceder;cecilia.ceder@kommun.se;1003;Skola Väst\n\
        David Dahl;david.dahl@kommun.se;1004;Skola Väst\n";
    let (_, plan) = preview(&c, next).await;
    assert!(
        plan.contains("1 läggs till") && plan.contains("1 ändras"),
        "{plan}"
    );
    assert!(
        plan.contains("Arbetsplats: Hemtjänst Norr → Skola Väst"),
        "{plan}"
    );
    assert!(plan.contains("1 finns inte i filen"), "{plan}");
    import(&c, next).await;
    let current: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM employees WHERE removed_at IS NULL")
            .fetch_one(s.storage.pool())
            .await
            .unwrap();
    assert_eq!(current, 4);
    let audit: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'directory.import'")
            .fetch_one(s.storage.pool())
            .await
            .unwrap();
    assert_eq!(audit, 2);
}

#[tokio::test]
async fn row_errors_name_their_lines_and_the_text_stays() {
    let s = Server::start().await;
    let c = s.admin_client(Some("0428"), Role::Coordinator).await;
    let bad = "Namn,E-post\nAnna,anna@kommun.se\nBo,inte-en-adress\n,c@kommun.se\n";
    let (status, html) = preview(&c, bad).await;
    assert_eq!(status, 422);
    assert!(
        html.contains("Rad 3: E-post: &#34;inte-en-adress&#34; är ingen e-postadress."),
        "{html}"
    );
    assert!(html.contains("Rad 4: Namn saknas."), "{html}");
    assert!(
        html.contains("inte-en-adress\n,c@kommun.se"),
        "the text stays: {html}"
    );
    let rows = s.count("SELECT COUNT(*) FROM employees").await;
    assert_eq!(rows, 0);
}

#[tokio::test]
async fn a_preview_gone_stale_is_not_applied() {
    let s = Server::start().await;
    let c = s.admin_client(Some("0428"), Role::Coordinator).await;
    let (_, html) = preview(&c, STAFF).await;
    let digest = hidden(&html, "digest");
    // Someone adds Anna by hand meanwhile.
    let res = c
        .post(
            "/admin/people/new",
            &[
                ("name", "Anna Andersson"),
                ("email", "anna.andersson@kommun.se"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = c
        .post(
            "/admin/people/import",
            &[("csv", STAFF), ("step", "apply"), ("digest", &digest)],
        )
        .await;
    assert_eq!(res.status(), 409);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("Filen eller personalen har ändrats"),
        "{html}"
    );
    // The new preview knows Anna.
    assert!(html.contains("2 läggs till"), "{html}");
    let rows = s.count("SELECT COUNT(*) FROM employees").await;
    assert_eq!(rows, 1);
}

#[tokio::test]
async fn a_file_edited_after_its_preview_is_previewed_again_not_imported() {
    let s = Server::start().await;
    let c = s.admin_client(Some("0428"), Role::Coordinator).await;
    let (_, html) = preview(&c, STAFF).await;
    let digest = hidden(&html, "digest");
    let edited = format!("{STAFF}Eva Ek;eva@kommun.se;1005;Skola Väst;\n");
    let res = c
        .post(
            "/admin/people/import",
            &[("csv", &edited), ("step", "apply"), ("digest", &digest)],
        )
        .await;
    assert_eq!(res.status(), 409);
    let html = res.text().await.unwrap();
    assert!(html.contains("4 läggs till"), "{html}");
    let rows = s.count("SELECT COUNT(*) FROM employees").await;
    assert_eq!(rows, 0);
}

#[tokio::test]
async fn letters_enroll_phones_and_offboarding_revokes_them_but_keeps_signatures() {
    let s = Server::start().await;
    let c = s.admin_client(Some("0428"), Role::Coordinator).await;
    import(&c, STAFF).await;
    let workplace: String =
        sqlx::query_scalar("SELECT id FROM workplaces WHERE name = 'Hemtjänst Norr'")
            .fetch_one(s.storage.pool())
            .await
            .unwrap();

    let res = c
        .post(
            "/admin/people/letters",
            &[
                ("workplace", &workplace),
                ("only_without_device", "yes"),
                ("days", "30"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert_eq!(
        html.matches("<article class=\"letter\"").count(),
        2,
        "{html}"
    );
    assert!(html.contains("Hej Anna Andersson!") && !html.contains("Cecilia"));
    assert!(html.contains("<svg"), "a QR code: {html}");
    // The code travels in the fragment, never in a query.
    assert!(html.contains("/enroll#code="), "{html}");
    assert!(!html.contains("?code="), "{html}");
    let code = code_of(&html, "Anna Andersson");
    let bjorns_first = code_of(&html, "Berg, Björn");

    let token = s.redeem(&code).await;
    let name: String = sqlx::query_scalar(
        "SELECT e.name FROM devices d JOIN employees e ON e.id = d.employee_id \
         WHERE d.revoked_at IS NULL",
    )
    .fetch_one(s.storage.pool())
    .await
    .unwrap();
    assert_eq!(name, "Anna Andersson");

    // A second round of letters for those without a phone leaves Anna out.
    let again = c
        .post(
            "/admin/people/letters",
            &[
                ("workplace", &workplace),
                ("only_without_device", "yes"),
                ("days", "30"),
            ],
        )
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        again.matches("<article class=\"letter\"").count(),
        1,
        "{again}"
    );
    // Björn's first code was voided by his new letter.
    let res = s
        .http
        .post(format!("{}/enroll", s.base))
        .json(&json!({ "code": bjorns_first }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    assert_eq!(
        res.json::<serde_json::Value>().await.unwrap()["error"],
        "invalid_code"
    );
    let bjorns_code = code_of(&again, "Berg, Björn");

    // Anna signs.
    s.sign_current(&token, "0428", "Anna Andersson").await;

    // Offboarding needs the box ticked.
    let anna = employee_id(&s, "anna.andersson@kommun.se").await;
    let refused = c.post(&format!("/admin/people/{anna}/remove"), &[]).await;
    assert_eq!(refused.status(), 422);
    let res = c
        .post(
            &format!("/admin/people/{anna}/remove"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = s.sync_raw(&token, json!({ "records": [] })).await;
    assert_eq!(res.status(), 401, "the phone is revoked");
    let signatures: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM signatures WHERE employee_id = $1")
            .bind(&anna)
            .fetch_one(s.storage.pool())
            .await
            .unwrap();
    assert_eq!(signatures, 1, "the signature stays");
    let list = c.page("/admin/people").await;
    assert!(!list.contains("Anna Andersson"), "{list}");
    // Removing Björn voids his unused code.
    let bjorn = employee_id(&s, "bjorn.berg@kommun.se").await;
    let res = c
        .post(
            &format!("/admin/people/{bjorn}/remove"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = s
        .http
        .post(format!("{}/enroll", s.base))
        .json(&json!({ "code": bjorns_code }))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        400,
        "an offboarded employee's code no longer works"
    );
}

#[tokio::test]
async fn only_coordinators_keep_the_directory_and_only_their_own() {
    let s = Server::start().await;
    let c = s.admin_client(Some("0428"), Role::Coordinator).await;
    import(&c, STAFF).await;
    let anna = employee_id(&s, "anna.andersson@kommun.se").await;

    let manager = s.admin_client(Some("0428"), Role::Manager).await;
    assert_eq!(manager.get("/admin/people").await.status(), 403);
    let dpo = s.admin_client(Some("0428"), Role::Dpo).await;
    assert_eq!(dpo.get("/admin/people/import").await.status(), 403);

    let other = s.admin_client(Some("0138"), Role::Coordinator).await;
    assert_eq!(
        other.get(&format!("/admin/people/{anna}")).await.status(),
        404
    );
    let res = other
        .post(&format!("/admin/people/{anna}"), &[("name", "Mallory")])
        .await;
    assert_eq!(res.status(), 404);
    let res = other
        .post(
            &format!("/admin/people/{anna}/remove"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(res.status(), 404);
    assert!(!other.page("/admin/people").await.contains("Anna"));
    let name: String = sqlx::query_scalar("SELECT name FROM employees WHERE id = $1")
        .bind(&anna)
        .fetch_one(s.storage.pool())
        .await
        .unwrap();
    assert_eq!(name, "Anna Andersson");

    // Without the CSRF token nothing changes.
    let res = c
        .post_raw(&format!("/admin/people/{anna}"), &[("name", "Mallory")])
        .await;
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn the_employee_form_keeps_what_was_typed_and_refuses_a_taken_email() {
    let s = Server::start().await;
    let c = s.admin_client(Some("0428"), Role::Coordinator).await;
    import(&c, STAFF).await;
    let res = c
        .post(
            "/admin/people/new",
            &[
                ("name", "Dora Dahl"),
                ("email", "anna.andersson@kommun.se"),
                ("workplace", "Skola Öst"),
                ("started_on", "2026-02-30"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("Skriv datumet som ÅÅÅÅ-MM-DD."), "{html}");
    assert!(html.contains("value=\"Dora Dahl\"") && html.contains("value=\"Skola Öst\""));
    let res = c
        .post(
            "/admin/people/new",
            &[("name", "Dora Dahl"), ("email", "Anna.Andersson@kommun.se")],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("En annan anställd har redan den e-postadressen."));

    // A change is audited with the fields it changed, not their values.
    let anna = employee_id(&s, "anna.andersson@kommun.se").await;
    let res = c
        .post(
            &format!("/admin/people/{anna}"),
            &[
                ("name", "Anna Andersson"),
                ("email", "anna.andersson@kommun.se"),
                ("employee_number", "1001"),
                ("workplace", "Skola Väst"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let detail: String = sqlx::query_scalar(
        "SELECT detail FROM audit_log WHERE action = 'employee.change' AND target = $1",
    )
    .bind(&anna)
    .fetch_one(s.storage.pool())
    .await
    .unwrap();
    assert_eq!(detail, "fields: workplace");
}

#[tokio::test]
async fn a_large_municipalitys_staff_file_imports_in_one_go() {
    let s = Server::start().await;
    let c = s.admin_client(Some("0428"), Role::Coordinator).await;
    // 20 000 rows with å/ä/ö in every row: about 2.5 MB once url-encoded.
    let mut csv = String::from("Namn;E-post;Anställningsnummer;Enhet;Chef\n");
    for i in 0..20_000 {
        csv.push_str(&format!(
            "Åsa Öberg {i};asa.oberg.{i}@kommun.se;{i};Hemtjänst Ängen {};chef.{}@kommun.se\n",
            i % 200,
            i % 200
        ));
    }
    let (status, html) = c.preview_import(&csv).await;
    assert_eq!(status, 200);
    assert!(html.contains("20000 läggs till"), "preview");
    assert!(html.contains("De första 500 av 20000 visas."));
    c.import_staff(&csv).await;
    assert_eq!(s.count("SELECT COUNT(*) FROM employees").await, 20_000);
    assert_eq!(s.count("SELECT COUNT(*) FROM workplaces").await, 200);
    // The same file again changes nothing.
    let (_, again) = c.preview_import(&csv).await;
    assert!(
        again.contains("Filen stämmer redan med personalen."),
        "second preview"
    );
    // The list comes in pages of 200.
    let list = c.page("/admin/people?page=2").await;
    assert!(list.contains("Sida 2 av 100"), "paged");
    assert_eq!(
        list.matches("<th scope=\"row\"><a href=\"/admin/people/")
            .count(),
        200
    );
    assert!(list.contains("Anställda: 20000 av 20000"));
    // Letters for all 20 000 at once would not print: one workplace at a time.
    let res = c
        .post(
            "/admin/people/letters",
            &[("workplace", "all"), ("days", "30")],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Gruppen har 20000 personer."));
    assert_eq!(s.count("SELECT COUNT(*) FROM enrollment_codes").await, 0);
}

#[tokio::test]
async fn a_removed_employee_named_again_comes_back_with_their_signature() {
    let s = Server::start().await;
    let c = s.admin_client(Some("0428"), Role::Coordinator).await;
    import(&c, STAFF).await;
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
    let anna = employee_id(&s, "anna.andersson@kommun.se").await;
    let res = c
        .post(
            &format!("/admin/people/{anna}/remove"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(res.status(), 303);

    // A substitute's year: she is in the next file again.
    let (_, plan) = preview(&c, STAFF).await;
    assert!(plan.contains("Kommer tillbaka: 1"), "{plan}");
    assert!(plan.contains("0 läggs till"), "{plan}");
    let done = import(&c, STAFF).await;
    assert!(done.contains("Tillbaka: 1."), "{done}");
    assert_eq!(
        s.count("SELECT COUNT(*) FROM employees WHERE removed_at IS NULL")
            .await,
        3
    );
    assert_eq!(
        s.count("SELECT COUNT(*) FROM employees").await,
        3,
        "the same row"
    );
    // Her signature counts again.
    let csv = c.get("/admin/coverage.csv").await.text().await.unwrap();
    assert!(
        csv.lines()
            .any(|l| l.starts_with("Anna Andersson,") && l.contains(",current,")),
        "{csv}"
    );
}
