//! Extractors shared by the form handlers.

use crate::guard::{failure, request_lang};
use axum::{
    extract::FromRequestParts,
    http::{request::Parts, StatusCode},
    response::Response,
};
use safesteps_app::domain::client::ClientIp;
use safesteps_app::domain::person::Viewer;
use safesteps_app::i18n::Lang;

/// Who is signed in (put there by `guard::session_and_csrf`) and their language; a request
/// without a session is answered 401 in that language.
pub struct Signed {
    pub viewer: Viewer,
    pub lang: Lang,
}

impl<S: Send + Sync> FromRequestParts<S> for Signed {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let lang = request_lang(&parts.headers);
        match parts.extensions.get::<Viewer>() {
            Some(viewer) => Ok(Signed {
                viewer: viewer.clone(),
                lang,
            }),
            None => Err(failure(lang, StatusCode::UNAUTHORIZED)),
        }
    }
}

/// The client's address as throttling and the audit log see it: the `ClientIp` that
/// `guard::client_address` worked out (the proxy's `X-Forwarded-For` when it is trusted).
pub struct Client(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Client {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let ip = parts.extensions.get::<ClientIp>().map(|c| c.0).or_else(|| {
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|c| c.0.ip())
        });
        Ok(Client(ip.map(|ip| ip.to_string()).unwrap_or_default()))
    }
}
