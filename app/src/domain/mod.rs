//! The domain: types and rules with no I/O. Depends on serde only.

pub mod content;
pub mod org;
pub mod target;
