//! placeholder
use anyhow::Result;
use std::path::Path;
pub fn run(_p: &Path, _q: Option<&Path>) -> Result<String> {
    anyhow::bail!("not yet")
}
