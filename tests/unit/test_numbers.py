"""Numerals in both separator conventions and number words (pantau.numbers)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pantau.numbers import parse_number_words, parse_numeral


@pytest.mark.parametrize(
    ("text", "scale_lang", "value"),
    [
        ("42", None, 42.0),
        ("7,25", None, 7.25),  # Indonesian decimal comma
        ("7.25", None, 7.25),  # English decimal point
        ("512.904", None, 512904.0),  # Indonesian thousands dots
        ("512,904", None, 512904.0),  # English thousands commas
        ("3.402.115", None, 3402115.0),
        ("3,402,115", None, 3402115.0),
        ("2.345.678,5", None, 2345678.5),
        ("2,345,678.5", None, 2345678.5),
        ("1.375", "en", 1.375),  # "1.375 billion"
        ("1,375", "id", 1.375),  # "1,375 miliar"
        ("1.375", "id", 1375.0),  # "1.375 miliar": thousands dot
        ("44,08", "id", 44.08),
    ],
)
def test_parse_numeral(text: str, scale_lang, value: float) -> None:
    assert parse_numeral(text, scale_lang) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("enam", 6),
        ("sebelas", 11),
        ("tiga belas", 13),
        ("empat puluh dua", 42),
        ("seratus enam puluh", 160),
        ("dua ratus ribu", 200000),
        ("seribu", 1000),
        ("tiga juta", 3000000),
        ("seventeen", 17),
        ("sixty-four", 64),
        ("two hundred", 200),
        ("five thousand", 5000),
    ],
)
def test_parse_number_words(text: str, value: int) -> None:
    assert parse_number_words(text) == value


@pytest.mark.parametrize("text", ["puluh", "ribu", "hundred", "kedua", "meja"])
def test_parse_number_words_rejects(text: str) -> None:
    assert parse_number_words(text) is None


def _indonesian(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@given(st.integers(min_value=1, max_value=10**12), st.integers(min_value=1, max_value=10**6))
def test_larger_numeral_larger_value(a: int, step: int) -> None:
    b = a + step
    assert parse_numeral(_indonesian(b)) > parse_numeral(_indonesian(a))
    assert parse_numeral(f"{b:,}") > parse_numeral(f"{a:,}")
