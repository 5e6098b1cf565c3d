//! SafeSteps (Bước An Toàn): child-safety training for students, parents and staff.
//!
//! This crate is compiled twice: with `ssr` for the server and with `hydrate` for the
//! browser (only its islands). See `docs/architecture.md` for where each part lives.

#[cfg(feature = "ssr")]
pub mod accounts;
#[cfg(any(feature = "ssr", feature = "hydrate"))]
pub mod api;
#[cfg(feature = "ssr")]
pub mod assignments;
#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(any(feature = "ssr", feature = "parsers"))]
pub mod catalog;
#[cfg(feature = "ssr")]
pub mod coverage;
#[cfg(feature = "ssr")]
pub mod demo;
pub mod domain;
#[cfg(feature = "ssr")]
pub mod export;
pub mod i18n;
#[cfg(feature = "ssr")]
pub mod import;
#[cfg(feature = "ssr")]
pub mod learning;
#[cfg(any(feature = "ssr", feature = "parsers"))]
pub mod sheets;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod synthetic;
#[cfg(any(feature = "ssr", feature = "hydrate"))]
pub mod ui;

/// How far a long command is, for a progress bar: called with (what, done, of) as work goes.
#[cfg(feature = "ssr")]
pub type Steps<'a> = &'a mut (dyn FnMut(&'static str, u64, u64) + Send);

#[cfg(feature = "ssr")]
pub use ui::shell;
#[cfg(any(feature = "ssr", feature = "hydrate"))]
pub use ui::App;
