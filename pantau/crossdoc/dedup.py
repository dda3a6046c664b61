"""Near-duplicate pages: syndicated copies, reposts on aggregator and spam sites, light rewrites.

A page's clean text becomes the set of its word 3-shingles (case, accents and punctuation folded), summarised by
a MinHash signature (datasketch). Signatures are cut into LSH bands; two pages that share a band hash are
candidates, and a candidate is a near-duplicate when the estimated Jaccard similarity of the shingle sets is at
least `THRESHOLD`. Bands are plain integers so a store can index them and find candidates with one query.

3-shingles rather than 5: a light rewrite changes a word every sentence or so, which breaks most 5-grams but
leaves many 3-grams; 0.5 keeps rewrites in while two reports of the same press release by different outlets
(similar facts, their own sentences) stay well below it.
"""

from __future__ import annotations

from dataclasses import dataclass

from datasketch import MinHash

from .same_event import fold

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.5
SHINGLE = 3
MIN_WORDS = 20
"""Pages shorter than this are never called duplicates: a two-line notice shares too much by chance."""


@dataclass(slots=True, frozen=True)
class Fingerprint:
    """A page's MinHash signature and its LSH band hashes."""

    hashvalues: tuple[int, ...]
    bands: tuple[int, ...]
    words: int

    def similarity(self, other: Fingerprint) -> float:
        same = sum(a == b for a, b in zip(self.hashvalues, other.hashvalues, strict=True))
        return same / len(self.hashvalues)

    def is_near_duplicate(self, other: Fingerprint) -> bool:
        if self.words < MIN_WORDS or other.words < MIN_WORDS:
            return False
        return self.similarity(other) >= THRESHOLD


def fingerprint(text: str) -> Fingerprint:
    words = fold(text).split()
    mh = MinHash(num_perm=NUM_PERM, seed=1)
    grams = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    mh.update_batch([g.encode("utf-8") for g in grams if g])
    values = tuple(int(v) for v in mh.hashvalues)
    bands = tuple(hash_band(i, values[i * ROWS:(i + 1) * ROWS]) for i in range(BANDS))
    return Fingerprint(values, bands, len(words))


def hash_band(index: int, rows: tuple[int, ...]) -> int:
    """A stable signed 63-bit integer per (band index, rows): fits a BIGINT column in SQLite and PostgreSQL."""
    h = 1469598103934665603 ^ index
    for r in rows:
        h = ((h ^ r) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return h & 0x7FFFFFFFFFFFFFFF
