//! One thing wrong with a catalogue file, formatted the way `indsats check` prints it.

use std::fmt;

/// A single problem found while parsing or validating a catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file is not valid JSON (or not UTF-8); printed as `PATH:LINE:COL: message`.
    Syntax {
        /// The file as the user named it.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The JSON is well formed but breaks a rule of the format; printed as
    /// `PATH: initiative 'id': field: message` (or `PATH: field: message` outside initiatives).
    Content {
        /// The file as the user named it.
        path: String,
        /// How to name the initiative: `'ips-ung'` or `#3` when it has no usable id.
        initiative: Option<String>,
        /// JSON path of the field inside the initiative (or the file), e.g. `age.min`.
        field: String,
        /// What is wrong.
        message: String,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.plain();
        // Messages quote catalogue values: they may not steer the terminal of
        // whoever checks the file.
        f.write_str(&crate::text::escaped(&text))
    }
}

impl Problem {
    /// The message before unsafe characters are escaped.
    fn plain(&self) -> String {
        let mut f = String::new();
        let _ = self.write_plain(&mut f);
        f
    }

    fn write_plain(&self, f: &mut String) -> fmt::Result {
        use std::fmt::Write;
        match self {
            Problem::Syntax {
                path,
                line,
                column,
                message,
            } => write!(f, "{path}:{line}:{column}: {message}"),
            Problem::Content {
                path,
                initiative,
                field,
                message,
            } => {
                write!(f, "{path}: ")?;
                if let Some(initiative) = initiative {
                    write!(f, "initiative {initiative}: ")?;
                }
                if field.is_empty() {
                    write!(f, "{message}")
                } else {
                    write!(f, "{field}: {message}")
                }
            }
        }
    }
}
