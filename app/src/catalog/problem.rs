//! A problem found in the content: where (file and line) and what.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    /// A gap the app can live with (a missing translation in a non-default locale).
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    /// 1-based; 0 when the problem is about the file as a whole.
    pub line: usize,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for Problem {
    /// `path:line: message`, or `path:line: warning: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = self.line.max(1);
        match self.severity {
            Severity::Error => write!(f, "{}:{line}: {}", self.path.display(), self.message),
            Severity::Warning => write!(
                f,
                "{}:{line}: warning: {}",
                self.path.display(),
                self.message
            ),
        }
    }
}

/// Collects problems while the content is read.
#[derive(Default, Debug)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn error(&mut self, path: &Path, line: usize, message: impl Into<String>) {
        self.push(path, line, Severity::Error, message);
    }

    pub fn warning(&mut self, path: &Path, line: usize, message: impl Into<String>) {
        self.push(path, line, Severity::Warning, message);
    }

    fn push(&mut self, path: &Path, line: usize, severity: Severity, message: impl Into<String>) {
        self.0.push(Problem {
            path: path.to_owned(),
            line,
            severity,
            message: message.into(),
        });
    }

    #[cfg(test)]
    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    pub fn error_count(&self) -> usize {
        self.0
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }
}

/// The 1-based line of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    let end = (0..=end)
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    text[..end].bytes().filter(|b| *b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_count_from_one() {
        let text = "a\nbb\nccc";
        assert_eq!(line_of(text, 0), 1);
        assert_eq!(line_of(text, 2), 2);
        assert_eq!(line_of(text, 5), 3);
        assert_eq!(line_of(text, 999), 3);
        assert_eq!(line_of("đ\n", 1), 1, "inside a multi-byte character");
    }

    #[test]
    fn problems_print_as_path_line_message() {
        let mut problems = Problems::default();
        problems.error(Path::new("content/x/module.toml"), 3, "bad");
        problems.warning(Path::new("content/x/en/module.ftl"), 0, "gap");
        let lines: Vec<String> = problems.0.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "content/x/module.toml:3: bad",
                "content/x/en/module.ftl:1: warning: gap"
            ]
        );
        assert!(problems.has_errors());
    }
}
