//! Input errors: every problem of one input, each with a stable code, the
//! JSON path of the offending field and a message in the locale.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One problem with the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputError {
    /// Stable code: `invalid_date`, `missing_field`, `out_of_range`,
    /// `end_before_start`, `unknown_value`, `invalid_type`, `too_long`,
    /// `too_many`.
    pub code: String,
    /// JSON path, e.g. `client.orders[2].date`.
    pub path: String,
    /// What was expected, in the input's locale.
    pub message: String,
}

/// All problems of one input, never empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputErrors {
    pub errors: Vec<InputError>,
}

impl InputErrors {
    /// The first problem: the one a single-error API reports.
    pub fn first(&self) -> &InputError {
        &self.errors[0]
    }
}

impl fmt::Display for InputErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.errors.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}: {} ({})", e.path, e.message, e.code)?;
        }
        Ok(())
    }
}

impl std::error::Error for InputErrors {}
