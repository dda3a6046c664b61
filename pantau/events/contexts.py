"""Event contexts (military, border, trade, diplomatic, humanitarian, consular, security) from the
cue words of `data/event-contexts.tsv` found in the evidence, in the order of first cue."""

from __future__ import annotations

import re
from importlib.resources import files

from ..errors import ConfigError


class ContextCues:
    """The compiled cue table; `contexts(text)` lists the contexts its cues name."""

    def __init__(self, name: str = "event-contexts.tsv") -> None:
        table: dict[str, str] = {}
        raw = files("pantau").joinpath("data", name).read_text(encoding="utf-8")
        for number, line in enumerate(raw.splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 2:
                raise ConfigError(f"{name}:{number}: expected cue and context; got {line!r}")
            table[" ".join(cols[0].lower().split())] = cols[1]
        self._table = table
        cues = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(table, key=len, reverse=True))
        self._pattern = re.compile(rf"\b(?:{cues})", re.IGNORECASE)

    def contexts(self, text: str) -> list[str]:
        out: list[str] = []
        for m in self._pattern.finditer(text):
            context = self._table[" ".join(m.group().lower().split())]
            if context not in out:
                out.append(context)
        return out
