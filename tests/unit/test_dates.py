"""Behaviour of `pantau.dates`: forms, traps, anchor resolution, ranges and precision."""

from __future__ import annotations

import datetime as dt

import pytest

from pantau.dates import find_dates, parse_date, to_anchor
from pantau.model import DateSpan

ANCHOR = dt.date(2025, 11, 28)  # a Friday


def span(start: str, end: str | None = None) -> DateSpan:
    return DateSpan(start, end or start)


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("17 Februari 2026", span("2026-02-17")),
        ("24 Juni 1967", span("1967-06-24")),
        ("26 October 2025", span("2025-10-26")),
        ("October 26, 2025", span("2025-10-26")),
        ("2023-10-05", span("2023-10-05")),
        ("(14/10/2025)", span("2025-10-14")),
        ("Jumat (13/9/2024)", span("2024-09-13")),
        ("pada 23-25 April 2023", span("2023-04-23", "2023-04-25")),
        ("30 September - 2 Oktober 2025", span("2025-09-30", "2025-10-02")),
        ("Januari-Maret 2025", span("2025-01", "2025-03")),
        ("5 Agu 2024", span("2024-08-05")),
        ("3 Okt 2024", span("2024-10-03")),
        ("1 Des 2024", span("2024-12-01")),
        ("Des 2024", span("2024-12")),
        ("10 bulan pertama tahun 2025", span("2025-01", "2025-10")),
        ("first ten months of 2024", span("2024-01", "2024-10")),
        ("kuartal III 2025", span("2025-07", "2025-09")),
        ("periode 2018-2021", span("2018", "2021")),
        ("pada tahun 2026", span("2026")),
    ],
)
def test_absolute_forms_need_no_anchor(expr: str, expected: DateSpan) -> None:
    assert parse_date(expr) == expected
    assert parse_date(expr, anchor=ANCHOR) == expected


@pytest.mark.parametrize(
    ("expr", "with_anchor", "without"),
    [
        ("25-28 September", span("2025-09-25", "2025-09-28"), span("--09-25", "--09-28")),
        ("27-28 November", span("2025-11-27", "2025-11-28"), span("--11-27", "--11-28")),
        ("December 27", span("2025-12-27"), span("--12-27")),
        ("Dec 27", span("2025-12-27"), span("--12-27")),
        ("November 11-12", span("2025-11-11", "2025-11-12"), span("--11-11", "--11-12")),
        ("from 24 to 25 November", span("2025-11-24", "2025-11-25"), span("--11-24", "--11-25")),
        ("dari 2 Oktober hingga 8 November", span("2025-10-02", "2025-11-08"), span("--10-02", "--11-08")),
        ("Kamis (20/11)", span("2025-11-20"), span("--11-20")),
        ("akhir Oktober", span("2025-10"), span("--10")),
        ("Juli lalu", span("2025-07"), span("--07")),
        ("Mei lalu", span("2025-05"), span("--05")),
        ("Desember mendatang", span("2025-12"), span("--12")),
    ],
)
def test_day_or_month_without_year_takes_the_anchor_year(
    expr: str, with_anchor: DateSpan, without: DateSpan
) -> None:
    assert parse_date(expr, anchor=ANCHOR) == with_anchor
    assert parse_date(expr) == without


@pytest.mark.parametrize(
    ("expr", "anchor", "expected"),
    [
        ("Januari", dt.date(2025, 12, 20), span("2026-01")),  # near future beats eleven months back
        ("Maret", dt.date(2025, 10, 14), span("2025-03")),  # the past is preferred to an equal future
        ("3 Januari", dt.date(2025, 12, 30), span("2026-01-03")),
        ("Februari lalu", dt.date(2025, 1, 10), span("2024-02")),  # "lalu" forbids the future
        ("Januari mendatang", dt.date(2025, 3, 1), span("2026-01")),  # "mendatang" forbids the past
        ("30 Desember hingga 2 Januari", dt.date(2025, 12, 20), span("2025-12-30", "2026-01-02")),
    ],
)
def test_year_choice_is_the_nearest_plausible_one(expr: str, anchor: dt.date, expected: DateSpan) -> None:
    assert parse_date(expr, anchor=anchor) == expected


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("kemarin", span("2025-11-27")),
        ("yesterday", span("2025-11-27")),
        ("besok", span("2025-11-29")),
        ("bulan depan", span("2025-12")),
        ("bulan lalu", span("2025-10")),
        ("tahun lalu", span("2024")),
        ("next year", span("2026")),
        ("minggu depan", span("2025-12-01", "2025-12-07")),
        ("pekan lalu", span("2025-11-17", "2025-11-23")),
        ("Senin lalu", span("2025-11-24")),
        ("pada hari Senin", span("2025-11-24")),
        ("on Tuesday", span("2025-11-25")),
        ("pada Jumat", span("2025-11-28")),  # the anchor's own weekday is the anchor
        ("Jumat lalu", span("2025-11-21")),
        ("Rabu depan", span("2025-12-03")),
        ("dua tahun lalu", span("2023")),
        ("sebulan lalu", span("2025-10")),
        ("3 days ago", span("2025-11-25")),
        ("Maret tahun lalu", span("2024-03")),
    ],
)
def test_relative_forms_resolve_against_the_anchor(expr: str, expected: DateSpan) -> None:
    assert parse_date(expr, anchor=ANCHOR) == expected
    assert parse_date(expr, anchor="2025-11-28") == expected


@pytest.mark.parametrize(
    "expr", ["kemarin", "bulan depan", "Senin lalu", "pekan lalu", "tahun lalu", "on Tuesday"]
)
def test_relative_forms_are_omitted_without_anchor(expr: str) -> None:
    assert find_dates(f"Menteri itu tiba {expr} di Hanoi.") == []


@pytest.mark.parametrize(
    "text",
    [
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
        "Patroli digelar setiap Senin.",
        "Sebanyak 2000 tentara dikerahkan.",
        "Officials may meet soon; Jan Egeland said the march was calm.",
        "Rasio pasukan 3/4 dari total.",
    ],
)
def test_traps_produce_no_dates(text: str) -> None:
    assert find_dates(text, anchor=ANCHOR) == []


def test_find_dates_offsets_order_and_precision() -> None:
    text = "Pertemuan pada 17 Februari 2026 membahas target tahun 2027, setelah rapat kemarin."
    found = find_dates(text, anchor=ANCHOR)
    assert [m.text for m in found] == ["17 Februari 2026", "tahun 2027", "kemarin"]
    assert all(text[m.start : m.end] == m.text for m in found)
    assert [m.precision for m in found] == ["day", "year", "day"]
    assert [m.relative for m in found] == [False, False, True]


def test_month_only_never_invents_a_day() -> None:
    found = find_dates("KTT akan digelar pada Oktober 2026.")
    assert len(found) == 1
    assert found[0].span == span("2026-10")
    assert found[0].precision == "month"


def test_dateline_and_byline_shapes_are_found() -> None:
    assert [m.span for m in find_dates("Selasa, 14 Okt 2025 15:57 WIB")] == [span("2025-10-14")]
    assert [m.span for m in find_dates("Senin, 29/09/2025 14:30 WIB")] == [span("2025-09-29")]
    assert [m.span for m in find_dates("JAKARTA, Kamis (14/10/2025) –")] == [span("2025-10-14")]


def test_impossible_dates_are_rejected() -> None:
    assert parse_date("31 Februari 2025") is None
    assert parse_date("(12/13/2025)") is None


def test_parse_date_rejects_text_around_the_expression() -> None:
    assert parse_date("kapal tiba 17 Februari 2026 dengan selamat") is None
    assert parse_date("17 Februari 2026 dan 18 Maret 2026") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2025-11-28", dt.date(2025, 11, 28)), ("2025-11-28T10:00:00+07:00", dt.date(2025, 11, 28)),
     ("2025-11", None), ("2025", None), ("28/11/2025", None), (None, None), ("2025-02-30", None)],
)
def test_to_anchor_needs_a_full_iso_day(value: str | None, expected: dt.date | None) -> None:
    assert to_anchor(value) == expected
