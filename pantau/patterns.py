"""Regular-expression building blocks shared by the lexicon scanners (figures, event triggers).

A lexicon of hundreds of forms scanned over whole texts is compiled as one alternation factored by common
prefixes: a position where no form starts costs a few character tests instead of one per form. A space in a
form matches any run of whitespace.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str]) -> str:
    """An alternation of `words` factored by common prefixes; at each position the longest form wins."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node(tree)


def _node(node: dict[str, dict]) -> str:
    alts = [(r"\s+" if ch == " " else re.escape(ch)) + _node(child) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


def initials_class(words: Iterable[str]) -> str:
    """The escaped first letters of `words`, for a `(?=[...])` guard in front of a trie pattern."""
    return re.escape("".join(sorted({w[0] for w in words if w})))
