//! `vaksam-server`: serve the app and API, or run an admin command against the database.

use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::net::SocketAddr;
use std::process::ExitCode;
use time::Duration;
use uuid::Uuid;
use vaksam_core::pack::resolve::PackFile;
use vaksam_core::Kommunkod;
use vaksam_server::storage::sql::{PoolSize, SqlStorage};
use vaksam_server::storage::Published;
use vaksam_server::storage::Storage;
use vaksam_server::{chain, coordinator, enrollment, export, packs, system_clock};

#[derive(Parser)]
#[command(
    name = "vaksam-server",
    version,
    about = "Vaksam's sync server and admin tool"
)]
struct Cli {
    /// Database URL. SQLite is embedded: `sqlite://path/to/file.db`. For many server
    /// instances on one database: `postgres://user:password@host:5432/vaksam` (add
    /// `?sslmode=verify-full` for a managed database).
    #[arg(
        long,
        env = "VAKSAM_DB",
        default_value = "sqlite://vaksam.db",
        global = true
    )]
    db: String,
    /// PostgreSQL: the most connections this instance opens (reads and writes share them).
    /// Aim at about 4 per database core over all instances, below the server's
    /// `max_connections` with room for admin tools. SQLite ignores it.
    #[arg(long, env = "VAKSAM_DB_POOL", default_value_t = 16, global = true)]
    db_pool: u32,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the app and the API.
    Serve {
        /// Address to listen on.
        #[arg(long, env = "VAKSAM_ADDR", default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// Serve the app from this directory (e.g. `dist`) instead of the embedded copy.
        #[arg(long)]
        static_dir: Option<std::path::PathBuf>,
        /// The https address people reach Vaksam at, through a TLS proxy (e.g.
        /// `https://vaksam.kommun.se`). Phones need https for offline use; with it set the
        /// server sends HSTS.
        #[arg(long, env = "VAKSAM_PUBLIC_URL")]
        public_url: Option<String>,
        /// Behind a proxy that sets `X-Forwarded-For`: take the client's address from it
        /// for rate limits. Never set this when clients reach the server directly.
        #[arg(long, env = "VAKSAM_TRUST_FORWARDED_FOR")]
        trust_forwarded_for: bool,
        /// Send mail (new reports to the console's people, reminders to late employees, the
        /// managers' weekly digest) through this SMTP server: `smtp://host:port` (plain,
        /// a relay nearby), `smtp://host:587?tls=required` (STARTTLS) or
        /// `smtps://user:pass@host:465`. Without it no mail is sent.
        #[arg(long, env = "VAKSAM_SMTP_URL")]
        smtp_url: Option<String>,
        /// The sender of that mail.
        #[arg(
            long,
            env = "VAKSAM_MAIL_FROM",
            default_value = "Vaksam <vaksam@localhost>"
        )]
        mail_from: String,
        /// Resolve every municipality's overlay with this base file instead of the one built
        /// into this Vaksam (for tests and trials of a new base; see README).
        #[arg(long, env = "VAKSAM_BASE", hide = true)]
        base: Option<std::path::PathBuf>,
    },
    /// Move an installation from SQLite to PostgreSQL: every table (records, packs, the
    /// signature log, training, the console's data, the audit log), then the counts and
    /// every signature chain checked on the target. Running it again adds nothing.
    MigrateDb {
        /// The SQLite database, e.g. `sqlite://vaksam.db` (it is brought to the current
        /// schema first).
        #[arg(long)]
        from: String,
        /// The PostgreSQL database, e.g. `postgres://vaksam@db.kommun.se/vaksam`: best
        /// empty (created with `createdb`); the schema is made here.
        #[arg(long)]
        to: String,
    },
    /// Write a consistent copy of the database to a new file, while the server runs.
    Backup {
        /// The copy to write (must not exist).
        #[arg(long)]
        to: std::path::PathBuf,
    },
    /// Show or set a municipality's limit on records one device may deliver in 24 hours.
    Limits {
        /// The municipality's kommunkod.
        #[arg(long)]
        kommunkod: String,
        /// The new limit (records per device in 24 hours, at least one full batch of 100);
        /// without it, show the current one.
        #[arg(long, value_parser = clap::value_parser!(u32).range(100..=100_000))]
        records_per_day: Option<u32>,
    },
    /// Create a one-time enrollment code for an employee and print it.
    Enroll {
        /// The municipality's kommunkod, e.g. 0428.
        #[arg(long)]
        kommunkod: String,
        /// The employee's name, as the app will prefill it.
        #[arg(long)]
        name: String,
        /// Days the code stays valid (1 to 90).
        #[arg(long, default_value_t = 14, value_parser = clap::value_parser!(i64).range(1..=90))]
        valid_days: i64,
    },
    /// Revoke a device: its token stops working at once.
    Revoke {
        /// The device id (shown to the app at enrollment and in logs).
        #[arg(long)]
        device: Uuid,
    },
    /// Content packs: check, start, explain, compare with a new base, publish.
    Pack {
        #[command(subcommand)]
        command: PackCommand,
    },
    /// The signature log: verify its hash chain, or list who has signed.
    Signatures {
        #[command(subcommand)]
        command: SignaturesCommand,
    },
    /// Training: who has completed it within the interval, and the most-missed questions.
    Training {
        #[command(subcommand)]
        command: TrainingCommand,
    },
    /// The console's administrators: invite one (a one-time link to register a passkey).
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Sign-in with the municipality's own account (OpenID Connect): set, show or remove a
    /// municipality's identity provider.
    Oidc {
        #[command(subcommand)]
        command: OidcCommand,
    },
    /// List or export a municipality's incident register: each case with its status, its
    /// IMY deadline and what the employee added after sending. `incidents status` sets a
    /// case's status.
    #[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
    Incidents {
        /// The municipality's kommunkod.
        #[arg(long, required = true)]
        kommunkod: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Csv)]
        format: Format,
        #[command(subcommand)]
        command: Option<IncidentsCommand>,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create an administrator (or find them by e-mail) and print a one-time link that
    /// registers a passkey and signs them in. Use it again for someone who lost their
    /// passkey: redeeming the new link adds a passkey and ends their open sessions; old
    /// passkeys stay until removed on their account page.
    Invite {
        /// The municipality's kommunkod (not for --role sysadmin).
        #[arg(long)]
        kommunkod: Option<String>,
        /// Their e-mail address.
        #[arg(long)]
        email: String,
        /// coordinator, dpo, manager or sysadmin.
        #[arg(long)]
        role: String,
        /// Their name, as the console shows it (default: the e-mail address).
        #[arg(long)]
        name: Option<String>,
        /// Hours the link stays valid (1 to 168).
        #[arg(long, default_value_t = 72, value_parser = clap::value_parser!(i64).range(1..=168))]
        valid_hours: i64,
        /// The address people open Vaksam at (as for `serve`).
        #[arg(
            long,
            env = "VAKSAM_PUBLIC_URL",
            default_value = "http://localhost:8080"
        )]
        public_url: String,
    },
}

// Parsed once per run: the size of a variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum OidcCommand {
    /// Set (or replace) a municipality's identity provider. Register Vaksam there as a
    /// confidential web client (client_secret_basic, authorization code with PKCE) with
    /// the redirect URI `<public URL>/oidc/callback`, which this command prints.
    Set {
        /// The municipality's kommunkod.
        #[arg(long)]
        kommun: String,
        /// The provider's issuer URL (https; its discovery document is at
        /// `<issuer>/.well-known/openid-configuration`).
        #[arg(long)]
        issuer: String,
        /// Vaksam's client id at the provider.
        #[arg(long)]
        client_id: String,
        /// A file holding Vaksam's client secret on one line (not on the command line,
        /// where other users of the machine could read it).
        #[arg(long)]
        client_secret_file: std::path::PathBuf,
        /// The e-mail domains people may sign in with, comma-separated (e.g.
        /// `vingaker.se,skola.vingaker.se`); any other address is refused.
        #[arg(long)]
        domains: String,
        /// The claim with the person's name.
        #[arg(long, default_value = "name")]
        claim_name: String,
        /// The claim with the person's e-mail address.
        #[arg(long, default_value = "email")]
        claim_email: String,
        /// The claim with the employee id (anställningsnummer), matched first when
        /// enrolling a phone.
        #[arg(long)]
        claim_employee_id: Option<String>,
        /// The claim with the workplace's name (created in the directory if missing).
        #[arg(long)]
        claim_workplace: Option<String>,
        /// The claim that lists the person's groups: with it, a console sign-in creates or
        /// updates the admin with the role their group gives (see --group-role).
        #[arg(long)]
        group_claim: Option<String>,
        /// GROUP=ROLE (coordinator, dpo or manager); repeat for each group.
        #[arg(long = "group-role")]
        group_role: Vec<String>,
        /// Scopes to ask for beside `openid email profile` (space- or comma-separated).
        #[arg(long)]
        scopes: Option<String>,
        /// The address people open Vaksam at (as for `serve`), for the redirect URI.
        #[arg(
            long,
            env = "VAKSAM_PUBLIC_URL",
            default_value = "http://localhost:8080"
        )]
        public_url: String,
    },
    /// Show a municipality's identity provider (without the secret), or every one.
    Show {
        /// The municipality's kommunkod (default: every municipality that has one).
        #[arg(long)]
        kommun: Option<String>,
        /// The address people open Vaksam at (as for `serve`), for the redirect URI.
        #[arg(
            long,
            env = "VAKSAM_PUBLIC_URL",
            default_value = "http://localhost:8080"
        )]
        public_url: String,
    },
    /// Remove a municipality's identity provider; sign-ins in progress stop working.
    Remove {
        /// The municipality's kommunkod.
        #[arg(long)]
        kommun: String,
    },
}

#[derive(Subcommand)]
enum IncidentsCommand {
    /// Set where the municipality stands with a case; the employee's phone shows it.
    Status {
        /// The municipality's kommunkod.
        #[arg(long)]
        kommunkod: String,
        /// The case number, e.g. 2026-0042.
        case: String,
        /// received, in_progress or closed.
        status: String,
    },
}

#[derive(Subcommand)]
enum PackCommand {
    /// Resolve municipalities' files with the base and check them without publishing;
    /// every error names the file and line. Lists the defaults not yet confirmed.
    Validate {
        /// Municipalities' pack files (TOML).
        #[arg(required = true)]
        files: Vec<std::path::PathBuf>,
        /// The base to resolve with (default: base.toml next to each file, else the
        /// base built into this Vaksam).
        #[arg(long)]
        base: Option<std::path::PathBuf>,
        /// The municipality's policy as text: refuse a pack whose Swedish texts share a run
        /// of 8 or more words with it (packs are written in our own words). One file: with
        /// several pack files, each is checked against the same document.
        #[arg(long)]
        against: Option<std::path::PathBuf>,
    },
    /// Resolve a municipality's file with the base, check it and publish it as its
    /// current pack. A running server serves it from the next request on.
    Publish {
        /// The municipality's pack file (TOML).
        file: std::path::PathBuf,
        /// The base to resolve with (default: the base built into this Vaksam).
        #[arg(long)]
        base: Option<std::path::PathBuf>,
    },
    /// Print a starting file for a municipality (one of Sweden's 290), with comments that
    /// say what to fill in: `pack new --kommunkod 1234 > packs/x.toml`.
    New {
        /// The municipality's kommunkod.
        #[arg(long)]
        kommunkod: String,
    },
    /// Explain the classification matrix of a municipality's resolved pack: one answer
    /// (kind and place) with its levels, reason and sources, or without them the whole
    /// kind × place table (Ja, Nej, Bara om).
    Explain {
        /// The municipality's pack file (TOML).
        file: std::path::PathBuf,
        /// A kind of information's id, e.g. journal_note.
        #[arg(requires = "place")]
        kind: Option<String>,
        /// A place's id, e.g. care_system.
        place: Option<String>,
        /// The base to resolve with (default: base.toml next to the file, else the base
        /// built into this Vaksam).
        #[arg(long)]
        base: Option<std::path::PathBuf>,
    },
    /// What a new base changes for a municipality: texts, translations, items added or
    /// removed, answers of the matrix, and whether employees must sign again. The old side
    /// is the file resolved with `--from-base`, else (with `--db` given) the
    /// municipality's current published pack, else the base built into this Vaksam.
    Diff {
        /// The municipality's pack file (TOML).
        file: std::path::PathBuf,
        /// The old base.
        #[arg(long)]
        from_base: Option<std::path::PathBuf>,
        /// The new base (default: base.toml next to the file, else the base built into
        /// this Vaksam).
        #[arg(long)]
        base: Option<std::path::PathBuf>,
    },
}

#[derive(Subcommand)]
enum SignaturesCommand {
    /// Recompute the hash chain of a municipality's signature log; report the first broken
    /// link. Exits with status 1 if the log was tampered with.
    Verify {
        /// The municipality's kommunkod.
        #[arg(long)]
        kommunkod: String,
    },
    /// Who has signed the current policy and undertaking, and who has not (CSV).
    Status {
        /// The municipality's kommunkod.
        #[arg(long)]
        kommunkod: String,
    },
}

#[derive(Subcommand)]
enum TrainingCommand {
    /// Per employee: completed within the pack's interval, overdue, or not completed (CSV).
    Status {
        /// The municipality's kommunkod.
        #[arg(long)]
        kommunkod: String,
    },
    /// The questions answered wrong most often (CSV).
    Questions {
        /// The municipality's kommunkod.
        #[arg(long)]
        kommunkod: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Csv,
    Json,
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                // PostgreSQL's notices ("relation … already exists, skipping" at each
                // start's migration check) are not news.
                .unwrap_or_else(|_| "info,sqlx::postgres::notice=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let matches = Cli::command().get_matches();
    // `--db` has a default; `pack diff` compares with the published pack only when it was
    // given.
    let db_given = matches!(
        matches.value_source("db"),
        Some(ValueSource::CommandLine | ValueSource::EnvVariable)
    );
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match run(cli, db_given).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn kommunkod(text: &str) -> Result<Kommunkod, String> {
    text.parse().map_err(|e| format!("{e}"))
}

fn read_pack(path: &std::path::Path) -> Result<(String, String), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((path.display().to_string(), text))
}

/// The base to resolve `overlay` with: `--base`, else `base.toml` beside the overlay when
/// `beside` (editing the repository's packs), else the base built into this binary.
fn read_base(
    explicit: Option<&std::path::Path>,
    overlay: &std::path::Path,
    beside: bool,
) -> Result<(String, String), String> {
    if let Some(path) = explicit {
        return read_pack(path);
    }
    let next_to = overlay.with_file_name("base.toml");
    if beside && next_to.is_file() {
        return read_pack(&next_to);
    }
    Ok((packs::BASE.0.to_owned(), packs::BASE.1.to_owned()))
}

/// Resolves `file` with a base (as [`read_base`] finds it) into a checked pack.
fn resolve_file(
    file: &std::path::Path,
    base: Option<&std::path::Path>,
) -> Result<vaksam_core::Pack, String> {
    let (name, text) = read_pack(file)?;
    let (base_name, base_text) = read_base(base, file, true)?;
    packs::prepare(
        PackFile {
            name: &base_name,
            text: &base_text,
        },
        PackFile {
            name: &name,
            text: &text,
        },
        system_clock(),
    )
    .map(|p| p.pack)
}

/// The pack commands that need no database (`diff` opens one only when `--db` is given).
async fn run_pack_offline(
    command: &PackCommand,
    db: &str,
    db_given: bool,
) -> Option<Result<(), String>> {
    match command {
        PackCommand::New { kommunkod: code } => Some(
            kommunkod(code)
                .and_then(|k| coordinator::new_overlay(&k))
                .map(|text| print!("{text}")),
        ),
        PackCommand::Explain {
            file,
            kind,
            place,
            base,
        } => Some(resolve_file(file, base.as_deref()).and_then(|pack| {
            let text = match (kind, place) {
                (Some(k), Some(p)) => coordinator::explain_one(&pack, k, p)?,
                _ => coordinator::explain_table(&pack)?,
            };
            print!("{text}");
            Ok(())
        })),
        PackCommand::Diff {
            file,
            from_base,
            base,
        } => Some(pack_diff(file, from_base.as_deref(), base.as_deref(), db, db_given).await),
        _ => None,
    }
}

async fn pack_diff(
    file: &std::path::Path,
    from_base: Option<&std::path::Path>,
    base: Option<&std::path::Path>,
    db: &str,
    db_given: bool,
) -> Result<(), String> {
    let new = resolve_file(file, base)?;
    let old = if let Some(old_base) = from_base {
        resolve_file(file, Some(old_base))?
    } else if db_given {
        let storage = open(db, PoolSize::default().postgres).await?;
        let k = new.municipality.kommunkod.clone();
        current_pack(&storage, &k).await?
    } else {
        let (name, text) = read_pack(file)?;
        packs::prepare(
            packs::shipped_base(),
            PackFile {
                name: &name,
                text: &text,
            },
            system_clock(),
        )?
        .pack
    };
    print!(
        "{}",
        coordinator::render_diff(&vaksam_core::pack::diff::diff(&old, &new))
    );
    Ok(())
}

async fn open(db: &str, pool: u32) -> Result<SqlStorage, String> {
    SqlStorage::open_with(db, PoolSize { postgres: pool })
        .await
        .map_err(|e| format!("opening {}: {e}", redacted(db)))
}

async fn migrate_db(from: &str, to: &str) -> Result<(), String> {
    let source = open(from, 2).await?;
    let target = open(to, 2).await?;
    let done = vaksam_server::storage::migrate::migrate(&source, &target)
        .await
        .map_err(|e| format!("migrate-db: {e}; the target is unchanged"))?;
    for (table, rows, added) in &done.tables {
        println!("{table}: {rows} rows, {added} copied now");
    }
    for (kommunkod, n) in &done.chains {
        println!("signatures {kommunkod}: {n} entries, chain intact");
    }
    println!(
        "verified: {} tables with the same row counts in {} and {}",
        done.tables.len(),
        redacted(from),
        redacted(to)
    );
    Ok(())
}

/// A database URL fit for a message: the password replaced.
fn redacted(db: &str) -> String {
    match url::Url::parse(db) {
        Ok(mut url) if url.password().is_some() => {
            let _ = url.set_password(Some("***"));
            url.to_string()
        }
        _ => db.to_owned(),
    }
}

async fn run(cli: Cli, db_given: bool) -> Result<(), String> {
    if let Command::Pack { command } = &cli.command {
        if let Some(done) = run_pack_offline(command, &cli.db, db_given).await {
            return done;
        }
    }
    if let Command::Pack {
        command:
            PackCommand::Validate {
                files,
                base,
                against,
            },
    } = &cli.command
    {
        // Validation needs no database.
        let document = match against {
            Some(path) => Some(read_pack(path)?),
            None => None,
        };
        let mut failed = Vec::new();
        for path in files {
            let (name, text) = read_pack(path)?;
            let (base_name, base_text) = read_base(base.as_deref(), path, true)?;
            let base = PackFile {
                name: &base_name,
                text: &base_text,
            };
            match packs::prepare(
                base,
                PackFile {
                    name: &name,
                    text: &text,
                },
                system_clock(),
            ) {
                Ok(p) => {
                    println!(
                        "{name}: ok ({} {}, version {})",
                        p.kommunkod, p.pack.municipality.name, p.pack.version
                    );
                    let defaults = p.pack.unconfirmed_defaults();
                    if !defaults.is_empty() {
                        println!(
                            "  {} Vaksam defaults not confirmed by the municipality (employees see them as Vaksam's advice):",
                            defaults.len()
                        );
                        for d in defaults {
                            println!("    {d}");
                        }
                    }
                    if let Some((doc_name, doc)) = &document {
                        let runs = vaksam_core::pack::copying::copied_runs(
                            &p.pack,
                            doc,
                            vaksam_core::pack::copying::DEFAULT_RUN,
                        );
                        if runs.is_empty() {
                            println!(
                                "  own words: no run of 8 or more words shared with {doc_name}"
                            );
                        } else {
                            failed.push(
                                runs.iter()
                                    .map(|r| {
                                        format!(
                                            "{name}: {}: shares {} words with {doc_name}: \"{}\"; write it in your own words",
                                            r.path,
                                            r.words.split(' ').count(),
                                            r.words
                                        )
                                    })
                                    .collect::<Vec<_>>()
                                    .join("\n"),
                            );
                        }
                    }
                }
                Err(e) => failed.push(e),
            }
        }
        return if failed.is_empty() {
            Ok(())
        } else {
            Err(failed.join("\n"))
        };
    }
    if let Command::MigrateDb { from, to } = &cli.command {
        return migrate_db(from, to).await;
    }
    let storage = open(&cli.db, cli.db_pool).await?;
    match cli.command {
        Command::Serve {
            addr,
            static_dir,
            public_url,
            trust_forwarded_for,
            base,
            smtp_url,
            mail_from,
        } => {
            let (base_name, base_text) = match &base {
                Some(path) => read_pack(path)?,
                None => (packs::BASE.0.to_owned(), packs::BASE.1.to_owned()),
            };
            if let Some(dir) = static_dir {
                vaksam_server::assets::serve_from_dir(dir);
            }
            let https = public_url
                .as_deref()
                .is_some_and(|u| u.starts_with("https://"));
            if !addr.ip().is_loopback() && !https {
                tracing::warn!(
                    "listening on {addr} without --public-url https://…: phones reaching Vaksam over plain http cannot work offline (no service worker, Web Locks or persistent storage outside a secure context). Put it behind a TLS proxy and set --public-url; see README, Deployment."
                );
            }
            ignore_file_size_signal();
            // Refuse to start on a database that cannot be written, rather than answer
            // every phone with errors.
            storage
                .probe_write(system_clock())
                .await
                .map_err(|e| format!("the database {} cannot be written: {e}", cli.db))?;
            let listener = tokio::net::TcpListener::bind(addr)
                .await
                .map_err(|e| format!("binding {addr}: {e}"))?;
            if !vaksam_server::assets::app_is_embedded() {
                tracing::warn!("the app is not embedded in this build; only the API is served");
            }
            packs::publish_shipped(
                &storage,
                PackFile {
                    name: &base_name,
                    text: &base_text,
                },
                system_clock(),
            )
            .await?;
            tracing::info!("Vaksam serves on http://{addr} with {}", cli.db);
            let public_origin = public_url
                .as_deref()
                .map(|u| u.trim_end_matches('/').to_owned())
                .or_else(|| {
                    addr.ip()
                        .is_loopback()
                        .then(|| format!("http://localhost:{}", addr.port()))
                });
            match smtp_url {
                Some(smtp_url) => {
                    let config = vaksam_server::notify::MailConfig {
                        smtp_url,
                        from: mail_from,
                        origin: public_origin
                            .clone()
                            .unwrap_or_else(|| "http://localhost".to_owned()),
                    };
                    vaksam_server::notify::spawn(storage.clone(), config.clone(), system_clock)?;
                    // Reminders to late employees and the managers' weekly digest.
                    vaksam_server::reminders::spawn(storage.clone(), config, system_clock)?;
                }
                None => {
                    tracing::info!(
                        "no --smtp-url: the municipality gets no mail about new reports, and no reminders are sent"
                    )
                }
            }
            let deployment = vaksam_server::Deployment {
                https,
                trust_forwarded_for,
                public_origin,
            };
            vaksam_server::serve(storage, listener, deployment)
                .await
                .map_err(|e| e.to_string())
        }
        Command::MigrateDb { .. } => unreachable!("handled before the database is opened"),
        Command::Backup { to } => {
            if to.exists() {
                return Err(format!("{} exists; name a new file", to.display()));
            }
            storage
                .backup(&to)
                .await
                .map_err(|e| format!("backup to {}: {e}", to.display()))?;
            println!("backed up {} to {}", redacted(&cli.db), to.display());
            Ok(())
        }
        Command::Limits {
            kommunkod: code,
            records_per_day,
        } => {
            let k = kommunkod(&code)?;
            if let Some(limit) = records_per_day {
                storage
                    .set_records_per_day(&k, limit)
                    .await
                    .map_err(|e| e.to_string())?;
            }
            let limit = storage
                .records_per_day(&k)
                .await
                .map_err(|e| e.to_string())?;
            println!("{k}: at most {limit} records per device in 24 hours");
            Ok(())
        }
        Command::Enroll {
            kommunkod: code,
            name,
            valid_days,
        } => {
            let k = kommunkod(&code)?;
            let code = enrollment::create_code(
                &storage,
                &k,
                &name,
                system_clock(),
                Duration::days(valid_days),
            )
            .await
            .map_err(|e| e.to_string())?;
            println!("{code}");
            Ok(())
        }
        Command::Revoke { device } => {
            if storage
                .revoke_device(device, system_clock())
                .await
                .map_err(|e| e.to_string())?
            {
                println!("revoked {device}");
                Ok(())
            } else {
                Err(format!("no active device {device}"))
            }
        }
        Command::Pack { command } => match command {
            PackCommand::Validate { .. }
            | PackCommand::New { .. }
            | PackCommand::Explain { .. }
            | PackCommand::Diff { .. } => unreachable!("handled before opening the database"),
            PackCommand::Publish { file, base } => {
                let (name, text) = read_pack(&file)?;
                let (base_name, base_text) = read_base(base.as_deref(), &file, false)?;
                let base = PackFile {
                    name: &base_name,
                    text: &base_text,
                };
                let prepared = packs::prepare(
                    base,
                    PackFile {
                        name: &name,
                        text: &text,
                    },
                    system_clock(),
                )?;
                let what = format!(
                    "{} {} version {}",
                    prepared.kommunkod, prepared.pack.municipality.name, prepared.pack.version
                );
                match packs::publish(&storage, &prepared).await? {
                    Published::New => println!("published {what}"),
                    _ => println!("{what} was already published; nothing changed"),
                }
                Ok(())
            }
        },
        Command::Signatures { command } => match command {
            SignaturesCommand::Verify { kommunkod: code } => {
                let k = kommunkod(&code)?;
                let (entries, head) = storage.signature_log(&k).await.map_err(|e| e.to_string())?;
                match chain::verify(&entries, head.as_ref().map(|(s, h)| (*s, h.as_str()))) {
                    Ok(n) => {
                        println!("{k}: {n} signatures, chain intact");
                        Ok(())
                    }
                    Err(broken) => Err(format!("{k}: the signature log is broken: {broken}")),
                }
            }
            SignaturesCommand::Status { kommunkod: code } => {
                let k = kommunkod(&code)?;
                let pack = current_pack(&storage, &k).await?;
                let signers = storage.signers(&k).await.map_err(|e| e.to_string())?;
                print!("{}", export::signers_csv(&pack, &signers)?);
                Ok(())
            }
        },
        Command::Training { command } => {
            let code = match &command {
                TrainingCommand::Status { kommunkod }
                | TrainingCommand::Questions { kommunkod } => kommunkod,
            };
            let k = kommunkod(code)?;
            let pack = current_pack(&storage, &k).await?;
            let trainees = storage.trainees(&k).await.map_err(|e| e.to_string())?;
            let csv = match command {
                TrainingCommand::Status { .. } => {
                    let named = export::named_packs(&storage, &k, &trainees).await?;
                    export::training_csv(&pack, &named, &trainees, system_clock())?
                }
                TrainingCommand::Questions { .. } => export::questions_csv(&pack, &trainees)?,
            };
            print!("{csv}");
            Ok(())
        }
        Command::Admin {
            command:
                AdminCommand::Invite {
                    kommunkod: code,
                    email,
                    role,
                    name,
                    valid_hours,
                    public_url,
                },
        } => {
            let role = vaksam_core::console::roles::Role::parse(&role).ok_or_else(|| {
                format!("{role:?} is not a role: coordinator, dpo, manager or sysadmin")
            })?;
            let k = code.as_deref().map(kommunkod).transpose()?;
            let name = name.unwrap_or_else(|| email.clone());
            let link = vaksam_server::console::auth::invite(
                &storage,
                &public_url,
                k.as_ref(),
                &email,
                &name,
                role,
                Duration::hours(valid_hours),
                None,
                system_clock(),
            )
            .await?;
            println!("{link}");
            Ok(())
        }
        Command::Oidc { command } => oidc_command(&storage, command).await,
        Command::Incidents {
            command:
                Some(IncidentsCommand::Status {
                    kommunkod: code,
                    case,
                    status,
                }),
            ..
        } => {
            let k = kommunkod(&code)?;
            let case_number: vaksam_core::CaseNumber = case.parse().map_err(|e| format!("{e}"))?;
            let status =
                vaksam_core::protocol::CaseStatus::from_wire(&status).ok_or_else(|| {
                    format!("unknown status {status:?}: received, in_progress or closed")
                })?;
            let found = storage
                .set_case_status(&k, case_number, status, system_clock())
                .await
                .map_err(|e| e.to_string())?;
            if !found {
                return Err(format!("{k} has no case {case_number}"));
            }
            println!("{k} {case_number}: {}", status.as_str());
            Ok(())
        }
        Command::Incidents {
            kommunkod: code,
            format,
            command: None,
        } => {
            let code = code.ok_or("--kommunkod is required")?;
            let entries = storage
                .incident_register(&kommunkod(&code)?)
                .await
                .map_err(|e| e.to_string())?;
            match format {
                Format::Csv => print!("{}", export::to_csv(&entries)),
                Format::Json => println!(
                    "{}",
                    serde_json::to_string_pretty(&entries).map_err(|e| e.to_string())?
                ),
            }
            Ok(())
        }
    }
}

/// `oidc set`, `oidc show`, `oidc remove`.
async fn oidc_command(storage: &SqlStorage, command: OidcCommand) -> Result<(), String> {
    use vaksam_server::console::oidc::redirect_uri;
    use vaksam_server::storage::accounts::{Accounts, NewAudit};
    use vaksam_server::storage::oidc::Oidc;
    let audit = |k: &Kommunkod, action: &str, detail: String| NewAudit {
        kommunkod: Some(k.clone()),
        admin_id: None,
        actor: "vaksam-server oidc".into(),
        action: action.into(),
        target: k.to_string(),
        detail,
    };
    match command {
        OidcCommand::Set {
            kommun,
            issuer,
            client_id,
            client_secret_file,
            domains,
            claim_name,
            claim_email,
            claim_employee_id,
            claim_workplace,
            group_claim,
            group_role,
            scopes,
            public_url,
        } => {
            let client_secret = std::fs::read_to_string(&client_secret_file).map_err(|e| {
                format!(
                    "--client-secret-file: {}: {e}",
                    client_secret_file.display()
                )
            })?;
            let settings = vaksam_server::oidc::settings(&vaksam_server::oidc::SettingsInput {
                kommunkod: kommun,
                issuer,
                client_id,
                client_secret,
                domains,
                extra_scopes: scopes,
                claim_name,
                claim_email,
                claim_employee_id,
                claim_workplace,
                group_claim,
                group_roles: group_role,
            })
            .map_err(|errors| errors.join("\n"))?;
            let k = settings.kommunkod.clone();
            if let Err(e) = vaksam_server::oidc::discover(&settings).await {
                eprintln!("warning: {e}; saved all the same, check --issuer");
            }
            let now = system_clock();
            storage
                .set_oidc_provider(&settings, now)
                .await
                .map_err(|e| e.to_string())?;
            storage
                .audit(audit(&k, "oidc.set", settings.issuer.clone()), now)
                .await
                .map_err(|e| e.to_string())?;
            println!("{k}: sign-in with {} is set", settings.issuer);
            println!(
                "redirect URI to register at the provider: {}",
                redirect_uri(public_url.trim_end_matches('/'))
            );
            Ok(())
        }
        OidcCommand::Show { kommun, public_url } => {
            let all = storage.oidc_providers().await.map_err(|e| e.to_string())?;
            let wanted = kommun.as_deref().map(kommunkod).transpose()?;
            let shown: Vec<_> = all
                .iter()
                .filter(|s| wanted.as_ref().is_none_or(|k| *k == s.kommunkod))
                .collect();
            if let (Some(k), true) = (&wanted, shown.is_empty()) {
                return Err(format!("{k} has no sign-in with its own accounts"));
            }
            if shown.is_empty() {
                println!("no municipality signs in with its own accounts (`oidc set`)");
            }
            for s in shown {
                println!("{}", s.kommunkod);
                println!("  issuer: {}", s.issuer);
                println!("  client id: {}", s.client_id);
                println!("  client secret: stored, not shown");
                println!("  e-mail domains: {}", s.email_domains.join(", "));
                if !s.extra_scopes.is_empty() {
                    println!("  extra scopes: {}", s.extra_scopes.join(" "));
                }
                println!(
                    "  claims: name={} email={} employee id={} workplace={}",
                    s.claims.name,
                    s.claims.email,
                    s.claims.employee_id.as_deref().unwrap_or("-"),
                    s.claims.workplace.as_deref().unwrap_or("-"),
                );
                match &s.group_claim {
                    Some(claim) => {
                        println!("  groups from claim {claim}:");
                        for (group, role) in &s.group_roles {
                            println!("    {group} = {}", role.as_str());
                        }
                    }
                    None => println!("  console: admins matched by e-mail"),
                }
                println!(
                    "  redirect URI: {}",
                    redirect_uri(public_url.trim_end_matches('/'))
                );
            }
            Ok(())
        }
        OidcCommand::Remove { kommun } => {
            let k = kommunkod(&kommun)?;
            let now = system_clock();
            if !storage
                .remove_oidc_provider(&k, now)
                .await
                .map_err(|e| e.to_string())?
            {
                return Err(format!("{k} has no sign-in with its own accounts"));
            }
            storage
                .audit(audit(&k, "oidc.remove", String::new()), now)
                .await
                .map_err(|e| e.to_string())?;
            println!("{k}: sign-in with the municipality's accounts removed");
            Ok(())
        }
    }
}

/// The municipality's current pack, or why there is none.
async fn current_pack<S: Storage>(storage: &S, k: &Kommunkod) -> Result<vaksam_core::Pack, String> {
    let current = storage
        .current_pack(k)
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no pack is published for {k}"))?;
    serde_json::from_str(&current.body).map_err(|e| e.to_string())
}

/// A file-size limit (`ulimit -f`) must make writes fail with an error the server answers
/// 503 to, not kill the process with SIGXFSZ.
fn ignore_file_size_signal() {
    #[cfg(unix)]
    {
        // Registering a handler replaces the default action (terminate) for this signal.
        let xfsz = tokio::signal::unix::SignalKind::from_raw(libc::SIGXFSZ);
        if let Ok(mut signal) = tokio::signal::unix::signal(xfsz) {
            tokio::spawn(async move {
                while signal.recv().await.is_some() {
                    tracing::error!("a write went past the file-size limit");
                }
            });
        }
    }
}
