//! Packs and signatures over real HTTP against a real SQLite file, and the admin commands
//! run as the real binary.

mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::{json, Value};
use time::OffsetDateTime;
use uuid::Uuid;
use vaksam_core::Pack;
use vaksam_server::chain::{self, Broken};
use vaksam_server::packs;
use vaksam_server::storage::Origin;
use vaksam_server::storage::Storage;

impl Server {
    async fn pack(&self, token: &str, etag: Option<&str>) -> reqwest::Response {
        let mut req = self
            .http
            .get(format!("{}/pack", self.base))
            .bearer_auth(token);
        if let Some(tag) = etag {
            req = req.header("if-none-match", tag);
        }
        req.send().await.unwrap()
    }

    async fn current_pack(&self, token: &str) -> (String, Pack) {
        let res = self.pack(token, None).await;
        assert_eq!(res.status(), StatusCode::OK);
        let etag = res.headers()["etag"].to_str().unwrap().to_owned();
        (etag, res.json().await.unwrap())
    }

    /// Writes `text` as a pack file and publishes it with the admin command.
    fn publish(&self, name: &str, text: &str) -> (bool, String, String) {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        self.admin(&["pack", "publish", path.to_str().unwrap()])
    }
}

fn signature(pack: &Pack, name: &str) -> Value {
    signed(pack, name)
}

fn signature_record(id: Uuid, payload: Value) -> Value {
    json!({ "id": id, "kind": "signature", "created_at": "2026-01-10T10:01:00+01:00", "payload": payload })
}

/// `overlay` with its own version set to `v` (the first top-level `version = "…"`).
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
        + "\n"
}

/// `overlay` with one more policy section (a Vaksam default), which employees sign.
fn with_section(overlay: &str, text: &str) -> String {
    format!(
        "{overlay}\n[[policy.sections]]\nid = \"added-in-test\"\ndefault = true\ntitle = \"Nytt avsnitt\"\ntext = \"{text}\"\n"
    )
}

/// The version of the base built into the server.
fn base_version() -> String {
    vaksam_core::pack::resolve::base_version(packs::shipped_base()).unwrap()
}

fn shipped(file: &str) -> String {
    vaksam_server::packs::SHIPPED
        .iter()
        .find(|(f, _)| *f == file)
        .unwrap()
        .1
        .to_owned()
}

#[tokio::test]
async fn the_pack_comes_with_an_etag_and_is_not_sent_again_when_unchanged() {
    let s = Server::start().await;
    let token = s.enroll("0428").await;
    let (etag, pack) = s.current_pack(&token).await;
    assert_eq!(pack.municipality.kommunkod.as_str(), "0428");
    assert!(etag.starts_with('"') && etag.ends_with('"'), "{etag}");

    let again = s.pack(&token, Some(&etag)).await;
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(again.headers()["etag"].to_str().unwrap(), etag);
    assert!(again.bytes().await.unwrap().is_empty());

    let stale = s.pack(&token, Some("\"something-old\"")).await;
    assert_eq!(stale.status(), StatusCode::OK);

    let anonymous = s.http.get(format!("{}/pack", s.base)).send().await.unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn each_token_gets_its_own_municipalitys_pack() {
    let s = Server::start().await;
    for (code, name) in [
        ("0428", "Vingåkers kommun"),
        ("0138", "Tyresö kommun"),
        ("2513", "Överkalix kommun"),
        ("0761", "Lessebo kommun"),
        ("1493", "Mariestads kommun"),
    ] {
        let token = s.enroll(code).await;
        let (_, pack) = s.current_pack(&token).await;
        assert_eq!(pack.municipality.name, name);
    }
}

/// The version of a municipality's current pack.
async fn current_version(
    storage: &vaksam_server::storage::sql::SqlStorage,
    kommunkod: &vaksam_core::Kommunkod,
) -> String {
    storage
        .current_pack(kommunkod)
        .await
        .unwrap()
        .unwrap()
        .version
}

#[tokio::test]
async fn a_restart_brings_newer_shipped_packs_but_keeps_a_municipalitys_own() {
    // A database from before this version: no shipped pack published at start.
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("old.db").display());
    let storage = vaksam_server::storage::sql::SqlStorage::open(&url)
        .await
        .unwrap();
    let now = vaksam_server::system_clock();
    let kommunkod = "0761".parse().unwrap();
    let lessebo = shipped("lessebo.toml");
    let prepare = |text: &str| {
        packs::prepare(
            packs::shipped_base(),
            vaksam_core::pack::resolve::PackFile {
                name: "lessebo.toml",
                text,
            },
            now,
        )
        .unwrap()
    };
    let shipped_version = prepare(&lessebo).stored.version;
    let with_overlay_version = |v: &str| prepare(&with_version(&lessebo, v));

    // An older version from before origins were recorded, as an old server holds it.
    let mut old = with_overlay_version("2020.1.1");
    old.stored.origin = Origin::Unknown;
    packs::publish(&storage, &old).await.unwrap();
    packs::publish_shipped(&storage, packs::shipped_base(), now)
        .await
        .unwrap();
    assert_eq!(current_version(&storage, &kommunkod).await, shipped_version);

    // What an administrator publishes is never replaced by a shipped pack, even with an
    // older number.
    packs::publish(&storage, &with_overlay_version("2026.1.1"))
        .await
        .unwrap();
    packs::publish_shipped(&storage, packs::shipped_base(), now)
        .await
        .unwrap();
    assert_eq!(
        current_version(&storage, &kommunkod).await,
        format!("2026.1.1+{}", base_version())
    );
}

#[tokio::test]
async fn an_admin_publishes_a_new_version_without_a_restart() {
    let s = Server::start().await;
    let token = s.enroll("2513").await;
    let (old_etag, _) = s.current_pack(&token).await;

    let edited = with_section(
        &with_version(&shipped("overkalix.toml"), "2099.12.1"),
        "Du kan alltid, dygnet runt, vända dig till säkerhetssamordnaren.",
    );
    let version = format!("2099.12.1+{}", base_version());
    let (ok, out, err) = s.publish("overkalix-new.toml", &edited);
    assert!(ok, "{out}{err}");
    assert!(out.contains("published 2513"), "{out}");

    let res = s.pack(&token, Some(&old_etag)).await;
    assert_eq!(res.status(), StatusCode::OK, "the old ETag is stale now");
    let pack: Pack = res.json().await.unwrap();
    assert_eq!(pack.version, version);

    // Publishing the same file again changes nothing; reusing the version for other
    // content is refused with a message saying what to do.
    let (ok, out, _) = s.publish("overkalix-new.toml", &edited);
    assert!(ok && out.contains("already published"), "{out}");
    let (ok, _, err) = s.publish(
        "overkalix-other.toml",
        &edited.replacen("dygnet runt", "alla dagar", 1),
    );
    assert!(!ok);
    assert!(err.contains("raise `version`"), "{err}");

    // A broken pack is refused with the file, the line, the place and the problem; nothing
    // changes.
    let broken = format!(
        "{edited}\n[[contacts]]\nid = \"added-in-test\"\ndefault = true\nrole = \"Vakten\"\nwhen = \"Alltid.\"\nphone = \"ring mig\"\n"
    );
    let line = broken.lines().count();
    let (ok, _, err) = s.publish("broken.toml", &broken);
    assert!(!ok);
    assert!(
        err.contains(&format!("broken.toml:{line}: contacts["))
            && err.contains("].phone: \"ring mig\" is not a phone number"),
        "{err}"
    );
    let (_, current) = s.current_pack(&token).await;
    assert_eq!(current.version, version);
}

#[tokio::test]
async fn pack_validate_reports_every_file() {
    let s = Server::start().await;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../packs");
    let files: Vec<String> = ["vingaker", "tyreso", "overkalix", "lessebo", "mariestad"]
        .iter()
        .map(|f| dir.join(format!("{f}.toml")).display().to_string())
        .collect();
    let mut args = vec!["pack", "validate"];
    args.extend(files.iter().map(String::as_str));
    let (ok, out, err) = s.admin(&args);
    assert!(ok, "{err}");
    assert_eq!(
        out.lines().filter(|l| l.contains(".toml: ok (")).count(),
        5,
        "{out}"
    );
    // The coordinator sees which defaults wait for the municipality's confirmation.
    assert!(
        out.contains("Vaksam defaults not confirmed by the municipality"),
        "{out}"
    );
}

#[tokio::test]
async fn a_signature_is_stored_once_and_answers_with_its_log_entry() {
    let s = Server::start().await;
    let token = s.enroll("0428").await;
    let (_, pack) = s.current_pack(&token).await;
    let id = Uuid::now_v7();
    let rec = signature_record(id, signature(&pack, "Anna Andersson"));

    let first = s.sync(&token, vec![rec.clone()]).await;
    assert_eq!(first[0]["status"], "stored", "{first:?}");
    assert_eq!(first[0]["log_entry"], 1);
    assert!(first[0].get("case_number").is_none());

    let again = s.sync(&token, vec![rec.clone(), rec.clone()]).await;
    for answer in &again {
        assert_eq!(answer["status"], "already_stored");
        assert_eq!(answer["log_entry"], 1);
        assert_eq!(answer["received_at"], first[0]["received_at"]);
    }
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM signatures")
        .fetch_one(s.storage.pool())
        .await
        .unwrap();
    assert_eq!(rows, 1);

    // The same id with other content is a conflict; the log keeps the first.
    let other = signature_record(id, signature(&pack, "Bo Berg"));
    let conflict = s.sync(&token, vec![other]).await;
    assert_eq!(conflict[0]["status"], "conflict");

    // The receipt can be fetched later, as for incidents.
    let receipt: Value = s.get_json(&token, &format!("/records/{id}")).await;
    assert_eq!(receipt["log_entry"], 1);
}

#[tokio::test]
async fn a_signature_must_match_a_published_text_of_its_own_municipality() {
    let s = Server::start().await;
    let vingaker = s.enroll("0428").await;
    let tyreso = s.enroll("0138").await;
    let (_, pack) = s.current_pack(&vingaker).await;

    // Signed in Vingåker's name, sent with Tyresö's token.
    let cross = s
        .sync(
            &tyreso,
            vec![signature_record(Uuid::now_v7(), signature(&pack, "Anna"))],
        )
        .await;
    assert_eq!(cross[0]["status"], "rejected");
    assert_eq!(cross[0]["errors"][0]["field"], "payload.kommunkod");

    // A text the municipality never published.
    let mut forged = signature(&pack, "Anna");
    forged["text_sha256"] = json!("0".repeat(64));
    let answer = s
        .sync(&vingaker, vec![signature_record(Uuid::now_v7(), forged)])
        .await;
    assert_eq!(answer[0]["status"], "rejected");
    assert_eq!(answer[0]["errors"][0]["field"], "payload.text_sha256");

    let mut unknown = signature(&pack, "Anna");
    unknown["pack_version"] = json!("1999.1.1");
    let answer = s
        .sync(&vingaker, vec![signature_record(Uuid::now_v7(), unknown)])
        .await;
    assert_eq!(answer[0]["errors"][0]["field"], "payload.pack_version");

    let mut incomplete = signature(&pack, "Anna");
    incomplete["confirmed"].as_array_mut().unwrap().pop();
    incomplete["workplace"] = json!("");
    let answer = s
        .sync(
            &vingaker,
            vec![signature_record(Uuid::now_v7(), incomplete)],
        )
        .await;
    let fields: Vec<&str> = answer[0]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["payload.confirmed", "payload.workplace"]);
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM signatures")
        .fetch_one(s.storage.pool())
        .await
        .unwrap();
    assert_eq!(rows, 0, "nothing refused reaches the log");
}

/// Review finding L4 (a signature dated 1990 was stored) and H1 (a time past year 9999 in
/// UTC crashed the server): each such signature is rejected alone, naming `signed_at`.
#[tokio::test]
async fn a_backdated_or_impossible_signing_time_is_rejected_alone() {
    let s = Server::start().await;
    let token = s.enroll("0428").await;
    let (_, pack) = s.current_pack(&token).await;
    let signed_at = |t: Value| {
        let mut sig = signature(&pack, "Anna Andersson");
        sig["signed_at"] = t;
        signature_record(Uuid::now_v7(), sig)
    };
    let days_ago = |days: i64| {
        let t = OffsetDateTime::now_utc() - time::Duration::days(days);
        json!(t
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap())
    };
    let answers = s
        .sync(
            &token,
            vec![
                signed_at(days_ago(91)),
                signed_at(json!("1990-01-01T00:00:00Z")),
                signed_at(json!("9999-12-31T23:59:59-00:01")),
                signed_at(json!("0000-01-01T00:00:00+23:59")),
                signed_at(days_ago(89)),
            ],
        )
        .await;
    for (i, a) in answers[..4].iter().enumerate() {
        assert_eq!(a["status"], "rejected", "{i}: {a}");
        assert_eq!(a["errors"][0]["field"], "payload.signed_at", "{i}: {a}");
        assert_eq!(a["errors"][0]["code"], "invalid", "{i}: {a}");
    }
    assert!(answers[0]["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("90 days"));
    assert!(answers[2]["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("outside the range"));
    assert_eq!(answers[4]["status"], "stored", "{:?}", answers[4]);
    assert_eq!(answers[4]["log_entry"], 1);
    let (ok, out, err) = s.admin(&["signatures", "verify", "--kommunkod", "0428"]);
    assert!(ok, "{err}");
    assert!(out.contains("1 signatures, chain intact"), "{out}");
}

#[tokio::test]
async fn a_signature_of_an_older_published_version_is_still_accepted() {
    // A phone signed offline; meanwhile a new version was published.
    let s = Server::start().await;
    let token = s.enroll("0761").await;
    let (_, old) = s.current_pack(&token).await;
    let signed_offline = signature(&old, "Anna");
    let edited = with_section(
        &with_version(&shipped("lessebo.toml"), "2099.1.1"),
        "Ett nytt avsnitt.",
    );
    assert!(s.publish("lessebo-new.toml", &edited).0);
    let answer = s
        .sync(
            &token,
            vec![signature_record(Uuid::now_v7(), signed_offline)],
        )
        .await;
    assert_eq!(answer[0]["status"], "stored");
}

#[tokio::test]
async fn the_log_is_append_only_and_verification_finds_a_changed_row() {
    let s = Server::start().await;
    let token = s.enroll("0428").await;
    let (_, pack) = s.current_pack(&token).await;
    for name in ["Anna", "Bo", "Cecilia"] {
        let answer = s
            .sync(
                &token,
                vec![signature_record(Uuid::now_v7(), signature(&pack, name))],
            )
            .await;
        assert_eq!(answer[0]["status"], "stored");
    }
    let (ok, out, err) = s.admin(&["signatures", "verify", "--kommunkod", "0428"]);
    assert!(ok, "{err}");
    assert!(out.contains("3 signatures, chain intact"), "{out}");

    // The database itself refuses edits and deletes.
    let update = sqlx::query("UPDATE signatures SET payload = '{}' WHERE seq = 2")
        .execute(s.storage.pool())
        .await;
    assert!(update.unwrap_err().to_string().contains("append-only"));
    let delete = sqlx::query("DELETE FROM signatures WHERE seq = 3")
        .execute(s.storage.pool())
        .await;
    assert!(delete.is_err());

    // Someone with file access drops the guard and edits entry 2: the chain shows it.
    sqlx::query(&drop_trigger("signatures_append_only_update"))
        .execute(s.storage.pool())
        .await
        .unwrap();
    sqlx::query("UPDATE signatures SET payload = replace(payload, 'Bo', 'Bob') WHERE seq = 2")
        .execute(s.storage.pool())
        .await
        .unwrap();
    let (ok, _, err) = s.admin(&["signatures", "verify", "--kommunkod", "0428"]);
    assert!(!ok);
    assert!(err.contains("entry 2 was altered"), "{err}");
    let (entries, head) = s
        .storage
        .signature_log(&"0428".parse().unwrap())
        .await
        .unwrap();
    assert_eq!(
        chain::verify(&entries, head.as_ref().map(|(n, h)| (*n, h.as_str()))),
        Err(Broken::Altered { seq: 2 })
    );

    // Removing the last entry is found too.
    sqlx::query(&drop_trigger("signatures_append_only_delete"))
        .execute(s.storage.pool())
        .await
        .unwrap();
    sqlx::query("UPDATE signatures SET payload = replace(payload, 'Bob', 'Bo') WHERE seq = 2")
        .execute(s.storage.pool())
        .await
        .unwrap();
    sqlx::query("DELETE FROM signatures WHERE seq = 3")
        .execute(s.storage.pool())
        .await
        .unwrap();
    let (ok, _, err) = s.admin(&["signatures", "verify", "--kommunkod", "0428"]);
    assert!(!ok);
    assert!(err.contains("removed from the end"), "{err}");
}

#[tokio::test]
async fn status_lists_who_signed_the_current_version_and_who_did_not() {
    let s = Server::start().await;
    let anna = s.enroll_as("0138", "Anna Andersson").await;
    let bo = s.enroll_as("0138", "Bo Berg").await;
    let _cecilia = s.enroll_as("0138", "Cecilia Ek").await;
    let _other_municipality = s.enroll_as("0428", "David Dahl").await;
    let (_, old) = s.current_pack(&bo).await;
    assert_eq!(
        s.sync(
            &bo,
            vec![signature_record(Uuid::now_v7(), signature(&old, "Bo Berg"))]
        )
        .await[0]["status"],
        "stored"
    );
    // A new version with a section added: Bo must sign again; Anna signs the new one.
    let edited = with_section(
        &with_version(&shipped("tyreso.toml"), "2099.12.1"),
        "Utbildningen ska repeteras varje år.",
    );
    assert!(s.publish("tyreso-new.toml", &edited).0);
    let (_, new) = s.current_pack(&anna).await;
    assert_eq!(
        s.sync(
            &anna,
            vec![signature_record(
                Uuid::now_v7(),
                signature(&new, "Anna Andersson")
            )]
        )
        .await[0]["status"],
        "stored"
    );

    let (ok, csv, err) = s.admin(&["signatures", "status", "--kommunkod", "0138"]);
    assert!(ok, "{err}");
    let rows: Vec<Vec<&str>> = csv.lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(rows[0][..3], ["employee_id", "name", "status"]);
    assert_eq!(
        rows.len(),
        4,
        "three employees of Tyresö, no one else:\n{csv}"
    );
    let status: Vec<(&str, &str)> = rows[1..].iter().map(|r| (r[1], r[2])).collect();
    assert_eq!(
        status,
        [
            ("Anna Andersson", "signed"),
            ("Bo Berg", "sign_again"),
            ("Cecilia Ek", "not_signed")
        ]
    );
    assert_eq!(rows[1][9], "Hemtjänst Norr");
}

/// The statement that drops one of the signature log's triggers, in the test database's
/// dialect.
fn drop_trigger(name: &str) -> String {
    if common::on_postgres() {
        format!("DROP TRIGGER {name} ON signatures")
    } else {
        format!("DROP TRIGGER {name}")
    }
}
