//! placeholder
use anyhow::Result;
use std::path::Path;
pub fn run(_p: &Path, _q: Option<&Path>, _c: &unspin_core::Config) -> Result<String> {
    anyhow::bail!("not yet")
}
