//! Every threshold and weight of the comparison in one typed place, with defaults.
//!
//! The defaults were calibrated on development data only: the seed articles, the
//! project's own example corpus, and the dev data in `../shared/data` (METER dev for
//! `trace_wholly` and `trace_min_tiled`, and its word-level annotation for
//! `trace_verbatim_ngram`, `trace_new_run` and `trace_new_novel_share`; the Clough–Stevenson answers for
//! `trace_min_tile`). A TOML file may override any field
//! (`unspin --config FILE`); unknown fields are an error.

use serde::{Deserialize, Serialize};

/// Tunable parameters of [`crate::compare`] and [`crate::trace()`]. `Default` gives the
/// calibrated values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Minimum sentence similarity (IDF-weighted Dice of content stems) to align.
    pub link_threshold: f64,
    /// A sentence joins a group that is not its mutual best match (1–many, many–1) only
    /// if at least this share of its term weight is found in the counterpart.
    pub split_containment: f64,
    /// Token-overlap (Dice over all words) at or above which an aligned group is "edited"
    /// rather than "paraphrase".
    pub edited_threshold: f64,
    /// Copy coverage at or above which the copy is a rewrite (or a near duplicate).
    pub rewrite_coverage: f64,
    /// …and the share of the source's sentences it carries: below this it is partial
    /// reuse. Two reports of one event share a few facts; a rewrite carries most of its
    /// source.
    pub rewrite_source_coverage: f64,
    /// Both coverages at or above this, with mostly verbatim groups: near duplicate.
    pub near_duplicate_coverage: f64,
    /// Share of aligned words in identical/edited groups needed for a near duplicate.
    pub near_duplicate_verbatim: f64,
    /// Copy coverage at or above which the pair is partial reuse.
    pub partial_coverage: f64,
    /// A group this close (score) counts as evidence of reuse even when coverage is low.
    pub strong_group: f64,
    /// Minimum strong groups for partial reuse when coverage is low.
    pub partial_min_strong_groups: usize,
    /// Document-level similarity (weighted Dice of all content terms) for same story.
    pub same_story_similarity: f64,
    /// `trace`: derived share at or above which an article is wholly derived.
    pub trace_wholly: f64,
    /// `trace`: below this tiled share (words in runs of at least `trace_min_tile` words
    /// shared with the sources) an article is not derived: it tells the same story in
    /// its own words, sharing only names, quotes and stock phrases.
    pub trace_min_tiled: f64,
    /// `trace`: minimum run of words (greedy string tiling) counted in `tiled_share`.
    pub trace_min_tile: usize,
    /// `trace`: a word inside a run of this many words that some source sentence holds
    /// is verbatim, wherever the article took it from (0: only the word diff against the
    /// aligned passage decides).
    pub trace_verbatim_ngram: usize,
    /// `trace`: in a derived sentence, a run of words the aligned passage does not keep
    /// is new (an added clause), not rewritten, when it brings at least this many content
    /// words…
    pub trace_new_run: usize,
    /// …and at least this share of its content words have stems the passage lacks.
    pub trace_new_novel_share: f64,
    /// A derived pair whose number/name/date changes reach this count…
    pub template_min_changes: usize,
    /// …and this share of the aligned passages that carry facts is two stories on one
    /// template (reported as same story), not a copy.
    pub template_changed_share: f64,
    /// Minimum |evidence| for naming a source; below it `source` is null.
    pub source_min_evidence: f64,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            link_threshold: 0.28,
            split_containment: 0.5,
            edited_threshold: 0.75,
            rewrite_coverage: 0.6,
            rewrite_source_coverage: 0.4,
            near_duplicate_coverage: 0.85,
            near_duplicate_verbatim: 0.85,
            partial_coverage: 0.2,
            strong_group: 0.5,
            partial_min_strong_groups: 2,
            same_story_similarity: 0.12,
            trace_wholly: 0.9,
            trace_min_tiled: 0.2,
            trace_min_tile: 3,
            trace_verbatim_ngram: 4,
            trace_new_run: 4,
            trace_new_novel_share: 0.8,
            template_min_changes: 3,
            template_changed_share: 0.75,
            source_min_evidence: 0.5,
        }
    }
}
