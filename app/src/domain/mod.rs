//! The domain: types and rules with no I/O.

pub mod access;
pub mod assignment;
pub mod client;
pub mod content;
pub mod counts;
pub mod coverage;
#[cfg(any(feature = "ssr", feature = "parsers"))]
pub mod dates;
pub mod draw;
pub mod grading;
pub mod insight;
pub mod items;
pub mod learner;
#[cfg(any(feature = "ssr", feature = "parsers"))]
pub mod names;
pub mod org;
#[cfg(feature = "ssr")]
pub mod password;
pub mod person;
pub mod privacy;
pub mod roster;
pub mod secret;
pub mod session;
pub mod share;
pub mod staff;
#[cfg(any(feature = "ssr", feature = "parsers"))]
pub mod target;
pub mod throttle;
