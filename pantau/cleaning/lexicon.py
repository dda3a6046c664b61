"""Noise lexicons: reads `pantau/data/noise-furniture.txt` and `pantau/data/noise-spam.txt`.

Each file is a list of "[section]" headings followed by one lower-case entry a line; `#` starts a
comment. The files say what their entries are and where they come from. This module only parses
them into an immutable `Lexicon`; the rules that use the entries live in `pantau.cleaning.lines`.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

FURNITURE_FILE = "noise-furniture.txt"
SPAM_FILE = "noise-spam.txt"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Section name -> entries, for the furniture and the spam vocabularies."""

    furniture: dict[str, tuple[str, ...]]
    spam: dict[str, tuple[str, ...]]

    def section(self, name: str) -> tuple[str, ...]:
        """Entries of a furniture section (empty when the file has none)."""
        return self.furniture.get(name, ())

    def prefixed(self, prefix: str) -> dict[str, tuple[str, ...]]:
        """Furniture sections named `prefix:KIND`, keyed by KIND."""
        return {name.split(":", 1)[1]: entries for name, entries in self.furniture.items()
                if name.startswith(prefix + ":")}


def parse_sections(text: str) -> dict[str, tuple[str, ...]]:
    """Parse a lexicon file body: `[section]` headings, one entry a line, `#` comments."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip() if raw.lstrip().startswith("#") else raw.strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1].strip(), [])
        elif current is not None:
            current.append(line.casefold())
    return {name: tuple(dict.fromkeys(entries)) for name, entries in sections.items()}


def _read(name: str) -> str:
    return resources.files("pantau").joinpath("data", name).read_text(encoding="utf-8")


def load_lexicon() -> Lexicon:
    """Load both lexicon files shipped with the package."""
    return Lexicon(furniture=parse_sections(_read(FURNITURE_FILE)), spam=parse_sections(_read(SPAM_FILE)))
