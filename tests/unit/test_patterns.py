"""The shared prefix-trie alternation (our own word lists)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from pantau.patterns import initials_class, trie_pattern


def test_longest_form_wins_and_spaces_match_any_whitespace() -> None:
    pattern = re.compile(rf"(?=[{initials_class(['latihan', 'latihan gabungan', 'lawatan'])}])"
                         rf"{trie_pattern(['latihan', 'latihan gabungan', 'lawatan'])}")
    assert pattern.match("latihan  gabungan").group() == "latihan  gabungan"
    assert pattern.match("latihan militer").group() == "latihan"
    assert pattern.match("lawatan").group() == "lawatan"
    assert pattern.match("patroli") is None


@given(st.lists(st.text(alphabet="ab. ", min_size=1, max_size=6), min_size=1, max_size=12))
def test_the_trie_matches_exactly_what_the_plain_alternation_matches(words: list[str]) -> None:
    trie = re.compile(trie_pattern(words))
    plain = re.compile("|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)))
    for probe in [*words, "ab", "ba.", " a", "zzz"]:
        t, p = trie.fullmatch(probe), plain.fullmatch(probe)
        assert (t is None) == (p is None)
