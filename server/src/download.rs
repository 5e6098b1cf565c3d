//! Tables as a file to download (CSV or XLSX, from `safesteps_app::export`), each download
//! audited: exports name people (untrained staff, a class's students).

use crate::extract::Signed;
use crate::guard::failure;
use crate::state::AppState;
use axum::{
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use safesteps_app::export::{self, Table};
use safesteps_app::store::sessions::{audit, Event};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }
}

/// What is downloaded, for the file and the audit log.
pub struct Download<'a> {
    /// The file name without its extension (ASCII: see `file_safe`).
    pub name: String,
    /// `header` is the CSV's first line (the XLSX has a sheet per table only).
    pub header: &'a [String],
    pub tables: &'a [Table],
    /// The audit log's action and what it was about.
    pub action: &'static str,
    pub detail: String,
}

/// The file as an attachment that no cache keeps, after its audit row.
pub async fn send(
    state: &AppState,
    signed: &Signed,
    download: Download<'_>,
    format: Format,
) -> Response {
    let lang = signed.lang;
    let (bytes, content_type) = match format {
        Format::Csv => (
            export::csv(download.header, download.tables, lang),
            "text/csv; charset=utf-8",
        ),
        Format::Xlsx => match export::xlsx(download.tables, lang) {
            Ok(bytes) => (
                bytes,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
            Err(error) => {
                tracing::error!(%error, "cannot write an XLSX file");
                return failure(lang, StatusCode::INTERNAL_SERVER_ERROR);
            }
        },
    };
    let file = format!("{}.{}", download.name, format.extension());
    let detail = format!("{file} {}", download.detail);
    let event = Event {
        action: download.action,
        actor: Some(signed.viewer.person_id),
        subject: None,
        client: None,
        detail: &detail,
    };
    if let Err(error) = audit(&state.db, &event, safesteps_app::auth::now()).await {
        tracing::error!(%error, "cannot audit a download");
        return failure(lang, StatusCode::INTERNAL_SERVER_ERROR);
    }
    let disposition = format!("attachment; filename=\"{file}\"");
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Codes and names in a file name: ASCII letters, digits and `-`; anything else becomes `_`.
pub fn file_safe(code: &str) -> String {
    code.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}
