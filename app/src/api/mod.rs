//! Server functions: thin — authorize, call the catalogue/domain/store, return view data.

pub mod accounts;
pub mod assignments;
pub mod catalog;
pub mod coverage;
pub mod learning;
pub mod people;
pub mod privacy;
