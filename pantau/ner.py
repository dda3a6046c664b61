"""Statistical named-entity recogniser (PERSON, ORG, LOC) for Indonesian-first news text.

A linear-chain CRF (python-crfsuite) trained by `scripts/train_ner.py` and shipped as
`pantau/data/ner-crf.model`; nothing is downloaded at run time. This module holds everything the
trainer and the run time must agree on: the tokenizer and the feature function.

Decisions:
- Tokenizer: one regex that keeps character offsets. Numerals with separators stay whole ("9,5",
  "2.300", "24/8/2014", "16.20"); words keep inner hyphens, apostrophes and dots ("PDI-P",
  "negara-negara", "Ja'far", "Kompas.com"); dotted initialisms stay whole ("A.S."); every other
  non-space character is a token of its own. This follows the IDNER news token conventions
  (hyphenated words whole, punctuation split); the trainer re-tokenizes all corpora with this same
  tokenizer so training and run time see identical tokens.
- Features are gazetteer-free: lowercase form, prefixes and suffixes, a compressed word shape,
  capitalisation flags, digit flags, the form of neighbours at distance 1 and 2 and the shape of
  neighbours at distance 1 (see `FEATURE_SET`). A richer set (length bucket, 2-letter prefix,
  neighbour case at distance 2, word bigrams) scored the same on IDNER dev and tags about twice as
  slowly, so it was dropped.
- At run time a word's features leave out the attributes the model never saw in training (crfsuite
  skips those anyway, but only after converting and looking up each string, which is most of the
  tagging time) and are cached as UTF-8 bytes, which pycrfsuite hands to crfsuite without encoding
  each string again; the tags are the same. The trainer keeps the full feature set as `str`.
- `find` splits a document into sentences at `.`, `!`, `?` and at line breaks, because the model was
  trained on sentences (a capital after a full stop is weak evidence of a name); a full stop after a
  short capitalised word ("Dr.", "H.", "Jl.") is taken as an abbreviation, not a sentence end.
- Tags are IOB2; an `I-` tag with no open span of its type starts a new span.
- `find` skips sentences with no capitalised token after the first that the caller has not already
  named (countries, places, titles, organisations): there the model could add at most a one-word
  name at the sentence start, which the entity stage does not take from the model alone, or a span
  overlapping a known one, which it drops anyway.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from importlib import resources
from pathlib import Path

import pycrfsuite

#: Labels the model emits (besides `O`).
LABELS: tuple[str, ...] = ("PERSON", "ORG", "LOC")

#: A short description of the features, recorded in the model metadata.
FEATURE_SET = (
    "lowercase form; 3-letter prefix and 2-4-letter suffixes of the lowercase form; compressed shape "
    "(runs of X/x/d collapsed); is-title, is-upper, has-upper-inside, is-digit, has-digit, has-hyphen, "
    "is-punct; sentence start/end; lowercase form of the neighbours at -2, -1, +1, +2; shape of the "
    "neighbours at -1, +1"
)

_TOKEN = re.compile(
    r"\d+(?:[.,/:]\d+)+"  # numerals with separators: 9,5  2.300  24/8/2014  16.20
    r"|(?:[^\W\d_]\.){2,}"  # dotted initialisms: A.S.  N.M.
    r"|\w+(?:[-'’.]\w+)*"  # words, inner hyphen/apostrophe/dot: PDI-P  Ja'far  Kompas.com
    r"|\S"  # any other single character: punctuation, symbols
)
_SHAPE_RUNS = re.compile(r"(.)\1+")
_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = frozenset(".!?")
_CACHE_WORDS = 100_000  # word types whose features one NerModel keeps (a few tens of MB at most)
_ABBREVIATION = re.compile(r"[A-Z][a-z]{0,2}")  # Dr. H. Jl. Ir. Drs. Kol. : a full stop that ends no sentence


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Tokens of `text` as `(token, start, end)` with `text[start:end] == token`."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _shape(word: str) -> str:
    """Compressed word shape: `Jakarta` -> `Xx`, `PDI-P` -> `X-X`, `2.300` -> `d.d`."""
    raw = "".join("X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c for c in word)
    return _SHAPE_RUNS.sub(r"\1", raw)


_OFFSETS = (-2, -1, 1, 2)
_PAD = ((), *((f"{d}w=<pad>",) for d in _OFFSETS))  # a position outside the sentence
Features = tuple[tuple[str | bytes, ...], ...]
"""The feature groups of one token type (see `_word_features`): `str` for training, bytes at run time."""


def _word_features(word: str) -> tuple[tuple[str, ...], ...]:
    """Feature groups of one token type: its own features, then the features it contributes as the
    neighbour at each offset of `_OFFSETS` (-2, -1, +1, +2)."""
    low = word.lower()
    shape = _shape(word)
    title = "1" if word.istitle() else "0"
    own = ["b", "w=" + low, "p3=" + low[:3], "s2=" + low[-2:], "s3=" + low[-3:], "s4=" + low[-4:],
           "sh=" + shape, "t=" + title]
    if word.isupper():
        own.append("up")
    if any(c.isupper() for c in word[1:]):
        own.append("upin")
    if word.isdigit():
        own.append("dig")
    elif any(c.isdigit() for c in word):
        own.append("hasdig")
    if "-" in word:
        own.append("hyph")
    if not any(c.isalnum() for c in word):
        own.append("punct")
    near = (("-2w=" + low,), ("-1w=" + low, "-1sh=" + shape), ("1w=" + low, "1sh=" + shape), ("2w=" + low,))
    return (tuple(own), *near)


def _known_features(attributes: frozenset[str], word: str) -> tuple[tuple[bytes, ...], ...]:
    """`_word_features` without the attributes that are not in the model, as UTF-8 bytes (see the
    module docstring)."""
    return tuple(tuple(f.encode() for f in group if f in attributes) for group in _word_features(word))


def sentence_features(words: Sequence[str], word_features: Callable[[str], Features] = _word_features
                      ) -> list[list[str | bytes]]:
    """CRF features (binary attribute names) for each token of one sentence; `word_features` may be a
    cached version of `_word_features` (`NerModel` caches `_known_features`)."""
    padded = [_PAD, _PAD, *map(word_features, words), _PAD, _PAD]
    out = [[*padded[i + 2][0], *padded[i][1], *padded[i + 1][2], *padded[i + 3][3], *padded[i + 4][4]]
           for i in range(len(words))]
    if out:
        out[0].append("BOS")
        out[-1].append("EOS")
    return out


def spans_from_tags(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans `(first_token, end_token_exclusive, label)` from IOB tags (lenient on stray `I-`)."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O" and not label:
            continue  # most tags: nothing to close, nothing to open
        prefix, _, kind = tag.partition("-")
        if label and (prefix != "I" or kind != label):
            spans.append((start, i, label))
            label = ""
        if prefix == "B" or (prefix == "I" and not label):
            start, label = i, kind
    return spans


@dataclass(frozen=True)
class NerModel:
    """A loaded CRF tagger. Build with `NerModel.load`; the instance owns its tagger, the model bytes
    (crfsuite reads them in place, so they must live as long as the tagger) and a bounded cache of
    per-word features restricted to the model's attributes (news vocabulary repeats, so most words are
    looked up, not recomputed)."""

    tagger: pycrfsuite.Tagger
    model_bytes: bytes
    word_features: Callable[[str], Features] = field(repr=False, compare=False)

    @classmethod
    def load(cls, path: str | Path | None = None) -> NerModel:
        """Load a model file, by default the one packaged as `pantau/data/ner-crf.model`."""
        if path is None:
            data = resources.files("pantau").joinpath("data", "ner-crf.model").read_bytes()
        else:
            data = Path(path).read_bytes()
        tagger = pycrfsuite.Tagger()
        tagger.open_inmemory(data)
        attributes = frozenset(tagger.info().attributes)
        return cls(tagger, data, lru_cache(maxsize=_CACHE_WORDS)(partial(_known_features, attributes)))

    def predict(self, tokens: list[str]) -> list[str]:
        """IOB2 tags (`B-PERSON`, `I-ORG`, `O`, ...) for one sentence of tokens."""
        if not tokens:
            return []
        return list(self.tagger.tag(sentence_features(tokens, self.word_features)))

    def find(self, text: str, known: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
        """Entities in `text` as `(start, end, label)` character spans, in text order. `known` are
        spans the caller has already named by other means: a sentence whose capitalised tokens after
        the first all lie inside them is not tagged (see the module docstring)."""
        starts, ends = _merged(known)
        found: list[tuple[int, int, str]] = []
        for sentence in _sentences(text):
            if not any(tok[:1].isupper() and not _inside(starts, ends, s, e) for tok, s, e in sentence[1:]):
                continue
            tags = self.predict([tok for tok, _, _ in sentence])
            for first, end, label in spans_from_tags(tags):
                found.append((sentence[first][1], sentence[end - 1][2], label))
        return found


def _merged(spans: Sequence[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted, non-overlapping starts and ends covering `spans`."""
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(spans):
        if ends and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def _inside(starts: list[int], ends: list[int], s: int, e: int) -> bool:
    i = bisect_right(starts, s) - 1
    return i >= 0 and e <= ends[i]


def _sentences(text: str) -> list[list[tuple[str, int, int]]]:
    """The tokens of `text` (as `tokenize` gives them) grouped into sentences: a break at every line
    break (no token spans one, so lines are tokenized one by one) and after `.`, `!`, `?` (not after an
    abbreviation such as "Dr.")."""
    sentences: list[list[tuple[str, int, int]]] = []
    for line in _LINE.finditer(text):
        current: list[tuple[str, int, int]] = []
        for m in _TOKEN.finditer(text, line.start(), line.end()):
            token = m.group()
            current.append((token, m.start(), m.end()))
            if token in _SENTENCE_END and not (
                token == "." and len(current) > 1 and _ABBREVIATION.fullmatch(current[-2][0])
            ):
                sentences.append(current)
                current = []
        if current:
            sentences.append(current)
    return sentences
