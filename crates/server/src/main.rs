//! `vaksam-server`: serve the app and API, or run an admin command against the database.

use clap::{Parser, Subcommand, ValueEnum};
use std::net::SocketAddr;
use std::process::ExitCode;
use time::Duration;
use uuid::Uuid;
use vaksam_core::Kommunkod;
use vaksam_server::storage::sqlite::SqliteStorage;
use vaksam_server::storage::Storage;
use vaksam_server::{enrollment, export, system_clock};

#[derive(Parser)]
#[command(
    name = "vaksam-server",
    version,
    about = "Vaksam's sync server and admin tool"
)]
struct Cli {
    /// Database URL. SQLite is embedded: `sqlite://path/to/file.db`.
    #[arg(
        long,
        env = "VAKSAM_DB",
        default_value = "sqlite://vaksam.db",
        global = true
    )]
    db: String,
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
    },
    /// Create a one-time enrollment code for an employee and print it.
    Enroll {
        /// The municipality's kommunkod, e.g. 0428.
        #[arg(long)]
        kommunkod: String,
        /// The employee's name, as the app will prefill it.
        #[arg(long)]
        name: String,
        /// Days the code stays valid.
        #[arg(long, default_value_t = 14)]
        valid_days: i64,
    },
    /// Revoke a device: its token stops working at once.
    Revoke {
        /// The device id (shown to the app at enrollment and in logs).
        #[arg(long)]
        device: Uuid,
    },
    /// List or export a municipality's incident register.
    Incidents {
        /// The municipality's kommunkod.
        #[arg(long)]
        kommunkod: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Csv)]
        format: Format,
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
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    match run(cli).await {
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

async fn run(cli: Cli) -> Result<(), String> {
    if !cli.db.starts_with("sqlite:") {
        return Err(format!(
            "unsupported database URL {:?}: this build stores data in SQLite (sqlite://path/to/file.db); PostgreSQL is planned behind the same Storage trait",
            cli.db
        ));
    }
    let storage = SqliteStorage::open(&cli.db)
        .await
        .map_err(|e| format!("opening {}: {e}", cli.db))?;
    match cli.command {
        Command::Serve { addr, static_dir } => {
            if let Some(dir) = static_dir {
                vaksam_server::assets::serve_from_dir(dir);
            }
            let listener = tokio::net::TcpListener::bind(addr)
                .await
                .map_err(|e| format!("binding {addr}: {e}"))?;
            if !vaksam_server::assets::app_is_embedded() {
                tracing::warn!("the app is not embedded in this build; only the API is served");
            }
            tracing::info!("Vaksam serves on http://{addr} with {}", cli.db);
            vaksam_server::serve(storage, listener)
                .await
                .map_err(|e| e.to_string())
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
        Command::Incidents {
            kommunkod: code,
            format,
        } => {
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
