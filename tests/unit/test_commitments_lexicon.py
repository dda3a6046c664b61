"""The commitment lexicons (`data/commitment-*.tsv`) load, use only known classes, and hold the
vocabulary the rules depend on."""

from __future__ import annotations

import pytest

from pantau.commitments.clauses import SentenceReader, tokenize
from pantau.commitments.lexicon import CommitmentLexicons

LEX = CommitmentLexicons.load()


@pytest.mark.parametrize("table,phrase,cls", [
    ("cues", "sepakat untuk", "agree"),
    ("cues", "agreed to", "agree"),
    ("cues", "dijadwalkan", "schedule"),
    ("cues", "is scheduled to", "schedule"),
    ("cues", "akan", "future"),
    ("cues", "will", "future"),
    ("cues", "tidak", "negation"),
    ("cues", "berharap", "hedge"),
    ("actions", "mengaktifkan kembali", "activate"),
    ("actions", "menandatangani", "sign"),
    ("actions", "kunjungan", "visit"),
    ("actions", "melakukan", "light"),
    ("actions", "berlangsung", "happen"),
    ("actions", "gencatan senjata", "cessation"),
    ("vague", "terus", "continuation"),
    ("vague", "continue to", "continuation"),
    ("vague", "memperkuat", "vague-verb"),
    ("vague", "strengthen", "vague-verb"),
    ("vague", "kerja sama", "abstract"),
    ("vague", "ties", "abstract"),
    ("grammar", "bahwa", "boundary"),
    ("grammar", "yang", "relative"),
    ("grammar", "mereka", "pronoun"),
    ("grammar", "tengah malam ini", "immediate"),
    ("grammar", "mengatakan", "report"),
])
def test_lexicon_entries(table: str, phrase: str, cls: str) -> None:
    lexicon = getattr(LEX, table)
    words = phrase.split()
    assert lexicon.has(words, 0, cls) == len(words)


def test_longest_phrase_wins() -> None:
    words = "mengaktifkan kembali hotline".split()
    assert LEX.actions.match(words, 0) == (2, frozenset({"activate"}))
    assert LEX.actions.match(words, 2) == (1, frozenset({"activate"}))
    assert LEX.actions.match(["sepak", "bola"], 0) is None


def test_cues_merge_cancel_and_skip_agreed_that() -> None:
    reader = SentenceReader(LEX)

    def roles(text: str) -> list[str]:
        return [c.role for c in reader.cues([t.low for t in tokenize(text, 0, len(text))])]

    assert roles("Konferensi itu dijadwalkan akan diadakan Mei") == ["schedule"]
    assert roles("Borduria tidak akan datang") == []
    assert roles("Borduria diharapkan akan datang") == []
    assert roles("Kedua pihak sepakat bahwa mereka akan bertemu") == ["future"]
    assert not reader.may_have_cue("Borduria menolak tuduhan itu.", 0, 29)


def test_reduplicated_words_read_as_their_base() -> None:
    assert [t.low for t in tokenize("Aktivitas-aktivitas utama", 0, 25)] == ["aktivitas", "utama"]
