//! A person's browser over HTTP (cookies kept, redirects not followed) and the demo's guide,
//! for the integration tests that sign people in.

use super::TestServer;
use reqwest::{header, StatusCode};

pub const PASSWORD: &str = "hoa ban trắng nở trên núi";
pub const PICTURES: [&str; 9] = [
    "sun", "moon", "star", "tree", "flower", "fish", "cat", "dog", "house",
];

/// The demo, and what its guide printed.
pub struct Demo {
    pub server: TestServer,
    /// Class code and (name, secret as printed) of each class, in order (2A, 7A).
    pub classes: Vec<(String, Vec<(String, String)>)>,
    pub new_family_code: String,
}

pub fn after<'a>(line: &'a str, marker: &str) -> Option<&'a str> {
    line.find(marker).map(|i| &line[i + marker.len()..])
}

pub fn demo() -> Demo {
    let server = TestServer::start_with(&["--demo"]);
    let mut classes: Vec<(String, Vec<(String, String)>)> = Vec::new();
    let mut new_family_code = String::new();
    for line in &server.printed {
        if let Some(rest) = after(line, "class code ") {
            let code = rest.split(',').next().unwrap().trim().to_owned();
            classes.push((code, Vec::new()));
        } else if let Some(rest) = after(line, "with the family code ") {
            new_family_code = rest.trim_end_matches('.').trim().to_owned();
        } else if line.starts_with("    ") && !classes.is_empty() && !line.contains(".demo") {
            let (name, secret) = line.trim().rsplit_once(' ').unwrap();
            classes
                .last_mut()
                .unwrap()
                .1
                .push((name.trim().to_owned(), secret.to_owned()));
        }
    }
    assert_eq!(
        classes.len(),
        2,
        "the guide lists two classes: {:?}",
        server.printed
    );
    assert!(!new_family_code.is_empty(), "{:?}", server.printed);
    Demo {
        server,
        classes,
        new_family_code,
    }
}

/// One person's browser: keeps cookies, follows no redirects.
pub struct Browser {
    pub client: reqwest::Client,
    pub base: String,
}

pub struct Reply {
    pub status: StatusCode,
    pub location: String,
    pub cookies: Vec<String>,
    pub body: String,
}

impl Browser {
    pub fn new(server: &TestServer) -> Browser {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Browser {
            client,
            base: server.base.clone(),
        }
    }

    pub async fn reply(response: reqwest::Response) -> Reply {
        let status = response.status();
        let location = response
            .headers()
            .get(header::LOCATION)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        let cookies = response
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .collect();
        Reply {
            status,
            location,
            cookies,
            body: response.text().await.unwrap(),
        }
    }

    pub async fn get(&self, path: &str) -> Reply {
        Self::reply(
            self.client
                .get(format!("{}{path}", self.base))
                .send()
                .await
                .unwrap(),
        )
        .await
    }

    /// A file: the status, its content type and its bytes.
    pub async fn get_bytes(&self, path: &str) -> (StatusCode, String, Vec<u8>) {
        let response = self
            .client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap();
        let content_type = response
            .headers()
            .get(header::CONTENT_TYPE)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        (
            response.status(),
            content_type,
            response.bytes().await.unwrap().to_vec(),
        )
    }

    /// The CSRF token the pages give this browser.
    pub async fn csrf(&self) -> String {
        let page = self.get("/sign-in").await.body;
        match csrf_in(&page) {
            Some(token) => token,
            // Someone who must change their password first sees only that page.
            None => csrf_in(&self.get("/account/password").await.body)
                .expect("a CSRF field on the sign-in or password page"),
        }
    }

    /// Posts a form with this browser's CSRF token.
    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> Reply {
        let csrf = self.csrf().await;
        let mut fields: Vec<(&str, &str)> = vec![("csrf", &csrf)];
        fields.extend_from_slice(form);
        self.post_raw(path, &fields).await
    }

    pub async fn post_raw(&self, path: &str, form: &[(&str, &str)]) -> Reply {
        self.post_body(path, serde_urlencoded(form).into_bytes())
            .await
    }

    /// Posts `body` as a form exactly as given (no encoding, no token added).
    pub async fn post_body(&self, path: &str, body: Vec<u8>) -> Reply {
        Self::reply(
            self.client
                .post(format!("{}{path}", self.base))
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(body)
                .send()
                .await
                .unwrap(),
        )
        .await
    }

    /// Signs the demo's parent (phone 0912000001) in.
    pub async fn sign_in_parent(&self) -> Reply {
        self.post(
            "/sign-in",
            &[
                ("kind", "parent"),
                ("phone", "0912000001"),
                ("password", PASSWORD),
            ],
        )
        .await
    }

    pub async fn sign_in_staff(&self, username: &str) -> Reply {
        self.sign_in_staff_with(username, PASSWORD).await
    }

    /// A member of staff's sign-in with this password.
    pub async fn sign_in_staff_with(&self, username: &str, password: &str) -> Reply {
        self.post(
            "/sign-in",
            &[
                ("kind", "staff"),
                ("username", username),
                ("password", password),
            ],
        )
        .await
    }
}

pub fn serde_urlencoded(form: &[(&str, &str)]) -> String {
    form.iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub fn csrf_in(page: &str) -> Option<String> {
    let start = page.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    Some(page[start..start + 64].to_owned())
}

/// The student ids on a class's name list, by name.
pub async fn student_ids(browser: &Browser, code: &str) -> Vec<(String, String)> {
    let page = browser
        .get(&format!("/sign-in/class?code={code}"))
        .await
        .body;
    let marker = format!("href=\"/sign-in/class/{code}/");
    page.match_indices(&marker)
        .map(|(i, _)| {
            let rest = &page[i + marker.len()..];
            let id = rest[..rest.find('"').unwrap()].to_owned();
            let name_start = rest.find('>').unwrap() + 1;
            let name =
                rest[name_start..name_start + rest[name_start..].find('<').unwrap()].to_owned();
            (name, id)
        })
        .collect()
}

/// The id of the student with this name in the class.
pub async fn student_id(browser: &Browser, code: &str, name: &str) -> String {
    let ids = student_ids(browser, code).await;
    ids.into_iter()
        .find(|(n, _)| n == name)
        .expect("the name is on the list")
        .1
}

/// The form fields for a secret as the guide prints it (`cat+house` or `0427`).
pub fn secret_fields(secret: &str) -> Vec<(&'static str, String)> {
    match secret.split_once('+') {
        Some((a, b)) => [a, b]
            .iter()
            .map(|p| {
                (
                    "picture",
                    PICTURES.iter().position(|x| x == p).unwrap().to_string(),
                )
            })
            .collect(),
        None => vec![("pin", secret.to_owned())],
    }
}

pub fn wrong_fields(secret: &str) -> Vec<(&'static str, String)> {
    match secret.split_once('+') {
        Some(_) => {
            // Two pictures that are not the pair.
            let right: Vec<usize> = secret
                .split('+')
                .map(|p| PICTURES.iter().position(|x| *x == p).unwrap())
                .collect();
            let wrong: Vec<usize> = (0..9).filter(|i| !right.contains(i)).take(2).collect();
            wrong.iter().map(|i| ("picture", i.to_string())).collect()
        }
        None => vec![(
            "pin",
            if secret == "0000" { "1111" } else { "0000" }.to_owned(),
        )],
    }
}

pub async fn student_sign_in(
    browser: &Browser,
    code: &str,
    id: &str,
    fields: &[(&'static str, String)],
) -> Reply {
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    browser
        .post(&format!("/sign-in/class/{code}/{id}"), &fields)
        .await
}

pub fn session_cookie(reply: &Reply) -> Option<&String> {
    reply.cookies.iter().find(|c| c.starts_with("ss_session="))
}

/// A multipart form with the CSRF field and one file field, as a browser sends it.
pub fn multipart(csrf: &str, file: &str) -> (String, Vec<u8>) {
    let boundary = "----safesteps-test-boundary";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roster.csv\"\r\n\
         Content-Type: text/csv\r\n\r\n{file}\r\n--{boundary}--\r\n"
    );
    (
        format!("multipart/form-data; boundary={boundary}"),
        body.into_bytes(),
    )
}

/// Uploads a roster file through the `/roster` page's form.
pub async fn upload(browser: &Browser, file: &str) -> Reply {
    upload_to(browser, "/roster", file).await
}

/// Uploads a file through the form of the page at `path` (which posts to the same path).
pub async fn upload_to(browser: &Browser, path: &str, file: &str) -> Reply {
    let page = browser.get(path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains(&format!("action=\"{path}\"")),
        "the upload form posts to {path}, with no token in the address"
    );
    let csrf = csrf_in(&page.body).expect("a CSRF field in the upload form");
    let (content_type, body) = multipart(&csrf, file);
    Browser::reply(
        browser
            .client
            .post(format!("{}{path}", browser.base))
            .header(header::CONTENT_TYPE, content_type)
            .body(body)
            .send()
            .await
            .unwrap(),
    )
    .await
}

/// The value of the form field `name` on a page.
pub fn field(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page
        .find(&marker)
        .unwrap_or_else(|| panic!("no {name} field"))
        + marker.len();
    page[start..start + page[start..].find('"').unwrap()].to_owned()
}

/// The questions a quiz page asks, in the order shown, each with its option ids in the order
/// shown (from the form's `q-…` inputs).
pub fn shown_questions(page: &str) -> Vec<(String, Vec<String>)> {
    let mut shown: Vec<(String, Vec<String>)> = Vec::new();
    for input in page.split("<input").skip(1) {
        let attribute = |name: &str| {
            let marker = format!("{name}=\"");
            let start = input.find(&marker)? + marker.len();
            Some(input[start..start + input[start..].find('"')?].to_owned())
        };
        let (Some(name), Some(value)) = (attribute("name"), attribute("value")) else {
            continue;
        };
        let Some(question) = name.strip_prefix("q-") else {
            continue;
        };
        match shown.last_mut() {
            Some((last, options)) if last == question => options.push(value),
            _ => shown.push((question.to_owned(), vec![value])),
        }
    }
    shown
}

/// The answers to the questions a quiz page shows: right from the module's key, except the
/// first `wrong` questions, answered with one wrong option.
pub fn answers_for(page: &str, module: &str, wrong: usize) -> Vec<(String, String)> {
    let (_, key) = key_of(module);
    let mut form = Vec::new();
    for (n, (question, options)) in shown_questions(page).into_iter().enumerate() {
        let right = &key.iter().find(|(q, _)| *q == question).unwrap().1;
        let chosen: Vec<String> = match n < wrong {
            true => vec![options.into_iter().find(|o| !right.contains(o)).unwrap()],
            false => right.clone(),
        };
        for option in chosen {
            form.push((format!("q-{question}"), option));
        }
    }
    form
}

/// A module's lessons and its answer key, read from its `module.toml`.
pub fn key_of(module: &str) -> (Vec<String>, Vec<(String, Vec<String>)>) {
    let text = std::fs::read_to_string(
        super::repo_root().join(format!("content/modules/{module}/module.toml")),
    )
    .unwrap();
    let list = |line: &str| -> Vec<String> {
        line.split_once('[')
            .unwrap()
            .1
            .trim_end_matches(']')
            .split(',')
            .map(|s| s.trim().trim_matches('"').to_owned())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let (mut lessons, mut quiz) = (Vec::new(), Vec::new());
    let (mut in_quiz, mut top) = (false, true);
    let mut current = String::new();
    for line in text.lines().map(str::trim) {
        if line == "[[quiz]]" {
            (in_quiz, top) = (true, false);
        } else if line.starts_with('[') {
            (in_quiz, top) = (false, false);
        } else if top && line.starts_with("lessons =") {
            lessons = list(line);
        } else if in_quiz && line.starts_with("id =") {
            current = line.split('"').nth(1).unwrap().to_owned();
        } else if in_quiz && line.starts_with("answer =") {
            quiz.push((current.clone(), list(line)));
        }
    }
    (lessons, quiz)
}

/// `06/12/2026` (as Vietnamese readers write a day) somewhere in `text`.
pub fn has_vietnamese_date(text: &str) -> bool {
    text.as_bytes().windows(10).any(|w| {
        w.iter().enumerate().all(|(i, b)| match i {
            2 | 5 => *b == b'/',
            _ => b.is_ascii_digit(),
        })
    })
}

/// `2026-12-06` (the ISO form English pages use) somewhere in `text`'s words (not as an
/// attribute's value, `datetime="…"`).
pub fn has_iso_date(text: &str) -> bool {
    text.as_bytes().windows(11).any(|w| {
        !matches!(w[0], b'"' | b'-' | b'0'..=b'9')
            && w[1..].iter().enumerate().all(|(i, b)| match i {
                4 | 7 => *b == b'-',
                _ => b.is_ascii_digit(),
            })
    })
}
