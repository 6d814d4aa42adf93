//! Small line icons (24×24, drawn with `currentColor`), always beside a text label or with an
//! accessible name on their control: they speed up scanning, they never carry meaning alone.

use leptos::prelude::*;

/// Which icon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    /// Something happened: the report.
    Alert,
    /// Where may I store this?
    Search,
    /// The policy.
    Book,
    /// Training.
    Award,
    /// My reports.
    FileText,
    /// Settings.
    Sliders,
    /// A row leads on.
    Chevron,
    /// Install.
    Download,
    /// Waiting calmly (offline).
    Clock,
    /// Share (iOS Safari's share button).
    Share,
    /// Done.
    Check,
}

/// An icon, hidden from assistive technology.
#[component]
pub fn IconSvg(icon: Icon) -> impl IntoView {
    let body = match icon {
        Icon::Alert => view! {
            <path d="M10.29 3.86 1.82 18a2 2 0 0 0 1.71 3h16.94a2 2 0 0 0 1.71-3L13.71 3.86a2 2 0 0 0-3.42 0z"/>
            <line x1="12" y1="9" x2="12" y2="13"/>
            <line x1="12" y1="17" x2="12.01" y2="17"/>
        }
        .into_any(),
        Icon::Search => view! {
            <circle cx="11" cy="11" r="8"/>
            <line x1="21" y1="21" x2="16.65" y2="16.65"/>
        }
        .into_any(),
        Icon::Book => view! {
            <path d="M2 3h6a4 4 0 0 1 4 4v14a3 3 0 0 0-3-3H2z"/>
            <path d="M22 3h-6a4 4 0 0 0-4 4v14a3 3 0 0 1 3-3h7z"/>
        }
        .into_any(),
        Icon::Award => view! {
            <circle cx="12" cy="8" r="7"/>
            <polyline points="8.21 13.89 7 23 12 20 17 23 15.79 13.88"/>
        }
        .into_any(),
        Icon::FileText => view! {
            <path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z"/>
            <polyline points="14 2 14 8 20 8"/>
            <line x1="16" y1="13" x2="8" y2="13"/>
            <line x1="16" y1="17" x2="8" y2="17"/>
        }
        .into_any(),
        Icon::Sliders => view! {
            <line x1="4" y1="21" x2="4" y2="14"/>
            <line x1="4" y1="10" x2="4" y2="3"/>
            <line x1="12" y1="21" x2="12" y2="12"/>
            <line x1="12" y1="8" x2="12" y2="3"/>
            <line x1="20" y1="21" x2="20" y2="16"/>
            <line x1="20" y1="12" x2="20" y2="3"/>
            <line x1="1" y1="14" x2="7" y2="14"/>
            <line x1="9" y1="8" x2="15" y2="8"/>
            <line x1="17" y1="16" x2="23" y2="16"/>
        }
        .into_any(),
        Icon::Chevron => view! { <polyline points="9 18 15 12 9 6"/> }.into_any(),
        Icon::Download => view! {
            <path d="M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4"/>
            <polyline points="7 10 12 15 17 10"/>
            <line x1="12" y1="15" x2="12" y2="3"/>
        }
        .into_any(),
        Icon::Clock => view! {
            <circle cx="12" cy="12" r="10"/>
            <polyline points="12 6 12 12 16 14"/>
        }
        .into_any(),
        Icon::Share => view! {
            <path d="M4 12v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8"/>
            <polyline points="16 6 12 2 8 6"/>
            <line x1="12" y1="2" x2="12" y2="15"/>
        }
        .into_any(),
        Icon::Check => view! { <polyline points="20 6 9 17 4 12"/> }.into_any(),
    };
    // A chevron points the way reading goes: mirrored in right-to-left languages (app.css).
    let class = if matches!(icon, Icon::Chevron) {
        "icon mirror"
    } else {
        "icon"
    };
    view! {
        <svg
            class=class
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linecap="round"
            stroke-linejoin="round"
            aria-hidden="true"
            focusable="false"
        >
            {body}
        </svg>
    }
}
