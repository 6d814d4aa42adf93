//! The console's cases: the trait and its SQLite implementation.

use super::sqlite::SqliteStorage;

/// The console's cases storage.
pub trait Cases: Clone + Send + Sync + 'static {}

impl Cases for SqliteStorage {}
