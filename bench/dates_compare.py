"""Compare `pantau.dates` with dateparser 1.5 on hand-written phrases with known answers.

Run: `.venv/bin/python bench/dates_compare.py`. Prints, for each parser, the accuracy and the time per
phrase. Phrases are read whole (`parse_date` / `dateparser.parse`); trap sentences, which must give no
date at all, are searched (`find_dates` / `dateparser.search.search_dates`). dateparser returns one
datetime, so it is right on a phrase when that datetime, cut to the expected precision, is the
expected single date; it cannot express a range. Not collected by pytest.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

import dateparser
from dateparser.search import search_dates

from pantau.dates import find_dates, parse_date

ANCHOR = dt.date(2025, 11, 28)
LANGUAGES = ["id", "en"]
REPEAT = 20

PHRASES: list[tuple[str, str | None, str | None]] = [
    ("17 Februari 2026", "2026-02-17", None),
    ("24 Juni 1967", "1967-06-24", None),
    ("26 October 2025", "2025-10-26", None),
    ("October 26, 2025", "2025-10-26", None),
    ("2023-10-05", "2023-10-05", None),
    ("(14/10/2025)", "2025-10-14", None),
    ("Jumat (13/9/2024)", "2024-09-13", None),
    ("Kamis (20/11)", "2025-11-20", None),
    ("14 Okt 2025", "2025-10-14", None),
    ("5 Agu 2024", "2024-08-05", None),
    ("December 27", "2025-12-27", None),
    ("Dec 27", "2025-12-27", None),
    ("25-28 September", "2025-09-25", "2025-09-28"),
    ("27-28 November", "2025-11-27", "2025-11-28"),
    ("pada 23-25 April 2023", "2023-04-23", "2023-04-25"),
    ("dari 20 Maret hingga 8 April", "2026-03-20", "2026-04-08"),
    ("from 24 to 25 November", "2025-11-24", "2025-11-25"),
    ("November 11-12", "2025-11-11", "2025-11-12"),
    ("10 bulan pertama tahun 2025", "2025-01", "2025-10"),
    ("periode 2018-2021", "2018", "2021"),
    ("pada tahun 2026", "2026", None),
    ("Oktober 2025", "2025-10", None),
    ("akhir Oktober", "2025-10", None),
    ("Juli lalu", "2025-07", None),
    ("Desember mendatang", "2025-12", None),
    ("kemarin", "2025-11-27", None),
    ("besok", "2025-11-29", None),
    ("bulan depan", "2025-12", None),
    ("tahun lalu", "2024", None),
    ("Senin lalu", "2025-11-24", None),
    ("pada hari Senin", "2025-11-24", None),
    ("on Tuesday", "2025-11-25", None),
    ("minggu depan", "2025-12-01", "2025-12-07"),
    ("pekan lalu", "2025-11-17", "2025-11-23"),
]
"""(phrase, expected start, expected end or None for a single date) with the anchor 2025-11-28."""

TRAPS: list[str] = [
    "Menurut Hun Sen, perbatasan aman.",
    "Nilai perdagangan mencapai 9,5 miliar dolar AS.",
    "Perdagangan tumbuh 13,5% dibanding sebelumnya.",
    "Skornya 10,57 poin.",
    "KTT ke-13 berlangsung di Vientiane.",
    "Pesawat mendarat pukul 16.20 WIB.",
    "Produksi naik 5 persen per tahun.",
    "Program ini akan selesai dalam 4 tahun.",
    "Pasukan dari Daerah Militer 5 dikerahkan.",
    "Perdana Menteri Hun Manet, 46, menyambut tamunya.",
]
"""Sentences that contain no date."""


def _cut(value: dt.datetime, like: str) -> str:
    """`value` as ISO text at the precision of `like` (YYYY, YYYY-MM or YYYY-MM-DD)."""
    return value.date().isoformat()[: len(like)]


def ours_phrase(phrase: str, start: str, end: str | None) -> bool:
    got = parse_date(phrase, anchor=ANCHOR)
    return got is not None and (got.start, got.end) == (start, end or start)


def dateparser_phrase(phrase: str, start: str, end: str | None) -> bool:
    settings = {"RELATIVE_BASE": dt.datetime.combine(ANCHOR, dt.time()), "PREFER_DAY_OF_MONTH": "first"}
    got = dateparser.parse(phrase, languages=LANGUAGES, settings=settings)
    return got is not None and end is None and _cut(got, start) == start


def ours_trap(text: str) -> bool:
    return not find_dates(text, anchor=ANCHOR)


def dateparser_trap(text: str) -> bool:
    settings = {"RELATIVE_BASE": dt.datetime.combine(ANCHOR, dt.time())}
    return not search_dates(text, languages=LANGUAGES, settings=settings)


def measure(phrase_check: Callable[[str, str, str | None], bool], trap_check: Callable[[str], bool]) -> tuple[
    int, int, float
]:
    """(right answers, cases, microseconds per case) for one parser."""
    right = sum(phrase_check(*case) for case in PHRASES) + sum(trap_check(t) for t in TRAPS)
    began = time.perf_counter()
    for _ in range(REPEAT):
        for case in PHRASES:
            phrase_check(*case)
        for text in TRAPS:
            trap_check(text)
    cases = len(PHRASES) + len(TRAPS)
    return right, cases, (time.perf_counter() - began) / (REPEAT * cases) * 1e6


def main() -> None:
    dateparser.parse("1 Januari 2025", languages=LANGUAGES)  # the first call loads its language data
    rows = [("pantau.dates", *measure(ours_phrase, ours_trap)),
            ("dateparser 1.5", *measure(dateparser_phrase, dateparser_trap))]
    lines = [f"{'parser':16} {'right':>7} {'accuracy':>9} {'µs/phrase':>10}"]
    for name, right, cases, micros in rows:
        lines.append(f"{name:16} {right:>3}/{cases:<3} {right / cases:>9.2f} {micros:>10.1f}")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
