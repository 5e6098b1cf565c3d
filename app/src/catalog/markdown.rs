//! Lesson Markdown: checked, then rendered to HTML that never carries raw HTML through.
//!
//! A lesson starts with `# Title`. It may use headings, lists, tables, emphasis, links
//! (http, https, mailto, tel or relative), images from the module's `images/` folder with
//! alt text, and call-outs: `> [!IMPORTANT]` ("remember") and `> [!TIP]` ("try this").

use super::problem::{line_of, Problems};
use pulldown_cmark::{BlockQuoteKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;
use std::path::Path;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderedLesson {
    pub title: String,
    pub html: String,
}

/// What the renderer needs from outside: image sizes and the call-out labels.
pub struct RenderContext<'a> {
    /// URL prefix for the module's images, e.g. `/content/my-module/images/`.
    pub image_url_prefix: &'a str,
    /// Width and height of `images/<file>`, or `None` when there is no such image.
    pub image_size: &'a dyn Fn(&str) -> Option<(u32, u32)>,
    pub label_remember: &'a str,
    pub label_try_this: &'a str,
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_GFM | Options::ENABLE_STRIKETHROUGH
}

/// Checks the lesson (adding problems with their lines) and renders it. Returns `None`
/// when the lesson has no title; a lesson with other problems still renders (safely).
pub fn render(
    path: &Path,
    text: &str,
    cx: &RenderContext,
    problems: &mut Problems,
) -> Option<RenderedLesson> {
    let mut events = Parser::new_ext(text, options())
        .into_offset_iter()
        .peekable();
    let mut out: Vec<Event> = Vec::new();
    let mut title = None;
    let mut slugs = HashSet::new();
    let mut callouts: Vec<bool> = Vec::new();
    let mut skipped_links = 0usize;
    let mut has_body = false;
    // The open section heading: where its start is in `out`, and its plain text so far.
    let mut heading: Option<(usize, String)> = None;

    // The title: the first block must be a level-1 heading.
    if let Some((
        Event::Start(Tag::Heading {
            level: HeadingLevel::H1,
            ..
        }),
        _,
    )) = events.peek()
    {
        events.next();
        let mut t = String::new();
        for (event, _) in events.by_ref() {
            match event {
                Event::End(TagEnd::Heading(_)) => break,
                Event::Text(s) | Event::Code(s) => t.push_str(&s),
                _ => {}
            }
        }
        title = Some(t.trim().to_owned()).filter(|t| !t.is_empty());
    }
    if title.is_none() {
        problems.error(
            path,
            1,
            "a lesson starts with its title as a level-1 heading: `# Title`",
        );
    }

    while let Some((event, range)) = events.next() {
        let line = line_of(text, range.start);
        match event {
            Event::Html(html) | Event::InlineHtml(html) => {
                problems.error(
                    path,
                    line,
                    format!("raw HTML is not allowed in lessons: {}", html.trim()),
                );
                out.push(Event::Text(html));
                has_body = true;
            }
            Event::Start(Tag::Heading { level, .. }) => {
                if level == HeadingLevel::H1 {
                    problems.error(
                        path,
                        line,
                        "only the title is a level-1 heading: use ## for sections",
                    );
                }
                // The heading's content goes through this same loop (links and images
                // are checked there too); its anchor is set when the heading ends.
                heading = Some((out.len(), String::new()));
                out.push(Event::Start(Tag::Heading {
                    level,
                    id: None,
                    classes: vec![],
                    attrs: vec![],
                }));
                has_body = true;
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some((at, plain)) = heading.take() {
                    let anchor = unique_slug(&plain, &mut slugs);
                    if let Some(Event::Start(Tag::Heading { id, .. })) = out.get_mut(at) {
                        *id = Some(anchor.into());
                    }
                }
                out.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                let mut alt = String::new();
                for (event, _) in events.by_ref() {
                    match event {
                        Event::End(TagEnd::Image) => break,
                        Event::Text(s) | Event::Code(s) => alt.push_str(&s),
                        _ => {}
                    }
                }
                if let Some(img) = image(path, line, &dest_url, alt.trim(), cx, problems) {
                    out.push(Event::Html(img.into()));
                }
                has_body = true;
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                if safe_link(&dest_url) {
                    out.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                } else {
                    problems.error(
                        path,
                        line,
                        format!("link to {:?}: only http, https, mailto, tel and relative links are allowed", dest_url.as_ref()),
                    );
                    skipped_links += 1;
                }
            }
            Event::End(TagEnd::Link) if skipped_links > 0 => skipped_links -= 1,
            Event::Start(Tag::BlockQuote(kind)) => {
                let label = match kind {
                    Some(BlockQuoteKind::Important) | Some(BlockQuoteKind::Note) => {
                        Some(("remember", cx.label_remember))
                    }
                    Some(BlockQuoteKind::Tip) => Some(("try-this", cx.label_try_this)),
                    Some(BlockQuoteKind::Warning) | Some(BlockQuoteKind::Caution) => {
                        problems.error(
                            path,
                            line,
                            "call-outs are [!IMPORTANT] (remember) or [!TIP] (try this)",
                        );
                        None
                    }
                    None => None,
                };
                match label {
                    Some((class, label)) => {
                        out.push(Event::Html(
                            format!(
                                "<aside class=\"callout callout-{class}\"><p class=\"callout-label\">{}</p>\n",
                                escape(label)
                            )
                            .into(),
                        ));
                        callouts.push(true);
                    }
                    None => {
                        out.push(Event::Start(Tag::BlockQuote(None)));
                        callouts.push(false);
                    }
                }
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                if callouts.pop() == Some(true) {
                    out.push(Event::Html("</aside>\n".into()));
                } else {
                    out.push(Event::End(TagEnd::BlockQuote(None)));
                }
            }
            other => {
                if let Event::Text(s) | Event::Code(s) = &other {
                    has_body = true;
                    if let Some((_, plain)) = &mut heading {
                        plain.push_str(s);
                    }
                }
                out.push(other);
            }
        }
    }
    if title.is_some() && !has_body {
        problems.error(
            path,
            1,
            "the lesson is empty: it has a title and nothing else",
        );
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    title.map(|title| RenderedLesson { title, html })
}

fn safe_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    match lower.split_once(':') {
        // A colon before any slash, ? or # is a scheme.
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            matches!(scheme, "http" | "https" | "mailto" | "tel")
        }
        _ => true,
    }
}

fn image(
    path: &Path,
    line: usize,
    dest: &str,
    alt: &str,
    cx: &RenderContext,
    problems: &mut Problems,
) -> Option<String> {
    let Some(file) = dest
        .strip_prefix("images/")
        .filter(|f| !f.is_empty() && !f.contains(['/', '\\']))
    else {
        problems.error(
            path,
            line,
            format!("image {dest:?}: images live in the module's images/ folder (images/<file>)"),
        );
        return None;
    };
    if alt.is_empty() {
        problems.error(
            path,
            line,
            format!("image {dest:?} has no alt text: ![what the picture shows]({dest})"),
        );
    }
    let Some((width, height)) = (cx.image_size)(file) else {
        problems.error(
            path,
            line,
            format!("image {dest:?} does not exist (or is not a PNG, JPEG, GIF or WebP picture)"),
        );
        return None;
    };
    Some(format!(
        "<img src=\"{}{}\" alt=\"{}\" width=\"{width}\" height=\"{height}\" loading=\"lazy\" decoding=\"async\">",
        escape(cx.image_url_prefix),
        escape(file),
        escape(alt)
    ))
}

/// A heading's anchor: lowercase letters and digits (any script) joined by hyphens,
/// unique within the lesson.
fn unique_slug(text: &str, seen: &mut HashSet<String>) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let base = if slug.is_empty() { "section" } else { slug }.to_owned();
    let mut candidate = base.clone();
    let mut n = 2;
    while !seen.insert(candidate.clone()) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    candidate
}

/// Escapes text for an HTML attribute or element.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
