//! What several screens show: small components with typed props, and the helpers forms
//! share. Pages import from here, never from each other.

pub mod app_bar;
pub mod banners;
pub mod form;
pub mod icon;
pub mod install;
pub mod language;
pub mod pack;
pub mod refusal;
pub mod report;
pub mod sector;
pub mod source;
pub mod sync_status;
pub mod todo;

pub use app_bar::AppBar;
pub use banners::{DbBlocked, NoStorage, OutdatedBanner, UpdateBanner};
pub use form::{
    autosave, focus_later, use_persisted_draft, use_persisted_draft_or, DraftNotSaved, FieldErrors,
    PersistedDraft,
};
pub use icon::{Icon, IconSvg};
pub use install::InstallCard;
pub use language::LanguagePicker;
pub use pack::NoPackYet;
pub use refusal::RefusalList;
pub use sector::SectorChoice;
pub use source::{Origin, PageSources};
pub use sync_status::SyncStatusLine;
pub use todo::{SignStatusLine, TodoCard, TrainingStatusLine};
