"""Helpers of the `clean` stage: noise lexicons (`lexicon`) and the text-level pass (`lines`)."""
