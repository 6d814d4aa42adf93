//! The console's mail: the trait and its SQLite implementation.

use super::sqlite::SqliteStorage;

/// The console's mail storage.
pub trait Mail: Clone + Send + Sync + 'static {}

impl Mail for SqliteStorage {}
