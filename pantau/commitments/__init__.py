"""Commitment extraction, one job per module: `lexicon` (the `data/commitment-*.tsv` tables),
`clauses` (cues, subjects and action items of a sentence), `judge` (concrete or vague), `parties`,
`due` and `linking` (`made_at`). The stage that runs them is `pantau.stages.commitments`."""
