//! The one integration-test binary: drives the `unspin` executable end to end.
//!
//! Tests go through small `check`-style helpers so they survive refactors of the API.

mod bad_input;
mod compare;
mod html;
mod index;
mod scan;
mod seeds;
mod support;
mod trace_eval;
