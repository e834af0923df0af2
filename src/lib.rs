//! touchplan: plans post-sale client touches and their reasons.

pub mod engine;

pub use engine::error::{InputError, InputErrors};
pub use engine::model::{Channel, Date, Locale, Role, Segment, TouchKind};
pub use engine::output::{Plan, Touch};
