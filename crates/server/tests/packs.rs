//! Packs v2 over the real binary: publishing an overlay, a base upgrade under an
//! administrator's overlay, the coordinator's commands (`pack validate`, `new`, `explain`,
//! `diff`), the municipalities served being the published packs, and a database from before
//! format 2. The server runs with `serve --base <fixture>` (tests/fixtures/packs/README.md).

mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use uuid::Uuid;
use vaksam_core::protocol::EnrollResponse;
use vaksam_core::Pack;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/packs")
        .join(name)
}

fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap()
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A server on `dir/vaksam.db` resolving overlays with `base`.
async fn serve_with(dir: &Path, base: &Path) -> Process {
    let db = format!("sqlite://{}", dir.join("vaksam.db").display());
    Process::start_with(dir, &db, &["--base", path_str(base)]).await
}

/// Publishes `overlay` with `base` through the admin command; panics with its output if
/// refused.
fn publish(server: &Process, overlay: &Path, base: &Path) -> String {
    let (ok, out, err) = server.admin(&[
        "pack",
        "publish",
        path_str(overlay),
        "--base",
        path_str(base),
    ]);
    assert!(ok, "{out}{err}");
    out
}

/// Runs the binary with no database involved.
fn cli(args: &[&str]) -> (bool, String, String) {
    let dir = tempfile::tempdir().unwrap();
    admin(
        &format!("sqlite://{}", dir.path().join("unused.db").display()),
        args,
    )
}

async fn pack_of(server: &Process, token: &str) -> Pack {
    let res = server
        .http
        .get(format!("{}/pack", server.base))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn sync(server: &Process, token: &str, records: Vec<Value>) -> Vec<Value> {
    let res = server
        .sync_raw(token, &json!({ "records": records }))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    body["results"].as_array().unwrap().clone()
}

fn signature_record(payload: Value) -> Value {
    json!({ "id": Uuid::now_v7(), "kind": "signature", "created_at": "2026-01-10T10:01:00+01:00", "payload": payload })
}

async fn stored_row(db: &str, kommunkod: &str) -> (String, Option<String>, Option<String>, String) {
    let pool = sqlx::SqlitePool::connect(db).await.unwrap();
    let row: (String, Option<String>, Option<String>, String) = sqlx::query_as(
        "SELECT version, overlay, base_version, origin FROM packs WHERE kommunkod = $1 \
         ORDER BY id DESC LIMIT 1",
    )
    .bind(kommunkod)
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    row
}

#[tokio::test]
async fn publishing_an_overlay_serves_the_resolved_pack_and_stores_the_overlay() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve_with(dir.path(), &fixture("base-a.toml")).await;
    let out = publish(&server, &fixture("kommun.toml"), &fixture("base-a.toml"));
    assert!(
        out.contains("published 0428 Vingåkers kommun version 3+2026.12.1"),
        "{out}"
    );

    let token = server.enroll("0428", "Anna").await;
    let pack = pack_of(&server, &token).await;
    assert_eq!(pack.version, "3+2026.12.1");
    assert_eq!(pack.base.as_deref(), Some("2026.12.1"));
    // The overlay's override of a base item, its addition and its omission.
    let manager = pack.contact("manager").unwrap();
    assert_eq!(manager.phone.as_deref(), Some("0151-19 100"));
    assert_eq!(manager.role.swedish(), "Din chef");
    assert!(pack.contact("it_chief").is_some());
    let bank = pack.quiz.as_ref().unwrap();
    assert!(bank.question("own").is_some() && bank.question("instagram").is_none());

    let (version, overlay, base, origin) = stored_row(&server.db, "0428").await;
    assert_eq!(version, "3+2026.12.1");
    assert_eq!(
        overlay.as_deref(),
        Some(fixture_text("kommun.toml").as_str())
    );
    assert_eq!(base.as_deref(), Some("2026.12.1"));
    assert_eq!(origin, "admin");
}

#[tokio::test]
async fn a_base_upgrade_resolves_an_admin_overlay_again_and_its_overrides_keep_precedence() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = serve_with(dir.path(), &fixture("base-a.toml")).await;
    publish(&server, &fixture("kommun.toml"), &fixture("base-a.toml"));
    let token = server.enroll("0428", "Anna").await;
    let before = pack_of(&server, &token).await;
    let teams_before = before
        .classification
        .as_ref()
        .unwrap()
        .place("teams")
        .unwrap();
    assert_eq!(teams_before.about.swedish(), "För arbetsgrupper.");
    server.kill();

    // The upgraded server brings base B.
    let server = serve_with(dir.path(), &fixture("base-b.toml")).await;
    let after = pack_of(&server, &token).await;
    assert_eq!(after.version, "3+2027.1.1");
    assert_eq!(after.base.as_deref(), Some("2027.1.1"));
    let m = after.classification.as_ref().unwrap();
    let teams = m.place("teams").unwrap();
    // Base B rewrote Teams' description and lowered its limit; the overlay's own limit
    // keeps precedence, the description it did not set follows the base.
    assert_eq!(teams.about.swedish(), "För arbetsgruppers filer.");
    assert_eq!(teams.max.to_string(), "K2 R2 T2 S1");
    assert_eq!(teams.max, teams_before.max);
    assert!(teams_before.conditions.is_empty());
    assert_eq!(
        teams.conditions.len(),
        1,
        "the base's new condition arrives"
    );
    // The corrections and additions of the base arrive …
    assert_eq!(
        after.contact("it").unwrap().when.swedish(),
        "När en telefon eller dator är borta."
    );
    assert!(m.kind("salary").is_some());
    let bank = after.quiz.as_ref().unwrap();
    assert!(bank.question("phishing").is_some());
    // … and the overlay's overrides, additions, confirmations and omissions stay.
    assert_eq!(
        after.contact("manager").unwrap().phone.as_deref(),
        Some("0151-19 100")
    );
    assert!(after.contact("it_chief").is_some());
    assert!(bank.question("lost-phone").unwrap().confirmed);
    assert!(bank.question("own").is_some() && bank.question("instagram").is_none());
    let (_, overlay, base, origin) = stored_row(&server.db, "0428").await;
    assert_eq!(
        overlay.as_deref(),
        Some(fixture_text("kommun.toml").as_str())
    );
    assert_eq!(base.as_deref(), Some("2027.1.1"));
    assert_eq!(
        origin, "admin",
        "still the administrator's, never replaced by a shipped pack"
    );

    // A signature made offline against the old version is still checked against it, and
    // base B changed nothing that is signed.
    let results = sync(
        &server,
        &token,
        vec![signature_record(signed(&before, "Anna"))],
    )
    .await;
    assert_eq!(results[0]["status"], "stored", "{results:?}");
    let (ok, csv, err) = server.admin(&["signatures", "status", "--kommunkod", "0428"]);
    assert!(ok, "{err}");
    assert!(csv.lines().any(|l| l.contains("Anna,signed,")), "{csv}");

    // Starting again with the same base publishes nothing new.
    let mut server = server;
    server.kill();
    let server = serve_with(dir.path(), &fixture("base-b.toml")).await;
    let pool = sqlx::SqlitePool::connect(&server.db).await.unwrap();
    let versions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM packs WHERE kommunkod = '0428'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(versions, 2);
}

#[tokio::test]
async fn an_admin_overlay_that_no_longer_resolves_keeps_its_pack_and_the_server_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = serve_with(dir.path(), &fixture("base-a.toml")).await;
    publish(&server, &fixture("kommun.toml"), &fixture("base-a.toml"));
    let token = server.enroll("0428", "Anna").await;
    server.kill();

    // A newer base without Teams: the overlay's override of Teams (only `cite` and `max`)
    // is now an incomplete new place.
    let base_b = fixture_text("base-b.toml");
    let teams = base_b
        .find("[[classification.places]]\nid = \"teams\"")
        .unwrap();
    let next = teams + base_b[teams..].find("\n[[").unwrap() + 1;
    let base_c = format!("{}{}", &base_b[..teams], &base_b[next..]).replacen(
        "base = \"2027.1.1\"",
        "base = \"2027.2.1\"",
        1,
    );
    assert!(!base_c.contains("id = \"teams\""));
    let base_c_path = dir.path().join("base-c.toml");
    std::fs::write(&base_c_path, &base_c).unwrap();
    let server = serve_with(dir.path(), &base_c_path).await;
    assert_eq!(pack_of(&server, &token).await.version, "3+2026.12.1");
    let log = std::fs::read_to_string(&server.log).unwrap();
    let warning = log
        .lines()
        .position(|l| {
            l.contains("0428: the published overlay does not resolve with the new base 2027.2.1")
        })
        .unwrap_or_else(|| panic!("{log}"));
    // The errors follow, at the overlay's line of the Teams override.
    let line = fixture_text("kommun.toml")
        .lines()
        .position(|l| l == "id = \"teams\"")
        .unwrap()
        + 1;
    let at = "0428 overlay (published ";
    assert!(
        log.lines()
            .skip(warning + 1)
            .any(|l| l.starts_with(at) && l.contains(&format!(":{line}: classification.places"))),
        "{log}"
    );
}

#[test]
fn pack_validate_names_the_file_and_line_for_a_broken_overlay_and_a_broken_base() {
    let dir = tempfile::tempdir().unwrap();
    let overlay = fixture_text("kommun.toml");
    let bad_overlay = overlay.replacen("phone = \"0151-19 100\"", "phone = \"ring mig\"", 1);
    let overlay_path = dir.path().join("kommun.toml");
    std::fs::write(&overlay_path, &bad_overlay).unwrap();
    let (ok, _, err) = cli(&[
        "pack",
        "validate",
        path_str(&overlay_path),
        "--base",
        path_str(&fixture("base-a.toml")),
    ]);
    assert!(!ok);
    let line = bad_overlay
        .lines()
        .position(|l| l.contains("ring mig"))
        .unwrap()
        + 1;
    let want = format!(
        "{}:{line}: contacts[0].phone: \"ring mig\" is not a phone number",
        overlay_path.display()
    );
    assert!(err.contains(&want), "{err}\nwanted {want}");

    // A broken base: the error names the base file and its line.
    std::fs::write(&overlay_path, &overlay).unwrap();
    let base = fixture_text("base-a.toml");
    let bad_base = base.replacen(
        "contact = \"manager\"\ntext = \"Fråga din chef.\"",
        "contact = \"boss\"\ntext = \"Fråga din chef.\"",
        1,
    );
    assert_ne!(bad_base, base);
    let base_path = dir.path().join("base.toml");
    std::fs::write(&base_path, &bad_base).unwrap();
    let (ok, _, err) = cli(&[
        "pack",
        "validate",
        path_str(&overlay_path),
        "--base",
        path_str(&base_path),
    ]);
    assert!(!ok);
    let line = bad_base
        .lines()
        .position(|l| l == "contact = \"boss\"")
        .unwrap()
        + 1;
    let at = format!("{}:", base_path.display());
    let want = format!("{at}{line}: classification.security.contact: unknown contact \"boss\"");
    assert!(err.contains(&want), "{err}\nwanted {want}");
    // Beside the overlay, `base.toml` is found without --base.
    let (ok, _, err) = cli(&["pack", "validate", path_str(&overlay_path)]);
    assert!(!ok && err.contains(&at), "{err}");
}

#[test]
fn pack_new_writes_an_overlay_that_validates_and_only_for_one_of_the_290() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, text, err) = cli(&["pack", "new", "--kommunkod", "0180"]);
    assert!(ok, "{err}");
    assert!(text.contains("kommunkod = \"0180\""), "{text}");
    // The name comes from the official list.
    let name = vaksam_core::municipality::name_of(&"0180".parse().unwrap()).unwrap();
    assert!(text.contains(&format!("name = \"{name}\"")), "{text}");
    assert!(text.contains("headings = ["), "{text}");
    assert!(text.contains("[[policy.sections]]"), "{text}");
    assert!(text.lines().filter(|l| l.starts_with('#')).count() > 10);
    let path = dir.path().join("stockholm.toml");
    std::fs::write(&path, &text).unwrap();
    let (ok, out, err) = cli(&[
        "pack",
        "validate",
        path_str(&path),
        "--base",
        path_str(&fixture("base-a.toml")),
    ]);
    assert!(ok, "{out}{err}");
    assert!(out.contains(": ok (0180 "), "{out}");

    for code in ["9999", "0100", "abcd"] {
        let (ok, out, err) = cli(&["pack", "new", "--kommunkod", code]);
        assert!(!ok && out.is_empty(), "{code}: {out}");
        assert!(err.contains(code), "{err}");
    }
}

#[test]
fn pack_explain_gives_one_answer_with_its_reasons_or_the_whole_table() {
    let base = fixture("base-b.toml");
    let overlay = fixture("kommun.toml");
    let explain = |args: &[&str]| {
        let mut all = vec!["pack", "explain", path_str(&overlay)];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--base", path_str(&base)]);
        cli(&all)
    };
    let (ok, out, err) = explain(&["journal", "care_system"]);
    assert!(ok, "{err}");
    assert!(
        out.starts_with("Journalanteckning (journal) in Verksamhetssystemet (care_system): Nej\n"),
        "{out}"
    );
    assert!(out.contains("information: K3 R3 T2 S3  (Hälsa.)"), "{out}");
    assert!(out.contains("place takes at most: K2 R3 T3 S3"), "{out}");
    assert!(
        out.contains("over the limit: K3 where the place takes K2"),
        "{out}"
    );
    assert!(
        out.contains("kind: Vaksam's default, not confirmed"),
        "{out}"
    );

    // The overlay's Teams: its own limit and its citation.
    let (ok, out, _) = explain(&["note", "teams"]);
    assert!(ok);
    assert!(
        out.starts_with("Anteckning (note) in Teams (teams): Ja\n"),
        "{out}"
    );
    assert!(out.contains("place takes at most: K2 R2 T2 S1"), "{out}");
    assert!(
        out.contains("place: cited to Informationshantering"),
        "{out}"
    );

    // Over Teams' limit, within the condition base B added.
    let (ok, out, _) = explain(&["journal", "teams"]);
    assert!(ok);
    assert!(
        out.starts_with("Journalanteckning (journal) in Teams (teams): Bara om\n"),
        "{out}"
    );
    assert!(
        out.contains("  over the limit: K3 where the place takes K2\n  over the limit: R3 where the place takes R2\n  over the limit: S3 where the place takes S1\n"),
        "{out}"
    );
    assert!(
        out.contains("  only if: Bara i en kanal där alla medlemmar får läsa uppgifterna. (up to K3 R3 T2 S3)\n  condition: Vaksam's default, not confirmed"),
        "{out}"
    );

    // A general kind is not offered in a care system.
    let (ok, out, _) = explain(&["note", "care_system"]);
    assert!(
        ok && out.starts_with("Anteckning (note) in Verksamhetssystemet (care_system): Nej\n"),
        "{out}"
    );
    assert!(
        out.contains("only for information of vård och omsorg"),
        "{out}"
    );

    let (ok, _, err) = explain(&["note", "dropbox"]);
    assert!(
        !ok && err.contains("no place \"dropbox\"; the places are: teams, care_system"),
        "{err}"
    );

    let (ok, table, err) = explain(&[]);
    assert!(ok, "{err}");
    let rows: Vec<Vec<&str>> = table
        .lines()
        .take_while(|l| !l.is_empty())
        .map(|l| {
            l.split("  ")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect()
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            vec!["kind \\ place", "teams", "care_system"],
            vec!["note", "Ja", "–"],
            vec!["journal", "Bara om", "Nej"],
            vec!["salary", "Bara om", "–"],
        ],
        "{table}"
    );
}

#[tokio::test]
async fn pack_diff_shows_what_a_new_base_changes_and_what_it_means_for_signing() {
    let overlay = fixture("kommun.toml");
    let (ok, out, err) = cli(&[
        "pack",
        "diff",
        path_str(&overlay),
        "--from-base",
        path_str(&fixture("base-a.toml")),
        "--base",
        path_str(&fixture("base-b.toml")),
    ]);
    assert!(ok, "{err}");
    let want = "3+2026.12.1 → 3+2027.1.1

Swedish texts changed (2):
  contacts.it when
    - När en enhet är borta.
    + När en telefon eller dator är borta.
  places.teams about
    - För arbetsgrupper.
    + För arbetsgruppers filer.

Translations (1):
  contacts.manager role [en] added

Added (2):
  kinds salary
  questions phishing

Answers of the matrix that change (3):
  journal in care_system: Ja → Nej
  journal in teams: Nej → Bara om
  salary in teams: – → Bara om

No new signature needed.
";
    assert_eq!(out, want);

    // Against the municipality's published pack (`--db`): the same, and a base that
    // changes a signed text asks everyone to sign again.
    let dir = tempfile::tempdir().unwrap();
    let server = serve_with(dir.path(), &fixture("base-a.toml")).await;
    publish(&server, &overlay, &fixture("base-a.toml"));
    let (ok, out, err) = server.admin(&[
        "pack",
        "diff",
        path_str(&overlay),
        "--base",
        path_str(&fixture("base-b.toml")),
    ]);
    assert!(ok, "{err}");
    assert_eq!(out, want);

    let base_d = fixture_text("base-b.toml").replacen(
        "text = \"Jag rapporterar incidenter.\"",
        "text = \"Jag rapporterar incidenter genast.\"",
        1,
    );
    let base_d_path = dir.path().join("base-d.toml");
    std::fs::write(&base_d_path, base_d).unwrap();
    let (ok, out, err) = server.admin(&[
        "pack",
        "diff",
        path_str(&overlay),
        "--base",
        path_str(&base_d_path),
    ]);
    assert!(ok, "{err}");
    assert!(
        out.contains("  statements.report text\n    - Jag rapporterar incidenter.\n    + Jag rapporterar incidenter genast.\n"),
        "{out}"
    );
    assert!(
        out.ends_with("Employees must sign again:\n  the undertaking (confirmation) changed\n"),
        "{out}"
    );

    // The same base on both sides changes nothing.
    let (ok, out, _) = cli(&[
        "pack",
        "diff",
        path_str(&overlay),
        "--from-base",
        path_str(&fixture("base-a.toml")),
        "--base",
        path_str(&fixture("base-a.toml")),
    ]);
    assert!(ok);
    assert!(
        out.ends_with("Nothing employees see changes.\nNo new signature needed.\n"),
        "{out}"
    );
}

#[tokio::test]
async fn enrollment_needs_a_published_pack_and_a_sixth_municipality_is_one_publish_away() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve_with(dir.path(), &fixture("base-a.toml")).await;
    let (ok, _, err) = server.admin(&["enroll", "--kommunkod", "0180", "--name", "Sara"]);
    assert!(!ok);
    assert!(
        err.contains("no pack is published for kommunkod 0180"),
        "{err}"
    );

    // `pack new`, filled in, published.
    let (ok, text, err) = server.admin(&["pack", "new", "--kommunkod", "0180"]);
    assert!(ok, "{err}");
    let name = vaksam_core::municipality::name_of(&"0180".parse().unwrap()).unwrap();
    let filled = text
        .replacen(
            &format!("name = \"{name}\""),
            "name = \"Stockholms stad\"",
            1,
        )
        .replacen(
            "Skriv här, med egna ord och i korta meningar, vad avsnittet säger.",
            "Staden skyddar informationen om dem den är till för.",
            1,
        );
    assert_ne!(filled, text);
    let path = dir.path().join("stockholm.toml");
    std::fs::write(&path, &filled).unwrap();
    let out = publish(&server, &path, &fixture("base-a.toml"));
    assert!(
        out.contains("published 0180 Stockholms stad version 0.1.0+2026.12.1"),
        "{out}"
    );

    let answer: EnrollResponse = server.enroll_device("0180", "Sara").await;
    assert_eq!(answer.kommunkod.as_str(), "0180");
    assert_eq!(answer.municipality_name, "Stockholms stad");
    let pack = pack_of(&server, &answer.device_token).await;
    assert_eq!(pack.municipality.name, "Stockholms stad");
    assert_eq!(
        pack.policy.sections[0].text.swedish(),
        "Staden skyddar informationen om dem den är till för."
    );
}

/// Migrations of the server before format 2 (0001–0005), applied as that server did.
async fn database_before_format_2(dir: &Path) -> String {
    let old = dir.join("migrations-before-format-2");
    std::fs::create_dir(&old).unwrap();
    let current = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations/sqlite");
    for entry in std::fs::read_dir(&current).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().into_string().unwrap();
        let number: u32 = name[..4].parse().unwrap();
        if number <= 5 {
            std::fs::copy(entry.path(), old.join(&name)).unwrap();
        }
    }
    let db = format!("sqlite://{}?mode=rwc", dir.join("vaksam.db").display());
    let pool = sqlx::SqlitePool::connect(&db).await.unwrap();
    sqlx::migrate::Migrator::new(old.as_path())
        .await
        .unwrap()
        .run(&pool)
        .await
        .unwrap();
    // Vingåker's format-1 pack, stored as the old server stored a shipped pack.
    let body = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/pack-v1/0428.json"),
    )
    .unwrap();
    let body = body.trim_end().to_owned();
    let etag = format!(
        "\"{}\"",
        &vaksam_core::protocol::sha256_hex(body.as_bytes())[..32]
    );
    sqlx::query(
        "INSERT INTO packs (kommunkod, version, body, etag, published_at, origin) \
         VALUES ('0428', '2026.11.3', $1, $2, '2026-11-20T08:00:00Z', 'shipped')",
    )
    .bind(&body)
    .bind(&etag)
    .execute(&pool)
    .await
    .unwrap();
    let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info('packs')")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert!(!columns.iter().any(|c| c == "overlay"), "{columns:?}");
    pool.close().await;
    format!("sqlite://{}", dir.join("vaksam.db").display())
}

#[tokio::test]
async fn a_database_holding_a_format_1_pack_still_serves_phones_and_their_signatures() {
    let dir = tempfile::tempdir().unwrap();
    let db = database_before_format_2(dir.path()).await;
    let server = Process::start_with(
        dir.path(),
        &db,
        &["--base", path_str(&fixture("base-a.toml"))],
    )
    .await;

    // The format-1 pack is still Vingåker's current pack: it is served, and reads into the
    // format-2 types.
    let token = server.enroll("0428", "Anna").await;
    let served = pack_of(&server, &token).await;
    assert_eq!(served.format, 1);
    assert_eq!(served.version, "2026.11.3");
    let fixture_pack: Pack = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/pack-v1/0428.json"),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(served, fixture_pack);
    let (version, overlay, base, _) = stored_row(&server.db, "0428").await;
    assert_eq!((version.as_str(), overlay, base), ("2026.11.3", None, None));

    // A phone signs the format-1 pack (version-1 digests) and the server accepts it.
    let payload = signed(&fixture_pack, "Anna");
    assert!(
        !payload["undertaking_sha256"]
            .as_str()
            .unwrap()
            .starts_with("2:"),
        "a format-1 pack signs with version-1 digests"
    );
    let results = sync(&server, &token, vec![signature_record(payload)]).await;
    assert_eq!(results[0]["status"], "stored", "{results:?}");

    let (ok, csv, err) = server.admin(&["signatures", "status", "--kommunkod", "0428"]);
    assert!(ok, "{err}");
    assert!(csv.lines().any(|l| l.contains("Anna,signed,1,")), "{csv}");
    let (ok, out, err) = server.admin(&["signatures", "verify", "--kommunkod", "0428"]);
    assert!(
        ok && out.contains("1 signatures, chain intact"),
        "{out}{err}"
    );

    // A coordinator compares the format-1 pack with their new format-2 file: other texts,
    // so everyone signs again.
    let (ok, out, err) = server.admin(&[
        "pack",
        "diff",
        path_str(&fixture("kommun.toml")),
        "--base",
        path_str(&fixture("base-a.toml")),
    ]);
    assert!(ok, "{err}");
    assert!(out.starts_with("2026.11.3 → 3+2026.12.1\n"), "{out}");
    assert!(out.contains("\nEmployees must sign again:\n"), "{out}");
}

#[test]
fn pack_validate_against_the_policy_refuses_copied_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let sentence = "Alla medarbetare ska känna till policyn och följa den i det dagliga arbetet";
    let overlay = fixture_text("kommun.toml").replacen(
        "sv = \"Information är viktig.\"",
        &format!("sv = \"{sentence}.\""),
        1,
    );
    let overlay_path = dir.path().join("kommun.toml");
    std::fs::write(&overlay_path, &overlay).unwrap();
    let document = dir.path().join("policy.txt");
    // Hyphenated across a line break and in another case, as a policy's text often is.
    std::fs::write(
        &document,
        "1. Inledning\nAlla medarbetare ska känna till policyn och följa den i det dag-\nliga ARBETET, står det.\n",
    )
    .unwrap();
    let base = fixture("base-a.toml");
    let args = |doc: &Path| {
        cli(&[
            "pack",
            "validate",
            path_str(&overlay_path),
            "--base",
            path_str(&base),
            "--against",
            path_str(doc),
        ])
    };
    let (ok, _, err) = args(&document);
    assert!(!ok, "a copied sentence must be refused");
    assert!(
        err.contains("policy.sections.why.text: shares 13 words with") && err.contains("own words"),
        "{err}"
    );
    // In our own words, the same pack passes and says so.
    std::fs::write(
        &document,
        "1. Inledning\nVarje anställd behöver kunna reglerna.\n",
    )
    .unwrap();
    let (ok, out, err) = args(&document);
    assert!(ok, "{err}");
    assert!(
        out.contains("own words: no run of 8 or more words"),
        "{out}"
    );
}
