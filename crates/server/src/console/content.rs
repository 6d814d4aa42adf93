//! The console's content pages.

use super::ConsoleState;
use crate::storage::Storage;
use axum::Router;

/// The routes of this part, merged into the console's router.
pub fn routes<S: Storage>() -> Router<ConsoleState<S>> {
    Router::new()
}
