"""Sentence spans are ordered, non-overlapping, trimmed and cover every non-space character."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pantau.stages.sentences import split_sentences

PIECES = ["Menteri", "tiba", "Dr.", "Jend.", "dll.", "U.S.", "A.", "681.332", "2,5", "...", "…", "?", "!",
          ".", " ", "  ", "\n", "\n\n", "“", "”", '"', "'", "(", ")", "1.", "Tbk.", "kata", "Hun Sen", "\xa0"]


def check_spans(text: str) -> None:
    spans = split_sentences(text)
    covered = [False] * len(text)
    previous_end = 0
    for s in spans:
        assert previous_end <= s.start < s.end <= len(text)
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
        for i in range(s.start, s.end):
            covered[i] = True
        previous_end = s.end
    assert all(covered[i] or c.isspace() for i, c in enumerate(text))


@given(st.text())
def test_spans_on_arbitrary_text(text: str) -> None:
    check_spans(text)


@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_spans_on_news_like_text(text: str) -> None:
    check_spans(text)
