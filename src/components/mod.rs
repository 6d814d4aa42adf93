//! What several screens show: small components with typed props, and the helpers forms
//! share. Pages import from here, never from each other.

pub mod banners;
pub mod form;
pub mod language;
pub mod pack;
pub mod refusal;
pub mod sector;
pub mod source;
pub mod sync_status;
pub mod todo;

pub use banners::{DbBlocked, NoStorage, OutdatedBanner, UpdateBanner};
pub use form::{autosave, focus_later, DraftNotSaved, FieldErrors};
pub use language::LanguagePicker;
pub use pack::NoPackYet;
pub use refusal::RefusalList;
pub use sector::SectorChoice;
pub use source::{Origin, PageSources};
pub use sync_status::SyncStatusLine;
pub use todo::{SignStatusLine, TrainingStatusLine};
